"""The hub database's schema version: reading it, and upgrading with Alembic (configured in code).

``HubDatabase.open`` calls ``upgrade``: an up-to-date database costs one query (and no Alembic
import); an empty one gets every migration; a database an earlier hub made with ``create_all``
(hub tables, no ``hub_alembic_version``) is recognised when its tables are exactly those of
revision 0001, stamped 0001 and upgraded; a database at a revision this hub does not know (a
newer hub wrote it) is refused and left alone. The check and the upgrade run in one write
transaction (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), so two hub processes
opening the same new database at once migrate it once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from kiosk.hub.migrations import (
    CREATE_ALL_REVISION,
    HEAD_REVISION,
    SCRIPT_LOCATION,
    VERSION_TABLE,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

CREATE_ALL_TABLES: dict[str, frozenset[str]] = {
    "hub_kiosks": frozenset(
        {
            "kiosk_id",
            "post",
            "token_sha256",
            "active",
            "created_at",
            "audit_seq",
            "audit_hash",
            "last_seen_at",
        }
    ),
    "hub_records": frozenset(
        {
            "inspection_id",
            "kiosk_id",
            "post",
            "received_at",
            "receipt_id",
            "content_sha256",
            "inspection",
            "photo",
            "photo_sha256",
            "slip",
            "slip_sha256",
            "flags",
        }
    ),
    "hub_audit_entries": frozenset(
        {
            "kiosk_id",
            "seq",
            "at",
            "kind",
            "inspection_id",
            "actor",
            "detail",
            "prev_hash",
            "hash",
            "received_at",
        }
    ),
    "hub_audit_breaks": frozenset(
        {"id", "kiosk_id", "seq", "why", "inspection_id", "found_at"}
    ),
    "hub_certificate_uses": frozenset(
        {"id", "kind", "number", "post", "used_on", "inspection_id", "kiosk_id"}
    ),
}
"""The tables (and their columns) that hubs before migrations created: revision 0001."""

_PG_LOCK_KEY = 0x6B696F736B687562  # "kioskhub": the advisory lock held while migrating


def _one_line(error: BaseException | None) -> str:
    """The first line of a driver's error (psycopg adds hint lines)."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


class SchemaError(Exception):
    """The hub database's schema cannot be read or brought up to date; one line."""


def _unreachable(shown_url: str, exc: DBAPIError) -> SchemaError:
    return SchemaError(f"cannot open the hub database {shown_url}: {_one_line(exc.orig)}")


@dataclass(frozen=True, slots=True)
class SchemaState:
    """Where a hub database's schema stands.

    Attributes:
        revision: The revision in ``hub_alembic_version``; ``None`` when there is none.
        head: The newest revision this hub knows.
        unversioned_tables: Hub tables found without a version (a ``create_all``-era hub).
        known: This hub knows ``revision`` (``False``: a newer hub wrote the database).
    """

    revision: str | None
    head: str
    unversioned_tables: tuple[str, ...] = ()
    known: bool = True

    @property
    def label(self) -> str:
        """One word or revision for people: ``0002``, ``empty``, ``unversioned``."""
        if self.revision is not None:
            return self.revision
        return "unversioned" if self.unversioned_tables else "empty"

    @property
    def up_to_date(self) -> bool:
        """The database is at this hub's head."""
        return self.revision == self.head


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` built in code for the hub's migrations.

    Args:
        connection: An open connection for ``env.py`` to run on.
    """
    from alembic.config import Config  # loaded only to migrate

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def known_revisions() -> list[str]:
    """Every revision shipped with this hub, oldest first."""
    from alembic.script import ScriptDirectory  # loaded only to migrate

    script = ScriptDirectory.from_config(alembic_config())
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def head_revision() -> str:
    """The newest revision shipped with this hub (Alembic's view)."""
    from alembic.script import ScriptDirectory  # loaded only to migrate

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships 0001
        raise SchemaError("no hub database migrations found in the package")
    return head


def _version_rows(conn: Connection) -> list[str]:
    return [str(v) for (v,) in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]


def _quick_revision(engine: Engine) -> str | None:
    """The one revision recorded, or ``None`` (no table, no row, several rows)."""
    with engine.connect() as conn:
        try:
            rows = _version_rows(conn)
        except (OperationalError, ProgrammingError):
            return None  # no version table
    return rows[0] if len(rows) == 1 else None


def _state(conn: Connection, shown_url: str) -> SchemaState:
    """The schema state read on ``conn`` (inside the caller's transaction)."""
    tables = set(inspect(conn).get_table_names())
    if VERSION_TABLE in tables:
        rows = _version_rows(conn)
        if len(rows) > 1:
            raise SchemaError(
                f"the hub database {shown_url} records {len(rows)} schema versions; it needs repair"
            )
        if rows:
            revision = rows[0]
            return SchemaState(revision, HEAD_REVISION, known=revision in known_revisions())
    hub_tables = tuple(sorted(t for t in tables if t.startswith("hub_") and t != VERSION_TABLE))
    return SchemaState(None, HEAD_REVISION, unversioned_tables=hub_tables)


def read_state(engine: Engine, shown_url: str) -> SchemaState:
    """Where the database's schema stands, changing nothing.

    Raises:
        SchemaError: When the database cannot be reached or its version table is damaged.
    """
    try:
        with engine.connect() as conn:
            return _state(conn, shown_url)
    except DBAPIError as exc:
        raise _unreachable(shown_url, exc) from None


def _check_create_all_era(conn: Connection, state: SchemaState, shown_url: str) -> None:
    """Refuse unversioned hub tables that are not exactly revision 0001's."""
    inspector = inspect(conn)
    problems: list[str] = []
    for table in sorted(set(state.unversioned_tables) - set(CREATE_ALL_TABLES)):
        problems.append(f"unknown table {table}")
    for table, columns in sorted(CREATE_ALL_TABLES.items()):
        if table not in state.unversioned_tables:
            problems.append(f"no table {table}")
            continue
        found = {str(c["name"]) for c in inspector.get_columns(table)}
        if found != columns:
            extra, missing = sorted(found - columns), sorted(columns - found)
            what = ", ".join(
                [f"missing {c}" for c in missing] + [f"unexpected {c}" for c in extra]
            )
            problems.append(f"{table}: {what}")
    if problems:
        raise SchemaError(
            f"the hub database {shown_url} has hub tables but no schema version, and they are "
            f"not those of revision {CREATE_ALL_REVISION} ({'; '.join(problems[:3])}"
            f"{'; ...' if len(problems) > 3 else ''}); "
            "left unchanged"
        )


def _refuse_newer(state: SchemaState, shown_url: str) -> None:
    if state.revision is not None and not state.known:
        raise SchemaError(
            f"the hub database {shown_url} is at schema {state.revision!r}, newer than this hub "
            f"(knows up to {state.head!r}); update kiosk-hub"
        )


def upgrade(engine: Engine, write_engine: Engine, shown_url: str) -> tuple[SchemaState, str]:
    """Bring the database to this hub's head revision (no-op when it is there).

    Args:
        engine: The database's engine (the up-to-date check reads with it).
        write_engine: The same pool, its transactions taking the write lock at once on SQLite.
        shown_url: The database URL without password, for messages.

    Returns:
        The state found before, and the revision the database is at now.

    Raises:
        SchemaError: When the database cannot be reached, is at an unknown (newer) revision, or
            has unversioned hub tables that are not revision 0001's.
    """
    try:
        if _quick_revision(engine) == HEAD_REVISION:
            return SchemaState(HEAD_REVISION, HEAD_REVISION), HEAD_REVISION
        from alembic import command  # loaded only to migrate

        with write_engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            state = _state(conn, shown_url)
            if state.up_to_date:  # another process migrated it meanwhile
                return state, HEAD_REVISION
            _refuse_newer(state, shown_url)
            if state.revision is None and state.unversioned_tables:
                _check_create_all_era(conn, state, shown_url)
                log.info(
                    "hub database %s: tables of an earlier hub found; stamped %s",
                    shown_url,
                    CREATE_ALL_REVISION,
                )
                command.stamp(alembic_config(conn), CREATE_ALL_REVISION)
            log.info(
                "migrating the hub database %s from %s to %s",
                shown_url,
                state.label,
                HEAD_REVISION,
            )
            command.upgrade(alembic_config(conn), "head")
    except DBAPIError as exc:
        raise _unreachable(shown_url, exc) from None
    return state, HEAD_REVISION
