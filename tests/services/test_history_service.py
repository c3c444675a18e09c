"""HistoryService: searches, details, reprints and re-checks off the GUI thread, on real files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.domain.history import (
    HistoryPage,
    HistoryQuery,
    InspectionDetail,
    RecheckResult,
    SlipStatus,
    VerdictFilter,
)
from kiosk.domain.models import Outcome
from kiosk.services.devices import DeviceHub
from kiosk.services.history import HistoryService
from kiosk.settings import Settings
from kiosk.store import Store
from services.history_fixtures import Recorded, history_settings, record_parcels

TIMEOUT_MS = 20_000


@dataclass
class Post:
    settings: Settings
    recorded: Recorded
    devices: DeviceHub
    service: HistoryService


@pytest.fixture(scope="module")
def recorded_post(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Recorded]:
    """Two parcels recorded once for the module (tests put back whatever they change)."""
    settings = history_settings(tmp_path_factory.mktemp("post"))
    return settings, record_parcels(settings)


@pytest.fixture
def post(qtbot: QtBot, recorded_post: tuple[Settings, Recorded]) -> Iterator[Post]:
    """The recorded parcels, a device hub with a folder printer, and the history service."""
    settings, recorded = recorded_post
    devices = DeviceHub(settings)
    devices.start()
    service = HistoryService(settings, devices)
    yield Post(settings, recorded, devices, service)
    service.shutdown()
    devices.stop()


def test_search_answers_on_the_gui_thread(qtbot: QtBot, post: Post) -> None:
    with qtbot.waitSignal(post.service.results_ready, timeout=TIMEOUT_MS) as blocker:
        post.service.search(HistoryQuery(verdict=VerdictFilter.OVERRIDDEN))
    page = blocker.args[0]
    assert isinstance(page, HistoryPage)
    assert [r.inspection_id for r in page.rows] == [post.recorded.overridden.id]
    row = page.rows[0]
    assert (row.outcome, row.final_outcome) == (Outcome.HOLD, Outcome.CLEAR)
    assert page.name(row.supervisor or "") == "Marc Dubois"


def test_a_failed_step_is_a_message(qtbot: QtBot, post: Post) -> None:
    with qtbot.waitSignal(post.service.error_occurred, timeout=TIMEOUT_MS) as blocker:
        post.service.open_inspection("INS-NOPE")
    assert blocker.args == ["No inspection 'INS-NOPE'."]


def test_detail_has_photo_events_and_slip_status(qtbot: QtBot, post: Post) -> None:
    with qtbot.waitSignal(post.service.detail_ready, timeout=TIMEOUT_MS) as blocker:
        post.service.open_inspection(post.recorded.overridden.id)
    detail, thumbnail = blocker.args
    assert isinstance(detail, InspectionDetail)
    assert detail.inspection.override is not None
    assert detail.slip_status is SlipStatus.PRINTED
    assert detail.certificate is not None
    assert detail.certificate.number == "NA2026003205"
    kinds = [e.kind for e in detail.events]
    assert kinds[0] == "create"
    assert {"decide", "override", "slip", "print"} <= set(kinds)
    assert not thumbnail.isNull()
    assert max(thumbnail.width(), thumbnail.height()) == 320


def test_reprint_sends_the_stored_slip_and_records_it(qtbot: QtBot, post: Post) -> None:
    inspection = post.recorded.clear
    assert inspection.slip_path is not None
    with qtbot.waitSignal(post.service.reprinted, timeout=TIMEOUT_MS) as blocker:
        post.service.reprint(inspection.id, "inspector")
    destination = Path(blocker.args[0])
    assert destination.read_bytes() == Path(inspection.slip_path).read_bytes()
    with Store.open(post.settings.database_url) as store:
        event = store.events(inspection.id)[-1]
    assert (event.kind, event.actor) == ("reprint", "inspector")
    assert event.detail["regenerated"] is False


def test_a_missing_slip_is_regenerated_marked_reprint(qtbot: QtBot, post: Post) -> None:
    from pypdf import PdfReader

    inspection = post.recorded.overridden
    assert inspection.slip_path is not None
    slip = Path(inspection.slip_path)
    kept = slip.read_bytes()
    slip.unlink()
    try:
        with qtbot.waitSignal(post.service.detail_ready, timeout=TIMEOUT_MS) as blocker:
            post.service.open_inspection(inspection.id)
        assert blocker.args[0].slip_status is SlipStatus.MISSING
        with qtbot.waitSignal(post.service.reprinted, timeout=TIMEOUT_MS) as printed:
            post.service.reprint(inspection.id, "supervisor")
    finally:
        slip.write_bytes(kept)
    text = "\n".join(p.extract_text() for p in PdfReader(printed.args[0]).pages)
    assert "*** REPRINT ***" in text
    assert "Marc Dubois" in text  # the supervisor's name, as on the original
    assert inspection.id in text
    with Store.open(post.settings.database_url) as store:
        event = store.events(inspection.id)[-1]
        assert store.verify_audit().ok
    assert event.kind == "reprint"
    assert event.detail["regenerated"] is True
    assert Path(event.detail["path"]).parent == post.settings.slips_path / "reprints"


def test_recheck_under_the_rules_of_its_date(qtbot: QtBot, post: Post) -> None:
    with qtbot.waitSignal(post.service.recheck_ready, timeout=TIMEOUT_MS) as blocker:
        post.service.recheck(post.recorded.clear.id)
    result = blocker.args[0]
    assert isinstance(result, RecheckResult)
    assert result.rules_date.isoformat() == "2026-11-26"
    assert result.rechecked.outcome is Outcome.CLEAR
    assert result.same

    with qtbot.waitSignal(post.service.recheck_ready, timeout=TIMEOUT_MS) as blocker:
        post.service.recheck(post.recorded.overridden.id)
    held = blocker.args[0]
    assert held.rechecked.outcome is Outcome.HOLD  # the override is not the checks' verdict
    assert held.same


def test_reports_are_written_from_the_service(qtbot: QtBot, post: Post) -> None:
    recorded = post.recorded.clear.started_at
    with qtbot.waitSignal(post.service.report_written, timeout=TIMEOUT_MS) as blocker:
        post.service.write_shift_report(recorded.replace(hour=0), recorded.replace(hour=23))
    pdf = Path(blocker.args[0])
    assert pdf.suffix == ".pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.parent == post.settings.data_dir / "reports"
    with qtbot.waitSignal(post.service.report_written, timeout=TIMEOUT_MS) as blocker:
        post.service.write_kp_monthly("2026-11")
    lines = Path(blocker.args[0]).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # the header and the two certificates
    assert lines[1].startswith("import,BW2026004417,BW,")
