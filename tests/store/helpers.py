"""Shared values and builders of the store tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from kiosk.domain.models import (
    Declaration,
    Identifier,
    IdentifierKind,
    InputSource,
    Outcome,
    Photo,
    Reason,
    StoneBand,
    Verdict,
    WeightReading,
    WeightState,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = ROOT / "resources" / "sample"
T0 = datetime(2026, 11, 26, 15, 30, 12, 123456, tzinfo=UTC)
POST = "BE-ANR-DO"
KIOSK = "ANR-DO-01"


def at(seconds: float) -> datetime:
    """``T0`` plus some seconds."""
    return T0 + timedelta(seconds=seconds)


def kp_identifier(value: str = "BW2026004417") -> Identifier:
    """A scanned KP number."""
    return Identifier(
        kind=IdentifierKind.KP_CERTIFICATE,
        value=value,
        source=InputSource.SCANNER,
        symbology="]C0",
        raw=f"]C0{value}",
    )


def reading(carats: str = "1250.404", seconds: float = 5) -> WeightReading:
    """A stable balance reading with its raw MT-SICS line."""
    return WeightReading(
        carats=Decimal(carats),
        state=WeightState.STABLE,
        raw=f"S S     {carats} ct",
        taken_at=at(seconds),
        unit="ct",
        value=Decimal(carats),
        scale_id="MT-XPR-0042",
    )


def photo() -> Photo:
    """A photo record."""
    return Photo(path="photos/p1.jpg", sha256="ab" * 32, width=1280, height=720, taken_at=at(7))


def declaration() -> Declaration:
    """A declaration with every kind of field filled."""
    return Declaration(
        reference="DO-ANR-2026-00001",
        kp_number="BW2026004417",
        cn_code="7102.31.00",
        exporter="Kalahari Rough Sales (Pty) Ltd",
        importer="Schelde Rough Trading BV",
        origin_countries=("BW",),
        export_country="BW",
        declared_carats=Decimal("1250.40"),
        parcel_count=1,
        route=("ZA",),
        stones=(
            StoneBand(Decimal("0.00"), Decimal("0.50"), 2344, Decimal("562.68")),
            StoneBand(Decimal("0.50"), None, 300, Decimal("687.72")),
        ),
        seal_numbers=("SL41001003",),
        mrn="26BEDO2026000001J3",
        awb="07431100370",
        g7_certificate="G7-BW-2026-004417",
        value_usd=Decimal("2563320.00"),
    )


def verdict(outcome: Outcome = Outcome.HOLD, seconds: float = 10) -> Verdict:
    """A verdict with two reasons, the worst being ``outcome``."""
    return Verdict(
        outcome=outcome,
        reasons=(
            Reason(
                rule_id="R11",
                outcome=outcome,
                legal_basis="Reg. (EC) 2368/2002 Arts 4-5",
                message="Weight differs from the certificate",
                details=(("declared_ct", "1250.40"), ("measured_ct", "1250.100")),
            ),
            Reason(
                rule_id="R12",
                outcome=Outcome.CLEAR,
                legal_basis="Reg. 269/2014 Art. 2",
                message="No listed party",
            ),
        ),
        ruleset_version="article3p-2025-07-20",
        decided_at=at(seconds),
        data_version="sample-2026.11.1",
    )
