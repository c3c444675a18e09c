"""The background SyncService against a real hub process: status on the GUI thread, Sync now."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.domain.sync import SyncStatus
from kiosk.services.sync import SyncService
from kiosk.ui.ports import SyncPort
from tests.records.hubproc import HubProcess, add_kiosk
from tests.records.kiosks import make_kiosk


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    """A hub on SQLite, stopped after the test."""
    proc = HubProcess(f"sqlite:///{tmp_path / 'hub.sqlite'}", tmp_path / "repo")
    proc.start()
    yield proc
    proc.stop()


def test_sync_service_sends_the_queue_and_reports_on_the_gui_thread(
    qtbot: QtBot, hub: HubProcess, tmp_path: Path
) -> None:
    kiosk = make_kiosk(tmp_path / "k1", hub.url, add_kiosk(hub.db_url, "ANR-DO-01"))
    kiosk.finish()
    kiosk.finish()
    service = SyncService(kiosk.settings)
    port: SyncPort = service
    seen: list[SyncStatus] = []
    port.status_changed.connect(seen.append)
    assert port.status().enabled
    try:
        service.start()
        qtbot.waitUntil(
            lambda: bool(seen) and not seen[-1].syncing and seen[-1].last_attempt_at is not None,
            timeout=20_000,
        )
        assert any(s.syncing for s in seen)
        final = port.status()
        assert (final.records_waiting, final.records_failing) == (0, 0)
        assert final.last_success_at is not None
        assert final.last_error is None

        # A record finished while the hub is down waits; "Sync now" sends it when it is back.
        hub.stop()
        kiosk.finish()
        with qtbot.waitSignal(service.cycle_finished, timeout=20_000):
            port.sync_now()
        assert port.status().records_waiting == 1
        assert "hub unreachable" in (port.status().last_error or "")
        hub.start()
        with qtbot.waitSignal(service.cycle_finished, timeout=20_000):
            port.sync_now()
        assert port.status().records_waiting == 0
        assert port.status().last_error is None
    finally:
        service.shutdown()
        kiosk.store.close()
    assert not service.running


def test_without_a_hub_the_service_is_off(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = make_kiosk(tmp_path / "k1", "", "unused")
    kiosk.finish()
    service = SyncService(kiosk.settings)
    try:
        with qtbot.waitSignal(service.status_changed, timeout=10_000) as blocker:
            service.start()
        status = blocker.args[0]
        assert not status.enabled
        assert status.records_waiting == 1
        service.sync_now()  # no hub: nothing starts
        assert not service.status().syncing
    finally:
        service.shutdown()
        kiosk.store.close()
