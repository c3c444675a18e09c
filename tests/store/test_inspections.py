"""Inspection steps: each persists, is logged, survives a reopen; illegal moves write nothing."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest

from kiosk.domain.models import (
    Identifier,
    IdentifierKind,
    InputSource,
    Inspection,
    InspectionState,
    Outcome,
    Override,
    OverrideCode,
    WeightState,
)
from kiosk.domain.workflow import IllegalTransitionError
from kiosk.store import InspectionNotFoundError, OverrideRefusedError, Store
from store.helpers import KIOSK, POST, T0, at, declaration, kp_identifier, photo, reading, verdict


def _override(supervisor: str = "supervisor") -> Override:
    return Override(
        supervisor=supervisor,
        code=OverrideCode.WEIGHING_ERROR,
        text="Reweighed on the reference balance: 1250.398 ct",
        new_outcome=Outcome.CLEAR,
        at=at(20),
    )


def _decided(store: Store) -> str:
    made = store.create_inspection(POST, KIOSK, "inspector", T0)
    store.add_identifier(made.id, kp_identifier(), at(1))
    store.set_reading(made.id, reading(), at(5))
    store.set_verdict(made.id, verdict(), at(10))
    return made.id


def test_ids_are_short_unique_and_time_ordered(store: Store) -> None:
    ids = [store.create_inspection(POST, KIOSK, "inspector", at(i)).id for i in range(5)]
    assert len(set(ids)) == 5
    for inspection_id in ids:
        assert len(inspection_id) <= 24
        assert re.fullmatch(r"INS-\d{8}-\d{6}-[0-9A-F]{4}", inspection_id)
    assert ids[0].startswith("INS-20261126-153012-")
    assert [i[:19] for i in ids] == sorted(i[:19] for i in ids)


def test_every_step_persists_across_a_reopen(db_url: str) -> None:
    store = Store.open(db_url)
    store.add_user("supervisor", "Marc Dubois", "supervisor", "5678")
    made = store.create_inspection(POST, KIOSK, "inspector", T0)
    typed = Identifier(
        IdentifierKind.MRN,
        "26BEDO2026000001J4",
        InputSource.TYPED,
        raw="26bedo2026000001j4",
        problem="MRN check character should be 3",
    )
    steps: list[Callable[[str], Inspection]] = [
        lambda i: store.add_identifier(i, kp_identifier(), at(1)),
        lambda i: store.add_identifier(i, typed, at(2)),
        lambda i: store.set_reading(i, reading(), at(5)),
        lambda i: store.set_photo(i, photo(), at(7)),
        lambda i: store.set_declaration(i, declaration(), at(8)),
        lambda i: store.set_verdict(i, verdict(), at(10)),
        lambda i: store.set_override(i, _override(), at(20)),
        lambda i: store.set_slip(i, "/slips/x.pdf", at(21)),
        lambda i: store.mark_printed(i, at(22)),
        lambda i: store.close_inspection(i, at(30)),
    ]
    for step in steps:
        returned = step(made.id)
        store.close()
        store = Store.open(db_url)
        assert store.get(made.id) == returned
    final = store.get(made.id)
    store.close()

    assert final.state is InspectionState.CLOSED
    assert final.identifiers == (kp_identifier(), typed)
    assert final.identifier(IdentifierKind.MRN) is None  # the typed MRN is invalid
    assert final.reading == reading()
    assert final.photo == photo()
    assert final.declaration == declaration()
    assert final.verdict == verdict()
    assert final.override == _override()
    assert final.final_outcome is Outcome.CLEAR
    assert final.slip_path == "/slips/x.pdf"
    assert final.printed_at == at(22)
    assert final.closed_at == at(30)
    assert final.started_at == T0


def test_each_step_appends_one_event_with_its_data(store: Store) -> None:
    inspection_id = _decided(store)
    store.close_inspection(inspection_id, at(30))
    events = store.events(inspection_id)
    assert [e.kind for e in events] == ["create", "input", "input", "decide", "close"]
    assert [e.at for e in events] == [T0, at(1), at(5), at(10), at(30)]
    assert events[1].detail["identifier"]["value"] == "BW2026004417"
    assert events[2].detail["reading"]["carats"] == "1250.404"
    assert events[3].detail["verdict"]["outcome"] == "HOLD"
    assert (events[3].detail["from"], events[3].detail["to"]) == ("collecting", "decided")
    assert events == sorted(events, key=lambda e: e.id)


def test_an_illegal_transition_raises_and_writes_nothing(store: Store) -> None:
    made = store.create_inspection(POST, KIOSK, "inspector", T0)
    before_events = store.events()
    with pytest.raises(
        IllegalTransitionError, match="cannot print an inspection that is collecting"
    ):
        store.mark_printed(made.id, at(1))
    with pytest.raises(IllegalTransitionError):
        store.close_inspection(made.id, at(1))
    with pytest.raises(IllegalTransitionError):
        store.set_slip(made.id, "/slips/early.pdf", at(1))
    assert store.get(made.id) == made
    assert store.events() == before_events

    store.void_inspection(made.id, "Parcel withdrawn by the trader", at(2))
    voided = store.get(made.id)
    with pytest.raises(IllegalTransitionError, match="voided"):
        store.add_identifier(made.id, kp_identifier(), at(3))
    with pytest.raises(IllegalTransitionError):
        store.set_reading(made.id, reading(), at(3))
    assert store.get(made.id) == voided
    assert voided.identifiers == ()
    assert voided.notes == ("Voided: Parcel withdrawn by the trader",)


def test_a_refused_override_writes_nothing(store: Store) -> None:
    store.add_user("supervisor", "Marc Dubois", "supervisor", "5678")
    store.add_user("inspector2", "Jonas Maes", "inspector", "2468")
    inspection_id = _decided(store)
    before = store.get(inspection_id)
    n_events = len(store.events())
    with pytest.raises(OverrideRefusedError, match="second person"):
        store.set_override(inspection_id, _override("inspector"), at(20))
    with pytest.raises(OverrideRefusedError, match="not an active supervisor"):
        store.set_override(inspection_id, _override("inspector2"), at(20))
    with pytest.raises(OverrideRefusedError, match="not an active supervisor"):
        store.set_override(inspection_id, _override("nobody"), at(20))
    assert store.get(inspection_id) == before
    assert len(store.events()) == n_events

    store.set_verdict(inspection_id, verdict(Outcome.REFUSE, 12), at(12))
    with pytest.raises(OverrideRefusedError, match=r"Only a HOLD .* REFUSE"):
        store.set_override(inspection_id, _override(), at(20))


def test_a_new_identifier_is_recorded_once_and_a_repeat_leaves_everything_as_it_was(
    store: Store,
) -> None:
    made = store.create_inspection(POST, KIOSK, "inspector", T0)
    first, added = store.add_new_identifier(made.id, kp_identifier(), at(1))
    assert added
    assert [i.value for i in first.identifiers] == ["BW2026004417"]

    inspection_id = _decided(store)  # a second parcel: decided, then printed
    store.set_slip(inspection_id, "/slips/one.pdf", at(11))
    printed = store.mark_printed(inspection_id, at(12))
    n_events = len(store.events())
    # Scanned again (typed in another case): not an input, so not refused after printing,
    # and the verdict is not superseded.
    typed = replace(kp_identifier(), source=InputSource.TYPED, raw="bw 2026004417")
    again, added = store.add_new_identifier(inspection_id, typed, at(13))
    assert not added
    assert again == printed == store.get(inspection_id)
    assert len(store.events()) == n_events

    other = Identifier(IdentifierKind.AWB, "17612345675")
    with pytest.raises(IllegalTransitionError):  # a new code after printing is an input
        store.add_new_identifier(inspection_id, other, at(14))


def test_new_input_after_a_verdict_supersedes_it(store: Store) -> None:
    inspection_id = _decided(store)
    again = store.set_reading(inspection_id, reading("1250.401", 11), at(11))
    assert again.state is InspectionState.COLLECTING
    assert again.verdict is None
    assert again.reading == reading("1250.401", 11)
    redecided = store.set_verdict(inspection_id, verdict(Outcome.CLEAR, 12), at(12))
    assert redecided.verdict == verdict(Outcome.CLEAR, 12)
    decided_twice = store.set_verdict(inspection_id, verdict(Outcome.HOLD, 13), at(13))
    assert decided_twice.verdict == verdict(Outcome.HOLD, 13)
    assert [
        e.detail["verdict"]["outcome"] for e in store.events(inspection_id) if e.kind == "decide"
    ] == ["HOLD", "CLEAR", "HOLD"]


def test_unfinished_inspection_is_found_after_reopen(db_url: str) -> None:
    with Store.open(db_url) as store:
        done = store.create_inspection(POST, KIOSK, "inspector", T0)
        store.void_inspection(done.id, "test parcel", at(1))
        open_one = store.create_inspection(POST, KIOSK, "inspector", at(2))
        store.add_identifier(open_one.id, kp_identifier(), at(3))
        store.create_inspection(POST, "ANR-DO-02", "inspector2", at(4))
    with Store.open(db_url) as store:
        found = store.unfinished(POST, KIOSK)
        assert found is not None
        assert found.id == open_one.id
        assert found.identifiers == (kp_identifier(),)
        assert store.unfinished("BE-BRU-AIR", KIOSK) is None
        assert [i.id for i in store.recent(limit=2)][1] == open_one.id
        assert len(store.recent()) == 3


def test_decimals_round_trip_exactly(store: Store) -> None:
    made = store.create_inspection(POST, KIOSK, "inspector", T0)
    for i, text in enumerate(["0.001", "1250.400", "99999.999", "0.10000000000000000001", "3E+2"]):
        got = store.set_reading(made.id, reading(text, i), at(i)).reading
        assert got is not None
        assert got.carats == Decimal(text)
        assert str(got.carats) == str(Decimal(text))  # scale and exponent kept, not just value
    decl = store.set_declaration(made.id, declaration(), at(9)).declaration
    assert decl is not None
    assert str(decl.declared_carats) == "1250.40"
    assert str(decl.stones[0].carats) == "562.68"
    assert decl.stones[1].max_ct is None


def test_bad_input_is_refused_with_clear_messages(store: Store) -> None:
    made = store.create_inspection(POST, KIOSK, "inspector", T0)
    with pytest.raises(ValueError, match="timezone-aware"):
        store.add_identifier(made.id, kp_identifier(), T0.replace(tzinfo=None))
    with pytest.raises(ValueError, match="only a stable reading"):
        store.set_reading(made.id, replace(reading(), state=WeightState.DYNAMIC), at(1))
    with pytest.raises(ValueError, match="needs a reason"):
        store.void_inspection(made.id, "  ", at(1))
    with pytest.raises(InspectionNotFoundError, match="No inspection 'INS-nope'"):
        store.get("INS-nope")
    with pytest.raises(InspectionNotFoundError):
        store.add_identifier("INS-nope", kp_identifier(), at(1))
    assert store.get(made.id) == made


def test_two_writers_on_one_file_never_lose_or_clash(db_url: str) -> None:
    """Two Stores (as the kiosk and a CLI would be) append steps at once: all land, in order."""
    with Store.open(db_url) as first, Store.open(db_url) as second:
        made = first.create_inspection(POST, KIOSK, "inspector", T0)
        errors: list[BaseException] = []

        def work(store: Store, prefix: str) -> None:
            try:
                for i in range(15):
                    store.add_identifier(made.id, kp_identifier(f"{prefix}{i:010d}"), at(i))
            except BaseException as exc:  # reported to the test thread below
                errors.append(exc)

        threads = [
            threading.Thread(target=work, args=(first, "BW")),
            threading.Thread(target=work, args=(second, "NA")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert errors == []
        final = first.get(made.id)
    values = [i.value for i in final.identifiers]
    assert len(values) == 30
    assert [v for v in values if v.startswith("BW")] == [f"BW{i:010d}" for i in range(15)]
    assert [v for v in values if v.startswith("NA")] == [f"NA{i:010d}" for i in range(15)]
