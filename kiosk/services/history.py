"""HistoryService: past inspections for the History screen, searched off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage, QImageReader

from hardware.base import utc_now
from kiosk.domain.history import HistoryError, HistoryQuery, InspectionDetail
from kiosk.services.checking import CheckError
from kiosk.services.history_work import HistoryWork, ReprintJob
from kiosk.services.tasks import TaskRunner, TaskRunnerClosedError
from kiosk.slips.errors import SlipError
from kiosk.store.database import StoreError

if TYPE_CHECKING:
    from kiosk.services.devices import DeviceHub
    from kiosk.settings import Settings
    from kiosk.store.repository import Store

log = logging.getLogger(__name__)

THUMBNAIL_PX = 320
"""The longest side of the photo thumbnail in the detail view."""


def _message(exc: BaseException) -> str:
    if isinstance(exc, HistoryError | StoreError | SlipError | CheckError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"A file could not be read or written: {exc}"
    return f"Unexpected error ({type(exc).__name__}): {exc}"


def load_thumbnail(path: str | None, size_px: int = THUMBNAIL_PX) -> QImage:
    """The photo scaled to at most ``size_px`` on its longest side (a null image if unreadable).

    Runs in the task thread: ``QImage`` (unlike ``QPixmap``) may be made off the GUI thread.
    """
    if not path or not Path(path).is_file():
        return QImage()
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        return QImage()
    return image.scaled(
        size_px,
        size_px,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class HistoryService(QObject):
    """Past inspections: search, open, reprint the slip, re-check, and the reports.

    Every database, file and rendering step runs in the service's task thread (its own
    ``TaskRunner``, or one given), one at a time; every signal is emitted on the GUI thread.

    Signals:
        results_ready(object): a ``HistoryPage``.
        detail_ready(object, QImage): an ``InspectionDetail`` and the photo's thumbnail
            (a null image when there is no photo or the file is gone).
        recheck_ready(object): a ``RecheckResult``.
        reprinted(str): the slip was printed again (where it went) and recorded.
        report_written(str): a report file was written; its path.
        error_occurred(str): a step failed; a one-line message for the screen.
        busy_changed(bool): True while steps are queued or running.
    """

    results_ready = Signal(object)
    detail_ready = Signal(object, QImage)
    recheck_ready = Signal(object)
    reprinted = Signal(str)
    report_written = Signal(str)
    error_occurred = Signal(str)
    busy_changed = Signal(bool)

    def __init__(
        self,
        settings: Settings,
        devices: DeviceHub | None = None,
        *,
        store: Store | None = None,
        runner: TaskRunner | None = None,
        clock: Callable[[], datetime] = utc_now,
        parent: QObject | None = None,
    ) -> None:
        """Create the service; the database opens with the first request.

        Args:
            settings: The kiosk settings.
            devices: The device hub whose printer reprints slips (None: no reprints).
            store: An open store to use (default: its own on ``settings.database_url``).
            runner: The task runner to use (default: one of its own, shut down with it).
            clock: The current UTC instant.
            parent: The Qt parent.
        """
        super().__init__(parent)
        self._devices = devices
        self._owns_runner = runner is None
        self._runner = runner if runner is not None else TaskRunner(name="history-tasks")
        self._work = HistoryWork(settings, store=store, clock=clock)
        self._printing: tuple[ReprintJob, str | None] | None = None
        self._closed = False
        self._runner.busy_changed.connect(self._on_runner_busy_changed)
        if devices is not None:
            devices.printed.connect(self._on_devices_printed)
            devices.print_failed.connect(self._on_devices_print_failed)

    @property
    def busy(self) -> bool:
        """True while steps are queued or running."""
        return self._runner.busy

    @property
    def work(self) -> HistoryWork:
        """The blocking half (for tests and the composition root)."""
        return self._work

    # ---- Requests --------------------------------------------------------------------------

    def search(self, query: HistoryQuery) -> None:
        """Find one page of past inspections; answers with ``results_ready``."""
        self._submit(lambda: self._work.find(query), self.results_ready.emit, "search")

    def open_inspection(self, inspection_id: str) -> None:
        """Load one past inspection; answers with ``detail_ready``."""

        def load() -> tuple[InspectionDetail, QImage]:
            detail = self._work.detail(inspection_id)
            photo = detail.inspection.photo
            return detail, load_thumbnail(photo.path if photo is not None else None)

        def done(result: Any) -> None:
            detail, image = result
            self.detail_ready.emit(detail, image)

        self._submit(load, done, "open inspection")

    def recheck(self, inspection_id: str) -> None:
        """Check a past inspection again under the rules of its date; ``recheck_ready``."""
        self._submit(lambda: self._work.recheck(inspection_id), self.recheck_ready.emit, "re-check")

    def reprint(self, inspection_id: str, actor: str | None = None) -> None:
        """Print a past slip again (regenerated, marked REPRINT, when its file is gone).

        Answers with ``reprinted`` once the printer took it and the reprint is in the audit
        trail, or with ``error_occurred``.

        Args:
            inspection_id: The inspection.
            actor: The user who asked (recorded in the audit trail).
        """
        if self._devices is None:
            self.error_occurred.emit("No printer is set up.")
            return
        if self._printing is not None:
            self.error_occurred.emit("A slip is being printed: wait for it, then try again.")
            return

        def done(result: Any) -> None:
            assert isinstance(result, ReprintJob)
            if self._devices is None or self._closed:
                return
            self._printing = (result, actor)
            self._devices.print_pdf(result.path)

        self._submit(lambda: self._work.prepare_reprint(inspection_id), done, "reprint")

    def write_shift_report(self, since: datetime, until: datetime) -> None:
        """Write this kiosk's end-of-shift report for ``[since, until)``; ``report_written``."""
        self._submit(
            lambda: str(self._work.write_shift_report(since, until)),
            self.report_written.emit,
            "end-of-shift report",
        )

    def write_kp_monthly(self, month: str) -> None:
        """Write this post's KP monthly report for ``YYYY-MM``; ``report_written``."""
        self._submit(
            lambda: str(self._work.write_kp_monthly(month)),
            self.report_written.emit,
            "KP monthly report",
        )

    def shutdown(self, timeout_s: float = 30.0) -> None:
        """Finish queued steps, close the database and stop the task thread (if owned)."""
        if self._closed:
            return
        self._submit(self._work.close, None, "close")
        self._closed = True
        if self._owns_runner:
            self._runner.shutdown(timeout_s)
        else:
            self._runner.drain(timeout_s)

    # ---- Slots -----------------------------------------------------------------------------

    @Slot(str)
    def _on_devices_printed(self, destination: str) -> None:
        if self._printing is None:
            return
        (job, actor), self._printing = self._printing, None

        def done(_result: object) -> None:
            self.reprinted.emit(destination)

        self._submit(
            lambda: self._work.record_reprint(job, actor, destination), done, "record reprint"
        )

    @Slot(str)
    def _on_devices_print_failed(self, message: str) -> None:
        if self._printing is None:
            return
        self._printing = None
        self.error_occurred.emit(f"Printing failed: {message}")

    @Slot(bool)
    def _on_runner_busy_changed(self, busy: bool) -> None:
        self.busy_changed.emit(busy)

    # ---- Internals -------------------------------------------------------------------------

    def _submit(
        self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None, name: str
    ) -> None:
        def failed(exc: BaseException) -> None:
            if not isinstance(exc, HistoryError | StoreError | SlipError | CheckError):
                log.error("%s failed", name, exc_info=exc)
            self.error_occurred.emit(_message(exc))

        if self._closed:
            log.warning("%s ignored: the history service is shut down", name)
            return
        try:
            self._runner.submit(fn, on_done=on_done, on_error=failed, name=name)
        except TaskRunnerClosedError:
            log.warning("%s ignored: the history service is shut down", name)


__all__ = ["THUMBNAIL_PX", "HistoryService", "load_thumbnail"]
