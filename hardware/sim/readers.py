"""The reader simulators by kind (``[reader] kind``), and one way to offer any of them a value."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from hardware.sim.chafon import ChafonSimulator
from hardware.sim.em4100 import Em4100Simulator
from hardware.sim.scanner import LineScannerSimulator

ReaderSimulator = LineScannerSimulator | Em4100Simulator | ChafonSimulator
"""Any reader simulator: ``start``/``stop``, ``unplug``/``replug``, ``inject_noise``."""

READER_SIMULATORS: Mapping[
    str, type[LineScannerSimulator] | type[Em4100Simulator] | type[ChafonSimulator]
] = MappingProxyType(
    {
        "line": LineScannerSimulator,
        "em4100": Em4100Simulator,
        "chafon": ChafonSimulator,
    }
)
"""Simulator class by reader kind; each takes ``(link_path, *, byte_delay_s=..., ...)``."""


def offer(sim: ReaderSimulator, value: str, symbology: str | None = "]C0") -> bool:
    """Have the simulated reader read ``value`` once.

    A line scanner sends it as a scan (with ``symbology`` as its AIM prefix), an EM4100 reader
    sends the card's frame, a UHF reader takes the tag into its field (replacing any other).

    Args:
        sim: A started simulator.
        value: A code (line), a 10-hex card id (em4100) or an EPC in hex (chafon).
        symbology: The AIM prefix of a line scan, or ``None``.

    Returns:
        Whether the value went out (``False`` when unplugged); always ``True`` for a UHF tag.

    Raises:
        ValueError: A card id or EPC that is not hex of the right length.
    """
    if isinstance(sim, LineScannerSimulator):
        return sim.scan(value, symbology)
    if isinstance(sim, Em4100Simulator):
        return sim.present(value)
    sim.remove()
    sim.present(value)
    return True
