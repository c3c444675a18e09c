"""Alembic migrations of the kiosk database (run in code by ``kiosk.store.database``)."""

from pathlib import Path

SCRIPT_LOCATION: Path = Path(__file__).resolve().parent
