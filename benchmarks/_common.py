"""Helpers shared by the benchmark scripts (not a test module)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def summary(name: str, values_ms: Sequence[float], target_ms: float | None = None) -> str:
    """One line: median, p95, min, max and the target."""
    ordered = sorted(values_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    line = (
        f"{name}: median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, "
        f"min {ordered[0]:.1f} ms, max {ordered[-1]:.1f} ms (n={len(ordered)})"
    )
    if target_ms is not None:
        verdict = "meets" if statistics.median(ordered) < target_ms else "MISSES"
        line += f"; target < {target_ms:.0f} ms: {verdict}"
    return line
