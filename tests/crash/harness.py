"""Reusable helpers for the crash tests: run a kiosk process, SIGKILL it, check the database.

A child is killed either from inside, at a named kill point (``KIOSK_TEST_KILL_AT``, see
``kiosk/crashpoints.py``): :func:`run_killed`; or from outside when a condition becomes
true (a row appears, a file is written): :func:`start_child` then :func:`kill_when`.
After a kill, :func:`integrity_check` runs SQLite's own check on the database file.

Example (a sync engineer's test of a bundle apply killed half-way)::

    result = run_killed(
        [sys.executable, "-m", "kiosk", "--config", str(cfg), "sync", "apply", str(bundle)],
        "store:import-batch#2",
        env=child_env(tmp_path),
    )
    assert integrity_check(db) == "ok"
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.crashpoints import ENV_VAR

ROOT = Path(__file__).resolve().parents[2]
"""The checkout under test: put first on the child's ``PYTHONPATH``."""


@dataclass(frozen=True)
class ChildResult:
    """How a child process ended."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def killed(self) -> bool:
        """True when SIGKILL ended it."""
        return self.returncode == -signal.SIGKILL


def child_env(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """An environment for a kiosk child: this checkout first, offscreen Qt, its own XDG dirs.

    Args:
        home: A folder for the child's config, data and log dirs.
        extra: More variables.
    """
    env = {k: v for k, v in os.environ.items() if k not in (ENV_VAR, "KIOSK_CONFIG")}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH", "")])]
    )
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
    ):
        env[var] = str(home / sub)
    env.update(extra or {})
    return env


def run_child(argv: Sequence[str], env: Mapping[str, str], timeout_s: float = 30.0) -> ChildResult:
    """Run a child to its end (killed or not)."""
    done = subprocess.run(
        list(argv), env=dict(env), capture_output=True, text=True, timeout=timeout_s, check=False
    )
    return ChildResult(done.returncode, done.stdout, done.stderr)


def run_killed(
    argv: Sequence[str],
    kill_at: str,
    env: Mapping[str, str],
    timeout_s: float = 30.0,
) -> ChildResult:
    """Run a child with ``KIOSK_TEST_KILL_AT=kill_at`` and check it died there by SIGKILL.

    Raises:
        AssertionError: When the child ended any other way (the point was never reached).
    """
    result = run_child(argv, {**env, ENV_VAR: kill_at}, timeout_s)
    if not (result.killed and f"killed at {kill_at}" in result.stderr):
        raise AssertionError(
            f"the child was not killed at {kill_at} (exit {result.returncode}):\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
        )
    return result


def start_child(argv: Sequence[str], env: Mapping[str, str]) -> subprocess.Popen[str]:
    """Start a child with its output piped (for :func:`kill_when`)."""
    return subprocess.Popen(
        list(argv), env=dict(env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def kill_when(
    child: subprocess.Popen[str],
    condition: Callable[[], bool],
    timeout_s: float = 30.0,
    poll_s: float = 0.005,
) -> ChildResult:
    """SIGKILL ``child`` as soon as ``condition()`` is true (polled every ``poll_s``).

    Raises:
        AssertionError: When the child ended before the condition held, or it never held.
    """
    deadline = time.monotonic() + timeout_s
    while not condition():
        if child.poll() is not None:
            out, err = child.communicate()
            raise AssertionError(
                f"the child ended (exit {child.returncode}) before the kill:\n{out}\n{err}"
            )
        if time.monotonic() > deadline:
            child.kill()
            child.communicate()
            raise AssertionError(f"the kill condition did not hold within {timeout_s} s")
        time.sleep(poll_s)
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=timeout_s)
    return ChildResult(child.returncode, out, err)


def integrity_check(database: Path) -> str:
    """SQLite's ``PRAGMA integrity_check`` of a database file: ``"ok"`` when sound."""
    conn = sqlite3.connect(database)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows)


def count_rows(database: Path, sql: str, *params: object) -> int:
    """The single number a ``SELECT count(*) ...`` returns."""
    conn = sqlite3.connect(database)
    try:
        value = conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()
    return int(value)


def python_argv(script: Path, *args: str) -> list[str]:
    """``python script args...`` with this interpreter."""
    return [sys.executable, str(script), *args]
