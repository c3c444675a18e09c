"""The wedge filter in the main window: a scan on the inspection screen adds an identifier."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.ui import preview as pv
from kiosk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[tuple[MainWindow, pv.PreviewController]]:
    controller, devices = pv.PreviewController(), pv.PreviewDevices()
    # A wide gap: the test checks the wiring, not the timing (tests/ui/test_wedge_filter.py
    # does), and a loaded 2-core CI machine can stretch 2 ms between keys past 30 ms.
    win = MainWindow(controller, devices, pv.SETTINGS, clock=lambda: pv.NOW, wedge_max_gap_ms=150)
    qtbot.addWidget(win)
    win.show()
    yield win, controller
    devices.stop()


def test_fast_pin_on_the_sign_in_screen_is_not_a_scan(
    qtbot: QtBot, window: tuple[MainWindow, pv.PreviewController], window_keys: Callable[..., None]
) -> None:
    win, controller = window
    assert win.wedge_filter.enabled  # a badge may come as a burst; a PIN stays a PIN
    screen = win.sign_in_screen
    qtbot.mouseClick(screen.user_buttons()["jpeeters"], Qt.MouseButton.LeftButton)
    window_keys(screen, pv.PREVIEW_PIN, 2, enter=True)  # as fast as a scanner
    assert win.current_screen is win.inspection_screen
    assert controller.calls == [("sign_in", ("jpeeters", pv.PREVIEW_PIN))]
    assert win.wedge_filter.enabled


def test_scan_into_any_widget_adds_the_identifier(
    qtbot: QtBot, window: tuple[MainWindow, pv.PreviewController], window_keys: Callable[..., None]
) -> None:
    win, controller = window
    screen = win.sign_in_screen
    qtbot.mouseClick(screen.user_buttons()["jpeeters"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen, pv.PREVIEW_PIN)
    qtbot.keyClick(screen, Qt.Key.Key_Return)
    with qtbot.waitSignal(win.wedge_filter.scanned, timeout=2000):
        window_keys(win.inspection_screen.check_button, "26BE000012345678A1", 2, enter=True)
    assert controller.calls[-1] == ("add_typed_identifier", ("26BE000012345678A1",))
    assert win.inspection_screen.identifiers.input.text() == ""
