"""Slip printers: the folder printer stores each slip PDF as a job file."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

from hardware.base import DeviceError, PrintJob

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
