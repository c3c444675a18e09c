"""UI test set-up: the kiosk theme on the test QApplication, and no QThread left running."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from kiosk.ui.theme import apply_theme


@pytest.fixture(scope="session", autouse=True)
def _themed(qapp: QApplication) -> None:
    """Every UI test sees the real style sheet and font, as the kiosk does (set once)."""
    apply_theme(qapp)


@pytest.fixture(autouse=True)
def _no_dangling_qthreads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that starts a QThread and leaves it running (the UI must start none)."""
    started: list[QThread] = []
    original = QThread.start

    def start(self: QThread, *args: object) -> None:
        started.append(self)
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(QThread, "start", start)
    yield
    running = [t for t in started if t.isRunning() and not t.wait(2000)]
    assert not running, f"QThreads left running: {running}"
