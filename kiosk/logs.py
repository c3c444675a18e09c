"""Logging to a rotating file in the user log directory; the screen only gets one-line messages.

Records are written by a thread of their own: the GUI thread (like any other) only puts a
record on a queue. Writing and rotating the file there meant a busy disk (the database's
fsyncs go to the same disk) could hold up the screen in the middle of a parcel.
"""

from __future__ import annotations

import atexit
import logging
import logging.handlers
import os
import queue
from pathlib import Path

import platformdirs

from kiosk.settings import APP_NAME

_listener: logging.handlers.QueueListener | None = None


def log_dir() -> Path:
    """Where the kiosk writes its log files."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def setup(level: int = logging.INFO, directory: Path | None = None) -> Path:
    """Send log records to ``kiosk.log`` (5 x 2 MB, rotated); return the file's path.

    Args:
        level: The root logger's level.
        directory: Where the file goes; ``log_dir()`` by default.
    """
    global _listener
    path = (directory or log_dir()) / "kiosk.log"
    root = logging.getLogger()
    if any(getattr(h, "kiosk_handler", False) for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        target: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        target = logging.StreamHandler(open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    target.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    # Unbounded: records are small and few; a bounded queue would block or drop them.
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    _listener = logging.handlers.QueueListener(records, target)
    _listener.start()
    atexit.register(stop)
    handler = logging.handlers.QueueHandler(records)
    handler.kiosk_handler = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def stop() -> None:
    """Write every record still queued, close the file and detach from the root logger."""
    global _listener
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "kiosk_handler", False)]:
        root.removeHandler(handler)
    listener, _listener = _listener, None
    if listener is not None:
        listener.stop()
        for target in listener.handlers:
            target.close()
