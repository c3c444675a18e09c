"""Run every benchmark and print its figures (``make bench``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (
    "startup.py",
    "verdict_latency.py",
    "camera_fps.py",
    "scale_latency.py",
    "soak_devices.py",
    "scan_latency.py",
    "gui_stall.py",
    "import_throughput.py",
    "screening.py",
    "screening_accuracy.py",
    "hostile_inputs.py",
    "upload_rate.py",
    "soak_shift.py",  # last: 2,000 parcels take about an hour on a busy 2-core machine
)


def main() -> int:
    status = 0
    for name in SCRIPTS:
        print(f"== {name}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / name)], check=False)
        status = status or done.returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
