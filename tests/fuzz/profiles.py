"""Hypothesis profiles of the hostile-input tests: ``ci`` (default) and ``fuzz``.

``KIOSK_HYPOTHESIS_PROFILE=fuzz pytest tests/fuzz --timeout=0`` runs many more examples per
test (pytest's 60 s per-test timeout must be lifted); ``KIOSK_HYPOTHESIS_EXAMPLES=N`` sets the
number directly. A deadline turns a parser that hangs or goes quadratic on an input into a
failure (pytest's own timeout catches a true hang); it is generous so a busy CI machine is not
a failure.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "ci",
    max_examples=120,
    deadline=timedelta(seconds=2),
    database=None,
    suppress_health_check=_QUIET,
)
settings.register_profile(
    "fuzz",
    max_examples=20_000,
    deadline=timedelta(seconds=5),
    database=None,
    suppress_health_check=_QUIET,
)

PROFILE = os.environ.get("KIOSK_HYPOTHESIS_PROFILE", "ci")
HOSTILE = settings.get_profile(PROFILE)
if os.environ.get("KIOSK_HYPOTHESIS_EXAMPLES"):  # e.g. 2000 for a longer run of a few tests
    HOSTILE = settings(HOSTILE, max_examples=int(os.environ["KIOSK_HYPOTHESIS_EXAMPLES"]))
"""Decorate each property of tests/fuzz with this: the profile chosen by the environment."""

ONE_LINE_MAX = 800
"""A clear error is one line of at most this many characters."""


def assert_one_line(message: str) -> None:
    """A message fit to show: one non-empty line, not a wall of text."""
    assert message.strip(), "an error without a message"
    assert "\n" not in message, f"a multi-line error: {message!r}"
    assert len(message) <= ONE_LINE_MAX, f"an error of {len(message)} characters"

PER_FORMAT = settings(HOSTILE, max_examples=max(10, HOSTILE.max_examples * 2 // 5))
"""For a property parametrized over many parsers: fewer examples each, the same in total."""
