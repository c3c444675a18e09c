"""Keyboard-wedge timing: scans are bursts, typing passes through, nothing is lost or doubled."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.wedge import WedgeDecoder, WedgeOutput

FAST = settings(
    max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

CODE_CHARS = st.sampled_from("ABCXYZ0123456789-/\x1d")


def _type(decoder: WedgeDecoder, keys: Sequence[tuple[str, float]]) -> tuple[str, list[str], str]:
    """Feed (char, gap_ms) keys, polling when due; returns (delivered, scans, swallowed)."""
    now = 0.0
    delivered, scans, swallowed = "", [], ""

    def take(out: WedgeOutput, char: str = "") -> None:
        nonlocal delivered, swallowed
        delivered += out.release
        if out.scan is not None:
            scans.append(out.scan)
            delivered += "\0"  # marks where a scan sat in the stream
        if char:
            if out.passthrough:
                delivered += char
            elif char in "\r\n\t":
                swallowed += char

    for char, gap in keys:
        due = decoder.deadline_ms()
        if due is not None and due < now + gap:
            take(decoder.poll(due))
        now += gap
        take(decoder.feed(char, now), char)
    while (due := decoder.deadline_ms()) is not None:
        take(decoder.poll(due))
    return delivered, scans, swallowed


def test_fast_burst_with_enter_is_a_scan() -> None:
    decoder = WedgeDecoder()
    delivered, scans, swallowed = _type(decoder, [(c, 5) for c in "BW0123456"] + [("\r", 5)])
    assert (delivered, scans, swallowed) == ("\0", ["BW0123456"], "\r")


def test_slow_typing_passes_through_in_order() -> None:
    delivered, scans, _ = _type(WedgeDecoder(), [(c, 120) for c in "abc12"] + [("\r", 120)])
    assert (delivered, scans) == ("abc12\r", [])


def test_burst_without_terminator_ends_after_idle() -> None:
    decoder = WedgeDecoder(idle_ms=100)
    for i, c in enumerate("12345678"):
        assert decoder.feed(c, i * 4.0) == WedgeOutput()
    assert decoder.poll(28 + 99) == WedgeOutput()
    assert decoder.poll(28 + 100) == WedgeOutput(scan="12345678")
    assert decoder.held == ""


def test_two_fast_keys_are_typing_not_a_scan() -> None:
    decoder = WedgeDecoder()
    decoder.feed("a", 0)
    decoder.feed("b", 10)
    assert decoder.feed("\r", 15) == WedgeOutput(release="ab", passthrough=True)


def test_short_burst_is_released_within_the_gap() -> None:
    decoder = WedgeDecoder(max_gap_ms=30)
    decoder.feed("x", 0)
    assert decoder.deadline_ms() == 30
    assert decoder.poll(29) == WedgeOutput()
    assert decoder.poll(30) == WedgeOutput(release="x")


def test_slow_enter_after_a_scan_is_swallowed_and_a_late_one_passes() -> None:
    decoder = WedgeDecoder(max_gap_ms=30, idle_ms=100)
    for i, c in enumerate("ABC123"):
        decoder.feed(c, i * 3.0)
    assert decoder.feed("\t", 15 + 60) == WedgeOutput(scan="ABC123")
    for i, c in enumerate("ABC123"):
        decoder.feed(c, 1000 + i * 3.0)
    assert decoder.feed("\r", 1015 + 150) == WedgeOutput(scan="ABC123", passthrough=True)


def test_gs_separator_is_part_of_a_scan() -> None:
    decoder = WedgeDecoder()
    for i, c in enumerate("01095\x1d10LOT"):
        decoder.feed(c, i * 2.0)
    assert decoder.feed("\n", 25) == WedgeOutput(scan="01095\x1d10LOT")


def test_flush_releases_everything_held() -> None:
    decoder = WedgeDecoder()
    decoder.feed("a", 0)
    decoder.feed("b", 1)
    assert decoder.flush() == WedgeOutput(release="ab")
    assert decoder.deadline_ms() is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_gap_ms": 0}, "max_gap_ms"),
        ({"min_chars": 0}, "min_chars"),
        ({"max_gap_ms": 50, "idle_ms": 40}, "idle_ms"),
    ],
)
def test_bad_settings_are_refused(kwargs: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        WedgeDecoder(**kwargs)  # type: ignore[arg-type]


def test_feed_takes_one_character() -> None:
    with pytest.raises(ValueError, match="one character"):
        WedgeDecoder().feed("ab", 0)


@FAST
@given(
    st.text(CODE_CHARS, min_size=3, max_size=40),
    st.lists(st.floats(0, 29.9), min_size=40, max_size=40),
    st.sampled_from("\r\n\t"),
)
def test_any_fast_burst_is_one_scan(code: str, gaps: list[float], end: str) -> None:
    keys = [(c, g) for c, g in zip(code, gaps, strict=False)] + [(end, gaps[-1])]
    keys[0] = (keys[0][0], 500.0)
    delivered, scans, swallowed = _type(WedgeDecoder(), keys)
    assert (delivered, scans, swallowed) == ("\0", [code], end)


@FAST
@given(
    st.text(st.sampled_from("abcXYZ019 \r\t"), max_size=30),
    st.lists(st.floats(30.5, 400), min_size=30, max_size=30),
)
def test_any_slow_typing_reaches_the_widget_unchanged(text: str, gaps: list[float]) -> None:
    keys = list(zip(text, gaps, strict=False))
    delivered, scans, swallowed = _type(WedgeDecoder(), keys)
    assert (delivered, scans, swallowed) == (text, [], "")


@FAST
@given(st.lists(st.tuples(st.sampled_from("aZ9\x1d\r\t"), st.floats(0, 200)), max_size=60))
def test_no_key_is_lost_or_doubled(keys: list[tuple[str, float]]) -> None:
    delivered, scans, swallowed = _type(WedgeDecoder(), keys)
    rebuilt, parts = "", iter(scans)
    for ch in delivered:
        rebuilt += next(parts) if ch == "\0" else ch
    typed = "".join(c for c, _ in keys)
    assert len(rebuilt) + len(swallowed) == len(typed)
    assert sorted(rebuilt + swallowed) == sorted(typed)
    assert rebuilt.replace("\r", "").replace("\t", "") == typed.replace("\r", "").replace("\t", "")
    assert all(len(s) >= 3 for s in scans)
