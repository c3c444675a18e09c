"""The outbox of finished inspections for the hub, and the sync state.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 02:40:00+00:00

Written by hand, mirroring ``kiosk.store.tables``. Inspections already closed or voided are
queued, so that a post upgraded after months offline still sends its whole history.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create ``outbox`` and ``sync_state``; queue the inspections finished before."""
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("inspection_id", sa.String(24), nullable=False),
        sa.Column("enqueued_at", sa.String(32), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.String(32), nullable=False),
        sa.Column("last_attempt_at", sa.String(32), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_at", sa.String(32), nullable=True),
        sa.Column("receipt", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name="fk_outbox_inspection_id_inspections"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.UniqueConstraint("inspection_id", name="uq_outbox_inspection_id"),
    )
    op.create_index("ix_outbox_next_attempt_at", "outbox", ["next_attempt_at"])
    op.create_index("ix_outbox_sent_at", "outbox", ["sent_at"])
    op.create_table(
        "sync_state",
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_sync_state"),
    )
    op.execute(
        "INSERT INTO outbox (inspection_id, enqueued_at, attempts, next_attempt_at) "
        "SELECT id, COALESCE(closed_at, updated_at), 0, COALESCE(closed_at, updated_at) "
        "FROM inspections WHERE state IN ('closed', 'voided') ORDER BY started_at, id"
    )


def downgrade() -> None:
    """Drop both tables."""
    op.drop_table("sync_state")
    op.drop_index("ix_outbox_sent_at", table_name="outbox")
    op.drop_index("ix_outbox_next_attempt_at", table_name="outbox")
    op.drop_table("outbox")
