"""Formatting of weights, ages, identifiers and verdict summaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kiosk.domain.models import Outcome
from kiosk.ui import formatting as f
from kiosk.ui.preview import sample_inspection


def test_carats_have_three_decimals_and_the_unit() -> None:
    assert f.format_carats(Decimal("12.3")) == "12.300 ct"
    assert f.format_carats(Decimal("0.0005")) == "0.001 ct"
    assert f.format_grams(Decimal("2.4692")) == "2.469 g"


def test_signed_difference_uses_plus_minus_and_a_true_minus() -> None:
    assert f.format_signed_carats(Decimal("0.002")) == "+0.002 ct"
    assert f.format_signed_carats(Decimal("-0.0104")) == "\u22120.010 ct"
    assert f.format_signed_carats(Decimal("0.0001")) == "\u00b10.000 ct"


@pytest.mark.parametrize(
    ("age", "text"),
    [
        (timedelta(seconds=-5), "just now"),
        (timedelta(seconds=59), "just now"),
        (timedelta(minutes=12, seconds=30), "12 min old"),
        (timedelta(hours=3, minutes=59), "3 h old"),
        (timedelta(hours=47), "47 h old"),
        (timedelta(days=4, hours=2), "4 d old"),
    ],
)
def test_age_is_in_the_largest_sensible_unit(age: timedelta, text: str) -> None:
    assert f.format_age(age) == text


def test_data_status_line_and_naive_times_rejected() -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    line = f.format_data_status("2026.11.1", now - timedelta(hours=3), now)
    assert line == "Data 2026.11.1 \u00b7 3 h old"
    with pytest.raises(ValueError, match="timezone-aware"):
        f.format_data_status("x", datetime(2026, 1, 1), now)


def test_missing_inputs_are_named() -> None:
    assert f.missing_inputs_summary(None) == "Waiting for identifiers, weight and photo"
    bare = replace(sample_inspection(None), identifiers=(), reading=None, photo=None)
    assert f.missing_inputs_summary(bare) == "Waiting for identifiers, weight and photo"
    assert f.missing_inputs_summary(
        replace(
            bare, identifiers=sample_inspection().identifiers, reading=sample_inspection().reading
        )
    ) == ("Waiting for photo")
    assert f.missing_inputs_summary(sample_inspection(None)) == "Ready: press Check now"


def test_verdict_summary_names_the_deciding_rules() -> None:
    assert f.verdict_summary(sample_inspection(Outcome.HOLD)) == (
        "Do not release yet \u2014 2 reasons: R12, R11"
    )
    assert f.verdict_summary(sample_inspection(Outcome.CLEAR)).startswith("All checks passed")
