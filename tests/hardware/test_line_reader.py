"""LineReader against the line scanner simulator on a real pty."""

from __future__ import annotations

import time

import pytest

from hardware.base import DeviceDisconnectedError, Reader
from hardware.reader import LineReader
from hardware.sim.scanner import LineScannerSimulator

GS1 = "0109501101530003\x1d10LOT42\x1d21SER7"


def test_reader_implements_the_protocol(reader: LineReader) -> None:
    assert isinstance(reader, Reader)


@pytest.mark.parametrize(
    ("symbology", "value"),
    [
        ("]C0", "BE-KP-2024-000123"),
        ("]C1", GS1),
        ("]Q1", "https://example.org/kp?n=BE123"),
        ("]d2", GS1),
        ("]L2", "AWB 125-12345675"),
    ],
)
def test_aim_prefix_is_split_off(
    scanner_sim: LineScannerSimulator, reader: LineReader, symbology: str, value: str
) -> None:
    scanner_sim.scan(value, symbology)
    scan = reader.read(1.0)
    assert scan is not None
    assert (scan.symbology, scan.value) == (symbology, value)
    assert scan.raw == (symbology + value).encode()
    assert scan.reader == "reader"
    assert scan.at.tzinfo is not None


def test_gs_separator_is_kept_inside_the_value(
    scanner_sim: LineScannerSimulator, reader: LineReader
) -> None:
    scanner_sim.scan(GS1, "]C1")
    scan = reader.read(1.0)
    assert scan is not None
    assert scan.value.split("\x1d") == ["0109501101530003", "10LOT42", "21SER7"]


def test_scanner_without_aim_prefix(scanner_sim: LineScannerSimulator, reader: LineReader) -> None:
    scanner_sim.scan("12345678", None)
    scan = reader.read(1.0)
    assert scan is not None
    assert (scan.symbology, scan.value) == (None, "12345678")


@pytest.mark.parametrize("suffix", [b"\r", b"\n", b"\r\n"])
def test_each_suffix_frames_one_scan_per_code(
    scanner_sim: LineScannerSimulator, reader: LineReader, suffix: bytes
) -> None:
    for value in ("AAA111", "BBB222", "CCC333"):
        scanner_sim.scan(value, "]C0", suffix=suffix)
    got = [reader.read(1.0) for _ in range(3)]
    assert [s.value for s in got if s is not None] == ["AAA111", "BBB222", "CCC333"]
    assert reader.read(0.1) is None  # no empty extra scans from CR LF


def test_split_writes_give_one_scan(scanner_sim: LineScannerSimulator, reader: LineReader) -> None:
    scanner_sim.split_writes = True
    scanner_sim.scan("BE-KP-SPLIT-0001", "]C0")
    scan = reader.read(1.0)
    assert scan is not None
    assert scan.value == "BE-KP-SPLIT-0001"


@pytest.mark.parametrize(
    "noise",
    [
        b"\x00\x07\x1bJUNK\r\n",  # control bytes
        b"\xff\xfe\xfd\r\n",  # not text
        b"]C0\r\n",  # prefix without a value
        b"A" * 5000 + b"\r\n",  # over-long
        b"\r\n\r\n\n",  # empty lines are ignored, not rejected
    ],
)
def test_garbage_lines_never_become_scans(
    scanner_sim: LineScannerSimulator, reader: LineReader, noise: bytes
) -> None:
    scanner_sim.inject_noise(noise)
    scanner_sim.scan("GOOD-123", "]C0")
    scan = reader.read(1.0)
    assert scan is not None
    assert scan.value == "GOOD-123"
    assert reader.rejected_count == (0 if noise.strip() == b"" else 1)
    assert reader.read(0.05) is None


def test_no_scan_returns_none_in_time(reader: LineReader) -> None:
    started = time.monotonic()
    assert reader.read(0.2) is None
    assert 0.15 < time.monotonic() - started < 0.6


def test_unplug_and_replug(scanner_sim: LineScannerSimulator, reader: LineReader) -> None:
    scanner_sim.unplug()
    with pytest.raises(DeviceDisconnectedError, match=scanner_sim.port):
        reader.read(0.5)
    scanner_sim.replug()
    reader.link.open(timeout_s=2.0)
    scanner_sim.scan("AFTER-REPLUG", "]C0")
    scan = reader.read(1.0)
    assert scan is not None
    assert scan.value == "AFTER-REPLUG"
