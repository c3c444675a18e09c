"""The sign-in and inspection screens: what they show, what they emit, and touch sizes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.domain.models import InspectionState, Outcome, WeightState
from kiosk.ui import preview as pv
from kiosk.ui.screens.inspection import InspectionScreen
from kiosk.ui.screens.sign_in import SignInScreen
from kiosk.ui.theme import MIN_TOUCH_TARGET_PX

# ---- Sign-in ------------------------------------------------------------------------------


@pytest.fixture
def sign_in(qtbot: QtBot) -> SignInScreen:
    screen = SignInScreen()
    qtbot.addWidget(screen)
    screen.set_users(pv.USERS)
    screen.resize(1280, 740)
    screen.show()
    return screen


def test_only_active_users_are_offered(sign_in: SignInScreen) -> None:
    assert sorted(sign_in.user_buttons()) == ["jpeeters", "lschmidt", "mweber", "sdubois"]


def test_pin_pad_emits_user_and_digits(qtbot: QtBot, sign_in: SignInScreen) -> None:
    qtbot.mouseClick(sign_in.user_buttons()["sdubois"], Qt.MouseButton.LeftButton)
    pad = sign_in.pad_buttons()
    for digit in "4071":
        qtbot.mouseClick(pad[digit], Qt.MouseButton.LeftButton)
    assert sign_in.dots_text() == "\u25cf \u25cf \u25cf \u25cf"
    with qtbot.waitSignal(sign_in.sign_in_requested, timeout=1000) as blocker:
        qtbot.mouseClick(pad["OK"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["sdubois", "4071"]
    assert sign_in.pin_length == 0, "the PIN is not kept after it was sent"


def test_keyboard_digits_backspace_and_enter(qtbot: QtBot, sign_in: SignInScreen) -> None:
    sign_in.select_user("jpeeters")
    qtbot.keyClicks(sign_in, "12399")
    qtbot.keyClick(sign_in, Qt.Key.Key_Backspace)
    assert sign_in.pin_length == 4
    with qtbot.waitSignal(sign_in.sign_in_requested, timeout=1000) as blocker:
        qtbot.keyClick(sign_in, Qt.Key.Key_Enter)
    assert blocker.args == ["jpeeters", "1239"]


def test_clear_empties_the_pin(qtbot: QtBot, sign_in: SignInScreen) -> None:
    sign_in.select_user("jpeeters")
    qtbot.keyClicks(sign_in, "55")
    qtbot.mouseClick(sign_in.pad_buttons()["Clear"], Qt.MouseButton.LeftButton)
    assert sign_in.pin_length == 0
    assert sign_in.dots_text() == ""


def test_wrong_pin_message_in_place_and_nothing_sent_without_user(
    qtbot: QtBot, sign_in: SignInScreen
) -> None:
    with qtbot.assertNotEmitted(sign_in.sign_in_requested, wait=20):
        qtbot.keyClicks(sign_in, "1234")
        qtbot.keyClick(sign_in, Qt.Key.Key_Return)
    assert sign_in.error_text() == "Choose your name first."
    sign_in.select_user("mweber")
    with qtbot.assertNotEmitted(sign_in.sign_in_requested, wait=20):
        qtbot.keyClick(sign_in, Qt.Key.Key_Return)
    assert sign_in.error_text() == "Type your PIN, then press OK."
    sign_in.show_error(pv.WRONG_PIN)
    assert sign_in.error_text() == pv.WRONG_PIN


def test_pin_length_is_bounded_and_digits_only(sign_in: SignInScreen) -> None:
    sign_in.select_user("jpeeters")
    for _ in range(40):
        sign_in.enter_digit("7")
    assert sign_in.pin_length == 12
    with pytest.raises(ValueError, match="0-9"):
        sign_in.enter_digit("a")


def test_no_users_is_said_in_words(qtbot: QtBot) -> None:
    screen = SignInScreen()
    qtbot.addWidget(screen)
    screen.set_users([])
    assert screen.user_buttons() == {}
    assert screen.findChild(type(screen._no_users), "") is not None
    assert screen._no_users.isVisibleTo(screen)


def test_sign_in_buttons_are_touch_sized(sign_in: SignInScreen) -> None:
    buttons = list(sign_in.pad_buttons().values()) + list(sign_in.user_buttons().values())
    for button in buttons:
        assert button.height() >= MIN_TOUCH_TARGET_PX, button.text()


# ---- Inspection ---------------------------------------------------------------------------


@pytest.fixture
def inspection(qtbot: QtBot) -> InspectionScreen:
    screen = InspectionScreen(tolerance_ct=Decimal("0.010"))
    qtbot.addWidget(screen)
    screen.resize(1280, 740)
    screen.show()
    return screen


def test_inspection_shows_verdict_reasons_weight_and_documents(
    qtbot: QtBot, inspection: InspectionScreen
) -> None:
    inspection.show_inspection(pv.sample_inspection(None))
    inspection.show_declaration(pv.DECLARATION)
    inspection.show_certificate(pv.CERTIFICATE)
    inspection.show_weight(pv.READING)
    assert inspection.banner.outcome is None
    assert inspection.banner.summary() == "Ready: press Check now"
    assert not inspection.print_button.isEnabled()
    assert inspection.check_button.isEnabled()

    inspection.show_verdict(pv.sample_inspection(Outcome.REFUSE))
    assert inspection.banner.word() == "REFUSE"
    rules = [card.texts()[0] for card in inspection.reasons.cards()]
    assert rules == ["REFUSE \u00b7 R02", "REFUSE \u00b7 R09", "CLEAR \u00b7 R01"]
    assert inspection.reasons.cards()[0].texts()[2] == "Reg. (EU) 833/2014 Art. 3p(1)"
    assert inspection.weight.value_text() == "1234.562 ct"
    assert inspection.weight.state_text() == "\u2714 STABLE"
    assert inspection.weight.reference_texts()["declared"].startswith("1234.560 ct \u0394 +0.002")
    assert inspection.documents.texts()["kp"].startswith("BW0123456")
    assert inspection.print_button.isEnabled()


def test_new_input_after_a_verdict_clears_the_reasons(inspection: InspectionScreen) -> None:
    decided = pv.sample_inspection(Outcome.HOLD)
    inspection.show_verdict(decided)
    assert len(inspection.reasons.cards()) == 3
    inspection.show_inspection(replace(decided, state=InspectionState.COLLECTING))
    assert inspection.reasons.cards() == []
    assert inspection.banner.outcome is None


def test_a_new_parcel_resets_documents_and_message(inspection: InspectionScreen) -> None:
    inspection.show_inspection(pv.sample_inspection(None))
    inspection.show_declaration(pv.DECLARATION)
    inspection.show_message("Printer out of paper")
    inspection.show_inspection(
        replace(pv.sample_inspection(None, inspection_id="INS-2"), declaration=None)
    )
    assert inspection.documents.texts()["reference"] == "Not looked up yet"
    assert inspection.message.text() == ""


@pytest.mark.parametrize(
    ("button", "signal"),
    [
        ("check_button", "check_requested"),
        ("print_button", "print_requested"),
        ("next_button", "next_requested"),
        ("sign_out_button", "sign_out_requested"),
        ("zero_button", "zero_requested"),
        ("tare_button", "tare_requested"),
    ],
)
def test_buttons_emit_intents(
    qtbot: QtBot, inspection: InspectionScreen, button: str, signal: str
) -> None:
    inspection.show_inspection(pv.sample_inspection(Outcome.HOLD))
    with qtbot.waitSignal(getattr(inspection, signal), timeout=1000):
        qtbot.mouseClick(getattr(inspection, button), Qt.MouseButton.LeftButton)


def test_typed_identifier_reaches_the_screen_signal(
    qtbot: QtBot, inspection: InspectionScreen
) -> None:
    with qtbot.waitSignal(inspection.identifier_typed, timeout=1000) as blocker:
        qtbot.keyClicks(inspection.identifiers.input, "26BE000012345678A1")
        qtbot.keyClick(inspection.identifiers.input, Qt.Key.Key_Enter)
    assert blocker.args == ["26BE000012345678A1"]


def test_busy_disables_the_parcel_actions(inspection: InspectionScreen) -> None:
    inspection.show_inspection(pv.sample_inspection(Outcome.HOLD))
    inspection.set_busy(True)
    assert not inspection.check_button.isEnabled()
    assert not inspection.print_button.isEnabled()
    assert not inspection.next_button.isEnabled()
    assert inspection.sign_out_button.isEnabled()
    inspection.set_busy(False)
    assert inspection.print_button.isEnabled()


def test_device_states_reach_camera_and_weight(inspection: InspectionScreen) -> None:
    inspection.show_frame(pv.sample_frame(64, 36))
    inspection.show_device_state("camera", "disconnected", "USB camera unplugged")
    assert inspection.camera.status_text() == "Camera disconnected"
    inspection.show_device_state("scale", "error", "no reply in 1.0 s")
    assert inspection.weight.state_text() == "SCALE DISCONNECTED"
    inspection.show_weight(replace(pv.READING, state=WeightState.DYNAMIC))
    assert inspection.weight.state_text() == "settling\u2026"


def test_every_inspection_button_is_touch_sized(inspection: InspectionScreen) -> None:
    inspection.show_message("Shown so its Dismiss button is laid out")
    for button in inspection.action_buttons():
        assert isinstance(button, QPushButton)
        assert button.height() >= MIN_TOUCH_TARGET_PX, button.text()
    assert inspection.identifiers.input.height() >= MIN_TOUCH_TARGET_PX
