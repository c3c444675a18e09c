"""The main window at 1280x800 with worst-case content: nothing grows past the screen or is cut."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.domain.models import (
    Identifier,
    IdentifierKind,
    InputSource,
    Inspection,
    Outcome,
    Reason,
    WeightReading,
    WeightState,
)
from kiosk.ui import preview as pv
from kiosk.ui.formatting import verdict_summary
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import MIN_TOUCH_TARGET_PX
from kiosk.ui.widgets.fit_label import ElidedLabel, ShrinkLabel
from kiosk.ui.widgets.identifier_panel import IdentifierPanel

WIDTH_PX, HEIGHT_PX = 1280, 800
EXPORTER_60 = "Okavango Diamond Trading and Export Company (Pty) Ltd Gaboro"
LONG_MESSAGE = (
    "Sanctioned party: exporter {name!r} matches EU listing EU-269-2024-ALROSA and OFAC "
    "listing 34644 by its listed name (both read as the same normalised name); freeze the "
    "goods and escalate to the duty supervisor before anything else is done with the parcel"
)
BUTTON_PADDING_PX = 2 * 22 + 2 * 2
SHOT = Path("/tmp/ui-shots/worst-case-1280x800.png")
HEAVY_CT = Decimal("2104.660")
DIFFERENCE_CT = Decimal("0.300")


def worst_case_inspection() -> Inspection:
    """A REFUSE with 3 long reasons of one rule, a 60-character exporter, 4-digit carats."""
    assert len(EXPORTER_60) == 60
    refusals = [
        Reason(
            "R12",
            Outcome.REFUSE,
            "Reg. (EU) 269/2014 Art. 2 and Reg. (EU) 833/2014 Art. 3p(1)-(2), 16th package",
            LONG_MESSAGE.format(name=f"{EXPORTER_60} #{n}"),
        )
        for n in range(1, 4)
    ]
    hold = Reason(
        "R11",
        Outcome.HOLD,
        "Reg. (EC) 2368/2002 Arts 4-5",
        "weight differs from the declaration: 2104.360 ct against 2104.660 ct "
        "(difference -0.300 ct, tolerance 0.010 ct)",
    )
    reasons = (*refusals, hold)
    base = pv.sample_inspection(Outcome.REFUSE, inspection_id="INS-20261126-163034-A4AB")
    assert base.verdict is not None
    assert base.declaration is not None
    declaration = replace(
        base.declaration,
        exporter=EXPORTER_60,
        importer=f"{EXPORTER_60[:40]} Importers BV, Antwerpen",
        declared_carats=HEAVY_CT,
        origin_countries=("RU", "BW", "NA", "ZA", "CA", "AO", "CD", "SL", "ZW", "LS"),
    )
    reading = WeightReading(HEAVY_CT - DIFFERENCE_CT, WeightState.STABLE, "S S 2104.360 ct", pv.NOW)
    identifiers = (
        *pv.IDENTIFIERS,
        Identifier(IdentifierKind.UNKNOWN, "X" * 64, InputSource.TYPED, raw="X" * 64),
    )
    return replace(
        base,
        declaration=declaration,
        reading=reading,
        identifiers=identifiers,
        verdict=replace(base.verdict, reasons=reasons),
    )


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    controller, devices = pv.PreviewController(), pv.PreviewDevices()
    win = MainWindow(controller, devices, pv.SETTINGS, clock=lambda: pv.NOW)
    qtbot.addWidget(win)
    win.resize(WIDTH_PX, HEIGHT_PX)
    win.show()
    controller.sign_in("jpeeters", pv.PREVIEW_PIN)
    yield win
    devices.stop()


def show_worst_case(qtbot: QtBot, window: MainWindow) -> None:
    inspection = worst_case_inspection()
    screen = window.inspection_screen
    assert inspection.declaration is not None
    assert inspection.reading is not None
    screen.show_frame(pv.sample_frame())
    screen.show_inspection(inspection)
    screen.show_declaration(inspection.declaration)
    screen.show_certificate(replace(pv.CERTIFICATE, exporter=EXPORTER_60, carats=HEAVY_CT))
    screen.show_weight(inspection.reading)
    screen.show_message(
        "Printing failed: the printer reports 'out of paper' on tray 2; load paper, close the "
        "cover, then press Print slip again (the slip is kept until it is printed)"
    )
    window.status_bar.set_device_state(
        "printer", "out of paper", "tray 2 empty since 09:40, 3 slips waiting"
    )
    window.resize(WIDTH_PX, HEIGHT_PX)
    qtbot.wait(50)


def button_text_fits(button: QPushButton) -> bool:
    """The label plus the style sheet's padding (22 px) and border (2 px) each side fits."""
    text_px = button.fontMetrics().horizontalAdvance(button.text())
    return text_px + BUTTON_PADDING_PX <= button.width()


def assert_no_label_cut(window: MainWindow) -> None:
    """Every visible label gets the height its text needs, and the width unless it wraps."""
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if isinstance(label, ElidedLabel):
            if label.is_elided():
                assert label.text() in label.toolTip(), f"elided without tooltip: {label.text()!r}"
            continue
        if isinstance(label, ShrinkLabel):
            font = label.fitted_font()
            assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width() or (
                font.pixelSize() < label.font().pixelSize()
            ), f"weight cut: {label.text()!r}"
            continue
        if label.wordWrap():
            needed_h = label.heightForWidth(label.width())
        else:
            needed_h = label.sizeHint().height()
            assert label.width() >= label.sizeHint().width() - 1, f"text cut: {label.text()!r}"
        assert label.height() >= needed_h - 1, f"text cut: {label.text()!r}"


def test_worst_case_fits_1280x800_with_nothing_cut(qtbot: QtBot, window: MainWindow) -> None:
    show_worst_case(qtbot, window)
    screen = window.inspection_screen
    assert window.current_screen is screen
    assert window.minimumSizeHint().width() <= WIDTH_PX, "the layout is wider than the screen"
    assert window.minimumSizeHint().height() <= HEIGHT_PX, "the layout is taller than the screen"
    assert window.width() <= WIDTH_PX, "the window grew past the screen"
    assert window.height() <= HEIGHT_PX
    assert screen.weight.value_text() == "2104.360 ct"
    assert "outside tolerance" in screen.weight.reference_texts()["declared"]
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    assert {b.text() for b in screen.action_buttons()} <= {b.text() for b in buttons}
    for button in buttons:
        assert button_text_fits(button), f"button text cut: {button.text()!r} {button.width()}"
        assert button.height() >= MIN_TOUCH_TARGET_PX, button.text()
        on_window = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert window.rect().contains(on_window), f"button off the window: {button.text()!r}"
    assert_no_label_cut(window)
    SHOT.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOT))


def test_summary_lists_each_rule_once_with_the_count() -> None:
    summary = verdict_summary(worst_case_inspection())
    assert summary.endswith("\u2014 3 reasons: R12")


def test_newest_identifier_is_shown_whole(qtbot: QtBot) -> None:
    panel = IdentifierPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 330)
    panel.show()
    identifiers: list[Identifier] = []
    for n in range(1, 10):
        identifiers.append(
            Identifier(IdentifierKind.SEAL, f"SL4100{n:04d}", InputSource.SCANNER, raw="x")
        )
        panel.set_identifiers(identifiers)
        qtbot.wait(20)
        whole, partial = panel.scrolled_rows()
        assert panel.rows()[-1] in whole, f"newest not whole after {n}"
        assert not any(r.y() < panel._area.verticalScrollBar().value() for r in partial), (
            f"a row cut at the top after {n}"
        )
    assert panel._area.verticalScrollBar().value() > 0, "the list never scrolled"


def test_elided_label_keeps_full_text_and_tooltip(qtbot: QtBot) -> None:
    label = ElidedLabel("Parcel INS-20261126-163034-A4AB \u00b7 decided \u00b7 started 16:29")
    qtbot.addWidget(label)
    label.resize(120, 30)
    label.show()
    assert label.is_elided()
    assert label.displayed_text().endswith("\u2026")
    assert label.text() in label.toolTip()
    label.resize(900, 30)
    assert not label.is_elided()
    assert label.toolTip() == ""
    assert label.minimumSizeHint().width() < label.sizeHint().width()
