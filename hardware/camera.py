"""Cameras: OpenCV capture (device, file, URL), a live test pattern, code decoding, JPEG stills."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
import zxingcpp

from hardware.base import DeviceDisconnectedError, Scan, sync_folder, utc_now

log = logging.getLogger(__name__)

Frame = npt.NDArray[np.uint8]
"""A BGR image, shape (height, width, 3)."""


# ---- OpenCV capture ---------------------------------------------------------------------------


class OpenCvCamera:
    """A camera read through OpenCV ``VideoCapture``.

    ``source`` is a device index (``"0"``), a device path (``/dev/video0``,
    ``/dev/v4l/by-id/...``), a video file or a URL. Indices and ``/dev`` paths use the V4L2
    backend with MJPG, the frame size, the frame rate and a one-frame buffer where the device
    supports them. A video file plays in a loop, so a demo video never ends. Blocks and never
    starts threads; a lock makes it safe to close from another thread.
    """

    def __init__(
        self,
        source: str,
        width: int = 1280,
        height: int = 720,
        fps: int = 30,
        timeout_s: float = 5.0,
    ) -> None:
        """Describe the camera; nothing is opened yet.

        Args:
            source: Device index, device path, video file or URL.
            width: Requested frame width in pixels (devices only).
            height: Requested frame height in pixels (devices only).
            fps: Requested frame rate (devices only).
            timeout_s: Longest wait to open or read a URL stream.
        """
        if not source.strip():
            raise ValueError("camera: no source given")
        if width <= 0 or height <= 0 or fps <= 0:
            raise ValueError(f"camera {source}: width, height and fps must be positive")
        self.source = source.strip()
        self.width = width
        self.height = height
        self.fps = fps
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._capture: cv2.VideoCapture | None = None

    @property
    def is_device(self) -> bool:
        """Whether the source is a local capture device (index or ``/dev`` path)."""
        return self.source.isdigit() or self.source.startswith("/dev/")

    @property
    def is_file(self) -> bool:
        """Whether the source is a video file (it loops)."""
        return not self.is_device and "://" not in self.source

    @property
    def opened(self) -> bool:
        """Whether the capture is open."""
        with self._lock:
            return self._capture is not None

    def open(self) -> None:
        """Open the source.

        Raises:
            DeviceDisconnectedError: The source does not exist or cannot be opened.
        """
        with self._lock:
            self._open_locked()

    def read(self) -> Frame:
        """The next frame, opening the source first if needed.

        Returns:
            A BGR frame.

        Raises:
            DeviceDisconnectedError: The source is gone or gives no frames; the capture is
                released, and the next call tries to open it again.
        """
        with self._lock:
            capture = self._open_locked()
            ok, frame = capture.read()
            if (not ok or frame is None) and self.is_file:
                capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
                ok, frame = capture.read()
            if not ok or frame is None:
                self._release_locked()
                raise DeviceDisconnectedError(f"camera {self.source}: no frame (camera gone?)")
            return _as_bgr(frame)

    def close(self) -> None:
        """Release the source."""
        with self._lock:
            self._release_locked()

    def __enter__(self) -> OpenCvCamera:
        """Open the camera for a ``with`` block."""
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Release the camera."""
        self.close()

    def _open_locked(self) -> cv2.VideoCapture:
        if self._capture is not None:
            return self._capture
        if self.is_device:
            if not self.source.isdigit() and not os.path.exists(self.source):
                raise DeviceDisconnectedError(f"camera {self.source}: no such device")
            target: int | str = int(self.source) if self.source.isdigit() else self.source
            capture = cv2.VideoCapture(target, cv2.CAP_V4L2)
        elif self.is_file:
            if not os.path.isfile(self.source):
                raise DeviceDisconnectedError(f"camera {self.source}: no such video file")
            capture = cv2.VideoCapture(self.source)
        else:
            timeout_ms = int(self.timeout_s * 1000)
            capture = cv2.VideoCapture(
                self.source,
                cv2.CAP_FFMPEG,
                [
                    cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
                    timeout_ms,
                    cv2.CAP_PROP_READ_TIMEOUT_MSEC,
                    timeout_ms,
                ],
            )
        if not capture.isOpened():
            capture.release()
            raise DeviceDisconnectedError(f"camera {self.source}: cannot open")
        if self.is_device:
            # Each property is only a request: a device that cannot do it keeps its own value.
            capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
            capture.set(cv2.CAP_PROP_FPS, self.fps)
            capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        log.info("camera %s opened", self.source)
        self._capture = capture
        return capture

    def _release_locked(self) -> None:
        capture, self._capture = self._capture, None
        if capture is not None:
            capture.release()


def _as_bgr(frame: npt.NDArray[np.integer[Any] | np.floating[Any]]) -> Frame:
    if frame.dtype != np.uint8:
        raise DeviceDisconnectedError(f"camera gave frames of type {frame.dtype}, expected uint8")
    if frame.ndim == 2:
        return np.ascontiguousarray(cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR))
    if frame.ndim == 3 and frame.shape[2] == 4:
        return np.ascontiguousarray(cv2.cvtColor(frame, cv2.COLOR_BGRA2BGR))
    if frame.ndim == 3 and frame.shape[2] == 3:
        return np.ascontiguousarray(frame, dtype=np.uint8)
    raise DeviceDisconnectedError(f"camera gave frames of shape {frame.shape}, expected BGR")


PREVIEW_MAX_WIDTH_PX = 640
"""The preview's width and height limit until the view has told its size."""


def use_calling_thread_only() -> None:
    """Make OpenCV do each call's work in the thread that calls it, not in its thread pool.

    By default OpenCV splits a resize or a colour conversion over a pool of one thread per
    core. For the camera thread's small frames the split saves little, while the pool's threads
    took CPUs at the same moment as the GUI thread. Process-wide; the camera's worker calls it.
    """
    cv2.setNumThreads(1)


def preview_size(frame_w: int, frame_h: int, box_w: int, box_h: int) -> tuple[int, int]:
    """The size a ``frame_w`` x ``frame_h`` frame is shown at in a ``box_w`` x ``box_h`` view.

    Its aspect kept, as large as fits, never enlarged; rounded as Qt's ``QSize.scaled`` with
    ``KeepAspectRatio`` rounds, so the view paints it 1:1.
    """
    if frame_w <= 0 or frame_h <= 0 or box_w <= 0 or box_h <= 0:
        return max(frame_w, 1), max(frame_h, 1)
    if frame_w <= box_w and frame_h <= box_h:
        return frame_w, frame_h
    width_at_box_h = box_h * frame_w // frame_h
    if width_at_box_h <= box_w:
        return max(width_at_box_h, 1), box_h
    return box_w, max(box_w * frame_h // frame_w, 1)


def preview_bgrx(
    frame: Frame, box_w: int = PREVIEW_MAX_WIDTH_PX, box_h: int = PREVIEW_MAX_WIDTH_PX
) -> Frame:
    """A frame for the live preview: fitted into ``box_w`` x ``box_h``, 4 bytes a pixel (BGRX).

    Four bytes a pixel is how a little-endian screen stores a pixel (Qt's ``Format_RGB32``),
    and the size is the view's: the GUI copies it to the screen as it is (0.02 ms), where
    converting and smoothly scaling a camera frame made Qt split the work over its thread pool
    and wait for it, on the GUI thread, at every paint (9-11 ms a frame on average, up to
    100 ms on a busy 2-core machine). Done in the camera thread, where OpenCV runs without the
    GIL.

    Args:
        frame: A BGR frame.
        box_w: The view's width in pixels.
        box_h: The view's height in pixels.

    Returns:
        A contiguous array of shape (height, width, 4).
    """
    height, width = frame.shape[:2]
    return np.ascontiguousarray(
        cv2.cvtColor(shrink(frame, preview_size(width, height, box_w, box_h)), cv2.COLOR_BGR2BGRA),
        dtype=np.uint8,
    )


def shrink(frame: Frame, size: tuple[int, int]) -> Frame:
    """``frame`` (colour or grey) scaled down to ``size`` (width, height), smoothly.

    Area averaging (``INTER_AREA``) keeps fine print and edges free of aliasing, but OpenCV
    has a fast path only for exactly half size: 0.4 ms for 1280x720 to 640x360, against 4-8 ms
    for any other factor (to the view's 403x227, say), 30 times a second. So the frame is
    halved by area averaging while half is still at least ``size``, and the rest, a factor
    below 2, is interpolated bilinearly: 0.5-1.2 ms in all. Below a factor of 2 a 1-pixel
    pattern may shimmer a little in the view; stills are saved at full resolution.
    """
    height, width = frame.shape[:2]
    while width // 2 >= size[0] and height // 2 >= size[1] and (width, height) != size:
        width, height = width // 2, height // 2
        frame = np.asarray(
            cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA), dtype=np.uint8
        )
    if (width, height) == size:
        return frame
    return np.asarray(cv2.resize(frame, size, interpolation=cv2.INTER_LINEAR), dtype=np.uint8)


# ---- Generated test pattern -------------------------------------------------------------------

_DESK_BGR = (58, 92, 128)
_PAPER_BGR = (246, 248, 250)
_MARKER_BGR = (40, 40, 220)
_TEXT_BGR = (30, 30, 30)

# Seven segments per glyph: top, top-right, bottom-right, bottom, bottom-left, top-left, middle.
_SEGMENTS = {
    "0": "abcdef",
    "1": "bc",
    "2": "abdeg",
    "3": "abcdg",
    "4": "bcfg",
    "5": "acdfg",
    "6": "acdefg",
    "7": "abc",
    "8": "abcdefg",
    "9": "abcdfg",
    "-": "g",
}


class PatternCamera:
    """A generated live picture: a desk, a parcel paper with diamonds, a moving marker, a clock.

    Built with numpy only. The static part is drawn once; each frame copies it and draws the
    marker, the frame counter and the UTC time, so a preview visibly lives. Frames come at most
    ``fps`` per second (``read`` waits like a real camera); ``fps=0`` gives them at once.
    """

    def __init__(self, width: int = 1280, height: int = 720, fps: float = 30.0) -> None:
        """Prepare the static picture.

        Args:
            width: Frame width in pixels (at least 160).
            height: Frame height in pixels (at least 120).
            fps: Frame rate that ``read`` paces to; 0 disables pacing.
        """
        if width < 160 or height < 120:
            raise ValueError(f"pattern camera: frame {width}x{height} is too small (min 160x120)")
        if fps < 0:
            raise ValueError(f"pattern camera: fps must not be negative, got {fps}")
        self.width = width
        self.height = height
        self.fps = fps
        self.frame_count = 0
        self._is_open = False
        self._next_due = 0.0
        self._static = _static_pattern(width, height)
        self._glyph_h = max(14, height // 24)

    @property
    def opened(self) -> bool:
        """Whether ``open`` was called (and not ``close``)."""
        return self._is_open

    def open(self) -> None:
        """Start the picture (never fails)."""
        self._is_open = True
        self._next_due = time.monotonic()

    def read(self) -> Frame:
        """The next frame, waiting for its time at the configured rate.

        Returns:
            A new BGR frame the caller may keep.
        """
        if not self._is_open:
            self.open()
        if self.fps > 0:
            now = time.monotonic()
            if self._next_due > now:
                time.sleep(self._next_due - now)
            self._next_due = max(self._next_due + 1.0 / self.fps, time.monotonic() - 1.0)
        frame = self._static.copy()
        n = self.frame_count
        self.frame_count += 1
        h, w = self.height, self.width
        size = max(8, h // 30)
        # The marker runs round the paper once every four seconds at 30 fps.
        span_x, span_y = w - 2 * size - 8, h // 8
        phase = (n % 120) / 120
        x = 4 + int(span_x * (phase * 2 if phase < 0.5 else 2 - phase * 2))
        y = h - span_y - size - 4 + int(span_y * abs(np.sin(phase * 2 * np.pi)))
        frame[y : y + size, x : x + size] = _MARKER_BGR
        stamp = datetime.now(UTC).strftime("%H-%M-%S")
        _draw_text(frame, f"{n:06d}", 12, 12, self._glyph_h)
        _draw_text(frame, stamp, w - 12 - _text_width(stamp, self._glyph_h), 12, self._glyph_h)
        return frame

    def close(self) -> None:
        """Stop the picture."""
        self._is_open = False


def _static_pattern(width: int, height: int) -> Frame:
    ys = np.linspace(0.85, 1.1, height, dtype=np.float32)[:, None, None]
    frame = np.clip(np.array(_DESK_BGR, dtype=np.float32)[None, None, :] * ys, 0, 255)
    frame = np.broadcast_to(frame, (height, width, 3)).astype(np.uint8)
    # The parcel paper, centred, with a soft shadow.
    pw, ph = int(width * 0.5), int(height * 0.6)
    px, py = (width - pw) // 2, (height - ph) // 2
    frame[py + 6 : py + ph + 6, px + 6 : px + pw + 6] = (35, 55, 80)
    frame[py : py + ph, px : px + pw] = _PAPER_BGR
    yy, xx = np.mgrid[0:height, 0:width]
    stones = [(0.38, 0.42, 0.055), (0.55, 0.38, 0.04), (0.47, 0.58, 0.065), (0.62, 0.6, 0.035)]
    for fx, fy, fr in stones:
        cx, cy, r = int(width * fx), int(height * fy), max(4, int(height * fr))
        dx, dy = (xx - cx) / r, (yy - cy) / (r * 1.25)
        inside = (np.abs(dx) + np.abs(dy)) <= 1.0
        # Facets: brightness by quadrant and distance from the centre.
        shade = 200 + 40 * np.sign(dx) * np.sign(dy) - 60 * (np.abs(dx) + np.abs(dy))
        shade = np.clip(shade, 120, 255).astype(np.uint8)
        for channel, tint in enumerate((1.0, 0.97, 0.92)):
            plane = frame[:, :, channel]
            plane[inside] = (shade[inside] * tint).astype(np.uint8)
        outline = inside & ((np.abs(dx) + np.abs(dy)) > 0.92)
        frame[outline] = (90, 90, 90)
    return np.ascontiguousarray(frame)


def _text_width(text: str, glyph_h: int) -> int:
    return len(text) * (glyph_h // 2 + glyph_h // 4)


def _draw_text(frame: Frame, text: str, x: int, y: int, glyph_h: int) -> None:
    """Draw digits and dashes as seven-segment glyphs on a light box."""
    gw, t = glyph_h // 2, max(2, glyph_h // 8)
    advance = gw + glyph_h // 4
    frame[y - 4 : y + glyph_h + 4, x - 4 : x + _text_width(text, glyph_h) + 2] = (235, 235, 235)
    half = glyph_h // 2
    boxes = {
        "a": (0, 0, gw, t),
        "b": (gw - t, 0, t, half),
        "c": (gw - t, half, t, glyph_h - half),
        "d": (0, glyph_h - t, gw, t),
        "e": (0, half, t, glyph_h - half),
        "f": (0, 0, t, half),
        "g": (0, half - t // 2, gw, t),
    }
    for i, ch in enumerate(text):
        gx = x + i * advance
        for seg in _SEGMENTS.get(ch, ""):
            bx, by, bw, bh = boxes[seg]
            frame[y + by : y + by + bh, gx + bx : gx + bx + bw] = _TEXT_BGR


# ---- Codes in view ----------------------------------------------------------------------------

CAMERA_READER = "camera"
"""The ``reader`` name of scans decoded from camera frames."""


def decode_codes(frame: Frame, max_side_px: int | None = None) -> list[Scan]:
    """Decode every barcode and 2D code in a frame with zxing-cpp.

    A pure function: no state, no I/O. The frame is converted to grey and, with
    ``max_side_px``, first shrunk (never enlarged) so its longer side is at most that many
    pixels, which keeps decoding of a 1280x720 preview well under its frame time.

    Args:
        frame: A BGR (or grey) uint8 image.
        max_side_px: Longest side to decode at; ``None`` decodes at full size.

    Returns:
        One ``Scan`` per code found, in zxing-cpp's order: ``value`` is the decoded text,
        ``symbology`` the AIM identifier (``"]C0"`` Code 128, ``"]Q1"`` QR, ...), ``raw``
        the decoded bytes as they were, ``reader`` ``"camera"``.

    Raises:
        ValueError: The frame is not a uint8 image, or ``max_side_px`` is not positive.
    """
    if max_side_px is not None and max_side_px <= 0:
        raise ValueError(f"decode_codes: max_side_px must be positive, got {max_side_px}")
    if (
        not isinstance(frame, np.ndarray)
        or frame.dtype != np.uint8
        or frame.ndim not in (2, 3)
        or frame.size == 0
    ):
        shape = getattr(frame, "shape", None)
        raise ValueError(f"cannot decode codes: expected a uint8 image, got shape {shape}")
    grey: npt.NDArray[Any] = frame
    if frame.ndim == 3:
        channels = frame.shape[2]
        if channels == 1:
            grey = frame[:, :, 0]
        elif channels == 3:
            grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        elif channels == 4:
            grey = cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
        else:
            raise ValueError(f"cannot decode codes: {channels} colour channels")
    height, width = grey.shape[:2]
    if max_side_px is not None and max(height, width) > max_side_px:
        factor = max_side_px / max(height, width)
        size = (max(1, round(width * factor)), max(1, round(height * factor)))
        grey = shrink(grey, size)
    found = zxingcpp.read_barcodes(np.ascontiguousarray(grey))
    at = utc_now()
    return [
        Scan(
            value=code.text,
            symbology=code.symbology_identifier or None,
            raw=bytes(code.bytes),
            at=at,
            reader=CAMERA_READER,
        )
        for code in found
        if code.valid and code.text
    ]


# ---- Stills -----------------------------------------------------------------------------------


def save_jpeg(frame: Frame, path: Path, quality: int = 90) -> tuple[str, int, int]:
    """Encode a frame as JPEG and write it atomically (temporary file, fsync, rename, folder fsync).

    Args:
        frame: A BGR (or grey) uint8 image.
        path: Where the JPEG goes; its folder must exist.
        quality: JPEG quality, 1 to 100.

    Returns:
        The SHA-256 of the file (hex), the width and the height.

    Raises:
        ValueError: The frame is not an image or the quality is out of range.
        OSError: The file cannot be written (nothing is left behind).
    """
    if not 1 <= quality <= 100:
        raise ValueError(f"JPEG quality must be 1-100, got {quality}")
    if (
        not isinstance(frame, np.ndarray)
        or frame.dtype != np.uint8
        or frame.ndim not in (2, 3)
        or (frame.ndim == 3 and frame.shape[2] not in (1, 3))
        or frame.size == 0
    ):
        shape = getattr(frame, "shape", None)
        raise ValueError(f"cannot save as JPEG: expected a uint8 BGR image, got shape {shape}")
    ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("cannot save as JPEG: the encoder refused the frame")
    data = encoded.tobytes()
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    sync_folder(path.parent)
    height, width = frame.shape[:2]
    return hashlib.sha256(data).hexdigest(), int(width), int(height)
