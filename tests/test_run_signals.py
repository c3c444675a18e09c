"""`kiosk run` ends cleanly on Ctrl-C (SIGINT) and on SIGTERM: no traceback, devices closed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=lambda s: s.name)
def test_kiosk_run_stops_cleanly_on_a_signal(tmp_path: Path, signum: signal.Signals) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_CONFIG"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var, sub in (("XDG_CONFIG_HOME", "c"), ("XDG_DATA_HOME", "d"), ("XDG_STATE_HOME", "s")):
        env[var] = str(tmp_path / sub)
    log = tmp_path / "s" / "inspection-kiosk" / "log" / "kiosk.log"
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
