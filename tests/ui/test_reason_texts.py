"""Reasons the real rules give, shown in Dutch, French and German with no English left."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from functools import cache

import pytest

from kiosk.domain.bundle import CertificateUse
from kiosk.domain.identifiers import classify
from kiosk.domain.models import Reason, StoneBand
from kiosk.domain.rules import CheckInput, evaluate
from kiosk.ui import i18n
from kiosk.ui.reasons import reason_message
from tests.domain.builders import (
    DECIDED_AT,
    certificate,
    clean_input,
    reading,
    rough_declaration,
    shipped_ruleset,
)

WORDS = re.compile(r"[^\W\d_]{3,}")
DATA_WORDS = frozenset(
    w.lower()
    for text in ("Okavango Diamond Company", "Antwerp Rough Trading NV", "Government Diamond")
    for w in WORDS.findall(text)
)


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    if i18n.outdated_languages():
        i18n.compile_translations(i18n.outdated_languages())
    yield
    i18n.set_language("en")


def _inputs() -> list[CheckInput]:
    """Parcels that break one rule each, in the ways the rules word differently."""
    clean = clean_input()
    decl = rough_declaration()
    return [
        dataclasses.replace(clean, declaration=dataclasses.replace(decl, stones=())),
        dataclasses.replace(
            clean,
            declaration=dataclasses.replace(
                decl,
                stones=(StoneBand(Decimal("0.10"), Decimal("0.50"), 300, Decimal("200.00")),),
                origin_evidence=None,
            ),
        ),
        dataclasses.replace(
            clean,
            declaration=dataclasses.replace(
                decl, stones=(StoneBand(Decimal("1.00"), None, 300, Decimal("125.40")),)
            ),
        ),
        dataclasses.replace(clean, kp_certificate=None),
        dataclasses.replace(clean, kp_certificate=certificate(expires_on=date(2026, 5, 1))),
        dataclasses.replace(clean, kp_certificate=certificate(issuing_country="QQ")),
        dataclasses.replace(clean, identifiers=(classify("BW 0123456"),)),
        dataclasses.replace(clean, identifiers=(*clean.identifiers, classify("SL 0099999"))),
        dataclasses.replace(clean, reading=reading("130.000")),
        dataclasses.replace(clean, reading=None),
        dataclasses.replace(clean, photo=None),
        dataclasses.replace(clean, declaration=None),
        dataclasses.replace(clean, data_stale=True, data_stale_why="no reference data loaded"),
        dataclasses.replace(
            clean,
            data_stale=True,
            data_stale_why="kiosk data older than 72 h (bundle 4 published 2026-05-27 08:00 UTC)",
        ),
        dataclasses.replace(
            clean,
            certificate_uses=(
                CertificateUse("kp", "BW0123456", "BE-BRU-AP", date(2026, 5, 30), "INS-1"),
            ),
        ),
    ]


@cache
def _english_only(language: str) -> frozenset[str]:
    """Words of the English sources that no translation into ``language`` uses."""
    english: set[str] = set()
    target: set[str] = set()
    for message in ET.parse(i18n.ts_path(language)).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if translation == source:
            continue
        english |= {w.lower() for w in WORDS.findall(source)}
        target |= {w.lower() for w in WORDS.findall(translation)}
    return frozenset(english - target - DATA_WORDS)


def _reasons() -> list[Reason]:
    ruleset = shipped_ruleset()
    found: dict[str, Reason] = {}
    for inp in _inputs():
        for reason in evaluate(ruleset, inp, DECIDED_AT).reasons:
            found.setdefault(reason.message, reason)
    return list(found.values())


@pytest.mark.parametrize("language", i18n.TRANSLATED_LANGUAGES)
def test_the_reasons_of_the_rules_are_translated_whole(language: str) -> None:
    reasons = _reasons()
    rules = {r.rule_id for r in reasons}
    assert {"R5", "R8", "R9", "R11", "K1", "K2", "K3", "K4", "K5"} <= rules, rules
    english_only = _english_only(language)
    i18n.set_language(language)
    left = {}
    for reason in reasons:
        shown = reason_message(reason)
        words = sorted({w for w in WORDS.findall(shown) if w.lower() in english_only})
        if shown == reason.message or words:
            left[reason.message] = (shown, words)
    assert not left, left


def test_dates_in_reason_details_follow_the_locale() -> None:
    why = "kiosk data older than 72 h (bundle 4 published 2026-05-27 08:00 UTC)"
    inp = dataclasses.replace(clean_input(), data_stale=True, data_stale_why=why)
    (reason,) = evaluate(shipped_ruleset(), inp, DECIDED_AT).reasons
    i18n.set_language("nl")
    assert reason_message(reason).endswith(
        "kioskgegevens ouder dan 72 u (bundel 4 gepubliceerd 27/05/2026 08:00 UTC)"
    )
