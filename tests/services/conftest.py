"""Services test set-up: no QThread may outlive its test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThread


@pytest.fixture(autouse=True)
def started_qthreads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QThread]]:
    """Fail a test that leaves a QThread running (every ``QThread.start`` is recorded)."""
    started: list[QThread] = []
    original_start = QThread.start

    def recording_start(self: QThread, *args: Any, **kwargs: Any) -> None:
        started.append(self)
        original_start(self, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", recording_start)
    yield started
    running = []
    for thread in started:
        try:
            alive = thread.isRunning()
        except RuntimeError:  # the C++ object was deleted: it is not running
            continue
        if alive and not thread.wait(2000):
            running.append(thread.objectName() or repr(thread))
    assert not running, f"QThreads left running: {running}"
