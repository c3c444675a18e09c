"""Logging to a rotating file in the user log directory; the screen only gets one-line messages."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from kiosk.settings import APP_NAME


def log_dir() -> Path:
    """Where the kiosk writes its log files."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def setup(level: int = logging.INFO) -> Path:
    """Send log records to ``kiosk.log`` (5 x 2 MB, rotated); return the file's path."""
    path = log_dir() / "kiosk.log"
    root = logging.getLogger()
    if any(getattr(h, "kiosk_handler", False) for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    handler.kiosk_handler = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
