"""End to end: the whole kiosk with a hub configured sends a finished inspection to a real hub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.demo import AutoShift, demo_settings
from kiosk.hub.db import HubDatabase
from kiosk.services.simulation import SimulatedPost, sample_parcels
from kiosk.settings import Settings, with_overrides
from tests.records.hubproc import HubProcess, add_kiosk


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    proc = HubProcess(f"sqlite:///{tmp_path / 'hub.sqlite'}", tmp_path / "repo")
    proc.start()
    yield proc
    proc.stop()


def test_a_closed_inspection_reaches_the_hub_from_the_running_kiosk(
    hub: HubProcess, tmp_path: Path, qtbot: QtBot
) -> None:
    token_file = tmp_path / "hub.token"
    token_file.write_text(add_kiosk(hub.db_url, "ANR-DO-01") + "\n")
    settings = with_overrides(
        demo_settings(Settings(), tmp_path),
        sync={"hub_url": hub.url, "token_file": str(token_file), "timeout_s": 10.0},
    )
    kiosk = Kiosk(settings)
    try:
        kiosk.start(wait_s=30)
        kiosk.window.resize(1280, 800)
        kiosk.window.present()
        sync = kiosk.sync
        assert sync is not None
        qtbot.waitUntil(lambda: sync.status().last_attempt_at is not None, timeout=30_000)

        shift = AutoShift(kiosk, SimulatedPost(kiosk.devices, sample_parcels()), tmp_path, 0)
        shift.sign_in()
        first = shift.inspect(0)
        shift.inspect(1)  # "Next parcel" closed the first: it is queued
        qtbot.waitUntil(lambda: sync.status().records_waiting >= 1, timeout=20_000)
        with qtbot.waitSignal(sync.cycle_finished, timeout=30_000):
            sync.sync_now()
        assert sync.status().last_error is None
        assert kiosk.window.show_screen("sync")
        texts = kiosk.window.sync_screen.texts()
        qtbot.wait(100)  # let replaced widgets go before the screenshot
        kiosk.window.grab().save(str(tmp_path / "sync-screen.png"))
    finally:
        kiosk.stop()
    db = HubDatabase.open(hub.db_url)
    try:
        stored = db.record(first.inspection)
    finally:
        db.close()
    assert stored is not None
    assert stored["inspection"]["final_outcome"] == first.verdict
    assert stored["photo_bytes"]
    assert stored["slip_bytes"]
    assert texts["waiting"]
