"""A&D, Sartorius SBI and Ohaus reply parsers: real formats, and hostile bytes (hypothesis)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardware.base import FrameError, ScaleState
from hardware.scale import (
    UNITS,
    ReplyKind,
    ScaleReply,
    parse_ad_info,
    parse_ad_reply,
    parse_ohaus_info,
    parse_ohaus_reply,
    parse_sbi_info,
    parse_sbi_reply,
)
from hardware.sim.ad import format_ad_value
from hardware.sim.sbi import format_sbi_body

FAST = settings(
    max_examples=400,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

PARSERS: dict[str, Callable[[bytes], ScaleReply]] = {
    "ad": parse_ad_reply,
    "sbi": parse_sbi_reply,
    "ohaus": parse_ohaus_reply,
}

TOKENS = st.sampled_from(
    ["ST", "US", "QT", "OL", "EC", "E1", "E2", ",", "+", "-", " ", "  ", "00123.45", "12.345",
     "0.000", "1e3", "NaN", "ct", "g", "mg", "kg", "?", "H", "L", "C", "Err", "123", "N     ",
     "G     ", "ES", "-OL-", "SN", "TN", "\x06", "."]
)


@pytest.mark.parametrize(
    ("line", "state", "value", "unit"),
    [
        (b"ST,+00123.45  g", ScaleState.STABLE, "123.45", "g"),
        (b"ST,+0012.345 ct", ScaleState.STABLE, "12.345", "ct"),
        (b"ST,+00123.45  ct", ScaleState.STABLE, "123.45", "ct"),  # the spacing
        (b"US,-0000.012 ct", ScaleState.DYNAMIC, "-0.012", "ct"),
        (b"\x06ST,+0001.000 ct", ScaleState.STABLE, "1.000", "ct"),  # AK before data
        (b"OL,+9999999E+19", ScaleState.OVERLOAD, None, None),
        (b"OL,-9999999E+19", ScaleState.UNDERLOAD, None, None),
        (b"EC,E2", ScaleState.BUSY, None, None),
        (b"QT,+0000123 PC", ScaleState.ERROR, None, None),
    ],
)
def test_ad_formats(line: bytes, state: ScaleState, value: str | None, unit: str | None) -> None:
    reply = parse_ad_reply(line)
    assert reply.state is state
    assert reply.value == (None if value is None else Decimal(value))
    assert reply.unit == unit


def test_ad_ack_errors_and_info() -> None:
    assert parse_ad_reply(b"\x06").kind is ReplyKind.DONE
    error = parse_ad_reply(b"EC,E1")
    assert (error.kind, error.state) == (ReplyKind.ERROR, ScaleState.ERROR)
    assert "undefined command" in error.text
    replies = (parse_ad_reply(b"TN,GX-1003A"), parse_ad_reply(b"SN,T1234567"))
    info = parse_ad_info(replies)
    assert (info.model, info.serial) == ("GX-1003A", "T1234567")


@pytest.mark.parametrize(
    "line",
    [b"ST,+0012.3.5 ct", b"ST,+0012.345 kg", b"XX,+0012.345 ct", b"ST,0012.345 ct", b"EC,",
     b"ST,+0012.345 c\xfft"],
)
def test_ad_broken_frames(line: bytes) -> None:
    with pytest.raises(FrameError):
        parse_ad_reply(line)


@pytest.mark.parametrize(
    ("line", "state", "value", "unit"),
    [
        (b"+   12.345 ct ", ScaleState.STABLE, "12.345", "ct"),  # 16-character output
        (b"-    0.012 g  ", ScaleState.STABLE, "-0.012", "g"),
        (b"    12.345 ct ", ScaleState.STABLE, "12.345", "ct"),  # space for plus
        (b"+   12.383    ", ScaleState.DYNAMIC, "12.383", None),  # no unit: not stable
        (b"N     +   12.345 ct ", ScaleState.STABLE, "12.345", "ct"),  # 22-character output
        (b"G     +   12.383    ", ScaleState.DYNAMIC, "12.383", None),
        (b"         H    ", ScaleState.OVERLOAD, None, None),
        (b"         L    ", ScaleState.UNDERLOAD, None, None),
        (b"         C    ", ScaleState.BUSY, None, None),
        (b"   Err 123    ", ScaleState.ERROR, None, None),
        (b"N        H    ", ScaleState.OVERLOAD, None, None),
    ],
)
def test_sbi_formats(line: bytes, state: ScaleState, value: str | None, unit: str | None) -> None:
    reply = parse_sbi_reply(line)
    assert reply.state is state
    assert reply.value == (None if value is None else Decimal(value))
    assert reply.unit == unit


def test_sbi_info_and_broken_frames() -> None:
    labelled = (
        ScaleReply("x1", ReplyKind.INFO, "MSE524S", text="MSE524S"),
        ScaleReply("x2", ReplyKind.INFO, "B1", text="B1"),
        ScaleReply("x3", ReplyKind.INFO, "01-70", text="01-70"),
    )
    info = parse_sbi_info(labelled)
    assert (info.model, info.serial, info.firmware) == ("MSE524S", "B1", "01-70")
    for line in (b"+  12.345  ct ", b"MSE524S", b"N     +   12.345 ct  extra", b"+ 1 2.345 ct"):
        with pytest.raises(FrameError):
            parse_sbi_reply(line)


@pytest.mark.parametrize(
    ("line", "state", "value", "unit"),
    [
        (b"   12.345 ct", ScaleState.STABLE, "12.345", "ct"),
        (b"   12.345 ct   ?", ScaleState.DYNAMIC, "12.345", "ct"),
        (b"   -0.012 g    ?", ScaleState.DYNAMIC, "-0.012", "g"),
        (b"   192.21 g", ScaleState.STABLE, "192.21", "g"),
        (b"-OL-", ScaleState.OVERLOAD, None, None),
        (b"-UL-", ScaleState.UNDERLOAD, None, None),
        (b"BUSY", ScaleState.BUSY, None, None),
        (b"Err 8.3", ScaleState.ERROR, None, None),
    ],
)
def test_ohaus_formats(
    line: bytes, state: ScaleState, value: str | None, unit: str | None
) -> None:
    reply = parse_ohaus_reply(line)
    assert reply.state is state
    assert reply.value == (None if value is None else Decimal(value))
    assert reply.unit == unit


def test_ohaus_es_info_and_broken_frames() -> None:
    es = parse_ohaus_reply(b"ES")
    assert (es.kind, es.state) == (ReplyKind.ERROR, ScaleState.ERROR)
    info = parse_ohaus_info(
        (
            ScaleReply("PSN", ReplyKind.INFO, "B1", text="B1"),
            ScaleReply("PV", ReplyKind.INFO, "Explorer EX324, 1.23", text="Explorer EX324, 1.23"),
        )
    )
    assert (info.model, info.serial) == ("Explorer EX324", "B1")
    assert info.firmware == "Explorer EX324, 1.23"
    for line in (b"12.345", b"12.345 ct ? ?", b"12.345 stone", b"abc ct", b"1.2.3 g"):
        with pytest.raises(FrameError):
            parse_ohaus_reply(line)


def _check(reply: ScaleReply) -> None:
    assert reply.raw
    if reply.value is not None:
        assert reply.value.is_finite()
        assert reply.unit is None or reply.unit in UNITS
        assert reply.state in (ScaleState.STABLE, ScaleState.DYNAMIC)
    if reply.state is ScaleState.STABLE and reply.kind is ReplyKind.WEIGHT:
        assert reply.value is not None
        assert reply.unit in UNITS


@pytest.mark.parametrize("protocol", sorted(PARSERS))
@FAST
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_give_a_reply_or_frame_error(protocol: str, data: bytes) -> None:
    try:
        reply = PARSERS[protocol](data)
    except FrameError:
        return
    _check(reply)


@pytest.mark.parametrize("protocol", sorted(PARSERS))
@FAST
@given(parts=st.lists(TOKENS, max_size=8))
def test_near_miss_lines_give_a_reply_or_frame_error(protocol: str, parts: list[str]) -> None:
    try:
        reply = PARSERS[protocol]("".join(parts).encode("ascii"))
    except FrameError:
        return
    _check(reply)


WEIGHTS = st.decimals(
    min_value=Decimal("-999.999"), max_value=Decimal("9999.999"), places=3, allow_nan=False
)


@FAST
@given(value=WEIGHTS, unit=st.sampled_from(["ct", "g", "mg"]))
def test_what_the_simulators_send_is_read_back(value: Decimal, unit: str) -> None:
    ad = parse_ad_reply(f"ST,{format_ad_value(value)}{unit:>3}".encode())
    assert (ad.value, ad.unit) == (value, unit)
    sbi = parse_sbi_reply(format_sbi_body(value, unit).encode())
    assert (sbi.state, sbi.value, sbi.unit) == (ScaleState.STABLE, value, unit)
    ohaus = parse_ohaus_reply(f"{value:>9} {unit:<5}?".encode())
    assert (ohaus.state, ohaus.value, ohaus.unit) == (ScaleState.DYNAMIC, value, unit)
