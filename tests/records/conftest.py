"""Fixtures of the sync tests: a real hub process, its database (SQLite, or PostgreSQL when
``KIOSK_TEST_PG_URL`` is set), and kiosk stores with finished inspections."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.records.hubproc import HubProcess

PG_ENV = "KIOSK_TEST_PG_URL"


def pg_database(base_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database on the server of ``base_url``, dropped afterwards."""
    url = make_url(base_url).set(drivername="postgresql+psycopg")
    name = f"hubtest_{secrets.token_hex(4)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def hub_db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The hub's database: a SQLite file, and the same tests again on PostgreSQL if available."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('hub') / 'hub.sqlite'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"hub on PostgreSQL not tested: {PG_ENV} not set (.ci/run sets it)")
    yield from pg_database(base)


@pytest.fixture
def sqlite_hub_db_url(tmp_path: Path) -> str:
    """A SQLite hub database only (for tests about the kiosk side)."""
    return f"sqlite:///{tmp_path / 'hub' / 'hub.sqlite'}"


def _hub(db_url: str, tmp_path: Path) -> Iterator[HubProcess]:
    hub = HubProcess(db_url, tmp_path / "repo")
    hub.start()
    try:
        yield hub
    finally:
        hub.stop()


@pytest.fixture(scope="module")
def hub(hub_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    """A running hub shared by a module's tests (each uses its own kiosk ids), on each database."""
    yield from _hub(hub_db_url, tmp_path_factory.mktemp("hubrepo"))


@pytest.fixture
def sqlite_hub(sqlite_hub_db_url: str, tmp_path: Path) -> Iterator[HubProcess]:
    """A running hub on SQLite."""
    yield from _hub(sqlite_hub_db_url, tmp_path)
