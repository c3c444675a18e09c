"""DeviceHub on simulated devices: the real drivers against simulators on ptys."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.domain.models import Identifier, IdentifierKind, Photo, WeightReading, WeightState
from kiosk.services.devices import DeviceHub
from kiosk.settings import Settings, with_overrides


class Recorder:
    """Collects everything the hub emits (connected on the GUI thread)."""

    def __init__(self, hub: DeviceHub) -> None:
        self.weights: list[WeightReading] = []
        self.accepted: list[WeightReading] = []
        self.identifiers: list[Identifier] = []
        self.frames: list[QImage] = []
        self.stills: list[Photo] = []
        self.still_errors: list[str] = []
        self.states: list[tuple[str, str, str]] = []
        self.printed: list[str] = []
        self.print_errors: list[str] = []
        hub.weight_changed.connect(self.weights.append)
        hub.weight_accepted.connect(self.accepted.append)
        hub.identifier_scanned.connect(self.identifiers.append)
        hub.frame_ready.connect(self.frames.append)
        hub.still_saved.connect(self.stills.append)
        hub.still_failed.connect(self.still_errors.append)
        hub.device_state_changed.connect(lambda d, s, x: self.states.append((d, s, x)))
        hub.printed.connect(self.printed.append)
        hub.print_failed.connect(self.print_errors.append)

    def state(self, device: str) -> str | None:
        for d, s, _ in reversed(self.states):
            if d == device:
                return s
        return None


def hub_settings(tmp_path: Path, **sections: dict[str, object]) -> Settings:
    base = with_overrides(
        Settings(),
        scale={"stable_count": 3, "poll_interval_ms": 20, "timeout_s": 0.5},
        camera={"width": 320, "height": 240, "fps": 30},
        printer={"folder": str(tmp_path / "printed")},
        data={"photos_dir": str(tmp_path / "photos")},
    )
    return with_overrides(base, **sections) if sections else base


@pytest.fixture
def hub(qtbot: QtBot, tmp_path: Path) -> Iterator[DeviceHub]:
    h = DeviceHub(hub_settings(tmp_path))
    yield h
    h.stop()


def test_scale_weight_is_accepted_once_after_n_stable_readings(
    qtbot: QtBot, hub: DeviceHub
) -> None:
    rec = Recorder(hub)
    hub.start()
    sim = hub.simulators.scale
    assert sim is not None
    qtbot.waitUntil(lambda: rec.state("scale") == "ok", timeout=5000)
    sim.set_weight(Decimal("12.345"))
    qtbot.waitUntil(lambda: len(rec.accepted) == 1, timeout=5000)
    accepted = rec.accepted[0]
    assert accepted.state is WeightState.STABLE
    assert accepted.carats == Decimal("12.345")
    assert "12.345" in accepted.raw
    # Dynamic readings came before the acceptance and were shown.
    assert any(w.state is WeightState.DYNAMIC for w in rec.weights)
    # The same parcel left on the pan is not accepted again.
    qtbot.wait(400)
    assert len(rec.accepted) == 1
    # A different weight is a new placement.
    sim.set_weight(Decimal("3.210"))
    qtbot.waitUntil(lambda: len(rec.accepted) == 2, timeout=5000)
    assert rec.accepted[1].carats == Decimal("3.210")
    # Back to zero, then the first weight again: accepted again.
    sim.set_weight(Decimal("0"))
    qtbot.waitUntil(lambda: rec.weights[-1].carats == 0, timeout=5000)
    qtbot.wait(200)
    sim.set_weight(Decimal("3.210"))
    qtbot.waitUntil(lambda: len(rec.accepted) == 3, timeout=5000)


def test_scale_state_detail_names_the_protocol_port_and_balance(
    qtbot: QtBot, hub: DeviceHub
) -> None:
    rec = Recorder(hub)
    hub.start()
    qtbot.waitUntil(lambda: rec.state("scale") == "ok", timeout=5000)
    detail = next(x for d, s, x in rec.states if d == "scale" and s == "ok")
    assert detail.startswith("MT-SICS on ")
    assert "XPR-SIM 1000C" in detail
    assert "SN B123456789" in detail


def test_a_scanned_kp_number_becomes_an_identifier(qtbot: QtBot, hub: DeviceHub) -> None:
    rec = Recorder(hub)
    hub.start()
    sim = hub.simulators.reader
    assert sim is not None
    qtbot.waitUntil(lambda: rec.state("reader") == "ok", timeout=5000)
    with qtbot.waitSignal(hub.identifier_scanned, timeout=5000) as blocker:
        sim.scan("BW 0123456", "]C0")
    ident = blocker.args[0]
    assert isinstance(ident, Identifier)
    assert ident.kind is IdentifierKind.KP_CERTIFICATE
    assert ident.value == "BW0123456"
    assert ident.symbology == "]C0"


def test_camera_frames_arrive_and_a_still_is_saved(
    qtbot: QtBot, hub: DeviceHub, tmp_path: Path
) -> None:
    rec = Recorder(hub)
    hub.start()
    qtbot.waitUntil(lambda: len(rec.frames) >= 5, timeout=5000)
    frame = rec.frames[-1]
    assert (frame.width(), frame.height()) == (320, 240)
    assert not frame.isNull()
    path = tmp_path / "still.jpg"
    with qtbot.waitSignal(hub.still_saved, timeout=5000) as blocker:
        hub.capture_still(path)
    photo = blocker.args[0]
    assert isinstance(photo, Photo)
    assert Path(photo.path) == path
    assert path.stat().st_size > 1000
    assert (photo.width, photo.height) == (320, 240)
    assert len(photo.sha256) == 64


def test_camera_preview_is_throttled_to_about_30_fps(qtbot: QtBot, tmp_path: Path) -> None:
    hub = DeviceHub(hub_settings(tmp_path, camera={"fps": 0}))  # pattern as fast as it can
    rec = Recorder(hub)
    try:
        hub.start()
        qtbot.waitUntil(lambda: len(rec.frames) >= 1, timeout=5000)
        start_count = len(rec.frames)
        started = time.monotonic()
        qtbot.wait(1000)
        rate = (len(rec.frames) - start_count) / (time.monotonic() - started)
    finally:
        hub.stop()
    assert 5 <= rate <= 36


def test_unplugged_scale_is_reported_and_reconnects(qtbot: QtBot, hub: DeviceHub) -> None:
    rec = Recorder(hub)
    hub.start()
    sim = hub.simulators.scale
    assert sim is not None
    sim.set_weight(Decimal("1.500"))
    qtbot.waitUntil(lambda: len(rec.accepted) == 1, timeout=5000)
    sim.unplug()
    qtbot.waitUntil(lambda: rec.state("scale") == "disconnected", timeout=5000)
    assert rec.weights[-1].state is WeightState.DISCONNECTED
    assert hub.state("scale")[0] == "disconnected"
    sim.replug()
    sim.set_weight(Decimal("2.000"))
    qtbot.waitUntil(lambda: rec.state("scale") == "ok", timeout=10000)
    qtbot.waitUntil(lambda: len(rec.accepted) == 2, timeout=5000)
    assert rec.accepted[1].carats == Decimal("2.000")


def test_printing_goes_to_the_folder(qtbot: QtBot, hub: DeviceHub, tmp_path: Path) -> None:
    hub.start()
    pdf = tmp_path / "slip.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%test\n")
    with qtbot.waitSignal(hub.printed, timeout=5000) as blocker:
        hub.print_pdf(pdf)
    destination = Path(blocker.args[0])
    assert destination.parent == tmp_path / "printed"
    assert destination.read_bytes() == pdf.read_bytes()


def test_printing_a_missing_file_fails_with_a_message(
    qtbot: QtBot, hub: DeviceHub, tmp_path: Path
) -> None:
    hub.start()
    with qtbot.waitSignal(hub.print_failed, timeout=5000) as blocker:
        hub.print_pdf(tmp_path / "nope.pdf")
    assert "nope.pdf" in blocker.args[0]


def test_devices_switched_off_report_off_and_start_nothing(
    qtbot: QtBot, tmp_path: Path, started_qthreads: list[QThread]
) -> None:
    hub = DeviceHub(
        hub_settings(tmp_path, reader={"backend": "none"}, camera={"backend": "none"})
    )
    rec = Recorder(hub)
    try:
        hub.start()
        assert ("reader", "off", "disabled in the settings") in rec.states
        assert ("camera", "off", "disabled in the settings") in rec.states
        assert hub.simulators.reader is None
        assert hub.simulators.scale is not None
        assert sorted(t.objectName() for t in started_qthreads) == [
            "device-printer",
            "device-scale",
        ]
        with qtbot.waitSignal(hub.still_failed, timeout=1000):
            hub.capture_still(tmp_path / "x.jpg")
    finally:
        hub.stop()


def test_stop_joins_every_thread_and_stops_the_simulators(
    qtbot: QtBot, tmp_path: Path, started_qthreads: list[QThread]
) -> None:
    hub = DeviceHub(hub_settings(tmp_path))
    rec = Recorder(hub)
    hub.start()
    qtbot.waitUntil(lambda: rec.state("scale") == "ok" and len(rec.frames) > 0, timeout=5000)
    sims = hub.simulators
    started = time.monotonic()
    hub.stop()
    assert time.monotonic() - started < 3.0
    assert len(started_qthreads) == 4
    for thread in started_qthreads:
        with contextlib.suppress(RuntimeError):  # already deleted: not running
            assert not thread.isRunning()
    assert sims.scale is not None
    assert not sims.scale.plugged
    assert not hub.running
    count = len(rec.weights)
    qtbot.wait(100)
    assert len(rec.weights) == count  # nothing arrives after stop
    hub.stop()  # harmless twice


def test_unplugged_reader_is_reported_and_reads_again_after_replug(
    qtbot: QtBot, hub: DeviceHub
) -> None:
    rec = Recorder(hub)
    hub.start()
    sim = hub.simulators.reader
    assert sim is not None
    qtbot.waitUntil(lambda: rec.state("reader") == "ok", timeout=5000)
    sim.unplug()
    qtbot.waitUntil(lambda: rec.state("reader") == "disconnected", timeout=5000)
    sim.replug()
    qtbot.waitUntil(lambda: rec.state("reader") == "ok", timeout=10000)

    def scanned() -> bool:
        if not rec.identifiers:
            sim.scan("ZA-2026-004512", "]C0")  # a scan sent before the reopen is lost
            return False
        return True

    qtbot.waitUntil(scanned, timeout=10000)
    assert rec.identifiers[0].value == "ZA-2026-004512"


def test_an_unwritable_printer_folder_fails_with_a_message(
    qtbot: QtBot, tmp_path: Path
) -> None:
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    hub = DeviceHub(hub_settings(tmp_path, printer={"folder": str(blocker_file)}))
    rec = Recorder(hub)
    pdf = tmp_path / "slip.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    try:
        hub.start()
        with qtbot.waitSignal(hub.print_failed, timeout=5000) as blocker:
            hub.print_pdf(pdf)
    finally:
        hub.stop()
    assert str(blocker_file) in blocker.args[0]
    assert rec.printed == []


def test_a_missing_camera_is_disconnected_and_gives_no_photo(
    qtbot: QtBot, tmp_path: Path
) -> None:
    hub = DeviceHub(hub_settings(tmp_path, camera={"backend": "opencv", "source": "/dev/video9"}))
    rec = Recorder(hub)
    try:
        hub.start()
        qtbot.waitUntil(lambda: rec.state("camera") == "disconnected", timeout=5000)
        with qtbot.waitSignal(hub.still_failed, timeout=5000) as blocker:
            hub.capture_still(tmp_path / "x.jpg")
    finally:
        hub.stop()
    assert blocker.args[0].startswith("No photo: ")
    assert not (tmp_path / "x.jpg").exists()
    assert rec.frames == []


def test_tare_zeroes_the_display_and_the_next_load_is_net(qtbot: QtBot, hub: DeviceHub) -> None:
    rec = Recorder(hub)
    failures: list[str] = []
    hub.scale_command_failed.connect(failures.append)
    hub.start()
    sim = hub.simulators.scale
    assert sim is not None
    sim.set_weight(Decimal("5.000"))  # e.g. an empty parcel tray
    qtbot.waitUntil(lambda: len(rec.accepted) == 1, timeout=5000)
    hub.tare_scale()
    qtbot.waitUntil(
        lambda: rec.weights[-1].state is WeightState.STABLE and rec.weights[-1].carats == 0,
        timeout=5000,
    )
    sim.set_weight(Decimal("7.250"))
    qtbot.waitUntil(lambda: len(rec.accepted) == 2, timeout=5000)
    assert rec.accepted[1].carats == Decimal("2.250")
    assert failures == []
    sim.busy = True
    with qtbot.waitSignal(hub.scale_command_failed, timeout=10000) as blocker:
        hub.zero_scale()
    assert blocker.args[0].startswith("Scale zero failed: ")
