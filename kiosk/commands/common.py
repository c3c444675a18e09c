"""What the command modules share: JSON-lines output and one-line errors."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any

from kiosk.cli import CommandError

__all__ = ["CommandError", "emit"]


def _default(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def emit(record: dict[str, Any]) -> None:
    """Print one JSON line (Decimals and dates as text) and flush, for piping."""
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=_default) + "\n")
    sys.stdout.flush()
