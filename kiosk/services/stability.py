"""Turning a stream of balance replies into accepted weights: pure Python, no Qt."""

from __future__ import annotations

from decimal import Decimal

from hardware.base import ScaleReading, utc_now
from kiosk.domain.models import WeightReading, WeightState

ZERO_CT = Decimal("0")


def to_weight_reading(reading: ScaleReading, scale_id: str = "") -> WeightReading:
    """The domain form of a driver reading (a reply without a weight gives 0 ct).

    Args:
        reading: What the driver parsed from one reply.
        scale_id: Which balance sent it (model and serial), kept for the record.

    Returns:
        A ``WeightReading`` in carats with the raw reply line kept.
    """
    carats = reading.carats
    return WeightReading(
        carats=carats if carats is not None else ZERO_CT,
        state=WeightState(reading.state.value),
        raw=reading.raw,
        taken_at=reading.at,
        unit=reading.unit or "ct",
        value=reading.value,
        scale_id=scale_id,
    )


def disconnected_reading(scale_id: str = "") -> WeightReading:
    """A reading that says the balance cannot be reached (shown instead of a stale weight)."""
    return WeightReading(
        carats=ZERO_CT,
        state=WeightState.DISCONNECTED,
        raw="",
        taken_at=utc_now(),
        unit="ct",
        value=None,
        scale_id=scale_id,
    )


class StableWeightFilter:
    """Accepts a weight after N consecutive identical stable replies, once per placement.

    A parcel on the pan gives one acceptance. Another acceptance needs the stable weight to
    change (a different parcel, or something added) or the pan to go back to zero first.
    Zero or negative weights are never accepted. Any non-stable reply (dynamic, busy,
    overload, error, disconnected) restarts the count.
    """

    def __init__(self, stable_count: int) -> None:
        """Create the filter.

        Args:
            stable_count: How many identical stable replies in a row make an acceptance (>= 1).

        Raises:
            ValueError: ``stable_count`` is less than 1.
        """
        if stable_count < 1:
            raise ValueError(f"stable_count must be at least 1, got {stable_count}")
        self._stable_count = stable_count
        self._candidate: Decimal | None = None
        self._run = 0
        self._accepted: Decimal | None = None

    @property
    def accepted_ct(self) -> Decimal | None:
        """The weight last accepted for the parcel on the pan, or ``None`` after a zero."""
        return self._accepted

    def reset(self) -> None:
        """Forget everything (e.g. after a zero or a tare command)."""
        self._candidate = None
        self._run = 0
        self._accepted = None

    def feed(self, reading: WeightReading) -> WeightReading | None:
        """Take one reading; return it when it is the one that makes an acceptance.

        Args:
            reading: The next reading from the balance, in any state.

        Returns:
            The reading (``STABLE``) when this reply completes ``stable_count`` identical
            stable replies of a new, positive weight; otherwise ``None``.
        """
        if reading.state is not WeightState.STABLE:
            self._candidate = None
            self._run = 0
            return None
        weight_ct = reading.carats
        if weight_ct <= ZERO_CT:
            # Back to zero (or below): the next parcel may be accepted at any weight.
            self._candidate = None
            self._run = 0
            self._accepted = None
            return None
        if weight_ct == self._candidate:
            self._run += 1
        else:
            self._candidate = weight_ct
            self._run = 1
        if self._run >= self._stable_count and weight_ct != self._accepted:
            self._accepted = weight_ct
            return reading
        return None
