"""The inspection state machine: an enum plus a transition table that raises on an illegal move.

Inputs (identifiers, a reading, a photo, a declaration) may arrive in any order while an
inspection is ``COLLECTING``; a new input after a verdict sends it back to ``COLLECTING`` so
the checks run again. A supervisor override applies only to a decided HOLD.
"""

from __future__ import annotations

import enum
from types import MappingProxyType

from kiosk.domain.models import InspectionState as S


class Event(enum.StrEnum):
    """What can happen to an inspection."""

    INPUT = "input"
    DECIDE = "decide"
    OVERRIDE = "override"
    PRINT = "print"
    CLOSE = "close"
    VOID = "void"


class IllegalTransitionError(Exception):
    """An event that the inspection's current state does not allow."""

    def __init__(self, state: S, event: Event) -> None:
        super().__init__(f"cannot {event.value} an inspection that is {state.value}")
        self.state = state
        self.event = event


TRANSITIONS: MappingProxyType[tuple[S, Event], S] = MappingProxyType(
    {
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
)

FINISHED: frozenset[S] = frozenset({S.CLOSED, S.VOIDED})


def transition(state: S, event: Event) -> S:
    """Return the state after ``event``; raise ``IllegalTransitionError`` if it is not allowed."""
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        raise IllegalTransitionError(state, event) from None


def allowed(state: S, event: Event) -> bool:
    """True when ``event`` is allowed in ``state``."""
    return (state, event) in TRANSITIONS
