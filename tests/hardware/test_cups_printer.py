"""CupsPrinter against a stand-in ``lp``/``lpstat`` on PATH (the external program's boundary)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from printer_fixtures import write_slip_pdf

from hardware.base import DeviceError, DeviceTimeoutError, Printer
from hardware.printer import CupsPrinter

FAKE_LP = r"""#!/bin/sh
# Records its arguments, then answers like CUPS lp does for the queue asked for.
printf '%s\n' "$@" > "$FAKE_LP_LOG"
queue=""
while [ $# -gt 0 ]; do
  if [ "$1" = "-d" ]; then queue="$2"; fi
  shift
done
case "$queue" in
  missing) echo "lp: The printer or class does not exist." >&2; exit 1 ;;
  paused) echo "lp: Destination \"paused\" is not accepting jobs." >&2; exit 1 ;;
  broken) echo "lp: Internal Server Error" >&2; exit 1 ;;
  mute) exit 0 ;;
  slow) sleep 5 ;;
esac
echo "request id is $queue-12 (1 file(s))"
"""

FAKE_LPSTAT = r"""#!/bin/sh
if [ "$2" = "Slips" ]; then
  echo "printer Slips is idle.  enabled since Thu 26 Nov 2026 10:00:00 UTC"
  exit 0
fi
echo "lpstat: Invalid destination name in list \"$2\"." >&2
exit 1
"""


@pytest.fixture
def fake_cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put stand-in ``lp`` and ``lpstat`` first on PATH; returns the file lp logs its args to."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("lp", FAKE_LP), ("lpstat", FAKE_LPSTAT)):
        script = bin_dir / name
        script.write_text(text)
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "lp-args.txt"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_LP_LOG", str(log))
    return log


@pytest.fixture
def slip(tmp_path: Path) -> Path:
    return write_slip_pdf(tmp_path / "slip.pdf")


def test_prints_with_queue_media_options_and_title(fake_cups: Path, slip: Path) -> None:
    printer = CupsPrinter("Slips", options={"fit-to-page": "true"})
    assert isinstance(printer, Printer)
    job = printer.print_pdf(slip, title="ANR-DO-01-0042")
    assert (job.printer, job.job_id, job.destination) == ("Slips", "Slips-12", "Slips")
    args = fake_cups.read_text().splitlines()
    assert args == [
        "-d", "Slips",
        "-o", "media=Custom.80x140mm",
        "-o", "fit-to-page=true",
        "-t", "ANR-DO-01-0042",
        str(slip.resolve()),
    ]  # fmt: skip


def test_unknown_queue_is_named(fake_cups: Path, slip: Path) -> None:
    with pytest.raises(DeviceError, match=r"queue 'missing' does not exist"):
        CupsPrinter("missing").print_pdf(slip)


def test_refused_and_failed_jobs(fake_cups: Path, slip: Path) -> None:
    with pytest.raises(DeviceError, match="paused refused the job"):
        CupsPrinter("paused").print_pdf(slip)
    with pytest.raises(DeviceError, match=r"exit 1\): lp: Internal Server Error"):
        CupsPrinter("broken").print_pdf(slip)
    with pytest.raises(DeviceError, match="no job id"):
        CupsPrinter("mute").print_pdf(slip)


def test_hung_lp_times_out(fake_cups: Path, slip: Path) -> None:
    with pytest.raises(DeviceTimeoutError, match=r"did not answer within 0\.5 s"):
        CupsPrinter("slow", timeout_s=0.5).print_pdf(slip)


def test_missing_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slip: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(DeviceError, match="'lp' is not installed"):
        CupsPrinter("Slips").print_pdf(slip)


def test_not_a_pdf_is_refused_before_lp_runs(fake_cups: Path, tmp_path: Path) -> None:
    text = tmp_path / "slip.txt"
    text.write_text("hello")
    with pytest.raises(DeviceError, match="is not a PDF"):
        CupsPrinter("Slips").print_pdf(text)
    assert not fake_cups.exists()


def test_status(fake_cups: Path) -> None:
    assert CupsPrinter("Slips").status().startswith("printer Slips is idle")
    with pytest.raises(DeviceError, match="Invalid destination"):
        CupsPrinter("Other").status()


@pytest.mark.parametrize(
    ("queue", "options"),
    [("", {}), ("a b", {}), ("Slips", {"media x": "1"}), ("Slips", {"sides": "-oops"})],
)
def test_unsafe_queue_or_options_are_refused(queue: str, options: dict[str, str]) -> None:
    with pytest.raises(ValueError, match=r"queue name|lp option"):
        CupsPrinter(queue, options=options)


def test_a_relative_file_is_passed_as_an_absolute_path(
    fake_cups: Path, slip: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(slip.parent)
    CupsPrinter("Slips").print_pdf(Path(slip.name))
    assert fake_cups.read_text().splitlines()[-1] == str(slip.resolve())
