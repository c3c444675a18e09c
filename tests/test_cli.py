"""The `kiosk` command line: settings shown, bad input as one line, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_config_show_prints_the_effective_settings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == "defaults"
    assert data["scale"]["backend"] == "simulated"
    assert data["checks"]["carat_tolerance_ct"] == "0.010"
    assert data["paths"]["database_url"].startswith("sqlite:///")


def test_config_show_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text('[kiosk]\npost = "BE-BRU-AIR"\n[scale]\nstable_count = 5\n')
    assert main(["--config", str(cfg), "config", "show"]) == 0
    out = capsys.readouterr().out
    assert 'post = "BE-BRU-AIR"' in out
    assert "stable_count = 5" in out
    assert main(["--config", str(cfg), "config", "path"]) == 0
    assert str(cfg) in capsys.readouterr().out


def test_bad_setting_is_one_line_and_exit_2(tmp_path: Path) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text("[scale]\nbaudrate = 'fast'\n")
    env = dict(os.environ, KIOSK_CONFIG=str(cfg))
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "config", "show"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert lines == ["kiosk: bad setting: [scale] baudrate: expected a whole number, got 'fast'"]


def test_missing_config_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(tmp_path / "none.toml"), "config", "show"]) == 2
    err = capsys.readouterr().err
    assert "config file not found" in err
    assert "Traceback" not in err
