"""The UI shell on stand-in services: badge sign-in, PIN waits, idle lock, roles and navigation,
the devices and sync screens, the fault panel, kiosk mode, keyboard-only use, screenshots."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.roles import Permission, may, may_unlock, permissions
from kiosk.ui import preview as pv
from kiosk.ui.main_window import MainWindow
from kiosk.ui.ports import SettingsView
from kiosk.ui.screens.sync import SyncScreen

SHOTS_DIR = Path("/tmp/ui-shots")
WIDTH_PX, HEIGHT_PX = 1280, 800
MIN_TARGET_PX = 48
WEDGE_GAP_MS = 150.0
"""Wider than the kiosk's 30 ms, so a burst stays a burst on a loaded 2-core test machine."""


@dataclass
class Shell:
    window: MainWindow
    controller: pv.PreviewController
    devices: pv.PreviewDevices
    sync: pv.PreviewSync | None


def make_shell(
    qtbot: QtBot, settings: SettingsView = pv.SETTINGS, *, with_sync: bool = True
) -> Shell:
    controller, devices = pv.PreviewController(), pv.PreviewDevices()
    sync = pv.PreviewSync() if with_sync else None
    window = MainWindow(
        controller,
        devices,
        settings,
        sync=sync,
        clock=lambda: pv.NOW,
        wedge_max_gap_ms=WEDGE_GAP_MS,
    )
    qtbot.addWidget(window)
    window.resize(WIDTH_PX, HEIGHT_PX)
    window.show()
    qtbot.waitExposed(window)
    return Shell(window, controller, devices, sync)


@pytest.fixture
def shell(qtbot: QtBot) -> Iterator[Shell]:
    s = make_shell(qtbot)
    yield s
    s.devices.stop()
    s.window.shutdown()


def sign_in(qtbot: QtBot, s: Shell, username: str = "jpeeters") -> None:
    screen = s.window.sign_in_screen
    qtbot.mouseClick(screen.user_buttons()[username], Qt.MouseButton.LeftButton)
    for digit in pv.PREVIEW_PIN:
        qtbot.mouseClick(screen.pad_buttons()[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.pad_buttons()["OK"], Qt.MouseButton.LeftButton)


def shot(window: QWidget, name: str) -> Path:
    QTest.qWait(50)  # let pending layouts run, as they would before the next paint
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)
    path = SHOTS_DIR / f"shell-{name}-{WIDTH_PX}x{HEIGHT_PX}.png"
    window.grab().save(str(path))
    return path


def assert_fits(window: MainWindow) -> None:
    """Nothing wider or taller than the screen, no label cut, every target >= 48 px."""
    QTest.qWait(50)  # let pending layouts run, as they would before the next paint
    assert window.minimumSizeHint().width() <= WIDTH_PX
    assert window.minimumSizeHint().height() <= HEIGHT_PX
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        needed = (
            label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        )
        assert label.height() >= needed - 1, f"text cut: {label.text()!r}"
    for button in window.findChildren(QPushButton):
        if button.isVisible():
            assert button.height() >= MIN_TARGET_PX, f"target too small: {button.text()!r}"
            text_px = button.fontMetrics().horizontalAdvance(button.text().replace("&&", "&"))
            assert text_px + 24 <= button.width(), f"button text cut: {button.text()!r}"


# ---- Roles --------------------------------------------------------------------------------------


def test_roles_decide_what_each_may_open() -> None:
    assert may("inspector", Permission.INSPECT)
    assert not may("inspector", Permission.OVERRIDE)
    assert may("supervisor", Permission.OVERRIDE)
    assert not may("technician", Permission.INSPECT)
    assert may("technician", Permission.EXIT_KIOSK)
    assert may("technician", Permission.DEVICES_CONTROL)
    assert not may("inspector", Permission.DEVICES_CONTROL)
    assert permissions("visitor") == frozenset()
    assert may_unlock("inspector", "jpeeters", "jpeeters", "inspector")
    assert may_unlock("inspector", "jpeeters", "mweber", "supervisor")
    assert not may_unlock("inspector", "jpeeters", "sdubois", "inspector")


def test_an_inspector_gets_inspection_devices_read_only_and_sync(
    qtbot: QtBot, shell: Shell
) -> None:
    w = shell.window
    assert not w.nav.isVisible()
    assert not w.menu_button.isVisible()
    sign_in(qtbot, shell)
    assert w.current_screen is w.inspection_screen
    assert w.allowed_screens() == ["inspection", "devices", "sync"]
    assert not w.nav.isVisible()
    assert w.menu_button.isVisible()
    qtbot.mouseClick(w.menu_button, Qt.MouseButton.LeftButton)
    assert w.nav.isVisible()
    qtbot.mouseClick(w.nav.buttons()["devices"], Qt.MouseButton.LeftButton)
    assert w.current_screen is w.devices_screen
    assert w.nav.isVisible()
    assert not w.menu_button.isVisible()
    assert not w.devices_screen.read_button.isVisible()
    assert not w.devices_screen.exit_kiosk_button.isVisible()
    assert w.devices_screen.read_only_note.isVisible()
    qtbot.mouseClick(w.nav.buttons()["sync"], Qt.MouseButton.LeftButton)
    assert w.current_screen is w.sync_screen
    qtbot.mouseClick(w.nav.sign_out_button, Qt.MouseButton.LeftButton)
    assert w.current_screen is w.sign_in_screen
    assert ("sign_out", ()) in shell.controller.calls


def test_a_technician_lands_on_the_devices_screen_with_its_actions(
    qtbot: QtBot, shell: Shell
) -> None:
    w = shell.window
    sign_in(qtbot, shell, "lschmidt")
    assert w.current_screen is w.devices_screen
    assert w.allowed_screens() == ["devices", "sync"]
    assert not w.nav.buttons()["inspection"].isVisible()
    assert not w.show_screen("inspection")
    assert w.devices_screen.read_button.isVisible()
    assert w.devices_screen.exit_kiosk_button.isVisible()


# ---- Badge sign-in, PIN waits -------------------------------------------------------------------


def test_a_wedge_badge_chooses_the_user_then_the_pin_signs_in(
    qtbot: QtBot, shell: Shell, window_keys: Callable[..., None]
) -> None:
    w, screen = shell.window, shell.window.sign_in_screen
    assert screen.selected_username is None
    window_keys(screen, "04A1B2C3", 2, enter=True)
    qtbot.waitUntil(lambda: screen.selected_username == "jpeeters", timeout=2000)
    assert ("identify_badge", ("04A1B2C3",)) in shell.controller.calls
    assert screen.pin_length == 0  # the badge's digits never reach the PIN
    shot(w, "badge-read")
    for digit in pv.PREVIEW_PIN:
        qtbot.mouseClick(screen.pad_buttons()[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.pad_buttons()["OK"], Qt.MouseButton.LeftButton)
    assert w.current_screen is w.inspection_screen


def test_a_revoked_badge_says_so_and_chooses_nobody(
    qtbot: QtBot, shell: Shell, window_keys: Callable[..., None]
) -> None:
    screen = shell.window.sign_in_screen
    window_keys(screen, pv.REVOKED_BADGE, 2, enter=True)
    qtbot.waitUntil(lambda: screen.error_text() == pv.BADGE_REVOKED, timeout=2000)
    assert screen.selected_username is None


def test_a_fast_pin_with_a_user_chosen_stays_a_pin(
    qtbot: QtBot, shell: Shell, window_keys: Callable[..., None]
) -> None:
    w, screen = shell.window, shell.window.sign_in_screen
    assert w.wedge_filter.enabled  # badges may come as key bursts on this screen
    qtbot.mouseClick(screen.user_buttons()["sdubois"], Qt.MouseButton.LeftButton)
    window_keys(screen, pv.PREVIEW_PIN, 2, enter=True)
    qtbot.waitUntil(lambda: w.current_screen is w.inspection_screen, timeout=2000)
    assert ("sign_in", ("sdubois", pv.PREVIEW_PIN)) in shell.controller.calls
    assert not any(call[0] == "identify_badge" for call in shell.controller.calls)


def test_the_wait_after_wrong_pins_counts_down_and_blocks_ok(qtbot: QtBot, shell: Shell) -> None:
    shell.controller.wrong_pin_delay_s = 1.2
    screen = shell.window.sign_in_screen
    screen.select_user("jpeeters")
    qtbot.keyClicks(screen, "99", delay=60)
    qtbot.keyClick(screen, Qt.Key.Key_Return)
    assert screen.wait_text() == "\u25d4 Wait 2 s before the next try."
    assert not screen.pad_buttons()["OK"].isEnabled()
    shot(shell.window, "pin-wait")
    qtbot.keyClicks(screen, "12", delay=60)
    qtbot.keyClick(screen, Qt.Key.Key_Return)  # refused unchecked during the wait
    assert sum(1 for c in shell.controller.calls if c[0] == "sign_in") == 1
    qtbot.waitUntil(lambda: screen.pad_buttons()["OK"].isEnabled(), timeout=3000)
    assert screen.wait_text() == ""


# ---- Idle lock ----------------------------------------------------------------------------------


def test_idle_lock_keeps_the_parcel_and_the_same_user_unlocks(qtbot: QtBot) -> None:
    s = make_shell(qtbot, replace(pv.SETTINGS, idle_lock_s=0.3))
    w = s.window
    sign_in(qtbot, s)
    parcel = s.controller.current
    assert parcel is not None
    w.inspection_screen.identifiers.input.setText("BW9999999")
    qtbot.waitUntil(lambda: s.controller.is_locked, timeout=3000)
    assert w.current_screen is w.sign_in_screen
    assert parcel.id in w.sign_in_screen.lock_text()
    assert w.sign_in_screen.selected_username == "jpeeters"
    assert not w.nav.isVisible()
    assert not w.menu_button.isVisible()
    shot(w, "locked")
    for digit in pv.PREVIEW_PIN:
        qtbot.mouseClick(w.sign_in_screen.pad_buttons()[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.sign_in_screen.pad_buttons()["OK"], Qt.MouseButton.LeftButton)
    assert w.current_screen is w.inspection_screen
    assert s.controller.current is not None
    assert s.controller.current.id == parcel.id
    assert w.inspection_screen.identifiers.input.text() == "BW9999999"  # as it was
    assert w.idle.running
    w.shutdown()


def test_another_user_signing_in_at_the_lock_finds_the_parcel(qtbot: QtBot, shell: Shell) -> None:
    w = shell.window
    sign_in(qtbot, shell)
    parcel = shell.controller.current
    assert parcel is not None
    qtbot.mouseClick(w.menu_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.nav.lock_button, Qt.MouseButton.LeftButton)
    assert w.current_screen is w.sign_in_screen
    assert shell.controller.is_locked
    sign_in(qtbot, shell, "sdubois")
    assert w.current_screen is w.inspection_screen
    assert w.status_bar.texts()["user"] == "Sophie Dubois (inspector)"
    assert shell.controller.current is not None
    assert shell.controller.current.id == parcel.id
    assert w.sign_in_screen.lock_text() == ""


# ---- Devices screen -----------------------------------------------------------------------------


def test_devices_screen_shows_each_device_and_runs_the_tests(qtbot: QtBot, shell: Shell) -> None:
    w, d = shell.window, shell.window.devices_screen
    shell.devices.start()
    shell.devices.stop()
    sign_in(qtbot, shell, "lschmidt")
    fields = d.field_texts("scale")
    assert fields["state"] == "\u25cf Connected"
    assert fields["port"] == "/dev/serial/by-id/usb-Mettler_Toledo_XS205-if00"
    assert (fields["model"], fields["serial"]) == ("XS205", "B912345678")
    qtbot.mouseClick(d.read_button, Qt.MouseButton.LeftButton)
    assert d.field_texts("scale")["last"].startswith("1234.562 ct (stable)")
    assert "S S    1234.562 ct" in d.message._text.text()
    qtbot.mouseClick(d.zero_button, Qt.MouseButton.LeftButton)
    assert d.message._text.text() == "Scale zeroed."
    qtbot.mouseClick(d.snapshot_button, Qt.MouseButton.LeftButton)
    assert d.field_texts("camera")["last"].startswith("snapshot-1.jpg")
    qtbot.mouseClick(d.test_print_button, Qt.MouseButton.LeftButton)
    assert "TEST.pdf" in d.message._text.text()
    qtbot.mouseClick(d.detect_button, Qt.MouseButton.LeftButton)
    texts = d.detected_texts()
    assert len(texts) == 3
    assert "scale ad FX-300i SN 14A0" in texts[1]
    assert shell.devices.calls[-5:] == [
        "read_scale",
        "zero_scale",
        "take_snapshot",
        "test_print",
        "detect_ports",
    ]
    assert_fits(w)
    shot(w, "devices-technician")
    shell.devices.set_state("scale", "disconnected", "/dev/ttyUSB0: no answer")
    assert d.field_texts("scale")["state"] == "\u2716 Disconnected"
    assert not d.read_button.isEnabled()


def test_devices_screen_read_only_for_an_inspector(qtbot: QtBot, shell: Shell) -> None:
    w = shell.window
    shell.devices.start()
    shell.devices.stop()
    sign_in(qtbot, shell)
    assert w.show_screen("devices")
    assert_fits(w)
    shot(w, "devices-inspector")


# ---- Sync screen --------------------------------------------------------------------------------


def test_sync_screen_shows_sources_last_sync_and_waiting_records(
    qtbot: QtBot, shell: Shell
) -> None:
    w, screen, sync = shell.window, shell.window.sync_screen, shell.sync
    assert sync is not None
    sign_in(qtbot, shell)
    assert w.show_screen("sync")
    texts = screen.texts()
    assert texts["headline"] == "Hub: https://hub.diamonds.fgov.example"
    assert texts["result"] == (
        "\u2716 Failed: data: Data up to date (bundle 12).; records: the hub's answer is not JSON"
    )
    assert texts["waiting"] == "7 record(s) waiting for the hub"
    rows = screen.source_rows()
    assert rows[0] == ["Source", "Version", "Published", "Age", "Entries"]
    assert rows[1][0] == "EU Financial Sanctions File"
    assert rows[1][3] == "20 h"
    assert rows[4][3] == "8 d"
    assert_fits(w)
    shot(w, "sync-failed")
    qtbot.mouseClick(screen.sync_button, Qt.MouseButton.LeftButton)
    assert sync.calls == ["sync_now"]
    assert screen.texts()["headline"].startswith("Syncing with")
    assert not screen.sync_button.isEnabled()
    sync.finish()
    assert screen.texts()["result"] == "\u25cf OK"
    assert screen.texts()["waiting"] == "0 record(s) waiting for the hub"
    assert screen.sync_button.isEnabled()


@dataclass(frozen=True)
class LocalData:
    version: str
    source: str
    published_at: datetime
    loaded_at: datetime
    counts: dict[str, int]


def test_without_a_hub_the_sync_screen_names_the_data_source(qtbot: QtBot) -> None:
    s = make_shell(qtbot, with_sync=False)
    w = s.window
    sign_in(qtbot, s)
    data = LocalData(
        "sample-2026.11",
        "sample data",
        pv.NOW - timedelta(hours=5),
        pv.NOW - timedelta(hours=1),
        {"KP certificates": 12, "listed parties": 310},
    )
    s.controller.data_status_changed.emit(data)
    assert w.show_screen("sync")
    texts = w.sync_screen.texts()
    assert texts["headline"] == "No hub configured \u2014 data from sample data"
    assert not w.sync_screen.sync_button.isVisible()
    assert w.sync_screen.source_rows()[1] == [
        "KP certificates",
        "sample-2026.11",
        "20/11/2026",
        "5 h",
        "12",
    ]
    assert_fits(w)
    shot(w, "sync-no-hub")
    w.shutdown()


def test_sync_screen_alone_follows_its_port(qtbot: QtBot) -> None:
    sync = pv.PreviewSync()
    screen = SyncScreen(sync, clock=lambda: pv.NOW)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(sync.status_changed):
        sync.sync_now()
    assert screen.status.syncing


# ---- Fault panel --------------------------------------------------------------------------------


def test_a_scale_gone_while_weighing_shows_the_fault_panel_until_it_is_back(
    qtbot: QtBot,
) -> None:
    s = make_shell(qtbot, replace(pv.SETTINGS, scale_fault_after_s=0.2))
    w = s.window
    sign_in(qtbot, s)
    s.devices.set_state("scale", "disconnected", "MT-SICS on /dev/ttyUSB0: no answer")
    qtbot.waitUntil(lambda: w.current_screen is w.fault_panel, timeout=2000)
    assert w.fault_panel.kind == "scale"
    assert w.fault_panel.title.text() == "The scale is not answering"
    assert w.fault_panel.what.text() == "MT-SICS on /dev/ttyUSB0: no answer"
    assert_fits(w)
    shot(w, "fault-scale")
    qtbot.mouseClick(w.fault_panel.retry_button, Qt.MouseButton.LeftButton)
    assert w.fault_panel.status.text().startswith("Still not answering")
    assert w.current_screen is w.fault_panel
    s.devices.set_state("scale", "ok", "MT-SICS on /dev/ttyUSB0")
    assert w.current_screen is w.inspection_screen
    w.shutdown()


def test_a_short_scale_glitch_shows_no_fault(qtbot: QtBot) -> None:
    s = make_shell(qtbot, replace(pv.SETTINGS, scale_fault_after_s=0.3))
    w = s.window
    sign_in(qtbot, s)
    s.devices.set_state("scale", "disconnected", "no answer")
    qtbot.wait(50)
    s.devices.set_state("scale", "ok", "back")
    qtbot.wait(400)
    assert w.current_screen is w.inspection_screen
    w.shutdown()


def test_a_database_fault_is_shown_and_retried(qtbot: QtBot, shell: Shell) -> None:
    w, c = shell.window, shell.controller
    c.database_failed.emit("The database cannot be opened: disk I/O error")
    assert w.current_screen is w.fault_panel
    assert w.fault_panel.what.text() == "The database cannot be opened: disk I/O error"
    shot(w, "fault-database")
    c.database_up = False
    qtbot.keyClick(w.fault_panel.retry_button, Qt.Key.Key_Space)
    assert w.current_screen is w.fault_panel
    c.database_up = True
    qtbot.mouseClick(w.fault_panel.retry_button, Qt.MouseButton.LeftButton)
    assert w.current_screen is w.sign_in_screen
    assert c.calls.count(("retry_database", ())) == 2


# ---- Kiosk mode ---------------------------------------------------------------------------------


def test_kiosk_mode_ignores_close_until_a_technician_leaves_it(qtbot: QtBot) -> None:
    s = make_shell(qtbot, replace(pv.SETTINGS, fullscreen=True))
    w = s.window
    assert w.kiosk_mode
    assert w.windowFlags() & Qt.WindowType.FramelessWindowHint
    w.close()
    assert w.isVisible()
    sign_in(qtbot, s)
    assert not w.leave_kiosk_mode()  # an inspector may not
    assert w.kiosk_mode
    qtbot.mouseClick(
        w.nav.sign_out_button if w.nav.isVisible() else w.menu_button, Qt.MouseButton.LeftButton
    )
    if w.nav.isVisible():
        qtbot.mouseClick(w.nav.sign_out_button, Qt.MouseButton.LeftButton)
    sign_in(qtbot, s, "lschmidt")
    assert w.current_screen is w.devices_screen
    qtbot.mouseClick(w.devices_screen.exit_kiosk_button, Qt.MouseButton.LeftButton)
    assert ("record_kiosk_exit", ()) in s.controller.calls
    assert not w.kiosk_mode
    assert not w.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not w.devices_screen.exit_kiosk_button.isEnabled()
    w.close()
    assert not w.isVisible()


# ---- Keyboard alone -----------------------------------------------------------------------------


def _alt(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)


def test_everything_by_keyboard_alone(qtbot: QtBot, shell: Shell) -> None:
    w = shell.window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    screen = w.sign_in_screen
    # Tab to a user, Space chooses, digits and Enter sign in (typed at a person's pace).
    for _ in range(30):
        if QApplication.focusWidget() is screen.user_buttons()["jpeeters"]:
            break
        qtbot.keyClick(QApplication.focusWidget() or screen, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.user_buttons()["jpeeters"]
    # A key held as long as a finger holds it (the wedge filter holds a press for at most
    # the wedge gap).
    qtbot.keyPress(screen.user_buttons()["jpeeters"], Qt.Key.Key_Space)
    qtbot.wait(int(WEDGE_GAP_MS) + 100)
    qtbot.keyRelease(screen.user_buttons()["jpeeters"], Qt.Key.Key_Space)
    assert screen.selected_username == "jpeeters"
    qtbot.keyClicks(QApplication.focusWidget() or screen, pv.PREVIEW_PIN, delay=60)
    qtbot.keyClick(QApplication.focusWidget() or screen, Qt.Key.Key_Return)
    assert w.current_screen is w.inspection_screen
    _alt(qtbot, w, Qt.Key.Key_M)
    assert w.nav.isVisible()
    assert QApplication.focusWidget() is w.nav.buttons()["inspection"]
    shot(w, "menu-open")
    _alt(qtbot, w, Qt.Key.Key_2)
    assert w.current_screen is w.devices_screen
    _alt(qtbot, w, Qt.Key.Key_3)
    assert w.current_screen is w.sync_screen
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not None
    _alt(qtbot, w, Qt.Key.Key_1)
    assert w.current_screen is w.inspection_screen
    assert QApplication.focusWidget() is w.inspection_screen.identifiers.input
    _alt(qtbot, w, Qt.Key.Key_L)
    assert shell.controller.is_locked
    assert w.current_screen is w.sign_in_screen
    _alt(qtbot, w, Qt.Key.Key_2)  # nothing opens past the lock
    assert w.current_screen is w.sign_in_screen
    qtbot.keyClicks(QApplication.focusWidget() or screen, pv.PREVIEW_PIN, delay=60)
    qtbot.keyClick(QApplication.focusWidget() or screen, Qt.Key.Key_Return)
    assert w.current_screen is w.inspection_screen
    _alt(qtbot, w, Qt.Key.Key_0)
    assert w.current_screen is w.sign_in_screen


def test_sign_in_and_lock_screens_fit(qtbot: QtBot, shell: Shell) -> None:
    w = shell.window
    assert_fits(w)
    shot(w, "sign-in")
