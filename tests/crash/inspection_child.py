"""One inspection through the kiosk's real inspection work, resumable, with kill points.

Run as a script (``python inspection_child.py FOLDER``) it opens the kiosk database in FOLDER
(with ``KIOSK_TEST_KILL_AT`` set, it dies there), reopens the unfinished inspection and takes
it through every step that is not recorded yet: the four codes of the Namibian sample parcel
scanned (its declaration is recorded with the first), the weight accepted, the photo taken
(test pattern, written like the camera service writes it), the verdict and slip, the slip
printed to the folder printer, a supervisor's override (slip written again) and the close.

After each step a line goes to ``FOLDER/journal.jsonl`` (synced) and then the kill point
``after:<step>`` is reached: a step in the journal is committed. Between a device's file and
the step recording it are ``photo:saved`` and ``printer:printed``. The same function, called in
the test process, is the restart.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # run as a script: the checkout is on PYTHONPATH
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hardware.camera import PatternCamera, save_jpeg
from hardware.printer import FolderPrinter
from kiosk.crashpoints import crash_point
from kiosk.domain.identifiers import classify
from kiosk.domain.models import (
    InputSource,
    Inspection,
    OverrideCode,
    Photo,
    WeightReading,
    WeightState,
)
from kiosk.services.inspection import SAMPLE_DIR, InspectionWork
from kiosk.settings import Settings, with_overrides

PARCELS: list[dict[str, Any]] = json.loads((SAMPLE_DIR / "parcels.json").read_text("utf-8"))
PARCEL = next(p for p in PARCELS if "Namibian" in p["label"])
"""A HOLD (0.300 ct short) that a supervisor may override."""
SUPERVISOR = ("supervisor", "5678")
SUPERVISOR_NAME = "Marc Dubois"
OVERRIDE_TEXT = "Re-weighed on the office balance: the shortfall is the bag's humidity."


def settings_for(folder: Path) -> Settings:
    """The kiosk's settings with everything under ``folder``."""
    return with_overrides(
        Settings(),
        data={
            "database": str(folder / "kiosk.sqlite"),
            "photos_dir": str(folder / "photos"),
            "slips_dir": str(folder / "slips"),
            "sample_data": True,
        },
        printer={"backend": "folder", "folder": str(folder / "printed")},
    )


def journal(folder: Path, step: str, **detail: object) -> None:
    """Append a synced line saying ``step`` is done, then reach ``after:<step>``."""
    line = json.dumps({"step": step, **detail}, default=str) + "\n"
    with (folder / "journal.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())
    crash_point(f"after:{step}")


def read_journal(folder: Path) -> list[dict[str, Any]]:
    """The steps the killed process finished."""
    path = folder / "journal.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class Drive:
    """The inspection as reopened, and as left at the end."""

    resumed: Inspection
    final: Inspection


def drive(folder: Path, target_id: str | None = None) -> Drive:
    """Reopen the kiosk in ``folder`` and take the inspection to its close.

    Args:
        folder: Holds the database, photos, slips, printed slips and the journal.
        target_id: The inspection the killed process worked on; when it is already closed,
            nothing more is done.
    """
    folder.mkdir(parents=True, exist_ok=True)
    work = InspectionWork(settings_for(folder))
    work.open()
    try:
        store = work.store
        assert store is not None
        user = store.user("inspector")
        assert user is not None
        resumed = work.resume_or_create(user).inspection
        if target_id is not None and resumed.id != target_id:
            target = store.get(target_id)
            if target.closed_at is not None:
                return Drive(resumed, target)
            raise AssertionError(f"reopened {resumed.id}, not the unfinished {target_id}")
        journal(folder, "open", id=resumed.id)
        insp = resumed
        name = user.display_name
        for scan in PARCEL["scans"]:
            identifier = classify(scan["value"], scan["symbology"], InputSource.SCANNER)
            if any(
                i.kind is identifier.kind and i.value == identifier.value for i in insp.identifiers
            ):
                continue
            insp = work.add_identifier(identifier, name).inspection
            journal(folder, "identifier", value=identifier.value)
        if insp.reading is None:
            weight = Decimal(PARCEL["weight_ct"])
            reading = WeightReading(
                carats=weight,
                state=WeightState.STABLE,
                raw=f"S S {weight:>11} ct",
                taken_at=datetime.now(UTC),
                value=weight,
                scale_id="sim-mt-sics",
            )
            insp = work.set_reading(reading, name).inspection
            journal(folder, "reading")
        if insp.photo is None:
            camera = PatternCamera(320, 240, fps=0)
            camera.open()
            try:
                frame = camera.read()
            finally:
                camera.close()
            taken_at = datetime.now(UTC)
            path = folder / "photos" / f"{insp.id}-{taken_at:%Y%m%dT%H%M%S%f}.jpg"
            sha256, width, height = save_jpeg(frame, path)
            crash_point("photo:saved")
            photo = Photo(str(path), sha256, width, height, taken_at)
            insp = work.set_photo(photo, insp.id, name).inspection
            journal(folder, "photo")
        if insp.verdict is None:
            insp = work.check_now(name).inspection
            journal(folder, "check")
        if insp.printed_at is None:
            assert insp.slip_path is not None
            (folder / "printed").mkdir(exist_ok=True)
            FolderPrinter(folder / "printed").print_pdf(Path(insp.slip_path), title=insp.id)
            crash_point("printer:printed")
            insp = work.mark_printed(insp.id)
            journal(folder, "print")
        if insp.override is None:
            insp = work.override(
                SUPERVISOR[0], SUPERVISOR[1], OverrideCode.WEIGHING_ERROR, OVERRIDE_TEXT, name
            )
            journal(folder, "override")
        if insp.closed_at is None:
            work.next_parcel(user)
            insp = store.get(insp.id)
            journal(folder, "close")
        return Drive(resumed, insp)
    finally:
        work.close()


def main(argv: list[str]) -> int:
    """``inspection_child.py FOLDER [TARGET_ID]``: drive, print the final state as JSON."""
    folder = Path(argv[0])
    result = drive(folder, argv[1] if len(argv) > 1 else None)
    print(json.dumps({"id": result.final.id, "state": result.final.state.value}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
