"""Revocable badges, disabled users and the override's second person, on a real SQLite file."""

from __future__ import annotations

import pytest

from kiosk.domain.models import Outcome, Override, OverrideCode
from kiosk.store import OverrideRefusedError, Store, UserError
from store.helpers import KIOSK, POST, T0, at, kp_identifier, reading, verdict


@pytest.fixture
def users(store: Store) -> Store:
    store.add_user("inspector", "An Peeters", "inspector", "1234", badge="04A1B2C3D4")
    store.add_user("supervisor", "Marc Dubois", "supervisor", "5678", badge="0C0FFEE0")
    return store


def _held(store: Store) -> str:
    made = store.create_inspection(POST, KIOSK, "inspector", T0)
    store.add_identifier(made.id, kp_identifier(), at(1))
    store.set_reading(made.id, reading(), at(5))
    store.set_verdict(made.id, verdict(Outcome.HOLD), at(10))
    return made.id


def _override(supervisor: str = "supervisor") -> Override:
    return Override(
        supervisor=supervisor,
        code=OverrideCode.WEIGHING_ERROR,
        text="Reweighed on the reference balance: 1250.398 ct",
        new_outcome=Outcome.CLEAR,
        at=at(20),
    )


def test_a_revoked_badge_never_signs_in_and_is_logged(users: Store) -> None:
    holder = users.revoke_badge("04A1B2C3D4", "supervisor", "lost on the ramp", at(1))
    assert holder is not None
    assert (holder.username, holder.badge) == ("inspector", None)
    assert users.user_by_badge("04A1B2C3D4", at(2)) is None
    assert users.user_by_badge(" 04A1B2C3D4 ") is None
    presented = [e for e in users.events() if e.kind == "revoked_badge_presented"]
    first = presented[0]
    assert (first.detail["badge"], first.detail["username"], first.at) == (
        "04A1B2C3D4",
        "inspector",
        at(2),
    )
    assert len(presented) == 2
    revoked = [e for e in users.events() if e.kind == "badge_revoked"]
    assert [(e.actor, e.detail["reason"]) for e in revoked] == [("supervisor", "lost on the ramp")]
    # The user keeps working with a PIN; the other badge still works.
    assert users.verify_pin("inspector", "1234", at(3)).ok
    assert users.user_by_badge("0C0FFEE0") == users.user("supervisor")
    # An unknown badge is just unknown: nothing is logged.
    n_events = len(users.events())
    assert users.user_by_badge("DEADBEEF") is None
    assert len(users.events()) == n_events
    assert users.revoked_badges() == [
        ("04A1B2C3D4", "inspector", at(1), "supervisor", "lost on the ramp")
    ]
    assert users.verify_audit().ok


def test_a_revoked_badge_cannot_be_given_out_again(users: Store) -> None:
    users.revoke_badge("04A1B2C3D4", "supervisor", "stolen")
    with pytest.raises(UserError, match="was revoked; issue a new badge"):
        users.add_user("other", "Eva Claes", "inspector", "4321", badge="04A1B2C3D4")
    with pytest.raises(UserError, match="already revoked"):
        users.revoke_badge("04A1B2C3D4", "supervisor", "stolen")


def test_a_badge_nobody_holds_can_be_revoked(users: Store) -> None:
    assert users.revoke_badge("FFFF0001", "supervisor", "found in the bin") is None
    with pytest.raises(UserError, match="was revoked"):
        users.add_user("other", "Eva Claes", "inspector", "4321", badge="FFFF0001")


@pytest.mark.parametrize(
    ("badge", "by", "reason", "message"),
    [
        (" ", "supervisor", "lost", "badge id"),
        ("X1", " ", "lost", "who"),
        ("X1", "s", "", "reason"),
    ],
)
def test_revoke_badge_refuses_empty_input(
    users: Store, badge: str, by: str, reason: str, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        users.revoke_badge(badge, by, reason)


def test_a_disabled_supervisor_can_neither_sign_in_nor_override(users: Store) -> None:
    inspection_id = _held(users)
    users.set_user_active("supervisor", False, "admin", "left the service", at(11))
    assert users.verify_pin("supervisor", "5678", at(12)).message == (
        "This user is disabled. Ask a supervisor."
    )
    n_events = len(users.events())
    with pytest.raises(OverrideRefusedError, match="not an active supervisor"):
        users.set_override(inspection_id, _override(), at(20))
    assert users.get(inspection_id).override is None
    assert len(users.events()) == n_events
    # Enabled again, the same supervisor may override (so the refusal was the state).
    users.set_user_active("supervisor", True, "admin", "back", at(21))
    done = users.set_override(inspection_id, _override(), at(22))
    assert done.override is not None
    assert done.override.supervisor == "supervisor"
    kinds = [e.kind for e in users.events()]
    assert "user_disabled" in kinds
    assert "user_enabled" in kinds


def test_the_inspector_is_never_their_own_second_person(users: Store) -> None:
    users.add_user("boss", "Lea Janssens", "supervisor", "1357")
    made = users.create_inspection(POST, KIOSK, "boss", T0)
    users.add_identifier(made.id, kp_identifier(), at(1))
    users.set_verdict(made.id, verdict(Outcome.HOLD), at(10))
    with pytest.raises(OverrideRefusedError, match="second person"):
        users.set_override(made.id, _override("boss"), at(20))
    assert users.set_override(made.id, _override("supervisor"), at(20)).override is not None


def test_set_user_active_needs_a_user_and_a_reason(users: Store) -> None:
    with pytest.raises(UserError, match="No user 'ghost'"):
        users.set_user_active("ghost", False, "admin", "gone")
    with pytest.raises(UserError, match="reason"):
        users.set_user_active("inspector", False, "admin", " ")
