"""TaskRunner: order, results and errors delivered on the GUI thread, shutdown joins."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread
from pytestqt.qtbot import QtBot

from kiosk.services.tasks import TaskRunner, TaskRunnerClosedError


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown(timeout_s=5.0)


def test_tasks_run_in_order_in_one_worker_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    ran: list[tuple[int, int | None]] = []
    delivered: list[tuple[int, bool]] = []
    gui = threading.get_ident()

    def task(i: int) -> int:
        time.sleep(0.002 * (5 - i % 5))  # later tasks are quicker: order must still hold
        ran.append((i, threading.get_ident()))
        return i * 10

    def done(i: int, value: object) -> None:
        delivered.append((i, threading.get_ident() == gui))
        assert value == i * 10

    with qtbot.waitSignal(runner.busy_changed, timeout=5000) as blocker:
        for i in range(20):
            runner.submit(functools.partial(task, i), on_done=functools.partial(done, i))
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: len(delivered) == 20, timeout=5000)
    assert [i for i, _ in ran] == list(range(20))
    assert {t for _, t in ran} != {gui}
    assert len({t for _, t in ran}) == 1
    assert delivered == [(i, True) for i in range(20)]


def test_an_exception_is_delivered_and_the_worker_survives(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    errors: list[BaseException] = []
    results: list[object] = []

    def boom() -> None:
        raise ValueError("bad weight")

    runner.submit(boom, on_error=errors.append)
    runner.submit(lambda: "after", on_done=results.append)
    qtbot.waitUntil(lambda: results == ["after"], timeout=5000)
    assert len(errors) == 1
    assert isinstance(errors[0], ValueError)
    assert str(errors[0]) == "bad weight"


def test_an_unhandled_failure_is_signalled(qtbot: QtBot, runner: TaskRunner) -> None:
    def boom() -> None:
        raise OSError("disk full")

    with qtbot.waitSignal(runner.task_failed, timeout=5000) as blocker:
        runner.submit(boom, name="save")
    assert blocker.args == ["save: disk full"]


def test_busy_goes_false_once_the_queue_is_empty(qtbot: QtBot, runner: TaskRunner) -> None:
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    for _ in range(3):
        runner.submit(lambda: time.sleep(0.01))
    assert runner.busy
    qtbot.waitUntil(lambda: states == [True, False], timeout=5000)
    assert not runner.busy


def test_shutdown_drains_the_queue_and_joins_the_thread(
    qtbot: QtBot, started_qthreads: list[QThread]
) -> None:
    runner = TaskRunner()
    results: list[int] = []

    def slow(i: int) -> int:
        time.sleep(0.02)
        return i

    for i in range(5):
        runner.submit(functools.partial(slow, i), on_done=results.append)
    assert runner.shutdown(timeout_s=5.0)
    # Every queued task ran and its result was delivered before shutdown returned.
    assert results == [0, 1, 2, 3, 4]
    assert not any(_is_running(t) for t in started_qthreads)
    assert not runner.running
    with pytest.raises(TaskRunnerClosedError):
        runner.submit(lambda: None)
    assert runner.shutdown()  # a second call is harmless


def test_a_callback_that_raises_does_not_break_delivery(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    results: list[int] = []

    def bad(_: object) -> None:
        raise RuntimeError("ui bug")

    runner.submit(lambda: 1, on_done=bad)
    runner.submit(lambda: 2, on_done=results.append)
    qtbot.waitUntil(lambda: results == [2], timeout=5000)
    assert "ui bug" in caplog.text


def _is_running(thread: QThread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:
        return False


def test_drain_waits_for_queued_tasks_and_delivers_them(runner: TaskRunner) -> None:
    results: list[int] = []

    def slow(i: int) -> int:
        time.sleep(0.05)
        return i

    for i in range(3):
        runner.submit(functools.partial(slow, i), on_done=results.append)
    assert results == []
    assert runner.drain(timeout_s=5.0)
    assert results == [0, 1, 2]
    assert not runner.busy


def test_drain_times_out_on_a_long_task(runner: TaskRunner) -> None:
    release = threading.Event()
    runner.submit(lambda: release.wait(5.0))
    assert not runner.drain(timeout_s=0.1)
    release.set()
    assert runner.drain(timeout_s=5.0)


class _LoopMarker(QObject):
    """Records when the event loop reaches an event posted to it."""

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        self.log.append("event loop")


def test_outcomes_finished_together_are_delivered_a_pass_of_the_loop_apart(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    # Each outcome updates the screen: delivered back to back they kept the GUI thread from
    # input and painting for their sum. The second waits for one pass of the event loop.
    log: list[str] = []
    marker = _LoopMarker(log)
    gate = threading.Event()

    def first_done(_value: object) -> None:
        log.append("first")
        QCoreApplication.postEvent(marker, QEvent(QEvent.Type.User))

    runner.submit(gate.wait, on_done=first_done)
    runner.submit(lambda: None, on_done=lambda _v: log.append("second"))
    runner.submit(lambda: None, on_done=lambda _v: log.append("third"))
    gate.set()
    worker = runner._worker
    with worker.completed_changed:  # all three finished before the GUI thread sees any
        assert worker.completed_changed.wait_for(lambda: worker.completed >= 3, timeout=5)
    qtbot.waitUntil(lambda: "third" in log, timeout=5000)
    assert log == ["first", "event loop", "second", "third"]
    assert not runner.busy


def test_drain_delivers_held_outcomes_too(qtbot: QtBot, runner: TaskRunner) -> None:
    got: list[int] = []
    for i in range(5):
        runner.submit(functools.partial(int, i), on_done=got.append)
    assert runner.drain(timeout_s=5)
    assert got == [0, 1, 2, 3, 4]
    assert not runner.busy
