"""FolderPrinter: atomic unique job files, clear errors."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from hardware.base import DeviceError, Printer
from hardware.printer import FolderPrinter

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def slip(tmp_path: Path) -> Path:
    path = tmp_path / "slip.pdf"
    path.write_bytes(PDF)
    return path


def test_prints_into_the_folder_under_unique_names(tmp_path: Path, slip: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    printer = FolderPrinter(out, name="hot-folder")
    assert isinstance(printer, Printer)
    first = printer.print_pdf(slip, title="INS-2026-0001")
    second = printer.print_pdf(slip, title="INS-2026-0001")
    assert first.printer == "hot-folder"
    assert first.job_id != second.job_id
    assert first.destination != second.destination
    for job in (first, second):
        target = Path(job.destination)
        assert target.parent == out
        assert target.name.endswith("-INS-2026-0001.pdf")
        assert target.read_bytes() == PDF
    assert sorted(p.name for p in out.iterdir()) == sorted(
        Path(j.destination).name for j in (first, second)
    )  # no temporary files left


def test_title_cannot_escape_the_folder(tmp_path: Path, slip: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    job = FolderPrinter(out).print_pdf(slip, title="../../etc/passwd")
    assert Path(job.destination).parent == out
    assert "/" not in Path(job.destination).name


def test_missing_folder_is_a_clear_error(tmp_path: Path, slip: Path) -> None:
    with pytest.raises(DeviceError, match="does not exist"):
        FolderPrinter(tmp_path / "nowhere").print_pdf(slip)
    (tmp_path / "file").write_text("x")
    with pytest.raises(DeviceError, match="not a folder"):
        FolderPrinter(tmp_path / "file").print_pdf(slip)


def test_unwritable_folder_is_a_clear_error(tmp_path: Path, slip: Path) -> None:
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    else:  # root writes anywhere it has permission bits for; sysfs refuses even root
        folder = Path("/sys")
        try:
            fd, name = tempfile.mkstemp(dir=folder)
        except OSError:
            pass
        else:  # pragma: no cover - a writable /sys: nothing left to test with
            os.close(fd)
            os.unlink(name)
            pytest.skip("no unwritable folder available")
    with pytest.raises(DeviceError, match="cannot write to slip folder"):
        FolderPrinter(folder).print_pdf(slip)


def test_bad_slip_files_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    printer = FolderPrinter(out)
    with pytest.raises(DeviceError, match="cannot read slip"):
        printer.print_pdf(tmp_path / "missing.pdf")
    text = tmp_path / "note.pdf"
    text.write_text("hello")
    with pytest.raises(DeviceError, match="not a PDF"):
        printer.print_pdf(text)
    assert list(out.iterdir()) == []
