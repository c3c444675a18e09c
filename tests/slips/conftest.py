"""Slip test set-up: where previews of rendered slips are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from slips.factories import PREVIEW_DIR


@pytest.fixture
def preview_dir() -> Path:
    """Where each case's rendered PNG is kept for a human look."""
    PREVIEW_DIR.mkdir(parents=True, exist_ok=True)
    return PREVIEW_DIR
