"""Fixtures of the crash tests: a seeded kiosk database made once and copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.services.inspection import SAMPLE_DIR
from kiosk.store import Store


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kiosk database with the sample data and users (closed, so no WAL is left)."""
    path = tmp_path_factory.mktemp("seed") / "kiosk.sqlite"
    store = Store.open(f"sqlite:///{path}")
    try:
        store.seed_sample_data_if_empty(SAMPLE_DIR)
    finally:
        store.close()
    return path


@pytest.fixture
def kiosk_dir(tmp_path: Path, seeded_database: Path) -> Path:
    """A kiosk folder holding a copy of the seeded database."""
    folder = tmp_path / "kiosk"
    folder.mkdir()
    shutil.copyfile(seeded_database, folder / "kiosk.sqlite")
    return folder
