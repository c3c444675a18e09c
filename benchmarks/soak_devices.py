"""Unplug and replug the balance (every protocol) and the line scanner hundreds of times.

Real drivers (SerialScale, LineReader over SerialLink) against the simulators on real ptys;
each cycle: a reading before the unplug, a half-sent reply cut by the unplug on some
cycles, the unplug (every call must fail as disconnected, never give a reading), the replug
behind the same symlink, and a reading after it. Counts wrong readings (a value other than
the one on the pan or scanned, or any reading while unplugged or from a partial frame) and
lost ones (nothing within the timeout once the device is back). Both must be zero.

    python benchmarks/soak_devices.py [--cycles N]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from hardware.base import DeviceDisconnectedError, DeviceTimeoutError, FrameError
from hardware.reader import LineReader
from hardware.scale import PROFILES, SerialScale
from hardware.serial_link import SerialLink, SerialSettings
from hardware.sim.scales import SCALE_SIMULATORS
from hardware.sim.scanner import LineScannerSimulator

READ_TIMEOUT_S = 3.0


@dataclass
class Tally:
    """What one device's soak saw."""

    cycles: int = 0
    good: int = 0
    wrong: int = 0
    lost: int = 0
    refused_while_unplugged: int = 0

    def line(self, name: str, seconds: float) -> str:
        return (
            f"{name}: {self.cycles} unplug/replug cycles in {seconds:.1f} s, "
            f"{self.good} good readings, {self.wrong} wrong, {self.lost} lost, "
            f"{self.refused_while_unplugged} calls refused while unplugged"
        )


def soak_scale(protocol: str, cycles: int, tmp: Path) -> Tally:
    tally = Tally()
    profile = PROFILES[protocol]
    sim = SCALE_SIMULATORS[protocol](tmp / f"scale-{protocol}")
    sim.start()
    scale = SerialScale(SerialLink(profile.serial_settings(sim.port)), profile, poll_interval_ms=1)
    try:
        for i in range(cycles):
            tally.cycles += 1
            weight_ct = Decimal("0.500") + Decimal(i % 97) * Decimal("0.013")
            sim.set_weight(weight_ct)
            tally.good += _check_weight(scale, weight_ct, tally)
            if i % 5 == 0:  # a reply cut in half, then the cable goes
                sim.truncate_replies = 1
                try:
                    reading = scale.read_now(timeout_s=0.1)
                except (DeviceTimeoutError, FrameError):
                    pass
                else:
                    tally.wrong += 1
                    print(f"  {protocol}: partial frame became a reading: {reading}")
                sim.truncate_replies = 0
            sim.unplug()
            try:
                reading = scale.read_now(timeout_s=0.2)
            except DeviceDisconnectedError:
                tally.refused_while_unplugged += 1
            except (DeviceTimeoutError, FrameError):
                pass
            else:
                tally.wrong += 1
                print(f"  {protocol}: reading while unplugged: {reading}")
            sim.replug()
            tally.good += _check_weight(scale, weight_ct, tally)
    finally:
        scale.close()
        sim.stop()
    return tally


def _check_weight(scale: SerialScale, weight_ct: Decimal, tally: Tally) -> int:
    deadline = time.monotonic() + READ_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            reading = scale.read_stable(timeout_s=max(0.05, deadline - time.monotonic()))
        except DeviceDisconnectedError:
            time.sleep(0.02)  # the link's back-off after the replug
            continue
        except DeviceTimeoutError:
            break
        if reading.carats != weight_ct:
            tally.wrong += 1
            print(f"  {scale.profile.name}: expected {weight_ct} ct, read {reading}")
            return 0
        return 1
    tally.lost += 1
    print(f"  {scale.profile.name}: no reading of {weight_ct} ct")
    return 0


def soak_reader(cycles: int, tmp: Path) -> Tally:
    tally = Tally()
    sim = LineScannerSimulator(tmp / "scanner")
    sim.start()
    reader = LineReader(SerialLink(SerialSettings(sim.port)))
    try:
        for i in range(cycles):
            tally.cycles += 1
            value = f"MRN24BE{i:010d}"
            tally.good += _check_scan(reader, sim, value, tally)
            sim.unplug()
            try:
                scan = reader.read(timeout_s=0.2)
            except DeviceDisconnectedError:
                tally.refused_while_unplugged += 1
            else:
                if scan is not None:
                    tally.wrong += 1
                    print(f"  reader: scan while unplugged: {scan}")
            sim.replug()
            tally.good += _check_scan(reader, sim, value + "R", tally)
    finally:
        reader.close()
        sim.stop()
    return tally


def _check_scan(reader: LineReader, sim: LineScannerSimulator, value: str, tally: Tally) -> int:
    deadline = time.monotonic() + READ_TIMEOUT_S
    while True:  # the port must be open before the scan: bytes sent earlier are lost
        try:
            reader.link.open(timeout_s=max(0.0, deadline - time.monotonic()))
            break
        except DeviceDisconnectedError:
            if time.monotonic() >= deadline:
                tally.lost += 1
                print(f"  reader: port did not come back for {value}")
                return 0
            time.sleep(0.02)
    sim.scan(value, symbology="]C0")
    scan = reader.read(timeout_s=READ_TIMEOUT_S)
    if scan is None:
        tally.lost += 1
        print(f"  reader: {value} lost")
        return 0
    if (scan.value, scan.symbology) != (value, "]C0"):
        tally.wrong += 1
        print(f"  reader: expected {value}, read {scan}")
        return 0
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--cycles", type=int, default=300, help="unplug/replug cycles per device (300)"
    )
    args = parser.parse_args()
    # Each unplug is logged as a warning by the link; the counts below are what matters.
    logging.basicConfig(level=logging.ERROR)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        scale_total = Tally()
        started = time.perf_counter()
        per_protocol = max(1, args.cycles // len(PROFILES))
        for protocol in PROFILES:
            began = time.perf_counter()
            tally = soak_scale(protocol, per_protocol, Path(tmp))
            print(tally.line(f"scale {protocol}", time.perf_counter() - began), flush=True)
            for field in ("cycles", "good", "wrong", "lost", "refused_while_unplugged"):
                setattr(scale_total, field, getattr(scale_total, field) + getattr(tally, field))
        print(scale_total.line("scale, all protocols", time.perf_counter() - started))
        failed |= scale_total.wrong > 0 or scale_total.lost > 0
        began = time.perf_counter()
        reader = soak_reader(args.cycles, Path(tmp))
        print(reader.line("line scanner", time.perf_counter() - began))
        failed |= reader.wrong > 0 or reader.lost > 0
    print("soak: FAILED (wrong or lost readings)" if failed else "soak: no wrong or lost readings")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
