"""The outbox: a finished inspection is queued in the transaction that finishes it."""

from __future__ import annotations

from datetime import timedelta

from alembic import command
from sqlalchemy import create_engine

from kiosk.store import Store
from kiosk.store.database import alembic_config
from tests.store.helpers import KIOSK, POST, at, kp_identifier, verdict


def _decided(store: Store, seconds: float) -> str:
    ins = store.create_inspection(POST, KIOSK, "apeeters", at(seconds))
    store.add_identifier(ins.id, kp_identifier(), at(seconds + 1))
    store.set_verdict(ins.id, verdict(seconds=seconds + 2), at(seconds + 2))
    return ins.id


def test_closing_or_voiding_queues_the_inspection_once(store: Store) -> None:
    closed = _decided(store, 0)
    voided = _decided(store, 100)
    open_one = _decided(store, 200)
    assert store.outbox_summary().waiting == 0

    store.close_inspection(closed, at(10))
    store.void_inspection(voided, "withdrawn", at(110))

    items = store.outbox_items()
    assert [(i.inspection_id, i.kiosk_id, i.post, i.attempts) for i in items] == [
        (closed, KIOSK, POST, 0),
        (voided, KIOSK, POST, 0),
    ]
    assert open_one not in {i.inspection_id for i in items}
    assert [i.inspection_id for i in store.outbox_due(at(10), 10)] == [closed]
    assert [i.inspection_id for i in store.outbox_due(at(10), 10, ignore_backoff=True)] == [
        closed,
        voided,
    ]


def test_sent_and_failed_records_are_kept_apart(store: Store) -> None:
    first, second = _decided(store, 0), _decided(store, 100)
    store.close_inspection(first, at(10))
    store.close_inspection(second, at(110))

    store.outbox_mark_sent_many({first: {"receipt_id": "R-1"}}, at(200), {"audit_sent_seq": 9})
    assert store.outbox_mark_failed(second, "hub unreachable", at(260), at(200)) == 1

    summary = store.outbox_summary()
    assert (summary.waiting, summary.failing, summary.sent) == (1, 1, 1)
    assert summary.last_error == "hub unreachable"
    assert store.outbox_due(at(259), 10) == []
    assert [i.inspection_id for i in store.outbox_due(at(260), 10)] == [second]
    (sent,) = store.outbox_items(include_sent=True)[:1]
    assert sent.receipt == {"receipt_id": "R-1"}
    assert store.sync_values()["audit_sent_seq"] == 9
    # A second confirmation changes nothing.
    store.outbox_mark_sent_many({first: {"receipt_id": "R-2"}}, at(300))
    assert store.outbox_items(include_sent=True)[0].receipt == {"receipt_id": "R-1"}


def test_migration_0004_queues_inspections_finished_before(db_url: str) -> None:
    store = Store.open(db_url)
    try:
        finished = _decided(store, 0)
        store.close_inspection(finished, at(10))
        _decided(store, 100)
    finally:
        store.close()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0003")
    finally:
        engine.dispose()
    store = Store.open(db_url)  # upgrades 0003 -> 0004
    try:
        (item,) = store.outbox_items()
        assert item.inspection_id == finished
        assert item.enqueued_at == at(10)
        assert item.next_attempt_at <= at(10) + timedelta(seconds=1)
    finally:
        store.close()
