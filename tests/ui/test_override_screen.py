"""The supervisor override through the main window, driven by the preview stand-ins."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.models import Outcome, OverrideCode
from kiosk.ui import preview as pv
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.inspection import InspectionScreen
from kiosk.ui.screens.override import OverrideScreen
from kiosk.ui.theme import MIN_TOUCH_TARGET_PX

WIDTH_PX, HEIGHT_PX = 1280, 800


@pytest.fixture
def services() -> Iterator[tuple[pv.PreviewController, pv.PreviewDevices]]:
    controller, devices = pv.PreviewController(), pv.PreviewDevices()
    yield controller, devices
    devices.stop()


@pytest.fixture
def window(
    qtbot: QtBot, services: tuple[pv.PreviewController, pv.PreviewDevices]
) -> MainWindow:
    controller, devices = services
    win = MainWindow(controller, devices, pv.SETTINGS, clock=lambda: pv.NOW)
    qtbot.addWidget(win)
    win.resize(WIDTH_PX, HEIGHT_PX)
    win.show()
    controller.sign_in("jpeeters", pv.PREVIEW_PIN)
    return win


def hold(controller: pv.PreviewController) -> None:
    """Decide until the preview controller gives a HOLD (it cycles CLEAR, HOLD, ...)."""
    for _ in range(4):
        controller.check_now()
        current = controller.current
        verdict = current.verdict if current is not None else None
        if verdict is not None and verdict.outcome is Outcome.HOLD:
            return
    raise AssertionError("the preview controller gave no HOLD")


def shown(window: MainWindow) -> QWidget:
    """The screen the window shows (a call, so that mypy does not narrow it)."""
    return window.current_screen


def click(widget: QWidget) -> None:
    assert widget.isVisible(), widget.objectName()
    assert widget.isEnabled(), widget.objectName()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_pin(screen: OverrideScreen, pin: str) -> None:
    pad = screen.pad.buttons()
    for digit in pin:
        click(pad[digit])


@pytest.mark.parametrize("outcome", [Outcome.CLEAR, Outcome.EXEMPT, Outcome.REFUSE, None])
def test_the_override_button_shows_only_on_a_hold(qtbot: QtBot, outcome: Outcome | None) -> None:
    screen = InspectionScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.show_inspection(pv.sample_inspection(outcome))
    assert not screen.override_button.isVisible()
    assert screen.override_button not in screen.action_buttons()
    screen.show_inspection(pv.sample_inspection(Outcome.HOLD))
    assert screen.override_button.isVisible()
    assert screen.override_button in screen.action_buttons()


def test_a_supervisor_overrides_a_hold_and_the_inspector_stays_signed_in(
    qtbot: QtBot, window: MainWindow, services: tuple[pv.PreviewController, pv.PreviewDevices]
) -> None:
    controller, _ = services
    hold(controller)
    inspection_screen = window.inspection_screen
    button = inspection_screen.override_button
    assert button.isVisible()
    assert button.height() >= MIN_TOUCH_TARGET_PX
    assert inspection_screen.override_text() == ""

    click(button)
    screen = window.override_screen
    assert shown(window) is screen
    # Only the supervisors, never the signed-in inspector or another inspector.
    assert list(screen.supervisor_buttons()) == ["mweber"]
    assert screen.selected_supervisor == "mweber"  # the only one is chosen at once
    assert [card.texts()[0] for card in screen.reasons.cards()]  # the reasons are shown

    # Confirm says what is missing, in place.
    click(screen.confirm_button)
    assert "PIN" in screen.error_text()
    type_pin(screen, "1234")
    click(screen.confirm_button)
    assert "reason code" in screen.error_text()
    click(screen.code_buttons()[OverrideCode.DOCUMENTS_PRODUCED])
    click(screen.confirm_button)
    assert "reason text is required" in screen.error_text()
    assert not any(name == "request_override" for name, _ in controller.calls)

    # A wrong PIN is refused in place; the PIN is cleared for another try.
    screen.text.setPlainText("Original KP certificate shown at the counter.")
    type_pin(screen, "9999")
    click(screen.confirm_button)
    assert screen.error_text() == pv.WRONG_PIN
    assert screen.pad.pin == ""
    assert shown(window) is screen

    # The right PIN: back to the inspection screen with the new outcome and the reason.
    type_pin(screen, "1234")
    click(screen.confirm_button)
    assert controller.calls[-1] == (
        "request_override",
        ("mweber", "1234", OverrideCode.DOCUMENTS_PRODUCED, "Original KP certificate shown at "
         "the counter."),
    )
    assert shown(window) is inspection_screen
    assert inspection_screen.banner.word() == "CLEAR"
    note = inspection_screen.override_text()
    assert note.startswith("CLEAR \u2014 overridden by Markus Weber")
    assert note.endswith("(documents produced)")
    assert "Original KP certificate shown at the counter." in inspection_screen.banner.summary()
    assert "press Print slip" in inspection_screen.message.text()
    assert not inspection_screen.override_button.isVisible()
    assert controller.user is not None
    assert controller.user.username == "jpeeters"


def test_cancel_returns_without_an_override(
    qtbot: QtBot, window: MainWindow, services: tuple[pv.PreviewController, pv.PreviewDevices]
) -> None:
    controller, _ = services
    hold(controller)
    click(window.inspection_screen.override_button)
    screen = window.override_screen
    type_pin(screen, "12")
    QTest.keyClick(screen, Qt.Key.Key_3)
    assert screen.pad.pin == "123"
    click(screen.cancel_button)
    assert shown(window) is window.inspection_screen
    assert screen.pad.pin == ""
    assert window.inspection_screen.override_button.isVisible()
    assert not any(name == "request_override" for name, _ in controller.calls)
    # Escape cancels too.
    click(window.inspection_screen.override_button)
    QTest.keyClick(screen, Qt.Key.Key_Escape)
    assert shown(window) is window.inspection_screen


def test_the_override_screen_fits_1280x800(
    qtbot: QtBot, window: MainWindow, services: tuple[pv.PreviewController, pv.PreviewDevices]
) -> None:
    controller, _ = services
    hold(controller)
    click(window.inspection_screen.override_button)
    screen = window.override_screen
    screen.show_refusal(
        "Override refused: rule R12 can never be overridden (AH-4311 practice); ask the "
        "duty officer to open a case file."
    )
    qtbot.wait(20)
    assert window.width() <= WIDTH_PX
    assert window.height() <= HEIGHT_PX
    assert window.minimumSizeHint().height() <= HEIGHT_PX
    for target in screen.action_buttons():
        assert target.isVisible(), target.objectName()
        assert target.height() >= MIN_TOUCH_TARGET_PX, target.objectName()
        on_window = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
        assert window.rect().contains(on_window), target.objectName()
    for button in screen.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width() - 1, button.text()
