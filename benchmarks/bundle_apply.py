"""Applying a big data bundle: its compressed size, the apply time, the GUI thread's longest stall.

Builds a bundle of N synthetic parties (default 1,000,000, three names each, made of real
name tokens like benchmarks/_names.py), applies it to a real SQLite file in a background
thread while a 5 ms QTimer runs on the GUI thread (offscreen), and prints:

- the bundle's size (gzip'd JSON lines) and the time to build it;
- the time to apply it (one transaction) and the longest gap between two timer ticks;
- how long an inspection step written meanwhile waited for the write lock.

Targets: apply < 60 s, longest GUI stall < 50 ms.

    python benchmarks/bundle_apply.py [--parties 1000000]
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _names import real_parties, synthetic_parties
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer

import kiosk.sync.bundle
from kiosk.domain.bundle import BundleSource
from kiosk.domain.names import name_tokens
from kiosk.store import Store, StoreError
from kiosk.sync.bundle import BundleReader, BundleWriter

TICK_MS = 5


@functools.lru_cache(maxsize=500_000)
def _word_keys(word: str) -> tuple[str, ...]:
    return tuple(name_tokens(word))


def _fast_normalise(name: str) -> str:
    """``normalise_name`` word by word with a cache: the synthetic names reuse few words."""
    return " ".join(sorted(key for word in name.split() for key in _word_keys(word)))


def build(path: Path, parties: int, *, exact: bool = False) -> float:
    """Write a bundle of ``parties`` synthetic parties; returns the seconds it took.

    Without ``exact`` the names' keys come from a per-word cache (the hub's exact normaliser
    costs about 0.1 ms a name; a million parties is three million names).
    """
    if not exact:
        kiosk.sync.bundle.normalise_name = _fast_normalise  # type: ignore[attr-defined]
    started = time.perf_counter()
    real = real_parties()
    with BundleWriter(path, 1, datetime.now(UTC)) as writer:
        count = 0
        for party in synthetic_parties(real, parties * 3):
            writer.write(party)
            count += 1
        writer.add_source(
            BundleSource("SYNTHETIC", "list", "ftm", "synthetic", "", None, {"parties": count})
        )
    return time.perf_counter() - started


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parties", type=int, default=1_000_000)
    parser.add_argument(
        "--exact-keys", action="store_true", help="build with the exact normaliser (slow)"
    )
    args = parser.parse_args()
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as tmp:
        bundle = Path(tmp) / "bundle.jsonl.gz"
        built_s = build(bundle, args.parties, exact=args.exact_keys)
        size_mb = bundle.stat().st_size / 1e6
        print(
            f"bundle: {args.parties:,} parties, {size_mb:.1f} MB gzip'd, built in {built_s:.1f} s"
        )
        store = Store.open(f"sqlite:///{Path(tmp) / 'kiosk.sqlite'}")
        inspection = store.create_inspection("BE-ANR-DO", "BENCH", "inspector", datetime.now(UTC))
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]
        result: dict[str, float | str] = {}

        def tick() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        def apply() -> None:
            started = time.perf_counter()
            cpu_started = time.thread_time()
            try:
                with BundleReader(bundle) as reader:
                    store.apply_bundle(
                        reader.manifest,
                        reader.records(),
                        lists_db=reader.lists_db,
                        sha256="0" * 64,
                        expires_at=None,
                        now=datetime.now(UTC),
                    )
                result["apply_s"] = time.perf_counter() - started
                result["apply_cpu_s"] = time.thread_time() - cpu_started
            except Exception as exc:  # report, do not hide
                result["error"] = repr(exc)

        def step() -> None:
            """An inspection step written while the apply runs: how long does it wait?"""
            time.sleep(2.0)
            started = time.perf_counter()
            try:
                store.void_inspection(inspection.id, "benchmark", datetime.now(UTC))
                result["step_wait_s"] = time.perf_counter() - started
            except StoreError as exc:
                result["step_error"] = f"{exc} after {time.perf_counter() - started:.1f} s"

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        # Baseline: the same timer for 2 s with nothing else running (this machine's jitter).
        idle = QTimer()
        idle.setSingleShot(True)
        idle.timeout.connect(app.quit)
        idle.start(2000)
        timer.start()
        last[0] = clock.nsecsElapsed()
        app.exec()
        timer.stop()
        baseline = max(gaps) if gaps else 0.0
        gaps.clear()
        worker = threading.Thread(target=apply, name="bundle-apply")
        stepper = threading.Thread(target=step, name="inspection-step")
        last[0] = clock.nsecsElapsed()
        timer.start()
        worker.start()
        stepper.start()
        done = QTimer()
        done.setInterval(50)
        done.timeout.connect(
            lambda: None if worker.is_alive() or stepper.is_alive() else app.quit()
        )
        done.start()
        app.exec()
        done.stop()
        timer.stop()
        worker.join()
        stepper.join()
        store.close()
    if "error" in result:
        print(f"apply FAILED: {result['error']}")
        return 1
    apply_s = float(result["apply_s"])
    worst = max(gaps) if gaps else 0.0
    ordered = sorted(gaps)
    p99 = ordered[int(0.99 * (len(ordered) - 1))] if ordered else 0.0
    print(
        f"apply: {apply_s:.1f} s ({args.parties / apply_s:,.0f} parties/s), "
        f"{float(result['apply_cpu_s']):.1f} s CPU in the apply thread; target < 60 s: "
        f"{'meets' if apply_s < 60 else 'MISSES'}"
    )
    print(
        f"GUI thread: longest gap between {TICK_MS} ms ticks {worst:.1f} ms (p99 {p99:.1f} ms) "
        f"over {len(gaps)} ticks; target < 50 ms: {'meets' if worst < 50 else 'MISSES'} "
        f"(idle baseline: {baseline:.1f} ms; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores)"
    )
    if "step_wait_s" in result:
        print(f"inspection step during apply: waited {float(result['step_wait_s']):.2f} s")
    else:
        print(f"inspection step during apply: FAILED ({result.get('step_error')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
