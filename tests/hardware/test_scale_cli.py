"""`kiosk hw scale` and `kiosk hw simulate scale` as a technician runs them (subprocesses)."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from hardware.scale import PROFILES
from hardware.sim.scales import SCALE_SIMULATORS
from kiosk.commands import hw_scale


def _kiosk(*args: str, timeout_s: float = 20.0) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
        env=dict(os.environ, KIOSK_CONFIG=os.devnull),
    )


@pytest.fixture(params=["mt-sics", "ad", "sbi", "ohaus"])
def balance(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    protocol = str(request.param)
    sim = SCALE_SIMULATORS[protocol](tmp_path / "scale")
    sim.start()
    sim.set_weight(Decimal("12.345"))
    try:
        yield protocol, sim.port
    finally:
        sim.stop()


def test_protocol_choices_are_the_profiles() -> None:
    assert set(hw_scale.PROTOCOLS) == set(PROFILES)


def test_read_prints_one_stable_reading(balance: tuple[str, str]) -> None:
    protocol, port = balance
    done = _kiosk("hw", "scale", "--port", port, "--protocol", protocol, "read")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["state"] == "stable"
    assert record["value"] == "12.345"
    assert record["unit"] == "ct"
    assert record["carats"] == "12.345"
    assert "12.345" in record["raw"]


def test_info_zero_tare_and_watch(balance: tuple[str, str]) -> None:
    protocol, port = balance
    base = ("hw", "scale", "--port", port, "--protocol", protocol)
    info = _kiosk(*base, "info")
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["serial"]
    assert _kiosk(*base, "read").returncode == 0  # settled
    tare = _kiosk(*base, "tare")
    assert tare.returncode == 0, tare.stderr
    record = json.loads(tare.stdout)
    assert (record["action"], record["state"], record["carats"]) == ("tare", "stable", "12.345")
    zero = _kiosk(*base, "zero")
    assert zero.returncode == 0, zero.stderr
    assert json.loads(zero.stdout) == {"action": "zero", "done": True}
    watch = _kiosk(*base, "watch", "--count", "3", "--interval-ms", "5")
    assert watch.returncode == 0, watch.stderr
    records = [json.loads(line) for line in watch.stdout.splitlines()]
    assert len(records) == 3
    assert all(r["state"] in ("stable", "dynamic") for r in records)


def test_bad_port_is_one_line_and_non_zero(tmp_path: Path) -> None:
    done = _kiosk(
        "hw", "scale", "--port", str(tmp_path / "nothing"), "--protocol", "ad", "read"
    )
    assert done.returncode != 0
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "cannot open serial port" in done.stderr
    assert "Traceback" not in done.stderr


def test_watch_on_a_bad_port_is_one_line_and_non_zero(tmp_path: Path) -> None:
    done = _kiosk(
        "hw", "scale", "--port", str(tmp_path / "nothing"), "--protocol", "sbi", "watch"
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "cannot open serial port" in done.stderr


def test_watch_reports_an_unplug_and_goes_on(tmp_path: Path) -> None:
    with SCALE_SIMULATORS["ad"](tmp_path / "scale", dynamic_replies=0) as sim:
        sim.set_weight(Decimal("1.500"))
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "hw", "scale", "--port", sim.port, "--protocol",
             "ad", "watch", "--count", "40", "--interval-ms", "20"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, KIOSK_CONFIG=os.devnull),
        )
        assert proc.stdout is not None
        first = json.loads(proc.stdout.readline())
        assert first["carats"] == "1.500"
        sim.unplug()
        states = [json.loads(proc.stdout.readline())["state"]]
        while states[-1] != "disconnected":
            states.append(json.loads(proc.stdout.readline())["state"])
        sim.replug()
        out, err = proc.communicate(timeout=20)
        assert proc.returncode == 0, err
        assert json.loads(out.splitlines()[-1])["carats"] == "1.500"
        assert proc.stderr is not None
        proc.stderr.close()
        proc.stdout.close()


def test_no_stable_weight_is_one_line_and_non_zero(tmp_path: Path) -> None:
    with SCALE_SIMULATORS["ohaus"](tmp_path / "scale") as sim:
        sim.busy = True
        done = _kiosk(
            "hw", "scale", "--port", sim.port, "--protocol", "ohaus", "--timeout", "0.5", "read"
        )
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1
    assert "no stable weight" in done.stderr


def test_bad_option_values_are_one_line(tmp_path: Path) -> None:
    done = _kiosk(
        "hw", "scale", "--port", "/dev/null", "--protocol", "ad", "--baud", "-5", "read"
    )
    assert done.returncode == 1
    assert "baudrate must be positive" in done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("protocol", ["mt-sics", "sbi"])
def test_simulate_scale_runs_until_sigterm(tmp_path: Path, protocol: str) -> None:
    link = tmp_path / "balance"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "hw", "simulate", "scale", "--protocol", protocol,
         "--link", str(link), "--weight", "3.5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, KIOSK_CONFIG=os.devnull),
    )
    try:
        assert proc.stdout is not None
        first = json.loads(proc.stdout.readline())
        assert first["protocol"] == protocol
        assert first["link"] == str(link)
        assert first["port"].startswith("/dev/pts/")
        assert os.path.realpath(link) == first["port"]
        done = _kiosk("hw", "scale", "--port", str(link), "--protocol", protocol, "read")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["carats"] == "3.500"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        assert not link.exists()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        if proc.stderr is not None:
            proc.stderr.close()


def test_register_simulate_kind_adds_a_kind_to_the_parser() -> None:
    seen: list[str] = []

    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--colour", default="red")

    def run(args: argparse.Namespace, stop: threading.Event) -> int:
        seen.append(args.colour)
        return 0

    hw_scale.register_simulate_kind("test-kind", add_arguments, run, help="a test")
    try:
        from kiosk.cli import main

        assert main(["hw", "simulate", "test-kind", "--colour", "blue"]) == 0
        assert seen == ["blue"]
    finally:
        del hw_scale.SIMULATE_KINDS["test-kind"]
