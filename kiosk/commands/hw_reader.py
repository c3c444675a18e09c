"""`kiosk hw reader` (print scanned values as JSON lines) and `kiosk hw simulate reader`.

Drivers, simulators and the classifier are imported inside the handlers, so this module
imports fast.
"""

from __future__ import annotations

import argparse
import os
import threading
import time
from typing import TYPE_CHECKING, Any

from kiosk.cli import CommandError
from kiosk.commands.common import emit
from kiosk.commands.hw_scale import register_simulate_kind
from kiosk.settings import Settings

if TYPE_CHECKING:
    from hardware.base import Reader, Scan

KINDS: tuple[str, ...] = ("line", "em4100", "chafon")
"""The ``--kind`` choices (the ``[reader] kind`` setting)."""

DEFAULT_BAUD: dict[str, int] = {"line": 9600, "em4100": 9600, "chafon": 57600}
"""Line speed when ``--baud`` is not given (a USB-CDC scanner ignores it)."""

MAX_TIMEOUT_S = 3600.0
"""The longest ``--timeout`` accepted."""

READ_SLICE_S = 0.2
"""The longest single blocking read, so Ctrl-C and the deadline are seen quickly."""

SIM_DEFAULT_VALUES: dict[str, tuple[str, ...]] = {
    "line": ("BE-KP-2024-000123",),
    "em4100": ("0A1B2C3D4E",),
    "chafon": ("3074257BF7194E4000001A85",),
}
"""What ``simulate reader`` sends when no ``--value`` is given."""


def printable(raw: bytes) -> str:
    """Raw bytes as one printable line: ASCII kept, anything else as ``\\xNN`` (GS is ``\\x1d``).

    Args:
        raw: The frame or line as received.

    Returns:
        The text.
    """
    return "".join(
        chr(b) if 0x20 <= b < 0x7F and b != 0x5C else ("\\\\" if b == 0x5C else f"\\x{b:02x}")
        for b in raw
    )


def scan_record(scan: Scan, kind: str) -> dict[str, Any]:
    """The JSON record of one scanned value, classified and validated.

    Args:
        scan: What the driver returned.
        kind: The reader kind (``line`` values come from a scanner, others from RFID).

    Returns:
        ``kind``, ``value``, ``valid``, ``problem``, ``symbology``, ``raw`` and ``at``.
    """
    from kiosk.domain.identifiers import classify
    from kiosk.domain.models import InputSource

    source = InputSource.SCANNER if kind == "line" else InputSource.RFID
    ident = classify(scan.value, scan.symbology, source)
    return {
        "kind": ident.kind.value,
        "value": ident.value,
        "valid": ident.problem is None,
        "problem": ident.problem,
        "symbology": ident.symbology,
        "raw": scan.raw.hex(" ").upper() if kind == "chafon" else printable(scan.raw),
        "at": scan.at.isoformat(),
    }


# ---- register --------------------------------------------------------------------------------


def register(sub: Any) -> None:
    """Add ``hw reader`` to the ``hw`` subparsers (``simulate reader`` registers at import)."""
    reader: argparse.ArgumentParser = sub.add_parser(
        "reader", help="print each value a barcode scanner or RFID reader sends, as JSON lines"
    )
    reader.add_argument("--port", required=True, help="device path, e.g. /dev/serial/by-id/...")
    reader.add_argument("--kind", default="line", choices=KINDS, help="reader protocol (line)")
    reader.add_argument("--baud", type=int, metavar="N", help="line speed (9600; chafon 57600)")
    reader.add_argument("--count", type=int, metavar="N", help="stop after N values")
    reader.add_argument(
        "--timeout",
        type=float,
        metavar="S",
        help="stop after S seconds; with --count, fewer values by then is an error",
    )
    reader.add_argument(
        "--dedupe",
        type=float,
        default=2.0,
        metavar="S",
        help="RFID: a tag read again within S seconds is printed once (2)",
    )
    reader.set_defaults(handler=run_reader)


# ---- hw reader -------------------------------------------------------------------------------


def _check_args(args: argparse.Namespace) -> None:
    if args.count is not None and args.count < 1:
        raise CommandError(f"--count: must be at least 1, got {args.count}")
    if args.timeout is not None and not 0 < args.timeout <= MAX_TIMEOUT_S:
        raise CommandError(f"--timeout: must be above 0 and at most {MAX_TIMEOUT_S:g} s")
    if args.baud is not None and args.baud <= 0:
        raise CommandError(f"--baud: must be positive, got {args.baud}")
    if args.dedupe < 0:
        raise CommandError(f"--dedupe: must be 0 or more, got {args.dedupe}")


def open_reader(args: argparse.Namespace) -> Reader:
    """The driver for ``--kind`` on ``--port``, opened (so a wrong port fails at once).

    Raises:
        CommandError: Bad line settings or a port that cannot be opened.
    """
    from hardware.base import DeviceError
    from hardware.reader import LineReader
    from hardware.rfid import ByteLink, ChafonReader, Em4100Reader
    from hardware.serial_link import SerialLink, SerialSettings

    try:
        settings = SerialSettings(args.port, baudrate=args.baud or DEFAULT_BAUD[args.kind])
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    driver: LineReader | Em4100Reader | ChafonReader
    if args.kind == "line":
        driver = LineReader(SerialLink(settings))
    elif args.kind == "em4100":
        driver = Em4100Reader(SerialLink(settings), dedupe_s=args.dedupe)
    else:
        driver = ChafonReader(ByteLink(settings), dedupe_s=args.dedupe)
    try:
        driver.link.open()
    except DeviceError as exc:
        raise CommandError(f"cannot open the reader: {_one_line(exc)}") from None
    return driver


def run_reader(_settings: Settings, args: argparse.Namespace) -> int:
    """Print one JSON line per value read until ``--count`` values or ``--timeout``.

    A disconnect is printed as ``{"state": "disconnected", ...}`` and the reader is retried
    until it returns (``{"state": "connected"}``) or the time is up.

    Returns:
        0 when done (or stopped with Ctrl-C).

    Raises:
        CommandError: Bad arguments, a port that cannot be opened, or fewer than ``--count``
            values within ``--timeout``.
    """
    from hardware.base import DeviceDisconnectedError

    _check_args(args)
    reader = open_reader(args)
    deadline = None if args.timeout is None else time.monotonic() + args.timeout
    printed = 0
    disconnected = False
    try:
        while args.count is None or printed < args.count:
            remaining_s = READ_SLICE_S
            if deadline is not None:
                remaining_s = min(remaining_s, deadline - time.monotonic())
                if remaining_s <= 0:
                    break
            try:
                scan = reader.read(remaining_s)
            except DeviceDisconnectedError as exc:
                if not disconnected:
                    emit({"state": "disconnected", "port": args.port, "detail": _one_line(exc)})
                    disconnected = True
                time.sleep(min(READ_SLICE_S, max(0.0, remaining_s)))
                continue
            if disconnected:
                emit({"state": "connected", "port": args.port})
                disconnected = False
            if scan is not None:
                emit(scan_record(scan, args.kind))
                printed += 1
    finally:
        reader.close()
    if args.count is not None and printed < args.count:
        raise CommandError(
            f"only {printed} of {args.count} values read from {args.port} within {args.timeout:g} s"
        )
    return 0


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


# ---- hw simulate reader ----------------------------------------------------------------------


def _sim_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", default="line", choices=KINDS, help="reader protocol (line)")
    parser.add_argument("--link", metavar="PATH", help="also make this stable symlink to the port")
    parser.add_argument(
        "--value",
        action="append",
        metavar="V",
        help="a code (line), card id (em4100, 10 hex) or EPC (chafon); repeatable",
    )
    parser.add_argument(
        "--symbology", default="]C0", metavar="AIM", help="line: AIM prefix sent (]C0; '' for none)"
    )
    parser.add_argument(
        "--interval",
        type=float,
        default=1.0,
        metavar="S",
        help="line/em4100: send the next value every S seconds (1)",
    )


def run_reader_simulator(args: argparse.Namespace, stop: threading.Event) -> int:
    """Run a reader simulator of ``--kind`` until ``stop`` is set.

    A line scanner or EM4100 reader sends the values in turn every ``--interval`` seconds; a
    Chafon reader keeps all of them in its field and answers inventories.

    Returns:
        0 after a clean stop.

    Raises:
        CommandError: Bad values or a simulator that cannot start.
    """
    from hardware.sim.chafon import ChafonSimulator
    from hardware.sim.readers import READER_SIMULATORS, offer

    values: list[str] = list(args.value or SIM_DEFAULT_VALUES[args.kind])
    if not 0 < args.interval <= MAX_TIMEOUT_S:
        raise CommandError(f"--interval: must be above 0 and at most {MAX_TIMEOUT_S:g} s")
    link = os.path.abspath(args.link) if args.link else None
    if link is not None and not os.path.isdir(os.path.dirname(link)):
        raise CommandError(f"--link: folder {os.path.dirname(link)} does not exist")
    if args.kind == "em4100":
        _check_values(values, 10, "an EM4100 card id has 10 hex characters")
    elif args.kind == "chafon":
        _check_values(values, None, "an EPC is whole 16-bit words of hex (e.g. 24 characters)")
    sim = READER_SIMULATORS[args.kind](link)
    try:
        try:
            port = sim.start()
        except OSError as exc:
            raise CommandError(f"cannot start the simulator: {exc}") from None
        if isinstance(sim, ChafonSimulator):
            sim.present(*values)
        emit({"port": os.path.realpath(port), "link": link, "kind": args.kind})
        turn = 0
        while not stop.wait(args.interval):
            value = values[turn % len(values)]
            turn += 1
            if not isinstance(sim, ChafonSimulator):  # UHF tags stay in the field
                offer(sim, value, args.symbology or None)
    finally:
        sim.stop()
    return 0


def _check_values(values: list[str], length: int | None, message: str) -> None:
    for value in values:
        try:
            data = bytes.fromhex(value)
        except ValueError:
            raise CommandError(f"--value {value!r}: {message}") from None
        wrong_length = len(value) != length if length is not None else len(data) % 2 != 0
        if not data or wrong_length:
            raise CommandError(f"--value {value!r}: {message}")


register_simulate_kind(
    "reader",
    _sim_arguments,
    run_reader_simulator,
    help="a barcode scanner or RFID reader (line, em4100, chafon) on a pty; prints its port",
)
