"""Fixtures for the hardware tests: simulators on real ptys, drivers over real pyserial."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hwtest_devices import EchoDevice

from hardware.reader import LineReader
from hardware.scale import MT_SICS, SerialScale
from hardware.serial_link import SerialLink, SerialSettings
from hardware.sim.mtsics import MtSicsSimulator
from hardware.sim.scanner import LineScannerSimulator


@pytest.fixture
def mtsics(tmp_path: Path) -> Iterator[MtSicsSimulator]:
    """A started MT-SICS balance behind a stable symlink; stopped after the test."""
    sim = MtSicsSimulator(tmp_path / "usb-Mettler_Toledo-if00")
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


@pytest.fixture
def scale(mtsics: MtSicsSimulator) -> Iterator[SerialScale]:
    """The real driver on the simulator's port."""
    driver = SerialScale(
        SerialLink(MT_SICS.serial_settings(mtsics.port)), MT_SICS, poll_interval_ms=5
    )
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def scanner_sim(tmp_path: Path) -> Iterator[LineScannerSimulator]:
    """A started line scanner behind a stable symlink; stopped after the test."""
    sim = LineScannerSimulator(tmp_path / "usb-Scanner-if00")
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


@pytest.fixture
def reader(scanner_sim: LineScannerSimulator) -> Iterator[LineReader]:
    """The real line reader on the scanner simulator's port."""
    driver = LineReader(SerialLink(SerialSettings(scanner_sim.port)))
    driver.link.open()
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def echo(tmp_path: Path) -> Iterator[EchoDevice]:
    """A device that echoes each line, behind a stable symlink."""
    sim = EchoDevice(tmp_path / "echo", name="echo")
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()
