"""Time from a balance simulator writing a stable reply to the reading on the GUI thread.

The real path: DeviceHub's scale worker (QThread) polls the real SerialScale driver over a
real pty; the simulator records when it has written the first stable reply after a new
weight; the clock stops when ``DeviceHub.weight_changed`` delivers that weight, stable, on
the GUI thread. Each protocol in turn. Target: median under 50 ms.

    python benchmarks/scale_latency.py [--rounds N] [--poll-ms MS]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import summary

from hardware.scale import PROFILES
from kiosk.demo import wait_until
from kiosk.domain.models import WeightReading, WeightState
from kiosk.services.devices import DeviceHub
from kiosk.settings import Settings, with_overrides

TARGET_MS = 50.0
TIMEOUT_MS = 10_000


def _measure(protocol: str, rounds: int, poll_ms: int, tmp: Path) -> list[float]:
    settings = with_overrides(
        Settings(),
        scale={"protocol": protocol, "stable_count": 1, "poll_interval_ms": poll_ms},
        reader={"backend": "none"},
        camera={"backend": "none"},
        printer={"folder": str(tmp / "printed")},
        data={"photos_dir": str(tmp / "photos")},
    )
    hub = DeviceHub(settings)
    arrived: dict[Decimal, float] = {}

    def on_weight(reading: object) -> None:
        assert isinstance(reading, WeightReading)
        if reading.state is WeightState.STABLE and reading.carats is not None:
            arrived.setdefault(reading.carats, time.perf_counter())

    hub.weight_changed.connect(on_weight)
    latencies_ms: list[float] = []
    try:
        hub.start()
        sim = hub.simulators.scale
        assert sim is not None, "the hub did not start a simulated balance"
        sim.dynamic_replies = 0
        original_send = sim.send
        sent: list[tuple[float, bytes]] = []

        def timed_send(data: bytes) -> bool:
            ok = original_send(data)
            if ok:
                sent.append((time.perf_counter(), data))
            return ok

        sim.send = timed_send  # type: ignore[method-assign]
        for i in range(rounds):
            weight_ct = Decimal("1.000") + Decimal(i % 50 + 1) * Decimal("0.011")
            if weight_ct in arrived:
                arrived.clear()
                sim.set_weight(Decimal(0))
                wait_until(lambda: Decimal(0) in arrived, TIMEOUT_MS, "the empty pan")
            sent.clear()
            sim.set_weight(weight_ct)
            wait_until(lambda: weight_ct in arrived, TIMEOUT_MS, f"{weight_ct} ct")  # noqa: B023
            # Every protocol writes the value as its digits (1.011), padded its own way.
            written_at = next(t for t, data in sent if str(weight_ct).encode() in data)
            latencies_ms.append((arrived[weight_ct] - written_at) * 1000)
    finally:
        hub.stop()
    return latencies_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30, help="weights per protocol (30)")
    parser.add_argument("--poll-ms", type=int, default=50, help="scale poll interval (50)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    everything: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for protocol in PROFILES:
            values = _measure(protocol, args.rounds, args.poll_ms, Path(tmp))
            everything += values
            print(summary(f"scale {protocol}: stable reply written -> GUI thread", values))
    what = "scale, all protocols: stable reply written -> GUI thread"
    print(summary(what, everything, TARGET_MS))


if __name__ == "__main__":
    main()
