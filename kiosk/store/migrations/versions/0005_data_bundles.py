"""Signed data bundles from the hub: applied bundles, certificate uses, kiosk public keys.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 02:30:00+00:00

Written by hand, mirroring ``kiosk.store.tables``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the three tables."""
    op.create_table(
        "data_bundles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("published_at", sa.String(32), nullable=False),
        sa.Column("applied_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=True),
        sa.Column("checked_at", sa.String(32), nullable=True),
        sa.Column("manifest", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_data_bundles"),
    )
    op.create_index("ix_data_bundles_version", "data_bundles", ["version"])
    op.create_table(
        "certificate_uses",
        sa.Column("kind", sa.String(2), nullable=False),
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("inspection_id", sa.String(24), nullable=False),
        sa.Column("post", sa.String(40), nullable=False),
        sa.Column("used_on", sa.Date(), nullable=False),
        sa.CheckConstraint("kind IN ('kp', 'g7')", name="ck_certificate_uses_kind"),
        sa.PrimaryKeyConstraint("kind", "number", "inspection_id", name="pk_certificate_uses"),
    )
    op.create_index("ix_certificate_uses_kind_number", "certificate_uses", ["kind", "number"])
    op.create_table(
        "kiosk_keys",
        sa.Column("kiosk_id", sa.String(40), nullable=False),
        sa.Column("post", sa.String(40), nullable=False),
        sa.Column("public_key_pem", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kiosk_id", name="pk_kiosk_keys"),
    )


def downgrade() -> None:
    """Drop the three tables."""
    op.drop_table("kiosk_keys")
    op.drop_index("ix_certificate_uses_kind_number", table_name="certificate_uses")
    op.drop_table("certificate_uses")
    op.drop_index("ix_data_bundles_version", table_name="data_bundles")
    op.drop_table("data_bundles")
