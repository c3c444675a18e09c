"""The inspection state machine: every (state, event) pair, exhaustively."""

from __future__ import annotations

import itertools

import pytest

from kiosk.domain.models import InspectionState as S
from kiosk.domain.workflow import (
    FINISHED,
    TRANSITIONS,
    Event,
    IllegalTransitionError,
    allowed,
    transition,
)

# The table as the design states it, written out independently of the code.
EXPECTED: dict[tuple[S, Event], S] = {
    (S.COLLECTING, Event.INPUT): S.COLLECTING,
    (S.COLLECTING, Event.DECIDE): S.DECIDED,
    (S.COLLECTING, Event.VOID): S.VOIDED,
    (S.DECIDED, Event.INPUT): S.COLLECTING,
    (S.DECIDED, Event.DECIDE): S.DECIDED,
    (S.DECIDED, Event.OVERRIDE): S.OVERRIDDEN,
    (S.DECIDED, Event.PRINT): S.PRINTED,
    (S.DECIDED, Event.CLOSE): S.CLOSED,
    (S.DECIDED, Event.VOID): S.VOIDED,
    (S.OVERRIDDEN, Event.PRINT): S.PRINTED,
    (S.OVERRIDDEN, Event.CLOSE): S.CLOSED,
    (S.PRINTED, Event.PRINT): S.PRINTED,
    (S.PRINTED, Event.OVERRIDE): S.OVERRIDDEN,
    (S.PRINTED, Event.CLOSE): S.CLOSED,
}


@pytest.mark.parametrize(("state", "event"), list(itertools.product(S, Event)))
def test_every_state_event_pair(state: S, event: Event) -> None:
    if (state, event) in EXPECTED:
        assert allowed(state, event)
        assert transition(state, event) is EXPECTED[(state, event)]
    else:
        assert not allowed(state, event)
        with pytest.raises(IllegalTransitionError) as caught:
            transition(state, event)
        assert caught.value.state is state
        assert caught.value.event is event
        assert str(caught.value) == f"cannot {event.value} an inspection that is {state.value}"


def test_table_is_exactly_the_expected_one() -> None:
    assert dict(TRANSITIONS) == EXPECTED


def test_finished_states_accept_nothing() -> None:
    assert {S.CLOSED, S.VOIDED} == FINISHED
    for state, event in itertools.product(FINISHED, Event):
        assert not allowed(state, event)


def test_every_state_is_reachable_from_collecting() -> None:
    reached = {S.COLLECTING}
    frontier = [S.COLLECTING]
    while frontier:
        state = frontier.pop()
        for event in Event:
            if allowed(state, event) and (nxt := transition(state, event)) not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    assert reached == set(S)
