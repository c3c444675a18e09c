"""`kiosk audit verify [--json] [--head SEQ:HASH]`: recompute the hash-chained audit trail.

Prints ``audit chain intact: N entries, head HASH`` (exit 0), or ``audit chain broken at entry
N: altered|removed|reordered`` (exit 1). ``--head`` checks against a head known from elsewhere
(the hub, an earlier report), which also shows a log whose newest entries were cut off.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from kiosk.cli import EXIT_ERROR, EXIT_OK, CommandError
from kiosk.commands.common import emit
from kiosk.settings import Settings

_HEAD = re.compile(r"^(\d{1,18}):([0-9a-f]{64})$")


def register(sub: Any) -> None:
    """Add ``kiosk audit verify``."""
    audit: argparse.ArgumentParser = sub.add_parser("audit", help="the tamper-evident audit trail")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="recompute the hash chain, name the first breach")
    verify.add_argument("--json", action="store_true", help="one JSON line instead of text")
    verify.add_argument(
        "--head", metavar="SEQ:HASH", help="a head known from elsewhere that must be in the log"
    )
    verify.set_defaults(handler=run_verify)


def _head(value: str | None) -> tuple[int, str] | None:
    if value is None:
        return None
    found = _HEAD.match(value.strip().lower())
    if found is None:
        raise CommandError(f"--head: expected SEQ:HASH (64 hex digits), got {value!r}")
    return int(found.group(1)), found.group(2)


def run_verify(settings: Settings, args: argparse.Namespace) -> int:
    """Verify the chain; exit 0 when intact, 1 when broken."""
    expected = _head(args.head)
    from kiosk.store import Store, StoreError

    try:
        with Store.open(settings.database_url) as store:
            report = store.verify_audit(expected)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        emit(
            {
                "ok": report.ok,
                "count": report.count,
                "head_seq": report.head_seq,
                "head_hash": report.head_hash,
                "first_bad": report.first_bad,
                "why": report.why,
                "message": report.message,
            }
        )
    else:
        print(report.message)
    return EXIT_OK if report.ok else EXIT_ERROR
