"""The test slip a technician prints to try a printer (`kiosk hw printer test`, devices screen)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from kiosk.domain.models import (
    Identifier,
    IdentifierKind,
    InputSource,
    Inspection,
    InspectionState,
    Outcome,
    Verdict,
    WeightReading,
    WeightState,
)
from kiosk.slips.slip import SlipContext, write_slip

TEST_SLIP_INSPECTOR = "Test slip - not a clearance"


def sample_slip_inspection(now: datetime | None = None) -> Inspection:
    """A decided CLEAR inspection of a Botswana parcel, for test slips (id ``TEST-...``)."""
    at = (now or datetime.now(UTC)).replace(microsecond=0)
    return Inspection(
        id=f"TEST-{at:%Y%m%d-%H%M%S}",
        post="TEST",
        inspector="technician",
        started_at=at - timedelta(minutes=1),
        state=InspectionState.DECIDED,
        identifiers=(
            Identifier(IdentifierKind.KP_CERTIFICATE, "BW-2026-004711", InputSource.TYPED),
        ),
        reading=WeightReading(
            carats=Decimal("125.388"),
            state=WeightState.STABLE,
            raw="S S     125.388 ct",
            taken_at=at,
            scale_id="TEST",
        ),
        verdict=Verdict(
            outcome=Outcome.CLEAR,
            reasons=(),
            ruleset_version="TEST",
            decided_at=at,
            data_version="TEST",
        ),
    )


def write_test_slip(post_code: str, post_name: str, kiosk_id: str, folder: Path) -> Path:
    """Render a test slip into ``folder``; its path.

    Raises:
        SlipError: The slip cannot be rendered.
        OSError: It cannot be written.
    """
    ctx = SlipContext(
        post_code=post_code,
        post_name=post_name,
        kiosk_id=kiosk_id,
        inspector_name=TEST_SLIP_INSPECTOR,
    )
    return write_slip(sample_slip_inspection(), ctx, folder)
