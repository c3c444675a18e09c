"""DeviceHub with RFID reader kinds: the real drivers against EM4100 and Chafon simulators."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.sim.chafon import ChafonSimulator
from hardware.sim.em4100 import Em4100Simulator
from kiosk.domain.models import Identifier, IdentifierKind, InputSource
from kiosk.services.devices import DeviceHub
from kiosk.settings import Settings, with_overrides

SGTIN = "3074257BF7194E4000001A85"


def _hub(tmp_path: Path, kind: str) -> DeviceHub:
    settings = with_overrides(
        Settings(),
        scale={"backend": "none"},
        camera={"backend": "none"},
        reader={"kind": kind, "dedupe_s": 0.5},
        printer={"folder": str(tmp_path / "printed")},
        data={"photos_dir": str(tmp_path / "photos")},
    )
    return DeviceHub(settings)


@pytest.fixture
def em_hub(qtbot: QtBot, tmp_path: Path) -> Iterator[DeviceHub]:
    hub = _hub(tmp_path, "em4100")
    yield hub
    hub.stop()


@pytest.fixture
def uhf_hub(qtbot: QtBot, tmp_path: Path) -> Iterator[DeviceHub]:
    hub = _hub(tmp_path, "chafon")
    yield hub
    hub.stop()


def _states(hub: DeviceHub) -> list[tuple[str, str, str]]:
    states: list[tuple[str, str, str]] = []
    hub.device_state_changed.connect(lambda d, s, x: states.append((d, s, x)))
    return states


def test_em4100_card_reaches_the_gui_as_an_rfid_seal(qtbot: QtBot, em_hub: DeviceHub) -> None:
    found: list[Identifier] = []
    em_hub.identifier_scanned.connect(found.append)
    states = _states(em_hub)
    em_hub.start()
    sim = em_hub.simulators.rfid
    assert isinstance(sim, Em4100Simulator)
    assert em_hub.simulators.reader is None
    qtbot.waitUntil(lambda: ("reader", "ok") in [(d, s) for d, s, _ in states], timeout=5000)
    assert any("EM4100" in x for d, _, x in states if d == "reader")
    sim.present("0A1B2C3D4E", repeats=4, gap_s=0.01)
    qtbot.waitUntil(lambda: len(found) == 1, timeout=3000)
    qtbot.wait(200)
    assert len(found) == 1  # the repeats of a card left on the reader
    ident = found[0]
    assert (ident.kind, ident.value, ident.source) == (
        IdentifierKind.SEAL,
        "0A1B2C3D4E",
        InputSource.RFID,
    )


def test_chafon_tags_reach_the_gui_as_epcs(qtbot: QtBot, uhf_hub: DeviceHub) -> None:
    found: list[Identifier] = []
    uhf_hub.identifier_scanned.connect(found.append)
    uhf_hub.start()
    sim = uhf_hub.simulators.rfid
    assert isinstance(sim, ChafonSimulator)
    sim.present(SGTIN, "E28011606000020D1A2B3C4D")
    qtbot.waitUntil(lambda: len(found) == 2, timeout=5000)
    by_value = {i.value: i for i in found}
    assert by_value[SGTIN].kind is IdentifierKind.EPC
    assert by_value[SGTIN].problem is None
    assert by_value["E28011606000020D1A2B3C4D"].kind is IdentifierKind.SEAL
    assert {i.source for i in found} == {InputSource.RFID}
