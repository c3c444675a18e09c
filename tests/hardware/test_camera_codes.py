"""Codes in view: zxing-cpp decoding of frames, and of an MJPG video through OpenCvCamera."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from hardware.camera import CAMERA_READER, OpenCvCamera, decode_codes

CODE_AT_FRAME = 10


def code_image(text: str, fmt: zxingcpp.BarcodeFormat, scale: int = 4) -> np.ndarray:
    """A black-on-white symbol as a grey uint8 image."""
    return np.array(zxingcpp.create_barcode(text, fmt).to_image(scale=scale), dtype=np.uint8)


def frame_with(
    symbols: list[np.ndarray], width: int = 1280, height: int = 720
) -> np.ndarray:
    """A BGR desk-coloured frame with the symbols pasted side by side on white paper."""
    frame = np.full((height, width, 3), (58, 92, 128), dtype=np.uint8)
    x = 40
    for symbol in symbols:
        h, w = symbol.shape
        frame[60 - 20 : 60 + h + 20, x - 20 : x + w + 20] = 255
        frame[60 : 60 + h, x : x + w] = symbol[:, :, None]
        x += w + 80
    return frame


def write_video(path: Path, frames: int, late_symbols: list[np.ndarray]) -> Path:
    """An MJPG .avi of 1280x720 frames; the symbols appear from frame 10 on."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30.0, (1280, 720))
    assert writer.isOpened()
    empty = frame_with([])
    full = frame_with(late_symbols)
    for i in range(frames):
        writer.write(full if i >= CODE_AT_FRAME else empty)
    writer.release()
    return path


def test_decodes_code128_and_qr_with_symbology_and_bytes() -> None:
    frame = frame_with(
        [
            code_image("BW-2026-004711", zxingcpp.BarcodeFormat.Code128),
            code_image("26BE000000012345A0", zxingcpp.BarcodeFormat.QRCode),
        ]
    )
    scans = decode_codes(frame)
    found = {s.value: s for s in scans}
    assert set(found) == {"BW-2026-004711", "26BE000000012345A0"}
    assert found["BW-2026-004711"].symbology == "]C0"
    assert found["BW-2026-004711"].raw == b"BW-2026-004711"
    assert found["26BE000000012345A0"].symbology == "]Q1"
    assert all(s.reader == CAMERA_READER and s.at.tzinfo is not None for s in scans)


def test_decodes_on_a_downscaled_copy_without_touching_the_frame() -> None:
    frame = frame_with([code_image("SEAL-0099", zxingcpp.BarcodeFormat.QRCode, scale=8)])
    before = frame.copy()
    scans = decode_codes(frame, max_side_px=640)
    assert [s.value for s in scans] == ["SEAL-0099"]
    assert np.array_equal(frame, before)


def test_grey_frames_and_empty_scenes() -> None:
    grey = code_image("020-12345675", zxingcpp.BarcodeFormat.Code128)
    padded = np.pad(grey, 40, constant_values=255)
    assert [s.value for s in decode_codes(padded)] == ["020-12345675"]
    assert decode_codes(frame_with([])) == []


def test_binary_payload_is_kept_as_bytes() -> None:
    payload = bytes([0x01, 0x1D, 0x7F, 0x41, 0x42])
    symbol = np.array(
        zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode).to_image(scale=6),
        dtype=np.uint8,
    )
    scans = decode_codes(np.pad(symbol, 30, constant_values=255))
    assert len(scans) == 1
    assert scans[0].raw == payload


@pytest.mark.parametrize(
    ("frame", "max_side", "message"),
    [
        (np.zeros((10, 10, 3), dtype=np.float32), None, "uint8"),
        (np.zeros((0, 10), dtype=np.uint8), None, "uint8"),
        (np.zeros((10, 10, 2), dtype=np.uint8), None, "channels"),
        (np.zeros((10, 10), dtype=np.uint8), 0, "positive"),
    ],
)
def test_bad_input_is_refused_clearly(
    frame: np.ndarray, max_side: int | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        decode_codes(frame, max_side_px=max_side)


def test_code_appearing_at_frame_ten_of_an_mjpg_video(tmp_path: Path) -> None:
    video = write_video(
        tmp_path / "parcel.avi",
        frames=15,
        late_symbols=[code_image("BW-2026-004711", zxingcpp.BarcodeFormat.Code128)],
    )
    camera = OpenCvCamera(str(video))
    try:
        first_hit = None
        for i in range(15):
            if decode_codes(camera.read(), max_side_px=960):
                first_hit = i
                break
    finally:
        camera.close()
    assert first_hit == CODE_AT_FRAME
