"""``kiosk-hub db current|upgrade`` and ``kiosk-hub audit list|ack``.

``db current --db URL`` prints where the schema stands without changing it (exit 1 when this hub
cannot use the database: newer than it, or tables it does not recognise); ``db upgrade --db URL``
upgrades it to this hub's head (every other command does so on open; this one does only that,
for a deployment step after the backup). ``audit list [--kiosk ID] [--all]`` prints the open
audit breaks (with ``--all`` the acknowledged ones too, with who closed them); ``audit ack ID
--by NAME --note TEXT [--up-to BREAK_ID]`` records a supervisor's acknowledgement and closes the
kiosk's open breaks (only those up to the one the supervisor looked at, with ``--up-to``), so
that the kiosk's flag clears at its next upload. One JSON line per result on
stdout; errors are one line on stderr with exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kiosk.hub.cli import EXIT_ERROR, EXIT_OK, HubCommandError
from kiosk.hub.records_cli import DB_ENV, db_argument, emit


def register(sub: Any) -> None:
    """Add ``db`` and ``audit``."""
    db = sub.add_parser("db", help="the hub database's schema (migrations)")
    db_actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    current = db_actions.add_parser("current", help="the schema revision, changing nothing")
    db_argument(current)
    current.set_defaults(handler=run_db_current)
    upgrade = db_actions.add_parser(
        "upgrade", help="upgrade the schema to this hub's revision (back the database up first)"
    )
    db_argument(upgrade)
    upgrade.set_defaults(handler=run_db_upgrade)

    audit = sub.add_parser("audit", help="audit breaks found in kiosks' chains")
    audit_actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    listing = audit_actions.add_parser("list", help="open audit breaks, oldest first")
    listing.add_argument("--kiosk", metavar="ID", help="one kiosk only")
    listing.add_argument(
        "--all", action="store_true", help="acknowledged breaks too, with who closed them"
    )
    db_argument(listing)
    listing.set_defaults(handler=run_audit_list)
    ack = audit_actions.add_parser(
        "ack", help="acknowledge a kiosk's open audit breaks after investigating"
    )
    ack.add_argument("kiosk_id", metavar="KIOSK_ID")
    ack.add_argument("--by", required=True, metavar="NAME", help="the supervisor acknowledging")
    ack.add_argument("--note", required=True, metavar="TEXT", help="what the investigation found")
    ack.add_argument(
        "--up-to",
        type=int,
        metavar="BREAK_ID",
        help="close only the breaks up to this break_id (from `audit list`): one found after "
        "you looked stays open",
    )
    db_argument(ack)
    ack.set_defaults(handler=run_audit_ack)


def _open(args: argparse.Namespace, *, upgrade: bool = True, create: bool = True) -> Any:
    from kiosk.hub.db import HubDatabase, HubError

    if not args.db:
        raise HubCommandError(f"--db URL is needed (or set ${DB_ENV})")
    try:
        return HubDatabase.open(args.db, upgrade=upgrade, create=create)
    except HubError as exc:
        raise HubCommandError(str(exc)) from None


def run_db_current(args: argparse.Namespace) -> int:
    """Print the schema revision; exit 1 when this hub cannot use the database."""
    from kiosk.hub.db import HubError
    from kiosk.hub.schema import CREATE_ALL_TABLES

    db = _open(args, upgrade=False, create=False)
    try:
        state = db.schema_state()
    except HubError as exc:
        raise HubCommandError(str(exc)) from None
    finally:
        db.close()
    usable = state.known and (
        state.revision is not None
        or not state.unversioned_tables
        or set(state.unversioned_tables) == set(CREATE_ALL_TABLES)
    )
    emit(
        {
            "db": db.url,
            "revision": state.label,
            "head": state.head,
            "up_to_date": state.up_to_date,
            "usable": usable,
        }
    )
    if not usable:
        why = (
            "newer than this hub; update kiosk-hub"
            if not state.known
            else "hub tables without a schema version that this hub does not recognise"
        )
        print(f"kiosk-hub: the database is {why}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def run_db_upgrade(args: argparse.Namespace) -> int:
    """Upgrade the schema to this hub's head and say from where."""
    from kiosk.hub.db import HubError

    db = _open(args, upgrade=False)
    try:
        before, now = db.upgrade_schema()
    except HubError as exc:
        raise HubCommandError(str(exc)) from None
    finally:
        db.close()
    emit({"db": db.url, "from": before.label, "to": now, "changed": before.label != now})
    return EXIT_OK


def run_audit_list(args: argparse.Namespace) -> int:
    """One JSON line per audit break (open ones, or all with ``--all``)."""
    db = _open(args)
    try:
        breaks = db.breaks(args.kiosk, include_acknowledged=args.all)
    finally:
        db.close()
    for item in breaks:
        line: dict[str, Any] = {
            "kiosk_id": item.kiosk_id,
            "break_id": item.break_id,
            "found_at": item.found_at.isoformat(),
            "entry": item.seq,
            "why": item.why,
            "inspection_id": item.inspection_id,
            "open": item.ack is None,
        }
        if item.ack is not None:
            line["ack"] = {
                "ack_id": item.ack.ack_id,
                "by": item.ack.acked_by,
                "at": item.ack.acked_at.isoformat(),
                "note": item.ack.note,
            }
        emit(line)
    if not breaks:
        which = f"kiosk {args.kiosk}" if args.kiosk else "any kiosk"
        print(
            f"kiosk-hub: no {'' if args.all else 'open '}audit break for {which}", file=sys.stderr
        )
    return EXIT_OK


def run_audit_ack(args: argparse.Namespace) -> int:
    """Acknowledge a kiosk's open audit breaks; exit 1 when it has none."""
    from kiosk.hub.db import HubError

    db = _open(args)
    try:
        ack = db.acknowledge_breaks(args.kiosk_id, args.by, args.note, up_to=args.up_to)
        left_open = len(db.breaks(args.kiosk_id))
    except HubError as exc:
        raise HubCommandError(str(exc)) from None
    finally:
        db.close()
    emit(
        {
            "kiosk_id": ack.kiosk_id,
            "ack_id": ack.ack_id,
            "acked_at": ack.acked_at.isoformat(),
            "by": ack.acked_by,
            "note": ack.note,
            "breaks_closed": ack.breaks,
            "breaks_still_open": left_open,
        }
    )
    if left_open:
        print(
            f"kiosk-hub: {left_open} audit break(s) of {ack.kiosk_id} "
            f"{'after ' + str(args.up_to) if args.up_to is not None else 'found meanwhile'} "
            "stay open; the kiosk stays flagged",
            file=sys.stderr,
        )
    return EXIT_OK
