"""`kiosk-hub audit ack --up-to`: a break found after the supervisor looked stays open."""

from __future__ import annotations

import json

import pytest

from kiosk.hub.cli import main
from kiosk.hub.db import AuditEntry, HubDatabase, IncomingRecord, NoOpenBreakError
from kiosk.store.audit import GENESIS_HASH

KIOSK = "ANR-DO-01"


def _break(db: HubDatabase, token: str, seq: int) -> int:
    """Receive a record whose audit entry does not match its hash; the new break's id."""
    kiosk = db.kiosk_for_token(token)
    assert kiosk is not None
    altered = AuditEntry(
        seq,
        "2026-11-27T10:00:00Z",
        "created",
        f"INS-{seq}",
        "inspector",
        {},
        GENESIS_HASH,
        "0" * 64,
    )
    record = IncomingRecord(
        f"INS-{seq}", KIOSK, "BE-ANR-DO", {}, None, None, [altered], (seq, "0" * 64)
    )
    assert db.receive(kiosk, record).audit_flags
    return max(b.break_id for b in db.breaks(KIOSK))


def _ack(capsys: pytest.CaptureFixture[str], url: str, *extra: str) -> tuple[int, str, str]:
    code = main(
        ["audit", "ack", KIOSK, "--by", "S. Janssens", "--note", "checked", "--db", url, *extra]
    )
    out, err = capsys.readouterr()
    return code, out, err


def test_ack_up_to_closes_only_the_breaks_looked_at(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = HubDatabase.open(empty_db_url)
    try:
        token = db.add_kiosk(KIOSK)
        first = _break(db, token, 1)
        second = _break(db, token, 2)
        # The supervisor listed the breaks and investigated these two; a third arrives.
        third = _break(db, token, 3)
        assert first < second < third
    finally:
        db.close()

    code, out, err = _ack(capsys, empty_db_url, "--up-to", str(second))
    assert code == 0
    line = json.loads(out)
    assert (line["breaks_closed"], line["breaks_still_open"]) == (2, 1)
    assert err == (
        f"kiosk-hub: 1 audit break(s) of {KIOSK} after {second} stay open; "
        "the kiosk stays flagged\n"
    )
    db = HubDatabase.open(empty_db_url)
    try:
        assert [b.break_id for b in db.breaks(KIOSK)] == [third]
        with pytest.raises(NoOpenBreakError, match=f"no open audit break up to {second}"):
            db.acknowledge_breaks(KIOSK, "S. Janssens", "again", up_to=second)
    finally:
        db.close()

    # A break id of no break of this kiosk is refused in one line, nothing recorded.
    code, out, err = _ack(capsys, empty_db_url, "--up-to", "999999")
    assert (code, out) == (1, "")
    assert err == f"kiosk-hub: kiosk {KIOSK} has no audit break 999999\n"

    # Without --up-to every open break is closed, as before.
    code, out, err = _ack(capsys, empty_db_url)
    assert code == 0
    assert err == ""
    line = json.loads(out)
    assert (line["breaks_closed"], line["breaks_still_open"]) == (1, 0)
