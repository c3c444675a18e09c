"""Store methods for records out (mixed into ``Store``): the outbox queue and the sync state.

A row enters the outbox in the transaction that closes or voids an inspection (see
``Store._step``); the uploader reads what is due, and marks a row sent only once the hub has
confirmed it. Named values (last attempt, last success, the audit entries the hub holds) live
in ``sync_state`` so that ``kiosk sync status`` and a restarted kiosk see them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kiosk.store.audit import ChainEntry
from kiosk.store.database import Database
from kiosk.store.tables import InspectionRow, OutboxRow, SyncStateRow


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One queued record as the uploader sees it."""

    inspection_id: str
    kiosk_id: str
    post: str
    enqueued_at: datetime
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    sent_at: datetime | None
    receipt: Mapping[str, Any] | None


@dataclass(frozen=True, slots=True)
class OutboxSummary:
    """The queue at a glance.

    Attributes:
        waiting: Records not yet confirmed by the hub.
        failing: Of which the last attempt failed.
        sent: Records the hub confirmed.
        oldest_waiting_at: When the oldest waiting record was queued.
        next_attempt_at: The earliest retry time among the waiting records.
        last_error: The newest failure among the waiting records, one line.
    """

    waiting: int
    failing: int
    sent: int
    oldest_waiting_at: datetime | None
    next_attempt_at: datetime | None
    last_error: str | None


def _item(row: OutboxRow, kiosk_id: str, post: str) -> OutboxItem:
    return OutboxItem(
        inspection_id=row.inspection_id,
        kiosk_id=kiosk_id,
        post=post,
        enqueued_at=row.enqueued_at,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        sent_at=row.sent_at,
        receipt=row.receipt,
    )


class OutboxStoreMixin:
    """The outbox and the sync state; ``Store`` inherits these methods."""

    _db: Database

    @contextmanager
    def _outbox_read(self) -> Iterator[Session]:
        with Session(self._db.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def _outbox_write(self) -> Iterator[Session]:
        with Session(self._db.write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    # ---- The queue --------------------------------------------------------------------------

    def outbox_due(
        self, now: datetime, limit: int, *, ignore_backoff: bool = False
    ) -> list[OutboxItem]:
        """Waiting records whose retry time has come, oldest first, at most ``limit``.

        With ``ignore_backoff`` every waiting record is due ("Sync now").
        """
        query = (
            select(OutboxRow, InspectionRow.kiosk_id, InspectionRow.post)
            .join(InspectionRow, InspectionRow.id == OutboxRow.inspection_id)
            .where(OutboxRow.sent_at.is_(None))
            .order_by(OutboxRow.id)
            .limit(max(0, limit))
        )
        if not ignore_backoff:
            query = query.where(OutboxRow.next_attempt_at <= now.astimezone(UTC))
        with self._outbox_read() as session:
            return [_item(row, kiosk, post) for row, kiosk, post in session.execute(query)]

    def outbox_items(self, *, include_sent: bool = False, limit: int = 100) -> list[OutboxItem]:
        """Queued records, oldest first (the confirmed ones too with ``include_sent``)."""
        query = (
            select(OutboxRow, InspectionRow.kiosk_id, InspectionRow.post)
            .join(InspectionRow, InspectionRow.id == OutboxRow.inspection_id)
            .order_by(OutboxRow.id)
            .limit(max(0, limit))
        )
        if not include_sent:
            query = query.where(OutboxRow.sent_at.is_(None))
        with self._outbox_read() as session:
            return [_item(row, kiosk, post) for row, kiosk, post in session.execute(query)]

    def outbox_mark_sent(
        self, inspection_id: str, receipt: Mapping[str, Any], now: datetime
    ) -> None:
        """Record the hub's confirmation of a record (a second confirmation changes nothing)."""
        with self._outbox_write() as session:
            row = session.scalar(select(OutboxRow).where(OutboxRow.inspection_id == inspection_id))
            if row is None or row.sent_at is not None:
                return
            row.sent_at = now.astimezone(UTC)
            row.last_attempt_at = now.astimezone(UTC)
            row.attempts += 1
            row.receipt = json.loads(json.dumps(dict(receipt)))
            row.last_error = None

    def outbox_mark_sent_many(
        self,
        receipts: Mapping[str, Mapping[str, Any]],
        now: datetime,
        sync_values: Mapping[str, Any] | None = None,
    ) -> None:
        """``outbox_mark_sent`` for several records, and set sync values, in one transaction."""
        now = now.astimezone(UTC)
        with self._outbox_write() as session:
            rows = session.scalars(
                select(OutboxRow).where(OutboxRow.inspection_id.in_(list(receipts)))
            )
            for row in rows:
                if row.sent_at is not None:
                    continue
                row.sent_at = now
                row.last_attempt_at = now
                row.attempts += 1
                row.receipt = json.loads(json.dumps(dict(receipts[row.inspection_id])))
                row.last_error = None
            for name, value in (sync_values or {}).items():
                state = session.get(SyncStateRow, name)
                if state is None:
                    session.add(SyncStateRow(name=name, value=value, updated_at=now))
                else:
                    state.value = value
                    state.updated_at = now

    def outbox_mark_failed(
        self, inspection_id: str, error: str, next_attempt_at: datetime, now: datetime
    ) -> int:
        """Record a failed attempt and when to try again; returns the attempts so far."""
        with self._outbox_write() as session:
            row = session.scalar(select(OutboxRow).where(OutboxRow.inspection_id == inspection_id))
            if row is None or row.sent_at is not None:
                return 0
            row.attempts += 1
            row.last_attempt_at = now.astimezone(UTC)
            row.last_error = error[:500]
            row.next_attempt_at = next_attempt_at.astimezone(UTC)
            return row.attempts

    def outbox_summary(self) -> OutboxSummary:
        """How many records wait, fail and were sent; the oldest and the next retry."""
        waiting = OutboxRow.sent_at.is_(None)
        with self._outbox_read() as session:
            n_waiting, n_failing, oldest, next_at = session.execute(
                select(
                    func.count(),
                    func.count(OutboxRow.last_error),
                    func.min(OutboxRow.enqueued_at),
                    func.min(OutboxRow.next_attempt_at),
                ).where(waiting)
            ).one()
            n_sent = session.scalar(
                select(func.count()).select_from(OutboxRow).where(OutboxRow.sent_at.is_not(None))
            )
            last_error = session.scalar(
                select(OutboxRow.last_error)
                .where(waiting, OutboxRow.last_error.is_not(None))
                .order_by(OutboxRow.last_attempt_at.desc())
                .limit(1)
            )
        return OutboxSummary(
            waiting=int(n_waiting),
            failing=int(n_failing),
            sent=int(n_sent or 0),
            oldest_waiting_at=oldest,
            next_attempt_at=next_at,
            last_error=last_error,
        )

    # ---- Audit entries for the hub ----------------------------------------------------------

    def audit_entries_after(self, seq: int, limit: int) -> list[ChainEntry]:
        """The audit entries after ``seq`` in chain order, at most ``limit`` (read raw)."""
        query = text(
            "SELECT seq, at, kind, inspection_id, actor, detail, prev_hash, hash "
            "FROM events WHERE seq > :seq ORDER BY seq LIMIT :limit"
        )
        with self._outbox_read() as session:
            rows = session.execute(query, {"seq": seq, "limit": max(0, limit)}).all()
        entries = []
        for entry_seq, at, kind, inspection_id, actor, detail, prev_hash, digest in rows:
            try:
                body = json.loads(detail) if isinstance(detail, str | bytes) else detail
            except ValueError:
                body = {"unreadable": str(detail)}
            entries.append(
                ChainEntry(
                    seq=entry_seq,
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

    # ---- Named sync values ------------------------------------------------------------------

    def sync_values(self) -> dict[str, Any]:
        """Every named sync value (``last_attempt_at``, ``audit_sent_seq``, ...)."""
        with self._outbox_read() as session:
            return {row.name: row.value for row in session.scalars(select(SyncStateRow))}

    def set_sync_values(self, values: Mapping[str, Any], now: datetime) -> None:
        """Set named sync values (JSON values) in one transaction."""
        with self._outbox_write() as session:
            for name, value in values.items():
                row = session.get(SyncStateRow, name)
                if row is None:
                    session.add(SyncStateRow(name=name, value=value, updated_at=now))
                else:
                    row.value = value
                    row.updated_at = now
