"""Opening the database: migration from an empty file, pragmas, schema drift, append-only log."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kiosk.store import Database, Store, StoreError
from kiosk.store.database import apply_sqlite_pragmas, current_revision, head_revision
from kiosk.store.migrations import HEAD_REVISION
from kiosk.store.tables import Base
from store.helpers import KIOSK, POST, T0

TABLES = {
    "users",
    "inspections",
    "inspection_identifiers",
    "weight_readings",
    "photos",
    "verdicts",
    "verdict_reasons",
    "overrides",
    "kp_certificates",
    "kp_participants",
    "declarations",
    "listed_parties",
    "listed_names",
    "data_versions",
    "events",
    "revoked_badges",
}


def _path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def test_migrates_an_empty_file_to_head(db_url: str) -> None:
    assert not _path(db_url).parent.exists()
    db = Database.open(db_url)
    try:
        assert head_revision() == "0007" == HEAD_REVISION
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    finally:
        db.close()
    raw = sqlite3.connect(_path(db_url))
    try:
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = raw.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        raw.close()
    assert names >= TABLES
    assert version == [(HEAD_REVISION,)]


def test_reopening_is_a_no_op_and_keeps_data(db_url: str) -> None:
    with Store.open(db_url) as first:
        made = first.create_inspection(POST, KIOSK, "inspector", T0)
    with Store.open(db_url) as second:
        assert second.get(made.id) == made
        assert current_revision(second.database.engine) == HEAD_REVISION


def test_migration_matches_the_table_models(store: Store) -> None:
    with store.database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_events_are_append_only(store: Store) -> None:
    made = store.create_inspection(POST, KIOSK, "inspector", T0)
    assert [e.kind for e in store.events(made.id)] == ["create"]
    for statement in ("UPDATE events SET kind = 'forged'", "DELETE FROM events"):
        with (
            store.database.engine.begin() as conn,
            pytest.raises(IntegrityError, match="append-only"),
        ):
            conn.execute(text(statement))
    assert [e.kind for e in store.events(made.id)] == ["create"]


def test_foreign_keys_are_enforced(store: Store) -> None:
    with (
        store.database.engine.begin() as conn,
        pytest.raises(IntegrityError, match="FOREIGN KEY"),
    ):
        conn.execute(
            text(
                "INSERT INTO photos (inspection_id, seq, path, sha256, width, height,"
                " taken_at, at) VALUES ('nope', 1, 'p', 'x', 1, 1, 't', 't')"
            )
        )


def test_a_database_newer_than_the_kiosk_is_refused(db_url: str) -> None:
    Database.open(db_url).close()
    raw = sqlite3.connect(_path(db_url))
    with raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099'")
    raw.close()
    with pytest.raises(StoreError, match="newer than this kiosk"):
        Database.open(db_url)


def test_bad_url_and_unwritable_folder_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        Database.open("no url at all")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the database folder"):
        Database.open(f"sqlite:///{blocker / 'sub' / 'k.sqlite'}")


def test_not_a_database_file_gives_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite" * 200)
    with pytest.raises(StoreError, match="cannot open the database"):
        Database.open(f"sqlite:///{junk}")


@contextmanager
def _writer_holding(path: Path, seconds: float | None) -> Iterator[None]:
    """Another process's view: a rollback-journal file with a write transaction open.

    SQLite answers a switch into WAL with "database is locked" at once, without its busy
    handler, while another connection holds a write lock: what a second process starting on
    a new database file met. The transaction ends after ``seconds`` (``None``: at exit).
    """
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE IF NOT EXISTS held (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO held VALUES (1)")
    timer = threading.Timer(seconds, other.commit) if seconds is not None else None
    if timer is not None:
        timer.start()
    try:
        yield
    finally:
        if timer is not None:
            timer.join()
        else:
            other.rollback()
        other.close()


def test_switching_to_wal_waits_for_another_writer_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    with _writer_holding(path, 0.3):
        raw = sqlite3.connect(path, isolation_level=None)
        started = time.monotonic()
        apply_sqlite_pragmas(raw, ("PRAGMA journal_mode=WAL",), busy_timeout_ms=5000)
        waited = time.monotonic() - started
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert raw.execute("PRAGMA busy_timeout").fetchone() == (5000,)
        raw.close()
    assert 0.2 < waited < 4


def test_a_writer_that_never_ends_gives_the_busy_error_after_the_timeout(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    with _writer_holding(path, None):
        raw = sqlite3.connect(path, isolation_level=None)
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            apply_sqlite_pragmas(raw, ("PRAGMA journal_mode=WAL",), busy_timeout_ms=300)
        assert time.monotonic() - started >= 0.3
        raw.close()


def test_the_kiosk_opens_a_new_file_another_process_is_writing(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    with _writer_holding(path, 0.3):
        db = Database.open(f"sqlite:///{path}")
        try:
            assert current_revision(db.engine) == HEAD_REVISION
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        finally:
            db.close()
