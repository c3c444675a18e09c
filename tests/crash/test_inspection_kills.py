"""Issue #7.4: SIGKILL the kiosk at every step of an inspection, restart, finish it.

Each case runs one inspection (``inspection_child.py``: the kiosk's real inspection work,
store, checks, slips, camera still writer and folder printer) in a child process that kills
itself at a named point: right after a step's commit, inside a step's transaction before
its commit, or between a device's file and the step recording it. The test then restarts the
kiosk on the same files (in this process), checks the unfinished inspection is reopened at
that step with nothing lost, finishes it, and checks the record: every item once, the audit
chain intact, the photo and slip files complete and no partial files left.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from crash.harness import (
    child_env,
    count_rows,
    integrity_check,
    kill_when,
    python_argv,
    run_killed,
    start_child,
)
from crash.inspection_child import (
    PARCEL,
    SUPERVISOR_NAME,
    drive,
    read_journal,
    settings_for,
)
from kiosk.domain.models import Inspection, InspectionState
from kiosk.services.inspection import InspectionController
from kiosk.store import Store

CHILD = Path(__file__).with_name("inspection_child.py")


@dataclass(frozen=True)
class Expected:
    """Where the reopened inspection must be."""

    state: InspectionState
    identifiers: int
    reading: bool = False
    photo: bool = False
    verdict: bool = False
    printed: bool = False
    overridden: bool = False


C, D, P, OV = (
    InspectionState.COLLECTING,
    InspectionState.DECIDED,
    InspectionState.PRINTED,
    InspectionState.OVERRIDDEN,
)
DONE = {"reading": True, "photo": True, "verdict": True}

KILL_POINTS: dict[str, Expected | None] = {
    # the inspection's row is written, not committed: a new one is started
    "store:create:before-commit": Expected(C, 0),
    # the KP number is committed, the declaration it found is not
    "store:input:before-commit#2": Expected(C, 1),
    "after:identifier#2": Expected(C, 2),
    # the photo file is complete, the photo is not recorded
    "photo:saved": Expected(C, 4, reading=True),
    # every input is recorded, the verdict is not
    "store:decide:before-commit": Expected(D, 4, **DONE),
    # the verdict is committed, the slip is not written
    "work:decided": Expected(D, 4, **DONE),
    # the slip is written under its temporary name
    "slip:before-rename": Expected(D, 4, **DONE),
    # the slip file is in place, not recorded
    "store:slip:before-commit": Expected(D, 4, **DONE),
    # the slip went to the printer, the print is not recorded
    "printer:printed": Expected(D, 4, **DONE),
    "store:override:before-commit": Expected(P, 4, **DONE, printed=True),
    # the override is committed, the slip still shows the hold
    "work:overridden": Expected(OV, 4, **DONE, printed=True, overridden=True),
    "store:close:before-commit": Expected(OV, 4, **DONE, printed=True, overridden=True),
    # closed: nothing to reopen (next parcel's empty inspection is)
    "after:close": None,
}

EVENTS_OF_A_FINISHED_INSPECTION = {
    "create": 1,
    "input": len(PARCEL["scans"]) + 3,  # the codes, the declaration, the weight, the photo
    "decide": 1,
    "slip": 2,  # the verdict's slip and the override's
    "print": 1,
    "override": 1,
    "close": 1,
}


def partial_files(folder: Path) -> list[Path]:
    return sorted(p for sub in ("photos", "slips") for p in (folder / sub).glob(".*.tmp"))


@pytest.mark.slow
@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_a_kill_at_any_step_loses_and_doubles_nothing(point: str, kiosk_dir: Path) -> None:
    run_killed(python_argv(CHILD, str(kiosk_dir)), point, env=child_env(kiosk_dir.parent / "home"))
    db = kiosk_dir / "kiosk.sqlite"
    assert integrity_check(db) == "ok"
    journal = read_journal(kiosk_dir)
    target = journal[0]["id"] if journal else None
    if point == "slip:before-rename":
        assert partial_files(kiosk_dir), "the kill did not leave the temporary slip"

    # Restart: the same code, in this process, on the same files.
    result = drive(kiosk_dir, target)

    expected = KILL_POINTS[point]
    resumed = result.resumed
    if expected is None:
        assert result.final.id == target
        assert resumed.id != target
        assert resumed.state is C
        assert not resumed.identifiers
    else:
        if target is not None:
            assert resumed.id == target, "the unfinished inspection was not reopened"
        assert resumed.state is expected.state
        assert len(resumed.identifiers) == expected.identifiers
        assert (resumed.reading is not None) == expected.reading
        assert (resumed.photo is not None) == expected.photo
        assert (resumed.verdict is not None) == expected.verdict
        assert (resumed.printed_at is not None) == expected.printed
        assert (resumed.override is not None) == expected.overridden
        if expected.identifiers:
            assert resumed.declaration is not None, "the declaration found was not recorded"
        if expected.verdict:
            # a reopened decided inspection has its slip, showing what was decided
            assert resumed.slip_path is not None
            assert Path(resumed.slip_path).is_file()
            if expected.overridden:
                assert SUPERVISOR_NAME in slip_text(Path(resumed.slip_path))
        # Every step the killed process finished is there.
        done = [e["step"] for e in journal]
        scanned = {e["value"] for e in journal if e["step"] == "identifier"}
        assert scanned <= {i.value for i in resumed.identifiers}
        assert "reading" not in done or resumed.reading is not None
        assert "photo" not in done or resumed.photo is not None
        assert "print" not in done or resumed.printed_at is not None
        assert "override" not in done or resumed.override is not None

    final = result.final
    assert final.state is InspectionState.CLOSED
    assert [i.value for i in final.identifiers] == [s["value"] for s in PARCEL["scans"]]
    check_record(kiosk_dir, final.id)


def slip_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def check_record(folder: Path, inspection_id: str) -> None:
    """The finished record: each item once, chain intact, files whole, nothing partial."""
    db = folder / "kiosk.sqlite"
    assert integrity_check(db) == "ok"
    kinds = {
        kind: count_rows(
            db,
            "SELECT count(*) FROM events WHERE inspection_id = ? AND kind = ?",
            inspection_id,
            kind,
        )
        for kind in EVENTS_OF_A_FINISHED_INSPECTION
    }
    assert kinds == EVENTS_OF_A_FINISHED_INSPECTION
    for table, rows in (
        ("inspection_identifiers", len(PARCEL["scans"])),
        ("weight_readings", 1),
        ("photos", 1),
        ("verdicts", 1),
        ("overrides", 1),
    ):
        where = f"SELECT count(*) FROM {table} WHERE inspection_id = ?"
        assert count_rows(db, where, inspection_id) == rows, table
    # the parcel's inspection and the next parcel's empty one, nothing else
    assert count_rows(db, "SELECT count(*) FROM inspections") == 2
    assert count_rows(db, "SELECT count(*) FROM events WHERE inspection_id IS NOT NULL") == (
        sum(EVENTS_OF_A_FINISHED_INSPECTION.values()) + 1
    )
    store = Store.open(settings_for(folder).database_url)
    try:
        report = store.verify_audit()
        assert report.ok, report
        final = store.get(inspection_id)
    finally:
        store.close()
    assert final.photo is not None
    assert final.slip_path is not None
    photo = Path(final.photo.path).read_bytes()
    assert hashlib.sha256(photo).hexdigest() == final.photo.sha256
    text = slip_text(Path(final.slip_path))
    assert SUPERVISOR_NAME in text
    assert final.id in text
    printed = sorted((folder / "printed").glob("*.pdf"))
    assert printed
    assert all(p.read_bytes().endswith(b"%%EOF\n") for p in printed)
    assert partial_files(folder) == []


@pytest.mark.slow
def test_the_controller_reopens_the_killed_inspection_at_sign_in(
    qtbot: QtBot, kiosk_dir: Path
) -> None:
    """Killed after the verdict, before the slip: the next sign-in shows the verdict and slip."""
    run_killed(
        python_argv(CHILD, str(kiosk_dir)),
        "work:decided",
        env=child_env(kiosk_dir.parent / "home"),
    )
    (opened, *_) = read_journal(kiosk_dir)
    controller = InspectionController(settings_for(kiosk_dir))
    try:
        controller.start()
        with qtbot.waitSignal(controller.verdict_ready, timeout=20000) as blocker:
            controller.sign_in("inspector", "1234")
        resumed = blocker.args[0]
        assert isinstance(resumed, Inspection)
        assert resumed.id == opened["id"]
        assert resumed.state is InspectionState.DECIDED
        assert resumed.slip_path is not None
        assert Path(resumed.slip_path).is_file()
        assert controller.current == resumed
    finally:
        controller.shutdown()


def inputs_recorded(db: Path) -> int:
    if not db.is_file():
        return 0
    try:
        return count_rows(db, "SELECT count(*) FROM events WHERE kind = 'input'")
    except sqlite3.Error:
        return 0  # not created or migrated yet


@pytest.mark.slow
def test_a_kill_from_outside_when_the_events_show_a_step(kiosk_dir: Path) -> None:
    """SIGKILL from outside as soon as the audit trail shows the third input."""
    db = kiosk_dir / "kiosk.sqlite"
    child = start_child(python_argv(CHILD, str(kiosk_dir)), child_env(kiosk_dir.parent / "home"))
    result = kill_when(child, lambda: inputs_recorded(db) >= 3)
    assert result.killed
    assert integrity_check(db) == "ok"
    journal = read_journal(kiosk_dir)
    final = drive(kiosk_dir, journal[0]["id"]).final
    assert final.id == journal[0]["id"]
    check_record(kiosk_dir, final.id)
