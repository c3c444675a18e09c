"""Issue #7.4, kill during an upload: SIGKILL a kiosk sending its outbox at each step.

A child process runs ``Uploader.run_once()`` against a real ``kiosk-hub serve`` on 127.0.0.1
and kills itself before the request, after the hub answered but before the records are
marked sent, and after they are marked sent. After a restart and another run the hub holds
each record once, the outbox is empty, the database is sound and the audit chain verifies
on both sides.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crash.harness import child_env, integrity_check, python_argv, run_child, run_killed
from kiosk.hub.db import HubDatabase
from kiosk.store import Store
from tests.records.hubproc import HubProcess, add_kiosk
from tests.records.kiosks import make_kiosk

CHILD = Path(__file__).resolve().parent / "upload_child.py"
RECORDS = 3


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    """One hub for the module (each test has a kiosk of its own)."""
    folder = tmp_path_factory.mktemp("hub")
    proc = HubProcess(f"sqlite:///{folder / 'hub.sqlite'}", folder / "repo")
    proc.start()
    yield proc
    proc.stop()


def _waiting(db: Path) -> int:
    store = Store.open(f"sqlite:///{db}")
    try:
        return store.outbox_summary().waiting
    finally:
        store.close()


@pytest.mark.parametrize(
    ("point", "held_at_kill", "waiting_at_kill"),
    [
        ("outbox:before-request", 0, RECORDS),
        ("outbox:answered", RECORDS, RECORDS),
        ("outbox:marked-sent", RECORDS, 0),
    ],
)
def test_a_kill_during_an_upload_loses_and_doubles_nothing(
    hub: HubProcess, tmp_path: Path, point: str, held_at_kill: int, waiting_at_kill: int
) -> None:
    kiosk_id = "K-" + point.rpartition(":")[2].upper()
    kiosk = make_kiosk(tmp_path / "kiosk", hub.url, add_kiosk(hub.db_url, kiosk_id), kiosk_id)
    try:
        ids = [kiosk.finish() for _ in range(RECORDS)]
    finally:
        kiosk.store.close()
    db = kiosk.folder / "kiosk.sqlite"
    argv = python_argv(CHILD, str(kiosk.folder), hub.url, kiosk_id)
    env = child_env(tmp_path / "home")

    run_killed(argv, point, env=env)

    assert integrity_check(db) == "ok"
    hub_db = HubDatabase.open(hub.db_url)
    try:
        assert hub_db.record_count(kiosk_id) == held_at_kill
    finally:
        hub_db.close()
    assert _waiting(db) == waiting_at_kill

    again = run_child(argv, env)
    assert again.returncode == 0, again.stdout + again.stderr

    assert integrity_check(db) == "ok"
    store = Store.open(f"sqlite:///{db}")
    try:
        assert store.outbox_summary().waiting == 0
        assert store.verify_audit().ok
    finally:
        store.close()
    hub_db = HubDatabase.open(hub.db_url)
    try:
        assert hub_db.record_count(kiosk_id) == RECORDS  # each record once
        for inspection_id in ids:
            stored = hub_db.record(inspection_id)
            assert stored is not None
            assert not stored["flags"], stored["flags"]
        assert hub_db.audit_breaks(kiosk_id) == []
    finally:
        hub_db.close()
