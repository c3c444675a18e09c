"""Services behind the UI shell: badges, idle lock, PIN waits, database faults (real SQLite),
and the devices screen's actions on simulated devices (real drivers over ptys)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.sim.scales import SCALE_SIMULATORS
from kiosk.domain.devices import DetectedPort, DeviceStatus
from kiosk.domain.models import Photo, User, WeightReading
from kiosk.services.devices import DeviceHub
from kiosk.services.inspection import BADGE_REVOKED, BADGE_UNKNOWN, InspectionController
from kiosk.settings import Settings, with_overrides
from kiosk.store import Store

AN_BADGE = "04A1B2C3D4"  # An Peeters, inspector, PIN 1234 (resources/sample/users.json)


def settings_for(tmp_path: Path, **sections: dict[str, object]) -> Settings:
    base = with_overrides(
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
    return with_overrides(base, **sections) if sections else base


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path) -> Iterator[InspectionController]:
    c = InspectionController(settings_for(tmp_path))
    try:
        c.start()
        yield c
    finally:
        c.shutdown()


def events(tmp_path: Path, kind: str) -> list[dict[str, object]]:
    with Store.open(f"sqlite:///{tmp_path / 'kiosk.sqlite'}") as store:
        return [dict(e.detail) for e in store.events() if e.kind == kind]


def sign_in(qtbot: QtBot, c: InspectionController, username: str, pin: str) -> User:
    with qtbot.waitSignal(c.signed_in, timeout=10000) as blocker:
        c.sign_in(username, pin)
    user = blocker.args[0]
    assert isinstance(user, User)
    return user


# ---- Badges ---------------------------------------------------------------------------------


def test_a_badge_names_its_holder(qtbot: QtBot, controller: InspectionController) -> None:
    with qtbot.waitSignal(controller.badge_identified, timeout=5000) as blocker:
        controller.identify_badge(f" {AN_BADGE} ")
    assert blocker.args[0].username == "inspector"


def test_a_revoked_badge_is_refused_and_its_use_recorded(
    qtbot: QtBot, controller: InspectionController, tmp_path: Path
) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'kiosk.sqlite'}") as store:
        store.revoke_badge(AN_BADGE, by="Marc Dubois", reason="lost")
    with qtbot.waitSignal(controller.badge_refused, timeout=5000) as blocker:
        controller.identify_badge(AN_BADGE)
    assert blocker.args == [BADGE_REVOKED]
    controller.shutdown()
    assert events(tmp_path, "revoked_badge_presented") == [
        {"badge": AN_BADGE, "username": "inspector"}
    ]


def test_an_unknown_badge_is_refused_and_recorded(
    qtbot: QtBot, controller: InspectionController, tmp_path: Path
) -> None:
    with qtbot.waitSignal(controller.badge_refused, timeout=5000) as blocker:
        controller.identify_badge("DEADBEEF99")
    assert blocker.args == [BADGE_UNKNOWN]
    controller.shutdown()
    assert events(tmp_path, "unknown_badge_presented") == [{"badge": "DEADBEEF99"}]


def test_a_badge_on_the_reader_selects_its_holder_when_nobody_is_signed_in(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = settings_for(
        tmp_path, scale={"backend": "none"}, camera={"backend": "none"}, printer={"backend": "none"}
    )
    hub = DeviceHub(settings)
    c = InspectionController(settings, hub)
    try:
        c.start()
        hub.start()
        sim = hub.simulators.reader
        assert sim is not None
        qtbot.waitUntil(lambda: hub.state("reader")[0] == "ok", timeout=5000)
        with qtbot.waitSignal(c.badge_identified, timeout=5000) as blocker:
            sim.scan(AN_BADGE, None)
        assert blocker.args[0].display_name == "An Peeters"
        assert hub.statuses()["reader"].last_value == AN_BADGE
    finally:
        c.shutdown()
        hub.stop()


# ---- PIN waits, idle lock, take-over ----------------------------------------------------------


def test_wrong_pins_announce_the_wait_before_the_next_try(
    qtbot: QtBot, controller: InspectionController
) -> None:
    delays: list[float] = []
    controller.sign_in_delayed.connect(delays.append)
    for _ in range(2):
        with qtbot.waitSignal(controller.sign_in_failed, timeout=5000):
            controller.sign_in("inspector", "0000")
    assert delays == []
    with qtbot.waitSignal(controller.sign_in_delayed, timeout=5000) as blocker:
        controller.sign_in("inspector", "0000")
    assert blocker.args == [pytest.approx(2.0)]


def test_idle_lock_keeps_the_inspection_for_the_same_user(
    qtbot: QtBot, controller: InspectionController, tmp_path: Path
) -> None:
    sign_in(qtbot, controller, "inspector", "1234")
    qtbot.waitUntil(lambda: controller.current is not None, timeout=5000)
    controller.add_typed_identifier("BW-2026-004711")
    qtbot.waitUntil(lambda: bool(controller.current and controller.current.identifiers))
    kept = controller.current
    assert kept is not None
    with qtbot.waitSignal(controller.locked, timeout=2000) as blocker:
        controller.lock()
    assert blocker.args[0].username == "inspector"
    assert controller.is_locked
    assert controller.current == kept
    with qtbot.waitSignal(controller.sign_in_failed, timeout=5000):
        controller.sign_in("inspector", "9999")
    assert controller.is_locked
    with qtbot.waitSignal(controller.unlocked, timeout=5000) as blocker:
        controller.sign_in("inspector", "1234")
    assert blocker.args[0].username == "inspector"
    assert not controller.is_locked
    assert controller.current == kept
    controller.shutdown()
    assert events(tmp_path, "session_locked") == [{"username": "inspector"}]
    assert events(tmp_path, "session_unlocked") == [{"username": "inspector", "by": "inspector"}]


def test_a_supervisor_unlocks_for_the_inspector(
    qtbot: QtBot, controller: InspectionController
) -> None:
    sign_in(qtbot, controller, "inspector", "1234")
    qtbot.waitUntil(lambda: controller.current is not None, timeout=5000)
    controller.lock()
    with qtbot.waitSignal(controller.unlocked, timeout=5000) as blocker:
        controller.sign_in("supervisor", "5678")
    assert blocker.args[0].username == "inspector"
    assert controller.user is not None
    assert controller.user.username == "inspector"


def test_another_user_takes_over_the_unfinished_inspection_as_it_was(
    qtbot: QtBot, controller: InspectionController, tmp_path: Path
) -> None:
    sign_in(qtbot, controller, "inspector", "1234")
    qtbot.waitUntil(lambda: controller.current is not None, timeout=5000)
    controller.add_typed_identifier("BW-2026-004711")
    qtbot.waitUntil(lambda: bool(controller.current and controller.current.identifiers))
    kept = controller.current
    assert kept is not None
    controller.lock()
    with qtbot.waitSignal(controller.inspection_changed, timeout=10000) as blocker:
        controller.sign_in("inspector2", "2468")
    assert controller.user is not None
    assert controller.user.username == "inspector2"
    resumed = blocker.args[0]
    assert resumed.id == kept.id
    assert resumed.identifiers == kept.identifiers
    controller.shutdown()
    assert events(tmp_path, "session_taken_over") == [
        {"username": "inspector", "by": "inspector2"}
    ]


def test_a_technician_opens_no_inspection_and_may_leave_kiosk_mode(
    qtbot: QtBot, controller: InspectionController, tmp_path: Path
) -> None:
    assert not controller.record_kiosk_exit()
    sign_in(qtbot, controller, "tech", "0000")
    qtbot.wait(200)
    assert controller.current is None
    assert controller.record_kiosk_exit()
    controller.shutdown()
    assert events(tmp_path, "kiosk_mode_left") == [{"username": "tech"}]


# ---- Database faults ----------------------------------------------------------------------------


def test_an_unusable_database_is_reported_and_retried(qtbot: QtBot, tmp_path: Path) -> None:
    blocker_file = tmp_path / "data"
    blocker_file.write_text("not a folder")
    settings = settings_for(tmp_path, data={"database": str(blocker_file / "kiosk.sqlite")})
    c = InspectionController(settings)
    try:
        with qtbot.waitSignal(c.database_failed, timeout=10000) as blocker:
            c.start(wait_s=0)
        assert "database" in blocker.args[0]
        blocker_file.unlink()
        with qtbot.waitSignal(c.ready, timeout=10000):
            c.retry_database()
        assert [u.username for u in c.users()][:1] == ["inspector"]
    finally:
        c.shutdown()


# ---- Devices screen actions on simulated devices ----------------------------------------------


@pytest.fixture
def hub(qtbot: QtBot, tmp_path: Path) -> Iterator[DeviceHub]:
    h = DeviceHub(settings_for(tmp_path, reader={"backend": "none"}))
    try:
        h.start()
        qtbot.waitUntil(
            lambda: all(h.state(d)[0] == "ok" for d in ("scale", "camera", "printer")),
            timeout=10000,
        )
        yield h
    finally:
        h.stop()


def test_statuses_name_port_model_serial_and_last_reading(qtbot: QtBot, hub: DeviceHub) -> None:
    sim = hub.simulators.scale
    assert sim is not None
    sim.set_weight(Decimal("12.345"))
    qtbot.waitUntil(
        lambda: (r := hub.statuses()["scale"].last_reading) is not None
        and r.carats == Decimal("12.345"),
        timeout=5000,
    )
    scale = hub.statuses()["scale"]
    assert isinstance(scale, DeviceStatus)
    assert scale.state == "ok"
    assert scale.backend == "simulated"
    assert scale.port.endswith("scale")  # the simulator's link
    assert scale.model
    assert scale.serial
    assert hub.statuses()["reader"].state == "off"
    assert hub.statuses()["printer"].port.endswith("printed")


def test_read_zero_and_tare_from_the_devices_screen(qtbot: QtBot, hub: DeviceHub) -> None:
    sim = hub.simulators.scale
    assert sim is not None
    sim.set_weight(Decimal("3.210"))
    with qtbot.waitSignal(hub.scale_read, timeout=5000) as blocker:
        hub.read_scale()
    reading = blocker.args[0]
    assert isinstance(reading, WeightReading)
    assert reading.raw  # the balance's reply line is kept
    with qtbot.waitSignal(hub.scale_command_done, timeout=5000) as done:
        hub.tare_scale()
    assert done.args == ["tare"]
    with qtbot.waitSignal(hub.scale_command_done, timeout=5000) as done:
        hub.zero_scale()
    assert done.args == ["zero"]


def test_a_test_slip_is_printed_to_the_folder(
    qtbot: QtBot, hub: DeviceHub, tmp_path: Path
) -> None:
    with qtbot.waitSignal(hub.test_printed, timeout=20000) as blocker:
        hub.test_print()
    printed = Path(blocker.args[0])
    assert printed.parent == tmp_path / "printed"
    assert printed.read_bytes().startswith(b"%PDF")
    assert hub.statuses()["printer"].last_value == str(printed)


def test_a_snapshot_is_saved_and_never_joins_an_inspection(
    qtbot: QtBot, hub: DeviceHub, tmp_path: Path
) -> None:
    stills: list[object] = []
    hub.still_saved.connect(stills.append)
    with qtbot.waitSignal(hub.snapshot_saved, timeout=5000) as blocker:
        hub.take_snapshot()
    photo = blocker.args[0]
    assert isinstance(photo, Photo)
    assert Path(photo.path).parent == tmp_path / "photos" / "snapshots"
    assert Path(photo.path).stat().st_size > 0
    assert stills == []


def test_detect_ports_finds_a_balance_and_skips_the_kiosks_own(
    qtbot: QtBot, hub: DeviceHub, tmp_path: Path
) -> None:
    other = SCALE_SIMULATORS["ad"](link_path=tmp_path / "other-balance")
    port = other.start()
    try:
        own = hub.statuses()["scale"].port
        with qtbot.waitSignal(hub.ports_detected, timeout=30000) as blocker:
            hub.detect_ports((port, own), timeout_s=0.5)
    finally:
        other.stop()
    found: list[DetectedPort] = blocker.args[0]
    by_port = {p.port: p for p in found}
    assert any(line.startswith("scale ad") for line in by_port[port].found)
    assert by_port[own].found == ("in use by the kiosk's scale",)
    assert not hub.detecting
