"""MainWindow wired to stand-in services: sign-in flow, intents reach services, signals reach
screens, and screenshots of every screen in every verdict state at 1280x800."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.domain.models import Outcome, WeightState
from kiosk.settings import Settings, with_overrides
from kiosk.ui import preview as pv
from kiosk.ui.main_window import MainWindow
from kiosk.ui.ports import ControllerPort, DevicesPort, SettingsView

SHOTS_DIR = Path("/tmp/ui-shots")
SIZES = [(1280, 800), (1920, 1080)]


class FailingController(pv.PreviewController):
    """A controller whose check raises, as a broken service might."""

    def check_now(self) -> None:
        raise RuntimeError("rule set article3p.json is missing")


@pytest.fixture
def services() -> Iterator[tuple[pv.PreviewController, pv.PreviewDevices]]:
    controller, devices = pv.PreviewController(), pv.PreviewDevices()
    yield controller, devices
    devices.stop()


@pytest.fixture
def window(qtbot: QtBot, services: tuple[pv.PreviewController, pv.PreviewDevices]) -> MainWindow:
    controller, devices = services
    win = MainWindow(controller, devices, pv.SETTINGS, clock=lambda: pv.NOW)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


def sign_in(qtbot: QtBot, window: MainWindow, pin: str = pv.PREVIEW_PIN) -> None:
    screen = window.sign_in_screen
    qtbot.mouseClick(screen.user_buttons()["jpeeters"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen, pin)
    qtbot.keyClick(screen, Qt.Key.Key_Return)


def test_stand_ins_satisfy_the_ports() -> None:
    controller: ControllerPort = pv.PreviewController()
    devices: DevicesPort = pv.PreviewDevices()
    assert controller.users()
    assert devices is not None


def test_settings_view_from_settings() -> None:
    settings = with_overrides(Settings(), ui={"fullscreen": True}, kiosk={"post_name": "Zaventem"})
    view = SettingsView.from_settings(settings)
    assert view.fullscreen
    assert view.post_name == "Zaventem"


def test_sign_in_screen_until_signed_in(
    qtbot: QtBot, window: MainWindow, services: tuple[pv.PreviewController, pv.PreviewDevices]
) -> None:
    controller, _ = services
    assert window.current_screen is window.sign_in_screen
    sign_in(qtbot, window, pin="9999")
    assert window.current_screen is window.sign_in_screen
    assert window.sign_in_screen.error_text() == pv.WRONG_PIN
    sign_in(qtbot, window)
    assert controller.calls[-1] == ("sign_in", ("jpeeters", "1234"))
    assert window.current_screen is window.inspection_screen
    assert window.status_bar.texts()["user"] == "Jan Peeters (inspector)"
    assert window.status_bar.texts()["data"] == "Data 2026.11.1 \u00b7 3 h old"
    assert window.inspection_screen.documents.texts()["kp"].startswith("BW0123456")

    qtbot.mouseClick(window.inspection_screen.sign_out_button, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.sign_in_screen
    assert window.status_bar.texts()["user"] == "Not signed in"
    assert window.sign_in_screen.selected_username is None


def test_intents_reach_the_services_and_answers_reach_the_screen(
    qtbot: QtBot, window: MainWindow, services: tuple[pv.PreviewController, pv.PreviewDevices]
) -> None:
    controller, devices = services
    sign_in(qtbot, window)
    screen = window.inspection_screen
    qtbot.keyClicks(screen.identifiers.input, "seal-1")
    qtbot.keyClick(screen.identifiers.input, Qt.Key.Key_Return)
    assert controller.calls[-1] == ("add_typed_identifier", ("seal-1",))
    assert screen.identifiers.lines()[-1].startswith("SEAL-1 \u2014 Unknown")

    qtbot.mouseClick(screen.check_button, Qt.MouseButton.LeftButton)
    assert screen.banner.word() == "CLEAR"
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    assert screen.steps.instruction.text().endswith("Slip printed: press Next parcel")
    assert window.status_bar.device_detail("printer").startswith("Slip printed:")
    assert not screen.message.isVisible()  # no line comes and goes: nothing moves
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.banner.outcome is None
    qtbot.mouseClick(screen.zero_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.tare_button, Qt.MouseButton.LeftButton)
    assert devices.calls == ["zero_scale", "tare_scale"]

    devices.device_state_changed.emit("camera", "disconnected", "USB camera unplugged")
    assert window.status_bar.texts()["camera"] == "\u2716 Camera: disconnected"
    assert screen.camera.status_text() == "Camera disconnected"
    devices.weight_changed.emit(pv.READING)
    assert screen.weight.value_text() == "1234.562 ct"
    controller.busy_changed.emit(True)
    assert not screen.check_button.isEnabled()
    assert window.status_bar.texts()["busy"]
    controller.error_occurred.emit("Database is read-only")
    assert screen.message.text() == "Database is read-only"


def test_a_service_that_raises_shows_a_message_instead_of_crashing(qtbot: QtBot) -> None:
    controller, devices = FailingController(), pv.PreviewDevices()
    win = MainWindow(controller, devices, pv.SETTINGS, clock=lambda: pv.NOW)
    qtbot.addWidget(win)
    win.show()
    sign_in(qtbot, win)
    qtbot.mouseClick(win.inspection_screen.check_button, Qt.MouseButton.LeftButton)
    assert win.inspection_screen.message.text() == (
        "Could not check the parcel: rule set article3p.json is missing"
    )


def test_fullscreen_setting_removes_the_window_chrome(qtbot: QtBot) -> None:
    view = SettingsView(fullscreen=True)
    win = MainWindow(pv.PreviewController(), pv.PreviewDevices(), view)
    qtbot.addWidget(win)
    assert win.windowFlags() & Qt.WindowType.FramelessWindowHint
    win.present()
    assert win.isFullScreen()


def assert_no_label_cut(window: MainWindow) -> None:
    """Every visible label has at least the height its text needs at its width."""
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        needed = (
            label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        )
        assert label.height() >= needed - 1, f"text cut: {label.text()!r}"


def _labels_fit(window: MainWindow) -> bool:
    try:
        assert_no_label_cut(window)
    except AssertionError:
        return False
    return True


def _outcome_name(outcome: Outcome | None) -> str:
    return "waiting" if outcome is None else outcome.name.lower()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_screenshots_fit_without_anything_cut_off(
    qtbot: QtBot,
    window: MainWindow,
    services: tuple[pv.PreviewController, pv.PreviewDevices],
    width: int,
    height: int,
) -> None:
    _, devices = services
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().width() == width)
    window.grab().save(str(SHOTS_DIR / f"sign-in-{width}x{height}.png"))
    window.sign_in_screen.select_user("jpeeters")
    qtbot.keyClicks(window.sign_in_screen, "99")
    window.sign_in_screen.show_error(pv.WRONG_PIN)
    window.grab().save(str(SHOTS_DIR / f"sign-in-error-{width}x{height}.png"))
    sign_in(qtbot, window)
    devices.start()
    devices.stop()
    screen = window.inspection_screen
    screen.show_frame(pv.sample_frame())
    for outcome in (None, *Outcome):
        inspection = pv.sample_inspection(outcome)
        screen.show_inspection(inspection)
        screen.show_weight(pv.READING)
        if outcome is Outcome.HOLD:
            screen.show_message("Printer out of paper: load paper, then press Print slip again")
        # Reason cards are shown by a queued call and layouts settle through posted events:
        # wait for both (a loaded machine is slow).
        wanted = len(inspection.verdict.reasons) if inspection.verdict is not None else 0
        qtbot.waitUntil(
            lambda n=wanted: len(screen.reasons.cards()) == n
            and all(card.isVisible() for card in screen.reasons.cards()),
            timeout=3000,
        )
        qtbot.waitUntil(lambda: _labels_fit(window), timeout=3000)
        assert window.minimumSizeHint().width() <= 1280, "the layout is wider than the screen"
        assert window.minimumSizeHint().height() <= 800, "the layout is taller than the screen"
        assert window.size().width() == width, "the window grew past the screen"
        assert_no_label_cut(window)
        name = _outcome_name(outcome)
        window.grab().save(str(SHOTS_DIR / f"inspection-{name}-{width}x{height}.png"))
    devices.device_state_changed.emit("scale", "disconnected", "/dev/ttyUSB0: no reply")
    devices.device_state_changed.emit("camera", "disconnected", "no frames for 5 s")
    screen.show_weight(
        pv.READING.__class__(pv.READING.carats, WeightState.DISCONNECTED, "", pv.NOW)
    )
    qtbot.wait(30)
    window.grab().save(str(SHOTS_DIR / f"inspection-devices-down-{width}x{height}.png"))
    assert (SHOTS_DIR / f"inspection-refuse-{width}x{height}.png").stat().st_size > 10_000


def test_the_camera_view_asks_for_frames_of_its_own_size(
    qtbot: QtBot, window: MainWindow, services: tuple[pv.PreviewController, pv.PreviewDevices]
) -> None:
    _, devices = services
    sign_in(qtbot, window)
    camera = window.inspection_screen.camera
    qtbot.waitUntil(lambda: devices.preview_size == (camera.width(), camera.height()))
    window.resize(1100, 800)  # a narrower column: smaller frames
    qtbot.waitUntil(lambda: devices.preview_size == (camera.width(), camera.height()))
    assert devices.preview_size is not None
    assert devices.preview_size[0] < 400
