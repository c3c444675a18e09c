"""Users: argon2id PINs (scrypt ones upgraded), retry waits, lock-out, badges."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from kiosk.domain.models import User
from kiosk.store import Store, UserError
from kiosk.store.pins import check_pin, hash_pin, hash_pin_scrypt, needs_rehash
from kiosk.store.tables import UserRow
from store.helpers import T0, at


@pytest.fixture
def users(store: Store) -> Store:
    store.add_user("inspector", "An Peeters", "inspector", "1234", badge="04A1B2C3D4")
    store.add_user("supervisor", "Marc Dubois", "supervisor", "5678")
    return store


def test_pin_hash_format_and_check() -> None:
    stored = hash_pin("1234")
    _, name, version, params, salt, digest = stored.split("$")
    assert (name, version, params) == ("argon2id", "v=19", "m=65536,t=1,p=1")
    assert len(base64.b64decode(salt + "==")) == 16
    assert len(base64.b64decode(digest + "==")) == 32
    assert check_pin("1234", stored)
    assert not check_pin("1235", stored)
    assert hash_pin("1234") != stored  # fresh salt every time
    assert not needs_rehash(stored)
    assert not check_pin("1234", "plain-text-1234")
    assert not check_pin("1234", "$argon2id$v=19$m=65536,t=1,p=1$AAAA")  # truncated
    # A stored hash asking for 4 GiB is refused without being computed.
    assert not check_pin("1234", stored.replace("m=65536", "m=4194304"))


def test_old_scrypt_hashes_still_check() -> None:
    stored = hash_pin_scrypt("1234")
    assert stored.split("$")[:4] == ["scrypt", "16384", "8", "1"]
    assert check_pin("1234", stored)
    assert not check_pin("1235", stored)
    assert needs_rehash(stored)
    assert not check_pin("1234", "scrypt$3$8$1$AAAA$AAAA")  # n not a power of two


def test_the_pin_is_never_stored_in_clear(users: Store) -> None:
    with users.database.engine.connect() as conn:
        stored = conn.execute(select(UserRow.pin_hash)).scalars().all()
    assert all(h.startswith("$argon2id$v=19$m=65536,t=1,p=1$") for h in stored)
    assert not any("1234" in h.split("$")[-1] for h in stored)


def test_right_pin_signs_in(users: Store) -> None:
    check = users.verify_pin("inspector", "1234", T0)
    assert check.ok
    assert check.user == User("inspector", "An Peeters", "inspector", "04A1B2C3D4")
    assert check.message == "Signed in as An Peeters."
    assert check.locked_until is None


def test_wrong_pin_counts_down_then_locks_for_60_s(users: Store) -> None:
    times = (0, 1, 2, 5, 11)  # each try after the wait the one before imposed
    checks = [users.verify_pin("inspector", "0000", at(t)) for t in times[:4]]
    assert [(c.message, c.retry_after_s) for c in checks] == [
        ("Wrong PIN. 4 attempts left.", 0.0),
        ("Wrong PIN. 3 attempts left.", 0.0),
        ("Wrong PIN. 2 attempts left. Wait 2 s before trying again.", 2.0),
        ("Wrong PIN. 1 attempt left. Wait 5 s before trying again.", 5.0),
    ]
    fifth = users.verify_pin("inspector", "0000", at(11))
    assert not fifth.ok
    assert fifth.message == "Locked for 60 s after 5 wrong PINs."
    assert fifth.locked_until == at(71)
    assert fifth.retry_after_s == 60.0
    # Locked: even the right PIN is refused, and the wait counts down.
    later = users.verify_pin("inspector", "1234", at(14))
    assert (later.ok, later.message) == (False, "Locked for 57 s after 5 wrong PINs.")
    assert later.retry_after_s == 57.0
    # The other user is not affected.
    assert users.verify_pin("supervisor", "5678", at(14)).ok
    # After the lock, the right PIN works and the count starts afresh.
    assert users.verify_pin("inspector", "1234", at(71)).ok
    assert users.verify_pin("inspector", "9", at(72)).message == "Wrong PIN. 4 attempts left."


def test_a_try_during_the_wait_is_refused_unchecked_and_not_counted(users: Store) -> None:
    for t in (0, 1, 2):
        users.verify_pin("inspector", "0000", at(t))  # the third imposes 2 s
    early = users.verify_pin("inspector", "1234", at(3))  # right PIN, but too soon
    assert (early.ok, early.message) == (False, "Wait 1 s before trying again.")
    assert early.retry_after_s == 1.0
    assert early.locked_until is None
    with users.database.engine.connect() as conn:
        failed = conn.execute(
            select(UserRow.failed_attempts).where(UserRow.username == "inspector")
        ).scalar_one()
    assert failed == 3
    assert users.verify_pin("inspector", "1234", at(4)).ok
    kinds = [e.kind for e in users.events()]
    assert kinds[-4:] == ["pin_failed", "pin_failed", "pin_failed", "sign_in"]
    assert [e.detail["wait_s"] for e in users.events() if e.kind == "pin_failed"] == [0, 0, 2]


def test_pin_delays_are_configurable_and_checked(db_url: str) -> None:
    with Store.open(db_url, pin_delays_s=(1.0, 3.0)) as store:
        store.add_user("inspector", "An Peeters", "inspector", "1234")
        assert store.verify_pin("inspector", "0", T0).retry_after_s == 1.0
        assert store.verify_pin("inspector", "0", at(1)).retry_after_s == 3.0
        assert store.verify_pin("inspector", "0", at(4)).retry_after_s == 3.0  # last repeats
    with pytest.raises(ValueError, match="pin_delays_s"):
        Store.open(db_url, pin_delays_s=(-1.0,))


def test_a_scrypt_pin_is_rehashed_to_argon2id_on_sign_in(users: Store) -> None:
    old = hash_pin_scrypt("2468")
    with users.database.write_engine.begin() as conn:
        conn.execute(update(UserRow).where(UserRow.username == "inspector").values(pin_hash=old))
    assert not users.verify_pin("inspector", "0000", T0).ok
    assert _stored_hash(users) == old  # a wrong PIN changes nothing
    assert users.verify_pin("inspector", "2468", at(1)).ok
    new = _stored_hash(users)
    assert new.startswith("$argon2id$v=19$m=65536,t=1,p=1$")
    assert check_pin("2468", new)
    assert users.verify_pin("inspector", "2468", at(2)).ok
    assert _stored_hash(users) == new  # only once
    assert [e.kind for e in users.events()][-3:] == ["pin_rehashed", "sign_in", "sign_in"]


def _stored_hash(store: Store) -> str:
    with store.database.engine.connect() as conn:
        return str(
            conn.execute(
                select(UserRow.pin_hash).where(UserRow.username == "inspector")
            ).scalar_one()
        )


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
