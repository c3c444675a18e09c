"""Each user's language, remembered in the kiosk database across restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.store import Store
from kiosk.store.repository import UserError

T0 = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)


def test_a_language_is_remembered_changed_and_kept_after_reopening(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.add_user("inspector", "An Peeters", "inspector", "1234")
        store.add_user("supervisor", "Marc Dubois", "supervisor", "5678")
        assert store.user_languages() == {}
        store.set_user_language("inspector", "nl", T0)
        store.set_user_language("supervisor", "fr", T0)
        store.set_user_language("inspector", "de", T0 + timedelta(hours=1))
    with Store.open(db_url) as again:
        assert again.user_languages() == {"inspector": "de", "supervisor": "fr"}


def test_an_unknown_user_or_a_malformed_code_is_refused(store: Store) -> None:
    store.add_user("inspector", "An Peeters", "inspector", "1234")
    with pytest.raises(UserError, match="No user 'nobody'"):
        store.set_user_language("nobody", "nl", T0)
    with pytest.raises(UserError, match="Not a language code: 'NL; drop'"):
        store.set_user_language("inspector", "NL; drop", T0)
    assert store.user_languages() == {}
