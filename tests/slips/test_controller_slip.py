"""The inspection controller writes signed slips: kiosk key on first use, QR verified by the CLI."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.domain.models import Inspection, Outcome
from kiosk.services.devices import DeviceHub
from kiosk.services.inspection import SAMPLE_DIR, InspectionController
from kiosk.settings import Settings, with_overrides
from kiosk.slips.qrread import read_slip_qr

PARCELS: list[dict[str, Any]] = json.loads((SAMPLE_DIR / "parcels.json").read_text("utf-8"))


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[InspectionController, DeviceHub]]:
    """A started controller on simulated devices, its own database, slips in tmp_path."""
    settings = with_overrides(
        Settings(),
        data={
            "database": str(tmp_path / "kiosk.sqlite"),
            "photos_dir": str(tmp_path / "photos"),
            "slips_dir": str(tmp_path / "slips"),
        },
        scale={"stable_count": 3, "poll_interval_ms": 20, "timeout_s": 0.5},
        camera={"width": 320, "height": 240},
        printer={"folder": str(tmp_path / "printed")},
    )
    hub = DeviceHub(settings)
    ctrl = InspectionController(settings, hub)
    try:
        ctrl.start()
        hub.start()
        qtbot.waitUntil(
            lambda: all(hub.state(d)[0] == "ok" for d in ("scale", "reader", "camera")),
            timeout=10000,
        )
        yield ctrl, hub
    finally:
        ctrl.shutdown()
        hub.stop()


def test_controller_slip_carries_a_verifiable_qr(
    qtbot: QtBot,
    controller: tuple[InspectionController, DeviceHub],
    capsys: pytest.CaptureFixture[str],
) -> None:
    ctrl, hub = controller
    with qtbot.waitSignal(ctrl.signed_in, timeout=10000):
        ctrl.sign_in("inspector", "1234")
    qtbot.waitUntil(lambda: ctrl.current is not None, timeout=5000)
    parcel = next(p for p in PARCELS if p["expected"] == "CLEAR")
    reader, scale = hub.simulators.reader, hub.simulators.scale
    assert reader is not None
    assert scale is not None
    for scan in parcel["scans"]:
        reader.scan(scan["value"], scan["symbology"])
    qtbot.waitUntil(
        lambda: ctrl.current is not None and len(ctrl.current.identifiers) == len(parcel["scans"]),
        timeout=10000,
    )
    with qtbot.waitSignal(ctrl.verdict_ready, timeout=15000) as blocker:
        scale.set_weight(Decimal(parcel["weight_ct"]))
    result = blocker.args[0]
    assert isinstance(result, Inspection)
    assert result.slip_path is not None

    settings = Settings()  # the same isolated user data directory as the controller's
    key_file = settings.data_dir / "keys" / f"{settings.kiosk.kiosk_id}.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.with_suffix(".pub").is_file()

    (payload,) = read_slip_qr(Path(result.slip_path))
    assert len(payload) <= 300
    assert main(["slip", "verify", result.slip_path]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"VALID: {result.id} {Outcome.CLEAR.label} ")
    fields = dict(part.split("=", 1) for part in out.split() if "=" in part)
    assert Decimal(fields["measured_ct"]) == Decimal(parcel["weight_ct"])
    assert fields["kiosk"] == settings.kiosk.kiosk_id
