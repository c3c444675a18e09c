"""Users: scrypt PIN hashes, the PIN check, lock-out after wrong PINs, badges."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.domain.models import User
from kiosk.store import Store, UserError
from kiosk.store.pins import check_pin, hash_pin
from kiosk.store.tables import UserRow
from store.helpers import T0, at


@pytest.fixture
def users(store: Store) -> Store:
    store.add_user("inspector", "An Peeters", "inspector", "1234", badge="04A1B2C3D4")
    store.add_user("supervisor", "Marc Dubois", "supervisor", "5678")
    return store


def test_pin_hash_format_and_check() -> None:
    stored = hash_pin("1234")
    name, n, r, p, salt, digest = stored.split("$")
    assert (name, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(digest)) == 32
    assert check_pin("1234", stored)
    assert not check_pin("1235", stored)
    assert hash_pin("1234") != stored  # fresh salt every time
    assert not check_pin("1234", "plain-text-1234")
    assert not check_pin("1234", "scrypt$3$8$1$AAAA$AAAA")  # n not a power of two


def test_the_pin_is_never_stored_in_clear(users: Store) -> None:
    with users.database.engine.connect() as conn:
        stored = conn.execute(select(UserRow.pin_hash)).scalars().all()
    assert all(h.startswith("scrypt$16384$8$1$") for h in stored)
    assert not any("1234" in h.split("$")[-1] for h in stored)


def test_right_pin_signs_in(users: Store) -> None:
    check = users.verify_pin("inspector", "1234", T0)
    assert check.ok
    assert check.user == User("inspector", "An Peeters", "inspector", "04A1B2C3D4")
    assert check.message == "Signed in as An Peeters."
    assert check.locked_until is None


def test_wrong_pin_counts_down_then_locks_for_60_s(users: Store) -> None:
    messages = [users.verify_pin("inspector", "0000", at(i)).message for i in range(4)]
    assert messages == [
        "Wrong PIN. 4 attempts left.",
        "Wrong PIN. 3 attempts left.",
        "Wrong PIN. 2 attempts left.",
        "Wrong PIN. 1 attempt left.",
    ]
    fifth = users.verify_pin("inspector", "0000", at(4))
    assert not fifth.ok
    assert fifth.message == "Locked for 60 s after 5 wrong PINs."
    assert fifth.locked_until == at(64)
    # Locked: even the right PIN is refused, and the wait counts down.
    later = users.verify_pin("inspector", "1234", at(7))
    assert (later.ok, later.message) == (False, "Locked for 57 s after 5 wrong PINs.")
    # The other user is not affected.
    assert users.verify_pin("supervisor", "5678", at(7)).ok
    # After the lock, the right PIN works and the count starts afresh.
    assert users.verify_pin("inspector", "1234", at(64)).ok
    assert users.verify_pin("inspector", "9", at(65)).message == "Wrong PIN. 4 attempts left."


def test_lockout_survives_a_restart(db_url: str) -> None:
    with Store.open(db_url, max_pin_failures=2, lockout_s=30) as store:
        store.add_user("inspector", "An Peeters", "inspector", "1234")
        store.verify_pin("inspector", "1111", T0)
        assert store.verify_pin("inspector", "1111", T0).message == (
            "Locked for 30 s after 2 wrong PINs."
        )
    with Store.open(db_url, max_pin_failures=2, lockout_s=30) as store:
        check = store.verify_pin("inspector", "1234", T0 + timedelta(seconds=10))
        assert check.message == "Locked for 20 s after 2 wrong PINs."
        kinds = [e.kind for e in store.events()]
    assert kinds == ["user_added", "pin_failed", "user_locked"]


def test_unknown_user(users: Store) -> None:
    check = users.verify_pin("ghost", "1234", T0)
    assert (check.ok, check.user, check.message) == (False, None, "Unknown user.")


def test_badges_and_listing(users: Store) -> None:
    assert users.user_by_badge("04A1B2C3D4") == users.user("inspector")
    assert users.user_by_badge("FFFFFFFF") is None
    assert [u.username for u in users.users()] == ["inspector", "supervisor"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("inspector", "X", "inspector", "1234"), "already exists"),
        (("other", "X", "inspector", "1234", "04A1B2C3D4"), "already given to 'inspector'"),
        (("other", "X", "boss", "1234"), "Role 'boss' is not one of"),
        (("other", "X", "inspector", "12"), "4 to 12 digits"),
        (("Bad Name", "X", "inspector", "1234"), "is not allowed"),
        (("other", " ", "inspector", "1234"), "display name"),
    ],
)
def test_add_user_refuses_bad_input(users: Store, args: tuple[str, ...], message: str) -> None:
    with pytest.raises(UserError, match=message):
        users.add_user(*args)
    assert len(users.users()) == 2
