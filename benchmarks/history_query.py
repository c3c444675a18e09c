"""History search time on a real SQLite file holding 100,000 recorded inspections.

The inspections (3 identifiers, a reading, a photo, a verdict with a reason, some overrides
each) are inserted in bulk, then each kind of search of the History screen is run several
times: the first page newest first, by part of an identifier, by period, by verdict, by post
and inspector, a deep page, and the count of all matches.

    python benchmarks/history_query.py [--count N] [--rounds R]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import summary

from kiosk.domain.history import HistoryQuery, VerdictFilter
from kiosk.store import Store
from kiosk.store.history import count_inspections, find_inspections
from tests.store.history_data import generate_inspections

START = datetime(2026, 1, 1, 7, 0, tzinfo=UTC)
SPAN = timedelta(days=330)


def main() -> int:
    """Build the database, time the searches, print one line per search."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{Path(folder) / 'history.sqlite'}")
        t0 = time.perf_counter()
        made = generate_inspections(store, args.count, start=START, span=SPAN)
        print(f"inserted {args.count} inspections in {time.perf_counter() - t0:.1f} s")
        middle = made[len(made) // 2]
        day = middle.started_at.replace(hour=0, minute=0, second=0, microsecond=0)
        cases = {
            "first page, no filter": HistoryQuery(),
            "identifier, exact KP": HistoryQuery(identifier=middle.kp_number),
            "identifier, part (6 chars)": HistoryQuery(identifier=middle.kp_number[-6:]),
            "identifier, no match": HistoryQuery(identifier="ZZ999"),
            "identifier, part, within one day": HistoryQuery(
                identifier=middle.kp_number[-6:], since=day, until=day + timedelta(days=1)
            ),
            "one day": HistoryQuery(since=day, until=day + timedelta(days=1)),
            "verdict HOLD": HistoryQuery(verdict=VerdictFilter.HOLD),
            "verdict REFUSE, one month": HistoryQuery(
                verdict=VerdictFilter.REFUSE, since=day, until=day + timedelta(days=30)
            ),
            "overridden": HistoryQuery(verdict=VerdictFilter.OVERRIDDEN),
            "post + inspector": HistoryQuery(post="BE-BRU-AP", inspector="jmaes"),
            "page 100 (rows 5001-5050)": HistoryQuery(page=100),
        }
        for name, query in cases.items():
            times_ms = []
            rows = 0
            for _ in range(args.rounds):
                start = time.perf_counter()
                page = find_inspections(store, query)
                times_ms.append((time.perf_counter() - start) * 1000)
                rows = len(page.rows)
            print(summary(f"{name} ({rows} rows)", times_ms))
        for name in ("verdict HOLD", "identifier, part (6 chars)"):
            times_ms = []
            total = 0
            for _ in range(max(3, args.rounds // 3)):
                start = time.perf_counter()
                total = count_inspections(store, cases[name])
                times_ms.append((time.perf_counter() - start) * 1000)
            print(summary(f"count, {name} ({total} matches)", times_ms))
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
