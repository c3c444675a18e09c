"""Alembic migrations of the hub database (run in code by ``kiosk.hub.schema``).

The hub keeps its schema version in its own table, ``hub_alembic_version`` (every hub table
starts with ``hub_``), so a hub database never mistakes a kiosk's ``alembic_version`` for its own.
"""

from pathlib import Path

SCRIPT_LOCATION: Path = Path(__file__).resolve().parent

VERSION_TABLE = "hub_alembic_version"

# The newest revision in versions/. Checked against Alembic's own view by a test, so that
# opening an up-to-date database compares it without importing Alembic.
HEAD_REVISION = "0002"

# The revision whose tables earlier hubs made with ``create_all`` (no version table).
CREATE_ALL_REVISION = "0001"
