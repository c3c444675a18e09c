"""The layering of DESIGN.md §3: the domain and hardware never import Qt (checked at run time)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules(package: str) -> list[str]:
    base = ROOT / package.replace(".", "/")
    return [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in sorted(base.rglob("*.py"))
        if p.name != "__main__.py"
    ]


def test_domain_and_hardware_import_without_qt() -> None:
    mods = _modules("kiosk.domain") + [m for m in _modules("hardware") if ".sim." not in m]
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}:\n"
        "    importlib.import_module(m.removesuffix('.__init__'))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'sqlalchemy', 'shiboken6'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"forbidden imports pulled in: {out.stdout.strip()}"


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
