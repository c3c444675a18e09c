"""`kiosk hw scale` (read, zero, tare, info, watch) and `kiosk hw simulate <kind>`.

``simulate`` is a sub-group: ``scale`` is one kind; other device kinds add theirs with
``register_simulate_kind`` (see there). Drivers and simulators are imported inside the
handlers, so this module imports fast.
"""

from __future__ import annotations

import argparse
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any

from kiosk.cli import CommandError
from kiosk.commands.common import emit
from kiosk.settings import Settings

if TYPE_CHECKING:
    from hardware.base import ScaleReading
    from hardware.scale import SerialScale

PROTOCOLS: tuple[str, ...] = ("mt-sics", "ad", "sbi", "ohaus")
"""The ``--protocol`` choices: the keys of ``hardware.scale.PROFILES`` (a test keeps them equal)."""

MAX_TIMEOUT_S = 600.0
"""The longest ``--timeout`` accepted."""

WATCH_RETRY_S = 0.5
"""``watch`` waits this long after a disconnected or silent balance before polling again."""


# ---- simulate: the hook for other device kinds ---------------------------------------------

SimulateRun = Callable[[argparse.Namespace, threading.Event], int]
"""Runs one simulator: start it, ``emit`` its port line, wait until the event is set (SIGINT
or SIGTERM), stop it cleanly, return the exit status."""


@dataclass(frozen=True, slots=True)
class SimulateKind:
    """One ``kiosk hw simulate <name>`` kind."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: SimulateRun


SIMULATE_KINDS: dict[str, SimulateKind] = {}
"""Registered simulator kinds by name (``scale`` is built in)."""

_simulate_sub: Any = None  # the subparsers of the ``simulate`` parser being built, if any


def register_simulate_kind(
    name: str,
    add_arguments: Callable[[argparse.ArgumentParser], None],
    run: SimulateRun,
    help: str = "",  # noqa: A002 - argparse's own word
) -> None:
    """Add a kind to ``kiosk hw simulate``.

    Call it from your command module's ``register(hw_subparsers)`` (or at its import). The
    kind is added to the parser being built if ``simulate`` already exists, else when it is
    built. ``run`` gets the parsed arguments and a stop event that SIGINT and SIGTERM set;
    it must print one JSON line with at least ``{"port": ...}`` once the simulator listens,
    then wait for the event and stop the simulator before returning (0 on a clean stop).

    Args:
        name: The kind (``reader``), unique.
        add_arguments: Adds the kind's options to its subparser.
        run: Runs the simulator until the stop event is set.
        help: One line for ``--help``.
    """
    kind = SimulateKind(name, help, add_arguments, run)
    SIMULATE_KINDS[name] = kind
    if _simulate_sub is not None and name not in _simulate_sub.choices:
        _add_simulate_kind(_simulate_sub, kind)


def _add_simulate_kind(sub: Any, kind: SimulateKind) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(kind.name, help=kind.help)
    kind.add_arguments(parser)
    parser.set_defaults(handler=_simulate_handler(kind))


def _simulate_handler(kind: SimulateKind) -> Callable[[Settings, argparse.Namespace], int]:
    def handler(_settings: Settings, args: argparse.Namespace) -> int:
        stop = threading.Event()

        def on_signal(_signum: int, _frame: FrameType | None) -> None:
            stop.set()

        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            return kind.run(args, stop)
        finally:
            for sig, old in previous.items():
                signal.signal(sig, old)

    return handler


# ---- register --------------------------------------------------------------------------------


def register(sub: Any) -> None:
    """Add ``hw scale`` and ``hw simulate`` to the ``hw`` subparsers."""
    global _simulate_sub
    scale: argparse.ArgumentParser = sub.add_parser(
        "scale", help="read, zero, tare, identify or watch a balance on a serial port"
    )
    scale.add_argument("--port", required=True, help="device path, e.g. /dev/serial/by-id/...")
    scale.add_argument("--protocol", required=True, choices=PROTOCOLS)
    scale.add_argument("--baud", type=int, metavar="N", help="line speed (profile default)")
    scale.add_argument("--bytesize", type=int, choices=(5, 6, 7, 8), metavar="N")
    scale.add_argument("--parity", choices=("N", "E", "O", "M", "S"))
    scale.add_argument("--stopbits", type=float, choices=(1, 1.5, 2), metavar="N")
    scale.add_argument(
        "--stable-count", type=int, default=3, metavar="N",
        help="identical stable replies needed by read (3)",
    )
    scale.add_argument(
        "--timeout", type=float, default=5.0, metavar="S", help="how long to wait (5 s)"
    )
    actions = scale.add_subparsers(dest="scale_action", metavar="ACTION", required=True)
    actions.add_parser("read", help="print one stable reading")
    actions.add_parser("zero", help="zero the balance")
    actions.add_parser("tare", help="tare the balance and print the tare weight")
    actions.add_parser("info", help="print model, serial number, capacity, firmware")
    watch = actions.add_parser("watch", help="print every reply until Ctrl-C or --count")
    watch.add_argument("--count", type=int, metavar="N", help="stop after N lines")
    watch.add_argument(
        "--interval-ms", type=int, default=200, metavar="MS", help="pause between polls (200)"
    )
    scale.set_defaults(handler=run_scale)

    simulate: argparse.ArgumentParser = sub.add_parser(
        "simulate", help="run a device simulator on a pseudo-terminal until Ctrl-C"
    )
    _simulate_sub = simulate.add_subparsers(dest="simulate_kind", metavar="KIND", required=True)
    for kind in SIMULATE_KINDS.values():
        _add_simulate_kind(_simulate_sub, kind)


# ---- hw scale --------------------------------------------------------------------------------


def reading_record(reading: ScaleReading) -> dict[str, Any]:
    """A reading as the JSON object ``hw scale`` prints.

    Args:
        reading: The reading.

    Returns:
        ``state``, ``value``, ``unit``, ``carats`` (decimal text or null) and ``raw``.
    """
    carats = reading.carats
    return {
        "state": reading.state.value,
        "value": None if reading.value is None else str(reading.value),
        "unit": reading.unit,
        "carats": None if carats is None else str(carats),
        "raw": reading.raw,
    }


def _open_scale(args: argparse.Namespace) -> SerialScale:
    from hardware.scale import PROFILES, SerialScale
    from hardware.serial_link import SerialLink

    profile = PROFILES.get(args.protocol)
    if profile is None:  # pragma: no cover - argparse checks the choices
        raise CommandError(f"unknown scale protocol {args.protocol!r}")
    if not 0 < args.timeout <= MAX_TIMEOUT_S:
        raise CommandError(f"--timeout must be in (0, {MAX_TIMEOUT_S:g}] seconds")
    if args.stable_count < 1:
        raise CommandError("--stable-count must be at least 1")
    overrides: dict[str, object] = {}
    for option, field in (
        ("baud", "baudrate"), ("bytesize", "bytesize"), ("parity", "parity"),
        ("stopbits", "stopbits"),
    ):
        value = getattr(args, option)
        if value is not None:
            overrides[field] = value
    try:
        settings = profile.serial_settings(args.port, **overrides)
        return SerialScale(
            SerialLink(settings), profile, stable_count=args.stable_count, poll_interval_ms=50
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def run_scale(_settings: Settings, args: argparse.Namespace) -> int:
    """``kiosk hw scale ... ACTION``: one JSON line per result; errors as ``CommandError``."""
    from hardware.base import DeviceError

    scale = _open_scale(args)
    try:
        if args.scale_action == "watch":
            return _watch(scale, args)
        if args.scale_action == "read":
            emit(reading_record(scale.read_stable(timeout_s=args.timeout)))
        elif args.scale_action == "zero":
            scale.zero(timeout_s=args.timeout)
            emit({"action": "zero", "done": True})
        elif args.scale_action == "tare":
            emit({"action": "tare", **reading_record(scale.tare(timeout_s=args.timeout))})
        else:
            info = scale.info(timeout_s=args.timeout)
            emit(
                {
                    "protocol": args.protocol,
                    "model": info.model,
                    "serial": info.serial,
                    "capacity": info.capacity,
                    "firmware": info.firmware,
                }
            )
    except DeviceError as exc:
        raise CommandError(_one_line(exc)) from None
    finally:
        scale.close()
    return 0


def _watch(scale: SerialScale, args: argparse.Namespace) -> int:
    """Print every reply; a port that never opens is an error, a later unplug a JSON line."""
    from hardware.base import DeviceDisconnectedError, DeviceTimeoutError, FrameError

    if args.count is not None and args.count < 1:
        raise CommandError("--count must be at least 1")
    if args.interval_ms < 0:
        raise CommandError("--interval-ms must not be negative")
    printed = 0
    seen_port = False
    try:
        while args.count is None or printed < args.count:
            pause_s = args.interval_ms / 1000
            try:
                emit(reading_record(scale.read_now(timeout_s=min(args.timeout, 1.0))))
            except FrameError as exc:
                emit({"state": "error", "error": _one_line(exc)})
            except (DeviceDisconnectedError, DeviceTimeoutError) as exc:
                if not seen_port and not scale.link.connected:
                    # Never opened: a wrong path or settings, not a cable pulled mid-watch.
                    raise CommandError(_one_line(exc)) from None
                emit({"state": "disconnected", "error": _one_line(exc)})
                pause_s = max(pause_s, WATCH_RETRY_S)
            seen_port = True
            printed += 1
            if args.count is None or printed < args.count:
                time.sleep(pause_s)
    except KeyboardInterrupt:
        pass
    return 0


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


# ---- hw simulate scale -------------------------------------------------------------------------


def _scale_sim_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--protocol", default="mt-sics", choices=PROTOCOLS)
    parser.add_argument(
        "--link", metavar="PATH", help="also make this stable symlink to the port"
    )
    parser.add_argument(
        "--weight", default="0", metavar="CT", help="gross weight on the pan, in carats (0)"
    )


def run_scale_simulator(args: argparse.Namespace, stop: threading.Event) -> int:
    """Run the balance simulator of ``--protocol`` until ``stop`` is set.

    Args:
        args: ``protocol``, ``link`` and ``weight``.
        stop: Set by SIGINT or SIGTERM.

    Returns:
        0 after a clean stop.
    """
    from decimal import Decimal, InvalidOperation

    from hardware.sim.scales import SCALE_SIMULATORS

    try:
        weight_ct = Decimal(args.weight)
    except InvalidOperation:
        raise CommandError(f"--weight: not a number of carats: {args.weight!r}") from None
    if not weight_ct.is_finite():
        raise CommandError(f"--weight: not a number of carats: {args.weight!r}")
    link = os.path.abspath(args.link) if args.link else None
    if link is not None and not os.path.isdir(os.path.dirname(link)):
        raise CommandError(f"--link: folder {os.path.dirname(link)} does not exist")
    sim = SCALE_SIMULATORS[args.protocol](link)
    try:
        try:
            port = sim.start()
        except OSError as exc:
            raise CommandError(f"cannot start the simulator: {exc}") from None
        sim.set_weight(weight_ct)
        emit({"port": os.path.realpath(port), "link": link, "protocol": args.protocol})
        while not stop.wait(0.2):
            pass
    finally:
        sim.stop()
    return 0


register_simulate_kind(
    "scale",
    _scale_sim_arguments,
    run_scale_simulator,
    help="a balance (mt-sics, ad, sbi, ohaus) on a pty; prints its port",
)
