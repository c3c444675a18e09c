"""End to end: a supervisor lifts a HOLD through the real GUI, simulated devices, SQLite, slip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.demo import AutoShift, demo_settings, process_events_for, wait_for, wait_until
from kiosk.domain.models import Inspection, InspectionState, Outcome, OverrideCode
from kiosk.services.simulation import SimulatedPost, sample_parcels
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import apply_theme

SCREENSHOT = Path("/tmp/override.png")
SCREENSHOT_FORM = Path("/tmp/override-screen.png")
SCREENSHOT_HOLD = Path("/tmp/override-hold.png")
TIMEOUT_MS = 20_000
REASON = "Exporter's invoice shows 512.750 ct; the parcel was re-weighed at the office: 512.452 ct."


@pytest.fixture
def kiosk(tmp_path: Path, qtbot: QtBot) -> Iterator[Kiosk]:
    k = Kiosk(demo_settings(Settings(), tmp_path))
    apply_theme(k.app)  # pytest-qt made the QApplication, so the kiosk did not theme it
    k.start()
    k.window.resize(1280, 800)
    k.window.present()
    yield k
    k.stop()


def click(widget: QWidget) -> None:
    assert widget.isVisible(), widget.objectName()
    assert widget.isEnabled(), widget.objectName()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    process_events_for(20)


def shown(window: MainWindow) -> QWidget:
    """The screen the window shows (a call, so that mypy does not narrow it)."""
    return window.current_screen


def assert_fits(window: QWidget, screen: QWidget) -> None:
    """Every visible label and button of ``screen`` lies inside the window, uncut."""
    for label in screen.findChildren(QLabel):
        if label.isVisible() and label.text():
            # A label in a scroll area may be scrolled out of its view: the view must fit.
            holder: QWidget = label
            parent = label.parentWidget()
            while parent is not None and parent is not screen:
                if isinstance(parent, QScrollArea):
                    holder = parent
                parent = parent.parentWidget()
            box = QRect(holder.mapTo(window, QPoint(0, 0)), holder.size())
            assert window.rect().contains(box), f"label off the window: {label.text()!r}"
            if label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()


def test_a_supervisor_lifts_a_hold_through_the_gui(kiosk: Kiosk, tmp_path: Path) -> None:
    parcels = sample_parcels()
    number = next(i for i, p in enumerate(parcels) if p.label.startswith("Namibian rough, 0.300"))
    post = SimulatedPost(kiosk.devices, parcels)
    shift = AutoShift(kiosk, post, tmp_path, delay_ms=0)
    shift.sign_in()
    controller = kiosk.controller
    window = kiosk.window
    current = controller.current
    assert current is not None
    inspection_id = current.id

    (held,) = wait_for(
        controller.verdict_ready,
        TIMEOUT_MS,
        "the verdict",
        lambda i: isinstance(i, Inspection) and i.id == inspection_id,
        trigger=lambda: post.present(number),
    )
    assert held.verdict.outcome is Outcome.HOLD
    screen = window.inspection_screen
    wait_until(lambda: screen.override_button.isEnabled(), TIMEOUT_MS, "the Override button")
    process_events_for(150)  # let the layout place the button
    assert screen.override_button.height() >= 48
    assert_fits(window, screen)
    assert window.grab().save(str(SCREENSHOT_HOLD))

    click(screen.override_button)
    form = window.override_screen
    assert shown(window) is form
    assert set(form.supervisor_buttons()) == {"supervisor"}  # never the inspector
    click(form.supervisor_buttons()["supervisor"])
    for digit in "5678":
        click(form.pad.buttons()[digit])
    click(form.code_buttons()[OverrideCode.WEIGHING_ERROR])
    click(form.text)
    QTest.keyClicks(form.text, REASON)
    assert form.text.toPlainText() == REASON
    process_events_for(100)
    assert_fits(window, form)
    assert window.grab().save(str(SCREENSHOT_FORM))

    (done,) = wait_for(
        controller.override_recorded,
        TIMEOUT_MS,
        "the override",
        trigger=lambda: click(form.confirm_button),
    )
    assert isinstance(done, Inspection)
    assert done.final_outcome is Outcome.CLEAR
    assert done.state is InspectionState.OVERRIDDEN
    assert shown(window) is screen
    assert controller.user is not None
    assert controller.user.username == "inspector"  # still signed in
    assert screen.banner.word() == "CLEAR"
    note = screen.override_text()
    assert note.startswith("CLEAR \u2014 overridden by Marc Dubois")
    assert note.endswith("(weighing error)")
    assert REASON in screen.banner.summary()
    assert not screen.override_button.isVisible()
    process_events_for(150)
    assert_fits(window, screen)
    assert window.grab().save(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000

    assert done.slip_path is not None
    text = "\n".join(page.extract_text() for page in PdfReader(done.slip_path).pages)
    assert "SUPERVISOR OVERRIDE" in text
    assert "Marc Dubois" in text
    assert "An Peeters" in text
    assert "weighing error" in text
    assert "512.452" in text.replace("\n", " ")

    # The overridden slip prints.
    (printed_to,) = wait_for(
        controller.printed, TIMEOUT_MS, "the slip", trigger=lambda: click(screen.print_button)
    )
    assert Path(printed_to).read_bytes()[:5] == b"%PDF-"

    store = Store.open(kiosk.settings.database_url)
    try:
        saved = store.get(inspection_id)
        assert saved.override is not None
        assert saved.override.supervisor == "supervisor"
        assert saved.override.text == REASON
        assert saved.inspector == "inspector"
    finally:
        store.close()
