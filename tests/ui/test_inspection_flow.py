"""The inspection screen's guided steps, live code check, tolerance, typed declaration, seals,
reprint, and its screenshots at 1280x800 in every state (pytest-qt, offscreen)."""

from __future__ import annotations

import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.domain.models import (
    NEW_SEAL_NOTE,
    Declaration,
    Identifier,
    IdentifierKind,
    Inspection,
    InspectionState,
    Outcome,
    StoneBand,
)
from kiosk.ui import preview as pv
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.inspection import InspectionScreen
from kiosk.ui.theme import MIN_TOUCH_TARGET_PX
from kiosk.ui.widgets.declaration_form import DeclarationForm
from kiosk.ui.widgets.fit_label import ElidedLabel, ShrinkLabel
from kiosk.ui.widgets.seals_panel import old_seal_text
from kiosk.ui.widgets.step_strip import Step, progress

EMPTY = replace(
    pv.sample_inspection(None), identifiers=(), reading=None, photo=None, declaration=None
)
KP = pv.sample_inspection(None).identifiers[0]


@pytest.fixture
def screen(qtbot: QtBot) -> InspectionScreen:
    s = InspectionScreen(tolerance_ct=Decimal("0.010"))
    qtbot.addWidget(s)
    s.resize(1280, 740)
    s.show()
    return s


# ---- 1. Guided steps ------------------------------------------------------------------------


def test_progress_names_the_next_step_in_words_whatever_the_order() -> None:
    assert progress(None).next_step is Step.IDENTIFY
    empty = progress(EMPTY)
    assert (empty.next_step, empty.instruction) == (Step.IDENTIFY, "Scan the KP certificate")
    weighed_first = progress(replace(EMPTY, reading=pv.READING))  # weighed before identified
    assert weighed_first.done == {Step.WEIGH}
    assert weighed_first.next_step is Step.IDENTIFY
    identified = progress(replace(EMPTY, identifiers=(KP,)))
    assert identified.next_step is Step.WEIGH
    assert identified.instruction == "Place the parcel on the scale"
    photo_missing = progress(replace(EMPTY, identifiers=(KP,), reading=pv.READING))
    assert photo_missing.next_step is Step.PHOTOGRAPH
    no_declaration = progress(
        replace(EMPTY, identifiers=(KP,), reading=pv.READING, photo=pv.PHOTO)
    )
    assert no_declaration.next_step is Step.DECLARATION
    ready = progress(
        replace(EMPTY, identifiers=(KP,), reading=pv.READING, photo=pv.PHOTO),
        declaration_found=True,
    )
    assert (ready.next_step, ready.instruction) == (Step.VERDICT, "Press Check now")
    decided = progress(pv.sample_inspection(Outcome.CLEAR))
    assert decided.next_step is None
    assert decided.instruction == "Apply the new seal, then print the slip"
    held = progress(pv.sample_inspection(Outcome.HOLD))
    assert held.instruction == "Print the slip or call a supervisor"
    assert progress(pv.sample_inspection(Outcome.REFUSE)).instruction == (
        "Keep the parcel; print the slip"
    )
    printed = progress(replace(pv.sample_inspection(Outcome.CLEAR), state=InspectionState.PRINTED))
    assert printed.instruction == "Slip printed: press Next parcel"


def test_the_strip_marks_done_steps_with_a_check_and_the_next_one_in_words(
    screen: InspectionScreen,
) -> None:
    screen.show_inspection(EMPTY)
    states = screen.steps.states()
    assert states[Step.IDENTIFY] == "next"
    assert screen.steps.instruction.text().endswith("Scan the KP certificate")
    screen.show_inspection(replace(EMPTY, identifiers=(KP,)))
    states = screen.steps.states()
    assert states[Step.IDENTIFY] == "done"
    assert states[Step.WEIGH] == "next"
    chip = screen.steps.chips[Step.IDENTIFY]
    assert chip.mark() == "\u2714"  # a mark, not only a colour
    assert chip.accessibleName() == "Identify: done"
    screen.show_inspection(pv.sample_inspection(Outcome.HOLD))
    assert set(screen.steps.states().values()) == {"done"}


# ---- 2. Weight beside the certificate, tolerance in words -----------------------------------


def test_weight_says_within_or_outside_tolerance_in_words(screen: InspectionScreen) -> None:
    screen.show_inspection(replace(EMPTY, identifiers=(KP,)))
    screen.show_certificate(replace(pv.CERTIFICATE, carats=Decimal("1234.560")))
    screen.show_weight(pv.READING)  # 1234.562 ct, stable
    assert screen.weight.value_text() == "1234.562 ct"
    assert screen.weight.state_text() == "\u2714 STABLE"
    assert screen.weight.reference_texts()["certificate"] == (
        "1234.560 ct \u0394 +0.002 ct  \u2714 within tolerance"
    )
    screen.show_certificate(replace(pv.CERTIFICATE, carats=Decimal("1234.600")))
    assert screen.weight.reference_texts()["certificate"] == (
        "1234.600 ct \u0394 \u22120.038 ct  \u26a0 outside tolerance"
    )


# ---- 3. Codes checked as they are typed -----------------------------------------------------


def test_a_typed_code_is_classified_and_checked_live_before_enter(
    qtbot: QtBot, screen: InspectionScreen
) -> None:
    typed: list[str] = []
    screen.identifier_typed.connect(typed.append)
    field = screen.identifiers.input
    field.setFocus()
    qtbot.keyClicks(field, "26BE00001234")
    assert screen.identifiers.hint_text().startswith("? Not recognised yet")
    qtbot.keyClicks(field, "5678A2")  # an MRN, but its check character is wrong
    assert screen.identifiers.hint_text() == (
        "\u2716 MRN \u00b7 check character is 2, expected 8"
    )
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, "8")
    assert screen.identifiers.hint_text() == "\u2714 MRN \u00b7 valid (check digit OK)"
    field.clear()
    qtbot.keyClicks(field, "176-12345675")
    assert screen.identifiers.hint_text().startswith("\u2714 Air waybill")
    assert typed == []  # nothing is added before Enter or Add
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert typed == ["176-12345675"]
    assert screen.identifiers.hint_text() == ""


# ---- 4. Declaration typed in when none is found ---------------------------------------------


def fill_form(form: DeclarationForm, **values: str) -> None:
    defaults = {
        "reference": "DO-2026-777",
        "exporter": "Kalahari Rough Sales (Pty) Ltd",
        "importer": "Schelde Rough Trading BV",
        "origin": "bw, za",
        "provenance": "BW",
        "carats": "1250,4",
        "parcel_count": "1",
        "cn_code": "7102.31.00",
    }
    for key, value in {**defaults, **values}.items():
        form.fields[key].setText(value)


def test_the_declaration_form_opens_when_none_is_found_and_emits_a_declaration(
    qtbot: QtBot, screen: InspectionScreen
) -> None:
    seal = Identifier(IdentifierKind.SEAL, "SL41001003")
    screen.show_inspection(replace(EMPTY, identifiers=(KP, seal)))
    screen.show_declaration(None)
    assert screen.declare_button.isVisible()
    qtbot.mouseClick(screen.declare_button, Qt.MouseButton.LeftButton)
    form = screen.declaration_form
    assert screen.pages.currentWidget() is form
    assert form.fields["kp_number"].text() == KP.value  # what the identifiers give
    fill_form(form)
    stones, carats = form.band_fields[0]
    stones.setText("2100")
    carats.setText("600")
    big_stones, big_carats = form.band_fields[2]
    big_stones.setText("800")
    big_carats.setText("650.400")
    with qtbot.waitSignal(screen.declaration_entered, timeout=1000) as blocker:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    declaration = blocker.args[0]
    assert isinstance(declaration, Declaration)
    assert declaration.kp_number == KP.value
    assert declaration.origin_countries == ("BW", "ZA")
    assert declaration.export_country == "BW"
    assert declaration.declared_carats == Decimal("1250.4")
    assert declaration.seal_numbers == ("SL41001003",)
    assert declaration.stones == (
        StoneBand(Decimal("0"), Decimal("0.5"), 2100, Decimal("600")),
        StoneBand(Decimal("1"), None, 800, Decimal("650.400")),
    )
    assert screen.pages.currentIndex() == 0  # back to the parcel
    screen.show_declaration(declaration)
    assert not screen.declare_button.isVisible()
    assert screen.steps.states()[Step.DECLARATION] == "done"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"importer": ""}, "Importer: required"),
        ({"origin": "Botswana"}, "Origin: BOTSWANA is not a two-letter country code"),
        ({"provenance": "BW ZA"}, "Provenance: one country"),
        ({"carats": "12.5x"}, "Carats: 12.5x is not a weight in carats"),
        ({"carats": "1.0001"}, "Carats: at most 3 decimals"),
        ({"parcel_count": "0"}, "Parcels: at least 1"),
        ({"cn_code": "71-02"}, "CN/HS code: 71-02 is not a CN/HS code"),
    ],
)
def test_a_wrong_field_is_named_in_one_line_and_nothing_is_sent(
    qtbot: QtBot, values: dict[str, str], message: str
) -> None:
    form = DeclarationForm()
    qtbot.addWidget(form)
    form.start()
    fill_form(form, **values)
    sent: list[object] = []
    form.declaration_entered.connect(sent.append)
    form.save_button.click()
    assert form.error.text().startswith(message)
    assert "\n" not in form.error.text()
    assert sent == []


def test_stone_classes_must_be_complete_and_not_exceed_the_parcel(qtbot: QtBot) -> None:
    form = DeclarationForm()
    qtbot.addWidget(form)
    form.start()
    fill_form(form, carats="10")
    form.band_fields[1][0].setText("5")
    form.save_button.click()
    assert "give both the number of stones and their carats" in form.error.text()
    form.band_fields[1][1].setText("11")
    form.save_button.click()
    assert "add up to more than the parcel's" in form.error.text()


# ---- 5. Old and new seal ----------------------------------------------------------------------


def test_old_seal_is_compared_with_the_declared_seals_in_words() -> None:
    declared = replace(pv.DECLARATION, seal_numbers=("SL-0012345",))
    found = replace(EMPTY, identifiers=(Identifier(IdentifierKind.SEAL, "SEAL0012345"),))
    assert old_seal_text(found, declared)[:2] == ("SEAL0012345 \u2714 declared", "good")
    other = replace(EMPTY, identifiers=(Identifier(IdentifierKind.SEAL, "SL9999999"),))
    text, emphasis, tooltip = old_seal_text(other, declared)
    assert (text, emphasis) == ("SL9999999 \u2716 not declared", "bad")
    assert tooltip == "Declared: SL-0012345"
    assert old_seal_text(EMPTY, declared)[0] == "none scanned"


def test_the_new_seal_is_sent_and_shown_once_recorded(
    qtbot: QtBot, screen: InspectionScreen
) -> None:
    decided = pv.sample_inspection(Outcome.CLEAR)
    screen.show_inspection(decided)
    qtbot.keyClicks(screen.seals.input, "SL41009999")
    with qtbot.waitSignal(screen.new_seal_entered, timeout=1000) as blocker:
        qtbot.keyClick(screen.seals.input, Qt.Key.Key_Return)
    assert blocker.args == ["SL41009999"]
    screen.show_inspection(replace(decided, notes=(f"{NEW_SEAL_NOTE}SL41009999",)))
    assert screen.seals.applied() == "SL41009999"


# ---- 6. Verdict, Print slip, Reprint, Next parcel --------------------------------------------


def test_reprint_is_offered_only_once_the_slip_is_printed(
    qtbot: QtBot, screen: InspectionScreen
) -> None:
    decided = pv.sample_inspection(Outcome.REFUSE)
    screen.show_verdict(decided)
    assert screen.banner.word() == "REFUSE"
    assert all(card.texts()[2] for card in screen.reasons.cards())  # every legal basis
    assert screen.print_button.isEnabled()
    assert not screen.reprint_button.isVisible()
    printed = replace(decided, state=InspectionState.PRINTED, printed_at=pv.NOW)
    screen.show_inspection(printed)
    assert not screen.print_button.isEnabled()
    assert screen.reprint_button.isVisible()
    with qtbot.waitSignal(screen.reprint_requested, timeout=1000):
        qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    assert screen.next_button.isEnabled()
    for button in screen.action_buttons():
        assert button.height() >= MIN_TOUCH_TARGET_PX, button.text()


def test_the_main_window_sends_the_new_intents_to_the_controller(qtbot: QtBot) -> None:
    controller = pv.PreviewController()
    devices = pv.PreviewDevices()
    window = MainWindow(controller, devices, pv.SETTINGS)
    qtbot.addWidget(window)
    controller.sign_in("jpeeters", pv.PREVIEW_PIN)
    screen = window.inspection_screen
    screen.declaration_entered.emit(pv.DECLARATION)
    screen.new_seal_entered.emit("SL41009999")
    controller.check_now()
    controller.print_slip()
    screen.reprint_requested.emit()
    names = [name for name, _ in controller.calls]
    assert names[-5:] == [
        "enter_declaration",
        "apply_new_seal",
        "check_now",
        "print_slip",
        "reprint_slip",
    ]


# ---- 7. Screenshots at 1280x800 in every state ------------------------------------------------


def _labels_cut(window: MainWindow) -> list[str]:
    cut: list[str] = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if isinstance(label, ElidedLabel):
            if label.is_elided() and label.text() not in label.toolTip():
                cut.append(label.text())
            continue
        if isinstance(label, ShrinkLabel):
            continue
        needed = label.heightForWidth(label.width()) if label.wordWrap() else (
            label.sizeHint().height()
        )
        if label.height() < needed - 1 or (
            not label.wordWrap() and label.width() < label.sizeHint().width() - 1
        ):
            cut.append(label.text())
    return cut


def test_screenshots_of_every_state_fit_1280x800(qtbot: QtBot, tmp_path: Path) -> None:
    shots = Path(os.environ.get("KIOSK_SHOTS_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    controller = pv.PreviewController()
    devices = pv.PreviewDevices()
    window = MainWindow(controller, devices, pv.SETTINGS)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    controller.sign_in("jpeeters", pv.PREVIEW_PIN)
    screen = window.inspection_screen
    screen.show_frame(pv.sample_frame())
    identified = replace(EMPTY, identifiers=(KP,))
    weighed = replace(identified, reading=pv.READING, declaration=pv.DECLARATION)
    states: list[tuple[str, Inspection]] = [
        ("empty", EMPTY),
        ("identified", identified),
        ("weighed", weighed),
        ("clear", pv.sample_inspection(Outcome.CLEAR)),
        ("hold", pv.sample_inspection(Outcome.HOLD)),
        ("refuse", pv.sample_inspection(Outcome.REFUSE)),
    ]
    for name, inspection in states:
        screen.show_inspection(inspection)
        screen.show_declaration(inspection.declaration)
        screen.show_certificate(pv.CERTIFICATE if inspection.identifiers else None)
        if inspection.reading is not None:
            screen.show_weight(inspection.reading)
        # New rows and cards are shown by a queued call, then laid out: let both happen.
        qtbot.waitUntil(
            lambda i=inspection: all(c.isVisible() for c in screen.reasons.cards())
            and len(screen.reasons.cards()) == len(i.verdict.reasons if i.verdict else ()),
            timeout=3000,
        )
        qtbot.wait(20)
        qtbot.waitUntil(lambda: not _labels_cut(window), timeout=3000)
        assert window.size().width() == 1280
        assert window.size().height() == 800, name
        assert window.grab().save(str(shots / f"inspection-{name}.png"))
    screen.show_inspection(EMPTY)
    screen.show_declaration(None)
    screen.open_declaration_form()
    screen.declaration_form.fields["carats"].setText("12,5x")
    screen.declaration_form.save_button.click()
    qtbot.waitUntil(lambda: not _labels_cut(window), timeout=3000)
    assert window.size().height() == 800
    assert window.grab().save(str(shots / "inspection-declaration-form.png"))
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    assert all(b.height() >= MIN_TOUCH_TARGET_PX for b in buttons)


def test_a_language_change_sets_every_text_again(qtbot: QtBot, screen: InspectionScreen) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    screen.show_inspection(EMPTY)
    touched = [
        screen.check_button,
        screen.reprint_button,
        screen.declare_button,
        screen.identifiers.add_button,
        screen.seals.apply_button,
        screen.declaration_form.save_button,
    ]
    before = [b.text() for b in touched]
    for button in touched:
        button.setText("x")
    screen.steps.instruction.setText("x")
    for widget in (screen, screen.identifiers, screen.weight):
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert [b.text() for b in touched] == before
    assert screen.steps.instruction.text().endswith("Scan the KP certificate")
