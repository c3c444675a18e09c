"""`kiosk hw camera|printer|detect` end to end: real files, a real pty, a real PDF."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from pypdf import PdfReader

from hardware.sim.mtsics import MtSicsSimulator
from kiosk.cli import main

CODE = "BW-2026-004711"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[printer]\nfolder = "{tmp_path / "printed"}"\n')
    return cfg


def _lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _video(path: Path) -> Path:
    symbol = np.array(
        zxingcpp.create_barcode(CODE, zxingcpp.BarcodeFormat.Code128).to_image(scale=2),
        dtype=np.uint8,
    )
    frame = np.full((480, 640, 3), 255, dtype=np.uint8)
    h, w = symbol.shape
    frame[100 : 100 + h, 100 : 100 + w] = symbol[:, :, None]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30.0, (640, 480))
    assert writer.isOpened()
    for _ in range(5):
        writer.write(frame)
    writer.release()
    return path


def test_camera_snapshot(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    video = _video(tmp_path / "cam.avi")
    out = tmp_path / "still.jpg"
    assert main(["--config", str(config), "hw", "camera", "--source", str(video),
                 "snapshot", str(out)]) == 0  # fmt: skip
    (line,) = _lines(capsys.readouterr().out)
    assert line["path"] == str(out)
    assert (line["width"], line["height"]) == (640, 480)
    assert line["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert cv2.imread(str(out)).shape == (480, 640, 3)


def test_camera_codes_prints_each_code_once(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    video = _video(tmp_path / "cam.avi")
    assert main(["--config", str(config), "hw", "camera", "--source", str(video),
                 "codes", "--seconds", "0.5"]) == 0  # fmt: skip
    lines = _lines(capsys.readouterr().out)
    assert len(lines) == 1
    assert lines[0]["value"] == CODE
    assert lines[0]["symbology"] == "]C0"
    assert lines[0]["kind"] == "kp"
    assert lines[0]["valid"] is True


def test_missing_camera_is_one_line_and_exit_1(tmp_path: Path, config: Path) -> None:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "kiosk"), "--config", str(config), "hw", "camera",
         "--source", "/dev/video9", "snapshot", str(tmp_path / "x.jpg")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "kiosk: camera /dev/video9: no such device"
    ]
    assert not (tmp_path / "x.jpg").exists()


def test_printer_test_slip_to_a_folder(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["--config", str(config), "hw", "printer", "--backend", "folder",
                 "--folder", str(folder), "test"]) == 0  # fmt: skip
    (line,) = _lines(capsys.readouterr().out)
    written = Path(str(line["destination"]))
    assert written.parent == folder
    assert line["job_id"]
    text = PdfReader(written).pages[0].extract_text()
    assert CODE in text
    assert "Test slip" in text


def test_printer_test_slip_to_cups(
    tmp_path: Path,
    config: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(
        '#!/bin/sh\nfor f; do :; done\nhead -c 5 "$f" > "$0.magic"\n'
        'echo "request id is Slips-3 (1 file(s))"\n'
    )
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    assert main(["--config", str(config), "hw", "printer", "--backend", "cups",
                 "--queue", "Slips", "test"]) == 0  # fmt: skip
    (line,) = _lines(capsys.readouterr().out)
    assert (line["job_id"], line["destination"]) == ("Slips-3", "Slips")
    assert (bin_dir / "lp.magic").read_bytes() == b"%PDF-"


def test_printer_errors_are_one_line(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(config), "hw", "printer", "--backend", "cups", "test"]) == 1
    assert capsys.readouterr().err.strip() == "kiosk: --queue is needed for the cups backend"
    missing = tmp_path / "none"
    assert main(["--config", str(config), "hw", "printer", "--backend", "folder",
                 "--folder", str(missing), "test"]) == 1  # fmt: skip
    assert "no such folder" in capsys.readouterr().err


def test_detect_finds_the_simulated_balance(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = MtSicsSimulator(tmp_path / "usb-Mettler_Toledo-if00")
    port = sim.start()
    try:
        assert main(["--config", str(config), "hw", "detect", "--only", "--port", port,
                     "--port", str(tmp_path / "ttyUSB9"), "--timeout", "0.5"]) == 0  # fmt: skip
    finally:
        sim.stop()
    lines = _lines(capsys.readouterr().out)
    assert [line["port"] for line in lines] == [port, str(tmp_path / "ttyUSB9")]
    assert lines[0]["matches"] == [
        {"kind": "scale", "protocol": "mt-sics", "model": "XPR-SIM 1000C", "serial": "B123456789"}
    ]
    assert lines[1]["matches"] == []
    assert lines[0]["by_id"] is None
    assert "vid_pid" in lines[0]


def test_detect_bad_timeout(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(config), "hw", "detect", "--timeout", "0"]) == 1
    assert "--timeout" in capsys.readouterr().err


def test_printer_test_slip_to_escpos_over_tcp(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket
    import threading

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
    try:
        assert main(["--config", str(config), "hw", "printer", "--backend", "escpos",
                     "--target", f"tcp://127.0.0.1:{port}", "test"]) == 0  # fmt: skip
    finally:
        thread.join(timeout=10)
        server.close()
    (line,) = _lines(capsys.readouterr().out)
    assert line["destination"] == f"tcp://127.0.0.1:{port}"
    assert received.startswith(b"\x1b@")
    assert b"\x1dv0" in received
    assert b"\x1dV" in received[-8:]
