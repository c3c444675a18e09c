"""The checker screens fuzzily against a real SQLite store, one name index per lists version."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from domain.builders import rough_declaration
from kiosk.domain.models import Inspection, Outcome
from kiosk.services.checking import Checker
from kiosk.settings import RESOURCES, Settings, with_overrides
from kiosk.store import Store

NOW = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'kiosk.db'}")
    opened.seed_sample_data_if_empty(RESOURCES / "sample")
    yield opened
    opened.close()


def desk_check(checker: Checker, exporter: str) -> tuple[Outcome, list[str]]:
    inspection = Inspection(
        id="T-1",
        post="BE-ANR-DO",
        inspector="test",
        started_at=NOW,
        declaration=rough_declaration(exporter=exporter),
    )
    result = checker.check(inspection, NOW, own_declaration=True)
    r12 = [r.message for r in result.verdict.reasons if r.rule_id == "R12"]
    return result.verdict.outcome, r12


def test_a_transliteration_variant_is_refused(store: Store) -> None:
    checker = Checker.from_settings(store, Settings())
    outcome, reasons = desk_check(checker, "Pavel Alexeyevich Marinichev")
    assert outcome is Outcome.REFUSE
    assert any("EU-269-2024-MARINYCHEV" in r for r in reasons)


def test_thresholds_come_from_settings(store: Store) -> None:
    strict = with_overrides(
        Settings(), checks={"screening_match": Decimal("0.99"), "screening_review": Decimal("0.9")}
    )
    outcome, reasons = desk_check(Checker.from_settings(store, strict), "Pavel Marinichev")
    assert outcome is Outcome.HOLD
    assert reasons
    lenient = Checker.from_settings(store, Settings())
    assert desk_check(lenient, "Pavel Marinichev")[0] is Outcome.REFUSE


def test_the_index_is_built_once_per_lists_version(store: Store) -> None:
    checker = Checker.from_settings(store, Settings())
    first = checker.name_index()
    assert first.party_count > 0
    desk_check(checker, "Alrosa")
    assert checker.name_index() is first


def test_an_unrelated_exporter_gets_no_sanctions_reason(store: Store) -> None:
    checker = Checker.from_settings(store, Settings())
    assert desk_check(checker, "Antwerp Polished Trading BV")[1] == []


def test_screening_thresholds_are_read_and_checked() -> None:
    from kiosk.settings import SettingsError, parse

    settings = parse('[checks]\nscreening_match = "0.95"\nscreening_review = 0.8\n')
    assert settings.checks.screening_match == Decimal("0.95")
    assert settings.checks.screening_review == Decimal("0.8")
    assert Settings().checks.screening_match == Decimal("0.92")
    assert Settings().checks.screening_review == Decimal("0.75")
    with pytest.raises(SettingsError, match="review <= match"):
        parse("[checks]\nscreening_match = 0.7\nscreening_review = 0.8\n")
    with pytest.raises(SettingsError, match="review <= match"):
        parse("[checks]\nscreening_match = 1.5\n")
