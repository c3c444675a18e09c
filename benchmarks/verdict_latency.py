"""Time from a parcel's last input to its verdict on screen with the slip written.

The whole kiosk runs in this process (real GUI offscreen, real drivers on simulator ptys, a
real SQLite file with synchronous=FULL, real slip PDFs). Two cases per sample parcel:

* weight last: the codes are scanned first; the clock starts when the balance's stable weight
  is accepted (the GUI thread receives it) and the photo, the checks, the slip and the screen
  follow;
* code last: the parcel is already weighed and photographed; the clock starts when the KP
  number is typed in.

The clock stops when the verdict banner shows the verdict and the slip PDF exists.

    python benchmarks/verdict_latency.py [--rounds N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import summary

from kiosk.app import Kiosk
from kiosk.demo import AutoShift, demo_settings, wait_for, wait_until
from kiosk.domain.identifiers import classify
from kiosk.domain.models import IdentifierKind, Inspection, WeightState
from kiosk.services.simulation import SimulatedPost, sample_parcels
from kiosk.settings import Settings

TIMEOUT_MS = 20_000


def _verdict_shown(kiosk: Kiosk, inspection_id: str) -> float:
    controller = kiosk.controller

    def _decided(inspection: Inspection) -> bool:
        return inspection.id == inspection_id and inspection.verdict is not None

    (decided,) = wait_for(controller.verdict_ready, TIMEOUT_MS, "the verdict", _decided)
    QApplication.processEvents()
    banner = kiosk.window.inspection_screen.banner
    assert banner.outcome == decided.verdict.outcome, "banner does not show the verdict"
    assert decided.slip_path, "no slip recorded"
    assert Path(decided.slip_path).is_file(), "slip not written"
    return time.perf_counter()


def _next(kiosk: Kiosk, post: SimulatedPost) -> str:
    controller = kiosk.controller
    current = controller.current
    if current is not None and not current.identifiers and current.reading is None:
        return current.id  # an empty inspection serves the next parcel
    old = current.id if current else ""
    controller.next_parcel()
    wait_until(
        lambda: controller.current is not None and controller.current.id != old,
        TIMEOUT_MS,
        "a new inspection",
    )
    post.empty_scale()
    wait_for(
        kiosk.devices.weight_changed,
        TIMEOUT_MS,
        "the empty pan",
        lambda r: r.state is WeightState.STABLE and r.carats == 0,
    )
    assert controller.current is not None
    return controller.current.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--switch-ms",
        type=float,
        default=None,
        help="the GIL switch interval to run with (default: the kiosk's own)",
    )
    args = parser.parse_args()
    parcels = sample_parcels()
    weight_last: list[float] = []
    code_last: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        kiosk = Kiosk(demo_settings(Settings(), Path(tmp)))
        if args.switch_ms is not None:  # after Kiosk(), which sets the kiosk's own
            sys.setswitchinterval(args.switch_ms / 1000)
        kiosk.start()
        kiosk.window.resize(1280, 800)
        kiosk.window.present()
        post = SimulatedPost(kiosk.devices, parcels)
        accepted_at: list[float] = []
        kiosk.devices.weight_accepted.connect(lambda _r: accepted_at.append(time.perf_counter()))
        try:
            AutoShift(kiosk, post, Path(tmp), 0).sign_in()
            controller = kiosk.controller
            for _ in range(args.rounds):
                for parcel in parcels:
                    # Weight last.
                    inspection_id = _next(kiosk, post)
                    for scan in parcel.scans:
                        post.scan(scan.value, scan.symbology)
                    scans = len(parcel.scans)
                    wait_until(
                        lambda: controller.current is not None
                        and len(controller.current.identifiers) == scans,  # noqa: B023
                        TIMEOUT_MS,
                        "the scans",
                    )
                    accepted_at.clear()
                    post.put_on_scale(parcel.weight_ct)
                    shown = _verdict_shown(kiosk, inspection_id)
                    weight_last.append((shown - accepted_at[0]) * 1000)

                    # Code last.
                    inspection_id = _next(kiosk, post)
                    post.put_on_scale(parcel.weight_ct)
                    wait_until(
                        lambda: controller.current is not None
                        and controller.current.photo is not None
                        and controller.current.reading is not None,
                        TIMEOUT_MS,
                        "weight and photo",
                    )
                    kp = next(
                        s.value
                        for s in parcel.scans
                        if classify(s.value).kind is IdentifierKind.KP_CERTIFICATE
                    )
                    start = time.perf_counter()
                    controller.add_typed_identifier(kp)
                    shown = _verdict_shown(kiosk, inspection_id)
                    code_last.append((shown - start) * 1000)
                    kinds = {i.kind for i in controller.current.identifiers}
                    assert IdentifierKind.KP_CERTIFICATE in kinds
        finally:
            kiosk.stop()
    print(f"GIL switch interval {sys.getswitchinterval() * 1000:g} ms")
    print(summary("accepted weight -> photo, verdict on screen, slip written", weight_last, 200))
    print(summary("typed KP number -> verdict on screen, slip written", code_last, 200))


if __name__ == "__main__":
    main()
