"""`kiosk sync [--once] [--now]` and `kiosk sync status [--json]`.

``kiosk sync --once`` runs one cycle (data in from the hub, if the TUF client is installed,
then the outbox out) and prints its outcome; exit 0 when both halves succeeded, 1 otherwise.
Without ``--once`` it repeats every ``[sync] interval_s`` until interrupted (for a post that
syncs from a service rather than from the open kiosk). ``--now`` also retries records still
in their back-off. ``kiosk sync status`` prints the data in use and its age, the last sync,
and the queue; ``--json`` prints it as one JSON object.
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime
from typing import Any

from kiosk.cli import EXIT_ERROR, EXIT_OK, CommandError
from kiosk.commands.common import emit
from kiosk.settings import Settings


def register(sub: Any) -> None:
    """Add ``kiosk sync`` and ``kiosk sync status``."""
    sync: argparse.ArgumentParser = sub.add_parser(
        "sync", help="data updates in and inspection records out, through the hub"
    )
    sync.add_argument("--once", action="store_true", help="one cycle, then exit")
    sync.add_argument(
        "--now", action="store_true", help="retry every waiting record now (ignore back-off)"
    )
    sync.add_argument("--json", action="store_true", help="JSON lines instead of text")
    sync.set_defaults(handler=run_sync)
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION")
    status = actions.add_parser("status", help="data versions and ages, last sync, the queue")
    status.add_argument("--json", action="store_true", help="one JSON object instead of text")
    status.set_defaults(handler=run_status)


def _open(settings: Settings) -> Any:
    from kiosk.store import Store, StoreError

    try:
        return Store.open(settings.database_url)
    except StoreError as exc:
        raise CommandError(str(exc)) from None


def _age(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    if seconds < 172800:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment is not None else None


def run_sync(settings: Settings, args: argparse.Namespace) -> int:
    """One cycle with ``--once``, else a cycle every ``interval_s`` until interrupted."""
    from kiosk.sync.cycle import run_cycle

    if not settings.sync.hub_url:
        raise CommandError("no hub set: put hub_url under [sync] in the settings file")
    store = _open(settings)
    try:
        while True:
            result = run_cycle(settings, store, ignore_backoff=args.now)
            if args.json:
                emit(
                    {
                        "ok": result.ok,
                        "at": _when(result.finished_at),
                        "data": None
                        if result.data is None
                        else {
                            "ok": result.data.ok,
                            "changed": result.data.changed,
                            "version": result.data.version,
                            "message": result.data.message,
                        },
                        "records": {
                            "ok": result.upload.ok,
                            "sent": result.upload.sent,
                            "failed": result.upload.failed,
                            "waiting": result.upload.waiting,
                            "message": result.upload.message,
                            "audit_flags": list(result.upload.audit_flags),
                        },
                    }
                )
            else:
                if result.data is None:
                    print("data: no [sync] tuf_root set: records only")
                else:
                    print(f"data: {result.data.message}")
                print(f"records: {result.upload.message}")
            if args.once:
                return EXIT_OK if result.ok else EXIT_ERROR
            time.sleep(settings.sync.interval_s)
    finally:
        store.close()


def run_status(settings: Settings, args: argparse.Namespace) -> int:
    """Print the sync status."""
    from kiosk.store import StoreError
    from kiosk.sync.cycle import current_status
    from kiosk.sync.outbox import AUDIT_SENT_SEQ, LAST_AUDIT_FLAGS

    store = _open(settings)
    try:
        status = current_status(settings, store)
        summary = store.outbox_summary()
        values = store.sync_values()
        head = store.audit_head()
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    now = datetime.now(UTC)
    flags = [str(f) for f in values.get(LAST_AUDIT_FLAGS) or []]
    if args.json:
        emit(
            {
                "enabled": status.enabled,
                "hub_url": status.hub_url,
                "data_version": status.data_version,
                "data_published_at": _when(status.data_published_at),
                "data_expires_at": _when(status.data_expires_at),
                "sources": [
                    {
                        "name": s.name,
                        "version": s.version,
                        "published_at": _when(s.published_at),
                        "count": s.count,
                    }
                    for s in status.sources
                ],
                "last_attempt_at": _when(status.last_attempt_at),
                "last_success_at": _when(status.last_success_at),
                "last_error": status.last_error,
                "records_waiting": summary.waiting,
                "records_failing": summary.failing,
                "records_sent": summary.sent,
                "oldest_waiting_at": _when(summary.oldest_waiting_at),
                "next_attempt_at": _when(summary.next_attempt_at),
                "audit_head_seq": head[0],
                "audit_sent_seq": int(values.get(AUDIT_SENT_SEQ) or 0),
                "audit_flags": flags,
            }
        )
        return EXIT_OK
    print(f"hub: {status.hub_url or 'none (offline post)'}")
    published = _when(status.data_published_at) or "unknown"
    print(
        f"data: {status.data_version or 'none'}, published {published} "
        f"({_age(status.data_published_at, now)})"
        + (f", expires {_when(status.data_expires_at)}" if status.data_expires_at else "")
    )
    for source in status.sources:
        print(
            f"  {source.name}: {source.version}, {source.count} entries, "
            f"published {_age(source.published_at, now)}"
        )
    print(
        f"last sync: {_age(status.last_attempt_at, now)}; "
        f"last success: {_age(status.last_success_at, now)}"
    )
    if status.last_error:
        print(f"last error: {status.last_error}")
    print(
        f"records: {summary.waiting} waiting ({summary.failing} failing), {summary.sent} sent"
        + (f"; oldest waiting since {_when(summary.oldest_waiting_at)}" if summary.waiting else "")
    )
    print(f"audit: head {head[0]}, hub holds up to {int(values.get(AUDIT_SENT_SEQ) or 0)}")
    for flag in flags:
        print(f"hub flagged: {flag}")
    return EXIT_OK
