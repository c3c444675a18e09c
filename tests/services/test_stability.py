"""StableWeightFilter: acceptance after N identical stable readings, once per placement."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from kiosk.domain.models import WeightReading, WeightState
from kiosk.services.stability import StableWeightFilter

S, D = WeightState.STABLE, WeightState.DYNAMIC


def reading(ct: str, state: WeightState = S) -> WeightReading:
    return WeightReading(Decimal(ct), state, f"SI {state.value} {ct} ct", datetime.now(UTC))


def feed_all(f: StableWeightFilter, items: list[tuple[str, WeightState]]) -> list[Decimal]:
    out = []
    for ct, state in items:
        accepted = f.feed(reading(ct, state))
        if accepted is not None:
            out.append(accepted.carats)
    return out


def test_accepts_after_exactly_n_identical_stable_readings() -> None:
    f = StableWeightFilter(3)
    assert f.feed(reading("1.000")) is None
    assert f.feed(reading("1.000")) is None
    accepted = f.feed(reading("1.000"))
    assert accepted is not None
    assert accepted.carats == Decimal("1.000")
    assert f.accepted_ct == Decimal("1.000")


def test_dynamic_or_different_readings_restart_the_count() -> None:
    f = StableWeightFilter(3)
    items = [("1.000", S), ("1.000", S), ("1.001", D), ("1.000", S), ("1.000", S)]
    assert feed_all(f, items) == []
    items = [("1.000", S), ("1.001", S), ("1.001", S), ("1.001", S)]
    assert feed_all(StableWeightFilter(3), items) == [Decimal("1.001")]


def test_once_per_placement_until_the_weight_changes_or_goes_to_zero() -> None:
    f = StableWeightFilter(2)
    items = [("5.000", S)] * 6 + [("5.000", D)] + [("5.000", S)] * 3
    assert feed_all(f, items) == [Decimal("5.000")]
    assert feed_all(f, [("6.000", S)] * 3) == [Decimal("6.000")]
    assert feed_all(f, [("0.000", S)] * 2 + [("6.000", S)] * 2) == [Decimal("6.000")]


def test_zero_and_negative_weights_are_never_accepted() -> None:
    f = StableWeightFilter(1)
    assert feed_all(f, [("0.000", S), ("-0.010", S), ("0", S)]) == []


def test_non_stable_states_never_accept() -> None:
    f = StableWeightFilter(1)
    states = [WeightState.OVERLOAD, WeightState.BUSY, WeightState.ERROR, WeightState.DISCONNECTED]
    assert feed_all(f, [("9.000", s) for s in states]) == []


def test_stable_count_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        StableWeightFilter(0)
