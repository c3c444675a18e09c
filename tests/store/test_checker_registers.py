"""The Checker feeds the registers to the rules: 3p(7) authorisations in force, G7 records."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from kiosk.domain.models import Declaration, Exemption, Inspection, Outcome
from kiosk.lists import parse_authorisations_csv, parse_g7_json
from kiosk.services.checking import Checker
from kiosk.settings import Settings
from kiosk.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "lists" / "fixtures"
WHEN = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def _inspection(evidence: str, g7: str | None = None) -> Inspection:
    declaration = Declaration(
        reference="T-1",
        kp_number=None,
        cn_code="71023900",
        exporter="Antwerp Rough NV",
        importer="Importer BV",
        origin_countries=("RU",),
        export_country="RU",
        declared_carats=Decimal("10.00"),
        exemption=Exemption.AUTHORISATION,
        exemption_evidence=evidence,
        g7_certificate=g7,
    )
    return Inspection(
        id="T-1", post="BE-ANR-DO", inspector="t", started_at=WHEN, declaration=declaration
    )


def _r16(store: Store, evidence: str) -> Outcome:
    checker = Checker.from_settings(store, Settings())
    result = checker.check(_inspection(evidence), WHEN, own_declaration=True)
    (reason,) = [r for r in result.verdict.reasons if r.rule_id == "R16"]
    return reason.outcome


def test_authorisation_in_the_register_is_accepted_only_while_in_force(store: Store) -> None:
    assert _r16(store, "BE-3P7-2026-0001") is Outcome.HOLD  # register empty
    store.import_register(
        "authorisations", parse_authorisations_csv(FIXTURES / "authorisations.csv"), "r1"
    )
    assert _r16(store, "BE-3P7-2026-0001") is Outcome.EXEMPT
    assert _r16(store, "be-3p7-2026-0001") is Outcome.EXEMPT
    assert _r16(store, "BE-3P7-2025-0007") is Outcome.HOLD  # expired on 2025-06-30


def test_the_g7_record_is_looked_up(store: Store) -> None:
    store.import_register("g7", parse_g7_json(FIXTURES / "g7-register.json"), "r1")
    checker = Checker.from_settings(store, Settings())
    inspection = _inspection("X", g7="G7-BE-2026-000123")
    record = checker._g7_record(inspection, inspection.declaration)
    assert record is not None
    assert record.kp_numbers == ("BW2026004417",)
    assert checker._g7_record(_inspection("X"), _inspection("X").declaration) is None
