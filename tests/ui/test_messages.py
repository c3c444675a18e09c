"""Texts from the domain and the services shown in the UI language (kiosk.ui.messages)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.domain.identifiers import classify, classify_as
from kiosk.domain.models import IdentifierKind, InputSource
from kiosk.services.inspection import BADGE_DISABLED, BADGE_REVOKED, BADGE_UNKNOWN
from kiosk.store import Store
from kiosk.ui import i18n
from kiosk.ui.messages import is_known, localise
from kiosk.ui.widgets.identifier_panel import typing_hint
from kiosk.ui.widgets.message_area import MessageArea

T0 = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)

# Inputs that give each problem the identifier rules have (see kiosk.domain.identifiers).
CLASSIFIED = [
    "",
    "hello world",
    "X" * 300,
    "SL 123",
    "G7-QQ-2026-1",
    "G7-BE-AB",
    "26BE00000000000011",
    "26BE000000000000A9",
    "176-12345670",
    "(00)12345",
    "(01)123",
    "00012345600000000X".replace("X", "9"),
    "4006381333932",
    "QQ 0123456",
    "BW 1",
    "BW" + "1" * 40,
    "3099999999999999999999FF",
]
TYPED_AS = [(kind, "???") for kind in IdentifierKind if kind is not IdentifierKind.UNKNOWN]


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    if i18n.outdated_languages():
        i18n.compile_translations(i18n.outdated_languages())
    yield
    i18n.set_language("en")


def _problems() -> list[str]:
    found = [classify(text).problem for text in CLASSIFIED]
    found += [classify("ABC!", source=InputSource.RFID).problem]
    found += [classify_as(text, kind).problem for kind, text in TYPED_AS]
    return sorted({p for p in found if p})


def test_every_identifier_problem_is_known_and_translated() -> None:
    problems = _problems()
    assert len(problems) >= 20, problems  # the inputs above still reach the rules
    unknown = [p for p in problems if not is_known(p)]
    assert not unknown, unknown
    for language in i18n.TRANSLATED_LANGUAGES:
        i18n.set_language(language)
        same = [p for p in problems if localise(p) == p]
        assert not same, (language, same)


def test_sign_in_refusals_from_the_store_and_the_badge_texts_are_translated(
    tmp_path: Path,
) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'kiosk.sqlite'}") as store:
        store.add_user("inspector", "An Peeters", "inspector", "1234")
        texts = [store.verify_pin("nobody", "1234", T0).message]
        # A minute apart: each try after the wait the one before asked for.
        texts += [
            store.verify_pin("inspector", "9999", T0 + timedelta(minutes=i)).message
            for i in range(5)
        ]
        texts.append(store.verify_pin("inspector", "1234", T0).message)  # still locked
        texts.append(store.verify_pin("inspector", "1234", T0 + timedelta(hours=1)).message)
    texts += [BADGE_REVOKED, BADGE_UNKNOWN, BADGE_DISABLED.format(name="An Peeters")]
    assert "Wrong PIN. 4 attempts left." in texts
    assert "Locked for 60 s after 5 wrong PINs." in texts
    assert "Wrong PIN. 1 attempt left. Wait 5 s before trying again." in texts
    assert "Signed in as An Peeters." in texts
    assert [t for t in texts if not is_known(t)] == []
    i18n.set_language("nl")
    assert localise("Wrong PIN. 4 attempts left.") == "Verkeerde pincode. Nog 4 pogingen."
    assert [t for t in texts if localise(t) == t] == []


def test_nested_texts_are_translated_and_unknown_ones_kept() -> None:
    i18n.set_language("de")
    assert localise("Scale read failed: the scale is not connected.") == (
        "Waage lesen fehlgeschlagen: die Waage ist nicht verbunden."
    )
    assert localise("Scale read failed: ES reply from the balance") == (
        "Waage lesen fehlgeschlagen: ES reply from the balance"
    )
    # "{value}: {known}" applies only around a known text.
    typed = "SL 123: " + (classify("SL 123").problem or "")
    assert localise(typed) == "SL 123: eine Siegelnummer hat 5 bis 12 Ziffern, gefunden: 3"
    assert localise("Hub: unreachable") == "Hub: unreachable"
    assert localise("") == ""


def test_typing_hint_and_message_area_follow_the_language(qtbot: QtBot) -> None:
    area = MessageArea()
    qtbot.addWidget(area)
    area.show_message("Type an identifier first.")
    i18n.set_language("fr")
    assert area.text() == "Saisissez d'abord un identifiant."
    hint, emphasis = typing_hint("SL 123")
    assert emphasis == "bad"
    assert "un numéro de scellé a de 5 à 12 chiffres, trouvé : 3" in hint
    i18n.set_language("en")
    assert area.text() == "Type an identifier first."
