"""The History screen on the real history service: search, open, reprint, keyboard, screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from services.history_fixtures import Recorded, history_settings, record_parcels

from kiosk.domain.history import HistoryPage
from kiosk.services.devices import DeviceHub
from kiosk.services.history import HistoryService
from kiosk.settings import Settings
from kiosk.ui import preview as pv
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.history import HistoryScreen, connect_history
from kiosk.ui.theme import MIN_TOUCH_TARGET_PX

SHOTS_DIR = Path("/tmp/ui-shots")
TIMEOUT_MS = 20_000
DAY = date(2026, 11, 26)


@dataclass
class Rig:
    settings: Settings
    recorded: Recorded
    service: HistoryService
    screen: HistoryScreen


@pytest.fixture(scope="module")
def recorded_post(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Recorded]:
    """Two parcels recorded once for the module."""
    settings = history_settings(tmp_path_factory.mktemp("post"))
    return settings, record_parcels(settings)


@pytest.fixture
def rig(qtbot: QtBot, recorded_post: tuple[Settings, Recorded]) -> Iterator[Rig]:
    """The screen wired to the real service, a folder printer behind it."""
    settings, recorded = recorded_post
    devices = DeviceHub(settings)
    devices.start()
    service = HistoryService(settings, devices)
    screen = HistoryScreen(post=settings.kiosk.post, today=lambda: DAY)
    connect_history(screen, service, lambda: None)
    qtbot.addWidget(screen)
    screen.resize(1280, 740)
    with qtbot.waitSignal(service.results_ready, timeout=TIMEOUT_MS):
        screen.show()  # the first showing lists the day's inspections
    yield Rig(settings, recorded, service, screen)
    service.shutdown()
    devices.stop()


def search(qtbot: QtBot, rig: Rig) -> HistoryPage:
    with qtbot.waitSignal(rig.service.results_ready, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(rig.screen.search_button, Qt.MouseButton.LeftButton)
    page: HistoryPage = blocker.args[0]
    return page


def test_search_fills_the_table(qtbot: QtBot, rig: Rig) -> None:
    page = search(qtbot, rig)
    table = rig.screen.table
    assert table.rowCount() == 2 == len(page.rows)
    overridden = rig.recorded.overridden
    texts = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(2)]
    assert texts[0][1] == overridden.id  # newest first
    assert texts[0][2] == "NA2026003205"
    assert texts[0][3] == "HOLD \u2192 CLEAR"
    assert texts[0][4] == "An Peeters"
    assert texts[0][5] == "\u270e overridden by Marc Dubois"
    assert texts[1][3] == "CLEAR"
    assert not table.item(1, 3).icon().isNull()  # verdict as icon and word
    assert rig.screen.page_label.text() == "Inspections 1\u20132, newest first"

    rig.screen.verdict_input.setCurrentIndex(rig.screen.verdict_input.findData("refuse"))
    search(qtbot, rig)
    assert table.rowCount() == 0
    assert rig.screen.page_label.text() == "No inspection matches the search."


def test_keyboard_search_open_reprint_and_back(qtbot: QtBot, rig: Rig) -> None:
    screen = rig.screen
    backs: list[bool] = []
    screen.back_requested.connect(lambda: backs.append(True))
    screen.identifier_input.setFocus()
    qtbot.keyClicks(screen.identifier_input, "004417")
    with qtbot.waitSignal(rig.service.results_ready, timeout=TIMEOUT_MS):
        qtbot.keyClick(screen.identifier_input, Qt.Key.Key_Return)
    assert screen.table.rowCount() == 1
    screen.table.setFocus()
    with qtbot.waitSignal(rig.service.detail_ready, timeout=TIMEOUT_MS):
        qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert screen.showing_detail()
    assert screen.detail is not None
    assert screen.detail.inspection.id == rig.recorded.clear.id
    assert QApplication.focusWidget() is screen.reprint_button
    assert "BW2026004417" in screen.identifiers_text.text()
    assert "1250.404 ct" in screen.reading_text.text()
    assert not screen.photo.pixmap().isNull()
    assert screen.banner.word() == "CLEAR"
    assert screen.audit.count() >= 8
    assert screen.slip_text.text().startswith("Slip printed 26/11/2026")

    with qtbot.waitSignal(rig.service.reprinted, timeout=TIMEOUT_MS) as printed:
        qtbot.keyClick(screen.reprint_button, Qt.Key.Key_Space)
    assert Path(printed.args[0]).is_file()
    assert screen.message.isVisible()
    qtbot.waitUntil(lambda: "Reprinted 1 time(s)." in screen.slip_text.text(), timeout=TIMEOUT_MS)

    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.showing_detail()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert backs == [True]


def test_recheck_shows_the_comparison(qtbot: QtBot, rig: Rig) -> None:
    screen = rig.screen
    search(qtbot, rig)
    with qtbot.waitSignal(rig.service.detail_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    assert screen.detail is not None
    assert screen.override_text.isVisible()
    assert "Marc Dubois (supervisor)" in screen.override_text.text()
    assert "An Peeters (inspector)" in screen.override_text.text()
    with qtbot.waitSignal(rig.service.recheck_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(screen.recheck_button, Qt.MouseButton.LeftButton)
    assert screen.recheck_text.text() == (
        "Re-checked under the rules of 26/11/2026: same verdict (HOLD), same reasons."
    )


def test_touch_targets_and_screenshots(qtbot: QtBot, rig: Rig) -> None:
    screen = rig.screen
    search(qtbot, rig)
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)
    assert screen.grab().save(str(SHOTS_DIR / "history-results.png"))
    for button in screen.action_buttons():
        if button.isVisibleTo(screen):
            assert button.height() >= MIN_TOUCH_TARGET_PX, button.objectName()
            assert button.width() >= button.sizeHint().width(), button.objectName()
    for edit in screen.findChildren(QLineEdit):
        if edit.isVisibleTo(screen):
            assert edit.height() >= MIN_TOUCH_TARGET_PX
    for field in (screen.from_input, screen.to_input, screen.verdict_input):
        assert field.height() >= MIN_TOUCH_TARGET_PX
    assert screen.table.rowHeight(0) >= MIN_TOUCH_TARGET_PX

    screen.table.selectRow(0)
    with qtbot.waitSignal(rig.service.detail_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(rig.service.recheck_ready, timeout=TIMEOUT_MS):
        qtbot.mouseClick(screen.recheck_button, Qt.MouseButton.LeftButton)
    label = screen.recheck_text
    # The comparison is not cut: the layout gives the wrapped text all the height it needs.
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=2000)
    assert screen.grab().save(str(SHOTS_DIR / "history-detail.png"))
    assert screen.width() == 1280  # nothing pushed the screen wider
    for button in screen.action_buttons():
        if button.isVisibleTo(screen):
            assert button.height() >= MIN_TOUCH_TARGET_PX, button.objectName()


def test_texts_are_set_again_on_a_language_change(qtbot: QtBot) -> None:
    screen = HistoryScreen(today=lambda: DAY)
    qtbot.addWidget(screen)
    screen.title.setText("")
    screen.search_button.setText("")
    QCoreApplication.sendEvent(screen, QEvent(QEvent.Type.LanguageChange))
    assert screen.title.text() == "History"
    assert screen.search_button.text() == "Search"
    assert screen.verdict_input.itemText(0) == "Any verdict"


def test_main_window_history_and_back(qtbot: QtBot, rig: Rig) -> None:
    controller, devices = pv.PreviewController(), pv.PreviewDevices()
    window = MainWindow(controller, devices, pv.SETTINGS, clock=lambda: pv.NOW, history=rig.service)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.mouseClick(window.sign_in_screen.user_buttons()["jpeeters"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.sign_in_screen, pv.PREVIEW_PIN)
    qtbot.keyClick(window.sign_in_screen, Qt.Key.Key_Return)
    assert window.current_screen is window.inspection_screen
    assert window.history_screen is not None
    assert "history" in window.allowed_screens()
    with qtbot.waitSignal(rig.service.results_ready, timeout=TIMEOUT_MS):
        assert window.show_screen("history")  # the rail's History entry (Alt+2)
    assert window.current_screen is window.history_screen
    assert window.history_screen.table.rowCount() == 0  # today: nothing yet
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS_DIR / "history-in-window-1280x800.png"))
    assert window.width() == 1280
    assert window.history_screen.width() >= window.history_screen.minimumSizeHint().width()
    qtbot.mouseClick(window.history_screen.back_button, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.inspection_screen
    devices.stop()


def test_main_window_without_history_has_no_history_entry(qtbot: QtBot) -> None:
    controller, devices = pv.PreviewController(), pv.PreviewDevices()
    window = MainWindow(controller, devices, pv.SETTINGS, clock=lambda: pv.NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.sign_in_screen.user_buttons()["jpeeters"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.sign_in_screen, pv.PREVIEW_PIN)
    qtbot.keyClick(window.sign_in_screen, Qt.Key.Key_Return)
    assert window.history_screen is None
    assert "history" not in window.allowed_screens()
    assert not window.show_screen("history")
    devices.stop()
