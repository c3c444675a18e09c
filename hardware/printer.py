"""Slip printers: a folder of job files, a CUPS queue (``lp``), ESC/POS thermal printers."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hardware.base import (
    DeviceDisconnectedError,
    DeviceError,
    DeviceTimeoutError,
    PrintJob,
    sync_folder,
)

if TYPE_CHECKING:
    from PIL import Image

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_TITLE_CHARS = 60
"""How much of a job title goes into the file name."""


class FolderPrinter:
    """A printer that writes each slip PDF into a folder under a unique job file name.

    The copy is atomic (temporary file in the folder, then rename), so anything watching the
    folder (a hot folder of a print server, a USB stick sync) never sees half a file.
    """

    def __init__(self, folder: Path, name: str = "folder") -> None:
        """Create the printer; the folder is checked on each job.

        Args:
            folder: The existing directory slips go to.
            name: Printer name recorded on each job.
        """
        self.folder = Path(folder)
        self.name = name

    def print_pdf(self, pdf: Path, title: str = "") -> PrintJob:
        """Copy the PDF into the folder.

        Args:
            pdf: The slip PDF.
            title: Job title; a safe form of it goes into the file name.

        Returns:
            The job, with the written file as destination.

        Raises:
            DeviceError: The PDF is missing or not a PDF, or the folder is missing or
                not writable.
        """
        pdf = Path(pdf)
        try:
            with pdf.open("rb") as fh:
                magic = fh.read(5)
        except OSError as exc:
            raise DeviceError(f"printer {self.name}: cannot read slip {pdf}: {_why(exc)}") from exc
        if magic != b"%PDF-":
            raise DeviceError(f"printer {self.name}: {pdf} is not a PDF file")
        if not self.folder.is_dir():
            raise DeviceError(
                f"printer {self.name}: slip folder {self.folder} does not exist or is not a folder"
            )
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        job_id = f"{stamp}-{uuid.uuid4().hex[:8]}"
        safe_title = _UNSAFE.sub("-", title).strip("-.")[:MAX_TITLE_CHARS]
        target = self.folder / (f"{job_id}-{safe_title}.pdf" if safe_title else f"{job_id}.pdf")
        tmp_name = ""
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=".job-", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as out, pdf.open("rb") as src:
                shutil.copyfileobj(src, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp_name, target)
            sync_folder(self.folder)
        except OSError as exc:
            if tmp_name:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)
            raise DeviceError(
                f"printer {self.name}: cannot write to slip folder {self.folder}: {_why(exc)}"
            ) from exc
        return PrintJob(printer=self.name, job_id=job_id, destination=str(target))


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def _check_pdf(pdf: Path, name: str) -> Path:
    """The PDF path, after checking it exists and starts like a PDF."""
    pdf = Path(pdf)
    try:
        with pdf.open("rb") as fh:
            magic = fh.read(5)
    except OSError as exc:
        raise DeviceError(f"printer {name}: cannot read slip {pdf}: {_why(exc)}") from exc
    if magic != b"%PDF-":
        raise DeviceError(f"printer {name}: {pdf} is not a PDF file")
    return pdf


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


# ---- CUPS -------------------------------------------------------------------------------------

_REQUEST_ID = re.compile(r"request id is (\S+)")
_OPTION_SAFE = re.compile(r"[A-Za-z0-9_.:-]+")


class CupsPrinter:
    """A CUPS queue, printed to with ``lp`` (pycups has no wheel; ``lp`` is always there).

    Runs ``lp -d QUEUE -o media=MEDIA [-o KEY=VALUE ...] -t TITLE FILE`` with a timeout and
    reads the job id from its ``request id is QUEUE-12 (1 file(s))`` answer.
    """

    def __init__(
        self,
        queue: str,
        media: str = "Custom.80x140mm",
        options: Mapping[str, str] | None = None,
        timeout_s: float = 30.0,
        lp_command: str = "lp",
        lpstat_command: str = "lpstat",
    ) -> None:
        """Describe the queue; nothing is run yet.

        Args:
            queue: The CUPS queue (``lpstat -p`` lists them).
            media: The ``media`` option (``Custom.80x140mm``, ``A6``, ...); empty: none.
            options: Further ``-o KEY=VALUE`` options.
            timeout_s: Longest wait for ``lp`` or ``lpstat``.
            lp_command: The ``lp`` program (a name on PATH or a path).
            lpstat_command: The ``lpstat`` program.

        Raises:
            ValueError: The queue name or an option cannot be passed to ``lp``.
        """
        if not queue or not _OPTION_SAFE.fullmatch(queue):
            raise ValueError(f"CUPS queue name {queue!r} is empty or has unusual characters")
        if timeout_s <= 0:
            raise ValueError(f"printer {queue}: timeout_s must be positive, got {timeout_s}")
        self.queue = queue
        self.name = queue
        self.media = media
        self.options: dict[str, str] = dict(options or {})
        for key, value in [("media", media), *self.options.items()]:
            if key != "media" and not _OPTION_SAFE.fullmatch(key):
                raise ValueError(f"printer {queue}: bad lp option name {key!r}")
            if value and (value.startswith("-") or "\n" in value):
                raise ValueError(f"printer {queue}: bad value {value!r} for lp option {key}")
        self.timeout_s = timeout_s
        self.lp_command = lp_command
        self.lpstat_command = lpstat_command

    def print_pdf(self, pdf: Path, title: str = "") -> PrintJob:
        """Submit the PDF to the queue.

        Args:
            pdf: The slip PDF.
            title: Job title shown in the queue.

        Returns:
            The job with the CUPS job id (``QUEUE-12``) and the queue as destination.

        Raises:
            DeviceError: ``lp`` is missing, the queue does not exist or refuses jobs, or the
                job failed; the message says which.
            DeviceTimeoutError: ``lp`` did not finish in time.
        """
        pdf = _check_pdf(pdf, self.name)
        args = ["-d", self.queue]
        if self.media:
            args += ["-o", f"media={self.media}"]
        for key, value in self.options.items():
            args += ["-o", f"{key}={value}"]
        if title:
            args += ["-t", title]
        # An absolute path never starts with "-", so lp cannot take it for an option (CUPS
        # lp does not document "--").
        args.append(str(pdf.resolve()))
        out = self._run(self.lp_command, args, "print")
        match = _REQUEST_ID.search(out)
        if match is None:
            raise DeviceError(
                f"printer {self.queue}: lp gave no job id (answer: {_first_line(out) or 'none'})"
            )
        return PrintJob(printer=self.name, job_id=match.group(1), destination=self.queue)

    def status(self) -> str:
        """The queue's state as ``lpstat -p`` tells it (``printer Q is idle.  enabled ...``).

        Raises:
            DeviceError: ``lpstat`` is missing or the queue does not exist.
        """
        return _first_line(self._run(self.lpstat_command, ["-p", self.queue], "status"))

    def _run(self, command: str, args: list[str], what: str) -> str:
        program = shutil.which(command)
        if program is None:
            raise DeviceError(
                f"printer {self.queue}: the CUPS command {command!r} is not installed "
                "(install cups-client)"
            )
        try:
            done = subprocess.run(
                [program, *args],
                capture_output=True,
                text=True,
                timeout=self.timeout_s,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise DeviceTimeoutError(
                f"printer {self.queue}: {command} did not answer within {self.timeout_s:g} s"
            ) from None
        except OSError as exc:
            raise DeviceError(f"printer {self.queue}: cannot run {command}: {_why(exc)}") from exc
        if done.returncode == 0:
            return done.stdout
        said = _first_line(done.stderr) or _first_line(done.stdout)
        lowered = said.lower()
        if "does not exist" in lowered or "unknown destination" in lowered:
            raise DeviceError(
                f"printer queue {self.queue!r} does not exist (see lpstat -p): {said}"
            )
        if "not accepting" in lowered or "disabled" in lowered or "refus" in lowered:
            raise DeviceError(f"printer {self.queue} refused the job: {said}")
        raise DeviceError(
            f"printer {self.queue}: {what} failed ({command} exit {done.returncode}): "
            f"{said or 'no message'}"
        )


# ---- ESC/POS ----------------------------------------------------------------------------------

ESCPOS_PORT = 9100
"""The raw printing port of network thermal printers."""

WIDTH_PX_80MM = 576
"""Printable dots of an 80 mm printer at 203 dpi (72 mm)."""


class EscPosPrinter:
    """A thermal receipt printer spoken to in ESC/POS (python-escpos), over TCP or serial.

    The slip PDF is rendered with ``pdftoppm`` at the printer's resolution, made black and
    white, sent as raster images (``GS v 0``) after an init (``ESC @``), then cut (``GS V``):
    the same slip as on paper from CUPS, dot for dot.
    """

    def __init__(
        self,
        target: str,
        width_px: int = WIDTH_PX_80MM,
        dpi: int = 203,
        baudrate: int = 9600,
        timeout_s: float = 10.0,
        profile: str = "TM-T20II",
        threshold: int = 160,
        name: str = "",
    ) -> None:
        """Describe the printer; nothing is opened yet.

        Args:
            target: ``tcp://HOST[:PORT]`` (port 9100 by default) or a serial device path.
            width_px: Printable width in dots (576 for 80 mm, 512 TM-T88V, 384 for 58 mm).
            dpi: Dots per inch of the head (203 or 180).
            baudrate: Line speed of a serial printer.
            timeout_s: Longest wait to connect or write; pdftoppm gets 30 s.
            profile: python-escpos printer profile name.
            threshold: Grey level (0-255) below which a dot is printed black.
            name: Printer name on jobs; the target by default.

        Raises:
            ValueError: The target or a number is unusable.
        """
        target = target.strip()
        self.host = ""
        self.port = ESCPOS_PORT
        self.device = ""
        if target.startswith("tcp://"):
            rest = target[len("tcp://") :].rstrip("/")
            host, sep, port = rest.rpartition(":")
            if not sep:
                host, port = rest, str(ESCPOS_PORT)
            if not host or not port.isdigit() or not 0 < int(port) < 65536:
                raise ValueError(f"ESC/POS target {target!r}: expected tcp://HOST[:PORT]")
            self.host, self.port = host.strip("[]"), int(port)
        elif target.startswith("/"):
            self.device = target
        else:
            raise ValueError(
                f"ESC/POS target {target!r}: expected tcp://HOST[:PORT] or a serial device path"
            )
        if width_px < 8 or dpi < 50 or baudrate <= 0 or timeout_s <= 0:
            raise ValueError(f"ESC/POS {target}: width, dpi, baudrate and timeout must be sane")
        if not 0 < threshold < 256:
            raise ValueError(f"ESC/POS {target}: threshold must be 1-255, got {threshold}")
        self.target = target
        self.width_px = width_px
        self.dpi = dpi
        self.baudrate = baudrate
        self.timeout_s = timeout_s
        self.profile = profile
        self.threshold = threshold
        self.name = name or target

    def print_pdf(self, pdf: Path, title: str = "") -> PrintJob:
        """Render the PDF and send it to the printer, then cut.

        Args:
            pdf: The slip PDF.
            title: Unused by ESC/POS (no job names); kept for the ``Printer`` protocol.

        Returns:
            The job; its id is a local one (ESC/POS has none), its destination the target.

        Raises:
            DeviceError: pdftoppm is missing or fails, or the PDF cannot be rendered.
            DeviceDisconnectedError: The printer cannot be reached or the connection broke.
        """
        pdf = _check_pdf(pdf, self.name)
        pages = self.render(pdf)
        self._send(pages)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        return PrintJob(printer=self.name, job_id=f"escpos-{stamp}", destination=self.target)

    def render(self, pdf: Path) -> list[Image.Image]:
        """The PDF's pages as black-and-white images ``width_px`` dots wide.

        Each page is rasterised at the head's dpi; white side margins are cropped to the
        printable width, and only a page still too wide is scaled down.

        Raises:
            DeviceError: pdftoppm is missing, fails or gives no page.
        """
        from PIL import Image

        program = shutil.which("pdftoppm")
        if program is None:
            raise DeviceError(
                f"printer {self.name}: ESC/POS printing needs pdftoppm (install poppler-utils)"
            )
        with tempfile.TemporaryDirectory(prefix="kiosk-escpos-") as tmp:
            try:
                done = subprocess.run(
                    [program, "-r", str(self.dpi), "-gray", "-png", str(pdf), f"{tmp}/page"],
                    capture_output=True,
                    text=True,
                    timeout=30,
                    check=False,
                    stdin=subprocess.DEVNULL,
                )
            except subprocess.TimeoutExpired:
                raise DeviceError(f"printer {self.name}: rendering {pdf} took too long") from None
            if done.returncode != 0:
                raise DeviceError(
                    f"printer {self.name}: cannot render {pdf}: "
                    f"{_first_line(done.stderr) or 'pdftoppm failed'}"
                )
            pages = []
            for png in sorted(Path(tmp).glob("page*.png")):
                with Image.open(png) as img:
                    pages.append(self._fit(img.convert("L")))
        if not pages:
            raise DeviceError(f"printer {self.name}: {pdf} has no page to print")
        return pages

    def _fit(self, grey: Image.Image) -> Image.Image:
        from PIL import Image

        width, height = grey.size
        if width > self.width_px:
            left = (width - self.width_px) // 2
            right = left + self.width_px
            margins = [grey.crop((0, 0, left, height)), grey.crop((right, 0, width, height))]
            if all(_is_blank(m, self.threshold) for m in margins):
                grey = grey.crop((left, 0, right, height))
            else:
                new_height = max(1, round(height * self.width_px / width))
                grey = grey.resize((self.width_px, new_height), Image.Resampling.LANCZOS)
        cut = self.threshold
        return grey.point(lambda v: 255 if v >= cut else 0).convert("1")

    def escpos_bytes(self, pages: list[Image.Image]) -> bytes:
        """The ESC/POS program for the pages: init, raster images, feed and cut."""
        from escpos.printer import Dummy

        program = Dummy(profile=self.profile)
        program.hw("INIT")
        for page in pages:
            program.image(page, impl="bitImageRaster")
        program.cut()
        data: bytes = program.output
        return data

    def _send(self, pages: list[Image.Image]) -> None:
        """Send the program over TCP or the serial line (python-escpos builds the bytes)."""
        data = self.escpos_bytes(pages)
        if self.host:
            try:
                with socket.create_connection((self.host, self.port), self.timeout_s) as conn:
                    conn.sendall(data)
                    conn.shutdown(socket.SHUT_WR)
            except OSError as exc:
                raise DeviceDisconnectedError(
                    f"printer {self.name}: cannot print on {self.target}: {_why(exc)}"
                ) from exc
            return
        if not os.path.exists(self.device):
            raise DeviceDisconnectedError(
                f"printer {self.name}: serial port {self.device} does not exist"
            )
        import serial

        try:
            with serial.Serial(
                self.device,
                self.baudrate,
                timeout=self.timeout_s,
                write_timeout=self.timeout_s,
            ) as port:
                port.write(data)
                port.flush()
        except (OSError, serial.SerialException) as exc:
            raise DeviceDisconnectedError(
                f"printer {self.name}: cannot print on {self.target}: {exc}"
            ) from exc


def _is_blank(image: Image.Image, threshold: int) -> bool:
    """Whether a grey image has no dot darker than ``threshold`` (an empty one is blank)."""
    if image.width == 0 or image.height == 0:
        return True
    low = image.getextrema()[0]
    return isinstance(low, int | float) and low >= threshold
