"""Shared set-up of the atheris harnesses: the repository on the path, seeds, the run loop.

Each ``fuzz/fuzz_*.py`` defines ``one_input(data: bytes)`` that calls parsers and lets only
the parser's own error type pass; anything else is a finding (atheris stops and saves the
input as ``crash-*``). Run: ``python fuzz/fuzz_scale.py -atheris_runs=100000`` (libFuzzer
options: ``-max_total_time=60``, ``-artifact_prefix=/tmp/``). Without a corpus folder on the
command line, the harness's seeds (good samples from tests/ and resources/) are written to
``$TMPDIR/kiosk-fuzz-<harness>`` and used as the corpus, so mutation starts from well-formed
input.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "lists" / "fixtures"


def run(
    one_input: Callable[[bytes], None],
    modules: Sequence[str],
    seeds: Callable[[], Sequence[bytes]] = tuple,
) -> None:
    """Instrument ``modules`` (coverage feedback) and fuzz ``one_input`` with argv's options.

    Args:
        one_input: The harness body.
        modules: Packages/modules whose code atheris instruments.
        seeds: Gives the starting inputs, used when no corpus folder is given; called after
            the modules are instrumented (a module imported before is not instrumented).
    """
    import atheris

    with atheris.instrument_imports(include=list(modules)):
        for module in modules:
            __import__(module)
    argv = list(sys.argv)
    if not any(not a.startswith("-") for a in argv[1:]):
        # atheris.Fuzz() ends the process without unwinding, so a temporary folder would
        # be left behind each run: one fixed folder per harness, emptied and refilled.
        corpus = Path(tempfile.gettempdir(), f"kiosk-fuzz-{Path(argv[0]).stem}")
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir()
        for i, seed in enumerate(seeds()):
            (corpus / f"seed-{i:03d}").write_bytes(seed)
        argv.append(str(corpus))
    atheris.Setup(argv, one_input)
    atheris.Fuzz()
