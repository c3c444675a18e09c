"""PtyDevice: raw mode, stable symlink, unplug/replug, and a thread that always stops."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import serial
from hwtest_devices import EchoDevice

from hardware.sim.pty import PtyDevice


def test_start_gives_a_stable_symlink_to_a_raw_pty(tmp_path: Path) -> None:
    link = tmp_path / "usb-Dev-if00"
    with EchoDevice(link) as sim:
        assert sim.port == str(link)
        assert link.is_symlink()
        assert os.readlink(link).startswith("/dev/pts/")
        with serial.Serial(sim.port, 9600, timeout=1) as port:
            sim.send(b"raw\n\r\x00\x7f")  # no CR/LF mapping, no echo
            assert port.read(6) == b"raw\n\r\x00"
            assert port.read(1) == b"\x7f"
            port.write(b"ping\r\n")
            assert port.readline() == b"ping\r\n"
        assert list(sim.received) == [b"ping"]


def test_commands_split_across_writes_arrive_whole(tmp_path: Path) -> None:
    with EchoDevice(tmp_path / "dev") as sim, serial.Serial(sim.port, timeout=1) as port:
        port.write(b"SP")
        port.flush()
        time.sleep(0.05)
        port.write(b"LIT\r")
        port.flush()
        time.sleep(0.05)
        port.write(b"\nNEXT\n")
        assert port.readline() == b"SPLIT\r\n"
        assert port.readline() == b"NEXT\r\n"


def test_unplug_removes_the_path_and_replug_brings_a_new_pty(tmp_path: Path) -> None:
    link = tmp_path / "dev"
    with EchoDevice(link) as sim:
        old = os.readlink(link)
        port = serial.Serial(sim.port, timeout=1)
        sim.unplug()
        assert not sim.plugged
        assert not link.exists()
        with pytest.raises(serial.SerialException):
            port.read(1)
        port.close()
        assert sim.replug() == str(link)
        assert sim.plugged
        assert link.is_symlink()
        assert os.path.exists(os.readlink(link))
        with serial.Serial(sim.port, timeout=1) as again:
            again.write(b"back\r\n")
            assert again.readline() == b"back\r\n"
        assert old.startswith("/dev/pts/")


def test_stop_joins_the_thread_and_cleans_up(tmp_path: Path) -> None:
    link = tmp_path / "dev"
    sim = PtyDevice(link, name="cleanup")
    sim.start()
    thread = sim._thread
    assert thread is not None
    assert thread.is_alive()
    assert not thread.daemon
    sim.stop()
    assert not thread.is_alive()
    assert not link.exists()
    sim.stop()  # twice is fine
    assert not sim.send(b"x")  # nothing to send to


def test_without_symlink_the_port_is_the_slave_path() -> None:
    with PtyDevice() as sim:
        assert sim.port.startswith("/dev/pts/")


def test_start_twice_is_refused(tmp_path: Path) -> None:
    with PtyDevice(tmp_path / "dev") as sim, pytest.raises(RuntimeError, match="already"):
        sim.start()
