"""Records out: finished inspections from the outbox to the hub, each confirmed before it counts.

``Uploader(settings, store).run_once()`` sends the records that are due, oldest first, up to
``BATCH_RECORDS`` per request (``POST /api/v1/records/batch``, see ``kiosk.hub.server``); each
record's inspection id is its idempotency key. A record is marked sent only when the hub has
answered 200 for it with a receipt (all of a request's confirmations in one transaction); a
crash between the answer and the mark resends it, and the hub answers with the same receipt.
A failed record waits ``BACKOFF_BASE_S * 2**(attempts-1)`` seconds (plus or minus 10 %, at most
``[sync] backoff_max_s``) before its next try; the queue lives in the database, so it survives
a restart or days without the hub.

Each upload also carries the kiosk's audit entries the hub does not hold yet (after
``audit_sent_seq`` in the sync state) and the chain head, so that the hub can tell a kiosk
whose history was rewritten. The hub's answer lists the audit breaks it found in this upload
(``audit.flags``) and, from hubs with acknowledgements, the kiosk's breaks still open
(``audit.open_breaks``): the kiosk keeps that list as its flag (``upload_audit_flags``), so the
flag clears at the first upload after a supervisor acknowledged the breaks at the hub. From an
older hub (no ``open_breaks``) a flag stays until one is replaced by a newer one, as before.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import random
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.crashpoints import crash_point
from kiosk.domain.models import Inspection
from kiosk.settings import Settings
from kiosk.store import Store, StoreError
from kiosk.store.audit import GENESIS_HASH, ChainEntry
from kiosk.store.codec import (
    declaration_to_dict,
    identifier_to_dict,
    instant_text,
    override_to_dict,
    photo_to_dict,
    reading_to_dict,
    verdict_to_dict,
)
from kiosk.store.outbox import OutboxItem

log = logging.getLogger(__name__)

RECORD_FORMAT = 1
RECORDS_PATH = "/api/v1/records"
BATCH_PATH = "/api/v1/records/batch"
BATCH_RECORDS = 25
"""Records sent in one request at most (the hub stores them in one transaction)."""
BATCH_BYTES = 8 * 1024 * 1024
"""A request grows to about this many bytes at most (one record may be larger alone)."""
BACKOFF_BASE_S = 10.0
"""The wait after a record's first failure; it doubles with each failure after."""
MAX_AUDIT_ENTRIES = 5_000
"""Audit entries sent with one record at most (a long backlog goes over several records)."""
MAX_FILE_BYTES = 15 * 1024 * 1024
"""A photo or slip larger than this is not sent (the record says so)."""

# Sync state names (``Store.sync_values``).
AUDIT_SENT_SEQ = "audit_sent_seq"
AUDIT_SENT_HASH = "audit_sent_hash"
LAST_UPLOAD_ATTEMPT = "upload_last_attempt_at"
LAST_UPLOAD_SUCCESS = "upload_last_success_at"
LAST_UPLOAD_ERROR = "upload_last_error"
LAST_AUDIT_FLAGS = "upload_audit_flags"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class UploadResult:
    """The outcome of one upload cycle.

    Attributes:
        ok: Nothing failed (every due record was confirmed, or none was due).
        sent: Records the hub confirmed in this cycle.
        failed: Records whose attempt failed in this cycle.
        waiting: Records still waiting for confirmation afterwards.
        message: One line for the user and the log.
        audit_flags: Audit breaks the hub found in this cycle's uploads (normally empty).
        audit_open: The kiosk's open audit breaks as the hub's last answer listed them;
            ``None`` when no answer said (nothing sent, or a hub without acknowledgements).
    """

    ok: bool
    sent: int
    failed: int
    waiting: int
    message: str
    audit_flags: tuple[str, ...] = ()
    audit_open: tuple[str, ...] | None = None


class _StopCycleError(Exception):
    """A failure that ends the cycle (hub unreachable, token refused): one line."""


def read_token(settings: Settings) -> str:
    """The kiosk's upload token: ``[sync] token``, else the first line of ``token_file``.

    Raises:
        ValueError: When neither gives a token (the message says what to set).
    """
    token = settings.sync.token.strip()
    if not token and settings.sync.token_file:
        path = Path(settings.sync.token_file).expanduser()
        try:
            token = path.read_text(encoding="utf-8").strip().splitlines()[0].strip()
        except (OSError, IndexError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "empty or unreadable"
            raise ValueError(f"cannot read the upload token from {path}: {reason}") from None
    if not token:
        raise ValueError("no upload token: set [sync] token_file (from kiosk-hub kiosks add)")
    return token


def inspection_to_dict(inspection: Inspection, kiosk_id: str) -> dict[str, Any]:
    """The whole inspection as the hub stores it (JSON values only)."""
    return {
        "id": inspection.id,
        "post": inspection.post,
        "kiosk_id": kiosk_id,
        "inspector": inspection.inspector,
        "state": inspection.state.value,
        "started_at": instant_text(inspection.started_at),
        "closed_at": instant_text(inspection.closed_at) if inspection.closed_at else None,
        "printed_at": instant_text(inspection.printed_at) if inspection.printed_at else None,
        "identifiers": [identifier_to_dict(i) for i in inspection.identifiers],
        "reading": reading_to_dict(inspection.reading) if inspection.reading else None,
        "photo": photo_to_dict(inspection.photo) if inspection.photo else None,
        "declaration": declaration_to_dict(inspection.declaration)
        if inspection.declaration
        else None,
        "verdict": verdict_to_dict(inspection.verdict) if inspection.verdict else None,
        "override": override_to_dict(inspection.override) if inspection.override else None,
        "final_outcome": inspection.final_outcome.label
        if inspection.final_outcome is not None
        else None,
        "slip_file": Path(inspection.slip_path).name if inspection.slip_path else None,
        "notes": list(inspection.notes),
    }


def _file(path: str | None, media_type: str) -> tuple[dict[str, str] | None, str | None]:
    """A file as the record carries it, or ``None`` and why it is missing."""
    if not path:
        return None, None
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            return None, f"{Path(path).name}: {size} bytes, over the limit"
        data = Path(path).read_bytes()
    except OSError as exc:
        return None, f"{Path(path).name}: {exc.strerror}"
    return {
        "sha256": hashlib.sha256(data).hexdigest(),
        "media_type": media_type,
        "data_b64": base64.b64encode(data).decode("ascii"),
    }, None


def _entry(entry: ChainEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "kind": entry.kind,
        "inspection_id": entry.inspection_id,
        "actor": entry.actor,
        "detail": entry.detail,
        "prev_hash": entry.prev_hash or "",
        "hash": entry.hash or "",
    }


def record_body(
    inspection: Inspection,
    item: OutboxItem,
    entries: Sequence[ChainEntry],
    head: tuple[int, str],
) -> dict[str, Any]:
    """The JSON body of one record: the inspection, its files, audit entries and head."""
    body = inspection_to_dict(inspection, item.kiosk_id)
    photo, photo_problem = _file(inspection.photo.path if inspection.photo else None, "image/jpeg")
    slip, slip_problem = _file(inspection.slip_path, "application/pdf")
    missing = [p for p in (photo_problem, slip_problem) if p]
    if missing:
        body["files_missing"] = missing
    return {
        "format": RECORD_FORMAT,
        "inspection_id": inspection.id,
        "kiosk_id": item.kiosk_id,
        "post": inspection.post,
        "inspection": body,
        "photo": photo,
        "slip": slip,
        "audit": {
            "entries": [_entry(e) for e in entries],
            "head": {"seq": head[0], "hash": head[1]},
        },
    }


def _audit_backlog(store: Store) -> tuple[list[ChainEntry], tuple[int, str]]:
    """The audit entries the hub does not hold yet, and the head after them."""
    values = store.sync_values()
    sent_seq = int(values.get(AUDIT_SENT_SEQ) or 0)
    sent_hash = str(values.get(AUDIT_SENT_HASH) or GENESIS_HASH)
    entries = store.audit_entries_after(sent_seq, MAX_AUDIT_ENTRIES)
    head = (entries[-1].seq or 0, entries[-1].hash or "") if entries else (sent_seq, sent_hash)
    return entries, head


def build_record(store: Store, item: OutboxItem) -> tuple[dict[str, Any], tuple[int, str]]:
    """The request body for one queued record (``POST /api/v1/records``) and its audit head."""
    entries, head = _audit_backlog(store)
    return record_body(store.get(item.inspection_id), item, entries, head), head


class Uploader:
    """Sends the outbox to the hub, up to ``BATCH_RECORDS`` records per request.

    Args:
        settings: The settings (``[sync] hub_url``, token, batch size, back-off, timeout).
        store: The kiosk's open store.
        clock: The current UTC time (tests pass their own).
    """

    def __init__(
        self, settings: Settings, store: Store, *, clock: Callable[[], datetime] = _utc_now
    ) -> None:
        self.settings = settings
        self.store = store
        self.clock = clock
        self._random = random.Random()

    @property
    def url(self) -> str:
        """The batch records endpoint of the hub."""
        return self.settings.sync.hub_url.rstrip("/") + BATCH_PATH

    def backoff_s(self, attempts: int) -> float:
        """The wait before the next try after ``attempts`` failures."""
        delay = BACKOFF_BASE_S * 2.0 ** min(max(attempts - 1, 0), 30)
        delay *= self._random.uniform(0.9, 1.1)
        return float(min(delay, float(self.settings.sync.backoff_max_s)))

    def run_once(self, *, ignore_backoff: bool = False) -> UploadResult:
        """Send what is due, at most ``[sync] upload_batch`` records; never raises.

        Args:
            ignore_backoff: Send every waiting record now ("Sync now"), not only those due.
        """
        try:
            return self._run(ignore_backoff)
        except StoreError as exc:
            return UploadResult(False, 0, 0, 0, f"records not sent: {exc}")
        except Exception as exc:  # the sync must never take the kiosk down
            log.exception("upload cycle failed")
            return UploadResult(False, 0, 0, 0, f"records not sent: {exc}")

    def _run(self, ignore_backoff: bool) -> UploadResult:
        if not self.settings.sync.hub_url:
            return UploadResult(False, 0, 0, self.store.outbox_summary().waiting, "no hub set")
        now = self.clock()
        try:
            token = read_token(self.settings)
        except ValueError as exc:
            self._note(now, ok=False, error=str(exc))
            return UploadResult(False, 0, 0, self.store.outbox_summary().waiting, str(exc))
        due = self.store.outbox_due(
            now, self.settings.sync.upload_batch, ignore_backoff=ignore_backoff
        )
        sent = failed = 0
        flags: list[str] = []
        still_open: list[str] | None = None
        error: str | None = None
        for start in range(0, len(due), BATCH_RECORDS):
            chunk = due[start : start + BATCH_RECORDS]
            try:
                outcome = self._send_chunk(chunk, token)
            except _StopCycleError as exc:
                error = str(exc)
                for item in chunk:
                    self._fail(item, error)
                failed += len(chunk)
                break
            sent += outcome.sent
            failed += len(outcome.errors)
            flags.extend(outcome.flags)
            if outcome.open_breaks is not None:
                still_open = outcome.open_breaks
            for item in chunk:
                if item.inspection_id in outcome.errors:
                    error = outcome.errors[item.inspection_id]
                    self._fail(item, error)
        for flag in flags:
            log.warning("hub: %s", flag)
        waiting = self.store.outbox_summary().waiting
        self._note(now, ok=error is None, error=error, flags=flags, still_open=still_open)
        if error is not None:
            message = f"{sent} sent, {failed} failed, {waiting} waiting: {error}"
        elif sent:
            message = f"{sent} record{'s' if sent != 1 else ''} sent, {waiting} waiting"
        else:
            message = f"nothing due, {waiting} waiting" if waiting else "all records sent"
        if flags:
            message += f"; hub flagged the audit chain: {flags[0]}"
        return UploadResult(
            error is None,
            sent,
            failed,
            waiting,
            message,
            tuple(flags),
            tuple(still_open) if still_open is not None else None,
        )

    def _note(
        self,
        now: datetime,
        *,
        ok: bool,
        error: str | None,
        flags: list[str] | None = None,
        still_open: list[str] | None = None,
    ) -> None:
        values: dict[str, Any] = {LAST_UPLOAD_ATTEMPT: instant_text(now), LAST_UPLOAD_ERROR: error}
        if ok:
            values[LAST_UPLOAD_SUCCESS] = instant_text(now)
        if still_open is not None:
            # The hub's view (empty once a supervisor has acknowledged the breaks).
            values[LAST_AUDIT_FLAGS] = still_open[-10:]
        elif flags:
            values[LAST_AUDIT_FLAGS] = flags[-10:]
        self.store.set_sync_values(values, self.clock())

    def _fail(self, item: OutboxItem, error: str) -> None:
        now = self.clock()
        wait_s = self.backoff_s(item.attempts + 1)
        self.store.outbox_mark_failed(
            item.inspection_id, error, now + timedelta(seconds=wait_s), now
        )
        log.info("record %s not sent (%s); next try in %.0f s", item.inspection_id, error, wait_s)

    def _bodies(self, chunk: Sequence[OutboxItem]) -> list[bytes]:
        """The chunk's records as JSON, the audit backlog on the first; cut at BATCH_BYTES."""
        inspections = self.store.get_many([item.inspection_id for item in chunk])
        entries, head = _audit_backlog(self.store)
        bodies: list[bytes] = []
        for item in chunk:
            inspection = inspections.get(item.inspection_id)
            if inspection is None:  # pragma: no cover - the outbox row's key guarantees it
                continue
            record = record_body(inspection, item, entries, head)
            entries = []  # the rest of the batch chains onto the head the first one sent
            bodies.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode())
        return bodies

    def _send_chunk(self, chunk: Sequence[OutboxItem], token: str) -> _ChunkOutcome:
        """Send records in as few requests as the size limit allows; store the receipts."""
        bodies = self._bodies(chunk)
        outcome = _ChunkOutcome()
        request_bodies: list[list[bytes]] = [[]]
        size = 0
        for body in bodies:
            if request_bodies[-1] and size + len(body) > BATCH_BYTES:
                request_bodies.append([])
                size = 0
            request_bodies[-1].append(body)
            size += len(body)
        for group in request_bodies:
            if not group:
                continue
            crash_point("outbox:before-request")
            answer = self._post(b'{"records":[' + b",".join(group) + b"]}", token)
            crash_point("outbox:answered")
            results = answer.get("results")
            if not isinstance(results, list):
                raise _StopCycleError("the hub's answer has no results")
            receipts: dict[str, dict[str, Any]] = {}
            audit_head: tuple[int, str] | None = None
            for result in results:
                if not isinstance(result, dict):
                    continue
                inspection_id = str(result.get("inspection_id", ""))
                receipt = result.get("receipt")
                if result.get("status") == 200 and isinstance(receipt, dict):
                    receipts[inspection_id] = receipt
                    audit = result.get("audit") or {}
                    seq, digest = audit.get("head_seq"), audit.get("head_hash")
                    if isinstance(seq, int) and isinstance(digest, str):
                        audit_head = (seq, digest)
                    outcome.flags.extend(str(f) for f in audit.get("flags") or [])
                    open_breaks = audit.get("open_breaks")
                    if isinstance(open_breaks, list):  # a hub with acknowledgements
                        outcome.open_breaks = [str(f) for f in open_breaks]
                else:
                    detail = str(result.get("detail", "refused"))[:200]
                    outcome.errors[inspection_id] = (
                        f"the hub refused {inspection_id}: {result.get('status')} {detail}"
                    )
            values = (
                {AUDIT_SENT_SEQ: audit_head[0], AUDIT_SENT_HASH: audit_head[1]}
                if audit_head is not None
                else None
            )
            self.store.outbox_mark_sent_many(receipts, self.clock(), values)
            crash_point("outbox:marked-sent")
            outcome.sent += len(receipts)
        return outcome

    def _post(self, data: bytes, token: str) -> dict[str, Any]:
        request = urllib.request.Request(
            self.url,
            data=data,
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.settings.sync.timeout_s) as answer:
                body = answer.read()
        except urllib.error.HTTPError as exc:
            detail = _detail(exc)
            if exc.code == 401:
                raise _StopCycleError(f"the hub refused this kiosk's token ({detail})") from None
            raise _StopCycleError(f"the hub answered {exc.code} ({detail})") from None
        except (TimeoutError, urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            where = self.settings.sync.hub_url
            raise _StopCycleError(f"hub unreachable at {where}: {reason}") from None
        try:
            answer_json = json.loads(body)
        except ValueError:
            raise _StopCycleError("the hub's answer is not JSON") from None
        if not isinstance(answer_json, dict):
            raise _StopCycleError("the hub's answer is not a JSON object")
        return answer_json


@dataclass
class _ChunkOutcome:
    sent: int = 0
    errors: dict[str, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    open_breaks: list[str] | None = None


def _detail(exc: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(exc.read() or b"{}")
    except (ValueError, OSError):
        return exc.reason if isinstance(exc.reason, str) else str(exc.code)
    detail = body.get("detail") if isinstance(body, dict) else None
    return str(detail)[:200] if detail else str(exc.reason)
