"""The ``kiosk-hub`` command: signing keys, publishing data bundles (and, later, serving).

Every error ends as one line on stderr and exit status 1; results are JSON lines on stdout.
Subcommand groups register themselves through ``HUB_COMMANDS`` (one line each), so the
server (``serve``) is added without touching the rest.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_ERROR = 1


class HubCommandError(Exception):
    """A failure the operator can act on; printed as one line."""


HubHandler = Callable[[argparse.Namespace], int]

# Modules with ``register(subparsers) -> None`` adding more subcommands (e.g. ``serve``).
HUB_COMMANDS: tuple[str, ...] = ("kiosk.hub.records_cli", "kiosk.hub.admin_cli")


def _emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def _cmd_keys_init(args: argparse.Namespace) -> int:
    from kiosk.hub.keys import HubKeyError, init_keys

    try:
        root = init_keys(Path(args.dir))
    except HubKeyError as exc:
        raise HubCommandError(str(exc)) from None
    _emit({"keys": str(args.dir), "root": str(root), "root_key": str(Path(args.dir) / "root")})
    print(
        f"kiosk-hub: WARNING: move {Path(args.dir) / 'root' / 'root.key'} offline now; "
        f"kiosks pin {root} ([sync] tuf_root)",
        file=sys.stderr,
    )
    return EXIT_OK


def _cmd_publish(args: argparse.Namespace) -> int:
    from kiosk.hub.keys import HubKeyError
    from kiosk.hub.publish import PublishError, publish

    try:
        result = publish(
            Path(args.sources), Path(args.repo), Path(args.keys), expires_days=args.expires_days
        )
    except (PublishError, HubKeyError) as exc:
        raise HubCommandError(f"not published: {exc}") from None
    _emit(
        {
            "version": result.version,
            "bundle": str(result.bundle),
            "bytes": result.bytes,
            "sha256": result.sha256,
            "expires": result.expires_at.isoformat(),
            "counts": result.manifest.counts,
            "sources": [
                {"name": s.name, "file": s.file, "published": s.published, "counts": s.counts}
                for s in result.manifest.sources
            ],
        }
    )
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``kiosk-hub``."""
    top = argparse.ArgumentParser(
        prog="kiosk-hub", description="Inspection Kiosk hub: signed data updates for the posts."
    )
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    keys = sub.add_parser("keys", help="TUF signing keys")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    init = keys_sub.add_parser(
        "init", help="make root (offline), targets, snapshot, timestamp keys and root.json"
    )
    init.add_argument("dir", metavar="DIR")
    init.set_defaults(handler=_cmd_keys_init)
    pub = sub.add_parser("publish", help="build a data bundle and sign it into the repository")
    pub.add_argument("--sources", required=True, metavar="DIR", help="official files")
    pub.add_argument("--repo", required=True, metavar="DIR", help="TUF repository (served)")
    pub.add_argument("--keys", required=True, metavar="DIR", help="from kiosk-hub keys init")
    pub.add_argument(
        "--expires-days",
        type=float,
        default=7.0,
        metavar="N",
        help="metadata validity in days (default 7); republish before it runs out",
    )
    pub.set_defaults(handler=_cmd_publish)
    for module in HUB_COMMANDS:
        importlib.import_module(module).register(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kiosk-hub`` console script."""
    args = parser().parse_args(argv)
    handler: HubHandler = args.handler
    try:
        return handler(args)
    except HubCommandError as exc:
        print(f"kiosk-hub: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        print(f"kiosk-hub: {args.command} failed: {exc!r}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
