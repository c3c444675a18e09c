"""``kiosk-hub serve``, ``kiosk-hub kiosks add|list|revoke``, ``kiosk-hub export-uses``.

``serve --repo DIR --db URL [--host H] [--port N]`` serves the TUF repository and receives
records. ``kiosks add ID [--post POST] --db URL`` registers a kiosk and prints its token once
(the hub keeps only its hash; adding a known kiosk again replaces its token). ``export-uses
--db URL --out FILE.jsonl [--since DATE]`` writes the certificate uses for the publisher.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.hub.cli import EXIT_ERROR, EXIT_OK, HubCommandError

DB_ENV = "KIOSK_HUB_DB"


def emit(record: dict[str, Any]) -> None:
    """Print one JSON line and flush."""
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def db_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--db URL`` (default ``$KIOSK_HUB_DB``)."""
    parser.add_argument(
        "--db",
        metavar="URL",
        default=os.environ.get(DB_ENV, ""),
        help=f"hub database: SQLAlchemy URL or SQLite file path (default ${DB_ENV})",
    )


def register(sub: Any) -> None:
    """Add ``serve``, ``kiosks`` and ``export-uses``."""
    serve = sub.add_parser("serve", help="serve the TUF repository and receive kiosk records")
    serve.add_argument("--repo", metavar="DIR", help="TUF repository (metadata/, targets/)")
    db_argument(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8443, help="port (default 8443)")
    serve.add_argument(
        "--metadata-path", default="/tuf/metadata", help="URL path of REPO/metadata"
    )
    serve.add_argument(
        "--targets-path", default="/tuf/targets", help="URL path of REPO/targets"
    )
    serve.set_defaults(handler=run_serve)

    kiosks = sub.add_parser("kiosks", help="kiosks allowed to upload records")
    actions = kiosks.add_subparsers(dest="kiosks_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="register a kiosk; prints its token once")
    add.add_argument("kiosk_id", metavar="ID")
    add.add_argument("--post", default="", help="the kiosk's post code, e.g. BE-ANR-DO")
    db_argument(add)
    add.set_defaults(handler=run_kiosks_add)
    listing = actions.add_parser("list", help="registered kiosks and their audit heads")
    db_argument(listing)
    listing.set_defaults(handler=run_kiosks_list)
    revoke = actions.add_parser("revoke", help="refuse a kiosk's token from now on")
    revoke.add_argument("kiosk_id", metavar="ID")
    db_argument(revoke)
    revoke.set_defaults(handler=run_kiosks_revoke)

    export = sub.add_parser("export-uses", help="certificate uses as JSON lines, for publishing")
    db_argument(export)
    export.add_argument(
        "--out", required=True, metavar="FILE", help="JSON lines file ('-': stdout)"
    )
    export.add_argument("--since", metavar="YYYY-MM-DD", help="only uses on or after this day")
    export.set_defaults(handler=run_export_uses)


def _open(args: argparse.Namespace) -> Any:
    from kiosk.hub.db import HubDatabase, HubError

    if not args.db:
        raise HubCommandError(f"--db URL is needed (or set ${DB_ENV})")
    try:
        return HubDatabase.open(args.db)
    except HubError as exc:
        raise HubCommandError(str(exc)) from None


def run_serve(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    from kiosk.hub.db import HubError
    from kiosk.hub.server import serve

    if not args.db:
        raise HubCommandError(f"--db URL is needed (or set ${DB_ENV})")
    if not 0 < args.port < 65536:
        raise HubCommandError(f"--port: {args.port} is not a TCP port")
    try:
        serve(
            args.db,
            Path(args.repo) if args.repo else None,
            host=args.host,
            port=args.port,
            metadata_prefix=args.metadata_path,
            targets_prefix=args.targets_path,
        )
    except HubError as exc:
        raise HubCommandError(str(exc)) from None
    except OSError as exc:
        raise HubCommandError(f"cannot serve on {args.host}:{args.port}: {exc}") from None
    return EXIT_OK


def run_kiosks_add(args: argparse.Namespace) -> int:
    """Register a kiosk and print its token."""
    from kiosk.hub.db import HubError

    db = _open(args)
    try:
        token = db.add_kiosk(args.kiosk_id, args.post)
    except HubError as exc:
        raise HubCommandError(str(exc)) from None
    finally:
        db.close()
    emit({"kiosk_id": args.kiosk_id, "post": args.post, "token": token})
    print(
        "kiosk-hub: the token is shown only now; put it in the kiosk's [sync] token_file",
        file=sys.stderr,
    )
    return EXIT_OK


def run_kiosks_list(args: argparse.Namespace) -> int:
    """One JSON line per kiosk."""
    db = _open(args)
    try:
        for kiosk in db.kiosks():
            emit(
                {
                    "kiosk_id": kiosk.kiosk_id,
                    "post": kiosk.post,
                    "active": kiosk.active,
                    "audit_head": f"{kiosk.audit_seq}:{kiosk.audit_hash}",
                    "last_seen_at": kiosk.last_seen_at,
                    "records": db.record_count(kiosk.kiosk_id),
                    "audit_breaks": len(db.audit_breaks(kiosk.kiosk_id)),
                    "open_audit_breaks": len(db.breaks(kiosk.kiosk_id)),
                }
            )
    finally:
        db.close()
    return EXIT_OK


def run_kiosks_revoke(args: argparse.Namespace) -> int:
    """Refuse a kiosk's token."""
    db = _open(args)
    try:
        found = db.revoke_kiosk(args.kiosk_id)
    finally:
        db.close()
    if not found:
        print(f"kiosk-hub: no kiosk {args.kiosk_id!r}", file=sys.stderr)
        return EXIT_ERROR
    emit({"kiosk_id": args.kiosk_id, "active": False})
    return EXIT_OK


def run_export_uses(args: argparse.Namespace) -> int:
    """Write the certificate uses (atomically: a temporary file renamed into place)."""
    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            raise HubCommandError(f"--since: expected YYYY-MM-DD, got {args.since!r}") from None
    db = _open(args)
    try:
        if args.out == "-":
            count = db.export_uses(sys.stdout, since)
        else:
            out = Path(args.out)
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=".uses-", dir=out.parent)
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    count = db.export_uses(handle, since)
                os.replace(tmp, out)
            except OSError as exc:
                raise HubCommandError(f"cannot write {out}: {exc.strerror}") from None
            emit({"out": str(out), "uses": count})
    finally:
        db.close()
    return EXIT_OK
