"""The hub's first schema: kiosks, received records, kiosk audit chains and breaks, uses.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 05:45:00+00:00

Written by hand: exactly the tables that hubs before migrations made with ``create_all``
(``kiosk.hub.schema`` recognises such a database and stamps it 0001). Instants are UTC ISO 8601
text (``UtcDateTime``); a test compares the migrated schema with the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _instant() -> sa.String:
    return sa.String(32)


def upgrade() -> None:
    """Create the five tables of schema version 1."""
    op.create_table(
        "hub_kiosks",
        sa.Column("kiosk_id", sa.String(40), nullable=False),
        sa.Column("post", sa.String(40), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", _instant(), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("audit_hash", sa.String(64), nullable=False),
        sa.Column("last_seen_at", _instant(), nullable=True),
        sa.PrimaryKeyConstraint("kiosk_id", name="pk_hub_kiosks"),
        sa.UniqueConstraint("token_sha256", name="uq_hub_kiosks_token_sha256"),
    )
    op.create_table(
        "hub_certificate_uses",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(2), nullable=False),
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("post", sa.String(40), nullable=False),
        sa.Column("used_on", sa.Date(), nullable=False),
        sa.Column("inspection_id", sa.String(24), nullable=False),
        sa.Column("kiosk_id", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_certificate_uses"),
        sa.UniqueConstraint(
            "kind",
            "number",
            "inspection_id",
            name="uq_hub_certificate_uses_kind_number_inspection_id",
        ),
    )
    op.create_index("ix_hub_certificate_uses_number", "hub_certificate_uses", ["number"])
    op.create_table(
        "hub_records",
        sa.Column("inspection_id", sa.String(24), nullable=False),
        sa.Column("kiosk_id", sa.String(40), nullable=False),
        sa.Column("post", sa.String(40), nullable=False),
        sa.Column("received_at", _instant(), nullable=False),
        sa.Column("receipt_id", sa.String(40), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("inspection", sa.JSON(), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("photo_sha256", sa.String(64), nullable=True),
        sa.Column("slip", sa.LargeBinary(), nullable=True),
        sa.Column("slip_sha256", sa.String(64), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("inspection_id", name="pk_hub_records"),
        sa.ForeignKeyConstraint(
            ["kiosk_id"],
            ["hub_kiosks.kiosk_id"],
            name="fk_hub_records_kiosk_id_hub_kiosks",
        ),
        sa.UniqueConstraint("receipt_id", name="uq_hub_records_receipt_id"),
    )
    op.create_index(
        "ix_hub_records_kiosk_id_received_at", "hub_records", ["kiosk_id", "received_at"]
    )
    op.create_table(
        "hub_audit_entries",
        sa.Column("kiosk_id", sa.String(40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("inspection_id", sa.String(24), nullable=True),
        sa.Column("actor", sa.String(64), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("received_at", _instant(), nullable=False),
        sa.PrimaryKeyConstraint("kiosk_id", "seq", name="pk_hub_audit_entries"),
        sa.ForeignKeyConstraint(
            ["kiosk_id"],
            ["hub_kiosks.kiosk_id"],
            name="fk_hub_audit_entries_kiosk_id_hub_kiosks",
        ),
    )
    op.create_table(
        "hub_audit_breaks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kiosk_id", sa.String(40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("inspection_id", sa.String(24), nullable=True),
        sa.Column("found_at", _instant(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_audit_breaks"),
        sa.ForeignKeyConstraint(
            ["kiosk_id"],
            ["hub_kiosks.kiosk_id"],
            name="fk_hub_audit_breaks_kiosk_id_hub_kiosks",
        ),
    )
    op.create_index("ix_hub_audit_breaks_kiosk_id", "hub_audit_breaks", ["kiosk_id"])


def downgrade() -> None:
    """Drop them (and everything in them)."""
    for table in (
        "hub_audit_breaks",
        "hub_audit_entries",
        "hub_records",
        "hub_certificate_uses",
        "hub_kiosks",
    ):
        op.drop_table(table)
