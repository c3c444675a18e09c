"""Throughput of the list importers (MB/s) and of list imports into the store (rows/s).

Parses the real files kept with the tests (the full 2 MB UN list, the full 1 MB OFAC
ALT.CSV, the EU, OFAC, UK and OpenSanctions excerpts), a generated EU FSF file of ~25 MB
(the excerpt's entities repeated with fresh logicalIds, the size of the real full file),
then imports the generated EU file and the UN list into a real SQLite file.

    python benchmarks/import_throughput.py [--eu-mb 25] [--rounds 3]
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from kiosk.lists import (
    ListFile,
    parse_eu_fsf,
    parse_ftm,
    parse_ofac_csv,
    parse_ofac_sdn_xml,
    parse_uk_fcdo,
    parse_uk_ofsi,
    parse_un,
    read_ofac_alt,
)
from kiosk.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "lists" / "fixtures"


def generate_eu(target: Path, megabytes: float) -> int:
    """Write an EU FSF file of about ``megabytes`` MB by repeating the excerpt's entities."""
    text = (FIXTURES / "eu-fsf-excerpt-2020.xml").read_text(encoding="utf-8")
    head_end = text.index("<sanctionEntity")
    tail_start = text.rindex("</export>")
    body = text[head_end:tail_start]
    entities = re.findall(r"<sanctionEntity .*?</sanctionEntity>", body, flags=re.S)
    count = 0
    with target.open("w", encoding="utf-8") as out:
        out.write(text[:head_end])
        written = head_end
        while written < megabytes * 1_000_000:
            for entity in entities:
                count += 1
                chunk = re.sub(
                    r'(<sanctionEntity [^>]*?logicalId=")(\d+)"', rf'\g<1>{count}"', entity, count=1
                )
                out.write("    " + chunk + "\n")
                written += len(chunk) + 5
        out.write("</export>\n")
    return count


def _best(rounds: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _drain(parties: Iterable[object]) -> int:
    return sum(1 for _ in parties)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eu-mb", type=float, default=25.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--aliases",
        type=int,
        default=0,
        help="also stream this many generated names (5 per party) into the store, e.g. 1000000",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        eu_big = Path(tmp) / "eu-generated.xml"
        entities = generate_eu(eu_big, args.eu_mb)
        cases: list[tuple[str, Path, Callable[[], object]]] = [
            (
                "un (full list)",
                FIXTURES / "un-consolidated-2026-02-27.xml",
                lambda: _drain(parse_un(FIXTURES / "un-consolidated-2026-02-27.xml")),
            ),
            (
                "ofac ALT.CSV (full)",
                FIXTURES / "ofac-alt-2025.csv",
                lambda: read_ofac_alt(FIXTURES / "ofac-alt-2025.csv"),
            ),
            (
                f"eu-fsf (generated, {entities} entities)",
                eu_big,
                lambda: _drain(parse_eu_fsf(eu_big)),
            ),
            (
                "eu-fsf (excerpt)",
                FIXTURES / "eu-fsf-excerpt-2020.xml",
                lambda: _drain(parse_eu_fsf(FIXTURES / "eu-fsf-excerpt-2020.xml")),
            ),
            (
                "ofac-sdn xml (excerpt)",
                FIXTURES / "ofac-sdn-excerpt-2020.xml",
                lambda: _drain(parse_ofac_sdn_xml(FIXTURES / "ofac-sdn-excerpt-2020.xml")),
            ),
            (
                "ofac-csv SDN (excerpt)",
                FIXTURES / "ofac-sdn-excerpt.csv",
                lambda: _drain(parse_ofac_csv(FIXTURES / "ofac-sdn-excerpt.csv")),
            ),
            (
                "uk-ofsi (excerpt)",
                FIXTURES / "uk-ofsi-conlist-excerpt-2020.csv",
                lambda: _drain(parse_uk_ofsi(FIXTURES / "uk-ofsi-conlist-excerpt-2020.csv")),
            ),
            (
                "uk fcdo (sample)",
                FIXTURES / "uk-fcdo-sample.xml",
                lambda: _drain(parse_uk_fcdo(FIXTURES / "uk-fcdo-sample.xml")),
            ),
            (
                "ftm (excerpt)",
                FIXTURES / "opensanctions-ftm-excerpt.json",
                lambda: _drain(parse_ftm(FIXTURES / "opensanctions-ftm-excerpt.json")),
            ),
        ]
        print("Parse only (best of rounds):")
        for name, path, run in cases:
            size_mb = path.stat().st_size / 1_000_000
            seconds = _best(args.rounds, run)
            print(
                f"  {name}: {size_mb:.2f} MB in {seconds * 1000:.0f} ms = "
                f"{size_mb / seconds:.1f} MB/s"
            )
        print(f"  peak RSS so far: {_rss_mb():.0f} MB")

        print("Into the store (real SQLite file, one transaction per list):")
        with Store.open(f"sqlite:///{Path(tmp) / 'kiosk.sqlite'}") as store:
            for list_name, path, parse in (
                ("EU", eu_big, parse_eu_fsf),
                ("UN", FIXTURES / "un-consolidated-2026-02-27.xml", parse_un),
            ):
                summary = ListFile(list_name)
                start = time.perf_counter()
                result = store.import_list(list_name, parse(path, summary), "bench", None)
                seconds = time.perf_counter() - start
                size_mb = path.stat().st_size / 1_000_000
                print(
                    f"  {list_name}: {result.records} parties, {result.names} names in "
                    f"{seconds:.2f} s = {result.records / seconds:,.0f} parties/s, "
                    f"{result.names / seconds:,.0f} names/s, {size_mb / seconds:.1f} MB/s"
                )
            start = time.perf_counter()
            streamed = sum(1 for _ in store.iter_listed_parties())
            seconds = time.perf_counter() - start
            print(
                f"  iter_listed_parties: {streamed} parties in {seconds:.2f} s = "
                f"{streamed / seconds:,.0f} parties/s"
            )
        print(f"  peak RSS: {_rss_mb():.0f} MB")
        if args.aliases:
            _generated_import(Path(tmp) / "million.sqlite", args.aliases)
    return 0


def _generated_import(db: Path, names: int) -> None:
    """Stream ``names`` generated names (one name and four aliases a party) into a store."""
    from kiosk.domain.models import ListedParty

    words = ("ALMAZ", "GEMS", "TRADING", "HOLDING", "RUBIN", "STAR", "NORD", "DIAMOND", "KAMEN")

    def parties() -> Iterable[ListedParty]:
        for i in range(names // 5):
            base = f"{words[i % 9]} {words[(i // 9) % 9]} {i:07d}"
            yield ListedParty(
                list_name="GEN",
                list_id=str(i),
                name=f"{base} LLC",
                aliases=(f"OOO {base}", f"{base} LIMITED", f"{base} GROUP"),
                weak_aliases=(f"{base}",),
                kind="entity",
            )

    with Store.open(f"sqlite:///{db}") as store:
        start = time.perf_counter()
        result = store.import_list("GEN", parties(), "bench", None)
        seconds = time.perf_counter() - start
    print(
        f"Generated: {result.records} parties, {result.names} names in {seconds:.1f} s = "
        f"{result.names / seconds:,.0f} names/s; peak RSS {_rss_mb():.0f} MB; "
        f"database {db.stat().st_size / 1e6:.0f} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
