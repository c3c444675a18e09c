"""The balance simulators by protocol, keyed like ``hardware.scale.PROFILES``."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from hardware.sim.ad import AdSimulator
from hardware.sim.balance import SimulatedBalance
from hardware.sim.mtsics import MtSicsSimulator
from hardware.sim.ohaus import OhausSimulator
from hardware.sim.sbi import SbiSimulator

ScaleSimulator = MtSicsSimulator | SimulatedBalance
"""Any balance simulator: ``set_weight``, ``net_ct``, ``busy``, ``unplug``/``replug``..."""

SCALE_SIMULATORS: Mapping[str, type[MtSicsSimulator] | type[SimulatedBalance]] = (
    MappingProxyType(
        {
            "mt-sics": MtSicsSimulator,
            "ad": AdSimulator,
            "sbi": SbiSimulator,
            "ohaus": OhausSimulator,
        }
    )
)
"""Simulator class by protocol name; each takes ``(link_path, *, capacity_ct=..., ...)``."""
