"""Each widget fed domain objects shows the right words, marks and numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.models import (
    Identifier,
    IdentifierKind,
    InputSource,
    Outcome,
    Reason,
    WeightReading,
    WeightState,
)
from kiosk.ui import preview as pv
from kiosk.ui.theme import ThemeError, icon_pixmap, load_stylesheet, outcome_icon_name
from kiosk.ui.widgets.camera_view import CameraView
from kiosk.ui.widgets.documents_panel import DocumentsPanel
from kiosk.ui.widgets.identifier_panel import IdentifierPanel
from kiosk.ui.widgets.message_area import MessageArea, MessageKind
from kiosk.ui.widgets.reason_list import ReasonList
from kiosk.ui.widgets.status_bar import StatusBar, device_level
from kiosk.ui.widgets.step_strip import DONE_MARK, Step, StepChip
from kiosk.ui.widgets.verdict_banner import VerdictBanner
from kiosk.ui.widgets.weight_display import WeightDisplay


def reading(carats: str, state: WeightState = WeightState.STABLE) -> WeightReading:
    return WeightReading(Decimal(carats), state, f"S S {carats} ct", pv.NOW)


# ---- Theme --------------------------------------------------------------------------------


def test_every_outcome_has_its_own_icon_and_it_renders(qtbot: QtBot) -> None:
    names = {outcome_icon_name(o) for o in Outcome}
    assert len(names) == 3 or len(names) == 4  # CLEAR and EXEMPT may share the check
    for outcome in Outcome:
        pixmap = icon_pixmap(outcome_icon_name(outcome), 48, device_pixel_ratio=1.0)
        image = pixmap.toImage()
        assert image.width() == 48
        assert image.pixelColor(24, 24).alpha() == 255, "icon centre must be painted"


def test_missing_icon_and_stylesheet_give_clear_errors(tmp_path: object) -> None:
    with pytest.raises(ThemeError, match="no icon named 'nope'"):
        icon_pixmap("nope", 32)
    from pathlib import Path

    with pytest.raises(ThemeError, match="cannot read the style sheet"):
        load_stylesheet(Path(str(tmp_path)) / "missing.qss")


# ---- WeightDisplay ------------------------------------------------------------------------


def test_weight_shows_value_with_unit_and_stability(qtbot: QtBot) -> None:
    w = WeightDisplay()
    qtbot.addWidget(w)
    assert w.value_text() == "\u2013.\u2013\u2013\u2013 ct"
    w.show_reading(reading("12.3456"))
    assert w.value_text() == "12.346 ct"
    assert w.state_text() == "\u2714 STABLE"
    w.show_reading(reading("12.1", WeightState.DYNAMIC))
    assert w.value_text() == "12.100 ct"
    assert w.state_text() == "settling\u2026"


@pytest.mark.parametrize(
    ("state", "word"),
    [
        (WeightState.OVERLOAD, "OVERLOAD"),
        (WeightState.UNDERLOAD, "UNDERLOAD"),
        (WeightState.BUSY, "BUSY"),
        (WeightState.ERROR, "ERROR"),
        (WeightState.DISCONNECTED, "DISCONNECTED"),
    ],
)
def test_weight_fault_states_are_words_not_numbers(
    qtbot: QtBot, state: WeightState, word: str
) -> None:
    w = WeightDisplay()
    qtbot.addWidget(w)
    w.show_reading(reading("99.999", state))
    assert word in w.state_text()
    assert "99.999" not in w.value_text()


def test_weight_compares_with_declared_and_certificate(qtbot: QtBot) -> None:
    w = WeightDisplay()
    qtbot.addWidget(w)
    w.set_tolerance(Decimal("0.010"))
    w.set_references(Decimal("10.000"), Decimal("10.050"))
    w.show_reading(reading("10.002"))
    refs = w.reference_texts()
    # Within or outside the tolerance is said in words beside the difference.
    assert refs["declared"] == "10.000 ct \u0394 +0.002 ct  \u2714 within tolerance"
    assert refs["certificate"].startswith("10.050 ct \u0394 \u22120.048 ct")
    assert "outside tolerance" in refs["certificate"]
    assert "outside tolerance" not in refs["declared"]
    w.show_disconnected("port closed")
    assert w.state_text() == "SCALE DISCONNECTED"


# ---- VerdictBanner ------------------------------------------------------------------------


def test_banner_empty_state_says_what_it_waits_for(qtbot: QtBot) -> None:
    b = VerdictBanner()
    qtbot.addWidget(b)
    assert b.outcome is None
    assert b.summary() == "Waiting for identifiers, weight and photo"


@pytest.mark.parametrize("outcome", list(Outcome))
def test_banner_shows_word_colour_and_icon(qtbot: QtBot, outcome: Outcome) -> None:
    b = VerdictBanner()
    qtbot.addWidget(b)
    b.resize(500, 130)
    b.show_inspection(pv.sample_inspection(outcome))
    assert b.word() == outcome.label
    assert b.property("outcome") == outcome.name.lower()
    # The colour comes from the style sheet: sample the banner's background.
    colour = b.grab().toImage().pixelColor(480, 120)
    expected = {
        Outcome.CLEAR: QColor("#166534"),
        Outcome.EXEMPT: QColor("#166534"),
        Outcome.HOLD: QColor("#fbbf24"),
        Outcome.REFUSE: QColor("#b91c1c"),
    }[outcome]
    assert colour == expected


def test_banner_treats_a_verdict_made_stale_by_new_input_as_waiting(qtbot: QtBot) -> None:
    b = VerdictBanner()
    qtbot.addWidget(b)
    decided = pv.sample_inspection(Outcome.HOLD)
    b.show_inspection(replace(decided, state=decided.state.COLLECTING))
    assert b.outcome is None
    assert b.summary() == "Ready: press Check now"


# ---- ReasonList ---------------------------------------------------------------------------


def test_reasons_show_rule_message_and_basis_worst_first(qtbot: QtBot) -> None:
    r = ReasonList()
    qtbot.addWidget(r)
    r.set_reasons(pv.REASONS[Outcome.HOLD][::-1])
    texts = [card.texts() for card in r.cards()]
    assert [t[0] for t in texts] == ["HOLD \u00b7 R11", "HOLD \u00b7 R12", "CLEAR \u00b7 R05"]
    assert texts[1][1].startswith("Seal SEAL-88341 is not listed")
    assert texts[1][2] == "Reg. (EC) 2368/2002 Art. 3, Art. 5(2)"
    r.set_reasons(())
    assert r.cards() == []


def test_reason_cards_are_reused_for_the_next_verdict_and_restyled(qtbot: QtBot) -> None:
    r = ReasonList()
    qtbot.addWidget(r)
    r.resize(500, 500)
    r.show()
    r.set_reasons(pv.REASONS[Outcome.HOLD])
    built = r.cards()
    qtbot.waitUntil(lambda: all(card.isVisible() for card in r.cards()))
    r.set_reasons(())
    assert r.cards() == []
    assert not any(card.isVisible() for card in built)
    refuse = Reason("R01", Outcome.REFUSE, "", "Russian origin.")
    r.set_reasons([refuse])
    assert r.cards() == built[:1]  # the same widget, now showing the new reason
    card = r.cards()[0]
    qtbot.waitUntil(card.isVisible)
    assert card.texts()[0] == "REFUSE · R01"
    assert card.property("outcome") == "refuse"
    assert card.basis.isHidden()  # no legal basis given: no empty line
    assert not any(other.isVisible() for other in built[1:])
    r.set_reasons(pv.REASONS[Outcome.HOLD])
    assert r.cards() == built
    assert not r.cards()[0].basis.isHidden()


def test_many_long_reasons_scroll_instead_of_being_cut(qtbot: QtBot) -> None:
    r = ReasonList()
    qtbot.addWidget(r)
    r.resize(400, 300)
    r.show()
    long_text = "A long explanation that must wrap over several lines of the card. " * 3
    r.set_reasons([Reason(f"R{i}", Outcome.HOLD, "Art. 3p", long_text) for i in range(8)])
    qtbot.waitUntil(lambda: r.verticalScrollBar().maximum() > 0)
    for card in r.cards():
        assert card.message.wordWrap()
        assert card.height() >= card.heightForWidth(card.width()) - 1


# ---- IdentifierPanel ----------------------------------------------------------------------


def test_identifiers_listed_with_kind_and_validity(qtbot: QtBot) -> None:
    p = IdentifierPanel()
    qtbot.addWidget(p)
    p.set_identifiers(pv.IDENTIFIERS)
    lines = p.lines()
    assert lines[0] == "BW0123456 \u2014 KP certificate \u00b7 valid \u00b7 scanned"
    assert "Seal \u00b7 INVALID: seal number not on the KP certificate" in lines[3]
    assert [row.property("valid") for row in p.rows()] == [True, True, True, False]


def test_identifier_rows_are_reused_for_the_next_parcel_and_restyled(qtbot: QtBot) -> None:
    p = IdentifierPanel()
    qtbot.addWidget(p)
    p.resize(420, 500)
    p.show()
    p.set_identifiers(pv.IDENTIFIERS)  # valid, valid, valid, invalid
    first = p.rows()
    invalid_mark = first[3]._mark.pixmap().toImage()
    valid_mark = first[0]._mark.pixmap().toImage()
    assert invalid_mark != valid_mark
    p.set_identifiers(())
    assert p.rows() == []
    assert p.lines() == []
    assert not any(row.isVisible() for row in first)
    nxt = (pv.IDENTIFIERS[3], pv.IDENTIFIERS[0])  # the invalid seal first, then a valid one
    p.set_identifiers(nxt)
    rows = p.rows()
    assert rows == first[:2]  # the same widgets, filled again
    assert [row.isVisible() for row in first] == [True, True, False, False]
    assert [row.identifier for row in rows] == list(nxt)
    assert p.lines() == [
        "SEAL-88341 \u2014 Seal \u00b7 INVALID: seal number not on the KP certificate"
        " \u00b7 RFID",
        "BW0123456 \u2014 KP certificate \u00b7 valid \u00b7 scanned",
    ]
    assert [row.property("valid") for row in rows] == [False, True]
    assert rows[0].detail.property("emphasis") == "bad"
    assert rows[1].detail.property("emphasis") == ""
    assert rows[0].value.text() == nxt[0].value
    assert rows[0]._mark.pixmap().toImage() == invalid_mark
    assert rows[1]._mark.pixmap().toImage() == valid_mark
    # drawn exactly as rows built for these identifiers are (style re-matched, mark, texts)
    fresh = IdentifierPanel()
    qtbot.addWidget(fresh)
    fresh.resize(p.size())
    fresh.show()
    fresh.set_identifiers(nxt)
    qtbot.waitUntil(lambda: [r.size() for r in fresh.rows()] == [r.size() for r in rows])
    for built, reused in zip(fresh.rows(), rows, strict=True):
        assert built is not reused
        assert built.grab().toImage() == reused.grab().toImage()


def test_typed_identifier_emitted_on_enter_and_on_add(qtbot: QtBot) -> None:
    p = IdentifierPanel()
    qtbot.addWidget(p)
    with qtbot.waitSignal(p.identifier_typed, timeout=1000) as blocker:
        qtbot.keyClicks(p.input, "  bw0123456 ")
        qtbot.keyClick(p.input, Qt.Key.Key_Return)
    assert blocker.args == ["bw0123456"]
    assert p.input.text() == ""
    with qtbot.waitSignal(p.identifier_typed, timeout=1000) as blocker:
        p.input.setText("176-12345675")
        qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["176-12345675"]


def test_blank_typed_identifier_is_not_emitted(qtbot: QtBot) -> None:
    p = IdentifierPanel()
    qtbot.addWidget(p)
    with qtbot.assertNotEmitted(p.identifier_typed, wait=50):
        p.input.setText("   ")
        qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)


def test_typed_identifier_is_bounded(qtbot: QtBot) -> None:
    p = IdentifierPanel()
    qtbot.addWidget(p)
    qtbot.keyClicks(p.input, "X" * 500)
    assert len(p.input.text()) == 64


# ---- DocumentsPanel -----------------------------------------------------------------------


def test_documents_three_states(qtbot: QtBot) -> None:
    d = DocumentsPanel(today=lambda: date(2026, 11, 20))
    qtbot.addWidget(d)
    assert d.texts()["reference"] == "Not looked up yet"
    d.show_declaration(None)
    d.show_certificate(None)
    assert d.texts()["reference"] == "No declaration found"
    assert d.texts()["kp"] == "No KP certificate found"
    d.show_declaration(pv.DECLARATION)
    d.show_certificate(pv.CERTIFICATE)
    t = d.texts()
    assert t["exporter"].startswith("Okavango Diamond Company")
    assert t["importer"].startswith("Hoveniers Rough Trading")
    assert t["origin"] == "BW"
    assert t["kp"] == "BW0123456 \u00b7 expires 02/01/2027"
    assert t["carats"] == "declared 1234.560 ct \u00b7 KP 1234.560 ct"


def test_expired_certificate_is_marked_in_words(qtbot: QtBot) -> None:
    d = DocumentsPanel(today=lambda: date(2027, 1, 3))
    qtbot.addWidget(d)
    d.show_certificate(pv.CERTIFICATE)
    assert d.texts()["kp"].endswith("EXPIRED")


# ---- CameraView ---------------------------------------------------------------------------


def test_camera_paints_frame_with_aspect_ratio(qtbot: QtBot) -> None:
    c = CameraView()
    qtbot.addWidget(c)
    c.resize(400, 400)
    frame = QImage(160, 90, QImage.Format.Format_RGB32)
    frame.fill(QColor("#ff0000"))
    c.show_frame(frame)
    image = c.grab().toImage()
    assert image.pixelColor(200, 200) == QColor("#ff0000")
    assert image.pixelColor(200, 10) != QColor("#ff0000"), "letterbox above a 16:9 frame"
    assert c.status_text() == ""


def test_camera_says_disconnected(qtbot: QtBot) -> None:
    c = CameraView()
    qtbot.addWidget(c)
    c.show_frame(pv.sample_frame(64, 36))
    c.set_connected(False, "device /dev/video0 vanished")
    assert c.status_text() == "Camera disconnected"
    assert not c.has_frame
    c.resize(640, 360)
    assert not c.grab().isNull()


# ---- MessageArea --------------------------------------------------------------------------


def test_message_area_shows_replaces_and_dismisses(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    m = MessageArea(parent)
    parent.show()
    assert not m.isVisible()
    m.show_message("Printer out of paper")
    assert m.isVisible()
    assert m.kind is MessageKind.ERROR
    m.show_message("Slip printed", MessageKind.INFO)
    assert m.text() == "Slip printed"
    qtbot.mouseClick(m.dismiss_button, Qt.MouseButton.LeftButton)
    assert not m.isVisible()


# ---- StatusBar ----------------------------------------------------------------------------


def test_status_bar_user_post_data_age_and_devices(qtbot: QtBot) -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    bar = StatusBar("Antwerp Diamond Office", "ANR-DO-01", max_data_age_h=72, clock=lambda: now)
    qtbot.addWidget(bar)
    assert bar.texts()["data"] == "\u2716 No reference data"
    bar.set_user(pv.USERS[0])
    bar.set_data_version(pv.SampleDataVersion("2026.11.1", now - timedelta(hours=3), now))
    bar.set_device_state("scale", "connected", "MT-SICS on /dev/ttyUSB0")
    bar.set_device_state("camera", "disconnected", "no frames for 5 s")
    t = bar.texts()
    assert t["user"] == "Jan Peeters (inspector)"
    assert t["post"] == "Antwerp Diamond Office \u00b7 ANR-DO-01"
    assert t["data"] == "Data 2026.11.1 \u00b7 3 h old"
    assert t["scale"] == "\u25cf Scale: connected"
    assert t["camera"] == "\u2716 Camera: disconnected"
    assert bar.device_label("camera").toolTip() == "no frames for 5 s"
    assert bar.device_label("camera").property("level") == "bad"


def test_status_bar_marks_stale_data(qtbot: QtBot) -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    bar = StatusBar("Post", "K1", max_data_age_h=72, clock=lambda: now)
    qtbot.addWidget(bar)
    bar.set_data_version(pv.SampleDataVersion("2026.11.1", now - timedelta(days=4), now))
    assert bar.texts()["data"] == "\u26a0 Data 2026.11.1 \u00b7 4 d old \u00b7 STALE"


@pytest.mark.parametrize(
    ("state", "level"),
    [("connected", "ok"), ("Reconnecting", "pending"), ("disabled", "off"), ("exploded", "bad")],
)
def test_unknown_device_states_count_as_bad(state: str, level: str) -> None:
    assert device_level(state) == level


def test_identifier_of_unknown_kind_still_listed(qtbot: QtBot) -> None:
    p = IdentifierPanel()
    qtbot.addWidget(p)
    p.set_identifiers([Identifier(IdentifierKind.UNKNOWN, "ZZ9", InputSource.CAMERA)])
    assert p.lines() == ["ZZ9 \u2014 Unknown \u00b7 valid \u00b7 camera"]


def test_a_step_chip_shows_its_state_by_mark_frame_and_weight_and_keeps_its_size(
    qtbot: QtBot,
) -> None:
    chip = StepChip(Step.DECLARATION)
    qtbot.addWidget(chip)
    chip.resize(chip.sizeHint())
    chip.show()
    sizes, pictures = set(), {}
    for state in ("todo", "next", "done"):
        chip.set_state(state)
        sizes.add((chip.sizeHint().width(), chip.sizeHint().height()))
        pictures[state] = chip.grab().toImage()
    assert len(sizes) == 1  # a change of state never relays the strip out
    assert chip.sizeHint().height() >= 44
    assert chip.mark() == DONE_MARK
    assert chip.accessibleName() == "Declaration: done"
    chip.set_state("next")
    assert chip.mark() == "4"
    assert chip.accessibleName() == "Declaration: to do next"
    # The frame's colour differs by state (and the mark and the weight with it).
    edge = [pictures[state].pixelColor(chip.width() // 2, 1).name() for state in pictures]
    assert len(set(edge)) == 3
    with pytest.raises(ValueError, match="unknown step state"):
        chip.set_state("maybe")
