"""RFID readers against their simulators on real ptys, and their frame parsers."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.base import DeviceDisconnectedError, FrameError, Reader
from hardware.rfid import (
    CHAFON_INVENTORY,
    ByteLink,
    ChafonReader,
    DedupeWindow,
    Em4100Reader,
    chafon_frame,
    chafon_inventory_reply,
    crc16_mcrf4xx,
    em4100_frame,
    parse_chafon_reply,
    parse_em4100_frame,
    split_pc_word,
)
from hardware.serial_link import SerialLink, SerialSettings
from hardware.sim.chafon import ChafonSimulator
from hardware.sim.em4100 import Em4100Simulator

SGTIN = "3074257BF7194E4000001A85"
CHIP = "E28011606000020D1A2B3C4D"


@pytest.fixture
def em_sim(tmp_path: Path) -> Iterator[Em4100Simulator]:
    sim = Em4100Simulator(tmp_path / "usb-RDM6300-if00")
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


@pytest.fixture
def em_reader(em_sim: Em4100Simulator) -> Iterator[Em4100Reader]:
    driver = Em4100Reader(SerialLink(SerialSettings(em_sim.port)), dedupe_s=0.3)
    driver.link.open()
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def uhf_sim(tmp_path: Path) -> Iterator[ChafonSimulator]:
    sim = ChafonSimulator(tmp_path / "usb-Chafon-if00")
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


@pytest.fixture
def uhf_reader(uhf_sim: ChafonSimulator) -> Iterator[ChafonReader]:
    link = ByteLink(SerialSettings(uhf_sim.port, baudrate=57600))
    driver = ChafonReader(link, dedupe_s=0.5, poll_interval_s=0.02)
    try:
        yield driver
    finally:
        driver.close()


# ---- Parsers -----------------------------------------------------------------------------


def test_inventory_command_matches_the_published_bytes() -> None:
    assert chafon_frame(0x00, 0x01) == CHAFON_INVENTORY == bytes.fromhex("040001DB4B")
    assert crc16_mcrf4xx(b"123456789") == 0x6F91  # the CRC-16/MCRF4XX check value


def test_em4100_frame_round_trip_and_lower_case() -> None:
    frame = em4100_frame("0a1b2c3d4e")
    assert frame == b"\x020A1B2C3D4E" + b"%02X" % (0x0A ^ 0x1B ^ 0x2C ^ 0x3D ^ 0x4E) + b"\x03"
    assert parse_em4100_frame(frame.lower()) == "0A1B2C3D4E"


@pytest.mark.parametrize(
    "frame",
    [b"", b"\x020A1B2C3D4E00\x03", b"0A1B2C3D4E\x03", b"\x020A1B2C3D4G5F\x03", b"\x02\x03"],
)
def test_em4100_rejects_broken_frames(frame: bytes) -> None:
    with pytest.raises(FrameError):
        parse_em4100_frame(frame)


def test_chafon_reply_with_several_tags_and_no_tag() -> None:
    reply = parse_chafon_reply(chafon_inventory_reply([bytes.fromhex(SGTIN), bytes.fromhex(CHIP)]))
    assert reply.epcs == (SGTIN, CHIP)
    assert reply.status == 0x01
    assert parse_chafon_reply(chafon_inventory_reply([])).epcs == ()


def test_chafon_reply_faults() -> None:
    good = bytearray(chafon_inventory_reply([bytes.fromhex(SGTIN)]))
    bad_crc = bytes(good[:-1]) + bytes([good[-1] ^ 1])
    with pytest.raises(FrameError, match="CRC"):
        parse_chafon_reply(bad_crc)
    with pytest.raises(FrameError, match="length"):
        parse_chafon_reply(bytes(good[:-3]))
    with pytest.raises(FrameError, match="status 0xFE"):
        parse_chafon_reply(chafon_inventory_reply([bytes.fromhex(SGTIN)], status=0xFE))
    too_many = chafon_frame(0, 1, bytes([0x01, 2, 2]) + b"\x30\x00")
    with pytest.raises(FrameError, match="announces 2 tags"):
        parse_chafon_reply(too_many)


def test_pc_word_length_check() -> None:
    epc = bytes.fromhex(SGTIN)
    assert split_pc_word(b"\x30\x00" + epc) == epc
    with pytest.raises(FrameError, match="announces 96 EPC bits"):
        split_pc_word(b"\x30\x00" + epc[:-2])
    reply = chafon_inventory_reply([b"\x30\x00" + epc])
    assert parse_chafon_reply(reply, pc_word=True).epcs == (SGTIN,)


def test_dedupe_window_reports_a_lingering_tag_once() -> None:
    window = DedupeWindow(2.0, clock=lambda: 0.0)
    assert window.admit("A", 0.0)
    assert not window.admit("A", 1.5)
    assert not window.admit("A", 3.0)  # still there: seen 1.5 s before
    assert window.admit("B", 3.0)
    assert window.admit("A", 5.1)  # gone for more than 2 s
    with pytest.raises(ValueError, match="0 s or more"):
        DedupeWindow(-1)


# ---- EM4100 on a pty ---------------------------------------------------------------------------


def test_em4100_reader_is_a_reader(em_reader: Em4100Reader) -> None:
    assert isinstance(em_reader, Reader)


def test_em4100_reads_a_card_once_while_it_lies_there(
    em_sim: Em4100Simulator, em_reader: Em4100Reader
) -> None:
    em_sim.present("0a1b2c3d4e", repeats=5, gap_s=0.01)
    scan = em_reader.read(1.0)
    assert scan is not None
    assert scan.value == "0A1B2C3D4E"
    assert scan.raw == em4100_frame("0A1B2C3D4E")
    assert em_reader.read(0.2) is None
    time.sleep(0.35)
    em_sim.present("0A1B2C3D4E")
    assert (again := em_reader.read(1.0)) is not None
    assert again.value == "0A1B2C3D4E"


def test_em4100_bad_checksum_noise_and_split_frames(
    em_sim: Em4100Simulator, em_reader: Em4100Reader
) -> None:
    em_sim.bad_checksum("1111111111")
    em_sim.inject_noise(b"\xff\x00garbage")
    em_sim.split_writes = True
    em_sim.present("2222222222")
    scan = em_reader.read(1.0)
    assert scan is not None
    assert scan.value == "2222222222"
    assert em_reader.rejected_count == 1
    assert em_reader.read(0.1) is None


def test_em4100_unplug_and_replug(em_sim: Em4100Simulator, em_reader: Em4100Reader) -> None:
    em_sim.unplug()
    with pytest.raises(DeviceDisconnectedError):
        em_reader.read(0.3)
    em_sim.replug()
    deadline = time.monotonic() + 3.0
    scan = None
    while scan is None and time.monotonic() < deadline:
        try:
            em_reader.link.open(0.5)
        except DeviceDisconnectedError:
            continue
        em_sim.present("3333333333")
        scan = em_reader.read(0.5)
    assert scan is not None
    assert scan.value == "3333333333"


# ---- Chafon on a pty -------------------------------------------------------------------------


def test_chafon_reads_several_tags_once_each(
    uhf_sim: ChafonSimulator, uhf_reader: ChafonReader
) -> None:
    assert uhf_reader.read(0.15) is None
    uhf_sim.present(SGTIN, CHIP)
    values = [s.value for s in (uhf_reader.read(1.0), uhf_reader.read(1.0)) if s is not None]
    assert values == [SGTIN, CHIP]
    assert uhf_reader.read(0.2) is None  # both still in the field: not reported again
    assert uhf_sim.inventories >= 3


def test_chafon_tag_removed_and_presented_again(
    uhf_sim: ChafonSimulator, uhf_reader: ChafonReader
) -> None:
    uhf_sim.present(SGTIN)
    assert (first := uhf_reader.read(1.0)) is not None
    assert first.value == SGTIN
    uhf_sim.remove()
    assert uhf_reader.read(0.7) is None  # absent for longer than the window
    uhf_sim.present(SGTIN)
    assert (again := uhf_reader.read(1.0)) is not None
    assert again.value == SGTIN


def test_chafon_corrupt_and_split_replies_and_pc_word(
    uhf_sim: ChafonSimulator, uhf_reader: ChafonReader
) -> None:
    uhf_sim.corrupt_replies = 2
    uhf_sim.split_writes = True
    uhf_sim.pc_word = True
    uhf_reader.pc_word = True
    uhf_sim.present(SGTIN)
    scan = uhf_reader.read(2.0)
    assert scan is not None
    assert scan.value == SGTIN
    assert uhf_reader.rejected_count == 2


def test_chafon_unplug_and_replug(uhf_sim: ChafonSimulator, uhf_reader: ChafonReader) -> None:
    uhf_sim.present(CHIP)
    assert uhf_reader.read(1.0) is not None
    uhf_sim.unplug()
    with pytest.raises(DeviceDisconnectedError):
        uhf_reader.read(0.5)
    uhf_sim.replug()
    deadline = time.monotonic() + 3.0
    scan = None
    while scan is None and time.monotonic() < deadline:
        try:
            scan = uhf_reader.read(0.5)
        except DeviceDisconnectedError:
            continue
    assert scan is not None
    assert scan.value == CHIP
