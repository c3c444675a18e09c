"""The language a user chose is saved by the controller and known again after a restart."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.services.devices import DeviceHub
from kiosk.services.inspection import InspectionController
from tests.services.test_inspection import kiosk_settings


def test_a_remembered_language_survives_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    settings = kiosk_settings(tmp_path)
    hub = DeviceHub(settings)  # never started: no device is needed here
    first = InspectionController(settings, hub)
    try:
        first.start(wait_s=30)
        assert first.user_language("inspector") is None
        first.remember_language("inspector", "nl")
        assert first.user_language("inspector") == "nl"  # at once, before the write is done
    finally:
        first.shutdown()  # finishes the queued write
    again = InspectionController(settings, hub)
    try:
        again.start(wait_s=30)
        assert again.user_language("inspector") == "nl"
        assert again.user_language("supervisor") is None
    finally:
        again.shutdown()
