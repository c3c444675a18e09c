"""`kiosk run` ends cleanly on Ctrl-C (SIGINT) and on SIGTERM: no traceback, devices closed."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crash.harness import child_env

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=lambda s: s.name)
def test_kiosk_run_stops_cleanly_on_a_signal(tmp_path: Path, signum: signal.Signals) -> None:
    env = child_env(tmp_path)  # offscreen, its own config, data and log folders
    log = tmp_path / "state" / "inspection-kiosk" / "log" / "kiosk.log"
    child = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while "kiosk started" not in (log.read_text() if log.exists() else ""):
            assert child.poll() is None, child.communicate()[1]
            assert time.monotonic() < deadline, "the kiosk did not start within 60 s"
            time.sleep(0.1)
        child.send_signal(signum)
        _out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 0, err
    assert "Traceback" not in err
    assert "KeyboardInterrupt" not in err
    assert f"{signum.name} received: stopping" in log.read_text()
