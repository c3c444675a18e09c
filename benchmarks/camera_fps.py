"""Camera preview frame rate at 1280x720 through the DeviceHub to the GUI thread, and its cost.

Two sources, each run through the real ``DeviceHub`` camera worker (a QThread) into the real
``CameraView`` widget, shown and painted on the GUI thread (offscreen):

* the generated test pattern (``PatternCamera``, 30 fps);
* an MJPG .avi at 1280x720 written here and played by ``OpenCvCamera`` (as a post's USB
  camera delivers MJPG), with code decoding in the worker switched on.

Printed per source: frames that reached the GUI thread per second (target >= 25), and the GUI
thread's CPU use as ``time.thread_time()`` over the run / wall time (target < 30% of a core).

    python benchmarks/camera_fps.py [--seconds S]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2
import numpy as np
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.services.devices import DeviceHub
from kiosk.settings import Settings, with_overrides
from kiosk.ui.widgets.camera_view import CameraView

WIDTH, HEIGHT = 1280, 720
TARGET_FPS = 25.0
TARGET_GUI_CPU = 0.30


def _write_video(path: Path, frames: int = 90) -> Path:
    """A 3-second 1280x720 MJPG clip of a moving square on a gradient."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30.0, (WIDTH, HEIGHT))
    if not writer.isOpened():
        raise SystemExit("cannot write an MJPG video with this OpenCV build")
    base = np.zeros((HEIGHT, WIDTH, 3), dtype=np.uint8)
    base[:] = np.linspace(40, 200, WIDTH, dtype=np.uint8)[None, :, None]
    for i in range(frames):
        frame = base.copy()
        x = 40 + i * 12
        frame[300:420, x : x + 120] = (30, 30, 220)
        writer.write(frame)
    writer.release()
    return path


def _run_loop(ms: int) -> None:
    """Run the GUI event loop for ``ms`` (QEventLoop.exec lets the worker threads run)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def measure(name: str, camera: dict[str, object], seconds: float) -> bool:
    """Run one source; print its figures; True when both targets are met."""
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-cam-"))
    settings = with_overrides(
        Settings(),
        scale={"backend": "none"},
        reader={"backend": "none"},
        printer={"backend": "none", "folder": str(tmp)},
        camera={"width": WIDTH, "height": HEIGHT, "fps": 30, **camera},
        data={"photos_dir": str(tmp)},
    )
    view = CameraView()
    view.resize(800, 450)
    view.show()
    hub = DeviceHub(settings)
    frames: list[float] = []
    sizes: set[tuple[int, int]] = set()

    def on_frame(image: QImage) -> None:
        frames.append(time.perf_counter())
        sizes.add((image.width(), image.height()))
        view.show_frame(image)

    hub.frame_ready.connect(on_frame)
    hub.start()
    try:
        # Warm-up: the first frames (opening, first decode) are not the steady state.
        deadline = time.monotonic() + 10
        while len(frames) < 10 and time.monotonic() < deadline:
            _run_loop(20)
        if len(frames) < 10:
            print(f"{name}: no preview within 10 s (state {hub.state('camera')})")
            return False
        start_n = len(frames)
        cpu0, wall0 = time.thread_time(), time.perf_counter()
        _run_loop(int(seconds * 1000))
        cpu1, wall1 = time.thread_time(), time.perf_counter()
        n = len(frames) - start_n
    finally:
        hub.stop()
        view.close()
    wall = wall1 - wall0
    fps = n / wall
    gui_cpu = (cpu1 - cpu0) / wall
    window = frames[start_n:]
    gaps = np.diff(window) * 1000 if len(window) > 1 else np.array([0.0])
    ok = fps >= TARGET_FPS and gui_cpu < TARGET_GUI_CPU
    print(
        f"{name}: {fps:.1f} fps, preview frames {sorted(sizes)} (scaled in the camera thread), "
        f"over {wall:.1f} s "
        f"(frame gap median {np.median(gaps):.1f} ms, max {gaps.max():.1f} ms); "
        f"GUI thread CPU {gui_cpu * 100:.1f}% of a core; "
        f"targets >= {TARGET_FPS:.0f} fps and < {TARGET_GUI_CPU * 100:.0f}%: "
        f"{'meets' if ok else 'MISSES'}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="measured run per source")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-video-") as tmp:
        video = _write_video(Path(tmp) / "camera.avi")
        results = [
            measure("pattern camera", {"backend": "simulated"}, args.seconds),
            measure(
                "MJPG file + code decoding",
                {"backend": "opencv", "source": str(video), "decode_codes": True},
                args.seconds,
            ),
        ]
    del app
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
