"""`kiosk hw ...`: talk to devices from the command line, for technicians.

Every command prints JSON lines; an error is a non-zero exit with a one-line message.
The subcommands live in one module per device kind, each with ``register(hw_subparsers)``.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

# One line per device kind.
HW_GROUPS: tuple[str, ...] = (
    "kiosk.commands.hw_devices",
    "kiosk.commands.hw_scale",
    "kiosk.commands.hw_reader",
)


def register(sub: Any) -> None:
    """Add the ``hw`` group to the top-level subparsers."""
    hw: argparse.ArgumentParser = sub.add_parser("hw", help="devices: read, test, simulate, detect")
    hw_sub = hw.add_subparsers(dest="hw_command", metavar="DEVICE", required=True)
    for module in HW_GROUPS:
        importlib.import_module(module).register(hw_sub)
