"""The reader simulator registry: every kind reads its offered value through its real driver."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardware.base import Reader
from hardware.reader import LineReader
from hardware.rfid import ByteLink, ChafonReader, Em4100Reader
from hardware.serial_link import SerialLink, SerialSettings
from hardware.sim.readers import READER_SIMULATORS, offer

VALUES = {"line": "BE-KP-2024-000123", "em4100": "0A1B2C3D4E", "chafon": "E28011606000020D"}


def _driver(kind: str, port: str) -> Reader:
    if kind == "line":
        return LineReader(SerialLink(SerialSettings(port)))
    if kind == "em4100":
        return Em4100Reader(SerialLink(SerialSettings(port)))
    return ChafonReader(ByteLink(SerialSettings(port, baudrate=57600)))


@pytest.mark.parametrize("kind", ["line", "em4100", "chafon"])
def test_each_kind_reads_what_it_is_offered(tmp_path: Path, kind: str) -> None:
    assert set(READER_SIMULATORS) == set(VALUES)
    with READER_SIMULATORS[kind](tmp_path / kind) as sim:
        driver = _driver(kind, sim.port)
        try:
            if isinstance(driver, (LineReader, Em4100Reader)):
                driver.link.open()
            assert offer(sim, VALUES[kind])
            scan = driver.read(2.0)
        finally:
            driver.close()
    assert scan is not None
    assert scan.value == VALUES[kind]


def test_offer_rejects_a_bad_card_id(tmp_path: Path) -> None:
    with (
        READER_SIMULATORS["em4100"](tmp_path / "em") as sim,
        pytest.raises(ValueError, match="10 hex"),
    ):
        offer(sim, "not hex")
