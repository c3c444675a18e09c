"""kiosk.lists imports only kiosk.domain, defusedxml and the standard library."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWED_TOP = {"kiosk", "defusedxml"}


def test_lists_import_only_the_domain_defusedxml_and_stdlib() -> None:
    for path in sorted((ROOT / "kiosk" / "lists").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top == "kiosk":
                    assert name.startswith(("kiosk.domain", "kiosk.lists")), f"{path.name}: {name}"
                else:
                    assert top in ALLOWED_TOP or top in sys.stdlib_module_names, (
                        f"{path.name}: {name}"
                    )


def test_lists_load_no_qt_or_sqlalchemy() -> None:
    code = (
        "import sys, kiosk.lists\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'sqlalchemy', 'shiboken6'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_the_data_command_module_imports_light() -> None:
    code = (
        "import sys, kiosk.commands.data\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'sqlalchemy', 'cv2', 'reportlab', 'defusedxml'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
