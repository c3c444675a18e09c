"""Each user's language, remembered at the kiosk: the ``user_preferences`` table.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 05:05:00+00:00

Written by hand, mirroring ``kiosk.store.tables``. A table of its own rather than a column
of ``users``: the users come in data bundles from the hub, the language is chosen here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the table."""
    op.create_table(
        "user_preferences",
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("username"),
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_table("user_preferences")
