"""History searches on a real SQLite file with a few hundred generated inspections."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.history import HistoryError, HistoryQuery, VerdictFilter
from kiosk.domain.models import InspectionState, Outcome, Override, OverrideCode
from kiosk.store import Store
from kiosk.store.history import (
    count_inspections,
    find_inspections,
    inspection_detail,
    report_lines,
)
from store.helpers import KIOSK, POST, at, declaration, kp_identifier, photo, reading, verdict
from store.history_data import Generated, generate_inspections

START = datetime(2026, 10, 1, 7, 0, tzinfo=UTC)
SPAN = timedelta(days=30)
COUNT = 300


@pytest.fixture(scope="module")
def history(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Store, list[Generated]]]:
    """300 inspections over 30 days, 3 posts/kiosks, 4 inspectors (one store per module)."""
    folder = tmp_path_factory.mktemp("history")
    store = Store.open(f"sqlite:///{folder / 'kiosk.sqlite'}")
    made = generate_inspections(store, COUNT, start=START, span=SPAN)
    yield store, made
    store.close()


def ids(made: list[Generated]) -> list[str]:
    """Ids newest first, as a search returns them."""
    return [g.id for g in sorted(made, key=lambda g: (g.started_at, g.id), reverse=True)]


def all_ids(store: Store, query: HistoryQuery) -> list[str]:
    """Every matching id, page after page."""
    out: list[str] = []
    page = 0
    while True:
        result = find_inspections(
            store,
            HistoryQuery(
                identifier=query.identifier,
                since=query.since,
                until=query.until,
                verdict=query.verdict,
                post=query.post,
                inspector=query.inspector,
                page=page,
                page_size=query.page_size,
            ),
        )
        out += [r.inspection_id for r in result.rows]
        if not result.has_more:
            return out
        page += 1


def test_no_filter_pages_newest_first(history: tuple[Store, list[Generated]]) -> None:
    store, made = history
    first = find_inspections(store, HistoryQuery(page_size=40))
    assert [r.inspection_id for r in first.rows] == ids(made)[:40]
    assert first.has_more
    assert all_ids(store, HistoryQuery(page_size=70)) == ids(made)
    last = find_inspections(store, HistoryQuery(page=7, page_size=40))
    assert len(last.rows) == COUNT - 7 * 40
    assert not last.has_more


def test_a_line_says_what_the_inspection_was(history: tuple[Store, list[Generated]]) -> None:
    store, made = history
    target = next(g for g in made if g.overridden)
    row = find_inspections(store, HistoryQuery(identifier=target.id)).rows[0]
    assert (row.inspection_id, row.post, row.kiosk_id, row.inspector) == (
        target.id,
        target.post,
        target.kiosk_id,
        target.inspector,
    )
    assert row.kp_number == target.kp_number
    assert (row.outcome, row.final_outcome, row.supervisor) == (
        Outcome.HOLD,
        Outcome.CLEAR,
        "mdubois",
    )
    assert row.state is InspectionState.CLOSED
    assert row.printed


def test_identifier_full_kp_number(history: tuple[Store, list[Generated]]) -> None:
    store, made = history
    assert all_ids(store, HistoryQuery(identifier=made[123].kp_number)) == [made[123].id]


def test_identifier_part_matches_every_kind(history: tuple[Store, list[Generated]]) -> None:
    store, made = history
    part = made[123].kp_number[-4:]  # "0123": also in MRNs, air waybills and some ids
    expected = [g for g in made if any(part in v for v in (g.kp_number, g.mrn, g.awb, g.id))]
    kinds = {
        kind
        for g in expected
        for kind, value in (("kp", g.kp_number), ("mrn", g.mrn), ("awb", g.awb))
        if part in value
    }
    assert kinds == {"kp", "mrn", "awb"}
    assert all_ids(store, HistoryQuery(identifier=part)) == ids(expected)


def test_identifier_typed_loosely_is_normalised(history: tuple[Store, list[Generated]]) -> None:
    store, made = history
    mrn = made[77].mrn
    typed = " ".join(mrn.lower()[i : i + 6] for i in (0, 6, 12))
    assert all_ids(store, HistoryQuery(identifier=typed)) == [made[77].id]


def test_identifier_search_matches_the_inspection_id_and_finds_nothing_else(
    history: tuple[Store, list[Generated]],
) -> None:
    store, made = history
    assert all_ids(store, HistoryQuery(identifier=made[5].id)) == [made[5].id]
    assert all_ids(store, HistoryQuery(identifier="NOSUCHTHING")) == []


def test_identifier_search_within_a_short_period_agrees_with_all_time(
    history: tuple[Store, list[Generated]],
) -> None:
    store, made = history
    since, until = START + timedelta(days=3), START + timedelta(days=5)
    short = all_ids(store, HistoryQuery(identifier="BW", since=since, until=until))
    everything = all_ids(store, HistoryQuery(identifier="BW"))
    expected = [g.id for g in made if "BW" in g.kp_number and since <= g.started_at < until]
    assert sorted(short) == sorted(expected)
    assert short == [i for i in everything if i in set(expected)]


def test_period_post_inspector(history: tuple[Store, list[Generated]]) -> None:
    store, made = history
    since, until = START + timedelta(days=10), START + timedelta(days=12)
    query = HistoryQuery(since=since, until=until, post="be-bru-ap", inspector="jmaes")
    expected = [
        g
        for g in made
        if since <= g.started_at < until and g.post == "BE-BRU-AP" and g.inspector == "jmaes"
    ]
    assert expected
    assert all_ids(store, query) == ids(expected)
    assert count_inspections(store, query) == len(expected)


@pytest.mark.parametrize("verdict", list(VerdictFilter))
def test_verdict_filter(history: tuple[Store, list[Generated]], verdict: VerdictFilter) -> None:
    store, made = history
    if verdict is VerdictFilter.ANY:
        expected = made
    elif verdict is VerdictFilter.OVERRIDDEN:
        expected = [g for g in made if g.overridden]
    else:
        outcome = verdict.outcome
        expected = [
            g
            for g in made
            if g.outcome is outcome or (g.overridden and outcome is Outcome.CLEAR)
        ]
    assert expected
    assert all_ids(store, HistoryQuery(verdict=verdict, page_size=500)) == ids(expected)


def test_bad_queries_are_refused_with_a_message() -> None:
    with pytest.raises(HistoryError, match="end of the period"):
        HistoryQuery(since=START, until=START)
    with pytest.raises(HistoryError, match="timezone-aware"):
        HistoryQuery(since=datetime(2026, 1, 1))
    with pytest.raises(HistoryError, match="page size"):
        HistoryQuery(page_size=0)


def test_detail_has_the_audit_events_and_a_reprint_is_recorded(store: Store) -> None:
    store.add_user("apeeters", "An Peeters", "inspector", "1234")
    store.add_user("mdubois", "Marc Dubois", "supervisor", "5678")
    created = store.create_inspection(POST, KIOSK, "apeeters", at(0))
    store.add_identifier(created.id, kp_identifier(), at(1))
    store.set_declaration(created.id, declaration(), at(2))
    store.set_reading(created.id, reading(), at(5))
    store.set_photo(created.id, photo(), at(7))
    store.set_verdict(created.id, verdict(Outcome.HOLD), at(8))
    store.set_override(
        created.id,
        Override("mdubois", OverrideCode.WEIGHING_ERROR, "Re-weighed", Outcome.CLEAR, at(9)),
        at(9),
    )
    store.record_reprint(created.id, "apeeters", {"path": "x.pdf", "regenerated": True}, at(20))

    inspection, kiosk_id, events = inspection_detail(store, created.id)
    assert kiosk_id == KIOSK
    assert inspection.override is not None
    assert [e.kind for e in events] == [
        "create",
        "input",
        "input",
        "input",
        "input",
        "decide",
        "override",
        "reprint",
    ]
    assert "kp BW2026004417" in events[1].summary
    assert "CLEAR by mdubois (weighing_error)" in events[6].summary
    assert "regenerated, marked REPRINT" in events[7].summary
    assert events[7].actor == "apeeters"
    assert store.verify_audit().ok

    page = find_inspections(store, HistoryQuery(identifier="2026004417"))
    assert [r.inspection_id for r in page.rows] == [created.id]
    assert page.name("mdubois") == "Marc Dubois"
    lines = report_lines(store, at(-1), at(60), post=POST, kiosk_id=KIOSK)
    assert [ln.inspection.id for ln in lines] == [created.id]
    assert report_lines(store, at(-1), at(60), kiosk_id="OTHER") == []
