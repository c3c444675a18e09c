"""Many recorded inspections written straight into the tables (for history tests and benchmarks).

Going through the Store's step API costs one durable transaction per step; a few hundred
inspections would take seconds and 100,000 minutes, so these rows are inserted in bulk, in
one transaction, with the same shape the Store writes (identifiers, reading, photo, current
verdict with reasons, some overrides). No audit events are written for them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from kiosk.domain.models import Outcome
from kiosk.store import Store
from kiosk.store.tables import (
    IdentifierRow,
    InspectionRow,
    OverrideRow,
    PhotoRow,
    ReasonRow,
    VerdictRow,
    WeightReadingRow,
)

POSTS = (("BE-ANR-DO", "ANR-DO-01"), ("BE-ANR-DO", "ANR-DO-02"), ("BE-BRU-AP", "BRU-AP-01"))
INSPECTORS = ("apeeters", "jmaes", "lvermeulen", "sdubois")
SUPERVISOR = "mdubois"
COUNTRIES = ("BW", "NA", "ZA", "CA", "AO", "SL")
RULES = {
    Outcome.CLEAR: ("R0", "All checks passed", ""),
    Outcome.EXEMPT: ("R13", "Personal use exemption", "Reg. 833/2014 Art. 3p"),
    Outcome.HOLD: ("R11", "Weight differs from the certificate", "Reg. 2368/2002 Arts 4-5"),
    Outcome.REFUSE: ("R2", "Russian origin", "Reg. 833/2014 Art. 3p(1)"),
}


@dataclass(frozen=True, slots=True)
class Generated:
    """What was generated for one inspection (to check search results against)."""

    id: str
    started_at: datetime
    post: str
    kiosk_id: str
    inspector: str
    kp_number: str
    mrn: str
    awb: str
    outcome: Outcome
    overridden: bool


def _outcome(rng: random.Random) -> Outcome:
    roll = rng.random()
    if roll < 0.70:
        return Outcome.CLEAR
    if roll < 0.80:
        return Outcome.EXEMPT
    if roll < 0.95:
        return Outcome.HOLD
    return Outcome.REFUSE


def generate_inspections(
    store: Store,
    count: int,
    *,
    start: datetime = datetime(2026, 10, 1, 7, 0, tzinfo=UTC),
    span: timedelta = timedelta(days=60),
    seed: int = 7,
    batch: int = 5000,
) -> list[Generated]:
    """Insert ``count`` decided, closed inspections spread over ``span`` from ``start``.

    Args:
        store: The open store.
        count: How many inspections.
        start: The first start time.
        span: The period they are spread over (evenly, in time order).
        seed: The random seed (the same seed gives the same data).
        batch: Rows per insert statement batch.

    Returns:
        One record per inspection, oldest first.
    """
    rng = random.Random(seed)
    step = span / max(1, count)
    made: list[Generated] = []
    tables: dict[str, list[dict[str, Any]]] = {
        "inspections": [],
        "identifiers": [],
        "readings": [],
        "photos": [],
        "verdicts": [],
        "reasons": [],
        "overrides": [],
    }
    verdict_id = 1_000_000
    for n in range(count):
        at = start + step * n
        post, kiosk = POSTS[n % len(POSTS)]
        inspector = INSPECTORS[rng.randrange(len(INSPECTORS))]
        outcome = _outcome(rng)
        overridden = outcome is Outcome.HOLD and rng.random() < 0.4
        ident = f"INS-{at:%Y%m%d-%H%M%S}-{n % 65536:04X}"
        country = COUNTRIES[n % len(COUNTRIES)]
        kp = f"{country}{at.year}{n:06d}"
        mrn = f"26BE{n:013d}A"[:18]
        awb = f"125{n % 10**7:07d}{n % 7}"
        tables["inspections"].append(
            {
                "id": ident,
                "post": post,
                "kiosk_id": kiosk,
                "inspector": inspector,
                "state": "closed",
                "started_at": at,
                "updated_at": at + timedelta(minutes=4),
                "closed_at": at + timedelta(minutes=5),
                "printed_at": at + timedelta(minutes=3),
                "slip_path": f"/nonexistent/slips/{ident}.pdf",
                "declaration": None,
                "void_reason": None,
                "notes": [],
            }
        )
        for seq, (kind, value) in enumerate(
            (("kp", kp), ("mrn", mrn), ("awb", awb)), start=1
        ):
            tables["identifiers"].append(
                {
                    "inspection_id": ident,
                    "seq": seq,
                    "kind": kind,
                    "value": value,
                    "source": "scanner",
                    "symbology": None,
                    "raw": value,
                    "problem": None,
                    "at": at + timedelta(seconds=seq),
                }
            )
        carats = Decimal(rng.randrange(1000, 500000)) / Decimal(1000)
        tables["readings"].append(
            {
                "inspection_id": ident,
                "seq": 1,
                "carats": carats,
                "state": "stable",
                "raw": f"S S {carats} ct",
                "taken_at": at + timedelta(seconds=30),
                "unit": "ct",
                "value": carats,
                "scale_id": "MT-XPR-0042",
                "at": at + timedelta(seconds=30),
            }
        )
        tables["photos"].append(
            {
                "inspection_id": ident,
                "seq": 1,
                "path": f"/nonexistent/photos/{ident}.jpg",
                "sha256": "ab" * 32,
                "width": 1280,
                "height": 720,
                "taken_at": at + timedelta(seconds=31),
                "at": at + timedelta(seconds=31),
            }
        )
        verdict_id += 1
        tables["verdicts"].append(
            {
                "id": verdict_id,
                "inspection_id": ident,
                "seq": 1,
                "outcome": outcome.label,
                "ruleset_version": "2025-07-20",
                "data_version": "2026.10.1",
                "decided_at": at + timedelta(seconds=40),
                "superseded_at": None,
            }
        )
        rule, message, basis = RULES[outcome]
        tables["reasons"].append(
            {
                "verdict_id": verdict_id,
                "seq": 1,
                "rule_id": rule,
                "outcome": outcome.label,
                "legal_basis": basis,
                "message": message,
                "details": [],
            }
        )
        if overridden:
            tables["overrides"].append(
                {
                    "inspection_id": ident,
                    "verdict_id": verdict_id,
                    "supervisor": SUPERVISOR,
                    "code": "weighing_error",
                    "text": "Re-weighed on the second balance",
                    "new_outcome": "CLEAR",
                    "at": at + timedelta(minutes=2),
                }
            )
        made.append(Generated(ident, at, post, kiosk, inspector, kp, mrn, awb, outcome, overridden))
    order = (
        (InspectionRow, "inspections"),
        (IdentifierRow, "identifiers"),
        (WeightReadingRow, "readings"),
        (PhotoRow, "photos"),
        (VerdictRow, "verdicts"),
        (ReasonRow, "reasons"),
        (OverrideRow, "overrides"),
    )
    with Session(store.database.write_engine) as session, session.begin():
        for table, name in order:
            rows = tables[name]
            for first in range(0, len(rows), batch):
                session.execute(insert(table), rows[first : first + batch])
    return made
