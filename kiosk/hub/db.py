"""The hub's own database: kiosks and their tokens, received records, kiosk audit chains, uses.

SQLAlchemy 2 typed tables; ``HubDatabase.open`` upgrades the schema with the Alembic migrations
in ``kiosk/hub/migrations`` (``kiosk.hub.schema``). SQLite for one post or for tests, PostgreSQL
(``postgresql+psycopg://...``) in production. ``HubDatabase`` is the only code of the hub that
holds a session.

Authentication: each kiosk has a random bearer token (``kiosk-hub kiosks add ID`` prints it
once); the hub keeps only its SHA-256. Tokens carry 256 random bits, so a fast hash is enough
(nothing to brute-force), and the lookup by hash takes no secret-dependent time.

Audit chain continuity: every upload carries the kiosk's audit entries the hub does not hold
yet and the kiosk's chain head. Entries must recompute to their hash, link to each other, and
the first new one must chain onto the head the hub holds for that kiosk. An entry the hub
already holds under another hash means the kiosk's history was rewritten; that, a gap or a
broken link is recorded as an audit break and flagged on the record, which is stored anyway.
A break stays open, and every answer to that kiosk lists it (``audit.open_breaks``), until a
supervisor acknowledges the kiosk's breaks (``acknowledge_breaks``: who, when, why).
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Engine,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from kiosk.hub.schema import SchemaError, SchemaState, read_state
from kiosk.hub.schema import upgrade as upgrade_schema
from kiosk.store.audit import GENESIS_HASH, entry_hash
from kiosk.store.database import SQLITE_PRAGMAS, apply_sqlite_pragmas
from kiosk.store.tables import UtcDateTime

log = logging.getLogger(__name__)

TOKEN_PREFIX = "kh1_"
RECORD_FORMAT = 1
_BUSY_TIMEOUT_MS = 10_000
"""A hub writer waits this long for another process's write transaction (several kiosks at once)."""
_KIOSK_ID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


class HubError(Exception):
    """A hub operation that cannot be done; the message is one line for the operator."""


class NoOpenBreakError(HubError):
    """An acknowledgement asked for a kiosk that has no open audit break."""


class RecordRejectedError(HubError):
    """A record the hub refuses (HTTP status in ``status``)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class HubBase(DeclarativeBase):
    """The declarative base of the hub's tables (separate from the kiosk's)."""

    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class KioskRow(HubBase):
    """A kiosk allowed to upload, its token's hash, and the audit head the hub holds for it."""

    __tablename__ = "hub_kiosks"

    kiosk_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    post: Mapped[str] = mapped_column(String(40), default="")
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    audit_seq: Mapped[int] = mapped_column(Integer, default=0)
    audit_hash: Mapped[str] = mapped_column(String(64), default=GENESIS_HASH)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class RecordRow(HubBase):
    """One inspection as a kiosk sent it, with its photo and slip; stored once per id."""

    __tablename__ = "hub_records"
    __table_args__ = (Index(None, "kiosk_id", "received_at"),)

    inspection_id: Mapped[str] = mapped_column(String(24), primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("hub_kiosks.kiosk_id"))
    post: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    receipt_id: Mapped[str] = mapped_column(String(40), unique=True)
    content_sha256: Mapped[str] = mapped_column(String(64))
    inspection: Mapped[dict[str, Any]] = mapped_column(JSON)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    photo_sha256: Mapped[str | None] = mapped_column(String(64))
    slip: Mapped[bytes | None] = mapped_column(LargeBinary)
    slip_sha256: Mapped[str | None] = mapped_column(String(64))
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)


class AuditEntryRow(HubBase):
    """A kiosk's audit entry as first received (a later, different copy is a break)."""

    __tablename__ = "hub_audit_entries"

    kiosk_id: Mapped[str] = mapped_column(ForeignKey("hub_kiosks.kiosk_id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    inspection_id: Mapped[str | None] = mapped_column(String(24))
    actor: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[Any] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AuditAckRow(HubBase):
    """A supervisor's acknowledgement of a kiosk's open audit breaks (after investigating)."""

    __tablename__ = "hub_audit_acks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("hub_kiosks.kiosk_id"), index=True)
    acked_at: Mapped[datetime] = mapped_column(UtcDateTime)
    acked_by: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text)
    breaks: Mapped[int] = mapped_column(Integer)


class AuditBreakRow(HubBase):
    """A discontinuity found in a kiosk's audit chain; open until acknowledged (``ack_id``)."""

    __tablename__ = "hub_audit_breaks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(ForeignKey("hub_kiosks.kiosk_id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    why: Mapped[str] = mapped_column(Text)
    inspection_id: Mapped[str | None] = mapped_column(String(24))
    found_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ack_id: Mapped[int | None] = mapped_column(ForeignKey("hub_audit_acks.id"))


class CertificateUseRow(HubBase):
    """A KP or G7 certificate presented at a post, from a received record."""

    __tablename__ = "hub_certificate_uses"
    __table_args__ = (UniqueConstraint("kind", "number", "inspection_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(2))
    number: Mapped[str] = mapped_column(String(60), index=True)
    post: Mapped[str] = mapped_column(String(40))
    used_on: Mapped[date] = mapped_column(Date)
    inspection_id: Mapped[str] = mapped_column(String(24))
    kiosk_id: Mapped[str] = mapped_column(String(40))


# ---- Values ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Kiosk:
    """A kiosk as the hub knows it."""

    kiosk_id: str
    post: str
    active: bool
    created_at: datetime
    audit_seq: int
    audit_hash: str
    last_seen_at: datetime | None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit entry as a kiosk sends it (the fields its hash covers, and the hash)."""

    seq: int
    at: str
    kind: str
    inspection_id: str | None
    actor: str | None
    detail: Any
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class Blob:
    """A file sent with a record (photo or slip) and the SHA-256 the kiosk claims for it."""

    data: bytes
    sha256: str


@dataclass(frozen=True, slots=True)
class IncomingRecord:
    """A record as the server decoded it from the request."""

    inspection_id: str
    kiosk_id: str
    post: str
    inspection: Mapping[str, Any]
    photo: Blob | None
    slip: Blob | None
    audit_entries: Sequence[AuditEntry]
    audit_head: tuple[int, str]


@dataclass(frozen=True, slots=True)
class AuditAck:
    """A supervisor's acknowledgement of a kiosk's audit breaks."""

    ack_id: int
    kiosk_id: str
    acked_at: datetime
    acked_by: str
    note: str
    breaks: int


@dataclass(frozen=True, slots=True)
class AuditBreak:
    """An audit break found in a kiosk's chain; ``ack`` is ``None`` while it is open."""

    break_id: int
    kiosk_id: str
    seq: int
    why: str
    inspection_id: str | None
    found_at: datetime
    ack: AuditAck | None = None

    @property
    def line(self) -> str:
        """The one line the hub flags it with (as the kiosk shows it)."""
        return break_line(self.kiosk_id, self.seq, self.why)


@dataclass(frozen=True, slots=True)
class Receipt:
    """The hub's answer to a record; the same record sent again gets the same ``receipt``.

    Attributes:
        audit_flags: The audit breaks found in this upload (one line each).
        audit_open: The kiosk's open (unacknowledged) breaks after this upload, the newest
            ``MAX_OPEN_BREAKS_SENT`` of them, oldest first; empty once a supervisor has
            acknowledged them.
    """

    receipt: Mapping[str, Any]
    audit_seq: int
    audit_hash: str
    audit_flags: tuple[str, ...] = field(default_factory=tuple)
    duplicate: bool = False
    audit_open: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        """The JSON body of the HTTP answer.

        ``audit.flags`` keeps its first meaning (breaks found in this upload) for kiosks that
        predate acknowledgements; ``audit.open_breaks`` is the state a kiosk shows.
        """
        return {
            "receipt": dict(self.receipt),
            "duplicate": self.duplicate,
            "audit": {
                "head_seq": self.audit_seq,
                "head_hash": self.audit_hash,
                "flags": list(self.audit_flags),
                "open_breaks": list(self.audit_open),
            },
        }


MAX_OPEN_BREAKS_SENT = 10
"""Open audit breaks listed in one answer at most (the newest)."""
MAX_ACK_BY_CHARS = 64
MAX_ACK_NOTE_CHARS = 2000


def break_line(kiosk_id: str, seq: int, why: str) -> str:
    """How an audit break is flagged to the kiosk, in one line."""
    return f"audit chain of {kiosk_id} at entry {seq}: {why}"


def token_sha256(token: str) -> str:
    """The stored form of a kiosk token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalise_certificate(number: str) -> str:
    """A certificate number without spaces or dashes, upper case (as the bundle carries it)."""
    return "".join(ch for ch in number.upper() if ch not in " -/")


def content_sha256(record: IncomingRecord) -> str:
    """What makes two sends the same record: the inspection and its files, not the audit part."""
    body = {
        "inspection_id": record.inspection_id,
        "kiosk_id": record.kiosk_id,
        "post": record.post,
        "inspection": record.inspection,
        "photo": record.photo.sha256 if record.photo else None,
        "slip": record.slip.sha256 if record.slip else None,
    }
    raw = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _ack(row: AuditAckRow) -> AuditAck:
    return AuditAck(
        ack_id=row.id,
        kiosk_id=row.kiosk_id,
        acked_at=row.acked_at,
        acked_by=row.acked_by,
        note=row.note,
        breaks=row.breaks,
    )


def _kiosk(row: KioskRow) -> Kiosk:
    return Kiosk(
        kiosk_id=row.kiosk_id,
        post=row.post,
        active=row.active,
        created_at=row.created_at,
        audit_seq=row.audit_seq,
        audit_hash=row.audit_hash,
        last_seen_at=row.last_seen_at,
    )


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):  # pragma: no cover
        return
    dbapi_connection.isolation_level = None
    apply_sqlite_pragmas(dbapi_connection, SQLITE_PRAGMAS, busy_timeout_ms=_BUSY_TIMEOUT_MS)


_WRITE = "hub_write"


def _on_sqlite_begin(conn: Any) -> None:
    # A writing transaction takes the write lock at once: audit heads never race.
    write = conn.get_execution_options().get(_WRITE)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


# ---- The database ---------------------------------------------------------------------------


class HubDatabase:
    """The hub's database, opened (and its schema upgraded) from a SQLAlchemy URL.

    Raises:
        HubError: From ``open`` when the URL is malformed, the database cannot be reached, or
            its schema is newer than this hub or not one it recognises.
    """

    def __init__(self, engine: Engine, url: str) -> None:
        self._engine = engine
        self._write_engine = engine.execution_options(**{_WRITE: True})
        self.url = url

    @classmethod
    def open(cls, url: str, *, upgrade: bool = True, create: bool = True) -> HubDatabase:
        """Open the database at ``url``; a plain path means a SQLite file.

        Args:
            url: A SQLAlchemy URL (``postgresql://`` uses psycopg 3) or a SQLite file path.
            upgrade: Bring the schema to this hub's head first (``kiosk.hub.schema.upgrade``);
                ``False`` only for ``kiosk-hub db current|upgrade``, which look first.
            create: Create a SQLite file (and its folder) that does not exist yet.
        """
        if "://" not in url:
            url = f"sqlite:///{Path(url).expanduser()}"
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise HubError(f"not a database URL: {url!r} ({exc})") from None
        if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in (
            "psycopg2",
            "",
        ):
            parsed = parsed.set(drivername="postgresql+psycopg")
        is_sqlite = parsed.get_backend_name() == "sqlite"
        if is_sqlite and parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database).expanduser()
            if not create and not path.exists():
                raise HubError(f"no hub database at {path}")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise HubError(
                    f"cannot create the database folder {path.parent}: {exc.strerror}"
                ) from None
        try:
            engine = create_engine(parsed, pool_pre_ping=not is_sqlite)
        except (ArgumentError, ImportError) as exc:
            raise HubError(f"cannot use database URL {url!r}: {exc}") from None
        if is_sqlite:
            event.listen(engine, "connect", _on_sqlite_connect)
            event.listen(engine, "begin", _on_sqlite_begin)
        shown = parsed.render_as_string(hide_password=True)
        db = cls(engine, shown)
        if upgrade:
            try:
                before, now = db.upgrade_schema()
            except BaseException:
                engine.dispose()
                raise
            # Worth a line on the operator's terminal (``serve``, ``kiosks``, ``audit``...).
            if before.label == "empty":
                log.warning("created the hub database's tables in %s (schema %s)", shown, now)
            elif before.revision != now:
                log.warning(
                    "upgraded the hub database %s from schema %s to %s", shown, before.label, now
                )
        return db

    def close(self) -> None:
        """Close every pooled connection."""
        self._engine.dispose()

    # ---- Schema -----------------------------------------------------------------------------

    def schema_state(self) -> SchemaState:
        """Where the schema stands (revision, head, tables of an earlier hub), changing nothing.

        Raises:
            HubError: When the database cannot be read.
        """
        try:
            return read_state(self._engine, self.url)
        except SchemaError as exc:
            raise HubError(str(exc)) from None

    def upgrade_schema(self) -> tuple[SchemaState, str]:
        """Upgrade the schema to this hub's head; the state before and the revision now.

        Raises:
            HubError: When the database is unreachable, newer than this hub, or has hub tables
                that no revision explains.
        """
        try:
            return upgrade_schema(self._engine, self._write_engine, self.url)
        except SchemaError as exc:
            raise HubError(str(exc)) from None

    @contextmanager
    def _session(self, *, write: bool = False) -> Iterator[Session]:
        engine = self._write_engine if write else self._engine
        with Session(engine, expire_on_commit=False) as session, session.begin():
            yield session

    # ---- Kiosks -----------------------------------------------------------------------------

    def add_kiosk(self, kiosk_id: str, post: str = "", *, now: datetime | None = None) -> str:
        """Register a kiosk (or give a known one a new token); returns the token, once.

        Raises:
            HubError: When ``kiosk_id`` is empty, too long or has other than letters, digits,
                ``-``, ``_`` and ``.``.
        """
        if not kiosk_id or len(kiosk_id) > 40 or not set(kiosk_id) <= _KIOSK_ID_CHARS:
            raise HubError(f"kiosk id {kiosk_id!r}: use 1-40 letters, digits, '-', '_' or '.'")
        now = now or datetime.now(UTC)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self._session(write=True) as session:
            row = session.get(KioskRow, kiosk_id)
            if row is None:
                session.add(
                    KioskRow(
                        kiosk_id=kiosk_id,
                        post=post,
                        token_sha256=token_sha256(token),
                        active=True,
                        created_at=now,
                        audit_seq=0,
                        audit_hash=GENESIS_HASH,
                    )
                )
            else:
                row.token_sha256 = token_sha256(token)
                row.active = True
                if post:
                    row.post = post
        return token

    def revoke_kiosk(self, kiosk_id: str) -> bool:
        """Refuse the kiosk's token from now on; False when there is no such kiosk."""
        with self._session(write=True) as session:
            row = session.get(KioskRow, kiosk_id)
            if row is None:
                return False
            row.active = False
            return True

    def kiosks(self) -> list[Kiosk]:
        """Every registered kiosk."""
        with self._session() as session:
            return [
                _kiosk(r) for r in session.scalars(select(KioskRow).order_by(KioskRow.kiosk_id))
            ]

    def kiosk_for_token(self, token: str) -> Kiosk | None:
        """The active kiosk holding ``token``, or ``None``."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        with self._session() as session:
            row = session.scalar(
                select(KioskRow).where(KioskRow.token_sha256 == token_sha256(token))
            )
            return _kiosk(row) if row is not None and row.active else None

    # ---- Records ----------------------------------------------------------------------------

    def receive(self, kiosk: Kiosk, record: IncomingRecord, now: datetime | None = None) -> Receipt:
        """Store a record once, check the kiosk's audit chain, note the certificates used.

        Raises:
            RecordRejectedError: 403 when the record is another kiosk's, 409 when its id was
                already received from another kiosk or with other content, 400 when a file
                does not match its SHA-256.
        """
        digest = self._checked(kiosk, record)
        now = now or datetime.now(UTC)
        for attempt in (1, 2):
            try:
                with self._session(write=True) as session:
                    row = self._locked(session, kiosk, now)
                    receipt = self._store_one(session, row, record, digest, now)
                    return replace(receipt, audit_open=self._open_lines(session, row.kiosk_id))
            except IntegrityError:
                if attempt == 2:
                    raise
                # The same record arrived twice at once: the other request stored it.
        raise AssertionError("unreachable")  # pragma: no cover

    def receive_many(
        self, kiosk: Kiosk, records: Sequence[IncomingRecord], now: datetime | None = None
    ) -> list[Receipt | RecordRejectedError]:
        """``receive`` for several records in one transaction; a refused one leaves the others.

        The batch is first stored in one go; only when a record is refused is it stored again
        with a savepoint per record (a refusal is rare, savepoints cost a little each).

        Returns:
            For each record in order, its receipt or why it was refused.
        """
        now = now or datetime.now(UTC)
        try:
            return self._receive_many(kiosk, records, now, careful=False)
        except (RecordRejectedError, IntegrityError):
            return self._receive_many(kiosk, records, now, careful=True)

    def _receive_many(
        self, kiosk: Kiosk, records: Sequence[IncomingRecord], now: datetime, *, careful: bool
    ) -> list[Receipt | RecordRejectedError]:
        results: list[Receipt | RecordRejectedError] = []
        with self._session(write=True) as session:
            row = self._locked(session, kiosk, now)
            # One query for the records already held (then found in the identity map).
            ids = [record.inspection_id for record in records]
            session.scalars(select(RecordRow).where(RecordRow.inspection_id.in_(ids))).all()
            for record in records:
                try:
                    digest = self._checked(kiosk, record)
                except RecordRejectedError as exc:
                    results.append(exc)
                    continue
                if not careful:
                    results.append(self._store_one(session, row, record, digest, now))
                    continue
                try:
                    with session.begin_nested():
                        results.append(self._store_one(session, row, record, digest, now))
                        session.flush()
                except RecordRejectedError as exc:
                    results.append(exc)
                except IntegrityError:
                    results.append(
                        RecordRejectedError(409, f"{record.inspection_id} arrived twice at once")
                    )
            # One query for the whole batch (it flushes the batch's rows first).
            open_lines = self._open_lines(session, row.kiosk_id)
        return [
            replace(r, audit_open=open_lines) if isinstance(r, Receipt) else r for r in results
        ]

    @staticmethod
    def _open_lines(session: Session, kiosk_id: str) -> tuple[str, ...]:
        """The kiosk's newest open audit breaks, one line each, oldest first."""
        rows = session.execute(
            select(AuditBreakRow.seq, AuditBreakRow.why)
            .where(AuditBreakRow.kiosk_id == kiosk_id, AuditBreakRow.ack_id.is_(None))
            .order_by(AuditBreakRow.id.desc())
            .limit(MAX_OPEN_BREAKS_SENT)
        ).all()
        return tuple(break_line(kiosk_id, int(seq), str(why)) for seq, why in reversed(rows))

    @staticmethod
    def _checked(kiosk: Kiosk, record: IncomingRecord) -> str:
        """The record's content digest, once its kiosk and files are checked."""
        if record.kiosk_id != kiosk.kiosk_id:
            raise RecordRejectedError(
                403, f"this token belongs to kiosk {kiosk.kiosk_id}, not {record.kiosk_id}"
            )
        for name, blob in (("photo", record.photo), ("slip", record.slip)):
            if blob is not None and hashlib.sha256(blob.data).hexdigest() != blob.sha256:
                raise RecordRejectedError(400, f"the {name} does not match its SHA-256")
        return content_sha256(record)

    @staticmethod
    def _locked(session: Session, kiosk: Kiosk, now: datetime) -> KioskRow:
        """The kiosk's row, locked for the transaction (its audit head changes)."""
        row = session.get(KioskRow, kiosk.kiosk_id, with_for_update=True)
        if row is None or not row.active:
            raise RecordRejectedError(401, f"kiosk {kiosk.kiosk_id} is not registered")
        row.last_seen_at = now
        return row

    def _store_one(
        self, session: Session, row: KioskRow, record: IncomingRecord, digest: str, now: datetime
    ) -> Receipt:
        flags = self._take_audit(session, row, record, now)
        existing = session.get(RecordRow, record.inspection_id)
        if existing is not None:
            if existing.kiosk_id != row.kiosk_id:
                raise RecordRejectedError(
                    409, f"inspection {record.inspection_id} was received from another kiosk"
                )
            if existing.content_sha256 != digest:
                raise RecordRejectedError(
                    409,
                    f"inspection {record.inspection_id} was received before with other content",
                )
            return Receipt(
                self._receipt(existing), row.audit_seq, row.audit_hash, tuple(flags), duplicate=True
            )
        stored = RecordRow(
            inspection_id=record.inspection_id,
            kiosk_id=row.kiosk_id,
            post=record.post,
            received_at=now,
            receipt_id="R-" + secrets.token_hex(12).upper(),
            content_sha256=digest,
            inspection=json.loads(json.dumps(dict(record.inspection))),
            photo=record.photo.data if record.photo else None,
            photo_sha256=record.photo.sha256 if record.photo else None,
            slip=record.slip.data if record.slip else None,
            slip_sha256=record.slip.sha256 if record.slip else None,
            flags=list(flags),
        )
        session.add(stored)
        self._note_uses(session, row.kiosk_id, record)
        # No flush here: a batch's rows go out together at commit (an executemany per table).
        return Receipt(self._receipt(stored), row.audit_seq, row.audit_hash, tuple(flags))

    @staticmethod
    def _receipt(row: RecordRow) -> dict[str, Any]:
        return {
            "receipt_id": row.receipt_id,
            "inspection_id": row.inspection_id,
            "kiosk_id": row.kiosk_id,
            "received_at": row.received_at.isoformat().replace("+00:00", "Z"),
            "content_sha256": row.content_sha256,
            "flags": list(row.flags),
        }

    def _take_audit(
        self, session: Session, kiosk: KioskRow, record: IncomingRecord, now: datetime
    ) -> list[str]:
        """Check and store the audit entries of an upload; the problems found, one line each."""
        flags: list[str] = []

        def broken(seq: int, why: str) -> None:
            flags.append(break_line(kiosk.kiosk_id, seq, why))
            session.add(
                AuditBreakRow(
                    kiosk_id=kiosk.kiosk_id,
                    seq=seq,
                    why=why,
                    inspection_id=record.inspection_id,
                    found_at=now,
                )
            )

        entries = sorted(record.audit_entries, key=lambda e: e.seq)
        previous: AuditEntry | None = None
        for entry in entries:
            recomputed = entry_hash(
                entry.seq,
                entry.at,
                entry.kind,
                entry.inspection_id,
                entry.actor,
                entry.detail,
                entry.prev_hash,
            )
            if recomputed != entry.hash:
                broken(entry.seq, "the entry does not match its hash (altered)")
            if previous is not None and (
                entry.seq != previous.seq + 1 or entry.prev_hash != previous.hash
            ):
                broken(entry.seq, "does not chain onto the entry sent before it")
            previous = entry
        known_seqs = [e.seq for e in entries if e.seq <= kiosk.audit_seq]
        held: dict[int, str] = {}
        if known_seqs:
            held = {
                int(seq): str(digest)
                for seq, digest in session.execute(
                    select(AuditEntryRow.seq, AuditEntryRow.hash).where(
                        AuditEntryRow.kiosk_id == kiosk.kiosk_id,
                        AuditEntryRow.seq.in_(known_seqs),
                    )
                )
            }
        head_seq, head_hash = kiosk.audit_seq, kiosk.audit_hash
        first_new = True
        for entry in entries:
            if entry.seq <= kiosk.audit_seq:
                if entry.seq in held and held[entry.seq] != entry.hash:
                    broken(
                        entry.seq,
                        "the kiosk's history was rewritten (the hub holds another entry here)",
                    )
                continue
            if first_new:
                first_new = False
                if entry.seq != head_seq + 1:
                    broken(
                        entry.seq,
                        f"entries {head_seq + 1} to {entry.seq - 1} are missing",
                    )
                elif entry.prev_hash != head_hash:
                    broken(
                        entry.seq,
                        f"does not chain onto entry {head_seq} that the hub holds "
                        "(the kiosk's history was rewritten)",
                    )
            session.add(
                AuditEntryRow(
                    kiosk_id=kiosk.kiosk_id,
                    seq=entry.seq,
                    at=entry.at,
                    kind=entry.kind,
                    inspection_id=entry.inspection_id,
                    actor=entry.actor,
                    detail=entry.detail,
                    prev_hash=entry.prev_hash,
                    hash=entry.hash,
                    received_at=now,
                )
            )
            head_seq, head_hash = entry.seq, entry.hash
        claimed_seq, claimed_hash = record.audit_head
        if claimed_seq < kiosk.audit_seq:
            known = held.get(claimed_seq) or session.scalar(
                select(AuditEntryRow.hash).where(
                    AuditEntryRow.kiosk_id == kiosk.kiosk_id, AuditEntryRow.seq == claimed_seq
                )
            )
            if claimed_seq == 0 or known != claimed_hash:
                broken(
                    claimed_seq,
                    f"the kiosk's head is behind the hub's ({kiosk.audit_seq}): "
                    "entries were removed",
                )
        elif (claimed_seq, claimed_hash) != (head_seq, head_hash):
            broken(claimed_seq, "the kiosk's head does not match the entries sent")
        kiosk.audit_seq, kiosk.audit_hash = head_seq, head_hash
        for flag in flags:
            log.warning("%s (record %s)", flag, record.inspection_id)
        return flags

    @staticmethod
    def _note_uses(session: Session, kiosk_id: str, record: IncomingRecord) -> None:
        started = str(record.inspection.get("started_at", ""))
        try:
            used_on = datetime.fromisoformat(started.replace("Z", "+00:00")).date()
        except ValueError:
            used_on = datetime.now(UTC).date()
        seen: set[tuple[str, str]] = set()
        identifiers = record.inspection.get("identifiers") or []
        for ident in identifiers if isinstance(identifiers, list) else []:
            if not isinstance(ident, dict) or ident.get("problem"):
                continue
            kind, value = ident.get("kind"), ident.get("value")
            if kind not in ("kp", "g7") or not isinstance(value, str) or not value.strip():
                continue
            key = (kind, normalise_certificate(value)[:60])
            if key in seen:
                continue
            seen.add(key)
            session.add(
                CertificateUseRow(
                    kind=key[0],
                    number=key[1],
                    post=record.post,
                    used_on=used_on,
                    inspection_id=record.inspection_id,
                    kiosk_id=kiosk_id,
                )
            )

    # ---- Reading back -----------------------------------------------------------------------

    def record(self, inspection_id: str) -> dict[str, Any] | None:
        """A stored record's receipt, content and file sizes, or ``None``."""
        with self._session() as session:
            row = session.get(RecordRow, inspection_id)
            if row is None:
                return None
            return {
                **self._receipt(row),
                "post": row.post,
                "inspection": row.inspection,
                "photo_bytes": len(row.photo) if row.photo is not None else None,
                "slip_bytes": len(row.slip) if row.slip is not None else None,
            }

    def record_count(self, kiosk_id: str | None = None) -> int:
        """How many records are stored (of one kiosk)."""
        query = select(func.count()).select_from(RecordRow)
        if kiosk_id is not None:
            query = query.where(RecordRow.kiosk_id == kiosk_id)
        with self._session() as session:
            return session.scalar(query) or 0

    def audit_breaks(self, kiosk_id: str | None = None) -> list[tuple[str, int, str]]:
        """The audit breaks found, as ``(kiosk_id, seq, why)``."""
        query = select(AuditBreakRow).order_by(AuditBreakRow.id)
        if kiosk_id is not None:
            query = query.where(AuditBreakRow.kiosk_id == kiosk_id)
        with self._session() as session:
            return [(r.kiosk_id, r.seq, r.why) for r in session.scalars(query)]

    def breaks(
        self, kiosk_id: str | None = None, *, include_acknowledged: bool = False
    ) -> list[AuditBreak]:
        """Audit breaks, oldest first: the open ones, or all with their acknowledgement."""
        query = (
            select(AuditBreakRow, AuditAckRow)
            .outerjoin(AuditAckRow, AuditBreakRow.ack_id == AuditAckRow.id)
            .order_by(AuditBreakRow.id)
        )
        if kiosk_id is not None:
            query = query.where(AuditBreakRow.kiosk_id == kiosk_id)
        if not include_acknowledged:
            query = query.where(AuditBreakRow.ack_id.is_(None))
        with self._session() as session:
            return [
                AuditBreak(
                    break_id=b.id,
                    kiosk_id=b.kiosk_id,
                    seq=b.seq,
                    why=b.why,
                    inspection_id=b.inspection_id,
                    found_at=b.found_at,
                    ack=_ack(a) if a is not None else None,
                )
                for b, a in session.execute(query)
            ]

    def acknowledge_breaks(
        self,
        kiosk_id: str,
        by: str,
        note: str,
        *,
        up_to: int | None = None,
        now: datetime | None = None,
    ) -> AuditAck:
        """Record that ``by`` has dealt with the kiosk's open audit breaks, and close them.

        The hub's answers to the kiosk then list no open break (until a new one is found), so
        the kiosk's flag clears at its next upload. Breaks found after this are open again.

        Args:
            kiosk_id: The kiosk whose breaks are acknowledged.
            by: Who acknowledges (a supervisor's name), one line.
            note: Why (what the investigation found), one line.
            up_to: Close only the open breaks up to this ``break_id`` (the last one the
                supervisor looked at): a break found after the investigation stays open.
            now: The time recorded (default: now).

        Raises:
            NoOpenBreakError: When the kiosk has no open break (up to ``up_to``); nothing is
                recorded.
            HubError: When there is no such kiosk, ``up_to`` is not one of its breaks, or
                ``by`` or ``note`` is empty, too long or not one line.
        """
        by, note = by.strip(), note.strip()
        for name, value, limit in (
            ("--by", by, MAX_ACK_BY_CHARS),
            ("--note", note, MAX_ACK_NOTE_CHARS),
        ):
            if not value:
                raise HubError(f"{name} must not be empty")
            if len(value) > limit:
                raise HubError(f"{name} is longer than {limit} characters")
            if not value.isprintable():
                raise HubError(f"{name} must be one line of printable characters")
        now = now or datetime.now(UTC)
        with self._session(write=True) as session:
            # The kiosk's row is locked, as an upload locks it: a break found meanwhile is
            # either closed by this acknowledgement or still open after it, never half-way.
            kiosk = session.get(KioskRow, kiosk_id, with_for_update=True)
            if kiosk is None:
                raise HubError(f"no kiosk {kiosk_id!r}")
            query = select(AuditBreakRow).where(
                AuditBreakRow.kiosk_id == kiosk_id, AuditBreakRow.ack_id.is_(None)
            )
            if up_to is not None:
                last = session.get(AuditBreakRow, up_to)
                if last is None or last.kiosk_id != kiosk_id:
                    raise HubError(f"kiosk {kiosk_id} has no audit break {up_to}")
                query = query.where(AuditBreakRow.id <= up_to)
            open_rows = session.scalars(query.order_by(AuditBreakRow.id)).all()
            if not open_rows:
                which = f" up to {up_to}" if up_to is not None else ""
                raise NoOpenBreakError(
                    f"kiosk {kiosk_id} has no open audit break{which}; nothing acknowledged"
                )
            ack = AuditAckRow(
                kiosk_id=kiosk_id, acked_at=now, acked_by=by, note=note, breaks=len(open_rows)
            )
            session.add(ack)
            session.flush()
            for row in open_rows:
                row.ack_id = ack.id
            log.info(
                "audit breaks of %s acknowledged by %s (%d): %s", kiosk_id, by, len(open_rows), note
            )
            return _ack(ack)

    def export_uses(self, out: TextIO, since: date | None = None) -> int:
        """Write every certificate use as JSON lines (``kind``, ``number``, ``post``,
        ``used_on``, ``inspection_id``), oldest first; returns how many."""
        query = select(CertificateUseRow).order_by(CertificateUseRow.id)
        if since is not None:
            query = query.where(CertificateUseRow.used_on >= since)
        count = 0
        with self._session() as session:
            for row in session.scalars(query):
                line = {
                    "kind": row.kind,
                    "number": row.number,
                    "post": row.post,
                    "used_on": row.used_on.isoformat(),
                    "inspection_id": row.inspection_id,
                }
                out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
                count += 1
        return count
