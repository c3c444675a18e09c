"""The wedge event filter with real key events: bursts are scans, typing reaches the widget."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.wedge_filter import WedgeFilter


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, QLineEdit, QLineEdit]:
    root = QWidget()
    layout = QVBoxLayout(root)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(root)
    root.show()
    qtbot.waitExposed(root)
    return root, first, second


@pytest.fixture
def wedge(form: tuple[QWidget, QLineEdit, QLineEdit]) -> Iterator[WedgeFilter]:
    flt = WedgeFilter(form[0])
    flt.install()
    yield flt
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(flt)


def test_fast_burst_is_a_scan_and_never_reaches_the_field(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _, field, _ = form
    returns: list[bool] = []
    field.returnPressed.connect(lambda: returns.append(True))
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        qtbot.keyClicks(field, "26BE000012345678A1", delay=2)
        qtbot.keyClick(field, Qt.Key.Key_Return, delay=2)
    assert blocker.args == ["26BE000012345678A1"]
    assert field.text() == ""
    assert returns == []


def test_slow_typing_reaches_the_widget_in_order(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _, field, _ = form
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    qtbot.keyClicks(field, "bw12", delay=120)
    qtbot.waitUntil(lambda: field.text() == "bw12", timeout=2000)
    assert scans == []


def test_scan_works_whatever_widget_is_targeted(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _, first, second = form
    qtbot.keyClicks(first, "ab", delay=120)
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
        qtbot.keyClicks(second, "SL0012345", delay=2)  # no Enter: ends after the idle time
    assert blocker.args == ["SL0012345"]
    qtbot.waitUntil(lambda: first.text() == "ab", timeout=2000)
    assert second.text() == ""


def test_two_quick_keys_then_enter_are_typing(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _, field, _ = form
    returns: list[str] = []
    field.returnPressed.connect(lambda: returns.append(field.text()))
    qtbot.keyClicks(field, "ok", delay=2)
    qtbot.keyClick(field, Qt.Key.Key_Return, delay=2)
    assert returns == ["ok"]


def test_disabled_filter_lets_a_burst_through(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], wedge: WedgeFilter
) -> None:
    _, field, _ = form
    wedge.set_enabled(False)
    assert not wedge.enabled
    qtbot.keyClicks(field, "1234", delay=2)
    assert field.text() == "1234"


def test_scope_leaves_other_windows_alone(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit]
) -> None:
    root, field, _ = form
    other = QLineEdit()
    qtbot.addWidget(other)
    flt = WedgeFilter(root, scope=root)
    flt.install()
    scans: list[str] = []
    flt.scanned.connect(scans.append)
    try:
        qtbot.keyClicks(other, "OUTSIDE1", delay=2)
        assert other.text() == "OUTSIDE1"
        with qtbot.waitSignal(flt.scanned, timeout=2000):
            qtbot.keyClicks(field, "INSIDE1", delay=2)
        assert scans == ["INSIDE1"]
    finally:
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(flt)


# ---- Installed on the window --------------------------------------------------------------------


@pytest.fixture
def window_wedge(form: tuple[QWidget, QLineEdit, QLineEdit]) -> Iterator[WedgeFilter]:
    root = form[0]
    flt = WedgeFilter(root, scope=root)
    flt.install(root.windowHandle())
    yield flt
    flt.uninstall()


def test_on_the_window_a_burst_is_a_scan_and_typing_reaches_the_focused_field(
    qtbot: QtBot,
    form: tuple[QWidget, QLineEdit, QLineEdit],
    window_wedge: WedgeFilter,
    window_keys: Callable[..., None],
) -> None:
    _, first, second = form
    with qtbot.waitSignal(window_wedge.scanned, timeout=2000) as blocker:
        window_keys(first, "26BE000012345678A1", 2, enter=True)
    assert blocker.args == ["26BE000012345678A1"]
    assert first.text() == ""
    window_keys(second, "bw12", 120)
    qtbot.waitUntil(lambda: second.text() == "bw12", timeout=2000)
    assert first.text() == ""


def test_on_the_window_the_filter_sees_input_not_paints(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], window_wedge: WedgeFilter
) -> None:
    root, first, _ = form
    seen: list[str] = []
    window_wedge.watch_input(
        frozenset({QEvent.Type.Paint, QEvent.Type.MouseButtonPress}),
        lambda: seen.append("event"),
    )
    for _ in range(3):
        root.repaint()
        first.repaint()
    assert seen == []  # each event a Python filter sees takes the GIL
    window = root.windowHandle()
    assert window is not None
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=first.geometry().center())
    assert seen == ["event"]
    assert first.hasFocus()


def test_on_the_window_keys_sent_to_another_window_pass(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], window_wedge: WedgeFilter
) -> None:
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    scans: list[str] = []
    window_wedge.scanned.connect(scans.append)
    handle = other.windowHandle()
    assert handle is not None
    for char in "OUTSIDE1":
        QTest.keyClick(handle, char)
    assert other.text() == "OUTSIDE1"
    assert scans == []
