"""Sanctions lists and registers: richer listed parties, weak aliases, imports, G7, 3p(7).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 17:00:00+00:00

Written by hand, mirroring ``kiosk.store.tables``; existing rows get empty lists and
strong names (every alias loaded before this revision was a strong one).
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
    """Add the party details, weak names, the imports log and the G7 and 3p(7) registers."""
    with op.batch_alter_table("listed_parties") as batch:
        for column in ("birth_dates", "countries", "identifiers", "owners"):
            batch.add_column(sa.Column(column, sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column("source_file", sa.String(300), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("published", sa.Date(), nullable=True))
        batch.create_index("ix_listed_parties_list_id", ["list_id"])
    with op.batch_alter_table("listed_names") as batch:
        batch.add_column(sa.Column("weak", sa.Boolean(), nullable=False, server_default="0"))

    op.create_table(
        "data_imports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.String(60), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("version", sa.String(100), nullable=False),
        sa.Column("source_file", sa.String(300), nullable=False),
        sa.Column("published_at", sa.String(32), nullable=True),
        sa.Column("loaded_at", sa.String(32), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.CheckConstraint("kind IN ('list', 'register')", name="ck_data_imports_kind"),
        sa.PrimaryKeyConstraint("id", name="pk_data_imports"),
    )
    op.create_index("ix_data_imports_source_id", "data_imports", ["source", "id"])

    op.create_table(
        "g7_certificates",
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("issuer_node", sa.String(100), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("exporter", sa.String(300), nullable=False),
        sa.Column("importer", sa.String(300), nullable=False),
        sa.Column("carats", sa.String(40), nullable=False),
        sa.Column("stones", sa.Integer(), nullable=True),
        sa.Column("origin_countries", sa.JSON(), nullable=False),
        sa.Column("kp_numbers", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("number", name="pk_g7_certificates"),
    )
    op.create_table(
        "authorisations",
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("holder", sa.String(300), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("goods_codes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("number", name="pk_authorisations"),
    )


def downgrade() -> None:
    """Drop what ``upgrade`` added."""
    op.drop_table("authorisations")
    op.drop_table("g7_certificates")
    op.drop_index("ix_data_imports_source_id", table_name="data_imports")
    op.drop_table("data_imports")
    with op.batch_alter_table("listed_names") as batch:
        batch.drop_column("weak")
    with op.batch_alter_table("listed_parties") as batch:
        batch.drop_index("ix_listed_parties_list_id")
        for column in ("published", "source_file", "owners", "identifiers", "countries"):
            batch.drop_column(column)
        batch.drop_column("birth_dates")
