"""Property tests of the RFID frame parsers: arbitrary bytes give a value or FrameError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardware.base import FrameError
from hardware.rfid import (
    DedupeWindow,
    chafon_inventory_reply,
    em4100_frame,
    parse_chafon_reply,
    parse_em4100_frame,
)

FAST = settings(
    max_examples=400,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

TAG_HEX = st.text(alphabet="0123456789ABCDEFabcdef", min_size=10, max_size=10)
EPCS = st.lists(
    st.integers(1, 16).flatmap(lambda words: st.binary(min_size=2 * words, max_size=2 * words)),
    max_size=5,
)


@FAST
@given(st.binary(max_size=40))
def test_em4100_arbitrary_bytes(data: bytes) -> None:
    try:
        tag = parse_em4100_frame(data)
    except FrameError:
        return
    assert len(tag) == 10
    assert em4100_frame(tag) == data.upper()


@FAST
@given(TAG_HEX)
def test_em4100_round_trip(tag: str) -> None:
    assert parse_em4100_frame(em4100_frame(tag)) == tag.upper()


@FAST
@given(TAG_HEX, st.data())
def test_em4100_one_changed_byte_is_rejected(tag: str, data: st.DataObject) -> None:
    frame = bytearray(em4100_frame(tag))
    i = data.draw(st.integers(0, len(frame) - 1))
    new = data.draw(st.integers(0, 255).filter(lambda b: b != frame[i]))
    if chr(frame[i]).upper() == chr(new).upper() and chr(new).isalpha():
        return  # the same hex digit in the other case
    frame[i] = new
    with pytest.raises(FrameError):
        parse_em4100_frame(bytes(frame))


@FAST
@given(st.binary(max_size=120), st.booleans())
def test_chafon_arbitrary_bytes(data: bytes, pc_word: bool) -> None:
    try:
        reply = parse_chafon_reply(data, pc_word)
    except FrameError:
        return
    assert reply.raw == data
    assert all(epc == epc.upper() and len(epc) % 4 == 0 for epc in reply.epcs)


@FAST
@given(EPCS, st.data())
def test_chafon_round_trip_and_one_changed_byte(epcs: list[bytes], data: st.DataObject) -> None:
    frame = bytearray(chafon_inventory_reply(epcs))
    assert parse_chafon_reply(bytes(frame)).epcs == tuple(e.hex().upper() for e in epcs)
    i = data.draw(st.integers(0, len(frame) - 1))
    frame[i] ^= data.draw(st.integers(1, 255))
    with pytest.raises(FrameError):
        parse_chafon_reply(bytes(frame))


@FAST
@given(st.lists(st.tuples(st.sampled_from("ABC"), st.floats(0, 5)), max_size=40))
def test_dedupe_reports_a_key_again_only_after_a_gap(reads: list[tuple[str, float]]) -> None:
    window = DedupeWindow(1.0)
    now = 0.0
    last: dict[str, float] = {}
    for key, step in reads:
        now += step
        expected = key not in last or now - last[key] > 1.0
        assert window.admit(key, now) is expected
        last[key] = now
