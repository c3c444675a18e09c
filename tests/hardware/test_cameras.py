"""OpenCvCamera on a real MJPG file, PatternCamera frames, and atomic JPEG stills."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from hardware.base import Camera, DeviceDisconnectedError
from hardware.camera import (
    PREVIEW_MAX_WIDTH_PX,
    OpenCvCamera,
    PatternCamera,
    preview_bgrx,
    save_jpeg,
    shrink,
)

COLOURS = [(0, 0, 255), (0, 255, 0), (255, 0, 0), (0, 255, 255), (255, 255, 255)]


@pytest.fixture
def demo_video(tmp_path: Path) -> Path:
    """A 5-frame 320x240 MJPG .avi, one solid colour per frame."""
    path = tmp_path / "demo.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 10.0, (320, 240))
    assert writer.isOpened()
    for colour in COLOURS:
        writer.write(np.full((240, 320, 3), colour, dtype=np.uint8))
    writer.release()
    return path


def _colour(frame: np.ndarray) -> tuple[int, int, int]:
    b, g, r = (round(float(v)) for v in frame.reshape(-1, 3).mean(axis=0))
    return b, g, r


def _close(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return all(abs(x - y) < 12 for x, y in zip(a, b, strict=True))


def test_opencv_camera_reads_a_video_file_and_loops(demo_video: Path) -> None:
    camera = OpenCvCamera(str(demo_video))
    assert isinstance(camera, Camera)
    camera.open()
    frames = [camera.read() for _ in range(len(COLOURS) * 2 + 1)]
    camera.close()
    assert all(f.shape == (240, 320, 3) and f.dtype == np.uint8 for f in frames)
    seen = [_colour(f) for f in frames]
    for i, colour in enumerate(seen):
        assert _close(colour, COLOURS[i % len(COLOURS)]), (i, colour)


def test_opencv_camera_missing_device_is_disconnected() -> None:
    camera = OpenCvCamera("/dev/video9")
    with pytest.raises(DeviceDisconnectedError, match="/dev/video9"):
        camera.open()
    with pytest.raises(DeviceDisconnectedError, match="/dev/video9"):
        camera.read()
    assert not camera.opened


def test_opencv_camera_missing_file_is_disconnected(tmp_path: Path) -> None:
    with pytest.raises(DeviceDisconnectedError, match="no such video file"):
        OpenCvCamera(str(tmp_path / "none.avi")).open()


def test_opencv_camera_unreadable_file_is_disconnected(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.avi"
    bogus.write_bytes(b"this is not a video" * 10)
    with pytest.raises(DeviceDisconnectedError, match="cannot open"):
        OpenCvCamera(str(bogus)).open()


def test_opencv_camera_unreachable_url_fails_fast() -> None:
    camera = OpenCvCamera("http://127.0.0.1:9/stream.mjpg", timeout_s=2.0)
    started = time.monotonic()
    with pytest.raises(DeviceDisconnectedError, match="cannot open"):
        camera.open()
    assert time.monotonic() - started < 3.0


def test_opencv_camera_source_kinds() -> None:
    assert OpenCvCamera("0").is_device
    assert OpenCvCamera("/dev/v4l/by-id/usb-cam-video-index0").is_device
    assert OpenCvCamera("rtsp://10.0.0.5/stream").is_device is False
    assert OpenCvCamera("rtsp://10.0.0.5/stream").is_file is False
    assert OpenCvCamera("demo.avi").is_file
    with pytest.raises(ValueError, match="no source"):
        OpenCvCamera(" ")


def test_pattern_camera_frames_live() -> None:
    camera = PatternCamera(fps=0)
    assert isinstance(camera, Camera)
    camera.open()
    first, second = camera.read(), camera.read()
    assert first.shape == (720, 1280, 3)
    assert first.dtype == np.uint8
    assert first.flags["C_CONTIGUOUS"]
    changed = np.any(first != second, axis=2)
    assert changed.any()  # marker and counter move
    assert changed.mean() < 0.05  # the rest is the same static scene
    # A white parcel paper in the middle, a darker desk at the corner.
    assert first[360, 640].mean() > 200 or first[300, 500].mean() > 200
    assert first[5, 700].mean() < 150
    first[:] = 0  # frames are the caller's own
    assert camera.read().mean() > 50
    camera.close()


def test_pattern_camera_is_cheap_and_paced() -> None:
    camera = PatternCamera(fps=0)
    started = time.perf_counter()
    for _ in range(60):
        camera.read()
    per_frame_s = (time.perf_counter() - started) / 60
    assert per_frame_s < 1 / 30, f"{per_frame_s * 1000:.1f} ms a frame"
    paced = PatternCamera(width=320, height=240, fps=50)
    started = time.perf_counter()
    for _ in range(6):
        paced.read()
    assert time.perf_counter() - started >= 5 / 50 - 0.01


def test_pattern_camera_rejects_tiny_frames() -> None:
    with pytest.raises(ValueError, match="too small"):
        PatternCamera(width=10, height=10)


def test_save_jpeg_writes_atomically_and_hashes(tmp_path: Path) -> None:
    frame = PatternCamera(width=640, height=480, fps=0).read()
    path = tmp_path / "photo.jpg"
    digest, width, height = save_jpeg(frame, path, quality=85)
    assert (width, height) == (640, 480)
    assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
    decoded = cv2.imread(str(path))
    assert decoded is not None
    assert decoded.shape == (480, 640, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["photo.jpg"]  # no temp file left
    digest2, _, _ = save_jpeg(frame, path, quality=40)  # replaces in place
    assert digest2 != digest
    assert [p.name for p in tmp_path.iterdir()] == ["photo.jpg"]


def test_save_jpeg_rejects_bad_input(tmp_path: Path) -> None:
    good = np.zeros((10, 10, 3), dtype=np.uint8)
    with pytest.raises(ValueError, match="quality"):
        save_jpeg(good, tmp_path / "a.jpg", quality=0)
    with pytest.raises(ValueError, match="uint8"):
        save_jpeg(np.zeros((10, 10, 3), dtype=np.float32), tmp_path / "a.jpg")
    with pytest.raises(ValueError, match="uint8"):
        save_jpeg(np.zeros((0, 10, 3), dtype=np.uint8), tmp_path / "a.jpg")
    with pytest.raises(FileNotFoundError):
        save_jpeg(good, tmp_path / "missing" / "a.jpg")
    assert list(tmp_path.iterdir()) == []


def test_the_preview_is_at_most_640_wide_in_the_screen_pixel_layout() -> None:
    frame = np.zeros((720, 1280, 3), dtype=np.uint8)
    frame[:, :640] = (0, 0, 255)  # left half red (BGR)
    frame[:, 640:] = (255, 0, 0)  # right half blue
    preview = preview_bgrx(frame)
    assert preview.shape == (360, PREVIEW_MAX_WIDTH_PX, 4)
    assert preview.flags["C_CONTIGUOUS"]
    assert tuple(preview[180, 100]) == (0, 0, 255, 255)  # B, G, R, X: red, opaque
    assert tuple(preview[180, 540]) == (255, 0, 0, 255)
    small = preview_bgrx(np.full((240, 320, 3), (0, 255, 0), dtype=np.uint8))
    assert small.shape == (240, 320, 4)  # never enlarged
    assert tuple(small[0, 0]) == (0, 255, 0, 255)


@pytest.mark.parametrize("size", [(403, 227), (612, 344), (640, 360), (1000, 562), (17, 9)])
def test_shrink_gives_exactly_the_size_asked_for(size: tuple[int, int]) -> None:
    frame = np.random.default_rng(7).integers(0, 256, (720, 1280, 3), dtype=np.uint8)
    small = shrink(frame, size)
    assert (small.shape[1], small.shape[0]) == size
    assert small.dtype == np.uint8
    assert shrink(frame, (1280, 720)) is frame  # nothing to do


def test_shrink_averages_fine_detail_instead_of_aliasing_it() -> None:
    # A 1-pixel checkerboard shrunk by 3.2 must come out flat grey, as area averaging gives:
    # sampling it (nearest or bilinear at that factor) gives stripes and blotches instead.
    y, x = np.mgrid[0:720, 0:1280]
    board = np.dstack([((x + y) % 2 * 255).astype(np.uint8)] * 3)
    small = shrink(board, (403, 227))
    assert abs(float(small.mean()) - 127.5) < 2
    assert float(small.std()) < 8
