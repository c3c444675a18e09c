"""Records uploaded per second from one kiosk to a local hub (target >= 50/s).

Starts ``kiosk-hub serve`` on 127.0.0.1 with a SQLite database (and again on PostgreSQL when
``KIOSK_TEST_PG_URL`` is set), records N finished inspections with a photo (~10 KB) and a slip
(~3 KB) in a kiosk database, then times ``Uploader.run_once()`` sending them all: one HTTPS-less
request per record, each confirmed and marked sent. The first record carries the whole audit
backlog (7 entries per inspection). Usage: ``benchmarks/upload_rate.py [N]`` (default 300).
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.sync.outbox import Uploader  # noqa: E402
from tests.records.conftest import pg_database  # noqa: E402
from tests.records.hubproc import HubProcess, add_kiosk  # noqa: E402
from tests.records.kiosks import make_kiosk  # noqa: E402

TARGET_PER_S = 50.0


def run(db_url: str, folder: Path, count: int, label: str) -> None:
    """Upload ``count`` records to a hub on ``db_url`` and print the rate."""
    hub = HubProcess(db_url, folder / "repo")
    hub.start()
    try:
        kiosk = make_kiosk(folder / "kiosk", hub.url, add_kiosk(db_url, "ANR-DO-01"))
        settings = dataclasses.replace(
            kiosk.settings, sync=dataclasses.replace(kiosk.settings.sync, upload_batch=count)
        )
        try:
            for _ in range(count):
                kiosk.finish()
            started = time.perf_counter()
            result = Uploader(settings, kiosk.store).run_once()
            elapsed_s = time.perf_counter() - started
        finally:
            kiosk.store.close()
    finally:
        hub.stop()
    rate = result.sent / elapsed_s if elapsed_s > 0 else 0.0
    verdict = "meets" if rate >= TARGET_PER_S and result.ok else "MISSES"
    print(
        f"upload rate ({label}): {result.sent} records in {elapsed_s:.2f} s = {rate:.0f} records/s "
        f"({1000 * elapsed_s / max(1, result.sent):.1f} ms each); "
        f"target >= {TARGET_PER_S:.0f}/s: {verdict}",
        flush=True,
    )


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run(f"sqlite:///{folder / 'hub.sqlite'}", folder / "sqlite", count, "hub on SQLite")
        base = os.environ.get("KIOSK_TEST_PG_URL")
        if base:
            databases = pg_database(base)
            url = next(databases)
            try:
                run(url, folder / "pg", count, "hub on PostgreSQL")
            finally:
                next(databases, None)
        else:
            print("upload rate (hub on PostgreSQL): not measured, KIOSK_TEST_PG_URL not set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
