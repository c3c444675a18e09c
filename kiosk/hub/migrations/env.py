"""Alembic environment of the hub: runs on the connection ``kiosk.hub.schema`` hands over.

There is no ``alembic.ini`` and no logging set-up here; the version table is
``hub_alembic_version``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from kiosk.hub.db import HubBase
from kiosk.hub.migrations import VERSION_TABLE


def run_migrations_online() -> None:
    """Run the migrations on the connection given in the Config's attributes."""
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError(
            "hub migrations run through kiosk.hub.schema.upgrade(), which passes an open connection"
        )
    context.configure(
        connection=connection,
        target_metadata=HubBase.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported for the hub")
run_migrations_online()
