"""EscPosPrinter: the slip PDF as ESC/POS raster over a local TCP socket and over a pty."""

from __future__ import annotations

import os
import select
import socket
import threading
import tty
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from printer_fixtures import SLIP_CODE, raster_images, write_slip_pdf

from hardware.base import DeviceDisconnectedError, DeviceError, Printer
from hardware.printer import EscPosPrinter

ESC_INIT = b"\x1b@"
GS_CUT = b"\x1dV"


class CaptureServer:
    """A one-connection TCP server on 127.0.0.1 that keeps every byte it receives."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.data = bytearray()
        self._thread = threading.Thread(target=self._serve, name="escpos-capture")
        self._thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(10)
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(10)
            while chunk := conn.recv(65536):
                self.data += chunk

    def close(self) -> bytes:
        self._thread.join(timeout=15)
        self.sock.close()
        return bytes(self.data)


@pytest.fixture
def slip(tmp_path: Path) -> Path:
    return write_slip_pdf(tmp_path / "slip.pdf")


@pytest.fixture
def server() -> Iterator[CaptureServer]:
    srv = CaptureServer()
    try:
        yield srv
    finally:
        srv.close()


def _check_slip_bytes(data: bytes) -> None:
    assert data.startswith(ESC_INIT)
    assert b"\x1dv0" in data
    assert GS_CUT in data[-8:]
    images = raster_images(data)
    assert images
    assert all(img.shape[1] == 576 for img in images)
    page = np.vstack(images)
    # 100 mm of paper at 203 dpi
    assert abs(page.shape[0] - round(100 / 25.4 * 203)) <= 2
    codes = [r.text for r in zxingcpp.read_barcodes(page)]
    assert SLIP_CODE in codes


def test_network_printer_gets_init_raster_and_cut(server: CaptureServer, slip: Path) -> None:
    printer = EscPosPrinter(f"tcp://127.0.0.1:{server.port}")
    assert isinstance(printer, Printer)
    job = printer.print_pdf(slip, title="slip")
    assert job.destination == f"tcp://127.0.0.1:{server.port}"
    assert job.job_id.startswith("escpos-")
    _check_slip_bytes(server.close())


def test_serial_printer_over_a_pty(slip: Path) -> None:
    master, slave = os.openpty()
    tty.setraw(slave)
    port = os.ttyname(slave)
    received = bytearray()
    done = threading.Event()

    def drain() -> None:
        while not done.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    received.extend(os.read(master, 65536))
                except OSError:
                    return

    reader = threading.Thread(target=drain, name="pty-drain")
    reader.start()
    try:
        EscPosPrinter(port, baudrate=115200).print_pdf(slip)
        # the last bytes may still be in flight in the pty
        deadline = 50
        while GS_CUT not in bytes(received[-8:]) and deadline:
            threading.Event().wait(0.05)
            deadline -= 1
    finally:
        done.set()
        reader.join(timeout=5)
        os.close(slave)
        os.close(master)
    _check_slip_bytes(bytes(received))


def test_unreachable_printer_is_reported(slip: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with pytest.raises(DeviceDisconnectedError, match=f"cannot print on tcp://127.0.0.1:{port}"):
        EscPosPrinter(f"tcp://127.0.0.1:{port}", timeout_s=2).print_pdf(slip)


def test_missing_serial_port_is_reported(slip: Path, tmp_path: Path) -> None:
    with pytest.raises(DeviceDisconnectedError, match="does not exist"):
        EscPosPrinter(str(tmp_path / "ttyUSB9")).print_pdf(slip)


def test_render_crops_margins_to_the_printable_width(slip: Path) -> None:
    pages = EscPosPrinter("tcp://printer").render(slip)
    assert len(pages) == 1
    assert pages[0].mode == "1"
    assert pages[0].width == 576


def test_narrow_printer_scales_the_page_down(slip: Path) -> None:
    pages = EscPosPrinter("tcp://printer", width_px=384).render(slip)
    assert pages[0].width == 384
    dots = np.array(pages[0].convert("L"))
    assert 0 < (dots == 0).mean() < 0.2  # text and bars survive, the page is not black


def test_bad_pdf_and_missing_pdftoppm(
    tmp_path: Path, slip: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.4 but nothing else")
    with pytest.raises(DeviceError, match="cannot render"):
        EscPosPrinter("tcp://printer").print_pdf(fake)
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(DeviceError, match="needs pdftoppm"):
        EscPosPrinter("tcp://printer").print_pdf(slip)


@pytest.mark.parametrize("target", ["", "printer:9100", "tcp://", "tcp://host:port", "tcp://h:0"])
def test_bad_targets(target: str) -> None:
    with pytest.raises(ValueError, match="ESC/POS target"):
        EscPosPrinter(target)


def test_default_port_is_9100() -> None:
    printer = EscPosPrinter("tcp://10.0.0.7")
    assert (printer.host, printer.port) == ("10.0.0.7", 9100)
