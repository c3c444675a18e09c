"""Records out, end to end: kiosk stores, the Uploader and a real hub process on 127.0.0.1."""

from __future__ import annotations

import json
import secrets
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.hub.db import HubDatabase
from kiosk.sync.cycle import current_status
from kiosk.sync.outbox import Uploader, build_record
from tests.records.hubproc import HubProcess, add_kiosk, hub_command
from tests.records.kiosks import KioskUnderTest, make_kiosk, rewrite_history


@pytest.fixture
def kiosks() -> Iterator[list[KioskUnderTest]]:
    """Kiosks made by a test, their stores closed afterwards."""
    made: list[KioskUnderTest] = []
    yield made
    for kiosk in made:
        kiosk.store.close()


def _kiosk(
    kiosks: list[KioskUnderTest], hub: HubProcess, folder: Path, kiosk_id: str = "ANR-DO"
) -> KioskUnderTest:
    """A kiosk registered at the hub; its id gets a unique suffix (the hub is shared)."""
    kiosk_id = f"{kiosk_id}-{secrets.token_hex(3)}"
    kiosk = make_kiosk(folder, hub.url, add_kiosk(hub.db_url, kiosk_id), kiosk_id)
    kiosks.append(kiosk)
    return kiosk


def _hub_db(hub: HubProcess) -> HubDatabase:
    return HubDatabase.open(hub.db_url)


def _post(hub: HubProcess, body: dict[str, object], token: str) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(
        hub.url + "/api/v1/records",
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_finished_inspections_reach_the_hub_with_photo_slip_and_uses(
    hub: HubProcess, tmp_path: Path, kiosks: list[KioskUnderTest]
) -> None:
    kiosk_id = f"ANR-DO-{secrets.token_hex(3)}"
    token = add_kiosk(hub.db_url, kiosk_id, cli=True)
    kiosk = make_kiosk(tmp_path / "k1", hub.url, token, kiosk_id)
    kiosks.append(kiosk)
    closed = kiosk.finish("BW2026004417")
    voided = kiosk.finish("ZA2026000123", void=True)
    assert kiosk.store.outbox_summary().waiting == 2

    result = Uploader(kiosk.settings, kiosk.store).run_once()

    assert result.ok, result.message
    assert (result.sent, result.failed, result.waiting) == (2, 0, 0)
    assert result.audit_flags == ()
    db = _hub_db(hub)
    try:
        stored = db.record(closed)
        assert stored is not None
        assert stored["inspection"]["final_outcome"] == "CLEAR"
        assert stored["photo_bytes"] == len(
            (tmp_path / "k1" / "photos" / f"{closed}.jpg").read_bytes()
        )
        assert stored["slip_bytes"] is not None
        void_record = db.record(voided)
        assert void_record is not None
        assert void_record["inspection"]["state"] == "voided"
        (kiosk_row,) = [k for k in db.kiosks() if k.kiosk_id == kiosk.kiosk_id]
        assert (kiosk_row.audit_seq, kiosk_row.audit_hash) == kiosk.store.audit_head()
    finally:
        db.close()
    sent = kiosk.store.outbox_items(include_sent=True)
    assert all(item.sent_at is not None and item.receipt for item in sent)
    assert Uploader(kiosk.settings, kiosk.store).run_once().message == "all records sent"

    out = tmp_path / "uses.jsonl"
    done = hub_command("export-uses", "--db", hub.db_url, "--out", str(out))
    assert done.returncode == 0, done.stderr
    uses = [json.loads(line) for line in out.read_text().splitlines()]
    assert {(u["kind"], u["number"], u["post"], u["inspection_id"]) for u in uses} == {
        ("kp", "BW2026004417", "BE-ANR-DO", closed),
        ("kp", "ZA2026000123", "BE-ANR-DO", voided),
    }
    assert all(u["used_on"] == "2026-11-26" for u in uses)


def test_the_same_record_twice_is_stored_once_with_the_same_receipt(
    hub: HubProcess, tmp_path: Path, kiosks: list[KioskUnderTest]
) -> None:
    kiosk = _kiosk(kiosks, hub, tmp_path / "k1")
    inspection_id = kiosk.finish()
    (item,) = kiosk.store.outbox_due(datetime.now(UTC), 10)
    body, _head = build_record(kiosk.store, item)
    token = (
        kiosk.settings.sync.token_file and Path(kiosk.settings.sync.token_file).read_text().strip()
    )

    first_status, first = _post(hub, body, token)
    second_status, second = _post(hub, body, token)

    assert (first_status, second_status) == (200, 200)
    assert first["receipt"] == second["receipt"]
    assert (first["duplicate"], second["duplicate"]) == (False, True)
    # The kiosk was "killed" after sending and before marking it sent: it sends again.
    result = Uploader(kiosk.settings, kiosk.store).run_once()
    assert (result.sent, result.waiting) == (1, 0)
    (sent,) = kiosk.store.outbox_items(include_sent=True)
    assert sent.receipt == first["receipt"]
    db = _hub_db(hub)
    try:
        assert db.record_count(kiosk.kiosk_id) == 1
        assert db.audit_breaks(kiosk.kiosk_id) == []
        assert db.record(inspection_id) is not None
    finally:
        db.close()
    # The same id with other content is refused, not stored over the first.
    body["inspection"] = {**body["inspection"], "inspector": "someone-else"}  # type: ignore[dict-item]
    status, answer = _post(hub, body, token)
    assert status == 409
    assert "other content" in str(answer["detail"])


def test_records_wait_out_a_hub_outage_and_arrive_once(
    sqlite_hub: HubProcess, tmp_path: Path, kiosks: list[KioskUnderTest]
) -> None:
    hub = sqlite_hub
    kiosk = _kiosk(kiosks, hub, tmp_path / "k1")
    first = kiosk.finish()
    assert Uploader(kiosk.settings, kiosk.store).run_once().sent == 1
    hub.stop()
    later = [kiosk.finish(), kiosk.finish()]
    now = datetime.now(UTC)

    down = Uploader(kiosk.settings, kiosk.store, clock=lambda: now).run_once()

    assert not down.ok
    assert (down.sent, down.failed, down.waiting) == (0, 2, 2)
    assert "hub unreachable" in down.message
    items = kiosk.store.outbox_items()
    assert [item.attempts for item in items] == [1, 1]
    assert all(item.next_attempt_at >= now + timedelta(seconds=9) for item in items)
    assert kiosk.store.outbox_summary().failing == 2
    # Before their back-off ends the records are not tried again.
    again = Uploader(kiosk.settings, kiosk.store, clock=lambda: now).run_once()
    assert (again.sent, again.failed, again.waiting) == (0, 0, 2)
    assert [item.attempts for item in kiosk.store.outbox_items()] == [1, 1]

    # The kiosk restarts: the queue is in its database.
    kiosk.store.close()
    kiosk.store = type(kiosk.store).open(kiosk.settings.database_url)
    hub.start()
    late = now + timedelta(seconds=kiosk.settings.sync.backoff_max_s + 1)
    back = Uploader(kiosk.settings, kiosk.store, clock=lambda: late).run_once()

    assert back.ok, back.message
    assert (back.sent, back.waiting) == (2, 0)
    db = _hub_db(hub)
    try:
        assert db.record_count(kiosk.kiosk_id) == 3
        assert all(db.record(i) is not None for i in [first, *later])
        assert db.audit_breaks(kiosk.kiosk_id) == []
    finally:
        db.close()


def test_two_kiosks_upload_to_one_hub_and_each_token_speaks_for_its_kiosk_only(
    hub: HubProcess, tmp_path: Path, kiosks: list[KioskUnderTest]
) -> None:
    a = _kiosk(kiosks, hub, tmp_path / "a", "ANR-DO-01")
    b = _kiosk(kiosks, hub, tmp_path / "b", "BRU-AIR-02")
    for _ in range(2):
        a.finish()
        b.finish()
    assert Uploader(a.settings, a.store).run_once().sent == 2
    assert Uploader(b.settings, b.store).run_once().sent == 2
    db = _hub_db(hub)
    try:
        assert (db.record_count(a.kiosk_id), db.record_count(b.kiosk_id)) == (2, 2)
        heads = {k.kiosk_id: (k.audit_seq, k.audit_hash) for k in db.kiosks()}
        assert heads[a.kiosk_id] == a.store.audit_head()
        assert heads[b.kiosk_id] == b.store.audit_head()
        assert db.audit_breaks(a.kiosk_id) == db.audit_breaks(b.kiosk_id) == []
    finally:
        db.close()
    # Kiosk B's record sent with kiosk A's token is refused.
    b.finish()
    a_token = Path(a.settings.sync.token_file).read_text().strip()
    (item,) = b.store.outbox_due(datetime.now(UTC), 10)
    status, answer = _post(hub, build_record(b.store, item)[0], a_token)
    assert status == 403
    assert a.kiosk_id in str(answer["detail"])


def test_a_wrong_token_is_refused_and_the_records_wait(
    sqlite_hub: HubProcess, tmp_path: Path, kiosks: list[KioskUnderTest]
) -> None:
    add_kiosk(sqlite_hub.db_url, "ANR-DO-01")
    kiosk = make_kiosk(tmp_path / "k1", sqlite_hub.url, "kh1_not-the-token")
    kiosks.append(kiosk)
    kiosk.finish()

    result = Uploader(kiosk.settings, kiosk.store).run_once()

    assert not result.ok
    assert (result.sent, result.failed, result.waiting) == (0, 1, 1)
    assert "refused this kiosk's token" in result.message
    assert "unknown or revoked" in result.message
    db = _hub_db(sqlite_hub)
    try:
        assert db.record_count() == 0
    finally:
        db.close()


def test_a_rewritten_kiosk_history_is_flagged_at_the_hub_and_the_record_kept(
    hub: HubProcess, tmp_path: Path, kiosks: list[KioskUnderTest]
) -> None:
    kiosk = _kiosk(kiosks, hub, tmp_path / "k1")
    kiosk.finish()
    assert Uploader(kiosk.settings, kiosk.store).run_once().audit_flags == ()
    rewrite_history(tmp_path / "k1" / "kiosk.sqlite", seq=2)  # the scanned KP number
    assert kiosk.store.verify_audit().ok  # locally the forgery is consistent
    second = kiosk.finish()

    result = Uploader(kiosk.settings, kiosk.store).run_once()

    assert result.sent == 1
    assert result.audit_flags
    assert "rewritten" in result.audit_flags[0]
    assert "flagged the audit chain" in result.message
    # The sync screen's status carries it (SyncService publishes current_status).
    assert current_status(kiosk.settings, kiosk.store).audit_flag == result.audit_flags[-1]
    db = _hub_db(hub)
    try:
        stored = db.record(second)
        assert stored is not None
        assert stored["flags"] == list(result.audit_flags)
        ((kiosk_id, _seq, why),) = db.audit_breaks(kiosk.kiosk_id)
        assert kiosk_id == kiosk.kiosk_id
        assert "rewritten" in why
    finally:
        db.close()
    # The hub follows the kiosk's chain from here: the next record is not flagged again.
    kiosk.finish()
    assert Uploader(kiosk.settings, kiosk.store).run_once().audit_flags == ()


def test_the_hub_answers_bad_requests_with_one_line(sqlite_hub: HubProcess) -> None:
    token = add_kiosk(sqlite_hub.db_url, "ANR-DO-01")
    status, answer = _post(sqlite_hub, {"format": 1, "inspection_id": "X"}, token)
    assert status == 422
    assert isinstance(answer["detail"], str)
    assert "\n" not in answer["detail"]
    status, answer = _post(sqlite_hub, {}, "")
    assert status in (401, 422)


def test_a_refused_record_in_a_batch_leaves_the_others_stored(
    hub: HubProcess, tmp_path: Path, kiosks: list[KioskUnderTest]
) -> None:
    kiosk = _kiosk(kiosks, hub, tmp_path / "k1")
    for _ in range(3):
        kiosk.finish()
    bodies = [build_record(kiosk.store, item)[0] for item in kiosk.store.outbox_items()]
    token = Path(kiosk.settings.sync.token_file).read_text().strip()
    assert _post(hub, bodies[1], token)[0] == 200
    bodies[0]["photo"]["sha256"] = "0" * 64  # type: ignore[index]
    bodies[1]["inspection"] = {**bodies[1]["inspection"], "inspector": "x"}  # type: ignore[dict-item]
    request = urllib.request.Request(
        hub.url + "/api/v1/records/batch",
        data=json.dumps({"records": bodies}).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        results = json.loads(answer.read())["results"]
    assert [r["status"] for r in results] == [400, 409, 200]
    assert "photo does not match" in results[0]["detail"]
    assert "other content" in results[1]["detail"]
    db = _hub_db(hub)
    try:
        assert db.record_count(kiosk.kiosk_id) == 2
        assert db.audit_breaks(kiosk.kiosk_id) == []
    finally:
        db.close()
