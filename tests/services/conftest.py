"""Services test set-up: no QThread may outlive its test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThread


def _forget_dummy_threads(before: set[threading.Thread]) -> None:
    """Drop the ``threading`` entries Python made for QThreads that have ended.

    A QThread that calls ``threading.current_thread()`` (``logging`` does) gets a
    ``_DummyThread`` entry that CPython 3.12 never removes; the root ``_no_leaked_threads``
    check would then try to join it and fail. Only called once every QThread has ended.
    """
    active: dict[int, threading.Thread] = threading._active  # type: ignore[attr-defined]
    with threading._active_limbo_lock:  # type: ignore[attr-defined]
        for ident, thread in list(active.items()):
            if isinstance(thread, threading._DummyThread) and thread not in before:
                del active[ident]


@pytest.fixture(autouse=True)
def started_qthreads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QThread]]:
    """Fail a test that leaves a QThread running (every ``QThread.start`` is recorded)."""
    before = set(threading.enumerate())
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
    _forget_dummy_threads(before)
