"""Property tests: hostile bytes give a parsed value or FrameError, never another exception."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hardware.base import FrameError, ScaleState
from hardware.reader import parse_scan_line, split_aim
from hardware.scale import UNITS, ReplyKind, parse_mtsics_reply

FAST = settings(
    max_examples=400,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],  # a busy CI machine is not a failure
)

MT_TOKENS = st.sampled_from(
    ["S", "SI", "Z", "T", "I2", "I4", "A", "D", "I", "+", "-", "L", "ES", "EL", "ET",
     "Error", "ct", "g", "mg", "kg", "12.345", "-0.003", "1e3", "NaN", '"', '"XP 1"', " "]
)


@FAST
@given(st.binary(max_size=200))
def test_mtsics_parser_on_arbitrary_bytes(data: bytes) -> None:
    try:
        reply = parse_mtsics_reply(data)
    except FrameError:
        return
    assert reply.raw
    if reply.value is not None:
        assert reply.unit in UNITS
        assert reply.value.is_finite()


@FAST
@given(st.lists(MT_TOKENS, min_size=1, max_size=6))
def test_mtsics_parser_on_plausible_token_soup(tokens: list[str]) -> None:
    try:
        reply = parse_mtsics_reply(" ".join(tokens).encode())
    except FrameError:
        return
    if reply.kind is ReplyKind.WEIGHT and reply.state in (ScaleState.STABLE, ScaleState.DYNAMIC):
        assert reply.value is not None
        assert reply.unit in UNITS


@FAST
@given(
    st.sampled_from(["S", "SI"]),
    st.sampled_from(["S", "D"]),
    st.decimals(min_value=-9999, max_value=99999, places=3, allow_nan=False),
    st.sampled_from(sorted(UNITS)),
)
def test_mtsics_weight_replies_round_trip(
    reply_id: str, status: str, value: Decimal, unit: str
) -> None:
    reply = parse_mtsics_reply(f"{reply_id} {status} {value:>10f} {unit}".encode())
    assert reply.reply_id == reply_id
    assert reply.state is (ScaleState.STABLE if status == "S" else ScaleState.DYNAMIC)
    assert (reply.value, reply.unit) == (value, unit)


@pytest.mark.parametrize(
    ("line", "state", "kind"),
    [
        (b"S S      12.345 ct", ScaleState.STABLE, ReplyKind.WEIGHT),
        (b"SI D       0.497 ct", ScaleState.DYNAMIC, ReplyKind.WEIGHT),
        (b"S I", ScaleState.BUSY, ReplyKind.WEIGHT),
        (b"S +", ScaleState.OVERLOAD, ReplyKind.WEIGHT),
        (b"SI -", ScaleState.UNDERLOAD, ReplyKind.WEIGHT),
        (b"S S Error 10b", ScaleState.ERROR, ReplyKind.WEIGHT),
        (b"ES", ScaleState.ERROR, ReplyKind.ERROR),
        (b"ET", ScaleState.ERROR, ReplyKind.ERROR),
        (b"EL", ScaleState.ERROR, ReplyKind.ERROR),
        (b"Z A", None, ReplyKind.DONE),
        (b"Z I", ScaleState.BUSY, ReplyKind.ERROR),
        (b"T S       0.150 ct", ScaleState.STABLE, ReplyKind.WEIGHT),
        (b'I2 A "XPR226CDR 220.0000 g"', None, ReplyKind.INFO),
        (b'I4 A "B123456789"', None, ReplyKind.INFO),
    ],
)
def test_mtsics_reply_table(line: bytes, state: ScaleState | None, kind: ReplyKind) -> None:
    reply = parse_mtsics_reply(line)
    assert (reply.state, reply.kind) == (state, kind)
    assert reply.raw == line.decode()


@pytest.mark.parametrize(
    "line",
    [
        b"",
        b"S",
        b"S S",
        b"S S 12.345",
        b"S S 12.345 kg",
        b"S S NaN ct",
        b"S S 1e3 ct",
        b"S S 12.3.4 ct",
        b"S X 1.0 ct",
        b"S S 1.0 ct extra",
        b"S + 1.0 ct",
        b"Z S 1.0 ct",
        b"I4 A serial-without-quotes",
        b"S S\t1.0 ct",
        b"S S 1.0 ct\x00",
        b"s s 1.0 ct",
    ],
)
def test_mtsics_broken_replies_raise_frame_error(line: bytes) -> None:
    with pytest.raises(FrameError):
        parse_mtsics_reply(line)


@FAST
@given(st.binary(max_size=300))
def test_scan_parser_on_arbitrary_bytes(data: bytes) -> None:
    try:
        symbology, value = parse_scan_line(data)
    except FrameError:
        return
    assert value
    assert all(ch == "\x1d" or ord(ch) >= 0x20 for ch in value)
    assert "\r" not in value
    assert "\n" not in value
    if symbology is not None:
        assert len(symbology) == 3
        assert symbology[0] == "]"


@FAST
@example(symbology=None, value="]A0")
@example(symbology=None, value="]C1 \x1d")
@example(symbology="]E0", value="]A0")
@given(
    st.from_regex(r"\][A-Za-z][0-9A-Za-z]", fullmatch=True) | st.none(),
    st.text(
        alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.just("\x1d"),
        min_size=1,
        max_size=80,
    ).filter(lambda s: s.strip(" \x1d") != ""),
)
def test_scan_parser_round_trips_valid_scans(symbology: str | None, value: str) -> None:
    line = ((symbology or "") + value).encode()
    prefix, rest = split_aim(value)
    if symbology is None and prefix is not None and not rest.strip(" \x1d"):
        # A value that is an AIM prefix and nothing else ("]A0") cannot be told from a scan
        # of an empty code: it is refused as an empty scan, never passed on as a value.
        with pytest.raises(FrameError, match=f"empty scan: AIM prefix {re.escape(prefix)}"):
            parse_scan_line(line)
        return
    got_symbology, got_value = parse_scan_line(line)
    if symbology is not None:
        assert (got_symbology, got_value) == (symbology, value)
    else:  # a value that happens to start like a prefix is split, and nothing is lost
        assert (got_symbology or "") + got_value == value


@pytest.mark.parametrize("line", [b"]A0", b"]C1", b"]d2 ", b"]Q3\x1d\x1d", b"]e0 \x1d "])
def test_an_aim_prefix_without_data_is_an_empty_scan(line: bytes) -> None:
    with pytest.raises(FrameError, match=r"^empty scan: AIM prefix \][A-Za-z][0-9A-Za-z] with no"):
        parse_scan_line(line)


def test_split_aim_examples() -> None:
    assert split_aim("]C1010950") == ("]C1", "010950")
    assert split_aim("]d2X") == ("]d2", "X")
    assert split_aim("]C") == (None, "]C")
    assert split_aim("]1C0") == (None, "]1C0")
    assert split_aim("ABC") == (None, "ABC")
