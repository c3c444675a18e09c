"""Indexes for the history search: by post or inspector newest first, identifiers by value.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 02:50:00+00:00

Written by hand, mirroring ``kiosk.store.tables``. ``(value, inspection_id)`` covers the
partial identifier search, which scans values; ``(post, started_at)`` and
``(inspector, started_at)`` give one post's or one inspector's newest inspections without
sorting all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the three indexes."""
    op.create_index("ix_inspections_post_started_at", "inspections", ["post", "started_at"])
    op.create_index(
        "ix_inspections_inspector_started_at", "inspections", ["inspector", "started_at"]
    )
    op.create_index(
        "ix_inspection_identifiers_value_inspection_id",
        "inspection_identifiers",
        ["value", "inspection_id"],
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_inspection_identifiers_value_inspection_id", "inspection_identifiers")
    op.drop_index("ix_inspections_inspector_started_at", "inspections")
    op.drop_index("ix_inspections_post_started_at", "inspections")
