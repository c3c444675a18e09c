"""Fixtures of the hub tests: one set of hub keys per run, hub databases on each backend."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.hub.keys import init_keys
from tests.records.conftest import PG_ENV, pg_database


@pytest.fixture(scope="session")
def hub_keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hub keys made once (Ed25519: milliseconds)."""
    keys = tmp_path_factory.mktemp("hubkeys") / "keys"
    init_keys(keys)
    return keys


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database for one test: a new SQLite file, or a new PostgreSQL database when
    ``KIOSK_TEST_PG_URL`` is set (``.ci/run`` sets it)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hub.sqlite'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"hub on PostgreSQL not tested: {PG_ENV} not set (.ci/run sets it)")
    yield from pg_database(base)
