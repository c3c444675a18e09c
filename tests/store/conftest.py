"""Fixtures of the store tests: a real SQLite file per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.store import Store


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """The URL of a database file that does not exist yet, in a folder not made yet."""
    return f"sqlite:///{tmp_path / 'data' / 'kiosk.sqlite'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A fresh, migrated store on a real SQLite file, closed after the test."""
    opened = Store.open(db_url)
    yield opened
    opened.close()
