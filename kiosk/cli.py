"""The ``kiosk`` command: run the kiosk, drive a demo shift, show settings.

Every error ends as a one-line message on stderr and a non-zero exit status; the full
traceback goes to the log file, never to the screen.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from kiosk import logs
from kiosk.settings import Settings, SettingsError, default_config_path, load

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure the user can act on; its message is printed as one line."""


Handler = Callable[[Settings, argparse.Namespace], int]
"""A subcommand: gets the settings and the parsed arguments, returns the exit status.

Subparsers set it with ``parser.set_defaults(handler=...)``.
"""

# Modules that add a group of subcommands: each has ``register(subparsers) -> None`` and must
# import quickly (no Qt, no heavy libraries at module level). One line per group.
COMMAND_GROUPS: tuple[str, ...] = (
    "kiosk.commands.hw",
    "kiosk.commands.check",
    "kiosk.commands.data",
    "kiosk.commands.screen",
    "kiosk.commands.audit",
    "kiosk.commands.users",
    "kiosk.commands.slip",
    "kiosk.commands.history",
    "kiosk.commands.sync",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Diamond parcel inspection kiosk (Reg. 833/2014 Art. 3p, Kimberley Process).",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help=f"settings file (default: $KIOSK_CONFIG, else {default_config_path()})",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="open the kiosk window (the default)")
    run.set_defaults(handler=_cmd_run)

    demo = sub.add_parser("demo", help="run a scripted shift on simulated devices and sample data")
    demo.add_argument(
        "--auto", action="store_true", help="drive the GUI by script (works offscreen) and exit"
    )
    demo.add_argument(
        "--out", metavar="DIR", default="demo-out", help="where slips and screenshots go"
    )
    demo.add_argument(
        "--delay-ms", type=int, default=0, help="pause between steps, to watch it on a screen"
    )
    demo.add_argument(
        "--screenshots",
        action="store_true",
        help="with --auto: every screen in every language under DIR/screens/<language>/",
    )
    demo.set_defaults(handler=_cmd_demo)

    config = sub.add_parser("config", help="settings")
    config_sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    show = config_sub.add_parser("show", help="print the effective settings")
    show.add_argument("--json", action="store_true", help="as JSON instead of TOML-like text")
    config_sub.add_parser("path", help="print the settings file in use")
    config.set_defaults(handler=_cmd_config)

    # Further command groups register themselves here, one line each.
    for module in COMMAND_GROUPS:
        importlib.import_module(module).register(sub)
    return parser


def _cmd_run(settings: Settings, _args: argparse.Namespace) -> NoReturn:
    """Run the kiosk, then end the process at once with its status.

    By then the kiosk has stopped: queued steps saved, the database closed, every thread
    joined. Python's own exit then destroyed what was left of Qt's objects in an order Qt does
    not expect, and about one exit in five crashed ("shared QObject was deleted directly",
    SIGSEGV) after everything was saved; a service manager would see a failure.
    """
    from kiosk.app import DisplayError, run

    try:
        status = run(settings)
    except DisplayError as exc:
        raise CommandError(str(exc)) from None
    logs.stop()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def _cmd_demo(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.app import DisplayError
    from kiosk.demo import run_demo

    try:
        return run_demo(
            settings,
            out_dir=Path(args.out),
            auto=args.auto,
            delay_ms=args.delay_ms,
            screenshots=args.screenshots,
        )
    except DisplayError as exc:
        raise CommandError(str(exc)) from None


def _format_toml_like(data: dict[str, object]) -> str:
    lines: list[str] = []
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict)}
    for key, value in scalars.items():
        lines.append(f"{key} = {json.dumps(value)}")
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append("")
            lines.append(f"[{key}]")
            lines.extend(f"{k} = {json.dumps(v)}" for k, v in value.items())
    return "\n".join(lines)


def _cmd_config(settings: Settings, args: argparse.Namespace) -> int:
    if args.config_command == "path":
        print(
            settings.source
            if settings.source != "defaults"
            else f"{default_config_path()} (absent: defaults)"
        )
        return EXIT_OK
    data = settings.to_dict()
    print(json.dumps(data, indent=2) if args.json else _format_toml_like(data))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kiosk`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    command = args.command or "run"
    handler: Handler = getattr(args, "handler", _cmd_run)
    log_path = logs.setup()
    try:
        settings = load(args.config)
        return handler(settings, args)
    except SettingsError as exc:
        print(f"kiosk: bad setting: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CommandError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        log.exception("command %s failed", command)
        print(f"kiosk: {command} failed: {exc} (details in {log_path})", file=sys.stderr)
        return EXIT_ERROR
    finally:
        logs.stop()  # every record written before the command returns


if __name__ == "__main__":
    sys.exit(main())
