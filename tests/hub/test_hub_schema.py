"""The hub database's migrations: from empty, from a create_all-era hub, refusals, the commands.

Every test runs on SQLite and again on PostgreSQL when ``KIOSK_TEST_PG_URL`` is set.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from kiosk.hub.cli import main
from kiosk.hub.db import HubBase, HubDatabase, HubError, IncomingRecord, token_sha256
from kiosk.hub.migrations import HEAD_REVISION, VERSION_TABLE
from kiosk.hub.schema import CREATE_ALL_TABLES, head_revision, known_revisions
from kiosk.store.audit import GENESIS_HASH, entry_hash
from kiosk.store.codec import instant_text

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
TOKEN = "kh1_" + "t" * 43
T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def _engine(url: str) -> Engine:
    return create_engine(url)


def _schema_diff(db_url: str) -> list[object]:
    """What Alembic's autogenerate finds between the database and the models (none: equal)."""
    engine = _engine(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "version_table": VERSION_TABLE}
            )
            return list(compare_metadata(context, HubBase.metadata))
    finally:
        engine.dispose()


def _versions(db_url: str) -> list[str]:
    engine = _engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
            return [str(v) for (v,) in rows]
    finally:
        engine.dispose()


def _tables(db_url: str) -> set[str]:
    engine = _engine(db_url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _make_create_all_era_hub(db_url: str) -> None:
    """What an earlier hub left: its create_all tables (recorded DDL) with a kiosk, a record,
    an audit entry and break, and a certificate use in them; no version table."""
    dialect = make_url(db_url).get_backend_name()
    ddl = (DATA / f"create_all_0001.{dialect}.sql").read_text(encoding="utf-8")
    statements = [
        "\n".join(line for line in chunk.splitlines() if not line.startswith("--")).strip()
        for chunk in ddl.split(";\n")
    ]
    detail = {"identifier": {"kind": "kp", "value": "BW2026004417"}}
    at = "2026-11-20T08:00:00.000000+00:00"
    first = entry_hash(1, at, "scan", "INS-1", "apeeters", detail, GENESIS_HASH)
    engine = _engine(db_url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                if statement:
                    conn.exec_driver_sql(statement)
            conn.execute(
                text(
                    "INSERT INTO hub_kiosks (kiosk_id, post, token_sha256, active, created_at,"
                    " audit_seq, audit_hash, last_seen_at) VALUES ('ANR-DO-01', 'BE-ANR-DO',"
                    " :token, :active, :at, 1, :head, :at)"
                ),
                {
                    "token": token_sha256(TOKEN),
                    "active": True,
                    "at": instant_text(T0),
                    "head": first,
                },
            )
            conn.execute(
                text(
                    "INSERT INTO hub_records (inspection_id, kiosk_id, post, received_at,"
                    " receipt_id, content_sha256, inspection, photo, photo_sha256, flags) VALUES"
                    " ('INS-1', 'ANR-DO-01', 'BE-ANR-DO', :at, 'R-OLD', :digest, :inspection,"
                    " :photo, :digest, :flags)"
                ).bindparams(
                    sa.bindparam("inspection", type_=sa.JSON),
                    sa.bindparam("flags", type_=sa.JSON),
                    sa.bindparam("photo", type_=sa.LargeBinary),
                ),
                {
                    "at": instant_text(T0),
                    "digest": "a" * 64,
                    "inspection": {"id": "INS-1", "started_at": "2026-11-20T08:00:00Z"},
                    "photo": b"\xff\xd8jpeg",
                    "flags": ["audit chain of ANR-DO-01 at entry 1: an earlier break"],
                },
            )
            conn.execute(
                text(
                    "INSERT INTO hub_audit_entries (kiosk_id, seq, at, kind, inspection_id, actor,"
                    " detail, prev_hash, hash, received_at) VALUES ('ANR-DO-01', 1, :at, 'scan',"
                    " 'INS-1', 'apeeters', :detail, :genesis, :hash, :received)"
                ).bindparams(sa.bindparam("detail", type_=sa.JSON)),
                {
                    "at": at,
                    "detail": detail,
                    "genesis": GENESIS_HASH,
                    "hash": first,
                    "received": instant_text(T0),
                },
            )
            conn.execute(
                text(
                    "INSERT INTO hub_audit_breaks (kiosk_id, seq, why, inspection_id, found_at)"
                    " VALUES ('ANR-DO-01', 1, 'an earlier break', 'INS-1', :at)"
                ),
                {"at": instant_text(T0)},
            )
            conn.execute(
                text(
                    "INSERT INTO hub_certificate_uses (kind, number, post, used_on, inspection_id,"
                    " kiosk_id) VALUES ('kp', 'BW2026004417', 'BE-ANR-DO', :day, 'INS-1',"
                    " 'ANR-DO-01')"
                ).bindparams(sa.bindparam("day", type_=sa.Date)),
                {"day": T0.date()},
            )
    finally:
        engine.dispose()


def test_the_head_constant_is_alembics_head() -> None:
    assert known_revisions() == ["0001", "0002"]
    assert head_revision() == HEAD_REVISION == "0002"


def test_migrations_from_empty_give_exactly_the_models_schema(empty_db_url: str) -> None:
    db = HubDatabase.open(empty_db_url)
    try:
        state = db.schema_state()
        assert (state.revision, state.up_to_date) == (HEAD_REVISION, True)
    finally:
        db.close()
    assert _schema_diff(empty_db_url) == []
    assert _versions(empty_db_url) == [HEAD_REVISION]


def test_a_create_all_era_database_is_stamped_upgraded_and_kept(empty_db_url: str) -> None:
    _make_create_all_era_hub(empty_db_url)
    assert {t for t in _tables(empty_db_url) if t.startswith("hub_")} == set(CREATE_ALL_TABLES)

    db = HubDatabase.open(empty_db_url)
    try:
        assert db.schema_state().revision == HEAD_REVISION
        kiosk = db.kiosk_for_token(TOKEN)
        assert kiosk is not None
        assert (kiosk.kiosk_id, kiosk.audit_seq, kiosk.created_at) == ("ANR-DO-01", 1, T0)
        record = db.record("INS-1")
        assert record is not None
        assert record["receipt_id"] == "R-OLD"
        assert record["photo_bytes"] == len(b"\xff\xd8jpeg")
        # The break found by the earlier hub is open, and can be acknowledged.
        (old,) = db.breaks("ANR-DO-01")
        assert (old.why, old.inspection_id, old.ack) == ("an earlier break", "INS-1", None)
        assert db.acknowledge_breaks("ANR-DO-01", "S. Janssens", "checked").breaks == 1
        assert db.breaks("ANR-DO-01") == []
        # New rows after the upgrade: a new break (its id follows the old one), a new kiosk.
        receipt = db.receive(
            kiosk,
            IncomingRecord(
                "INS-2", "ANR-DO-01", "BE-ANR-DO", {}, None, None, [], (0, GENESIS_HASH)
            ),
        )
        assert receipt.audit_flags
        assert "entries were removed" in receipt.audit_open[0]
        (new,) = db.breaks("ANR-DO-01")
        assert new.break_id > old.break_id
        db.add_kiosk("ANR-DO-02")
        assert [k.kiosk_id for k in db.kiosks()] == ["ANR-DO-01", "ANR-DO-02"]
    finally:
        db.close()
    assert _versions(empty_db_url) == [HEAD_REVISION]
    assert _schema_diff(empty_db_url) == []


def test_unversioned_tables_that_are_not_revision_0001_are_refused_and_left_alone(
    empty_db_url: str,
) -> None:
    engine = _engine(empty_db_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TABLE hub_kiosks (kiosk_id VARCHAR(40) PRIMARY KEY, token VARCHAR(64))"
            )
    finally:
        engine.dispose()
    with pytest.raises(HubError, match="not those of revision 0001") as caught:
        HubDatabase.open(empty_db_url)
    assert "\n" not in str(caught.value)
    assert "no table hub_audit_breaks" in str(caught.value)
    assert _tables(empty_db_url) == {"hub_kiosks"}


def test_a_database_at_a_newer_revision_is_refused_in_one_line(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    HubDatabase.open(empty_db_url).close()
    engine = _engine(empty_db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '0099'"))
    finally:
        engine.dispose()

    with pytest.raises(HubError, match="newer than this hub") as caught:
        HubDatabase.open(empty_db_url)
    assert "'0099'" in str(caught.value)
    assert "\n" not in str(caught.value)

    code, out, err = _run(capsys, "kiosks", "list", "--db", empty_db_url)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert "update kiosk-hub" in err
    code, out, err = _run(capsys, "db", "current", "--db", empty_db_url)
    assert code == 1
    assert json.loads(out)["revision"] == "0099"
    assert json.loads(out)["usable"] is False
    assert err.count("\n") == 1
    code, out, err = _run(capsys, "db", "upgrade", "--db", empty_db_url)
    assert (code, out) == (1, "")
    assert "newer than this hub" in err
    assert _versions(empty_db_url) == ["0099"]  # left alone


def test_db_current_and_db_upgrade_commands(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_create_all_era_hub(empty_db_url)
    code, out, err = _run(capsys, "db", "current", "--db", empty_db_url)
    assert (code, err) == (0, "")
    current = json.loads(out)
    assert (current["revision"], current["up_to_date"], current["usable"]) == (
        "unversioned",
        False,
        True,
    )
    assert VERSION_TABLE not in _tables(empty_db_url)  # current changes nothing

    code, out, err = _run(capsys, "db", "upgrade", "--db", empty_db_url)
    assert (code, err) == (0, "")
    assert json.loads(out) | {"db": ""} == {
        "db": "",
        "from": "unversioned",
        "to": HEAD_REVISION,
        "changed": True,
    }
    code, out, _ = _run(capsys, "db", "upgrade", "--db", empty_db_url)
    assert (json.loads(out)["from"], json.loads(out)["changed"]) == (HEAD_REVISION, False)
    code, out, _ = _run(capsys, "db", "current", "--db", empty_db_url)
    assert json.loads(out)["revision"] == HEAD_REVISION
    assert json.loads(out)["up_to_date"] is True


def test_two_hub_processes_migrating_one_new_database_at_once_do_it_once(
    empty_db_url: str,
) -> None:
    command = [sys.executable, "-m", "kiosk.hub", "db", "upgrade", "--db", empty_db_url]
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    procs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for _ in range(2)
    ]
    outcomes = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outcomes]
    changed = sorted(json.loads(out)["changed"] for out, _ in outcomes)
    assert changed == [False, True]
    assert _versions(empty_db_url) == [HEAD_REVISION]


def test_opening_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    HubDatabase.open(url).close()
    probe = (
        "import sys; from kiosk.hub.db import HubDatabase; "
        f"HubDatabase.open({url!r}).close(); print('alembic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "False"), done.stderr


def test_a_create_all_era_database_changed_by_hand_is_refused_and_left_alone(
    empty_db_url: str,
) -> None:
    _make_create_all_era_hub(empty_db_url)
    engine = _engine(empty_db_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE hub_records ADD COLUMN remarks TEXT")
    finally:
        engine.dispose()
    with pytest.raises(HubError, match=r"\(hub_records: unexpected remarks\); left unchanged"):
        HubDatabase.open(empty_db_url)
    assert {t for t in _tables(empty_db_url) if t.startswith("hub_")} == set(CREATE_ALL_TABLES)


def test_db_current_creates_nothing_and_unreachable_databases_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none" / "hub.sqlite"
    code, out, err = _run(capsys, "db", "current", "--db", str(missing))
    assert (code, out, err) == (1, "", f"kiosk-hub: no hub database at {missing}\n")
    assert not missing.parent.exists()
    # psycopg's refusal has a hint on a second line; the hub says the first.
    code, out, err = _run(capsys, "kiosks", "list", "--db", "postgresql://hub@127.0.0.1:1/hub")
    assert (code, out) == (1, "")
    assert err.startswith("kiosk-hub: cannot open the hub database postgresql")
    assert err.count("\n") == 1
