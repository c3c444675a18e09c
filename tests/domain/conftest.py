"""Fixtures of the domain tests."""

from __future__ import annotations

import pytest

from domain.builders import shipped_ruleset
from kiosk.domain.rules import RuleSet


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    """The shipped rule set."""
    return shipped_ruleset()
