"""The device hub: one worker QThread per device, results re-emitted on the GUI thread."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from hardware.base import (
    Camera,
    DeviceDisconnectedError,
    DeviceError,
    DeviceTimeoutError,
    FrameError,
    Printer,
    Reader,
    Scale,
    Scan,
    utc_now,
)
from hardware.printer import CupsPrinter, EscPosPrinter, FolderPrinter
from hardware.reader import LineReader
from hardware.rfid import ByteLink, ChafonReader, Em4100Reader
from hardware.scale import PROFILES, SerialScale
from hardware.serial_link import SerialLink, SerialSettings
from hardware.sim.chafon import ChafonSimulator
from hardware.sim.em4100 import Em4100Simulator
from hardware.sim.scales import SCALE_SIMULATORS, ScaleSimulator
from hardware.sim.scanner import LineScannerSimulator
from kiosk.domain.devices import DetectedPort, DeviceStatus
from kiosk.domain.identifiers import classify
from kiosk.domain.models import Identifier, InputSource, Photo, WeightReading
from kiosk.services.stability import StableWeightFilter, disconnected_reading, to_weight_reading
from kiosk.services.tasks import TaskRunner, TaskRunnerClosedError
from kiosk.slips.errors import SlipError

if TYPE_CHECKING:
    from kiosk.settings import Settings

log = logging.getLogger(__name__)

DEVICES: tuple[str, ...] = ("scale", "reader", "camera", "printer")
"""Device names as used in ``device_state_changed``."""

FRAME_INTERVAL_MS = 33
"""The camera preview rate: at most ~30 frames a second reach the GUI."""

READ_SLICE_S = 0.2
"""The longest single blocking read of the reader worker (bounds how late a stop is seen)."""

RETRY_INTERVAL_MS = 500
"""How often a worker retries a device that failed (the serial link adds its own back-off)."""

WEIGHT_HEARTBEAT_S = 1.0
"""An unchanged weight is re-emitted at least this often, so a screen knows the scale lives."""

STILL_MAX_AGE_S = 1.0
"""A still is taken from the latest preview frame only if it is at most this old."""

SIM_CAPACITY_CT = Decimal("5000.000")
"""Capacity of the simulated balance: a parcel balance, large enough for the sample parcels."""

JOIN_TIMEOUT_S = 10.0
"""How long ``stop()`` waits for each worker thread."""

CODE_DECODE_INTERVAL_S = 0.33
"""The camera decodes codes in view at most about three times a second."""

CODE_DECODE_MAX_SIDE_PX = 960
"""Codes are decoded on a copy of the frame shrunk to this longest side."""

CAMERA_NICENESS = 10
"""How much lower the camera thread's CPU priority is than the rest of the kiosk (Linux).

Reading, shrinking and decoding frames is the kiosk's largest steady CPU user (~12% of a core
at 30 frames a second, with ~10 ms of code decoding three times a second). On a 2-core kiosk
it competed for a CPU with the GUI thread and the task thread, and a screen update then waited
for a CPU (up to ~30 ms). The preview is what can best wait: under load it drops a frame
instead. Without load it runs as before."""

CODE_DEDUP_S = 3.0
"""A code seen again within this time of its last sighting is not scanned again."""

CAMERA_RETRY_MAX_MS = 8000
"""The longest pause between two attempts to reopen a lost camera (the back-off doubles)."""

@dataclass(frozen=True, slots=True)
class Simulators:
    """The simulated devices the hub started (``None`` where the device is real or off)."""

    scale: ScaleSimulator | None = None
    reader: LineScannerSimulator | None = None
    rfid: Em4100Simulator | ChafonSimulator | None = None


def _message(exc: BaseException) -> str:
    """A one-line message for an exception (its text, else its type)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


# ---- Workers (each lives in its own QThread) -----------------------------------------------


class _DeviceWorker(QObject):
    """Base of the device workers: a timer-driven loop of short blocking calls.

    The worker is moved to its thread before the thread starts; ``begin`` runs in the thread
    (connected to ``QThread.started``), creates the driver and the timer there, so the driver
    is only ever touched in this thread. Each timer tick does one short blocking call and
    returns to the event loop, so queued requests (zero, capture, stop) are served between
    ticks. ``finish`` stops the timer, closes the driver and quits the thread.

    Signals:
        state_changed(str, str, str): the device, its new state and a one-line detail.
    """

    state_changed = Signal(str, str, str)

    def __init__(self, name: str, interval_ms: int) -> None:
        super().__init__()
        self.name = name
        self._interval_ms = interval_ms
        self._timer: QTimer | None = None
        self._state = ""
        self._detail = ""

    # ---- lifecycle (worker thread) --------------------------------------------------------

    @Slot()
    def begin(self) -> None:
        """Start the polling loop (runs in the worker thread)."""
        self.prepare_thread()
        self._set_state("starting", "opening")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(0)

    @Slot()
    def finish(self) -> None:
        """Stop polling, release the device and end the thread's event loop.

        The worker (and its timer) then moves back to the GUI thread, so that whenever Python
        frees it, it is deleted in a thread that still runs: deleting a QObject that belongs to
        a finished thread from the garbage collector crashed the process once.
        """
        thread = self.thread()
        if self._timer is not None:
            self._timer.stop()
            self._timer.timeout.disconnect(self._on_timer_timeout)
        try:
            self.close_device()
        except Exception:
            log.exception("%s: closing the device failed", self.name)
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())
        thread.quit()

    @Slot()
    def _on_timer_timeout(self) -> None:
        thread = self.thread()
        if thread.isInterruptionRequested():
            return
        try:
            next_ms = self.tick()
        except Exception as exc:  # a driver bug must not kill the worker
            log.exception("%s: unexpected failure", self.name)
            self._set_state("error", _message(exc))
            next_ms = RETRY_INTERVAL_MS
        if self._timer is not None and next_ms >= 0 and not thread.isInterruptionRequested():
            self._timer.start(next_ms)

    # ---- for subclasses --------------------------------------------------------------------

    def prepare_thread(self) -> None:
        """Set up the worker thread itself (priority, libraries); runs first in ``begin``.

        A plain method rather than an overridden ``begin``: a slot redefined in a subclass was
        called in the GUI thread instead of the worker's.
        """

    def tick(self) -> int:
        """Do one short blocking step; return the delay before the next one in ms (< 0: stop)."""
        raise NotImplementedError

    def close_device(self) -> None:
        """Release the driver (called in the worker thread)."""

    def _set_state(self, state: str, detail: str) -> None:
        if (state, detail) != (self._state, self._detail):
            self._state, self._detail = state, detail
            self.state_changed.emit(self.name, state, detail)


class _ScaleWorker(_DeviceWorker):
    """Polls the balance; emits every (changed) reading and each accepted weight once.

    Signals:
        reading_taken(object): a ``WeightReading`` in any state (throttled to changes and a
            heartbeat).
        weight_accepted(object): a ``STABLE`` ``WeightReading`` accepted for this placement.
        command_failed(str): a zero, tare or read command failed; a one-line message.
        command_done(str): a zero or tare command succeeded (``"zero"`` or ``"tare"``).
        read_done(object): the ``WeightReading`` of one read asked for by ``read_once``.
        identified(str, str): the balance's model and serial number (either may be "").
    """

    reading_taken = Signal(object)
    weight_accepted = Signal(object)
    command_failed = Signal(str)
    command_done = Signal(str)
    read_done = Signal(object)
    identified = Signal(str, str)

    def __init__(
        self,
        factory: Callable[[], Scale],
        describe: str,
        stable_count: int,
        poll_interval_ms: int,
        timeout_s: float,
    ) -> None:
        super().__init__("scale", poll_interval_ms)
        self._factory = factory
        self._describe = describe
        self._filter = StableWeightFilter(stable_count)
        self._timeout_s = timeout_s
        self._scale: Scale | None = None
        self._scale_id = ""
        self._last_emitted: tuple[str, object] | None = None
        self._last_emitted_at = 0.0

    def tick(self) -> int:
        if self._scale is None:
            self._scale = self._factory()
        try:
            raw = self._scale.read_now(timeout_s=self._timeout_s)
        except DeviceDisconnectedError as exc:
            self._lost(_message(exc))
            return RETRY_INTERVAL_MS
        except DeviceTimeoutError as exc:
            self._lost(f"no answer: {_message(exc)}")
            return RETRY_INTERVAL_MS
        except FrameError as exc:
            log.warning("scale: broken reply ignored: %s", exc)
            return self._interval_ms
        if self._state != "ok":
            self._identify()
        reading = to_weight_reading(raw, self._scale_id)
        self._emit_reading(reading)
        accepted = self._filter.feed(reading)
        if accepted is not None:
            self.weight_accepted.emit(accepted)
        return self._interval_ms

    def close_device(self) -> None:
        if self._scale is not None:
            self._scale.close()
            self._scale = None

    @Slot()
    def zero(self) -> None:
        """Zero the balance (worker thread)."""
        self._command("zero")

    @Slot()
    def tare(self) -> None:
        """Tare the balance (worker thread)."""
        self._command("tare")

    @Slot()
    def read_once(self) -> None:
        """Read the balance once, whatever its state, and report it (worker thread)."""
        if self._scale is None:
            self.command_failed.emit("Scale read failed: the scale is not connected.")
            return
        try:
            raw = self._scale.read_now(timeout_s=self._timeout_s)
        except DeviceError as exc:
            self.command_failed.emit(f"Scale read failed: {_message(exc)}")
            return
        reading = to_weight_reading(raw, self._scale_id)
        self._emit_reading(reading, force=True)
        self.read_done.emit(reading)

    def _command(self, what: str) -> None:
        if self._scale is None:
            self.command_failed.emit(f"Scale {what} failed: the scale is not connected.")
            return
        try:
            if what == "zero":
                self._scale.zero(timeout_s=max(self._timeout_s, 5.0))
            else:
                self._scale.tare(timeout_s=max(self._timeout_s, 5.0))
        except DeviceError as exc:
            self.command_failed.emit(f"Scale {what} failed: {_message(exc)}")
            return
        self._filter.reset()
        self.command_done.emit(what)

    def _identify(self) -> None:
        assert self._scale is not None
        detail = self._describe
        try:
            info = self._scale.info(timeout_s=min(self._timeout_s, 2.0))
        except DeviceError as exc:
            log.info("scale: no identification: %s", exc)
        else:
            parts = [p for p in (info.model, f"SN {info.serial}" if info.serial else "") if p]
            self._scale_id = " ".join(parts)
            if parts:
                detail = f"{detail}, {self._scale_id}"
            self.identified.emit(info.model, info.serial)
        self._set_state("ok", detail)

    def _lost(self, why: str) -> None:
        if self._state != "disconnected":
            self._emit_reading(disconnected_reading(self._scale_id), force=True)
        self._filter.feed(disconnected_reading(self._scale_id))
        self._set_state("disconnected", f"{self._describe}: {why}")

    def _emit_reading(self, reading: WeightReading, *, force: bool = False) -> None:
        key = (reading.state.value, reading.value)
        now = time.monotonic()
        if (
            force
            or key != self._last_emitted
            or now - self._last_emitted_at >= WEIGHT_HEARTBEAT_S
        ):
            self._last_emitted = key
            self._last_emitted_at = now
            self.reading_taken.emit(reading)


class _ReaderWorker(_DeviceWorker):
    """Reads scans with short timeouts and emits each one classified.

    Signals:
        identifier_scanned(object): a domain ``Identifier`` (source SCANNER, or RFID).
    """

    identifier_scanned = Signal(object)

    def __init__(
        self,
        factory: Callable[[], Reader],
        describe: str,
        source: InputSource = InputSource.SCANNER,
    ) -> None:
        super().__init__("reader", 0)
        self._factory = factory
        self._describe = describe
        self._source = source
        self._reader: Reader | None = None

    def tick(self) -> int:
        if self._reader is None:
            self._reader = self._factory()
        try:
            scan = self._reader.read(timeout_s=READ_SLICE_S)
        except DeviceDisconnectedError as exc:
            self._set_state("disconnected", f"{self._describe}: {_message(exc)}")
            return RETRY_INTERVAL_MS
        except FrameError as exc:
            log.warning("reader: broken frame ignored: %s", exc)
            return 0
        self._set_state("ok", self._describe)
        if scan is not None:
            self.identifier_scanned.emit(
                classify(scan.value, scan.symbology, self._source)
            )
        return 0

    def close_device(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None


class _CameraWorker(_DeviceWorker):
    """Reads frames, emits a preview at most ~30 times a second, decodes codes, saves stills.

    A lost camera is reopened with a back-off that doubles from ``RETRY_INTERVAL_MS`` up to
    ``CAMERA_RETRY_MAX_MS`` and starts again once a frame comes.

    Signals:
        frame_read(QImage): a detached copy of the latest frame.
        still_saved(object): a domain ``Photo`` of a saved still.
        still_failed(str): a still could not be saved; a one-line message.
        snapshot_saved(object): a ``Photo`` taken by ``take_snapshot`` (devices screen).
        snapshot_failed(str): a snapshot could not be taken; a one-line message.
        identifier_scanned(object): an ``Identifier`` (source CAMERA) decoded from a code in
            view: once while it stays in view, again only after ``CODE_DEDUP_S`` unseen.
    """

    frame_read = Signal(QImage)
    still_saved = Signal(object)
    still_failed = Signal(str)
    snapshot_saved = Signal(object)
    snapshot_failed = Signal(str)
    identifier_scanned = Signal(object)

    def __init__(
        self,
        factory: Callable[[], Camera],
        describe: str,
        save_jpeg: Callable[[Any, Path], tuple[str, int, int]],
        decode: Callable[[Any], list[Scan]] | None = None,
    ) -> None:
        super().__init__("camera", FRAME_INTERVAL_MS)
        self._factory = factory
        self._describe = describe
        self._save_jpeg = save_jpeg
        self._decode = decode
        self._camera: Camera | None = None
        self._last_frame: Any = None
        self._last_frame_at = 0.0
        self._last_emit_at = 0.0
        self.preview_box: tuple[int, int] | None = None
        """The preview view's (width, height): set from the GUI thread (one atomic store)."""
        self._last_decode_at = 0.0
        self._codes_seen_at: dict[tuple[str | None, str], float] = {}
        self._retry_ms = RETRY_INTERVAL_MS

    def _lost(self, exc: BaseException) -> int:
        """Report the camera gone; the delay before the next attempt (doubling back-off)."""
        self._set_state("disconnected", f"{self._describe}: {_message(exc)}")
        delay_ms = self._retry_ms
        self._retry_ms = min(self._retry_ms * 2, CAMERA_RETRY_MAX_MS)
        return delay_ms

    def prepare_thread(self) -> None:
        """Lower this thread's priority and keep OpenCV's work in it."""
        _lower_thread_priority(CAMERA_NICENESS)
        from hardware.camera import use_calling_thread_only  # OpenCV stays off start-up

        use_calling_thread_only()

    def _decode_codes(self, frame: Any, now: float) -> None:
        if self._decode is None or now - self._last_decode_at < CODE_DECODE_INTERVAL_S:
            return
        self._last_decode_at = now
        try:
            scans = self._decode(frame)
        except (ValueError, DeviceError) as exc:
            log.warning("camera: cannot decode codes: %s", exc)
            return
        for key, seen_at in list(self._codes_seen_at.items()):
            if now - seen_at >= CODE_DEDUP_S:
                del self._codes_seen_at[key]
        for scan in scans:
            key = (scan.symbology, scan.value)
            fresh = key not in self._codes_seen_at
            self._codes_seen_at[key] = now
            if fresh:
                self.identifier_scanned.emit(
                    classify(scan.value, scan.symbology, InputSource.CAMERA)
                )

    def tick(self) -> int:
        started = time.monotonic()
        if self._camera is None:
            camera = self._factory()
            try:
                camera.open()
            except DeviceError as exc:
                return self._lost(exc)
            self._camera = camera
        try:
            frame = self._camera.read()
        except DeviceError as exc:
            self.close_device()
            return self._lost(exc)
        self._set_state("ok", self._describe)
        self._retry_ms = RETRY_INTERVAL_MS
        self._last_frame = frame
        self._last_frame_at = time.monotonic()
        if started - self._last_emit_at >= FRAME_INTERVAL_MS / 1000 * 0.9:
            self._last_emit_at = started
            self.frame_read.emit(_to_qimage(frame, self.preview_box))
        self._decode_codes(frame, self._last_frame_at)
        spent_ms = int((time.monotonic() - started) * 1000)
        return max(0, FRAME_INTERVAL_MS - spent_ms)

    def close_device(self) -> None:
        self._last_frame = None  # never save a picture from before a disconnect
        if self._camera is not None:
            self._camera.close()
            self._camera = None

    @Slot(str)
    def capture_still(self, path: str) -> None:
        """Save the latest full-resolution frame as a JPEG and emit the Photo (worker thread)."""
        result = self._save_still(path)
        if isinstance(result, Photo):
            self.still_saved.emit(result)
        else:
            self.still_failed.emit(result)

    @Slot(str)
    def take_snapshot(self, path: str) -> None:
        """Like ``capture_still``, for a technician's test picture (never an inspection's)."""
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.snapshot_failed.emit(f"No photo: {Path(path).parent}: {exc.strerror or exc}")
            return
        result = self._save_still(path)
        if isinstance(result, Photo):
            self.snapshot_saved.emit(result)
        else:
            self.snapshot_failed.emit(result)

    def _save_still(self, path: str) -> Photo | str:
        """Save the latest frame at ``path``: the ``Photo``, or why not in one line."""
        frame = self._last_frame
        if time.monotonic() - self._last_frame_at > STILL_MAX_AGE_S:
            frame = None
        if frame is None and self._camera is not None:
            try:
                frame = self._camera.read()
            except DeviceError as exc:
                return f"No photo: {_message(exc)}"
        if frame is None:
            return "No photo: the camera has not delivered a picture yet."
        taken_at: datetime = utc_now()
        try:
            sha256, width, height = self._save_jpeg(frame, Path(path))
        except (OSError, ValueError, DeviceError) as exc:
            return f"No photo: could not save {path}: {_message(exc)}"
        return Photo(path=str(path), sha256=sha256, width=width, height=height, taken_at=taken_at)


def _lower_thread_priority(niceness: int) -> None:
    """Raise the calling thread's niceness by ``niceness`` (Linux: each thread has its own).

    Lowering a priority needs no privilege. Elsewhere, or if refused, the thread keeps its
    priority (logged): the kiosk works the same, only less smoothly under load.
    """
    if not sys.platform.startswith("linux"):
        return
    tid = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + niceness)
    except OSError as exc:
        log.warning("could not lower the priority of thread %s: %s", tid, exc)


def _to_qimage(frame: Any, box: tuple[int, int] | None = None) -> QImage:
    """A detached preview QImage of a BGR frame: at the view's size, in the screen's format.

    See ``hardware.camera.preview_bgrx``: scaling and converting here, in the camera thread,
    keeps that work (and Qt's thread pool) off the GUI thread.

    Args:
        frame: A BGR frame.
        box: The view's (width, height) in pixels; ``None`` until the view has said.
    """
    from hardware.camera import preview_bgrx  # in the camera thread: OpenCV stays off start-up

    data = preview_bgrx(frame, *box) if box is not None else preview_bgrx(frame)
    height, width = data.shape[:2]
    if sys.byteorder == "little":  # B, G, R, 255 is Format_RGB32 (0xffRRGGBB) in memory
        image = QImage(data.data, width, height, data.strides[0], QImage.Format.Format_RGB32)
        return image.copy()
    image = QImage(data.data, width, height, data.strides[0], QImage.Format.Format_RGBA8888)
    return image.rgbSwapped()  # B, G, R, A read as R, G, B, A: swapped back, detached


class _PrinterWorker(_DeviceWorker):
    """Sends slips to the printer in its own thread.

    Signals:
        printed(str): the job's destination (a queue name or a file path).
        print_failed(str): why it failed, one line (the screen adds "Printing failed").
        test_printed(str): a test slip went to this destination.
        test_print_failed(str): a test slip could not be printed; why, in one line.
    """

    printed = Signal(str)
    print_failed = Signal(str)
    test_printed = Signal(str)
    test_print_failed = Signal(str)

    def __init__(
        self,
        factory: Callable[[], Printer],
        describe: str,
        render_test: Callable[[Path], Path] | None = None,
    ) -> None:
        super().__init__("printer", 0)
        self._factory = factory
        self._describe = describe
        self._render_test = render_test
        self._printer: Printer | None = None

    def tick(self) -> int:
        # Printing is on demand: create the driver once and stop ticking.
        if self._printer is None:
            self._printer = self._factory()
        self._set_state("ok", self._describe)
        return -1

    @Slot(str)
    def print_pdf(self, path: str) -> None:
        """Print one PDF (worker thread)."""
        try:
            if self._printer is None:
                self._printer = self._factory()
            job = self._printer.print_pdf(Path(path), title=Path(path).stem)
        except (DeviceError, OSError, ValueError) as exc:
            self._set_state("error", _message(exc))
            self.print_failed.emit(_message(exc))
            return
        self._set_state("ok", self._describe)
        self.printed.emit(job.destination)

    @Slot()
    def print_test(self) -> None:
        """Render and print a test slip (worker thread)."""
        if self._render_test is None:
            self.test_print_failed.emit("Test slips cannot be rendered here.")
            return
        try:
            with tempfile.TemporaryDirectory(prefix="kiosk-test-slip-") as tmp:
                pdf = self._render_test(Path(tmp))
                if self._printer is None:
                    self._printer = self._factory()
                job = self._printer.print_pdf(pdf, title=f"Test slip {pdf.stem}")
        except (DeviceError, SlipError, OSError, ValueError) as exc:
            self._set_state("error", _message(exc))
            self.test_print_failed.emit(_message(exc))
            return
        self._set_state("ok", self._describe)
        self.test_printed.emit(job.destination)


# ---- The hub (GUI thread) ------------------------------------------------------------------


class DeviceHub(QObject):
    """Owns the device workers and re-emits what they report on the GUI thread.

    The UI and the tests connect only to these signals; each is emitted on the thread that
    owns the hub (the GUI thread).

    Signals:
        weight_changed(object): a ``WeightReading`` in any state (changes and a heartbeat).
        weight_accepted(object): a ``STABLE`` ``WeightReading``, once per placement.
        identifier_scanned(object): an ``Identifier`` read by the scanner.
        frame_ready(QImage): the camera preview, at most ~30 a second.
        still_saved(object): a ``Photo`` saved by ``capture_still``.
        still_failed(str): a still could not be taken; a one-line message.
        device_state_changed(str, str, str): device (scale, reader, camera, printer), state
            (ok, disconnected, error, off, starting) and a one-line detail.
        scale_command_failed(str): zero or tare failed; a one-line message.
        printed(str): a slip was printed; where it went.
        print_failed(str): a slip could not be printed; why, in one line.
        status_changed(object): a device's ``DeviceStatus`` after any change (devices screen).
        scale_command_done(str): ``"zero"`` or ``"tare"`` succeeded.
        scale_read(object): the ``WeightReading`` of a ``read_scale()``.
        test_printed(str): a test slip went to this destination.
        test_print_failed(str): a test slip could not be printed; why, in one line.
        snapshot_saved(object): a ``Photo`` taken by ``take_snapshot()``.
        snapshot_failed(str): a snapshot could not be taken; why, in one line.
        ports_detected(object): a ``list[DetectedPort]`` from ``detect_ports()``.
        detection_failed(str): port detection could not run; why, in one line.
    """

    weight_changed = Signal(object)
    weight_accepted = Signal(object)
    identifier_scanned = Signal(object)
    frame_ready = Signal(QImage)
    still_saved = Signal(object)
    still_failed = Signal(str)
    device_state_changed = Signal(str, str, str)
    scale_command_failed = Signal(str)
    printed = Signal(str)
    print_failed = Signal(str)
    status_changed = Signal(object)
    scale_command_done = Signal(str)
    scale_read = Signal(object)
    test_printed = Signal(str)
    test_print_failed = Signal(str)
    snapshot_saved = Signal(object)
    snapshot_failed = Signal(str)
    ports_detected = Signal(object)
    detection_failed = Signal(str)

    _stop_requested = Signal()
    _zero_requested = Signal()
    _tare_requested = Signal()
    _read_requested = Signal()
    _capture_requested = Signal(str)
    _snapshot_requested = Signal(str)
    _print_requested = Signal(str)
    _test_print_requested = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        """Create the hub; nothing is opened or started until ``start()``.

        Args:
            settings: The kiosk settings (the device sections are used).
            parent: The Qt parent.
        """
        super().__init__(parent)
        self._settings = settings
        self._threads: dict[str, QThread] = {}
        self._workers: dict[str, _DeviceWorker] = {}
        self._states: dict[str, tuple[str, str]] = {}
        self._preview_box: tuple[int, int] | None = None
        self._simulators = Simulators()
        self._sim_dir: Path | None = None
        self._running = False
        self._statuses: dict[str, DeviceStatus] = {d: DeviceStatus(d) for d in DEVICES}
        self._detector: TaskRunner | None = None
        self._detecting = False

    # ---- Public API ------------------------------------------------------------------------

    @property
    def simulators(self) -> Simulators:
        """The simulators started for ``simulated`` backends (for the demo and the tests)."""
        return self._simulators

    @property
    def running(self) -> bool:
        """True between ``start()`` and ``stop()``."""
        return self._running

    def state(self, device: str) -> tuple[str, str]:
        """The last known (state, detail) of a device."""
        return self._states.get(device, ("off", ""))

    def statuses(self) -> dict[str, DeviceStatus]:
        """Every device's ``DeviceStatus`` now, by device name."""
        return dict(self._statuses)

    @property
    def detecting(self) -> bool:
        """True while ``detect_ports()`` runs."""
        return self._detecting

    def start(self) -> None:
        """Start the simulators (if any) and one worker thread per enabled device.

        Raises:
            DeviceError: A simulator or a configured device cannot be set up at all.
        """
        if self._running:
            return
        self._running = True
        try:
            self._start_scale()
            self._start_reader()
            self._start_camera()
            self._start_printer()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop and join every worker thread, then stop the simulators. Safe to call twice."""
        self._stop_requested.emit()
        for thread in self._threads.values():
            thread.requestInterruption()
        for name, thread in list(self._threads.items()):
            if not thread.wait(int(JOIN_TIMEOUT_S * 1000)):
                log.error("%s worker did not stop within %.0f s", name, JOIN_TIMEOUT_S)
        self._threads.clear()
        self._workers.clear()
        if self._detector is not None:
            self._detector.shutdown(JOIN_TIMEOUT_S)
            self._detector = None
            self._detecting = False
        for sim in (self._simulators.scale, self._simulators.reader, self._simulators.rfid):
            if sim is not None:
                try:
                    sim.stop()
                except Exception:
                    log.exception("stopping a simulator failed")
        if self._sim_dir is not None:
            shutil.rmtree(self._sim_dir, ignore_errors=True)
            self._sim_dir = None
        self._running = False

    @Slot()
    def zero_scale(self) -> None:
        """Zero the balance (done in the scale worker)."""
        self._zero_requested.emit()

    @Slot()
    def tare_scale(self) -> None:
        """Tare the balance (done in the scale worker)."""
        self._tare_requested.emit()

    @Slot()
    def read_scale(self) -> None:
        """Read the balance once (any state); answers ``scale_read`` or ``scale_command_failed``."""
        if "scale" not in self._workers:
            self.scale_command_failed.emit("Scale read failed: the scale is off in the settings.")
            return
        self._read_requested.emit()

    @Slot()
    def test_print(self) -> None:
        """Print a test slip; answers ``test_printed`` or ``test_print_failed``."""
        if "printer" not in self._workers:
            self.test_print_failed.emit("No printer is configured.")
            return
        self._test_print_requested.emit()

    @Slot(int, int)
    def set_preview_size(self, width: int, height: int) -> None:
        """Make preview frames ``width`` x ``height`` at most (the view's size), aspect kept.

        The camera thread scales them, so the GUI thread only copies them to the screen.
        """
        self._preview_box = (max(1, width), max(1, height))
        worker = self._workers.get("camera")
        if isinstance(worker, _CameraWorker):
            worker.preview_box = self._preview_box

    @Slot()
    def take_snapshot(self) -> None:
        """Save a test picture under ``<photos>/snapshots``; answers ``snapshot_saved`` or
        ``snapshot_failed``. It never joins an inspection."""
        if "camera" not in self._workers:
            self.snapshot_failed.emit("No photo: the camera is switched off in the settings.")
            return
        folder = self._settings.photos_path / "snapshots"
        stamp = utc_now().strftime("%Y%m%dT%H%M%S%f")
        self._snapshot_requested.emit(str(folder / f"snapshot-{stamp}.jpg"))

    def detect_ports(self, extra_paths: tuple[str, ...] = (), timeout_s: float = 1.0) -> None:
        """Probe the serial ports for balances, off the GUI thread; answers ``ports_detected``.

        The ports the kiosk's own scale and reader hold open are not probed (a probe would
        disturb them): they are reported as in use. A second call while one runs is ignored.

        Args:
            extra_paths: Further device paths to probe (simulators, ports not listed by the
                system).
            timeout_s: How long each protocol waits for an answer on each port.
        """
        if self._detecting:
            return
        in_use: dict[str, str] = {
            self._statuses[d].port: d
            for d in ("scale", "reader")
            if d in self._workers and self._statuses[d].port
        }
        if self._detector is None:
            self._detector = TaskRunner(self, name="device-detect")
        self._detecting = True
        try:
            self._detector.submit(
                lambda: _detect(extra_paths, in_use, timeout_s),
                on_done=self._on_detector_done,
                on_error=self._on_detector_failed,
                name="detect ports",
            )
        except TaskRunnerClosedError:
            self._detecting = False
            self.detection_failed.emit("Port detection is not available while stopping.")

    def capture_still(self, path: Path) -> None:
        """Save the current frame as a JPEG at ``path``; emits still_saved or still_failed."""
        if "camera" not in self._workers:
            self.still_failed.emit("No photo: the camera is switched off in the settings.")
            return
        self._capture_requested.emit(str(path))

    def print_pdf(self, path: Path) -> None:
        """Print a slip PDF in the printer worker; emits printed or print_failed."""
        if "printer" not in self._workers:
            self.print_failed.emit("No printer is configured.")
            return
        self._print_requested.emit(str(path))

    # ---- Set-up (GUI thread; drivers are created by factories run in the workers) -----------

    def _simdir(self) -> Path:
        if self._sim_dir is None:
            self._sim_dir = Path(tempfile.mkdtemp(prefix="kiosk-sim-"))
        return self._sim_dir

    def _start_scale(self) -> None:

        cfg = self._settings.scale
        if cfg.backend == "none":
            self._off("scale")
            return
        profile = PROFILES.get(cfg.protocol)
        if profile is None:
            raise DeviceError(f"scale: unknown protocol {cfg.protocol!r}")
        if cfg.backend == "simulated":
            sim = SCALE_SIMULATORS[profile.name](
                link_path=self._simdir() / "scale", capacity_ct=SIM_CAPACITY_CT
            )
            port = sim.start()
            self._simulators = Simulators(scale=sim, reader=self._simulators.reader)
            serial_settings = profile.serial_settings(port)
        else:
            serial_settings = profile.serial_settings(
                cfg.port,
                baudrate=cfg.baudrate,
                bytesize=cfg.bytesize,
                parity=cfg.parity,
                stopbits=cfg.stopbits,
                xonxoff=cfg.xonxoff,
            )
        describe = f"{profile.name.upper()} on {serial_settings.port}"
        stable_count = cfg.stable_count
        self._set_status("scale", backend=cfg.backend, port=serial_settings.port)

        def factory() -> Scale:
            return SerialScale(SerialLink(serial_settings), profile, stable_count=stable_count)

        worker = _ScaleWorker(
            factory, describe, stable_count, cfg.poll_interval_ms, cfg.timeout_s
        )
        worker.reading_taken.connect(self._on_scale_reading_taken)
        worker.weight_accepted.connect(self._on_scale_weight_accepted)
        worker.command_failed.connect(self._on_scale_command_failed)
        worker.command_done.connect(self._on_scale_command_done)
        worker.read_done.connect(self._on_scale_read_done)
        worker.identified.connect(self._on_scale_identified)
        self._zero_requested.connect(worker.zero)
        self._tare_requested.connect(worker.tare)
        self._read_requested.connect(worker.read_once)
        self._launch(worker)

    def _start_reader(self) -> None:

        cfg = self._settings.reader
        if cfg.backend == "none":
            self._off("reader")
            return
        if cfg.kind in ("em4100", "chafon"):
            self._start_rfid()
            return
        if cfg.backend == "simulated":
            sim = LineScannerSimulator(link_path=self._simdir() / "reader")
            port = sim.start()
            self._simulators = replace(self._simulators, reader=sim)
        else:
            port = cfg.port
        serial_settings = SerialSettings(port=port, baudrate=cfg.baudrate)
        describe = f"Line scanner on {port}"
        self._set_status("reader", backend=cfg.backend, port=port, model="line scanner")

        def factory() -> Reader:
            return LineReader(SerialLink(serial_settings))

        worker = _ReaderWorker(factory, describe)
        worker.identifier_scanned.connect(self._on_reader_identifier_scanned)
        self._launch(worker)

    def _start_rfid(self) -> None:
        """An EM4100 or Chafon UHF reader (or its simulator); values classified as RFID."""
        cfg = self._settings.reader
        if cfg.backend == "simulated":
            rfid_sim: Em4100Simulator | ChafonSimulator
            if cfg.kind == "em4100":
                rfid_sim = Em4100Simulator(link_path=self._simdir() / "reader")
            else:
                rfid_sim = ChafonSimulator(link_path=self._simdir() / "reader")
            port = rfid_sim.start()
            self._simulators = replace(self._simulators, rfid=rfid_sim)
        else:
            port = cfg.port
        serial_settings = SerialSettings(port=port, baudrate=cfg.baudrate)
        model = "EM4100 RFID reader" if cfg.kind == "em4100" else "UHF RFID reader"
        self._set_status("reader", backend=cfg.backend, port=port, model=model)
        factory: Callable[[], Reader]
        if cfg.kind == "em4100":
            describe = f"EM4100 RFID reader on {port}"

            def factory() -> Reader:
                return Em4100Reader(SerialLink(serial_settings), dedupe_s=cfg.dedupe_s)

        else:
            describe = f"UHF RFID reader on {port}"

            def factory() -> Reader:
                return ChafonReader(ByteLink(serial_settings), dedupe_s=cfg.dedupe_s)

        worker = _ReaderWorker(factory, describe, InputSource.RFID)
        worker.identifier_scanned.connect(self._on_reader_identifier_scanned)
        self._launch(worker)

    def _start_camera(self) -> None:

        cfg = self._settings.camera
        if cfg.backend == "none":
            self._off("camera")
            return
        factory: Callable[[], Camera]
        self._set_status(
            "camera",
            backend=cfg.backend,
            port=str(cfg.source) if cfg.backend != "simulated" else "test pattern",
            model=f"{cfg.width}x{cfg.height}",
        )
        if cfg.backend == "simulated":
            describe = f"Test pattern {cfg.width}x{cfg.height}"

            def factory() -> Camera:
                from hardware.camera import PatternCamera

                return PatternCamera(width=cfg.width, height=cfg.height, fps=cfg.fps)
        else:
            describe = f"Camera {cfg.source}"

            def factory() -> Camera:
                from hardware.camera import OpenCvCamera

                return OpenCvCamera(cfg.source, width=cfg.width, height=cfg.height, fps=cfg.fps)

        def save(frame: Any, path: Path) -> tuple[str, int, int]:
            from hardware.camera import save_jpeg

            return save_jpeg(frame, path)

        decode: Callable[[Any], list[Scan]] | None = None
        if cfg.decode_codes:

            def decode(frame: Any) -> list[Scan]:
                from hardware.camera import decode_codes

                return decode_codes(frame, max_side_px=CODE_DECODE_MAX_SIDE_PX)

        worker = _CameraWorker(factory, describe, save, decode)
        worker.preview_box = self._preview_box
        worker.frame_read.connect(self._on_camera_frame_read)
        worker.identifier_scanned.connect(self._on_reader_identifier_scanned)
        worker.still_saved.connect(self._on_camera_still_saved)
        worker.still_failed.connect(self._on_camera_still_failed)
        worker.snapshot_saved.connect(self._on_camera_snapshot_saved)
        worker.snapshot_failed.connect(self._on_camera_snapshot_failed)
        self._capture_requested.connect(worker.capture_still)
        self._snapshot_requested.connect(worker.take_snapshot)
        self._launch(worker)

    def _start_printer(self) -> None:

        cfg = self._settings.printer
        if cfg.backend == "none":
            self._off("printer")
            return
        folder = self._settings.printer_folder
        factory: Callable[[], Printer]
        if cfg.backend == "cups":
            describe = f"CUPS queue {cfg.queue}"

            def factory() -> Printer:
                return CupsPrinter(cfg.queue, media=cfg.media)
        elif cfg.backend == "escpos":
            describe = f"ESC/POS printer {cfg.target}"

            def factory() -> Printer:
                return EscPosPrinter(cfg.target)
        else:
            describe = f"Folder {folder}"

            def factory() -> Printer:
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DeviceError(
                        f"printer folder {folder} cannot be created: {exc.strerror or exc}"
                    ) from None
                return FolderPrinter(folder)

        where = {"cups": cfg.queue, "escpos": cfg.target}.get(cfg.backend, str(folder))
        self._set_status("printer", backend=cfg.backend, port=where)
        kiosk = self._settings.kiosk

        def render_test(tmp: Path) -> Path:
            from kiosk.slips.sample import write_test_slip

            return write_test_slip(kiosk.post, kiosk.post_name, kiosk.kiosk_id, tmp)

        worker = _PrinterWorker(factory, describe, render_test)
        worker.printed.connect(self._on_printer_printed)
        worker.print_failed.connect(self._on_printer_print_failed)
        worker.test_printed.connect(self._on_printer_test_printed)
        worker.test_print_failed.connect(self._on_printer_test_print_failed)
        self._print_requested.connect(worker.print_pdf)
        self._test_print_requested.connect(worker.print_test)
        self._launch(worker)

    def _launch(self, worker: _DeviceWorker) -> None:
        thread = QThread()
        thread.setObjectName(f"device-{worker.name}")
        worker.moveToThread(thread)
        # Wired before start: the worker begins in its thread, and is deleted there at the end.
        thread.started.connect(worker.begin)
        thread.finished.connect(worker.deleteLater)
        self._stop_requested.connect(worker.finish)
        name = worker.name
        worker.state_changed.connect(self._on_worker_state_changed)
        self._threads[name] = thread
        self._workers[name] = worker
        thread.start()

    def _off(self, device: str) -> None:
        self._states[device] = ("off", "disabled in the settings")
        self._set_status(device, backend="none", state="off", detail="disabled in the settings")
        self.device_state_changed.emit(device, "off", "disabled in the settings")

    def _set_status(self, device: str, **changes: Any) -> None:
        """Change a device's ``DeviceStatus`` and tell the devices screen."""
        status = replace(self._statuses[device], **changes)
        if status != self._statuses[device]:
            self._statuses[device] = status
            self.status_changed.emit(status)

    # ---- Slots (GUI thread) ----------------------------------------------------------------

    @Slot(str, str, str)
    def _on_worker_state_changed(self, device: str, state: str, detail: str) -> None:
        if not self._running:
            return
        self._states[device] = (state, detail)
        self._set_status(device, state=state, detail=detail)
        self.device_state_changed.emit(device, state, detail)

    @Slot(object)
    def _on_scale_reading_taken(self, reading: object) -> None:
        if self._running:
            if isinstance(reading, WeightReading):
                self._set_status("scale", last_reading=reading, last_at=reading.taken_at)
            self.weight_changed.emit(reading)

    @Slot(object)
    def _on_scale_read_done(self, reading: object) -> None:
        if self._running:
            self.scale_read.emit(reading)

    @Slot(str)
    def _on_scale_command_done(self, what: str) -> None:
        if self._running:
            self.scale_command_done.emit(what)

    @Slot(str, str)
    def _on_scale_identified(self, model: str, serial: str) -> None:
        if self._running:
            self._set_status("scale", model=model, serial=serial)

    @Slot(object)
    def _on_scale_weight_accepted(self, reading: object) -> None:
        if self._running:
            self.weight_accepted.emit(reading)

    @Slot(str)
    def _on_scale_command_failed(self, message: str) -> None:
        if self._running:
            self.scale_command_failed.emit(message)

    @Slot(object)
    def _on_reader_identifier_scanned(self, identifier: object) -> None:
        if self._running:
            if isinstance(identifier, Identifier) and identifier.source is not InputSource.CAMERA:
                self._set_status("reader", last_value=identifier.value, last_at=utc_now())
            self.identifier_scanned.emit(identifier)

    @Slot(QImage)
    def _on_camera_frame_read(self, image: QImage) -> None:
        if self._running:
            self.frame_ready.emit(image)

    @Slot(object)
    def _on_camera_still_saved(self, photo: object) -> None:
        if self._running:
            self.still_saved.emit(photo)

    @Slot(str)
    def _on_camera_still_failed(self, message: str) -> None:
        if self._running:
            self.still_failed.emit(message)

    @Slot(object)
    def _on_camera_snapshot_saved(self, photo: object) -> None:
        if self._running:
            if isinstance(photo, Photo):
                self._set_status("camera", last_value=photo.path, last_at=photo.taken_at)
            self.snapshot_saved.emit(photo)

    @Slot(str)
    def _on_camera_snapshot_failed(self, message: str) -> None:
        if self._running:
            self.snapshot_failed.emit(message)

    @Slot(str)
    def _on_printer_test_printed(self, destination: str) -> None:
        if self._running:
            self._set_status("printer", last_value=destination, last_at=utc_now())
            self.test_printed.emit(destination)

    @Slot(str)
    def _on_printer_test_print_failed(self, message: str) -> None:
        if self._running:
            self.test_print_failed.emit(message)

    def _on_detector_done(self, result: object) -> None:
        self._detecting = False
        self.ports_detected.emit(result)

    def _on_detector_failed(self, exc: BaseException) -> None:
        self._detecting = False
        log.warning("port detection failed: %s", exc)
        self.detection_failed.emit(f"Port detection failed: {_message(exc)}")

    @Slot(str)
    def _on_printer_printed(self, destination: str) -> None:
        if self._running:
            self.printed.emit(destination)

    @Slot(str)
    def _on_printer_print_failed(self, message: str) -> None:
        if self._running:
            self.print_failed.emit(message)


def _detect(
    extra_paths: tuple[str, ...], in_use: dict[str, str], timeout_s: float
) -> list[DetectedPort]:
    """Probe the candidate ports for balances (runs in the detector's thread)."""
    from hardware.discovery import candidate_ports, detect

    candidates = candidate_ports(paths=extra_paths)
    free = [c for c in candidates if c.port not in in_use and (c.by_id or "") not in in_use]
    found: list[DetectedPort] = [
        DetectedPort(
            port=c.port,
            by_id=c.by_id,
            description=c.description,
            found=(f"in use by the kiosk's {in_use.get(c.port) or in_use.get(c.by_id or '')}",),
        )
        for c in candidates
        if c not in free
    ]
    for report in detect(free, timeout_s=timeout_s):
        c = report.candidate
        found.append(
            DetectedPort(
                port=c.port,
                by_id=c.by_id,
                description=c.description,
                found=tuple(
                    " ".join(
                        p for p in (m.kind, m.protocol, m.model, m.serial and f"SN {m.serial}") if p
                    )
                    for m in report.matches
                ),
                problems=tuple(sorted(set(report.errors.values()))),
            )
        )
    return found
