"""Audit-break acknowledgements: who closed a kiosk's open breaks, when and why.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 05:50:00+00:00

Written by hand, mirroring ``kiosk.hub.db``. ``hub_audit_acks`` holds one row per
``kiosk-hub audit ack``; ``hub_audit_breaks.ack_id`` names the acknowledgement that closed a
break (NULL: open). Breaks found before this revision start open. On SQLite the breaks table is
copied into its new form (batch mode); it is small (a row per break found).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``hub_audit_acks`` and ``hub_audit_breaks.ack_id``."""
    op.create_table(
        "hub_audit_acks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kiosk_id", sa.String(40), nullable=False),
        sa.Column("acked_at", sa.String(32), nullable=False),
        sa.Column("acked_by", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("breaks", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_audit_acks"),
        sa.ForeignKeyConstraint(
            ["kiosk_id"],
            ["hub_kiosks.kiosk_id"],
            name="fk_hub_audit_acks_kiosk_id_hub_kiosks",
        ),
    )
    op.create_index("ix_hub_audit_acks_kiosk_id", "hub_audit_acks", ["kiosk_id"])
    with op.batch_alter_table("hub_audit_breaks") as batch:
        batch.add_column(sa.Column("ack_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_hub_audit_breaks_ack_id_hub_audit_acks", "hub_audit_acks", ["ack_id"], ["id"]
        )


def downgrade() -> None:
    """Drop them (acknowledged breaks become open again)."""
    with op.batch_alter_table("hub_audit_breaks") as batch:
        batch.drop_constraint("fk_hub_audit_breaks_ack_id_hub_audit_acks", type_="foreignkey")
        batch.drop_column("ack_id")
    op.drop_index("ix_hub_audit_acks_kiosk_id", "hub_audit_acks")
    op.drop_table("hub_audit_acks")
