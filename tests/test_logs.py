"""Log records reach the file from a thread of their own; the logging thread never writes."""

from __future__ import annotations

import logging
import logging.handlers
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import logs


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = logs.setup(directory=tmp_path)
    yield path
    logs.stop()
    root.setLevel(level)


def test_records_are_written_by_the_listener_not_the_caller(log_file: Path) -> None:
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "kiosk_handler", False)]
    assert len(ours) == 1
    assert isinstance(ours[0], logging.handlers.QueueHandler)  # the caller only queues
    writers: list[str] = []
    original = logging.handlers.RotatingFileHandler.emit

    def spy(self: logging.handlers.RotatingFileHandler, record: logging.LogRecord) -> None:
        writers.append(threading.current_thread().name)
        original(self, record)

    logging.handlers.RotatingFileHandler.emit = spy  # type: ignore[method-assign]
    try:
        logging.getLogger("kiosk.test").info("parcel %s shown", "INS-1")
        try:
            raise ValueError("broken frame")
        except ValueError:
            logging.getLogger("kiosk.test").exception("scale frame rejected")
        logs.stop()  # flushes the queue
    finally:
        logging.handlers.RotatingFileHandler.emit = original  # type: ignore[method-assign]
    text = log_file.read_text(encoding="utf-8")
    assert "INFO MainThread kiosk.test: parcel INS-1 shown" in text
    assert "ERROR MainThread kiosk.test: scale frame rejected" in text
    assert "ValueError: broken frame" in text  # the traceback goes to the file
    assert writers
    assert threading.current_thread().name not in writers


def test_setup_twice_adds_one_handler(log_file: Path) -> None:
    assert logs.setup(directory=log_file.parent) == log_file
    root = logging.getLogger()
    assert len([h for h in root.handlers if getattr(h, "kiosk_handler", False)]) == 1
