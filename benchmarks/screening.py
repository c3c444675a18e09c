"""Screening speed and memory on one million aliases: the name index against plain rapidfuzz.

The real OFAC ALT names (``../shared/data/lists/ofac-alt-2025.csv``, else a cut of it in
``benchmarks/data``) are padded with synthetic names made of real tokens up to ``--names``
aliases. Prints the index build time, the time per screened name (p50/p95), the process RSS,
and the time of ``rapidfuzz.process.extract`` (token_sort_ratio, pre-processed choices) over
all names for the same queries.

    python benchmarks/screening.py [--names 1000000] [--queries 500] [--baseline 10]
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import summary
from _names import real_parties, reorder, respell, synthetic_parties, to_cyrillic, typo

from kiosk.domain.name_index import NameIndex
from kiosk.domain.names import normalise_name

BUILD_TARGET_S = 60.0
P95_TARGET_MS = 5.0
RSS_TARGET_MB = 400.0
SPEEDUP_TARGET = 50.0
LIMIT = 10
"""Candidates per name, as ``kiosk.domain.screening.screen`` asks."""
CUTOFF = 0.75
"""The review threshold (``[checks] screening_review``), as ``screen`` uses it."""


def rss_mb() -> float:
    """The resident set size of this process now, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")  # pragma: no cover


def peak_rss_mb() -> float:
    """The peak resident set size of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")  # pragma: no cover


def queries(count: int, seed: int = 11) -> list[str]:
    """Names to screen: real names with typos, respellings, reorderings, Cyrillic, and misses."""
    rnd = random.Random(seed)
    real = real_parties()
    names = [n for p in real for n in (p.name, *p.aliases)]
    out: list[str] = []
    for i in range(count):
        name = rnd.choice(names)
        step = i % 6
        if step == 0:
            out.append(typo(name, rnd))
        elif step == 1:
            out.append(respell(name))
        elif step == 2:
            out.append(reorder(name, rnd))
        elif step == 3:
            out.append(to_cyrillic(name))
        elif step == 4:
            out.append(name)
        else:  # a name that is not listed, made of two real words
            out.append(f"{rnd.choice(names).split()[0]} {rnd.choice(names).split()[-1]}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=1_000_000, help="aliases in the index")
    parser.add_argument("--queries", type=int, default=500, help="names screened")
    parser.add_argument("--baseline", type=int, default=10, help="names for plain rapidfuzz")
    args = parser.parse_args()

    base_rss = rss_mb()
    real = real_parties()
    real_names = sum(1 + len(p.aliases) for p in real)
    wanted = max(0, args.names - real_names)
    wanted += wanted // 10  # about one synthetic name in 11 repeats another of its party

    def parties():  # type: ignore[no-untyped-def]
        yield from real
        yield from synthetic_parties(real, wanted)

    started = time.perf_counter()
    index = NameIndex.build(parties())
    build_s = time.perf_counter() - started
    gc.collect()
    gc.freeze()  # the index is long-lived: keep the cyclic collector from rescanning it
    index_rss = rss_mb()
    print(
        f"index: {len(index):,} names of {index.party_count:,} parties "
        f"({real_names:,} real OFAC ALT names), {index.vocabulary_size:,} distinct tokens"
    )
    verdict = "meets" if build_s < BUILD_TARGET_S else "MISSES"
    print(f"build: {build_s:.1f} s; target < {BUILD_TARGET_S:.0f} s: {verdict}")
    verdict = "meets" if index_rss < RSS_TARGET_MB else "MISSES"
    print(
        f"RSS with the index: {index_rss:.0f} MB (interpreter and libraries {base_rss:.0f} MB, "
        f"peak during build {peak_rss_mb():.0f} MB); target < {RSS_TARGET_MB:.0f} MB: {verdict}"
    )

    names = queries(args.queries)
    for name in names[:20]:  # warm up
        index.query(name, limit=LIMIT, cutoff=CUTOFF)
    times_ms: list[float] = []
    cpu_ms: list[float] = []
    for name in names:
        t0 = time.perf_counter()
        c0 = time.thread_time()
        index.query(name, limit=LIMIT, cutoff=CUTOFF)
        cpu_ms.append((time.thread_time() - c0) * 1000)
        times_ms.append((time.perf_counter() - t0) * 1000)
    ordered = sorted(times_ms)
    p95 = ordered[round(0.95 * (len(ordered) - 1))]
    print(summary("index query per name (wall)", times_ms))
    print(summary("index query per name (CPU of this thread)", cpu_ms))
    verdict = "meets" if p95 < P95_TARGET_MS else "MISSES"
    print(f"index p95 {p95:.2f} ms; target < {P95_TARGET_MS:.0f} ms: {verdict}")

    if args.baseline:
        from rapidfuzz import fuzz, process

        choices = [normalise_name(n) for n in index_names(index)]
        base_ms: list[float] = []
        index_ms: list[float] = []
        for name in names[: args.baseline]:
            t0 = time.perf_counter()
            process.extract(normalise_name(name), choices, scorer=fuzz.token_sort_ratio, limit=50)
            base_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            index.query(name, limit=LIMIT, cutoff=CUTOFF)
            index_ms.append((time.perf_counter() - t0) * 1000)
        print(summary(f"plain rapidfuzz extract over {len(choices):,} names", base_ms))
        speedup = statistics.median(base_ms) / statistics.median(index_ms)
        verdict = "meets" if speedup >= SPEEDUP_TARGET else "MISSES"
        print(
            f"speed-up of the index on the same {len(base_ms)} names: {speedup:.0f}x (median); "
            f"target >= {SPEEDUP_TARGET:.0f}x: {verdict}"
        )
    return 0


def index_names(index: NameIndex) -> list[str]:
    """Every indexed name as written (for the plain rapidfuzz baseline)."""
    out: list[str] = []
    for i in range(index.party_count):
        party = index.party_at(i)
        out += [party.name, *party.aliases, *party.weak_aliases]
    return out


if __name__ == "__main__":
    sys.exit(main())
