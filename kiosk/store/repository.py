"""The Store: the only code that holds database sessions; it speaks in domain objects.

Every step of an inspection is one short transaction that checks the move with the workflow,
writes the step and appends an ``events`` row; an illegal move raises and writes nothing. On
SQLite a writing step begins with ``BEGIN IMMEDIATE``, so its read-check-write is atomic even
when another process (the CLI, a sync run) writes to the same file.
"""

from __future__ import annotations

import json
import math
import os
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from kiosk.crashpoints import crash_point
from kiosk.domain.models import (
    NEW_SEAL_NOTE,
    Declaration,
    Identifier,
    IdentifierKind,
    InputSource,
    Inspection,
    InspectionState,
    KpCertificate,
    ListedParty,
    Outcome,
    Override,
    OverrideCode,
    Photo,
    Reason,
    User,
    Verdict,
    WeightReading,
    WeightState,
)
from kiosk.domain.names import normalise_name
from kiosk.domain.workflow import FINISHED, Event, IllegalTransitionError, transition
from kiosk.store.audit import (
    GENESIS_HASH,
    AuditReport,
    ChainEntry,
    entry_hash,
    normalised_detail,
    verify_chain,
)
from kiosk.store.bundles import BundleStoreMixin
from kiosk.store.codec import (
    FieldError,
    declaration_from_dict,
    declaration_to_dict,
    identifier_to_dict,
    instant_text,
    override_to_dict,
    photo_to_dict,
    reading_to_dict,
    verdict_to_dict,
)
from kiosk.store.database import Database, StoreError
from kiosk.store.lists import ListStoreMixin, party_from_row
from kiosk.store.outbox import OutboxStoreMixin
from kiosk.store.pins import check_pin, hash_pin, needs_rehash
from kiosk.store.reference import ROLES, ReferenceData, load_reference_dir
from kiosk.store.tables import (
    DataImportRow,
    DataVersionRow,
    DeclarationRow,
    EventRow,
    IdentifierRow,
    InspectionRow,
    KpCertificateRow,
    KpParticipantRow,
    ListedNameRow,
    ListedPartyRow,
    OutboxRow,
    OverrideRow,
    PhotoRow,
    ReasonRow,
    RevokedBadgeRow,
    UserPreferenceRow,
    UserRow,
    VerdictRow,
    WeightReadingRow,
)

MAX_INSPECTION_ID_LEN = 24
_PIN = re.compile(r"^[0-9]{4,12}$")
_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")
_CHUNK = 500
PIN_DELAYS_S: tuple[float, ...] = (0.0, 0.0, 2.0, 5.0)
"""The wait imposed after the 1st, 2nd, 3rd... wrong PIN in a row (the last one repeats)."""
SETTINGS_EVENT = "settings_changed"
# Sample users' PINs are public: their hashes are made once per process, not per database.
_SAMPLE_HASHES: dict[tuple[str, str, str, str], str] = {}


class InspectionNotFoundError(StoreError):
    """No inspection has the given id."""


class SealError(StoreError):
    """A new seal that cannot be recorded; the message is for the user."""


class UserError(StoreError):
    """A user cannot be added or changed as asked (duplicate name or badge, bad PIN, ...)."""


class OverrideRefusedError(StoreError):
    """An override that the rules do not allow (not a HOLD, same person, not a supervisor)."""


@dataclass(frozen=True, slots=True)
class PinCheck:
    """The result of a PIN check, with a message fit for the screen."""

    ok: bool
    user: User | None
    message: str
    locked_until: datetime | None = None
    retry_after_s: float = 0.0
    """How long to wait before the next try (0 when a try is allowed at once)."""


@dataclass(frozen=True, slots=True)
class DataVersion:
    """The reference data in use: which version, from where, published and loaded when."""

    version: str
    source: str
    published_at: datetime
    loaded_at: datetime
    counts: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One row of the append-only event log."""

    id: int
    inspection_id: str | None
    kind: str
    at: datetime
    actor: str | None
    detail: Mapping[str, Any]


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"a timezone-aware UTC time is needed, got naive {now.isoformat()}")
    return now.astimezone(UTC)


def new_inspection_id(now: datetime) -> str:
    """A short, time-ordered id such as ``INS-20261126-153012-7F3A`` (24 characters)."""
    return f"INS-{_aware(now):%Y%m%d-%H%M%S}-{secrets.token_hex(2).upper()}"


def _user(row: UserRow) -> User:
    return User(
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        badge=row.badge,
        active=row.active,
    )


def _certificate(row: KpCertificateRow) -> KpCertificate:
    return KpCertificate(
        number=row.number,
        issuing_country=row.issuing_country,
        authority=row.authority,
        issued_on=row.issued_on,
        expires_on=row.expires_on,
        exporter=row.exporter,
        importer=row.importer,
        origin_countries=tuple(row.origin_countries),
        provenance_country=row.provenance_country,
        mixed=row.mixed,
        carats=row.carats,
        value_usd=row.value_usd,
        parcel_count=row.parcel_count,
        hs_code=row.hs_code,
    )


def _party(row: ListedPartyRow) -> ListedParty:
    return party_from_row(row, row.names)


def _declaration(body: Mapping[str, Any], where: str) -> Declaration:
    try:
        return declaration_from_dict(body)
    except FieldError as exc:
        raise StoreError(f"stored declaration of {where} is corrupt: {exc}") from None


def _current_verdict(row: InspectionRow) -> VerdictRow | None:
    current = [v for v in row.verdicts if v.superseded_at is None]
    return current[-1] if current else None


def _verdict(row: VerdictRow) -> Verdict:
    return Verdict(
        outcome=Outcome[row.outcome],
        reasons=tuple(
            Reason(
                rule_id=r.rule_id,
                outcome=Outcome[r.outcome],
                legal_basis=r.legal_basis,
                message=r.message,
                details=tuple((str(k), str(v)) for k, v in r.details),
            )
            for r in row.reasons
        ),
        ruleset_version=row.ruleset_version,
        decided_at=row.decided_at,
        data_version=row.data_version,
    )


def _inspection(row: InspectionRow) -> Inspection:
    reading = row.readings[-1] if row.readings else None
    photo = row.photos[-1] if row.photos else None
    verdict = _current_verdict(row)
    override = None
    if verdict is not None:
        mine = [o for o in row.overrides if o.verdict_id == verdict.id]
        override = mine[-1] if mine else None
    return Inspection(
        id=row.id,
        post=row.post,
        inspector=row.inspector,
        started_at=row.started_at,
        state=InspectionState(row.state),
        identifiers=tuple(
            Identifier(
                kind=IdentifierKind(i.kind),
                value=i.value,
                source=InputSource(i.source),
                symbology=i.symbology,
                raw=i.raw,
                problem=i.problem,
            )
            for i in row.identifiers
        ),
        reading=None
        if reading is None
        else WeightReading(
            carats=reading.carats,
            state=WeightState(reading.state),
            raw=reading.raw,
            taken_at=reading.taken_at,
            unit=reading.unit,
            value=reading.value,
            scale_id=reading.scale_id,
        ),
        photo=None
        if photo is None
        else Photo(
            path=photo.path,
            sha256=photo.sha256,
            width=photo.width,
            height=photo.height,
            taken_at=photo.taken_at,
        ),
        declaration=None
        if row.declaration is None
        else _declaration(row.declaration, f"inspection {row.id}"),
        verdict=None if verdict is None else _verdict(verdict),
        override=None
        if override is None
        else Override(
            supervisor=override.supervisor,
            code=OverrideCode(override.code),
            text=override.text,
            new_outcome=Outcome[override.new_outcome],
            at=override.at,
        ),
        slip_path=row.slip_path,
        printed_at=row.printed_at,
        closed_at=row.closed_at,
        notes=tuple(row.notes),
    )


def _sample_hash(
    username: str, display_name: str, role: str, pin: str, shipped: str | None = None
) -> str:
    """The PIN hash of a sample user: the one shipped with it, else made once per process.

    The sample PINs are public; shipping their hashes saves ~80 ms per user at a first start.
    """
    key = (username, display_name, role, pin)
    if key not in _SAMPLE_HASHES:
        made = Store._checked_pin_hash(username, display_name, role, pin, shipped)
        _SAMPLE_HASHES[key] = made
    return _SAMPLE_HASHES[key]


class Store(ListStoreMixin, BundleStoreMixin, OutboxStoreMixin):
    """The kiosk's records and reference data, behind short one-step transactions.

    Args:
        database: An open, migrated ``Database``.
        max_pin_failures: Wrong PINs in a row that lock a user.
        lockout_s: How long a locked user must wait, in seconds.
        pin_delays_s: The wait after the 1st, 2nd, ... wrong PIN in a row, in seconds (the
            last one repeats); a try during the wait is refused unchecked.
    """

    def __init__(
        self,
        database: Database,
        *,
        max_pin_failures: int = 5,
        lockout_s: float = 60.0,
        pin_delays_s: Sequence[float] = PIN_DELAYS_S,
    ) -> None:
        if max_pin_failures < 1:
            raise ValueError(f"max_pin_failures must be at least 1, got {max_pin_failures}")
        if lockout_s < 0:
            raise ValueError(f"lockout_s must not be negative, got {lockout_s}")
        if not pin_delays_s or any(d < 0 or not math.isfinite(d) for d in pin_delays_s):
            raise ValueError(f"pin_delays_s must be finite, non-negative waits: {pin_delays_s}")
        self._db = database
        self.max_pin_failures = max_pin_failures
        self.lockout_s = lockout_s
        self.pin_delays_s = tuple(float(d) for d in pin_delays_s)

    @classmethod
    def open(
        cls,
        url: str,
        *,
        max_pin_failures: int = 5,
        lockout_s: float = 60.0,
        pin_delays_s: Sequence[float] = PIN_DELAYS_S,
    ) -> Store:
        """Open the database at ``url`` (created and migrated to the head as needed).

        Raises:
            StoreError: When the database cannot be opened or migrated.
        """
        return cls(
            Database.open(url),
            max_pin_failures=max_pin_failures,
            lockout_s=lockout_s,
            pin_delays_s=pin_delays_s,
        )

    @property
    def url(self) -> str:
        """The database URL (password hidden)."""
        return self._db.url

    @property
    def database(self) -> Database:
        """The underlying database (for the store's own modules, e.g. the audit chain)."""
        return self._db

    def close(self) -> None:
        """Close every connection; the Store must not be used afterwards."""
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ---- Sessions ---------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self._db.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with Session(self._db.write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    @staticmethod
    def _event(
        session: Session,
        kind: str,
        at: datetime,
        detail: Mapping[str, Any],
        inspection_id: str | None = None,
        actor: str | None = None,
    ) -> None:
        """Append an event chained to the newest one, in the caller's write transaction.

        Writing transactions begin with ``BEGIN IMMEDIATE``, so two appends never read the same
        head. The pending rows of the session are flushed first (autoflush), so several events
        of one transaction chain in the order they were appended.
        """
        head = session.execute(
            select(EventRow.seq, EventRow.hash).order_by(EventRow.seq.desc()).limit(1)
        ).first()
        seq, prev_hash = (head[0] + 1, head[1]) if head is not None else (1, GENESIS_HASH)
        body = normalised_detail(detail)
        digest = entry_hash(seq, instant_text(at), kind, inspection_id, actor, body, prev_hash)
        session.add(
            EventRow(
                inspection_id=inspection_id,
                kind=kind,
                at=at,
                actor=actor,
                detail=body,
                seq=seq,
                prev_hash=prev_hash,
                hash=digest,
            )
        )
        session.flush()

    # ---- Audit trail ------------------------------------------------------------------------

    def audit_head(self) -> tuple[int, str]:
        """The newest entry of the audit chain as ``(seq, hash)``; ``(0, GENESIS_HASH)`` if none."""
        with self._read() as session:
            head = session.execute(
                select(EventRow.seq, EventRow.hash).order_by(EventRow.seq.desc()).limit(1)
            ).first()
        return (int(head[0]), str(head[1])) if head is not None else (0, GENESIS_HASH)

    def audit_entries(self) -> list[ChainEntry]:
        """Every audit entry as stored, in row order (read raw, so that a damaged row is shown)."""
        query = text(
            "SELECT seq, at, kind, inspection_id, actor, detail, prev_hash, hash "
            "FROM events ORDER BY id"
        )
        with self._read() as session:
            rows = session.execute(query).all()
        entries = []
        for seq, at, kind, inspection_id, actor, detail, prev_hash, digest in rows:
            try:
                body = json.loads(detail) if isinstance(detail, str | bytes) else detail
            except ValueError:
                body = {"unreadable": str(detail)}  # never verifies against the stored hash
            entries.append(
                ChainEntry(
                    seq=seq if isinstance(seq, int) else None,
                    at=str(at),
                    kind=str(kind),
                    inspection_id=inspection_id,
                    actor=actor,
                    detail=body,
                    prev_hash=prev_hash,
                    hash=digest,
                )
            )
        return entries

    def verify_audit(self, expected_head: tuple[int, str] | None = None) -> AuditReport:
        """Recompute the whole audit chain; see ``kiosk.store.audit.verify_chain``."""
        return verify_chain(self.audit_entries(), expected_head)

    def note_settings(self, digest: str, source: str, now: datetime) -> bool:
        """Record the settings' SHA-256 when it differs from the last one recorded.

        Args:
            digest: The SHA-256 (hex) of the settings file (or of the defaults in use).
            source: Where the settings came from (a path or ``"defaults"``).
            now: The current time (aware).

        Returns:
            True when a ``settings_changed`` event was appended.
        """
        now = _aware(now)
        with self._write() as session:
            last = session.scalar(
                select(EventRow.detail)
                .where(EventRow.kind == SETTINGS_EVENT)
                .order_by(EventRow.seq.desc())
                .limit(1)
            )
            previous = last.get("sha256") if isinstance(last, dict) else None
            if previous == digest:
                return False
            self._event(
                session,
                SETTINGS_EVENT,
                now,
                {"sha256": digest, "source": source, "previous": previous},
            )
            return True

    # ---- Users ------------------------------------------------------------------------------

    def record_event(
        self,
        kind: str,
        detail: Mapping[str, Any],
        *,
        actor: str | None = None,
        inspection_id: str | None = None,
        now: datetime | None = None,
    ) -> None:
        """Append one event to the audit chain (a session locked, kiosk mode left, ...).

        Args:
            kind: The event kind, e.g. ``"session_locked"``.
            detail: JSON-able details.
            actor: Who did it (a username), if anyone.
            inspection_id: The inspection concerned, if any.
            now: The time to record (aware; the current time when ``None``).
        """
        when = _aware(now) if now is not None else datetime.now(UTC)
        with self._write() as session:
            self._event(session, kind, when, detail, inspection_id=inspection_id, actor=actor)

    def add_user(
        self, username: str, display_name: str, role: str, pin: str, badge: str | None = None
    ) -> User:
        """Create a user with an argon2id-hashed PIN.

        Raises:
            UserError: On a bad username, role or PIN, or a name or badge already taken or
                revoked.
        """
        now = datetime.now(UTC)
        pin_hash = self._checked_pin_hash(username, display_name, role, pin)
        with self._write() as session:
            row = self._add_user_in(session, username, display_name, role, pin_hash, badge, now)
            return _user(row)

    @staticmethod
    def _checked_pin_hash(
        username: str, display_name: str, role: str, pin: str, shipped: str | None = None
    ) -> str:
        if not _USERNAME.fullmatch(username):
            raise UserError(
                f"Username {username!r} is not allowed: use 2-64 lower-case letters, digits, . _ -"
            )
        if not display_name.strip():
            raise UserError("A display name is needed.")
        if role not in ROLES:
            raise UserError(f"Role {role!r} is not one of {', '.join(ROLES)}.")
        if not _PIN.fullmatch(pin):
            raise UserError("A PIN is 4 to 12 digits.")
        return shipped if shipped is not None else hash_pin(pin)

    def _add_user_in(
        self,
        session: Session,
        username: str,
        display_name: str,
        role: str,
        pin_hash: str,
        badge: str | None,
        now: datetime,
    ) -> UserRow:
        if session.get(UserRow, username) is not None:
            raise UserError(f"User {username!r} already exists.")
        badge = badge.strip() if badge else None
        if badge:
            holder = session.scalar(select(UserRow.username).where(UserRow.badge == badge))
            if holder is not None:
                raise UserError(f"Badge {badge} is already given to {holder!r}.")
            if session.get(RevokedBadgeRow, badge) is not None:
                raise UserError(f"Badge {badge} was revoked; issue a new badge.")
        row = UserRow(
            username=username,
            display_name=display_name.strip(),
            role=role,
            pin_hash=pin_hash,
            badge=badge,
            active=True,
            failed_attempts=0,
            locked_until=None,
            created_at=now,
        )
        session.add(row)
        self._event(session, "user_added", now, {"username": username, "role": role})
        return row

    def users(self) -> list[User]:
        """Every user, by username."""
        with self._read() as session:
            return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.username))]

    def user(self, username: str) -> User | None:
        """The user with ``username``, or ``None``."""
        with self._read() as session:
            row = session.get(UserRow, username)
            return _user(row) if row is not None else None

    def user_by_badge(self, badge: str, now: datetime | None = None) -> User | None:
        """The user holding ``badge``, or ``None``.

        A revoked badge gives ``None`` and appends a ``revoked_badge_presented`` event.
        """
        badge = badge.strip()
        with self._read() as session:
            row = session.scalar(select(UserRow).where(UserRow.badge == badge))
            if row is not None:
                return _user(row)
            revoked = session.get(RevokedBadgeRow, badge)
        if revoked is None:
            return None
        when = _aware(now) if now is not None else datetime.now(UTC)
        with self._write() as session:
            self._event(
                session,
                "revoked_badge_presented",
                when,
                {"badge": badge, "username": revoked.username},
            )
        return None

    def revoke_badge(
        self, badge: str, by: str, reason: str, now: datetime | None = None
    ) -> User | None:
        """Revoke ``badge`` for good: it is taken from its holder and never signs in again.

        Args:
            badge: The badge id.
            by: Who revokes it (recorded).
            reason: Why (recorded; e.g. "lost", "stolen", "left the service").
            now: The time to record (aware; the current time when ``None``).

        Returns:
            The user who held the badge (now without one), or ``None`` if nobody held it.

        Raises:
            UserError: When the badge, ``by`` or ``reason`` is empty or the badge is already
                revoked.
        """
        badge = badge.strip()
        when = _aware(now) if now is not None else datetime.now(UTC)
        if not badge:
            raise UserError("A badge id is needed.")
        if not by.strip():
            raise UserError("Say who revokes the badge.")
        if not reason.strip():
            raise UserError("A reason is needed to revoke a badge.")
        with self._write() as session:
            if session.get(RevokedBadgeRow, badge) is not None:
                raise UserError(f"Badge {badge} is already revoked.")
            row = session.scalar(select(UserRow).where(UserRow.badge == badge))
            username = row.username if row is not None else None
            if row is not None:
                row.badge = None
            session.add(
                RevokedBadgeRow(
                    badge=badge,
                    username=username,
                    revoked_at=when,
                    revoked_by=by.strip(),
                    reason=reason.strip(),
                )
            )
            self._event(
                session,
                "badge_revoked",
                when,
                {"badge": badge, "username": username, "reason": reason.strip()},
                actor=by.strip(),
            )
            return _user(row) if row is not None else None

    def revoked_badges(self) -> list[tuple[str, str | None, datetime, str, str]]:
        """Every revoked badge as ``(badge, username, revoked_at, revoked_by, reason)``."""
        with self._read() as session:
            return [
                (r.badge, r.username, r.revoked_at, r.revoked_by, r.reason)
                for r in session.scalars(select(RevokedBadgeRow).order_by(RevokedBadgeRow.badge))
            ]

    def user_languages(self) -> dict[str, str]:
        """The language each user last chose at this kiosk (``{"jpeeters": "nl"}``)."""
        with self._read() as session:
            return {r.username: r.language for r in session.scalars(select(UserPreferenceRow))}

    def set_user_language(self, username: str, language: str, now: datetime) -> None:
        """Remember the language a user chose (the screens switch to it at their sign-in).

        Raises:
            UserError: When there is no such user or the language is not a short lower-case
                code (``en``, ``nl``...; the UI checks it is one of its own).
        """
        if re.fullmatch(r"[a-z]{2,8}", language) is None:
            raise UserError(f"Not a language code: {language!r}.")
        when = _aware(now)
        with self._write() as session:
            if session.get(UserRow, username) is None:
                raise UserError(f"No user {username!r}.")
            row = session.get(UserPreferenceRow, username)
            if row is None:
                row = UserPreferenceRow(username=username, language=language, updated_at=when)
                session.add(row)
            elif row.language != language:
                row.language = language
                row.updated_at = when

    def set_user_active(
        self, username: str, active: bool, by: str, reason: str, now: datetime | None = None
    ) -> User:
        """Enable or disable a user (a disabled user neither signs in nor overrides).

        Raises:
            UserError: When there is no such user or no reason is given.
        """
        when = _aware(now) if now is not None else datetime.now(UTC)
        if not reason.strip():
            raise UserError("A reason is needed to enable or disable a user.")
        with self._write() as session:
            row = session.get(UserRow, username)
            if row is None:
                raise UserError(f"No user {username!r}.")
            row.active = active
            self._event(
                session,
                "user_enabled" if active else "user_disabled",
                when,
                {"username": username, "reason": reason.strip()},
                actor=by,
            )
            return _user(row)

    def verify_pin(self, username: str, pin: str, now: datetime) -> PinCheck:
        """Check a user's PIN, with a growing wait after wrong PINs and a lock-out.

        After the n-th wrong PIN in a row the next try must wait ``pin_delays_s[n-1]``
        seconds (the returned ``retry_after_s``; a try during the wait is refused unchecked
        and not counted); ``max_pin_failures`` wrong PINs in a row lock for ``lockout_s``. A
        right PIN resets the count and, when the stored hash is an old scrypt one or has old
        parameters, replaces it with a current argon2id hash. The store never sleeps.
        """
        now = _aware(now)
        with self._read() as session:
            found = session.get(UserRow, username)
            stored = found.pin_hash if found is not None else None
        if found is None or stored is None:
            return PinCheck(False, None, "Unknown user.")
        if not found.active:
            return PinCheck(False, _user(found), "This user is disabled. Ask a supervisor.")
        refused = self._wait_check(found, now)
        if refused is not None:
            return refused
        matches = check_pin(pin, stored)
        new_hash = hash_pin(pin) if matches and needs_rehash(stored) else None
        with self._write() as session:
            row = session.get(UserRow, username)
            if row is None:  # pragma: no cover - removed between the two transactions
                return PinCheck(False, None, "Unknown user.")
            refused = self._wait_check(row, now)
            if refused is not None:
                return refused
            if matches:
                row.failed_attempts = 0
                row.locked_until = None
                row.retry_at = None
                if new_hash is not None and row.pin_hash == stored:
                    row.pin_hash = new_hash
                    self._event(
                        session, "pin_rehashed", now, {"username": username, "to": "argon2id"}
                    )
                self._event(session, "sign_in", now, {"username": username}, actor=username)
                return PinCheck(True, _user(row), f"Signed in as {row.display_name}.")
            row.failed_attempts += 1
            if row.failed_attempts >= self.max_pin_failures:
                row.failed_attempts = 0
                row.retry_at = None
                row.locked_until = now + timedelta(seconds=self.lockout_s)
                self._event(session, "user_locked", now, {"username": username})
                message = self._lock_message(row.locked_until, now)
                return PinCheck(
                    False, _user(row), message or "Locked.", row.locked_until, self.lockout_s
                )
            left = self.max_pin_failures - row.failed_attempts
            delays = self.pin_delays_s
            wait_s = delays[min(row.failed_attempts, len(delays)) - 1]
            row.retry_at = now + timedelta(seconds=wait_s) if wait_s > 0 else None
            self._event(
                session,
                "pin_failed",
                now,
                {"username": username, "left": left, "wait_s": wait_s},
            )
            plural = "attempt" if left == 1 else "attempts"
            message = f"Wrong PIN. {left} {plural} left."
            if wait_s > 0:
                message += f" Wait {math.ceil(wait_s)} s before trying again."
            return PinCheck(False, _user(row), message, None, wait_s)

    def _wait_check(self, row: UserRow, now: datetime) -> PinCheck | None:
        """A refusal while the user is locked or must still wait, else ``None``."""
        locked = self._lock_message(row.locked_until, now)
        if locked is not None and row.locked_until is not None:
            wait_s = (row.locked_until - now).total_seconds()
            return PinCheck(False, _user(row), locked, row.locked_until, wait_s)
        if row.retry_at is not None and row.retry_at > now:
            wait_s = (row.retry_at - now).total_seconds()
            return PinCheck(
                False,
                _user(row),
                f"Wait {math.ceil(wait_s)} s before trying again.",
                None,
                wait_s,
            )
        return None

    def _lock_message(self, locked_until: datetime | None, now: datetime) -> str | None:
        if locked_until is None or locked_until <= now:
            return None
        wait_s = math.ceil((locked_until - now).total_seconds())
        return f"Locked for {wait_s} s after {self.max_pin_failures} wrong PINs."

    # ---- Reference data ---------------------------------------------------------------------

    def replace_reference(
        self, data: ReferenceData, source: str, version: str, published_at: datetime
    ) -> None:
        """Replace certificates, participants, declarations and listed parties in one go.

        Everything happens in one transaction that also records the data version: on any
        error nothing changes and the previous data stays in use.
        """
        published_at = _aware(published_at)
        with self._write() as session:
            self._replace_reference_in(session, data, source, version, published_at)

    def _replace_reference_in(
        self,
        session: Session,
        data: ReferenceData,
        source: str,
        version: str,
        published_at: datetime,
    ) -> None:
        now = datetime.now(UTC)
        # Lists loaded by import_list are managed there: the bundle leaves them alone.
        imported = set(
            session.scalars(
                select(DataImportRow.source).where(DataImportRow.kind == "list").distinct()
            )
        )
        bundle_parties = select(ListedPartyRow.id).where(ListedPartyRow.list_name.not_in(imported))
        session.execute(delete(ListedNameRow).where(ListedNameRow.party_id.in_(bundle_parties)))
        session.execute(delete(ListedPartyRow).where(ListedPartyRow.list_name.not_in(imported)))
        for table in (DeclarationRow, KpCertificateRow, KpParticipantRow):
            session.execute(delete(table))
        session.add_all(KpParticipantRow(code=p.code, name=p.name) for p in data.participants)
        session.add_all(
            KpCertificateRow(
                number=c.number,
                issuing_country=c.issuing_country,
                authority=c.authority,
                issued_on=c.issued_on,
                expires_on=c.expires_on,
                exporter=c.exporter,
                importer=c.importer,
                origin_countries=list(c.origin_countries),
                provenance_country=c.provenance_country,
                mixed=c.mixed,
                carats=c.carats,
                value_usd=c.value_usd,
                parcel_count=c.parcel_count,
                hs_code=c.hs_code,
            )
            for c in data.certificates
        )
        session.add_all(
            DeclarationRow(
                reference=d.reference,
                kp_number=d.kp_number,
                mrn=d.mrn,
                awb=d.awb,
                body=declaration_to_dict(d),
            )
            for d in data.declarations
        )
        for party in data.listed_parties:
            if party.list_name in imported:
                continue
            names = [
                ListedNameRow(
                    name=party.name, normalised=normalise_name(party.name), is_alias=False
                )
            ]
            names += [
                ListedNameRow(name=a, normalised=normalise_name(a), is_alias=True)
                for a in party.aliases
            ]
            session.add(
                ListedPartyRow(
                    list_name=party.list_name,
                    list_id=party.list_id,
                    name=party.name,
                    kind=party.kind,
                    programmes=list(party.programmes),
                    listed_on=party.listed_on,
                    names=names,
                )
            )
        counts = data.counts
        session.add(
            DataVersionRow(
                source=source,
                version=version,
                published_at=published_at,
                loaded_at=now,
                counts=counts,
            )
        )
        self._event(
            session,
            "reference_replaced",
            now,
            {"source": source, "version": version, "counts": counts},
        )

    def kp_certificate(self, number: str) -> KpCertificate | None:
        """The register's certificate with ``number`` (spaces and case ignored), or ``None``."""
        with self._read() as session:
            row = session.get(KpCertificateRow, number.replace(" ", "").upper())
            return _certificate(row) if row is not None else None

    def kp_participants(self) -> frozenset[str]:
        """The codes of the KP participants (``"EU"`` for the Union)."""
        with self._read() as session:
            return frozenset(session.scalars(select(KpParticipantRow.code)))

    def declaration_for(self, kind: IdentifierKind, value: str) -> Declaration | None:
        """The declaration found by a KP number, an MRN or an air waybill, or ``None``."""
        key = value.replace(" ", "").upper()
        column = {
            IdentifierKind.KP_CERTIFICATE: DeclarationRow.kp_number,
            IdentifierKind.MRN: DeclarationRow.mrn,
            IdentifierKind.AWB: DeclarationRow.awb,
        }.get(kind)
        if column is None:
            return None
        if kind is IdentifierKind.AWB:
            key = key.replace("-", "")
        with self._read() as session:
            row = session.scalar(
                select(DeclarationRow).where(column == key).order_by(DeclarationRow.reference)
            )
            return _declaration(row.body, row.reference) if row is not None else None

    def listed_parties_named(self, normalised: Iterable[str]) -> list[ListedParty]:
        """Listed parties with a name or alias whose normalised key is one of ``normalised``."""
        keys = sorted({k for k in normalised if k})
        if not keys:
            return []
        found: dict[int, ListedPartyRow] = {}
        with self._read() as session:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                rows = session.scalars(
                    select(ListedPartyRow)
                    .join(ListedNameRow, ListedNameRow.party_id == ListedPartyRow.id)
                    .where(ListedNameRow.normalised.in_(chunk), ListedNameRow.weak.is_(False))
                ).unique()
                for row in rows:
                    found[row.id] = row
            return [_party(found[i]) for i in sorted(found)]

    def data_version(self) -> DataVersion | None:
        """The reference data version in use (the last one loaded), or ``None``."""
        with self._read() as session:
            row = session.scalar(select(DataVersionRow).order_by(DataVersionRow.id.desc()))
            if row is None:
                return None
            return DataVersion(
                version=row.version,
                source=row.source,
                published_at=row.published_at,
                loaded_at=row.loaded_at,
                counts=dict(row.counts),
            )

    def seed_sample_data_if_empty(self, sample_dir: Path) -> bool:
        """On first start, load the users and reference data of ``sample_dir``.

        Does nothing (returns ``False``) when any user or data version exists already.
        Users and reference data are loaded in one transaction.

        Raises:
            ReferenceDataError: When a sample file is malformed (nothing is loaded).
        """
        with self._read() as session:
            has_users = session.scalar(select(func.count()).select_from(UserRow)) or 0
            has_data = session.scalar(select(func.count()).select_from(DataVersionRow)) or 0
        if has_users or has_data:
            return False
        data = load_reference_dir(sample_dir)
        # The sample files carry each PIN's hash (checked against the PIN by the tests);
        # a user without one is hashed here, side by side (argon2 leaves the GIL).
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            hashes = list(
                pool.map(
                    lambda u: _sample_hash(u.username, u.display_name, u.role, u.pin, u.pin_hash),
                    data.users,
                )
            )
        now = datetime.now(UTC)
        with self._write() as session:
            if session.scalar(select(func.count()).select_from(DataVersionRow)):
                return False  # pragma: no cover - another process seeded meanwhile
            for user, pin_hash in zip(data.users, hashes, strict=True):
                self._add_user_in(
                    session,
                    user.username,
                    user.display_name,
                    user.role,
                    pin_hash,
                    user.badge,
                    now,
                )
            self._replace_reference_in(
                session,
                data,
                "sample",
                data.version or "sample",
                data.published_at or now,
            )
        return True

    # ---- Inspections ------------------------------------------------------------------------

    def create_inspection(
        self, post: str, kiosk_id: str, inspector: str, now: datetime
    ) -> Inspection:
        """Start a new inspection in ``COLLECTING`` with a fresh time-ordered id."""
        now = _aware(now)
        for name, value in (("post", post), ("kiosk_id", kiosk_id), ("inspector", inspector)):
            if not value.strip():
                raise ValueError(f"{name} must not be empty")
        with self._write() as session:
            inspection_id = new_inspection_id(now)
            while session.get(InspectionRow, inspection_id) is not None:
                inspection_id = new_inspection_id(now)  # pragma: no cover - 1 in 65536
            row = InspectionRow(
                id=inspection_id,
                post=post,
                kiosk_id=kiosk_id,
                inspector=inspector,
                state=InspectionState.COLLECTING.value,
                started_at=now,
                updated_at=now,
                notes=[],
                identifiers=[],
                readings=[],
                photos=[],
                verdicts=[],
                overrides=[],
            )
            session.add(row)
            session.flush()
            self._event(
                session,
                "create",
                now,
                {"post": post, "kiosk_id": kiosk_id, "inspector": inspector},
                inspection_id,
                inspector,
            )
            crash_point("store:create:before-commit")
            return _inspection(row)

    def _step(
        self,
        inspection_id: str,
        event: Event | None,
        now: datetime,
        detail: Mapping[str, Any],
        apply: Callable[[Session, InspectionRow], None],
        actor: str | None = None,
        kind: str | None = None,
        skip: Callable[[InspectionRow], bool] | None = None,
    ) -> Inspection:
        """Apply a step to the inspection in one write transaction, with its audit event.

        ``skip``, when given and true for the row read, leaves the inspection as it is (no
        transition, no event) and returns it.
        """
        now = _aware(now)
        with self._write() as session:
            row = session.get(InspectionRow, inspection_id)
            if row is None:
                raise InspectionNotFoundError(f"No inspection {inspection_id!r}.")
            if skip is not None and skip(row):
                return _inspection(row)
            state = InspectionState(row.state)
            new_state = transition(state, event) if event is not None else state
            if event is Event.INPUT:
                for verdict in row.verdicts:
                    if verdict.superseded_at is None:
                        verdict.superseded_at = now
            apply(session, row)
            row.state = new_state.value
            row.updated_at = now
            if new_state in FINISHED and state not in FINISHED:
                # Queued for the hub in the same transaction: a finished inspection is never
                # missing from the outbox, whatever happens next.
                session.add(OutboxRow(inspection_id=row.id, enqueued_at=now, next_attempt_at=now))
            event_kind = kind or (event.value if event is not None else "step")
            self._event(
                session,
                event_kind,
                now,
                {**detail, "from": state.value, "to": new_state.value},
                inspection_id,
                actor,
            )
            session.flush()
            crash_point(f"store:{event_kind}:before-commit")
            return _inspection(row)

    def add_identifier(
        self, inspection_id: str, identifier: Identifier, now: datetime
    ) -> Inspection:
        """Record a scanned or typed identifier (``Event.INPUT``)."""
        return self._add_identifier(inspection_id, identifier, now, None)

    def add_new_identifier(
        self, inspection_id: str, identifier: Identifier, now: datetime
    ) -> tuple[Inspection, bool]:
        """Record ``identifier`` unless the inspection has it already (same kind and value).

        The inspection is read once, in the transaction that records the identifier: the
        kiosk saves a scan with one read instead of a read to look for it and another to
        record it (each read of an inspection with its identifiers, readings, verdicts and
        slips is 4-6 ms of Python in the task thread, holding the GIL). The same code again
        (a scanner's repeat, a second look) is not recorded, in any state: no transition, no
        event.

        Returns:
            The inspection, and whether ``identifier`` was recorded.
        """
        present = False

        def already_there(row: InspectionRow) -> bool:
            nonlocal present
            present = any(
                i.kind == identifier.kind.value and i.value == identifier.value
                for i in row.identifiers
            )
            return present

        inspection = self._add_identifier(inspection_id, identifier, now, already_there)
        return inspection, not present

    def _add_identifier(
        self,
        inspection_id: str,
        identifier: Identifier,
        now: datetime,
        skip: Callable[[InspectionRow], bool] | None,
    ) -> Inspection:
        now = _aware(now)

        def apply(_s: Session, row: InspectionRow) -> None:
            row.identifiers.append(
                IdentifierRow(
                    seq=len(row.identifiers) + 1,
                    kind=identifier.kind.value,
                    value=identifier.value,
                    source=identifier.source.value,
                    symbology=identifier.symbology,
                    raw=identifier.raw,
                    problem=identifier.problem,
                    at=now,
                )
            )

        return self._step(
            inspection_id,
            Event.INPUT,
            now,
            {"identifier": identifier_to_dict(identifier)},
            apply,
            skip=skip,
        )

    def set_reading(self, inspection_id: str, reading: WeightReading, now: datetime) -> Inspection:
        """Record a stable weight reading (``Event.INPUT``); the newest reading stands.

        Raises:
            ValueError: When the reading is not stable.
        """
        now = _aware(now)
        if reading.state is not WeightState.STABLE:
            raise ValueError(f"only a stable reading can be recorded, got {reading.state.value}")
        _aware(reading.taken_at)

        def apply(_s: Session, row: InspectionRow) -> None:
            row.readings.append(
                WeightReadingRow(
                    seq=len(row.readings) + 1,
                    carats=reading.carats,
                    state=reading.state.value,
                    raw=reading.raw,
                    taken_at=reading.taken_at,
                    unit=reading.unit,
                    value=reading.value,
                    scale_id=reading.scale_id,
                    at=now,
                )
            )

        return self._step(
            inspection_id, Event.INPUT, now, {"reading": reading_to_dict(reading)}, apply
        )

    def set_photo(self, inspection_id: str, photo: Photo, now: datetime) -> Inspection:
        """Record a photo of the parcel (``Event.INPUT``); the newest photo stands."""
        now = _aware(now)
        _aware(photo.taken_at)

        def apply(_s: Session, row: InspectionRow) -> None:
            row.photos.append(
                PhotoRow(
                    seq=len(row.photos) + 1,
                    path=photo.path,
                    sha256=photo.sha256,
                    width=photo.width,
                    height=photo.height,
                    taken_at=photo.taken_at,
                    at=now,
                )
            )

        return self._step(inspection_id, Event.INPUT, now, {"photo": photo_to_dict(photo)}, apply)

    def set_declaration(
        self, inspection_id: str, declaration: Declaration, now: datetime
    ) -> Inspection:
        """Attach the trader's declaration (``Event.INPUT``); a later one replaces it."""
        body = declaration_to_dict(declaration)

        def apply(_s: Session, row: InspectionRow) -> None:
            row.declaration = body

        return self._step(inspection_id, Event.INPUT, now, {"declaration": body}, apply)

    def set_verdict(self, inspection_id: str, verdict: Verdict, now: datetime) -> Inspection:
        """Record the verdict with every reason (``Event.DECIDE``); it supersedes an older one."""
        now = _aware(now)
        _aware(verdict.decided_at)

        def apply(_s: Session, row: InspectionRow) -> None:
            for old in row.verdicts:
                if old.superseded_at is None:
                    old.superseded_at = now
            row.verdicts.append(
                VerdictRow(
                    seq=len(row.verdicts) + 1,
                    outcome=verdict.outcome.label,
                    ruleset_version=verdict.ruleset_version,
                    data_version=verdict.data_version,
                    decided_at=verdict.decided_at,
                    superseded_at=None,
                    reasons=[
                        ReasonRow(
                            seq=i,
                            rule_id=r.rule_id,
                            outcome=r.outcome.label,
                            legal_basis=r.legal_basis,
                            message=r.message,
                            details=[[k, v] for k, v in r.details],
                        )
                        for i, r in enumerate(verdict.reasons, start=1)
                    ],
                )
            )

        return self._step(
            inspection_id, Event.DECIDE, now, {"verdict": verdict_to_dict(verdict)}, apply
        )

    def set_override(self, inspection_id: str, override: Override, now: datetime) -> Inspection:
        """Record a supervisor's override of a HOLD (``Event.OVERRIDE``).

        Raises:
            OverrideRefusedError: When the current verdict is not a HOLD, the supervisor is the
                inspection's inspector, or not an active user with the supervisor role.
        """
        now = _aware(now)
        _aware(override.at)

        def apply(session: Session, row: InspectionRow) -> None:
            current = _current_verdict(row)
            if current is None or current.outcome != Outcome.HOLD.label:
                shown = current.outcome if current is not None else "none"
                raise OverrideRefusedError(
                    f"Only a HOLD can be overridden; this verdict is {shown}."
                )
            if override.supervisor == row.inspector:
                raise OverrideRefusedError(
                    "An override needs a second person: the supervisor cannot be the inspector."
                )
            user = session.get(UserRow, override.supervisor)
            if user is None or not user.active or user.role != "supervisor":
                raise OverrideRefusedError(f"{override.supervisor!r} is not an active supervisor.")
            if not override.text.strip():
                raise OverrideRefusedError("An override needs a reason text.")
            row.overrides.append(
                OverrideRow(
                    verdict_id=current.id,
                    supervisor=override.supervisor,
                    code=override.code.value,
                    text=override.text,
                    new_outcome=override.new_outcome.label,
                    at=override.at,
                )
            )

        return self._step(
            inspection_id,
            Event.OVERRIDE,
            now,
            {"override": override_to_dict(override)},
            apply,
            actor=override.supervisor,
        )

    def set_slip(self, inspection_id: str, path: str, now: datetime) -> Inspection:
        """Record where the slip PDF was written (no state change; needs a decided inspection).

        Raises:
            IllegalTransitionError: When the inspection is not decided, overridden or printed.
        """

        def apply(_s: Session, row: InspectionRow) -> None:
            state = InspectionState(row.state)
            if state in FINISHED or state is InspectionState.COLLECTING:
                raise IllegalTransitionError(state, Event.PRINT)
            row.slip_path = path

        return self._step(inspection_id, None, now, {"slip_path": path}, apply, kind="slip")

    def mark_printed(
        self, inspection_id: str, now: datetime, *, reprint: bool = False
    ) -> Inspection:
        """Record that the slip was printed (``Event.PRINT``; a reprint keeps the first time).

        Args:
            inspection_id: The inspection.
            now: When it was printed.
            reprint: The stored slip was printed again on purpose: the audit entry is a
                ``reprint`` (not ``print``), so every extra copy is accounted for.
        """
        now = _aware(now)

        def apply(_s: Session, row: InspectionRow) -> None:
            if row.printed_at is None:
                row.printed_at = now

        if reprint:
            return self._step(
                inspection_id, Event.PRINT, now, {"reprint": True}, apply, kind="reprint"
            )
        return self._step(inspection_id, Event.PRINT, now, {}, apply)

    def set_new_seal(
        self, inspection_id: str, seal: str, now: datetime, actor: str | None = None
    ) -> Inspection:
        """Record the seal applied to the parcel after the inspection (audit ``seal_applied``).

        It is kept in the inspection's notes (``NEW_SEAL_NOTE``; the latest counts) and does
        not change the verdict. Refused on a closed or voided inspection.
        """
        value = seal.strip().upper()
        if not value:
            raise SealError("Type the new seal's number first.")

        def apply(_s: Session, row: InspectionRow) -> None:
            if InspectionState(row.state) in FINISHED:
                raise SealError("This parcel's inspection is finished: no seal now.")
            row.notes = [*row.notes, f"{NEW_SEAL_NOTE}{value}"]

        return self._step(
            inspection_id, None, now, {"new_seal": value}, apply, actor, kind="seal_applied"
        )

    def record_reprint(
        self, inspection_id: str, actor: str | None, detail: Mapping[str, Any], now: datetime
    ) -> None:
        """Append a ``reprint`` event: a past slip printed again (the state does not change).

        Raises:
            InspectionNotFoundError: When there is no such inspection.
        """
        now = _aware(now)
        with self._write() as session:
            if session.get(InspectionRow, inspection_id) is None:
                raise InspectionNotFoundError(f"No inspection {inspection_id!r}.")
            self._event(session, "reprint", now, detail, inspection_id, actor)

    def close_inspection(self, inspection_id: str, now: datetime) -> Inspection:
        """Close a decided inspection (``Event.CLOSE``)."""
        now = _aware(now)

        def apply(_s: Session, row: InspectionRow) -> None:
            row.closed_at = now

        return self._step(inspection_id, Event.CLOSE, now, {}, apply)

    def void_inspection(self, inspection_id: str, reason: str, now: datetime) -> Inspection:
        """Void an inspection with a reason (``Event.VOID``); the reason is kept in its notes.

        Raises:
            ValueError: When ``reason`` is empty.
        """
        now = _aware(now)
        if not reason.strip():
            raise ValueError("voiding an inspection needs a reason")

        def apply(_s: Session, row: InspectionRow) -> None:
            row.closed_at = now
            row.void_reason = reason.strip()
            row.notes = [*row.notes, f"Voided: {reason.strip()}"]

        return self._step(inspection_id, Event.VOID, now, {"reason": reason.strip()}, apply)

    def get(self, inspection_id: str) -> Inspection:
        """The inspection with ``inspection_id``.

        Raises:
            InspectionNotFoundError: When there is none.
        """
        with self._read() as session:
            row = session.get(InspectionRow, inspection_id)
            if row is None:
                raise InspectionNotFoundError(f"No inspection {inspection_id!r}.")
            return _inspection(row)

    def get_many(self, inspection_ids: Sequence[str]) -> dict[str, Inspection]:
        """The inspections with these ids that exist, read together (one query per table)."""
        found: dict[str, Inspection] = {}
        with self._read() as session:
            for start in range(0, len(inspection_ids), _CHUNK):
                chunk = list(inspection_ids[start : start + _CHUNK])
                rows = session.scalars(select(InspectionRow).where(InspectionRow.id.in_(chunk)))
                found.update((row.id, _inspection(row)) for row in rows)
        return found

    def unfinished(self, post: str, kiosk_id: str) -> Inspection | None:
        """The newest inspection of this kiosk that is neither closed nor voided, or ``None``."""
        finished = [s.value for s in FINISHED]
        with self._read() as session:
            row = session.scalar(
                select(InspectionRow)
                .where(
                    InspectionRow.post == post,
                    InspectionRow.kiosk_id == kiosk_id,
                    InspectionRow.state.not_in(finished),
                )
                .order_by(InspectionRow.started_at.desc(), InspectionRow.id.desc())
                .limit(1)
            )
            return _inspection(row) if row is not None else None

    def recent(self, limit: int = 50) -> list[Inspection]:
        """The newest inspections first, at most ``limit``."""
        with self._read() as session:
            rows = session.scalars(
                select(InspectionRow)
                .order_by(InspectionRow.started_at.desc(), InspectionRow.id.desc())
                .limit(max(0, limit))
            )
            return [_inspection(r) for r in rows]

    def events(self, inspection_id: str | None = None) -> list[StoredEvent]:
        """The event log in order: of one inspection, or all of it when ``None``."""
        query = select(EventRow).order_by(EventRow.id)
        if inspection_id is not None:
            query = query.where(EventRow.inspection_id == inspection_id)
        with self._read() as session:
            return [
                StoredEvent(
                    id=r.id,
                    inspection_id=r.inspection_id,
                    kind=r.kind,
                    at=r.at,
                    actor=r.actor,
                    detail=r.detail,
                )
                for r in session.scalars(query)
            ]
