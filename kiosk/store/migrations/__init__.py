"""Alembic migrations of the kiosk database (run in code by ``kiosk.store.database``)."""

from pathlib import Path

SCRIPT_LOCATION: Path = Path(__file__).resolve().parent

# The newest revision in versions/. Checked against Alembic's own view by a test, so that an
# everyday start can compare it with the database without importing Alembic (~0.4 s).
HEAD_REVISION = "0007"
