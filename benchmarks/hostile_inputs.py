"""Every parser of outside input over N generated hostile inputs: tried / clear errors / crashes.

A "clear error" is the parser's own exception type with a one-line message; anything else
(another exception type, a multi-line message) is a crash. Inputs are random bytes, and the
parser's good sample mutated (truncated, bytes flipped, inserted or deleted), from a fixed
seed. Prints one line per parser and the totals; ``--n`` sets inputs per parser.

    .venv/bin/python benchmarks/hostile_inputs.py --n 2000
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hardware.base import FrameError  # noqa: E402
from hardware.reader import parse_scan_line  # noqa: E402
from hardware.rfid import (  # noqa: E402
    chafon_inventory_reply,
    em4100_frame,
    parse_chafon_reply,
    parse_em4100_frame,
)
from hardware.scale import PROFILES  # noqa: E402
from kiosk import lists  # noqa: E402
from kiosk.domain.identifiers import IdentifierError, classify, decode_sgtin96, gs1  # noqa: E402
from kiosk.domain.rules import RuleSetError, parse_ruleset  # noqa: E402
from kiosk.settings import SettingsError  # noqa: E402
from kiosk.settings import parse as parse_settings  # noqa: E402
from kiosk.slips.signing import PayloadError, verify_payload  # noqa: E402
from kiosk.store.codec import FieldError, declaration_from_dict  # noqa: E402

FIXTURES = ROOT / "tests" / "lists" / "fixtures"
SAMPLE_DECLARATION = json.loads((ROOT / "resources/sample/declarations.json").read_text("utf-8"))[0]


def _un_excerpt() -> bytes:
    """The first three individuals of the UN list, closed (the whole fixture is 2 MB)."""
    data = (FIXTURES / "un-consolidated-2026-02-27.xml").read_bytes()
    end = 0
    for _ in range(3):
        end = data.index(b"</INDIVIDUAL>", end) + len(b"</INDIVIDUAL>")
    return data[:end] + b"\n  </INDIVIDUALS>\n</CONSOLIDATED_LIST>\n"


class _NoError(Exception):
    """Stands for 'this parser never raises' (classify)."""


def _declaration(data: bytes) -> object:
    try:
        doc = json.loads(data.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        doc = data.decode("utf-8", "replace")
    return declaration_from_dict(doc)


def _drain(parse: Callable[[io.BytesIO], object]) -> Callable[[bytes], object]:
    def run(data: bytes) -> object:
        result = parse(io.BytesIO(data))
        return result if isinstance(result, dict) else sum(1 for _ in result)  # type: ignore[attr-defined]

    return run


# name -> (parser on bytes, its error type, a good sample)
PARSERS: dict[str, tuple[Callable[[bytes], object], type[Exception], bytes]] = {
    **{
        f"scale {name}": (profile.parse_reply, FrameError, sample)
        for (name, profile), sample in zip(
            sorted(PROFILES.items()),
            [b"ST,+00012.345  g", b"S S      12.345 ct", b"    12.345 ct  ?", b"+    12.345 ct "],
            strict=True,
        )
    },
    "scan line (AIM)": (parse_scan_line, FrameError, b"]C1010950110153000317220101"),
    "EM4100 frame": (parse_em4100_frame, FrameError, em4100_frame("0F00A1B2C3")),
    "Chafon reply": (
        parse_chafon_reply,
        FrameError,
        chafon_inventory_reply([bytes.fromhex("300833B2DDD9014000000001")]),
    ),
    "identifiers (classify)": (
        lambda d: classify(d.decode("utf-8", "replace")),
        _NoError,
        b"26BEDO2026000001J3",
    ),
    "GS1 element string": (
        lambda d: gs1(d.decode("utf-8", "replace")),
        IdentifierError,
        b"]C10109501101530003\x1d10LOT1",
    ),
    "EPC SGTIN-96": (
        lambda d: decode_sgtin96(d.decode("utf-8", "replace")),
        IdentifierError,
        b"300833B2DDD9014000000001",
    ),
    "declaration JSON": (_declaration, FieldError, json.dumps(SAMPLE_DECLARATION).encode()),
    "rule set JSON": (
        lambda d: parse_ruleset(d.decode("utf-8", "replace")),
        RuleSetError,
        (ROOT / "resources/rules/article3p.json").read_bytes(),
    ),
    "settings TOML": (
        lambda d: parse_settings(d.decode("utf-8", "replace")),
        SettingsError,
        b'[scale]\nbackend = "simulated"\nstable_count = 3\n',
    ),
    "slip QR payload": (
        lambda d: verify_payload(d.decode("utf-8", "replace"), {}),
        PayloadError,
        b"K1.c3VtbWFyeQ.c2ln.0123456789abcdef",
    ),
    "EU FSF XML": (
        _drain(lists.parse_eu_fsf),
        lists.ListFormatError,
        (FIXTURES / "eu-fsf-excerpt-2020.xml").read_bytes(),
    ),
    "OFAC SDN XML": (
        _drain(lists.parse_ofac_sdn_xml),
        lists.ListFormatError,
        (FIXTURES / "ofac-sdn-excerpt-2020.xml").read_bytes(),
    ),
    "OFAC SDN CSV": (
        _drain(lists.parse_ofac_csv),
        lists.ListFormatError,
        (FIXTURES / "ofac-sdn-excerpt.csv").read_bytes(),
    ),
    "OFAC ALT CSV": (
        _drain(lists.read_ofac_alt),
        lists.ListFormatError,
        (FIXTURES / "ofac-alt-cut.csv").read_bytes(),
    ),
    "UK FCDO XML": (
        _drain(lists.parse_uk_fcdo),
        lists.ListFormatError,
        (FIXTURES / "uk-fcdo-sample.xml").read_bytes(),
    ),
    "UK OFSI CSV": (
        _drain(lists.parse_uk_ofsi),
        lists.ListFormatError,
        (FIXTURES / "uk-ofsi-conlist-excerpt-2020.csv").read_bytes(),
    ),
    "UN XML": (_drain(lists.parse_un), lists.ListFormatError, _un_excerpt()),
    "FtM JSON lines": (
        _drain(lists.parse_ftm),
        lists.ListFormatError,
        (FIXTURES / "opensanctions-ftm-excerpt.json").read_bytes(),
    ),
    "KP register CSV": (
        _drain(lists.parse_kp_csv),
        lists.ListFormatError,
        (FIXTURES / "kp-register.csv").read_bytes(),
    ),
    "G7 register JSON": (
        _drain(lists.parse_g7_json),
        lists.ListFormatError,
        (FIXTURES / "g7-register.json").read_bytes(),
    ),
    "authorisations CSV": (
        _drain(lists.parse_authorisations_csv),
        lists.ListFormatError,
        (FIXTURES / "authorisations.csv").read_bytes(),
    ),
}

NASTY = [
    b"\x00",
    b"\xff",
    b"[" * 3000,
    b"<a>" * 1000,
    b"1" * 5000,
    b"\r\n",
    b"\x1d",
    b"]A0",
    b"NaN",
    b"&lol;",
    b'"',
    b",",
    b"\xef\xbb\xbf",
    "²٣".encode(),
]


def hostile(rng: random.Random, sample: bytes) -> bytes:
    """One input: random bytes, or the sample damaged in one of several ways."""
    how = rng.randrange(6)
    if how == 0 or not sample:
        return rng.randbytes(rng.randrange(200))
    data = bytearray(sample)
    at = rng.randrange(len(data) + 1)
    if how == 1:
        del data[at:]
    elif how == 2:
        for _ in range(rng.randrange(1, 4)):
            i = rng.randrange(len(data))
            data[i] ^= rng.randrange(1, 256)
    elif how == 3:
        data[at:at] = rng.choice(NASTY)
    elif how == 4:
        del data[at : at + rng.randrange(1, 40)]
    else:
        data[at:at] = rng.randbytes(rng.randrange(1, 30))
    return bytes(data)


def main() -> int:
    """Run every parser over ``--n`` inputs and print the table; exit 1 on any crash."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="inputs per parser (default 1000)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    total = [0, 0, 0]
    print(
        f"{'parser':<24} {'inputs tried':>12} {'accepted':>9} {'clear errors':>12} "
        f"{'crashes':>8} {'ms/input':>9}"
    )
    for name, (parse, error, sample) in PARSERS.items():
        tried = clear = crashes = 0
        started = time.perf_counter()
        for _ in range(args.n):
            data = hostile(rng, sample)
            tried += 1
            try:
                parse(data)
            except error as exc:
                if "\n" in str(exc) or not str(exc).strip():
                    crashes += 1
                    print(f"  unclear message from {name}: {str(exc)[:200]!r}")
                else:
                    clear += 1
            except Exception as exc:
                crashes += 1
                print(f"  CRASH {name}: {type(exc).__name__}: {str(exc)[:160]} on {data[:60]!r}")
        ms = (time.perf_counter() - started) * 1000 / max(tried, 1)
        accepted = tried - clear - crashes
        print(f"{name:<24} {tried:>12} {accepted:>9} {clear:>12} {crashes:>8} {ms:>9.2f}")
        total[0] += tried
        total[1] += clear
        total[2] += crashes
    accepted = total[0] - total[1] - total[2]
    print(f"{'total':<24} {total[0]:>12} {accepted:>9} {total[1]:>12} {total[2]:>8}")
    return 1 if total[2] else 0


if __name__ == "__main__":
    sys.exit(main())
