"""Fixtures of the hub tests: one set of hub keys per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.hub.keys import init_keys


@pytest.fixture(scope="session")
def hub_keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hub keys made once (Ed25519: milliseconds)."""
    keys = tmp_path_factory.mktemp("hubkeys") / "keys"
    init_keys(keys)
    return keys
