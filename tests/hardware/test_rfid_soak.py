"""Unplug and replug the RFID readers many times: no wrong and no lost reading.

``KIOSK_SOAK_CYCLES=300 pytest tests/hardware/test_rfid_soak.py --timeout=800`` runs the long
soak (about 0.5 s a cycle).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from hardware.base import DeviceDisconnectedError, Reader
from hardware.rfid import ByteLink, ChafonReader, Em4100Reader
from hardware.serial_link import SerialLink, SerialSettings
from hardware.sim.chafon import ChafonSimulator
from hardware.sim.em4100 import Em4100Simulator

CYCLES = int(os.environ.get("KIOSK_SOAK_CYCLES", "8"))
RECOVER_S = 8.0


def _read_expected(reader: Reader, send: object, expected: str) -> tuple[int, int]:
    """(wrong, lost) after reading until ``expected`` arrives or the time is up."""
    wrong = 0
    deadline = time.monotonic() + RECOVER_S
    while time.monotonic() < deadline:
        send()  # type: ignore[operator]
        try:
            scan = reader.read(0.3)
        except DeviceDisconnectedError:
            continue
        if scan is None:
            continue
        if scan.value != expected:
            wrong += 1
            continue
        return wrong, 0
    return wrong, 1


def test_em4100_soak(tmp_path: Path) -> None:
    wrong = lost = 0
    with Em4100Simulator(tmp_path / "em") as sim:
        reader = Em4100Reader(SerialLink(SerialSettings(sim.port)), dedupe_s=60.0)
        try:
            for cycle in range(CYCLES):
                tag = f"{cycle:010X}"
                w, lo = _read_expected(reader, lambda t=tag: sim.present(t), tag)
                wrong, lost = wrong + w, lost + lo
                sim.unplug()
                sim.bad_checksum("FFFFFFFFFF")  # lost on the floor: the pty is gone
                sim.replug()
                sim.inject_noise(b"\x02ABC")  # half a frame right after the replug
        finally:
            reader.close()
    assert (wrong, lost) == (0, 0)
    assert reader.rejected_count <= CYCLES


def test_chafon_soak(tmp_path: Path) -> None:
    wrong = lost = 0
    with ChafonSimulator(tmp_path / "uhf") as sim:
        reader = ChafonReader(
            ByteLink(SerialSettings(sim.port, baudrate=57600)), dedupe_s=60.0, poll_interval_s=0.01
        )
        try:
            for cycle in range(CYCLES):
                epc = f"3074257BF7194E40{cycle:08X}"
                sim.remove()
                sim.present(epc)
                w, lo = _read_expected(reader, lambda: None, epc)
                wrong, lost = wrong + w, lost + lo
                sim.corrupt_replies = 1
                sim.unplug()
                sim.replug()
        finally:
            reader.close()
    assert (wrong, lost) == (0, 0)
