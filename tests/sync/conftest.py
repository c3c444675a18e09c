"""Fixtures of the data-update tests: hub keys, a published repository, a served hub, a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.hub.keys import init_keys
from kiosk.store import Store
from sync.hubfixtures import HubServer, make_sources, serving


@pytest.fixture(scope="session")
def hub_keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One set of hub keys for the whole run (Ed25519: made in milliseconds)."""
    keys = tmp_path_factory.mktemp("hub") / "keys"
    init_keys(keys)
    return keys


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A small sources folder."""
    return make_sources(tmp_path / "sources")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty repository folder."""
    folder = tmp_path / "repo"
    folder.mkdir()
    return folder


@pytest.fixture
def hub(repo: Path) -> Iterator[HubServer]:
    """The repository served over HTTP on 127.0.0.1."""
    with serving(repo) as server:
        yield server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh kiosk database on a real SQLite file."""
    opened = Store.open(f"sqlite:///{tmp_path / 'kiosk' / 'kiosk.sqlite'}")
    yield opened
    opened.close()
