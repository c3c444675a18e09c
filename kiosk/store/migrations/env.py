"""Alembic environment: runs on the connection that ``Database`` hands over, never from a file.

``kiosk.store.database.migrate`` builds the ``Config`` in code and puts an open connection in
``config.attributes["connection"]``; there is no ``alembic.ini`` and no logging set-up here.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from kiosk.store.tables import Base


def run_migrations_online() -> None:
    """Run the migrations on the connection given in the Config's attributes."""
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError(
            "kiosk migrations run through kiosk.store.database.migrate(), "
            "which passes an open connection"
        )
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported for the kiosk")
run_migrations_online()
