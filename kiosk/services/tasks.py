"""One worker thread that runs blocking tasks in order and reports back on the GUI thread."""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class TaskRunnerClosedError(RuntimeError):
    """A task was submitted after ``shutdown()``."""


@dataclass(frozen=True, slots=True)
class _Pending:
    on_done: DoneCallback | None
    on_error: ErrorCallback | None
    name: str


class _TaskWorker(QObject):
    """Lives in the task thread; runs each task it is sent and emits the outcome.

    Signals:
        succeeded(int, object): a task finished; its id and its return value.
        failed(int, object): a task raised; its id and the exception.
    """

    succeeded = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.completed = 0
        self.completed_changed = threading.Condition()

    @Slot(int, object)
    def run_task(self, task_id: int, fn: object) -> None:
        """Run one task; an exception is reported, never propagated into the event loop."""
        assert callable(fn)
        try:
            result = fn()
        except Exception as exc:  # a task's failure must never end the worker
            self.failed.emit(task_id, exc)
        else:
            self.succeeded.emit(task_id, result)
        with self.completed_changed:
            self.completed += 1
            self.completed_changed.notify_all()

    @Slot()
    def stop(self) -> None:
        """Leave the thread's event loop once every task queued before this call has run.

        The worker moves back to the GUI thread first, so that Python deletes it in a thread
        that still runs (see ``DeviceHub``'s workers).
        """
        thread = self.thread()
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())
        thread.quit()


class TaskRunner(QObject):
    """Runs submitted callables one at a time, in order, in a single worker ``QThread``.

    Database writes, checks, slip rendering and printing go through here so that they never
    block the GUI and never run concurrently with each other. ``on_done``/``on_error`` are
    called on the GUI thread (the thread that owns the runner), never in the worker.

    Signals:
        busy_changed(bool): True when the first task is queued, False when the queue is empty.
        task_failed(str): a task without ``on_error`` raised; a one-line message.
    """

    busy_changed = Signal(bool)
    task_failed = Signal(str)

    _task_submitted = Signal(int, object)
    _stop_requested = Signal()

    def __init__(self, parent: QObject | None = None, *, name: str = "tasks") -> None:
        """Start the worker thread.

        Args:
            parent: The Qt parent of the runner.
            name: The worker thread's name (shown in logs and debuggers).
        """
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._submitted = 0
        self._closed = False
        self._outcomes: deque[Callable[[], None]] = deque()
        """Outcomes that arrived while another was delivered in the same pass of the loop."""
        self._pass = QTimer(self)
        self._pass.setSingleShot(True)
        self._pass.setInterval(0)
        self._pass.timeout.connect(self._on_pass_timeout)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _TaskWorker()
        self._worker.moveToThread(self._thread)
        self._task_submitted.connect(self._worker.run_task)
        self._stop_requested.connect(self._worker.stop)
        self._worker.succeeded.connect(self._on_worker_succeeded)
        self._worker.failed.connect(self._on_worker_failed)
        self._thread.start()

    # ---- Public API ------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a task is queued or running (or its result not yet delivered)."""
        return bool(self._pending)

    @property
    def running(self) -> bool:
        """True until ``shutdown()`` has joined the worker thread."""
        return not self._closed

    def submit(
        self,
        fn: Callable[[], Any],
        *,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        name: str = "",
    ) -> int:
        """Queue ``fn`` to run in the worker after everything submitted before it.

        Args:
            fn: The blocking work; takes no arguments (use a lambda or ``functools.partial``).
            on_done: Called on the GUI thread with the return value.
            on_error: Called on the GUI thread with the exception if ``fn`` raised. Without
                it, the failure is logged and ``task_failed`` is emitted.
            name: A short label for logs.

        Returns:
            The task's id.

        Raises:
            TaskRunnerClosedError: The runner was shut down.
        """
        if self._closed:
            raise TaskRunnerClosedError("the task runner has been shut down")
        task_id = next(self._ids)
        was_idle = not self._pending
        self._pending[task_id] = _Pending(on_done, on_error, name or getattr(fn, "__name__", ""))
        self._submitted += 1
        self._task_submitted.emit(task_id, fn)
        if was_idle:
            self.busy_changed.emit(True)
        return task_id

    def drain(self, timeout_s: float = 30.0) -> bool:
        """Block until every task submitted so far has run, then deliver their results.

        For start-up and tests: the GUI does not repaint while this waits. Tasks submitted by
        the delivered callbacks are queued, not waited for.

        Args:
            timeout_s: The longest wait.

        Returns:
            True when all those tasks ran and their callbacks were called; False on timeout.
        """
        if self._closed:
            return not self._pending
        target = self._submitted
        worker = self._worker
        with worker.completed_changed:
            done = worker.completed_changed.wait_for(
                lambda: worker.completed >= target, timeout=timeout_s
            )
        QCoreApplication.sendPostedEvents(self, 0)
        self._deliver_held()
        return done

    def shutdown(self, timeout_s: float = 30.0) -> bool:
        """Run every queued task, deliver the results, then stop and join the worker thread.

        Safe to call more than once. Must be called from the thread that owns the runner.

        Args:
            timeout_s: How long to wait for the queue to drain.

        Returns:
            True when the thread ended; False if a task was still running at the timeout
            (the thread is then left to finish on its own and is joined at exit).
        """
        if self._closed:
            return not self._thread.isRunning()
        self._closed = True
        self._stop_requested.emit()
        finished = self._thread.wait(max(1, int(timeout_s * 1000)))
        if not finished:
            log.error("task thread did not finish within %.1f s", timeout_s)
            self._thread.requestInterruption()
            return False
        # Deliver the outcomes the worker queued before it stopped.
        QCoreApplication.sendPostedEvents(self, 0)
        self._deliver_held()
        self._pass.stop()
        return True

    # ---- Slots (GUI thread) ----------------------------------------------------------------

    @Slot(int, object)
    def _on_worker_succeeded(self, task_id: int, result: object) -> None:
        self._deliver(lambda: self._succeeded(task_id, result))

    @Slot(int, object)
    def _on_worker_failed(self, task_id: int, exc: object) -> None:
        self._deliver(lambda: self._failed(task_id, exc))

    @Slot()
    def _on_pass_timeout(self) -> None:
        # The event loop has been round once (input, paint, timers) since the last delivery.
        if self._outcomes:
            self._pass.start()
            self._outcomes.popleft()()

    # ---- Internals -------------------------------------------------------------------------

    def _deliver(self, outcome: Callable[[], None]) -> None:
        """Deliver ``outcome`` now, or after one more pass of the event loop if another was.

        Outcomes that the worker finished close together arrive as queued events that Qt
        handles in one go; each updates the screen, so together they kept the GUI thread from
        input, painting and timers for their sum (three steps of a parcel: 40-60 ms). The
        first is delivered at once; each further one a pass of the loop later, in order.
        """
        if self._pass.isActive() or self._outcomes:
            self._outcomes.append(outcome)
            return
        self._pass.start()
        outcome()

    def _deliver_held(self) -> None:
        """Deliver every held outcome now (``drain``, ``shutdown``)."""
        while self._outcomes:
            self._outcomes.popleft()()

    def _succeeded(self, task_id: int, result: object) -> None:
        pending = self._take(task_id)
        if pending is not None and pending.on_done is not None:
            try:
                pending.on_done(result)
            except Exception:
                log.exception("on_done of task %r raised", pending.name)
        self._after_delivery()

    def _failed(self, task_id: int, exc: object) -> None:
        pending = self._take(task_id)
        assert isinstance(exc, BaseException)
        if pending is not None and pending.on_error is not None:
            try:
                pending.on_error(exc)
            except Exception:
                log.exception("on_error of task %r raised", pending.name)
        else:
            name = pending.name if pending is not None else "?"
            log.error("task %r failed", name, exc_info=exc)
            self.task_failed.emit(f"{name}: {exc}" if name else str(exc))
        self._after_delivery()

    def _take(self, task_id: int) -> _Pending | None:
        return self._pending.pop(task_id, None)

    def _after_delivery(self) -> None:
        if not self._pending:
            self.busy_changed.emit(False)
