"""Builders for the domain tests: a clean rough parcel that passes every rule in force."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from kiosk.domain.identifiers import classify
from kiosk.domain.models import (
    Declaration,
    KpCertificate,
    Photo,
    StoneBand,
    WeightReading,
    WeightState,
)
from kiosk.domain.rules import CheckInput, RuleSet, parse_ruleset

RULESET_PATH = Path(__file__).resolve().parents[2] / "resources" / "rules" / "article3p.json"
DECIDED_AT = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)
KP_PARTICIPANTS = frozenset({"BW", "ZA", "NA", "AO", "CD", "SL", "IN", "AE", "EU", "RU", "US"})


def shipped_ruleset() -> RuleSet:
    """The shipped rule set, parsed."""
    return parse_ruleset(RULESET_PATH.read_text(encoding="utf-8"))


def rough_declaration(**changes: Any) -> Declaration:
    """Botswana rough, 370 stones, 125.40 ct, one sealed parcel with a G7 certificate."""
    base = Declaration(
        reference="DO-2026-000123",
        kp_number="BW 0123456",
        cn_code="7102 10 00",
        exporter="Okavango Diamond Company",
        importer="Antwerp Rough Trading NV",
        origin_countries=("BW",),
        export_country="BW",
        declared_carats=Decimal("125.40"),
        parcel_count=1,
        stones=(
            StoneBand(Decimal("0.10"), Decimal("0.50"), 300, Decimal("75.40")),
            StoneBand(Decimal("0.50"), Decimal("1.00"), 70, Decimal("50.00")),
        ),
        seal_numbers=("SL 0012345",),
        g7_certificate="G7-BE-2026-000123",
    )
    return dataclasses.replace(base, **changes)


def certificate(**changes: Any) -> KpCertificate:
    """The register's record of KP certificate BW0123456, matching ``rough_declaration``."""
    base = KpCertificate(
        number="BW0123456",
        issuing_country="BW",
        authority="Government Diamond Valuator",
        issued_on=date(2026, 5, 20),
        expires_on=date(2026, 7, 19),
        exporter="Okavango Diamond Company",
        importer="Antwerp Rough Trading NV",
        origin_countries=("BW",),
        provenance_country="BW",
        mixed=False,
        carats=Decimal("125.40"),
        value_usd=Decimal("412000"),
        parcel_count=1,
        hs_code="7102.10",
    )
    return dataclasses.replace(base, **changes)


def reading(carats: str = "125.402", state: WeightState = WeightState.STABLE) -> WeightReading:
    """A balance reading in carats."""
    return WeightReading(Decimal(carats), state, f"S S {carats} ct", DECIDED_AT, scale_id="XPR-1")


PHOTO = Photo("photos/p1.jpg", "ab" * 32, 1280, 720, DECIDED_AT)


def clean_input(at: date = date(2026, 6, 1), **changes: Any) -> CheckInput:
    """A rough parcel on ``at`` that every rule in force passes."""
    base = CheckInput(
        at=at,
        declaration=rough_declaration(),
        identifiers=(classify("BW 0123456"), classify("SL 0012345")),
        reading=reading(),
        kp_certificate=certificate(
            issued_on=at.replace(day=1) if at.day > 1 else at, expires_on=date(2099, 1, 1)
        ),
        kp_number="BW 0123456",
        kp_participants=KP_PARTICIPANTS,
        sanction_hits=(),
        photo=PHOTO,
        carat_tolerance_ct=Decimal("0.010"),
        parcel_count_tolerance=0,
        data_stale=False,
    )
    return dataclasses.replace(base, **changes)
