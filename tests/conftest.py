"""Shared test set-up: offscreen Qt, fresh settings, and no thread left running."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests: a generous deadline, so a busy CI machine (or a GC pause) is not a failure;
# a parser that hangs still fails on pytest's own timeout. tests/fuzz has its own profiles.
hypothesis_settings.register_profile("kiosk", deadline=1000)
hypothesis_settings.load_profile("kiosk")
os.environ.pop("KIOSK_CONFIG", None)

SHARED_DATA = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _collect_qt_garbage_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Collect a Qt test's garbage here, on the GUI thread, as the kiosk does (kiosk.app).

    Left to the automatic collector, the Python wrappers of a finished test's widgets may be
    collected during a later test on a worker thread, which crashes Qt (seen: a segfault
    "Garbage-collecting" inside the history service's task thread).

    What is left alive is then frozen (``gc.freeze``), as the kiosk's own collector does:
    the next collection walks only what later tests made. A full collection of the whole
    suite's heap (200,000-330,000 objects, growing) took 0.1-0.7 s, after each of ~700
    Qt tests: a fifth of the suite's time.
    """
    yield
    if "qtbot" in request.fixturenames:
        gc.collect()
        gc.freeze()


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the developer's config and data out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves a Python thread running (QThreads are checked in tests/ui)."""
    before = set(threading.enumerate())
    yield
    leaked = []
    for thread in set(threading.enumerate()) - before:
        if isinstance(thread, threading._DummyThread):
            # A foreign (Qt) thread that once ran Python code stays listed after it ended;
            # QThreads are checked by the Qt test areas' own fixtures.
            continue
        thread.join(timeout=2.0)
        if thread.is_alive():
            leaked.append(thread.name)
    assert not leaked, f"threads left running: {leaked}"
