"""Hash-chained audit trail, PIN retry delay, revoked badges.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 17:40:00+00:00

Written by hand, mirroring ``kiosk.store.tables``. Existing events are chained in row order
from the genesis value; the append-only triggers are lifted only for that and put back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kiosk.store.audit import GENESIS_HASH, entry_hash

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TRIGGERS = (
    "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
    "CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
)


def _drop_triggers() -> None:
    op.execute("DROP TRIGGER IF EXISTS events_append_only_update")
    op.execute("DROP TRIGGER IF EXISTS events_append_only_delete")


def upgrade() -> None:
    """Add and fill the chain columns, the PIN retry time and the revoked-badge table."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _drop_triggers()
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(64), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, at, kind, inspection_id, actor, detail FROM events ORDER BY id")
    ).all()
    prev_hash = GENESIS_HASH
    update = sa.text("UPDATE events SET seq = :seq, prev_hash = :prev, hash = :hash WHERE id = :id")
    for seq, (row_id, at, kind, inspection_id, actor, detail) in enumerate(rows, start=1):
        body = json.loads(detail) if isinstance(detail, str) else detail
        digest = entry_hash(seq, str(at), kind, inspection_id, actor, body, prev_hash)
        conn.execute(update, {"seq": seq, "prev": prev_hash, "hash": digest, "id": row_id})
        prev_hash = digest
    with op.batch_alter_table(
        "events", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        for column, type_ in (
            ("seq", sa.Integer()),
            ("prev_hash", sa.String(64)),
            ("hash", sa.String(64)),
        ):
            batch.alter_column(column, existing_type=type_, nullable=False)
        batch.create_index("ix_events_seq", ["seq"], unique=True)
    if sqlite:
        for trigger in _TRIGGERS:
            op.execute(trigger)

    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("retry_at", sa.String(32), nullable=True))
    op.create_table(
        "revoked_badges",
        sa.Column("badge", sa.String(64), nullable=False),
        sa.Column("username", sa.String(64), nullable=True),
        sa.Column("revoked_at", sa.String(32), nullable=False),
        sa.Column("revoked_by", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("badge", name="pk_revoked_badges"),
    )


def downgrade() -> None:
    """Drop what ``upgrade`` added (the chain is lost; the events stay)."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_table("revoked_badges")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("retry_at")
    if sqlite:
        _drop_triggers()
    with op.batch_alter_table(
        "events", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.drop_index("ix_events_seq")
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
    if sqlite:
        for trigger in _TRIGGERS:
            op.execute(trigger)
