"""Hostile bytes at the device parsers: a value or ``FrameError`` (one line), never a crash.

Extends tests/hardware/test_parsers_properties.py and test_rfid_properties.py: those feed
random bytes, which almost never get past a length byte and a CRC; here the frames are
well-formed on the outside (right length, right CRC) and hostile inside, the info parsers
get whatever replies parsed, and the line framing of ``SerialLink`` gets arbitrary streams
over a real pseudo-terminal.
"""

from __future__ import annotations

import os
import pty
import termios
import tty
from collections.abc import Iterator

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from hardware.base import FrameError
from hardware.reader import parse_scan_line
from hardware.rfid import (
    CHAFON_CMD_INVENTORY,
    chafon_inventory_reply,
    crc16_mcrf4xx,
    parse_chafon_reply,
    split_pc_word,
)
from hardware.scale import PROFILES, ScaleReply, parse_weight
from hardware.serial_link import SerialLink, SerialSettings
from tests.fuzz.profiles import HOSTILE, PER_FORMAT, assert_one_line

# ---- Chafon: frames with a correct length byte and CRC around hostile content ---------------


def _framed(body: bytes) -> bytes:
    """``Len`` + body + CRC, as a reader would send it: the outer checks all pass."""
    head = bytes([len(body) + 2]) + body
    crc = crc16_mcrf4xx(head)
    return head + bytes([crc & 0xFF, crc >> 8])


BODIES = st.binary(min_size=3, max_size=120).map(
    lambda b: b[:1] + bytes([CHAFON_CMD_INVENTORY]) + b[2:]
) | st.binary(min_size=3, max_size=120)


@HOSTILE
@given(BODIES, st.booleans())
@example(bytes([0x00, 0x01, 0x01, 0x01, 0x00]), False)  # one tag of length 0
@example(bytes([0x00, 0x01, 0x01, 0xFF]), True)  # 255 tags announced, none sent
@example(bytes([0x00, 0x01, 0x01, 0x01, 0x02, 0x08, 0x00]), True)  # PC word says 1 word, 0 sent
def test_chafon_frames_with_a_good_crc_and_hostile_content(body: bytes, pc_word: bool) -> None:
    frame = _framed(body)
    try:
        reply = parse_chafon_reply(frame, pc_word)
    except FrameError as exc:
        assert_one_line(str(exc))
        return
    assert reply.raw == frame
    for epc in reply.epcs:
        assert len(epc) % 4 == 0
        assert epc
        bytes.fromhex(epc)


@HOSTILE
@given(st.lists(st.binary(min_size=2, max_size=32).filter(lambda b: len(b) % 2 == 0), max_size=8))
def test_chafon_pc_word_round_trip(epcs: list[bytes]) -> None:
    tags = [bytes([(len(e) // 2) << 3, 0x00]) + e for e in epcs]
    reply = parse_chafon_reply(chafon_inventory_reply(tags), pc_word=True)
    assert reply.epcs == tuple(e.hex().upper() for e in epcs)


@HOSTILE
@given(st.binary(max_size=70))
def test_split_pc_word_on_arbitrary_tag_data(tag: bytes) -> None:
    try:
        epc = split_pc_word(tag)
    except FrameError as exc:
        assert_one_line(str(exc))
        return
    assert len(epc) == 2 * (tag[0] >> 3)


# ---- Scale: the INFO parsers get whatever the reply parser let through --------------------

LINES = st.lists(
    st.binary(max_size=60)
    | st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60).map(
        lambda t: t.encode("ascii")
    ),
    max_size=6,
)


@pytest.mark.parametrize("protocol", sorted(PROFILES))
@PER_FORMAT
@given(lines=LINES)
def test_scale_info_from_any_replies_that_parsed(protocol: str, lines: list[bytes]) -> None:
    profile = PROFILES[protocol]
    replies: list[ScaleReply] = []
    for line in lines:
        try:
            replies.append(profile.parse_reply(line))
        except FrameError as exc:
            assert_one_line(str(exc))
    info = profile.parse_info(tuple(replies))
    for text in (info.model, info.serial, info.capacity, info.firmware):
        assert text.isprintable()


@HOSTILE
@given(st.text(max_size=30), st.text(max_size=5))
@example("1e999999", "ct")
@example("١٢.٣", "ct")  # Arabic-Indic digits: Decimal() takes them, a balance never sends them
@example("Infinity", "g")
def test_parse_weight_on_any_text(value: str, unit: str) -> None:
    try:
        number, got_unit = parse_weight(value, unit)
    except FrameError as exc:
        assert_one_line(str(exc))
        return
    assert number.is_finite()
    assert value.strip().isascii()
    assert got_unit in ("ct", "g", "mg")


# ---- Scanner lines as text, not only bytes ------------------------------------------------


@HOSTILE
@given(st.text(max_size=120))
@example("]A0")
@example("]C1\x1d")
@example("\u200b]C1010950")  # a zero-width space before the prefix
def test_scan_line_from_any_text(text: str) -> None:
    try:
        symbology, value = parse_scan_line(text.encode("utf-8", "surrogatepass"))
    except FrameError as exc:
        assert_one_line(str(exc))
        return
    assert value.strip(" \x1d")
    assert (symbology or "") + value == text


# ---- Line framing over a real pseudo-terminal ---------------------------------------------


@pytest.fixture(scope="module")
def pty_link() -> Iterator[tuple[int, SerialLink]]:
    """One raw pty for all the examples: the test writes the master, the link reads."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    link = SerialLink(SerialSettings(os.ttyname(slave), max_line_bytes=64))
    try:
        yield master, link
    finally:
        link.close()
        os.close(slave)
        os.close(master)


STREAMS = st.lists(
    st.sampled_from([b"\r", b"\n", b"\r\n", b"AB", b"\x00", b"\xff", b"x" * 70, b"]C1"])
    | st.binary(max_size=20),
    max_size=12,
).map(b"".join)


@HOSTILE
@given(STREAMS)
@example(b"x" * 200 + b"\r\nOK\r\n")  # an over-long line, then a good one
@example(b"\r\r\n\n\r")
def test_serial_framing_of_any_stream(pty_link: tuple[int, SerialLink], stream: bytes) -> None:
    master, link = pty_link
    link.drain()
    termios.tcflush(master, termios.TCIOFLUSH)
    os.write(master, stream + b"\nEND\n")
    lines: list[bytes] = []
    errors = 0
    for _ in range(len(stream) + 4):
        try:
            line = link.read_line(0.5)
        except FrameError as exc:
            assert_one_line(str(exc))
            errors += 1
            continue
        assert line is not None, "the stream ended without its END line"
        if line == b"END":
            break
        lines.append(line)
    else:
        pytest.fail("more lines than the stream can hold")
    for line in lines:
        assert b"\r" not in line
        assert b"\n" not in line
        assert len(line) <= 64
    assert sum(len(line) for line in lines) <= len(stream)
    if errors == 0:
        kept = stream.replace(b"\r", b"").replace(b"\n", b"")
        assert b"".join(lines) == kept
