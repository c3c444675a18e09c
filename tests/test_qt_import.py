"""PySide6's import hook no longer reads the source of every module imported after it."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from typing import Any

import pytest

import kiosk.qt_import


def test_a_module_imported_after_pyside_is_not_read_and_still_uses_qt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert kiosk.qt_import.SOURCE_SCAN_SKIPPED, "this PySide6 has no source scan to skip"
    probe = tmp_path / "qt_import_probe.py"
    probe.write_text(
        "from PySide6.QtCore import QObject, Signal\n"
        "class Probe(QObject):\n"
        "    changed = Signal(int)\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.checkcache()
    # An import statement, as the hook sees it (importlib.import_module does not pass through).
    namespace: dict[str, Any] = {}
    exec("import qt_import_probe", namespace)
    module = namespace["qt_import_probe"]
    try:
        assert str(probe) not in linecache.cache  # inspect.getsource would have cached it
        feature = sys.modules["shibokensupport.feature"]
        assert feature.pyside_feature_dict["qt_import_probe"] == 0  # the default selection
        seen: list[int] = []
        obj = module.Probe()
        obj.changed.connect(seen.append)
        obj.changed.emit(7)
        assert seen == [7]
        assert obj.objectName() == ""  # Qt methods under their own (camelCase) names
    finally:
        sys.modules.pop("qt_import_probe", None)
