"""Start-up time: from launching the process to a ready screen.

Each run is a fresh process (as a post switches the kiosk on), on a fresh database in a
temporary folder with the sample data, simulated devices and the offscreen platform. Two
instants are taken: the sign-in screen ready (users listed, scale and scanner connected), and
the inspection screen ready after the inspector's PIN (the PIN hash, argon2id with 64 MiB,
costs ~80 ms on purpose). A second start on the same database (the everyday case) is measured
too. The project's modules are compiled to bytecode first, as an installed kiosk has them (an
editable install under PYTHONDONTWRITEBYTECODE would compile ~100 modules at every start).

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import summary

CHILD = r"""
import json, sys, time
from pathlib import Path
from kiosk.app import Kiosk
from kiosk.demo import demo_settings, wait_until
from kiosk.settings import Settings
from PySide6.QtWidgets import QApplication
marks = {"imported": time.time()}
settings = demo_settings(Settings(), Path(sys.argv[1]))
k = Kiosk(settings)
k.start(wait_s=0)
k.window.resize(1280, 800)
k.window.present()
screen = k.window.sign_in_screen
wait_until(lambda: "inspector" in screen.user_buttons()
           and k.devices.state("scale")[0] == "ok"
           and k.devices.state("reader")[0] == "ok", 30000, "sign-in ready")
QApplication.processEvents()
marks["sign_in_ready"] = time.time()
k.controller.sign_in("inspector", "1234")
wait_until(lambda: k.window.current_screen is k.window.inspection_screen
           and k.controller.current is not None, 30000, "inspection ready")
QApplication.processEvents()
marks["inspection_ready"] = time.time()
k.stop()
print(json.dumps(marks))
"""


def one_run(data_dir: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    launched = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    marks = json.loads(out.stdout.strip().splitlines()[-1])
    return {k: (v - launched) * 1000 for k, v in marks.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    for package in ("kiosk", "hardware"):
        compileall.compile_dir(root / package, quiet=1)
    first: list[dict[str, float]] = []
    again: list[dict[str, float]] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            first.append(one_run(Path(tmp)))
            again.append(one_run(Path(tmp)))
    print("start-up, fresh database (migrate + load sample data):")
    for key in ("imported", "sign_in_ready", "inspection_ready"):
        target = 2000.0 if key == "inspection_ready" else None
        print("  " + summary(key, [r[key] for r in first], target))
    print("start-up, existing database (every day):")
    for key in ("imported", "sign_in_ready", "inspection_ready"):
        target = 2000.0 if key == "inspection_ready" else None
        print("  " + summary(key, [r[key] for r in again], target))


if __name__ == "__main__":
    main()
