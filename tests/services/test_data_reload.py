"""New reference data applied by the sync is used by the checks at once, without a restart."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.domain.models import Declaration, Inspection, Outcome, StoneBand
from kiosk.hub.keys import init_keys
from kiosk.hub.publish import publish
from kiosk.services.inspection import InspectionController
from kiosk.services.sync import SyncService
from kiosk.settings import Settings, with_overrides
from kiosk.store import Store
from kiosk.store.repository import DataVersion
from kiosk.sync.data_in import DataUpdater
from tests.sync.hubfixtures import kiosk_settings, make_sources, serving

LISTED = "Abdelhamid Abou Zeid"  # in the bundle's EU excerpt, not in the sample data
UNKNOWN_KP = "CA2026990777"


def _declaration() -> Declaration:
    return Declaration(
        reference="typed at the kiosk",
        kp_number=UNKNOWN_KP,
        cn_code="7102.10.00",
        exporter=LISTED,
        importer="Schelde Rough Trading BV",
        origin_countries=("CA",),
        export_country="CA",
        declared_carats=Decimal("100.000"),
        stones=(StoneBand(Decimal("0"), Decimal("0.5"), 400, Decimal("100.000")),),
    )


def _decide(qtbot: QtBot, controller: InspectionController) -> Inspection:
    controller.add_typed_identifier(UNKNOWN_KP)
    qtbot.waitUntil(
        lambda: controller.current is not None and len(controller.current.identifiers) == 1,
        timeout=10_000,
    )
    controller.enter_declaration(_declaration())
    qtbot.waitUntil(
        lambda: controller.current is not None and controller.current.declaration is not None,
        timeout=10_000,
    )
    with qtbot.waitSignal(controller.verdict_ready, timeout=15_000) as blocker:
        controller.check_now()
    decided = blocker.args[0]
    assert isinstance(decided, Inspection)
    assert decided.verdict is not None
    return decided


def test_a_bundle_applied_by_the_sync_is_used_by_the_next_check(
    qtbot: QtBot, tmp_path: Path
) -> None:
    keys = tmp_path / "hub" / "keys"
    init_keys(keys)
    repo = tmp_path / "repo"
    repo.mkdir()
    publish(make_sources(tmp_path / "sources"), repo, keys)
    settings: Settings = with_overrides(
        Settings(),
        data={
            "database": str(tmp_path / "kiosk.sqlite"),
            "photos_dir": str(tmp_path / "photos"),
            "slips_dir": str(tmp_path / "slips"),
        },
    )
    controller = InspectionController(settings)
    statuses: list[object] = []
    controller.data_status_changed.connect(statuses.append)
    errors: list[str] = []
    controller.error_occurred.connect(errors.append)
    sync = SyncService(settings)  # not started: its signal is what the app wires
    sync.data_changed.connect(controller._on_sync_data_changed)
    try:
        controller.start()
        with qtbot.waitSignal(controller.signed_in, timeout=10_000):
            controller.sign_in("inspector", "1234")
        qtbot.waitUntil(lambda: controller.current is not None, timeout=5_000)

        before = _decide(qtbot, controller)
        assert before.verdict is not None
        assert before.verdict.outcome is not Outcome.REFUSE
        assert not any(LISTED in r.message for r in before.verdict.reasons)

        # The sync applies bundle 1 (its own connection to the same database file).
        with serving(repo) as hub, Store.open(settings.database_url) as store:
            sync_settings = kiosk_settings(hub.url, keys / "root.json", tmp_path / "tuf")
            assert DataUpdater(sync_settings, store).run_once().changed
        with qtbot.waitSignal(controller.data_status_changed, timeout=15_000) as reloaded:
            sync.data_changed.emit()
        version = reloaded.args[0]
        assert isinstance(version, DataVersion)
        assert version.version == "bundle-1"
        assert controller.data_version == version

        with qtbot.waitSignal(controller.inspection_changed, timeout=10_000):
            controller.next_parcel()
        qtbot.waitUntil(
            lambda: controller.current is not None and controller.current.id != before.id,
            timeout=10_000,
        )
        after = _decide(qtbot, controller)
        assert after.verdict is not None
        assert after.verdict.outcome is Outcome.REFUSE
        assert any(LISTED in r.message for r in after.verdict.reasons)
        assert errors == []
    finally:
        controller.shutdown()
        sync.shutdown()
