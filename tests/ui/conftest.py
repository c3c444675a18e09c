"""UI test set-up: the kiosk theme on the test QApplication, and no QThread left running."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

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


def _window_keys(widget: QWidget, text: str, delay_ms: int = -1, *, enter: bool = False) -> None:
    """Type ``text`` as a keyboard or a keyboard-wedge scanner does: through the window.

    The platform hands every key to the widget's top-level ``QWindow``, which gives it to the
    widget with the focus; the kiosk's wedge filter and idle watch sit on that window, so keys
    sent straight to a widget (``qtbot.keyClicks(widget, ...)``) never pass them. ``widget``
    is given the focus first.
    """
    widget.setFocus()
    window = widget.window().windowHandle()
    assert window is not None, "the widget's window is not shown"
    # A delay given to QTest.keyClick on a QWindow only moves the events' timestamps.
    keys: list[str | Qt.Key] = [*text, *([Qt.Key.Key_Return] if enter else [])]
    for key in keys:
        if delay_ms > 0:
            QTest.qWait(delay_ms)
        QTest.keyClick(window, key, Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def window_keys() -> Callable[..., None]:
    """``window_keys(widget, text, delay_ms=-1, *, enter=False)``: see ``_window_keys``."""
    return _window_keys
