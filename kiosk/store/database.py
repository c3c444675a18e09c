"""Opening the database: engine, SQLite pragmas on every connection, Alembic upgrade to head."""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, ProgrammingError

from kiosk.store.migrations import HEAD_REVISION, SCRIPT_LOCATION

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
SQLITE_PRAGMAS: tuple[str, ...] = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
)
_BUSY_RETRY_S = 0.01
_SQLITE_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED (primary codes)
WRITE_OPTION = "kiosk_write"


class StoreError(Exception):
    """The database cannot be opened or used; the message says why in plain words."""


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` built in code: script location is the installed package directory.

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


def head_revision() -> str:
    """The newest migration revision shipped with this kiosk."""
    from alembic.script import ScriptDirectory  # loaded only to migrate

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships 0001
        raise StoreError("no database migrations found in the kiosk package")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, ``None`` for an empty database."""
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except (OperationalError, ProgrammingError):
            return None  # no alembic_version table: an empty database
    if len(rows) > 1:
        raise StoreError("the database records more than one schema version; it needs repair")
    return str(rows[0][0]) if rows else None


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _SQLITE_BUSY_CODES
    return "locked" in str(exc) or "busy" in str(exc)  # pragma: no cover - Python < 3.11


def apply_sqlite_pragmas(
    connection: sqlite3.Connection, pragmas: tuple[str, ...], *, busy_timeout_ms: int
) -> None:
    """Set ``busy_timeout`` first, then each of ``pragmas``, waiting out a busy database.

    Switching a new database file into WAL needs the file to itself, and SQLite answers that
    pragma with "database is locked" at once, without its busy handler, while another process
    opening the same file holds a lock: two hub processes, or the kiosk and ``kiosk data``,
    starting on a new file together. A busy pragma is tried again every 10 ms until the busy
    timeout has passed; then its error is raised.

    Raises:
        sqlite3.OperationalError: A pragma failed, or stayed busy for ``busy_timeout_ms``.
    """
    cursor = connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        deadline = time.monotonic() + busy_timeout_ms / 1000
        for pragma in pragmas:
            while True:
                try:
                    cursor.execute(pragma)
                    break
                except sqlite3.OperationalError as exc:
                    if not _is_busy(exc) or time.monotonic() >= deadline:
                        raise
                time.sleep(_BUSY_RETRY_S)
    finally:
        cursor.close()


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """Set the pragmas and take over transaction control from the sqlite3 module."""
    if not isinstance(dbapi_connection, sqlite3.Connection):  # pragma: no cover
        return
    dbapi_connection.isolation_level = None
    apply_sqlite_pragmas(dbapi_connection, SQLITE_PRAGMAS, busy_timeout_ms=BUSY_TIMEOUT_MS)


def _on_sqlite_begin(conn: Connection) -> None:
    """BEGIN IMMEDIATE for writing steps (read-modify-write is atomic), plain BEGIN otherwise."""
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


@dataclass(frozen=True)
class Database:
    """An open, migrated database.

    Attributes:
        url: The SQLAlchemy URL it was opened with (password hidden).
        engine: The engine for reads (deferred transactions).
        write_engine: The same pool, beginning each transaction with a write lock on SQLite.
    """

    url: str
    engine: Engine
    write_engine: Engine

    @classmethod
    def open(cls, url: str) -> Database:
        """Open (creating it if needed) the database at ``url`` and upgrade it to the head.

        For a SQLite file the parent directory is created and every connection gets
        ``journal_mode=WAL``, ``synchronous=FULL``, ``foreign_keys=ON`` and
        ``busy_timeout=5000``.

        Raises:
            StoreError: When the URL is malformed, the file cannot be created or opened, or the
                database is newer than this kiosk.
        """
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise StoreError(f"not a database URL: {url!r} ({exc})") from None
        is_sqlite = parsed.get_backend_name() == "sqlite"
        if is_sqlite and parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database).expanduser()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the database folder {path.parent}: {exc.strerror}"
                ) from None
        try:
            engine = create_engine(parsed)
        except (ArgumentError, ImportError) as exc:
            raise StoreError(f"cannot use database URL {url!r}: {exc}") from None
        if is_sqlite:
            event.listen(engine, "connect", _on_sqlite_connect)
            event.listen(engine, "begin", _on_sqlite_begin)
        write_engine = engine.execution_options(**{WRITE_OPTION: True})
        db = cls(
            url=parsed.render_as_string(hide_password=True),
            engine=engine,
            write_engine=write_engine,
        )
        try:
            db.migrate()
        except BaseException:
            engine.dispose()
            raise
        return db

    def migrate(self) -> None:
        """Run ``alembic upgrade head`` on this database (no-op when already at the head).

        Raises:
            StoreError: When the database cannot be reached or is at an unknown (newer) revision.
        """
        try:
            at = current_revision(self.engine)
            if at == HEAD_REVISION:
                return
            from alembic import command  # loaded only to migrate
            from alembic.script import ScriptDirectory

            head = head_revision()
            known = {
                s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()
            }
            if at is not None and at not in known:
                raise StoreError(
                    f"the database {self.url} is at schema {at!r}, newer than this kiosk "
                    f"(knows up to {head!r}); update the kiosk"
                )
            log.info("migrating database %s from %s to %s", self.url, at or "empty", head)
            with self.write_engine.begin() as conn:
                command.upgrade(alembic_config(conn), "head")
        except DBAPIError as exc:
            raise StoreError(f"cannot open the database {self.url}: {exc.orig}") from None

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


class DatabaseUnavailableError(StoreError):
    """The database cannot be reached now (file gone, disk full, locked, server down)."""


def database_failure(exc: BaseException) -> str | None:
    """A one-line message when ``exc`` means the database itself is unavailable, else ``None``.

    Services call this to tell "the database is gone" (a fault screen with Retry) from an
    ordinary refusal (a wrong PIN, an illegal step), without importing SQLAlchemy.
    """
    if isinstance(exc, DatabaseUnavailableError):
        return str(exc)
    if isinstance(exc, OperationalError | DBAPIError):
        text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return text[0] if text else type(exc).__name__
    return None
