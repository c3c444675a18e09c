"""One sync cycle (data in, then records out) and the sync status as the screen shows it.

Used by ``kiosk sync`` and by the background ``SyncService``; neither raises. Data updates
come from ``kiosk.sync.data_in.DataUpdater`` when ``[sync] tuf_root`` is set; without it a
cycle only sends records.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.domain.sync import SyncStatus
from kiosk.settings import Settings
from kiosk.store import Store, StoreError
from kiosk.store.codec import instant_text, parse_instant
from kiosk.sync.data_in import DataUpdater, with_data_status
from kiosk.sync.outbox import LAST_AUDIT_FLAGS, Uploader, UploadResult

log = logging.getLogger(__name__)

# Sync state names (``Store.sync_values``) of the whole cycle and of data updates.
LAST_ATTEMPT = "last_attempt_at"
LAST_SUCCESS = "last_success_at"
LAST_ERROR = "last_error"
DATA_MESSAGE = "data_message"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class DataOutcome:
    """What the data update of a cycle did (from ``DataUpdateResult``)."""

    ok: bool
    changed: bool
    version: str | None
    message: str
    published_at: datetime | None = None
    expires_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CycleResult:
    """The outcome of one cycle; ``data`` is ``None`` when data updates are not available."""

    data: DataOutcome | None
    upload: UploadResult
    started_at: datetime
    finished_at: datetime

    @property
    def ok(self) -> bool:
        """Both halves succeeded."""
        return self.upload.ok and (self.data is None or self.data.ok)

    @property
    def message(self) -> str:
        """One line: the data half, then the records half."""
        parts = [f"data: {self.data.message}"] if self.data is not None else []
        parts.append(f"records: {self.upload.message}")
        return "; ".join(parts)


def data_updater(settings: Settings, store: Store) -> Callable[[], Any] | None:
    """``DataUpdater(settings, store).run_once``, or ``None`` when no TUF root is set."""
    if not settings.sync.tuf_root:
        return None
    run_once: Callable[[], Any] = DataUpdater(settings, store).run_once
    return run_once


def _aware(value: object) -> datetime | None:
    return value if isinstance(value, datetime) and value.tzinfo is not None else None


def _data_outcome(result: Any) -> DataOutcome:
    version = getattr(result, "version", None)
    return DataOutcome(
        ok=bool(getattr(result, "ok", False)),
        changed=bool(getattr(result, "changed", False)),
        version=None if version is None else str(version),
        message=str(getattr(result, "message", "")),
        published_at=_aware(getattr(result, "published_at", None)),
        expires_at=_aware(getattr(result, "expires_at", None)),
    )


def run_cycle(
    settings: Settings,
    store: Store,
    *,
    ignore_backoff: bool = False,
    clock: Callable[[], datetime] = _utc_now,
) -> CycleResult:
    """Data in (if available), then records out; the outcome is kept in the sync state.

    Args:
        settings: The settings (``[sync]``).
        store: The kiosk's open store.
        ignore_backoff: Send every waiting record now, not only those whose retry time came.
        clock: The current UTC time.
    """
    started = clock()
    data: DataOutcome | None = None
    try:
        run_data = data_updater(settings, store) if settings.sync.hub_url else None
        if run_data is not None:
            data = _data_outcome(run_data())
    except Exception as exc:  # the updater promises not to raise; the kiosk must not fall over
        log.exception("data update failed")
        data = DataOutcome(False, False, None, f"data update failed: {exc}")
    upload = Uploader(settings, store, clock=clock).run_once(ignore_backoff=ignore_backoff)
    result = CycleResult(data, upload, started, clock())
    values: dict[str, Any] = {LAST_ATTEMPT: instant_text(started)}
    if result.ok:
        values[LAST_SUCCESS] = instant_text(result.finished_at)
        values[LAST_ERROR] = None
    else:
        values[LAST_ERROR] = result.message
    if data is not None:
        values[DATA_MESSAGE] = data.message
    try:
        store.set_sync_values(values, result.finished_at)
    except StoreError as exc:
        log.error("sync state not saved: %s", exc)
    return result


def _instant(values: Mapping[str, Any], name: str) -> datetime | None:
    value = values.get(name)
    if not isinstance(value, str) or not value:
        return None
    try:
        return parse_instant(value, name)
    except ValueError:
        return None


def current_status(settings: Settings, store: Store, *, syncing: bool = False) -> SyncStatus:
    """The sync status from the database (data in use, last cycle, the queue).

    ``audit_flag`` is the newest audit-chain break the hub holds open for this kiosk; it
    clears at the first upload after a supervisor acknowledged it at the hub (``kiosk-hub audit
    ack``). A hub without acknowledgements never clears it.

    The data fields come from ``kiosk.sync.data_in.with_data_status`` (the applied bundle,
    its signed expiry and the sources in use).

    Raises:
        StoreError: When the database cannot be read.
    """
    values = store.sync_values()
    summary = store.outbox_summary()
    flags = values.get(LAST_AUDIT_FLAGS) or []
    status = SyncStatus(
        enabled=bool(settings.sync.hub_url),
        hub_url=settings.sync.hub_url,
        last_attempt_at=_instant(values, LAST_ATTEMPT),
        last_success_at=_instant(values, LAST_SUCCESS),
        last_error=values.get(LAST_ERROR) or None,
        records_waiting=summary.waiting,
        records_failing=summary.failing,
        syncing=syncing,
        audit_flag=str(flags[-1]) if isinstance(flags, list) and flags else None,
    )
    return with_data_status(status, store)
