"""The background sync: a cycle (data in, records out) every ``[sync] interval_s``, off the GUI.

``SyncService`` implements ``kiosk.ui.ports.SyncPort``. Its cycles run in a ``TaskRunner`` of
their own (thread ``sync``), so that a slow or absent hub never delays an inspection step; it
opens its own ``Store`` on the kiosk's database there. Results come back on the GUI thread.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.domain.models import Inspection
from kiosk.domain.sync import SyncStatus
from kiosk.domain.workflow import FINISHED
from kiosk.services.tasks import TaskRunner
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.sync.cycle import CycleResult, current_status, run_cycle

log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SyncService(QObject):
    """Runs sync cycles in the background and reports the status on the GUI thread.

    Args:
        settings: The settings; without ``[sync] hub_url`` the service reports ``enabled``
            False and never syncs.
        parent: The Qt parent.
        clock: The current UTC time.

    Signals:
        status_changed(SyncStatus): after every change (cycle started, finished, record queued).
        cycle_finished(object): a cycle ended; its ``CycleResult``.
        data_changed(): a cycle applied new reference data (the checks should reload it).
    """

    status_changed = Signal(object)
    cycle_finished = Signal(object)
    data_changed = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._clock = clock
        self._status = SyncStatus(
            enabled=bool(settings.sync.hub_url), hub_url=settings.sync.hub_url
        )
        self._runner: TaskRunner | None = None
        self._store: Store | None = None
        self._syncing = False
        self._last_inspection_id: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, settings.sync.interval_s) * 1000)
        self._timer.timeout.connect(self._on_timer_timeout)

    # ---- SyncPort ---------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        """The status now (cached; no I/O)."""
        return self._status

    def sync_now(self) -> None:
        """Start a cycle that also retries records in their back-off (no-op while one runs)."""
        self._start_cycle(ignore_backoff=True)

    # ---- Life cycle -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True between ``start()`` and ``shutdown()``."""
        return self._runner is not None

    def start(self, *, first_cycle: bool = True) -> None:
        """Open the database in the sync thread, read the status, start the timer.

        Args:
            first_cycle: Run a cycle at once rather than after the first interval.
        """
        if self._runner is not None:
            return
        self._runner = TaskRunner(self, name="sync")
        settings = self._settings
        self._runner.submit(
            lambda: self._open_and_read(settings),
            on_done=self._on_runner_status_read,
            on_error=self._on_runner_failed,
            name="open sync store",
        )
        if self._status.enabled:
            self._timer.start()
            if first_cycle:
                self._start_cycle(ignore_backoff=False)

    def shutdown(self, timeout_s: float = 40.0) -> None:
        """Stop the timer, let a running cycle end, close the store and join the thread."""
        self._timer.stop()
        runner, self._runner = self._runner, None
        if runner is None:
            return
        runner.submit(self._close_store, name="close sync store")
        runner.shutdown(timeout_s)
        runner.deleteLater()

    def refresh(self) -> None:
        """Read the status again (after a record was queued, for instance)."""
        if self._runner is None:
            return
        settings = self._settings
        self._runner.submit(
            lambda: self._read(settings),
            on_done=self._on_runner_status_read,
            on_error=self._on_runner_failed,
            name="read sync status",
        )

    # ---- Worker side (sync thread) ----------------------------------------------------------

    def _open_and_read(self, settings: Settings) -> SyncStatus:
        if self._store is None:
            self._store = Store.open(settings.database_url)
        return self._read(settings)

    def _read(self, settings: Settings) -> SyncStatus:
        if self._store is None:
            self._store = Store.open(settings.database_url)
        return current_status(settings, self._store)

    def _cycle(self, settings: Settings, ignore_backoff: bool) -> tuple[CycleResult, SyncStatus]:
        if self._store is None:
            self._store = Store.open(settings.database_url)
        result = run_cycle(settings, self._store, ignore_backoff=ignore_backoff, clock=self._clock)
        return result, current_status(settings, self._store)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # ---- GUI side ---------------------------------------------------------------------------

    def _start_cycle(self, *, ignore_backoff: bool) -> None:
        if self._runner is None or self._syncing or not self._status.enabled:
            return
        self._syncing = True
        self._publish(dataclasses.replace(self._status, syncing=True))
        settings = self._settings
        self._runner.submit(
            lambda: self._cycle(settings, ignore_backoff),
            on_done=self._on_runner_cycle_done,
            on_error=self._on_runner_failed,
            name="sync cycle",
        )

    def _publish(self, status: SyncStatus) -> None:
        self._status = status
        self.status_changed.emit(status)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._start_cycle(ignore_backoff=False)

    @Slot(object)
    def _on_controller_inspection_changed(self, inspection: object) -> None:
        # "Next parcel" closes the shown inspection and shows a new one: a new id, or a
        # finished state (void), means a record was queued.
        if not isinstance(inspection, Inspection):
            return
        new_id = self._last_inspection_id is not None and inspection.id != self._last_inspection_id
        self._last_inspection_id = inspection.id
        if new_id or inspection.state in FINISHED:
            self.refresh()

    def _on_runner_status_read(self, status: Any) -> None:
        if isinstance(status, SyncStatus):
            self._publish(dataclasses.replace(status, syncing=self._syncing))

    def _on_runner_cycle_done(self, outcome: Any) -> None:
        self._syncing = False
        result, status = outcome
        log.info("sync cycle: %s", result.message)
        self._publish(status)
        self.cycle_finished.emit(result)
        if result.data is not None and result.data.changed:
            self.data_changed.emit()

    def _on_runner_failed(self, exc: BaseException) -> None:
        self._syncing = False
        log.error("sync task failed: %s", exc)
        self._publish(
            dataclasses.replace(self._status, syncing=False, last_error=f"sync failed: {exc}")
        )
