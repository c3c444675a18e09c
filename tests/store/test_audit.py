"""The hash-chained audit trail: chaining on append, tamper detection, migration, settings."""

from __future__ import annotations

import dataclasses
import itertools
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from kiosk.store import Store
from kiosk.store.audit import GENESIS_HASH, ChainEntry, entry_hash, verify_chain
from kiosk.store.database import Database, alembic_config
from store.helpers import KIOSK, POST, T0, at, kp_identifier, reading

DROP_TRIGGERS = (
    "DROP TRIGGER events_append_only_update",
    "DROP TRIGGER events_append_only_delete",
)


def _path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _filled(store: Store) -> Store:
    """A store with a few real steps logged (user added, inspection and its inputs)."""
    store.add_user("inspector", "An Peeters", "inspector", "1234", badge="04A1B2C3D4")
    inspection = store.create_inspection(POST, KIOSK, "inspector", T0)
    store.add_identifier(inspection.id, kp_identifier(), at(1))
    store.set_reading(inspection.id, reading(), at(5))
    store.void_inspection(inspection.id, "test parcel — Ünïcode reason", at(6))
    store.note_settings("ab" * 32, "/etc/kiosk.toml", at(7))
    return store


def _tamper(url: str, *statements: str) -> None:
    """What an attacker with the file would do: drop the triggers, then change rows."""
    raw = sqlite3.connect(_path(url))
    try:
        for statement in (*DROP_TRIGGERS, *statements):
            raw.execute(statement)
        raw.commit()
    finally:
        raw.close()


def test_every_event_is_chained_from_the_genesis(store: Store) -> None:
    _filled(store)
    entries = store.audit_entries()
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert entries[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.hash
    first = entries[0]
    assert first.hash == entry_hash(
        1, first.at, "user_added", None, None, first.detail, GENESIS_HASH
    )
    report = store.verify_audit()
    assert report.ok
    assert report.count == len(entries) == 6
    assert (report.head_seq, report.head_hash) == store.audit_head() == (6, entries[-1].hash)
    assert report.message == f"audit chain intact: 6 entries, head {entries[-1].hash}"


def test_an_empty_log_verifies_with_the_genesis_head(store: Store) -> None:
    assert store.audit_head() == (0, GENESIS_HASH)
    report = store.verify_audit()
    assert (report.ok, report.count, report.head_hash) == (True, 0, GENESIS_HASH)


def test_a_changed_detail_is_found(store: Store) -> None:
    _filled(store)
    _tamper(
        store.url,
        "UPDATE events SET detail = json_set(detail, '$.reason', 'nothing to see') WHERE seq = 5",
    )
    report = store.verify_audit()
    assert (report.ok, report.first_bad, report.why) == (False, 5, "altered")
    assert report.message == "audit chain broken at entry 5: altered"


@pytest.mark.parametrize("column", ["kind = 'sign_in'", "actor = 'mallory'", "at = '2020'"])
def test_any_changed_field_is_found(store: Store, column: str) -> None:
    _filled(store)
    _tamper(store.url, f"UPDATE events SET {column} WHERE seq = 3")
    assert (store.verify_audit().first_bad, store.verify_audit().why) == (3, "altered")


def test_a_deleted_row_is_found(store: Store) -> None:
    _filled(store)
    _tamper(store.url, "DELETE FROM events WHERE seq = 3")
    report = store.verify_audit()
    assert (report.ok, report.first_bad, report.why) == (False, 3, "removed")


def test_a_deleted_row_with_the_rest_renumbered_is_found(store: Store) -> None:
    _filled(store)
    _tamper(
        store.url,
        "DELETE FROM events WHERE seq = 3",
        "UPDATE events SET seq = seq - 1 WHERE seq > 3",
    )
    report = store.verify_audit()
    assert (report.first_bad, report.why) == (3, "altered")


def test_two_swapped_rows_are_found(store: Store) -> None:
    _filled(store)
    cols = "seq, at, kind, inspection_id, actor, detail, prev_hash, hash"
    _tamper(
        store.url,
        f"CREATE TEMP TABLE a AS SELECT {cols} FROM events WHERE seq = 2",
        f"CREATE TEMP TABLE b AS SELECT {cols} FROM events WHERE seq = 4",
        "UPDATE events SET seq = -1 WHERE seq = 2",
        "UPDATE events SET seq = -2 WHERE seq = 4",
        f"UPDATE events SET ({cols}) = (SELECT {cols} FROM b) WHERE seq = -1",
        f"UPDATE events SET ({cols}) = (SELECT {cols} FROM a) WHERE seq = -2",
    )
    assert [e.seq for e in store.audit_entries()][:5] == [1, 4, 3, 2, 5]
    report = store.verify_audit()
    assert (report.ok, report.first_bad, report.why) == (False, 2, "reordered")


def test_a_row_forged_without_the_store_is_found(store: Store) -> None:
    _filled(store)
    raw = sqlite3.connect(_path(store.url))
    try:
        raw.execute(
            "INSERT INTO events (kind, at, actor, detail, seq, prev_hash, hash) "
            "VALUES ('sign_in', '2026-11-26T16:00:00.000000Z', 'mallory', '{}', 7, 'x', 'y')"
        )
        raw.commit()
    finally:
        raw.close()
    assert (store.verify_audit().first_bad, store.verify_audit().why) == (7, "altered")


def test_a_truncated_log_is_found_against_a_known_head(store: Store) -> None:
    _filled(store)
    head = store.audit_head()
    assert store.verify_audit(head).ok
    _tamper(store.url, "DELETE FROM events WHERE seq >= 5")
    assert store.verify_audit().ok  # locally, a cut tail cannot be seen...
    report = store.verify_audit(head)  # ...but the head sent away shows it
    assert (report.ok, report.first_bad, report.why) == (False, 5, "removed")
    assert not verify_chain(store.audit_entries(), (2, "0" * 64)).ok


def test_a_clean_chain_of_thousands_of_events_verifies(store: Store) -> None:
    count = 3000
    with store._write() as session:  # the real append path, in one transaction for speed
        for i in range(count):
            store._event(session, "step", at(i), {"i": i, "text": f"entry {i}"}, actor="x")
    started = time.perf_counter()
    report = store.verify_audit()
    elapsed_s = time.perf_counter() - started
    assert (report.ok, report.count, report.head_seq) == (True, count, count)
    assert elapsed_s < 5.0
    # One changed entry deep inside is still found.
    _tamper(store.url, "UPDATE events SET actor = 'y' WHERE seq = 2718")
    assert (store.verify_audit().first_bad, store.verify_audit().why) == (2718, "altered")


def test_verify_chain_is_pure_and_names_the_first_breach() -> None:
    entries: list[ChainEntry] = []
    prev = GENESIS_HASH
    for seq in range(1, 6):
        digest = entry_hash(seq, f"t{seq}", "k", None, None, {"n": seq}, prev)
        entries.append(ChainEntry(seq, f"t{seq}", "k", None, None, {"n": seq}, prev, digest))
        prev = digest
    assert verify_chain(entries).ok
    assert verify_chain(iter(entries)).ok
    altered = [*entries[:3], dataclasses.replace(entries[3], detail={"n": 0}), entries[4]]
    assert (verify_chain(altered).first_bad, verify_chain(altered).why) == (4, "altered")
    removed = [entries[0], entries[2], entries[3], entries[4]]
    assert (verify_chain(removed).first_bad, verify_chain(removed).why) == (2, "removed")
    reordered = [entries[0], entries[2], entries[1], entries[3], entries[4]]
    assert (verify_chain(reordered).first_bad, verify_chain(reordered).why) == (2, "reordered")
    duplicated = [entries[0], entries[1], entries[1], entries[2]]
    assert (verify_chain(duplicated).first_bad, verify_chain(duplicated).why) == (3, "reordered")
    unchained = [dataclasses.replace(entries[0], seq=None)]
    assert verify_chain(unchained).why == "altered"
    huge = [entries[0], dataclasses.replace(entries[1], seq=10**15)]
    assert verify_chain(huge).why == "removed"  # no hang on an absurd seq


def test_settings_are_recorded_only_when_they_change(store: Store) -> None:
    assert store.note_settings("aa" * 32, "/etc/kiosk.toml", T0)
    assert not store.note_settings("aa" * 32, "/etc/kiosk.toml", at(60))
    assert store.note_settings("bb" * 32, "/etc/kiosk.toml", at(120))
    changes = [e for e in store.events() if e.kind == "settings_changed"]
    assert [(e.detail["sha256"], e.detail["previous"]) for e in changes] == [
        ("aa" * 32, None),
        ("bb" * 32, "aa" * 32),
    ]
    assert store.verify_audit().ok


def test_migration_from_0002_chains_the_old_rows(db_url: str) -> None:
    path = _path(db_url)
    path.parent.mkdir(parents=True)
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002")
            for i in range(50):
                conn.exec_driver_sql(
                    "INSERT INTO events (kind, at, actor, detail) VALUES (?, ?, ?, ?)",
                    ("sign_in", f"2026-11-01T10:00:{i:02d}.000000Z", "an", f'{{"n": {i}}}'),
                )
    finally:
        engine.dispose()
    db = Database.open(db_url)  # migrates 0002 -> 0003
    store = Store(db)
    try:
        entries = store.audit_entries()
        assert [e.seq for e in entries] == list(range(1, 51))
        assert entries[0].detail == {"n": 0}
        assert store.verify_audit().ok
        store.note_settings("cc" * 32, "defaults", T0)  # new entries chain on
        assert store.audit_head()[0] == 51
        assert store.verify_audit().ok
    finally:
        store.close()
    raw = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("UPDATE events SET kind = 'x' WHERE seq = 1")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("DELETE FROM events WHERE seq = 1")
        sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'events'").fetchone()[0]
        assert "AUTOINCREMENT" in sql
    finally:
        raw.close()


def test_two_processes_appending_at_once_keep_one_chain(store: Store) -> None:
    script = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from kiosk.store import Store\n"
        "with Store.open(sys.argv[1]) as s:\n"
        "    for i in range(60):\n"
        "        s.note_settings(f'{sys.argv[2]}{i:063x}', 'proc', datetime.now(UTC))\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, store.url, tag]) for tag in ("a", "b")]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    report = store.verify_audit()
    assert (report.ok, report.count) == (True, 120)
    tags = {e.detail["sha256"][0] for e in store.events()}
    assert tags == {"a", "b"}
