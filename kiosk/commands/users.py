"""`kiosk users list [--json]` and `kiosk users revoke-badge BADGE --by NAME --reason TEXT`."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli import EXIT_OK, CommandError
from kiosk.commands.common import emit
from kiosk.settings import Settings


def register(sub: Any) -> None:
    """Add ``kiosk users list`` and ``kiosk users revoke-badge``."""
    users: argparse.ArgumentParser = sub.add_parser("users", help="kiosk users and badges")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every user with role, badge and state")
    listing.add_argument("--json", action="store_true", help="one JSON line per user")
    listing.set_defaults(handler=run_list)
    revoke = actions.add_parser("revoke-badge", help="revoke a badge for good (lost, stolen)")
    revoke.add_argument("badge", metavar="BADGE", help="the badge id")
    revoke.add_argument("--by", required=True, metavar="NAME", help="who revokes it")
    revoke.add_argument("--reason", required=True, metavar="TEXT", help="why")
    revoke.set_defaults(handler=run_revoke)


def run_list(settings: Settings, args: argparse.Namespace) -> int:
    """Print every user (no PIN hash), then the revoked badges."""
    from kiosk.store import Store, StoreError

    try:
        with Store.open(settings.database_url) as store:
            users = store.users()
            revoked = store.revoked_badges()
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    for user in users:
        record = {
            "username": user.username,
            "display_name": user.display_name,
            "role": user.role,
            "badge": user.badge,
            "active": user.active,
        }
        if args.json:
            emit(record)
        else:
            state = "active" if user.active else "disabled"
            print(
                f"{user.username:<16} {user.role:<11} {state:<8} "
                f"{user.badge or '-':<16} {user.display_name}"
            )
    for badge, username, revoked_at, by, reason in revoked:
        if args.json:
            emit(
                {
                    "revoked_badge": badge,
                    "username": username,
                    "revoked_at": revoked_at.isoformat(),
                    "revoked_by": by,
                    "reason": reason,
                }
            )
        else:
            print(f"revoked badge {badge} (of {username or 'nobody'}) by {by}: {reason}")
    return EXIT_OK


def run_revoke(settings: Settings, args: argparse.Namespace) -> int:
    """Revoke the badge; it never signs in again."""
    from kiosk.store import Store, StoreError

    try:
        with Store.open(settings.database_url) as store:
            holder = store.revoke_badge(args.badge, args.by, args.reason)
    except StoreError as exc:  # UserError is one
        raise CommandError(str(exc)) from None
    who = f"taken from {holder.username}" if holder is not None else "held by nobody"
    print(f"badge {args.badge.strip()} revoked ({who})")
    return EXIT_OK
