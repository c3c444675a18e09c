"""`kiosk hw camera|printer|detect`: try a camera, print a test slip, find serial devices."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.cli import CommandError
from kiosk.commands.common import emit
from kiosk.settings import Settings

if TYPE_CHECKING:
    from hardware.base import Printer
    from kiosk.domain.models import Inspection

MAX_CODES_SECONDS = 3600.0
"""The longest ``hw camera codes --seconds`` run."""

CODES_INTERVAL_S = 0.1
"""``hw camera codes`` decodes about ten frames a second."""


def register(sub: Any) -> None:
    """Add ``hw camera``, ``hw printer`` and ``hw detect`` to the ``hw`` subparsers."""
    camera: argparse.ArgumentParser = sub.add_parser(
        "camera", help="grab a still or read codes from a camera (index, path, file or URL)"
    )
    camera.add_argument(
        "--source", help="device index, /dev/video path, video file or URL (default: settings)"
    )
    camera.add_argument("--width", type=int, help="frame width in pixels (devices)")
    camera.add_argument("--height", type=int, help="frame height in pixels (devices)")
    cam_sub = camera.add_subparsers(dest="camera_action", metavar="ACTION", required=True)
    snap = cam_sub.add_parser("snapshot", help="save one full-resolution frame as JPEG")
    snap.add_argument("file", metavar="FILE", type=Path)
    codes = cam_sub.add_parser("codes", help="print the codes in view as JSON lines")
    codes.add_argument("--seconds", type=float, default=10.0, help="how long to look (10)")
    codes.add_argument(
        "--all", action="store_true", help="print every sighting, not each code once"
    )
    camera.set_defaults(handler=run_camera)

    printer: argparse.ArgumentParser = sub.add_parser(
        "printer", help="print a test slip on the folder, CUPS or ESC/POS printer"
    )
    printer.add_argument("--backend", choices=("folder", "cups", "escpos"))
    printer.add_argument("--queue", help="CUPS queue (cups)")
    printer.add_argument("--media", help="CUPS media option (cups)")
    printer.add_argument("--target", help="tcp://HOST[:PORT] or serial device path (escpos)")
    printer.add_argument("--folder", type=Path, help="output folder (folder)")
    pr_sub = printer.add_subparsers(dest="printer_action", metavar="ACTION", required=True)
    pr_sub.add_parser("test", help="render a sample slip and print it")
    printer.set_defaults(handler=run_printer)

    detect: argparse.ArgumentParser = sub.add_parser(
        "detect", help="list serial ports and probe each for a balance (JSON line per port)"
    )
    detect.add_argument(
        "--port",
        action="append",
        default=[],
        metavar="PATH",
        help="also probe this port (repeatable; ptys are never listed by the system)",
    )
    detect.add_argument(
        "--glob", action="append", default=[], metavar="PATTERN", help="also probe these paths"
    )
    detect.add_argument(
        "--only", action="store_true", help="probe only --port/--glob, not the system's ports"
    )
    detect.add_argument(
        "--timeout", type=float, default=1.0, metavar="S", help="per profile and port (1 s)"
    )
    detect.set_defaults(handler=run_detect)


# ---- camera -----------------------------------------------------------------------------------


def run_camera(settings: Settings, args: argparse.Namespace) -> int:
    """``hw camera --source SRC snapshot FILE`` / ``codes [--seconds S]``."""
    from hardware.base import DeviceError
    from hardware.camera import OpenCvCamera, decode_codes, save_jpeg

    cfg = settings.camera
    source = args.source if args.source is not None else cfg.source
    try:
        camera = OpenCvCamera(
            source, width=args.width or cfg.width, height=args.height or cfg.height, fps=cfg.fps
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    try:
        if args.camera_action == "snapshot":
            target: Path = args.file
            if not target.parent.is_dir():
                raise CommandError(f"{target.parent}: no such folder for the snapshot")
            frame = camera.read()
            try:
                sha256, width, height = save_jpeg(frame, target)
            except (OSError, ValueError) as exc:
                raise CommandError(f"cannot save {target}: {exc}") from None
            emit({"path": str(target), "width": width, "height": height, "sha256": sha256})
            return 0
        seconds = float(args.seconds)
        if not 0 < seconds <= MAX_CODES_SECONDS:
            raise CommandError(f"--seconds must be between 0 and {MAX_CODES_SECONDS:g}")
        from kiosk.domain.identifiers import classify
        from kiosk.domain.models import InputSource

        seen: set[tuple[str | None, str]] = set()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            started = time.monotonic()
            for scan in decode_codes(camera.read(), max_side_px=1280):
                key = (scan.symbology, scan.value)
                if key in seen and not args.all:
                    continue
                seen.add(key)
                ident = classify(scan.value, scan.symbology, InputSource.CAMERA)
                emit(
                    {
                        "kind": ident.kind.value,
                        "value": ident.value,
                        "valid": ident.valid,
                        "symbology": scan.symbology,
                        "raw": scan.raw.decode("utf-8", errors="backslashreplace"),
                        "at": scan.at.isoformat(),
                    }
                )
            pause_s = CODES_INTERVAL_S - (time.monotonic() - started)
            if pause_s > 0 and camera.is_device:
                time.sleep(pause_s)
        return 0
    except DeviceError as exc:
        raise CommandError(str(exc)) from None
    finally:
        camera.close()


# ---- printer ----------------------------------------------------------------------------------


def sample_inspection() -> Inspection:
    """A decided CLEAR inspection of a Botswana parcel, for test slips."""
    from kiosk.slips.sample import sample_slip_inspection

    return sample_slip_inspection()


def _printer(settings: Settings, args: argparse.Namespace) -> Printer:
    from hardware.printer import CupsPrinter, EscPosPrinter, FolderPrinter

    cfg = settings.printer
    backend = args.backend or (cfg.backend if cfg.backend != "none" else "folder")
    try:
        if backend == "cups":
            queue = args.queue or cfg.queue
            if not queue:
                raise CommandError("--queue is needed for the cups backend")
            return CupsPrinter(queue, media=args.media or cfg.media)
        if backend == "escpos":
            target = args.target or cfg.target
            if not target:
                raise CommandError("--target is needed for the escpos backend")
            return EscPosPrinter(target)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    folder: Path = args.folder or settings.printer_folder
    if not folder.is_dir():
        raise CommandError(f"{folder}: no such folder for the folder printer")
    return FolderPrinter(folder)


def run_printer(settings: Settings, args: argparse.Namespace) -> int:
    """``hw printer [--backend ...] test``: print a sample slip; one JSON line with the job."""
    from hardware.base import DeviceError
    from kiosk.slips import SlipContext, SlipError, write_slip

    printer = _printer(settings, args)
    inspection = sample_inspection()
    ctx = SlipContext(
        post_code=settings.kiosk.post,
        post_name=settings.kiosk.post_name,
        kiosk_id=settings.kiosk.kiosk_id,
        inspector_name="Test slip - not a clearance",
    )
    with tempfile.TemporaryDirectory(prefix="kiosk-test-slip-") as tmp:
        try:
            pdf = write_slip(inspection, ctx, Path(tmp))
            job = printer.print_pdf(pdf, title=f"Test slip {inspection.id}")
        except (DeviceError, SlipError, OSError) as exc:
            raise CommandError(f"test slip not printed: {exc}") from None
    emit(
        {
            "printer": job.printer,
            "job_id": job.job_id,
            "destination": job.destination,
            "inspection": inspection.id,
        }
    )
    return 0


# ---- detect -----------------------------------------------------------------------------------


def run_detect(settings: Settings, args: argparse.Namespace) -> int:
    """``hw detect``: one JSON line per candidate port with the balances that answered."""
    from hardware.discovery import candidate_ports, detect

    if not 0 < args.timeout <= 30:
        raise CommandError("--timeout must be between 0 and 30 seconds")
    kwargs: dict[str, Any] = {"comports": None} if args.only else {}
    candidates = candidate_ports(args.port, args.glob, **kwargs)
    if not candidates:
        raise CommandError("no serial ports found (give --port PATH to probe one)")
    for report in detect(candidates, timeout_s=args.timeout):
        emit(report.to_dict())
    return 0
