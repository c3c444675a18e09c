"""Supervisor override (R18) through the controller: real SQLite file, sample data, real slip."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from kiosk.domain.models import Inspection, InspectionState, Outcome, OverrideCode
from kiosk.services.devices import DeviceHub
from kiosk.services.inspection import SAMPLE_DIR, InspectionController
from kiosk.settings import Settings, with_overrides
from kiosk.store import Store

PARCELS: list[dict[str, Any]] = json.loads((SAMPLE_DIR / "parcels.json").read_text("utf-8"))


def parcel(label_start: str) -> dict[str, Any]:
    return next(p for p in PARCELS if p["label"].startswith(label_start))


@dataclass
class Kiosk:
    settings: Settings
    hub: DeviceHub
    controller: InspectionController
    recorded: list[Inspection]
    refused: list[str]


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[Kiosk]:
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
    controller = InspectionController(settings, hub)
    k = Kiosk(settings, hub, controller, [], [])
    controller.override_recorded.connect(k.recorded.append)
    controller.override_refused.connect(k.refused.append)
    try:
        controller.start()
        hub.start()
        qtbot.waitUntil(
            lambda: all(hub.state(d)[0] == "ok" for d in ("scale", "reader", "camera")),
            timeout=10000,
        )
        yield k
    finally:
        controller.shutdown()
        hub.stop()


def sign_in(qtbot: QtBot, k: Kiosk, username: str, pin: str) -> None:
    with qtbot.waitSignal(k.controller.signed_in, timeout=10000):
        k.controller.sign_in(username, pin)
    qtbot.waitUntil(lambda: k.controller.current is not None, timeout=5000)


def present(qtbot: QtBot, k: Kiosk, label_start: str) -> Inspection:
    """Scan the parcel's codes and weigh it; returns the decided inspection."""
    p = parcel(label_start)
    reader = k.hub.simulators.reader
    scale = k.hub.simulators.scale
    assert reader is not None
    assert scale is not None
    for s in p["scans"]:
        reader.scan(s["value"], s["symbology"])
    qtbot.waitUntil(
        lambda: k.controller.current is not None
        and len(k.controller.current.identifiers) == len(p["scans"]),
        timeout=10000,
    )
    with qtbot.waitSignal(k.controller.verdict_ready, timeout=15000) as blocker:
        scale.set_weight(Decimal(p["weight_ct"]))
    result = blocker.args[0]
    assert isinstance(result, Inspection)
    assert result.verdict is not None
    return result


def slip_text(inspection: Inspection) -> str:
    assert inspection.slip_path is not None
    return "\n".join(page.extract_text() for page in PdfReader(inspection.slip_path).pages)


def refusal(qtbot: QtBot, k: Kiosk, supervisor: str, pin: str, text: str = "Seen.") -> str:
    with qtbot.waitSignal(k.controller.override_refused, timeout=10000) as blocker:
        k.controller.request_override(supervisor, pin, OverrideCode.DOCUMENTS_PRODUCED, text)
    message = blocker.args[0]
    assert isinstance(message, str)
    return message


def test_a_supervisor_overrides_a_hold_and_the_slip_names_both(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    sign_in(qtbot, kiosk, "inspector", "1234")
    held = present(qtbot, kiosk, "Namibian rough, 0.300 ct short")
    assert held.verdict is not None
    assert held.verdict.outcome is Outcome.HOLD
    assert "Marc Dubois" not in slip_text(held)

    with qtbot.waitSignal(kiosk.controller.override_recorded, timeout=10000) as blocker:
        kiosk.controller.request_override(
            "supervisor", "5678", OverrideCode.WEIGHING_ERROR, "Re-weighed on the office balance."
        )
    result = blocker.args[0]
    assert isinstance(result, Inspection)
    assert result.state is InspectionState.OVERRIDDEN
    assert result.override is not None
    assert result.override.supervisor == "supervisor"
    assert result.override.code is OverrideCode.WEIGHING_ERROR
    assert result.override.new_outcome is Outcome.CLEAR
    assert result.final_outcome is Outcome.CLEAR
    assert kiosk.refused == []
    # The inspector stays signed in, and the controller shows the overridden inspection.
    assert kiosk.controller.user is not None
    assert kiosk.controller.user.username == "inspector"
    assert kiosk.controller.current == result

    text = slip_text(result)
    assert "Marc Dubois" in text
    assert "An Peeters" in text
    assert "SUPERVISOR OVERRIDE" in text
    assert "Re-weighed on the office balance." in text
    assert "weighing error" in text

    store = Store.open(kiosk.settings.database_url)
    try:
        saved = store.get(result.id)
        assert saved.override is not None
        assert saved.override.text == "Re-weighed on the office balance."
        assert saved.slip_path == result.slip_path
    finally:
        store.close()

    # A second override of the same parcel is refused.
    assert "already been overridden" in refusal(qtbot, kiosk, "supervisor", "5678")


def test_the_supervisor_cannot_override_their_own_inspection(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    sign_in(qtbot, kiosk, "supervisor", "5678")
    held = present(qtbot, kiosk, "Namibian rough, 0.300 ct short")
    assert held.verdict is not None
    assert held.verdict.outcome is Outcome.HOLD
    message = refusal(qtbot, kiosk, "supervisor", "5678")
    assert "different person" in message
    assert kiosk.recorded == []
    assert kiosk.controller.current is not None
    assert kiosk.controller.current.override is None


def test_a_wrong_pin_is_refused_and_counts_towards_the_lock_out(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    sign_in(qtbot, kiosk, "inspector", "1234")
    present(qtbot, kiosk, "Namibian rough, 0.300 ct short")
    assert refusal(qtbot, kiosk, "supervisor", "0000") == "Wrong PIN. 4 attempts left."
    assert refusal(qtbot, kiosk, "supervisor", "1111") == "Wrong PIN. 3 attempts left."
    assert kiosk.recorded == []
    current = kiosk.controller.current
    assert current is not None
    assert current.override is None
    assert current.state is InspectionState.DECIDED


def test_a_refuse_cannot_be_overridden(qtbot: QtBot, kiosk: Kiosk) -> None:
    sign_in(qtbot, kiosk, "inspector", "1234")
    refused = present(qtbot, kiosk, "Russian rough")
    assert refused.verdict is not None
    assert refused.verdict.outcome is Outcome.REFUSE
    message = refusal(qtbot, kiosk, "supervisor", "5678")
    assert "REFUSE verdict cannot be overridden" in message
    assert kiosk.recorded == []


def test_an_inspector_is_not_a_supervisor_and_a_reason_is_required(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    sign_in(qtbot, kiosk, "inspector", "1234")
    present(qtbot, kiosk, "Namibian rough, 0.300 ct short")
    assert "Jonas Maes is not an active supervisor" in refusal(qtbot, kiosk, "inspector2", "2468")
    assert "reason text is required" in refusal(qtbot, kiosk, "supervisor", "5678", text="   ")
    assert kiosk.recorded == []
