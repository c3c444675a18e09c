"""The clearance slip: an inspection as a PDF for the 80 mm roll printer.

The names below load reportlab on first use only, so that importing the package (for
``SlipError``, say) keeps the kiosk's start-up fast.
"""

from __future__ import annotations

import importlib
from typing import Any

from kiosk.slips.errors import SlipError

__all__ = ["SlipContext", "SlipError", "render_slip", "slip_file_name", "write_slip"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("kiosk.slips.slip"), name)
    raise AttributeError(f"module 'kiosk.slips' has no attribute {name!r}")
