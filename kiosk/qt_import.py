"""PySide6, imported without its scan of every later module's source.

Importing PySide6 replaces ``builtins.__import__`` with a hook for its ``from __feature__
import snake_case, true_property`` syntax. After every later import of a module the hook calls
``_mod_uses_pyside``, which reads the module's whole source file (``inspect.getsource``) to see
whether the word "PySide6" occurs in it, so that a module which selects a feature gets its own
view of the Qt classes. SQLAlchemy, the store and the drivers are ~100 such modules at start,
reportlab, numpy and OpenCV more later: measured, importing the kiosk took a median of 1008 ms
with the scan and 822 ms without (8 runs each), and numpy with OpenCV 309 against 277 ms.

The kiosk selects no feature anywhere, so every module can be given the default selection
(0, what a module that uses PySide6 gets) without reading its source. ``kiosk.app`` imports
this module before anything else. A PySide6 without the hook (a future version) is left as it is.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs the import hook replaced below)

FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")
"""Where PySide6 6.x keeps its feature module (the first is the name it is registered under)."""


def _default_selection(_module: ModuleType) -> bool:
    """Every module uses PySide6 with the default feature selection (no source read)."""
    return True


def skip_source_scan() -> bool:
    """Replace the per-import source scan; True when PySide6 has one to replace."""
    for name in FEATURE_MODULES:
        feature = sys.modules.get(name)
        if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
            feature._mod_uses_pyside = _default_selection  # type: ignore[attr-defined]
            return True
    return False


SOURCE_SCAN_SKIPPED = skip_source_scan()
