"""DeviceHub camera codes, camera reconnect and the CUPS / ESC/POS printer backends."""

from __future__ import annotations

import os
import socket
import stat
import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kiosk.domain.models import Identifier, InputSource
from kiosk.services.devices import CAMERA_NICENESS, DeviceHub
from kiosk.settings import Settings, SettingsError, parse, with_overrides

CODE = "BW-2026-004711"


def settings_for(tmp_path: Path, **sections: dict[str, object]) -> Settings:
    base = with_overrides(
        Settings(),
        scale={"backend": "none"},
        reader={"backend": "none"},
        camera={"backend": "none"},
        printer={"backend": "none", "folder": str(tmp_path / "printed")},
        data={"photos_dir": str(tmp_path / "photos")},
    )
    return with_overrides(base, **sections)


def write_code_video(path: Path, frames: int = 30, code_from: int = 10) -> Path:
    """A 1280x720 MJPG .avi; a Code 128 on white paper appears at frame ``code_from``."""
    symbol = np.array(
        zxingcpp.create_barcode(CODE, zxingcpp.BarcodeFormat.Code128).to_image(scale=4),
        dtype=np.uint8,
    )
    empty = np.full((720, 1280, 3), (58, 92, 128), dtype=np.uint8)
    shown = empty.copy()
    h, w = symbol.shape
    shown[200 : 240 + h, 300 : 340 + w] = 255
    shown[220 : 220 + h, 320 : 320 + w] = symbol[:, :, None]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30.0, (1280, 720))
    assert writer.isOpened()
    for i in range(frames):
        writer.write(shown if i >= code_from else empty)
    writer.release()
    return path


def write_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(80 * mm, 60 * mm))
    canvas.drawString(4 * mm, 40 * mm, "test slip")
    canvas.showPage()
    canvas.save()
    return path


def test_a_code_in_view_is_scanned_once_with_source_camera(qtbot: QtBot, tmp_path: Path) -> None:
    video = write_code_video(tmp_path / "parcel.avi")
    hub = DeviceHub(settings_for(tmp_path, camera={"backend": "opencv", "source": str(video)}))
    seen: list[Identifier] = []
    hub.identifier_scanned.connect(seen.append)
    try:
        hub.start()
        qtbot.waitUntil(lambda: len(seen) >= 1, timeout=5000)
        # The video loops, so the code leaves and comes back while it is still remembered.
        qtbot.wait(1500)
    finally:
        hub.stop()
    assert len(seen) == 1
    assert seen[0].value == CODE
    assert seen[0].source is InputSource.CAMERA


def test_decoding_can_be_switched_off(qtbot: QtBot, tmp_path: Path) -> None:
    video = write_code_video(tmp_path / "parcel.avi", code_from=0)
    hub = DeviceHub(
        settings_for(
            tmp_path, camera={"backend": "opencv", "source": str(video), "decode_codes": False}
        )
    )
    seen: list[Identifier] = []
    frames: list[object] = []
    hub.identifier_scanned.connect(seen.append)
    hub.frame_ready.connect(frames.append)
    try:
        hub.start()
        qtbot.waitUntil(lambda: len(frames) >= 20, timeout=5000)
    finally:
        hub.stop()
    assert seen == []


def test_preview_frames_come_small_and_in_the_screen_pixel_format(
    qtbot: QtBot, tmp_path: Path
) -> None:
    video = write_code_video(tmp_path / "parcel.avi", frames=10, code_from=99)  # 1280x720
    hub = DeviceHub(
        settings_for(
            tmp_path, camera={"backend": "opencv", "source": str(video), "decode_codes": False}
        )
    )
    frames: list[QImage] = []
    hub.frame_ready.connect(frames.append)
    try:
        hub.start()
        qtbot.waitUntil(lambda: len(frames) >= 3, timeout=5000)
        assert (frames[-1].width(), frames[-1].height()) == (640, 360)  # until the view says
        hub.set_preview_size(403, 302)  # the camera view's size
        qtbot.waitUntil(lambda: frames[-1].width() == 403, timeout=5000)
    finally:
        hub.stop()
    image = frames[-1]
    # The GUI thread copies it to the screen as it is: no scaling, no conversion.
    assert (image.width(), image.height()) == (403, 226)
    assert image.size() == QSize(1280, 720).scaled(
        QSize(403, 302), Qt.AspectRatioMode.KeepAspectRatio
    )
    assert image.format() is QImage.Format.Format_RGB32
    desk = image.pixelColor(20, 20)  # BGR (58, 92, 128): brown, red strongest
    assert abs(desk.red() - 128) < 12
    assert abs(desk.green() - 92) < 12
    assert abs(desk.blue() - 58) < 12


def _niceness_of_thread(name: str) -> int | None:
    """The niceness of this process's thread called ``name`` (Linux ``/proc``), if any."""
    for task in Path("/proc/self/task").iterdir():
        try:
            if (task / "comm").read_text().strip() == name:
                return int((task / "stat").read_text().rsplit(")", 1)[1].split()[16])
        except OSError:
            continue
    return None


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_the_camera_thread_yields_the_cpu_to_the_rest_of_the_kiosk(
    qtbot: QtBot, tmp_path: Path
) -> None:
    hub = DeviceHub(settings_for(tmp_path, camera={"backend": "simulated", "fps": 30}))
    frames: list[QImage] = []
    hub.frame_ready.connect(frames.append)
    try:
        hub.start()
        qtbot.waitUntil(lambda: len(frames) >= 2, timeout=5000)
        camera = _niceness_of_thread("device-camera")
        ours = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    finally:
        hub.stop()
    assert camera == ours + CAMERA_NICENESS
    assert cv2.getNumThreads() == 1  # OpenCV works in the camera thread, not a pool beside it


def test_a_camera_that_appears_later_is_picked_up(qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "later.avi"
    hub = DeviceHub(settings_for(tmp_path, camera={"backend": "opencv", "source": str(source)}))
    states: list[tuple[str, str]] = []
    hub.device_state_changed.connect(lambda d, s, _x: states.append((d, s)))
    try:
        hub.start()
        qtbot.waitUntil(lambda: ("camera", "disconnected") in states, timeout=5000)
        write_code_video(tmp_path / "tmp.avi", frames=5).rename(source)
        started = time.monotonic()
        qtbot.waitUntil(lambda: hub.state("camera")[0] == "ok", timeout=10000)
        reconnect_s = time.monotonic() - started
    finally:
        hub.stop()
    assert reconnect_s < 8.5  # the back-off is capped


FAKE_LP = r"""#!/bin/sh
for last; do :; done
queue=""
while [ $# -gt 0 ]; do [ "$1" = "-d" ] && queue="$2"; shift; done
if [ "$queue" != "Slips" ]; then
  echo "lp: The printer or class does not exist." >&2; exit 1
fi
echo "request id is Slips-7 (1 file(s))"
"""


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(FAKE_LP)
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")


def test_cups_backend_prints_and_reports_a_missing_queue(
    qtbot: QtBot, tmp_path: Path, fake_lp: None
) -> None:
    pdf = write_pdf(tmp_path / "slip.pdf")
    good = DeviceHub(settings_for(tmp_path, printer={"backend": "cups", "queue": "Slips"}))
    try:
        good.start()
        with qtbot.waitSignal(good.printed, timeout=5000) as printed:
            good.print_pdf(pdf)
    finally:
        good.stop()
    assert printed.args == ["Slips"]
    bad = DeviceHub(settings_for(tmp_path, printer={"backend": "cups", "queue": "Gone"}))
    try:
        bad.start()
        with qtbot.waitSignal(bad.print_failed, timeout=5000) as failed:
            bad.print_pdf(pdf)
        # the slip stays where it was and can be printed again
        with qtbot.waitSignal(bad.print_failed, timeout=5000):
            bad.print_pdf(pdf)
    finally:
        bad.stop()
    assert "'Gone' does not exist" in failed.args[0]
    assert pdf.exists()


def test_escpos_backend_sends_the_slip_over_tcp(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "slip.pdf")
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    received = bytearray()

    def serve() -> None:
        server.settimeout(10)
        conn, _ = server.accept()
        with conn:
            while chunk := conn.recv(65536):
                received.extend(chunk)

    thread = threading.Thread(target=serve, name="escpos-capture")
    thread.start()
    target = f"tcp://127.0.0.1:{port}"
    hub = DeviceHub(settings_for(tmp_path, printer={"backend": "escpos", "target": target}))
    try:
        hub.start()
        with qtbot.waitSignal(hub.printed, timeout=10000) as printed:
            hub.print_pdf(pdf)
    finally:
        hub.stop()
        thread.join(timeout=10)
        server.close()
    assert printed.args == [target]
    assert received.startswith(b"\x1b@")
    assert b"\x1dv0" in received
    assert b"\x1dV" in received[-8:]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[printer]\nbackend = "cups"\n', r"\[printer\] queue: required"),
        ('[printer]\nbackend = "escpos"\ntarget = "printer:9100"\n', r"\[printer\] target"),
        ('[printer]\nbackend = "lpr"\n', r"'lpr' is not one of folder, cups, escpos, none"),
        ("[camera]\ndecode_codes = 1\n", r"\[camera\] decode_codes: expected true or false"),
    ],
)
def test_printer_and_camera_settings_are_checked(toml: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        parse(toml)


def test_printer_settings_parse() -> None:
    cfg = parse(
        '[printer]\nbackend = "escpos"\ntarget = "tcp://10.0.0.7:9100"\n'
        "[camera]\ndecode_codes = false\n"
    )
    assert (cfg.printer.backend, cfg.printer.target) == ("escpos", "tcp://10.0.0.7:9100")
    assert cfg.printer.media == "Custom.80x140mm"
    assert cfg.camera.decode_codes is False


@pytest.mark.parametrize("frame", [(1280, 720), (1920, 1080), (640, 480), (720, 1280), (333, 211)])
@pytest.mark.parametrize("box", [(403, 302), (600, 338), (241, 180), (1000, 100), (100, 1000)])
def test_preview_size_rounds_as_the_view_does(frame: tuple[int, int], box: tuple[int, int]) -> None:
    """A frame fitted in the camera thread is painted 1:1 (Qt would otherwise scale it)."""
    from hardware.camera import preview_size

    size = preview_size(*frame, *box)
    if frame[0] <= box[0] and frame[1] <= box[1]:
        assert size == frame  # never enlarged
    else:
        fitted = QSize(*frame).scaled(QSize(*box), Qt.AspectRatioMode.KeepAspectRatio)
        assert size == (fitted.width(), fitted.height())
