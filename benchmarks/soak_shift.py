"""Soak (issue #7.6): an 8-hour shift's parcels through the real controller, in minutes.

The real ``InspectionController`` and ``DeviceHub`` run in this process (Qt offscreen, no
window): the balance and the scanner are the real drivers against their simulators on ptys,
the camera is the test pattern, the printer the folder printer, the database a real SQLite
file (WAL, synchronous=FULL), every slip a real signed PDF. For each parcel (the nine sample
parcels in turn) the script empties the pan, scans the codes, puts the parcel on the balance,
waits for the verdict and slip, has a supervisor override a HOLD now and then, prints the
slip and moves to the next parcel. Every ``--unplug-every`` parcels the balance and the
scanner are unplugged and plugged back in (the script waits for both to reconnect); every
``--sync-every`` parcels a "sync cycle" runs a real signed data update (see ``sync_cycle``):
at start the script makes hub keys (``kiosk-hub keys init``), publishes a small TUF repository
(the UN list excerpt: a list the sample data does not hold, so the verdicts stay the same) and
serves it on 127.0.0.1 from a thread; every ``--republish-every`` cycles it publishes a new
bundle version, so updates are applied mid-shift while the controller keeps working.

At the end the database is compared with what the script did: inspections closed, codes,
readings, photos, verdicts, slips, prints and overrides recorded (each must match: "lost"
and "doubled" are 0), the audit chain is verified, and memory and throughput are reported:
RSS at start, after the warm-up (50 parcels) and at the end, the live objects' growth by type
from the warm-up to the end, tracemalloc's top growth over the last 100 parcels (tracing the
whole shift would slow the slips several times), parcels per minute, the time from the weight
on the pan to the verdict and where the time went.

A shift is about 250 parcels an hour, so the default 2,000 parcels are an 8-hour shift; no
sleeps beyond what the devices need (the balance polls every 20 ms and accepts 3 identical
stable replies, as the tests do).

    python benchmarks/soak_shift.py [--parcels N] [--json]
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import logging
import os
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

from kiosk.domain.models import Inspection, Outcome, OverrideCode, WeightReading, WeightState
from kiosk.hub.keys import init_keys
from kiosk.hub.publish import publish
from kiosk.services.devices import DeviceHub
from kiosk.services.inspection import InspectionController
from kiosk.services.simulation import DemoParcel, sample_parcels
from kiosk.settings import Settings, with_overrides
from kiosk.store import Store
from kiosk.sync.data_in import DataUpdater

STEP_TIMEOUT_S = 30.0
WARM_UP_PARCELS = 50
TRACED_PARCELS = 105
"""tracemalloc slows reportlab several times: it traces the last parcels only (after 5 more)."""
DEVICES = ("scale", "reader", "camera", "printer")
HUB_LIST = (
    Path(__file__).resolve().parents[1]
    / "tests"
    / "lists"
    / "fixtures"
    / "un-consolidated-2026-02-27.xml"
)
"""What the soak's hub publishes: a UN list excerpt (not among the sample lists)."""


class SoakError(Exception):
    """The shift could not go on; the message says where it stopped."""


def wait_until(condition: Callable[[], bool], what: str, timeout_s: float = STEP_TIMEOUT_S) -> None:
    """Run the Qt event loop until ``condition()`` holds."""
    deadline = time.monotonic() + timeout_s
    app = QApplication.instance()
    assert app is not None
    while not condition():
        if time.monotonic() > deadline:
            raise SoakError(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if not condition():
            time.sleep(0.001)


def wait_signal(
    signal: SignalInstance,
    what: str,
    trigger: Callable[[], object],
    accept: Callable[..., bool] = lambda *_: True,
    timeout_s: float = STEP_TIMEOUT_S,
) -> tuple[Any, ...]:
    """Connect to ``signal``, run ``trigger``, wait for an emission ``accept`` likes."""
    got: list[tuple[Any, ...]] = []

    def _on_signal(*args: Any) -> None:
        if not got and accept(*args):
            got.append(args)

    signal.connect(_on_signal)
    try:
        trigger()
        wait_until(lambda: bool(got), what, timeout_s)
    finally:
        signal.disconnect(_on_signal)
    return got[0]


def rss_mib() -> float:
    """This process's resident set size now, in MiB (Linux ``/proc``; else the peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Done:
    """What the script did (compared with the database at the end)."""

    parcels: int = 0
    scans: int = 0
    readings: int = 0
    photos: int = 0
    verdicts: int = 0
    overrides: int = 0
    prints: int = 0
    closes: int = 0
    unplugs: int = 0
    sync_cycles: int = 0
    updates_applied: int = 0
    updates_up_to_date: int = 0
    updates_failed: int = 0
    republished: int = 0
    update_errors: list[str] = field(default_factory=list)
    update_ms: list[float] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    phase_s: Counter[str] = field(default_factory=Counter)


class SoakHub:
    """A hub's signed TUF repository under ``folder/hub``, served on 127.0.0.1 from a thread.

    Keys are made as ``kiosk-hub keys init`` does, the first bundle is published at once;
    :meth:`republish` publishes the next version (as ``kiosk-hub publish``).
    """

    def __init__(self, folder: Path) -> None:
        hub = folder / "hub"
        self.keys = hub / "keys"
        self.sources = hub / "sources"
        self.repo = hub / "www" / "tuf"
        self.root = init_keys(self.keys)
        self.sources.mkdir(parents=True)
        self.repo.mkdir(parents=True)
        shutil.copyfile(HUB_LIST, self.sources / HUB_LIST.name)
        self.republish()

        class QuietHandler(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        handler = functools.partial(QuietHandler, directory=str(hub / "www"))
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="soak-hub")
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def republish(self) -> int:
        """Publish the next bundle version; returns it."""
        return publish(self.sources, self.repo, self.keys).version

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def soak_settings(folder: Path, hub: SoakHub | None = None) -> Settings:
    """Simulated devices, everything under ``folder``, device timing as fast as allowed.

    With ``hub``, ``[sync]`` points at it (its URL, its pinned ``root.json``).
    """
    sync: dict[str, Any] = {}
    if hub is not None:
        sync = {
            "hub_url": hub.url,
            "tuf_root": str(hub.root),
            "metadata_dir": str(folder / "tuf"),
            "timeout_s": 5.0,
        }
    return with_overrides(
        Settings(),
        sync=sync,
        data={
            "database": str(folder / "kiosk.sqlite"),
            "photos_dir": str(folder / "photos"),
            "slips_dir": str(folder / "slips"),
            "sample_data": True,
        },
        scale={"backend": "simulated", "stable_count": 3, "poll_interval_ms": 20, "timeout_s": 0.5},
        reader={"backend": "simulated"},
        camera={
            "backend": "simulated",
            "width": 320,
            "height": 240,
            "fps": 10,
            "decode_codes": False,
        },
        printer={"backend": "folder", "folder": str(folder / "printed")},
    )


def sync_cycle(
    settings: Settings, hub: SoakHub, index: int, republish_every: int, done: Done
) -> None:
    """One periodic sync cycle while the kiosk runs: a real signed data update.

    Every ``republish_every`` cycles the hub publishes a new bundle first. The update
    (``DataUpdater.run_once``: TUF refresh, download, verify, stage, swap) runs on a second
    connection, as the sync service's worker would, while the controller keeps its own.
    Records out (the uploader) are not part of the cycle yet.
    """
    if republish_every and index % republish_every == 0:
        hub.republish()
        done.republished += 1
    store = Store.open(settings.database_url)
    try:
        started = time.perf_counter()
        result = DataUpdater(settings, store).run_once()
        done.update_ms.append((time.perf_counter() - started) * 1000)
    finally:
        store.close()
    if not result.ok:
        done.updates_failed += 1
        done.update_errors.append(result.message)
    elif result.changed:
        done.updates_applied += 1
    else:
        done.updates_up_to_date += 1


class Shift:
    """The kiosk under soak and the script driving it."""

    def __init__(self, folder: Path, args: argparse.Namespace, hub: SoakHub | None) -> None:
        self.folder = folder
        self.args = args
        self.settings = soak_settings(folder, hub)
        self.hub = DeviceHub(self.settings)
        self.controller = InspectionController(self.settings, self.hub)
        self.done = Done()
        self.controller.error_occurred.connect(self._on_controller_error_occurred)
        self.controller.print_failed.connect(self._on_controller_error_occurred)

    def _on_controller_error_occurred(self, message: str) -> None:
        self.done.errors.append(message)

    def start(self) -> None:
        self.controller.start()
        self.hub.start()
        self.wait_devices_ok()
        wait_signal(
            self.controller.signed_in,
            "sign-in",
            lambda: self.controller.sign_in("inspector", "1234"),
        )
        wait_until(lambda: self.controller.current is not None, "the first inspection")

    def stop(self) -> None:
        self.controller.shutdown()
        self.hub.stop()

    def wait_devices_ok(self) -> None:
        wait_until(lambda: all(self.hub.state(d)[0] == "ok" for d in DEVICES), "every device ready")

    def current(self) -> Inspection:
        current = self.controller.current
        if current is None:
            raise SoakError("no current inspection")
        return current

    def empty_pan(self) -> None:
        sim = self.hub.simulators.scale
        assert sim is not None

        def empty(r: WeightReading) -> bool:
            return r.state is WeightState.STABLE and r.carats == 0

        wait_signal(
            self.hub.weight_changed, "the empty pan", lambda: sim.set_weight(Decimal(0)), empty
        )

    def parcel(self, parcel: DemoParcel, override: bool) -> None:
        done = self.done
        controller = self.controller
        inspection_id = self.current().id
        mark = time.perf_counter()

        def phase(name: str) -> None:
            nonlocal mark
            now = time.perf_counter()
            done.phase_s[name] += now - mark
            mark = now

        self.empty_pan()
        phase("empty pan")
        reader = self.hub.simulators.reader
        scale = self.hub.simulators.scale
        assert reader is not None
        assert scale is not None
        for scan in parcel.scans:
            if not reader.scan(scan.value, symbology=scan.symbology):
                raise SoakError(f"the scanner simulator refused {scan.value}")
        wait_until(
            lambda: len(self.current().identifiers) == len(parcel.scans), "the scanned codes"
        )
        done.scans += len(parcel.scans)
        phase("scans")

        def decided(inspection: Inspection) -> bool:
            return inspection.id == inspection_id and inspection.slip_path is not None

        started = time.perf_counter()
        (inspection,) = wait_signal(
            controller.verdict_ready,
            "the verdict",
            lambda: scale.set_weight(Decimal(parcel.weight_ct)),
            decided,
        )
        done.latencies_ms.append((time.perf_counter() - started) * 1000)
        phase("weight to verdict")
        done.readings += 1
        done.photos += 1
        done.verdicts += 1
        assert inspection.verdict is not None
        if inspection.photo is None:
            wait_until(lambda: self.current().photo is not None, "the photo recorded")
        if override and inspection.verdict.outcome is Outcome.HOLD:
            (inspection,) = wait_signal(
                controller.override_recorded,
                "the override",
                lambda: controller.request_override(
                    "supervisor",
                    "5678",
                    OverrideCode.DOCUMENTS_PRODUCED,
                    "Soak: the original certificate was produced.",
                ),
            )
            done.overrides += 1
        phase("override")
        final = inspection.final_outcome
        done.outcomes[final.label if final is not None else "none"] += 1
        wait_signal(controller.printed, "the slip printed", controller.print_slip)
        done.prints += 1
        wait_until(lambda: self.current().printed_at is not None, "the print recorded")
        phase("print")
        wait_signal(
            controller.inspection_changed,
            "the next inspection",
            controller.next_parcel,
            lambda i: i.id != inspection_id,
        )
        done.closes += 1
        done.parcels += 1
        phase("next parcel")

    def unplug_replug(self) -> None:
        scale = self.hub.simulators.scale
        reader = self.hub.simulators.reader
        assert scale is not None
        assert reader is not None
        scale.unplug()
        reader.unplug()
        wait_until(
            lambda: self.hub.state("scale")[0] != "ok" and self.hub.state("reader")[0] != "ok",
            "the unplugged devices noticed",
        )
        scale.replug()
        reader.replug()
        self.wait_devices_ok()
        self.done.unplugs += 1


def count(store: Store, sql: str) -> int:
    """One number from the database (a read-only benchmark check)."""
    from sqlalchemy import text

    with store.database.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def compare(done: Done, settings: Settings) -> dict[str, Any]:
    """The database against what the script did."""
    store = Store.open(settings.database_url)
    try:
        recorded = {
            "inspections closed": count(
                store, "SELECT count(*) FROM inspections WHERE state = 'closed'"
            ),
            "codes": count(store, "SELECT count(*) FROM inspection_identifiers"),
            "readings": count(store, "SELECT count(*) FROM weight_readings"),
            "photos": count(store, "SELECT count(*) FROM photos"),
            "verdicts": count(store, "SELECT count(*) FROM verdicts"),
            "overrides": count(store, "SELECT count(*) FROM overrides"),
            "prints": count(store, "SELECT count(*) FROM events WHERE kind = 'print'"),
            "close events": count(store, "SELECT count(*) FROM events WHERE kind = 'close'"),
            "decide events": count(store, "SELECT count(*) FROM events WHERE kind = 'decide'"),
            "inspections open": count(
                store, "SELECT count(*) FROM inspections WHERE state <> 'closed'"
            ),
        }
        recorded["data bundles applied"] = count(store, "SELECT count(*) FROM data_bundles")
        audit = store.verify_audit()
    finally:
        store.close()
    expected = {
        "inspections closed": done.closes,
        "codes": done.scans,
        "readings": done.readings,
        "photos": done.photos,
        "verdicts": done.verdicts,
        "overrides": done.overrides,
        "prints": done.prints,
        "close events": done.closes,
        "decide events": done.verdicts,
        "inspections open": 1,  # the next parcel's, empty
        "data bundles applied": done.updates_applied,
    }
    slips = len(list(settings.slips_path.glob("*.pdf")))
    printed = len(list(settings.printer_folder.glob("*.pdf")))
    recorded["slip files"], expected["slip files"] = slips, done.closes
    recorded["printed files"], expected["printed files"] = printed, done.prints
    lost = {k: expected[k] - recorded[k] for k in expected if recorded[k] < expected[k]}
    doubled = {k: recorded[k] - expected[k] for k in expected if recorded[k] > expected[k]}
    return {
        "recorded": recorded,
        "expected": expected,
        "lost": lost,
        "doubled": doubled,
        "audit_ok": audit.ok,
        "audit_entries": audit.count,
    }


def object_counts() -> Counter[str]:
    """Live objects tracked by the garbage collector, by type name."""
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects())


def top_growth(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot) -> list[str]:
    stats = after.compare_to(before, "lineno")
    return [
        f"{s.size_diff / 1024:+.0f} KiB ({s.count_diff:+d} blocks) "
        f"{s.traceback[0].filename.split('site-packages/')[-1]}:{s.traceback[0].lineno}"
        for s in stats[:5]
    ]


def run(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    parcels = sample_parcels()
    hub = SoakHub(folder) if args.sync_every else None
    shift = Shift(folder, args, hub)
    started = time.perf_counter()
    rss_start = 0.0
    rss_warm = 0.0
    snapshot: tracemalloc.Snapshot | None = None
    growth: list[str] = []
    objects_growth: list[str] = []
    stopped = ""
    try:
        shift.start()
        rss_start = rss_mib()
        startup_s = time.perf_counter() - started
        shift_started = time.perf_counter()
        warm_up = min(WARM_UP_PARCELS, args.parcels // 2)
        traced_from = max(warm_up + 1, args.parcels - TRACED_PARCELS)
        objects_warm: Counter[str] = Counter()
        for i in range(args.parcels):
            if i == warm_up:
                rss_warm = rss_mib()
                objects_warm = object_counts()
            if i == traced_from:
                tracemalloc.start(1)
            if i == traced_from + 5:
                snapshot = tracemalloc.take_snapshot()
            if i and args.unplug_every and i % args.unplug_every == 0:
                shift.unplug_replug()
            if hub is not None and i and i % args.sync_every == 0:
                sync_cycle(
                    shift.settings, hub, i // args.sync_every, args.republish_every, shift.done
                )
                shift.done.sync_cycles += 1
            override = bool(args.override_every) and (i // 9) % args.override_every == 0
            shift.parcel(parcels[i % len(parcels)], override)
            if not args.json and (i + 1) % 100 == 0:
                print(
                    f"  {i + 1} parcels, {time.perf_counter() - shift_started:.0f} s, "
                    f"RSS {rss_mib():.0f} MiB",
                    flush=True,
                )
        shift_s = time.perf_counter() - shift_started
        if snapshot is not None:
            growth = top_growth(snapshot, tracemalloc.take_snapshot())
        rss_end = rss_mib()
        objects_growth = [
            f"{name} {n:+d}" for name, n in (object_counts() - objects_warm).most_common(5)
        ]
    except SoakError as exc:
        stopped = f"stopped after {shift.done.parcels} parcels: {exc}"
        shift_s = time.perf_counter() - started
        rss_end = rss_mib()
        startup_s = 0.0
    finally:
        shift.stop()
        if hub is not None:
            hub.stop()
        # Stopped once the device and hub threads are: CPython 3.12 before 3.12.9 can crash
        # in tracemalloc.stop() while other threads allocate (python/cpython#128679).
        tracemalloc.stop()
    done = shift.done
    upd = sorted(done.update_ms) or [0.0]
    result = compare(done, shift.settings)
    lat = sorted(done.latencies_ms) or [0.0]
    return {
        "parcels": done.parcels,
        "stopped": stopped or None,
        "outcomes": dict(sorted(done.outcomes.items())),
        "overrides": done.overrides,
        "unplug_replug_cycles": done.unplugs,
        "sync_cycles": done.sync_cycles,
        "data_updates": {
            "republished": done.republished,
            "applied": done.updates_applied,
            "up_to_date": done.updates_up_to_date,
            "failed": done.updates_failed,
            "failures": sorted(set(done.update_errors))[:3],
            "median_ms": round(statistics.median(upd), 1),
            "max_ms": round(upd[-1], 1),
        },
        "errors": len(done.errors),
        "error_samples": sorted(set(done.errors))[:5],
        "records_lost": sum(result["lost"].values()),
        "records_doubled": sum(result["doubled"].values()),
        "lost": result["lost"],
        "doubled": result["doubled"],
        "recorded": result["recorded"],
        "audit_ok": result["audit_ok"],
        "audit_entries": result["audit_entries"],
        "startup_s": round(startup_s, 1),
        "shift_s": round(shift_s, 1),
        "parcels_per_min": round(done.parcels / shift_s * 60, 1) if shift_s else 0.0,
        "weight_to_verdict_ms": {
            "median": round(statistics.median(lat), 1),
            "p95": round(lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))], 1),
            "max": round(lat[-1], 1),
        },
        "rss_mib": {
            "start": round(rss_start, 1),
            "after_warm_up": round(rss_warm, 1),
            "end": round(rss_end, 1),
        },
        "tracemalloc_top_growth": growth,
        "gc_objects_growth": objects_growth,
        "phase_s": {k: round(v, 1) for k, v in done.phase_s.most_common()},
    }


def print_report(report: dict[str, Any]) -> None:
    print(
        f"parcels done: {report['parcels']}"
        + (f" ({report['stopped']})" if report["stopped"] else "")
    )
    print("final outcomes: " + ", ".join(f"{k} {v}" for k, v in report["outcomes"].items()))
    print(
        f"overrides {report['overrides']}, unplug/replug cycles "
        f"{report['unplug_replug_cycles']}, sync cycles {report['sync_cycles']}"
    )
    upd = report["data_updates"]
    print(
        f"data updates: {upd['applied']} applied, {upd['up_to_date']} up to date, "
        f"{upd['failed']} failed {upd['failures'] or ''}(hub republished {upd['republished']} "
        f"times); one update: median {upd['median_ms']} ms, max {upd['max_ms']} ms"
    )
    print(f"errors shown: {report['errors']} {report['error_samples'] or ''}")
    print(
        f"records lost: {report['records_lost']} {report['lost'] or ''}; doubled: "
        f"{report['records_doubled']} {report['doubled'] or ''}"
    )
    print("recorded: " + ", ".join(f"{k} {v}" for k, v in report["recorded"].items()))
    print(
        f"audit chain: {'intact' if report['audit_ok'] else 'BROKEN'}, "
        f"{report['audit_entries']} entries"
    )
    lat = report["weight_to_verdict_ms"]
    print(
        f"throughput: {report['parcels_per_min']} parcels/min over {report['shift_s']} s "
        f"(start-up {report['startup_s']} s); weight on pan -> verdict and slip: median "
        f"{lat['median']} ms, p95 {lat['p95']} ms, max {lat['max']} ms"
    )
    rss = report["rss_mib"]
    print(
        f"RSS: start {rss['start']} MiB, after warm-up {rss['after_warm_up']} MiB, "
        f"end {rss['end']} MiB"
    )
    print("time per phase (s): " + ", ".join(f"{k} {v}" for k, v in report["phase_s"].items()))
    print("live objects growth (warm-up -> end): " + ", ".join(report["gc_objects_growth"]))
    print("tracemalloc top growth (traced window of the last parcels):")
    for line in report["tracemalloc_top_growth"]:
        print(f"  {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parcels", type=int, default=2000, help="parcels to inspect")
    parser.add_argument(
        "--unplug-every",
        type=int,
        default=100,
        help="unplug and replug balance and scanner every N parcels (0: never)",
    )
    parser.add_argument(
        "--sync-every", type=int, default=250, help="a sync cycle every N parcels (0: never)"
    )
    parser.add_argument(
        "--republish-every",
        type=int,
        default=2,
        help="the hub publishes a new bundle every N sync cycles (0: only the first)",
    )
    parser.add_argument(
        "--override-every",
        type=int,
        default=3,
        help="override the HOLDs of one round of the 9 sample parcels in N",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument(
        "--keep", type=Path, default=None, help="keep the database, photos and slips in this folder"
    )
    args = parser.parse_args()
    if args.parcels < 1:
        parser.error("--parcels must be at least 1")
    logging.basicConfig(level=logging.ERROR)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    QTimer.singleShot(0, lambda: None)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        report = run(args, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp:
            report = run(args, Path(tmp))
    del app
    if args.json:
        print(json.dumps(report))
    else:
        print_report(report)
    ok = (
        report["stopped"] is None
        and report["records_lost"] == 0
        and report["records_doubled"] == 0
        and report["audit_ok"]
        and report["data_updates"]["failed"] == 0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
