"""`kiosk hw reader` and `kiosk hw simulate reader` as a technician runs them (subprocess)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.sim.chafon import ChafonSimulator
from hardware.sim.em4100 import Em4100Simulator
from hardware.sim.scanner import LineScannerSimulator
from kiosk.commands.hw_reader import printable

SGTIN = "3074257BF7194E4000001A85"


def _env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "kiosk.toml"
    config.touch()  # defaults; the developer's own settings file is not read
    return dict(os.environ, KIOSK_CONFIG=str(config))


def _reader(tmp_path: Path, *args: str, timeout_s: float = 20) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "hw", "reader", *args],
        capture_output=True,
        text=True,
        timeout=timeout_s,
        env=_env(tmp_path),
        check=False,
    )


def _keep_sending(action: object, stop: threading.Event) -> threading.Thread:
    def loop() -> None:
        while not stop.wait(0.15):
            action()  # type: ignore[operator]

    thread = threading.Thread(target=loop, name="cli-test-sender")
    thread.start()
    return thread


@pytest.fixture
def stop() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()


def test_printable_escapes_control_bytes() -> None:
    assert printable(b"]C101\x1d10AB\\") == "]C101\\x1d10AB\\\\"


def test_line_scanner_gs1_code(
    tmp_path: Path, scanner_sim: LineScannerSimulator, stop: threading.Event
) -> None:
    code = "0109501101530003\x1d10LOT42"
    sender = _keep_sending(lambda: scanner_sim.scan(code, "]C1"), stop)
    try:
        done = _reader(tmp_path, "--port", scanner_sim.port, "--count", "2", "--timeout", "10")
    finally:
        stop.set()
        sender.join()
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 2
    record = lines[0]
    assert record["kind"] == "gtin"
    assert record["value"] == "09501101530003"
    assert record["valid"] is True
    assert record["symbology"] == "]C1"
    assert record["raw"] == "]C10109501101530003\\x1d10LOT42"


def test_em4100_card(tmp_path: Path, stop: threading.Event) -> None:
    with Em4100Simulator(tmp_path / "em") as sim:
        sender = _keep_sending(lambda: sim.present("0A1B2C3D4E"), stop)
        try:
            done = _reader(
                tmp_path, "--port", sim.port, "--kind", "em4100", "--count", "1", "--timeout", "10"
            )
        finally:
            stop.set()
            sender.join()
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout.splitlines()[0])
    assert (record["kind"], record["value"], record["valid"]) == ("seal", "0A1B2C3D4E", True)
    assert record["raw"].startswith("\\x020A1B2C3D4E")


def test_chafon_tag_and_timeout_with_too_few(tmp_path: Path) -> None:
    with ChafonSimulator(tmp_path / "uhf") as sim:
        sim.present(SGTIN)
        done = _reader(
            tmp_path, "--port", sim.port, "--kind", "chafon", "--count", "2", "--timeout", "1.5"
        )
    assert done.returncode == 1
    record = json.loads(done.stdout.splitlines()[0])
    assert (record["kind"], record["value"], record["valid"]) == ("epc", SGTIN, True)
    assert done.stderr.strip() == f"kiosk: only 1 of 2 values read from {sim.port} within 1.5 s"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "/dev/no-such-reader"], "cannot open the reader"),
        (["--port", "/dev/null", "--count", "0"], "--count: must be at least 1"),
        (["--port", "/dev/null", "--timeout", "-1"], "--timeout"),
    ],
)
def test_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    done = _reader(tmp_path, *args)
    assert done.returncode == 1
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_simulate_reader_prints_its_port_and_stops_cleanly(tmp_path: Path) -> None:
    link = tmp_path / "usb-Sim-Reader"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "hw",
            "simulate",
            "reader",
            "--kind",
            "line",
            "--link",
            str(link),
            "--value",
            "BE-KP-2024-000123",
            "--interval",
            "0.1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
    )
    try:
        assert proc.stdout is not None
        first = json.loads(proc.stdout.readline())
        assert first["kind"] == "line"
        assert first["link"] == str(link)
        done = _reader(tmp_path, "--port", str(link), "--count", "1", "--timeout", "10")
        assert done.returncode == 0, done.stderr
        record = json.loads(done.stdout)
        assert (record["kind"], record["value"]) == ("kp", "BE-KP-2024-000123")
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert not link.exists()
