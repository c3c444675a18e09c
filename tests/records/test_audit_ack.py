"""Audit breaks acknowledged at the hub: flagged, kept flagged, acknowledged, cleared, again.

A real hub process on 127.0.0.1 (SQLite, and PostgreSQL when ``KIOSK_TEST_PG_URL`` is set), real
kiosk stores, and the ``kiosk-hub audit list|ack`` commands a supervisor runs at the hub.
"""

from __future__ import annotations

import contextlib
import io
import json
import secrets
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from kiosk.hub.cli import main
from kiosk.sync.cycle import current_status
from kiosk.sync.outbox import Uploader
from tests.records.hubproc import HubProcess, add_kiosk, hub_command
from tests.records.kiosks import (
    KioskUnderTest,
    identifier_event_seq,
    make_kiosk,
    rewrite_history,
)

SUPERVISOR = "S. Janssens"
NOTE = "KP number changed in the kiosk database; reported to the AAD, case 2026/118"


@pytest.fixture
def kiosks() -> Iterator[list[KioskUnderTest]]:
    """Kiosks made by a test, their stores closed afterwards."""
    made: list[KioskUnderTest] = []
    yield made
    for kiosk in made:
        kiosk.store.close()


def _kiosk(kiosks: list[KioskUnderTest], hub_url: str, db_url: str, folder: Path) -> KioskUnderTest:
    kiosk_id = f"ANR-DO-{secrets.token_hex(3)}"
    kiosk = make_kiosk(folder, hub_url, add_kiosk(db_url, kiosk_id), kiosk_id)
    kiosks.append(kiosk)
    return kiosk


def _audit(db_url: str, *args: str) -> tuple[int, list[dict[str, Any]], str]:
    """``kiosk-hub audit ARGS --db URL`` (its ``main``, in this process): code, lines, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["audit", *args, "--db", db_url])
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def _flag(kiosk: KioskUnderTest) -> str | None:
    return current_status(kiosk.settings, kiosk.store).audit_flag


def test_a_break_stays_flagged_until_acknowledged_then_clears_and_a_new_one_flags_again(
    hub: HubProcess, tmp_path: Path, kiosks: list[KioskUnderTest]
) -> None:
    kiosk = _kiosk(kiosks, hub.url, hub.db_url, tmp_path / "k1")
    db_file = tmp_path / "k1" / "kiosk.sqlite"
    first = kiosk.finish()
    clean = Uploader(kiosk.settings, kiosk.store).run_once()
    assert (clean.sent, clean.audit_flags, clean.audit_open) == (1, (), ())

    # Break: the first inspection's scanned KP number rewritten and the chain re-hashed.
    rewrite_history(db_file, identifier_event_seq(db_file, first))
    second = kiosk.finish()
    flagged = Uploader(kiosk.settings, kiosk.store).run_once()
    assert flagged.sent == 1
    assert len(flagged.audit_flags) == 1
    assert "rewritten" in flagged.audit_flags[0]
    assert flagged.audit_open == flagged.audit_flags
    assert _flag(kiosk) == flagged.audit_flags[0]

    # Not acknowledged yet: the next upload finds nothing new, and the kiosk stays flagged.
    kiosk.finish()
    waiting = Uploader(kiosk.settings, kiosk.store).run_once()
    assert (waiting.audit_flags, waiting.audit_open) == ((), flagged.audit_flags)
    assert "flagged" not in waiting.message
    assert _flag(kiosk) == flagged.audit_flags[0]

    code, listed, _ = _audit(hub.db_url, "list", "--kiosk", kiosk.kiosk_id)
    assert code == 0
    (open_break,) = listed
    assert open_break["kiosk_id"] == kiosk.kiosk_id
    assert open_break["inspection_id"] == second
    assert open_break["open"] is True
    assert "rewritten" in open_break["why"]
    assert f"at entry {open_break['entry']}:" in flagged.audit_flags[0]
    assert datetime.fromisoformat(open_break["found_at"]).tzinfo is not None

    code, acked, err = _audit(hub.db_url, "ack", kiosk.kiosk_id, "--by", SUPERVISOR, "--note", NOTE)
    assert (code, err) == (0, "")
    (ack,) = acked
    assert (ack["kiosk_id"], ack["by"], ack["note"], ack["breaks_closed"]) == (
        kiosk.kiosk_id,
        SUPERVISOR,
        NOTE,
        1,
    )
    code, listed, err = _audit(hub.db_url, "list", "--kiosk", kiosk.kiosk_id)
    assert (code, listed) == (0, [])
    assert err.strip() == f"kiosk-hub: no open audit break for kiosk {kiosk.kiosk_id}"
    code, listed, _ = _audit(hub.db_url, "list", "--kiosk", kiosk.kiosk_id, "--all")
    (closed,) = listed
    assert closed["break_id"] == open_break["break_id"]
    assert closed["open"] is False
    assert (closed["ack"]["by"], closed["ack"]["note"]) == (SUPERVISOR, NOTE)

    # The kiosk's flag clears at its next upload.
    third = kiosk.finish()
    cleared = Uploader(kiosk.settings, kiosk.store).run_once()
    assert (cleared.sent, cleared.audit_flags, cleared.audit_open) == (1, (), ())
    assert _flag(kiosk) is None

    # A new break flags again, and only the new one is open.
    rewrite_history(db_file, identifier_event_seq(db_file, third))
    kiosk.finish()
    again = Uploader(kiosk.settings, kiosk.store).run_once()
    assert len(again.audit_flags) == 1
    assert again.audit_open == again.audit_flags
    assert _flag(kiosk) == again.audit_flags[0]
    code, listed, _ = _audit(hub.db_url, "list", "--kiosk", kiosk.kiosk_id)
    assert [b["break_id"] > open_break["break_id"] for b in listed] == [True]

    done = hub_command("kiosks", "list", "--db", hub.db_url)
    mine = [json.loads(line) for line in done.stdout.splitlines()]
    (row,) = [k for k in mine if k["kiosk_id"] == kiosk.kiosk_id]
    assert (row["audit_breaks"], row["open_audit_breaks"]) == (2, 1)


def test_acknowledging_without_an_open_break_says_so_in_one_line(
    hub: HubProcess, tmp_path: Path, kiosks: list[KioskUnderTest]
) -> None:
    kiosk = _kiosk(kiosks, hub.url, hub.db_url, tmp_path / "k1")
    kiosk.finish()
    assert Uploader(kiosk.settings, kiosk.store).run_once().audit_open == ()

    code, out, err = _audit(hub.db_url, "ack", kiosk.kiosk_id, "--by", SUPERVISOR, "--note", NOTE)
    assert (code, out) == (1, [])
    assert err == (
        f"kiosk-hub: kiosk {kiosk.kiosk_id} has no open audit break; nothing acknowledged\n"
    )

    code, out, err = _audit(hub.db_url, "ack", "NO-SUCH-KIOSK", "--by", SUPERVISOR, "--note", NOTE)
    assert (code, out, err) == (1, [], "kiosk-hub: no kiosk 'NO-SUCH-KIOSK'\n")

    code, out, err = _audit(hub.db_url, "ack", kiosk.kiosk_id, "--by", SUPERVISOR, "--note", " ")
    assert (code, out, err) == (1, [], "kiosk-hub: --note must not be empty\n")


class _OldHub(BaseHTTPRequestHandler):
    """Answers uploads as hubs before acknowledgements did: ``audit.flags`` only, the first
    record flagged (a break found in that upload), none after."""

    answered = 0

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        results = []
        for record in body["records"]:
            flags = [] if _OldHub.answered else ["audit chain of OLD at entry 2: does not chain"]
            _OldHub.answered += 1
            head = record["audit"]["head"]
            results.append(
                {
                    "inspection_id": record["inspection_id"],
                    "status": 200,
                    "receipt": {"receipt_id": f"R-{_OldHub.answered}"},
                    "duplicate": False,
                    "audit": {"head_seq": head["seq"], "head_hash": head["hash"], "flags": flags},
                }
            )
        data = json.dumps({"results": results}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args: object) -> None:
        return


def test_a_kiosk_talking_to_a_hub_without_acknowledgements_keeps_its_flag(
    tmp_path: Path, kiosks: list[KioskUnderTest]
) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OldHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        kiosk = make_kiosk(tmp_path / "k1", url, "kh1_" + "x" * 43, "OLD")
        kiosks.append(kiosk)
        kiosk.finish()
        flagged = Uploader(kiosk.settings, kiosk.store).run_once()
        assert (flagged.sent, flagged.audit_open) == (1, None)
        assert _flag(kiosk) == flagged.audit_flags[0]
        kiosk.finish()
        later = Uploader(kiosk.settings, kiosk.store).run_once()
        assert (later.sent, later.audit_flags, later.audit_open) == (1, (), None)
        assert _flag(kiosk) == flagged.audit_flags[0]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
