"""A kiosk's past: real inspections recorded through the inspection work (slip, photo, events)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QImage

from kiosk.domain.identifiers import classify
from kiosk.domain.models import (
    InputSource,
    Inspection,
    OverrideCode,
    Photo,
    WeightReading,
    WeightState,
)
from kiosk.services.inspection import InspectionWork
from kiosk.settings import RESOURCES, Settings, with_overrides

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def history_settings(tmp_path: Path, **sections: dict[str, object]) -> Settings:
    """Settings on files under ``tmp_path``: the sample data, no devices but a folder printer."""
    base = with_overrides(
        Settings(),
        data={
            "database": str(tmp_path / "kiosk.sqlite"),
            "photos_dir": str(tmp_path / "photos"),
            "slips_dir": str(tmp_path / "slips"),
        },
        scale={"backend": "none"},
        reader={"backend": "none"},
        camera={"backend": "none"},
        printer={"backend": "folder", "folder": str(tmp_path / "printed")},
    )
    return with_overrides(base, **sections) if sections else base


@dataclass(frozen=True)
class Recorded:
    """The inspections recorded: a CLEAR one, and a HOLD lifted by a supervisor."""

    clear: Inspection
    overridden: Inspection


def _photo(folder: Path, name: str, taken_at: datetime) -> Photo:
    folder.mkdir(parents=True, exist_ok=True)
    image = QImage(640, 360, QImage.Format.Format_RGB888)
    image.fill(QColor(40, 90, 140))
    path = folder / f"{name}.jpg"
    assert image.save(str(path), "JPEG")
    return Photo(str(path), "00" * 32, 640, 360, taken_at)


def _parcel(kp: str) -> dict[str, Any]:
    parcels = json.loads((RESOURCES / "sample" / "parcels.json").read_text(encoding="utf-8"))
    found: dict[str, Any] = next(p for p in parcels if p["scans"][0]["value"] == kp)
    return found


def record_parcels(settings: Settings) -> Recorded:
    """Record two sample parcels as the inspector would (scan, weigh, photo, verdict, slip)."""
    clock_at = [T0]

    def clock() -> datetime:
        clock_at[0] += timedelta(seconds=3)
        return clock_at[0]

    work = InspectionWork(settings, clock=clock)
    work.open()
    try:
        assert work.store is not None
        user = work.store.user("inspector")
        assert user is not None
        recorded: list[Inspection] = []
        for index, parcel in enumerate((_parcel("BW2026004417"), _parcel("NA2026003205"))):
            kp, weight = parcel["scans"][0]["value"], parcel["weight_ct"]
            work.resume_or_create(user)
            for scan in parcel["scans"]:
                identifier = classify(scan["value"], scan["symbology"], InputSource.SCANNER)
                work.add_identifier(identifier, user.display_name)
            now = clock()
            work.set_reading(
                WeightReading(Decimal(weight), WeightState.STABLE, f"S S {weight} ct", now),
                user.display_name,
            )
            step = work.set_photo(
                _photo(settings.photos_path, kp, now), None, user.display_name
            )
            inspection = step.inspection
            if kp.startswith("NA"):
                inspection = work.override(
                    "supervisor",
                    "5678",
                    OverrideCode.DOCUMENTS_PRODUCED,
                    "Packing list produced",
                    user.display_name,
                )
            work.mark_printed(inspection.id)
            recorded.append(work.store.get(inspection.id))
            if index == 0:
                work.next_parcel(user)  # closes the first; the second stays printed
        return Recorded(clear=recorded[0], overridden=recorded[1])
    finally:
        work.close()
