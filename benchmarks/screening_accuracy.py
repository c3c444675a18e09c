"""Screening accuracy on a labelled set of name variants: recall and false-positive rate.

The index holds the real OFAC ALT names (persons given a synthetic birth date and country so
that namesakes can be told apart). Positives are listed names changed the ways users and
documents change them: typos, transliteration spellings, word order, legal forms, Cyrillic
script, case and punctuation, plus the hand-written cases in ``data/screening_cases.csv``.
Negatives must not alert: namesakes (same name, birth year far apart), companies that share
only generic words with a listed one, and unlisted names made of listed words.

A positive counts as found when its listed party scores at least the review threshold (HOLD
or REFUSE); a negative is a false positive when any party scores that much.

    python benchmarks/screening_accuracy.py [--per-kind 300]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _names import (
    LEGAL_FORMS,
    legal_form,
    real_parties,
    reorder,
    respell,
    to_cyrillic,
    token_pools,
    typo,
)

from kiosk.domain.models import ListedParty
from kiosk.domain.name_index import NameIndex
from kiosk.domain.names import GENERIC_TOKENS, screening_fold

MATCH = 0.92
REVIEW = 0.75
RECALL_TARGET = 0.98
FP_TARGET = 0.01
CASES = Path(__file__).resolve().parent / "data" / "screening_cases.csv"
COUNTRIES = ("RU", "IR", "SY", "AE", "CN", "KP", "LB", "IQ", "BY", "VE")


@dataclasses.dataclass(frozen=True)
class Case:
    """One labelled query: the listed id it must find (``""`` = must not alert)."""

    kind: str
    query: str
    expected: str
    birth_date: str | None = None
    country: str | None = None


def with_facts(parties: list[ListedParty], rnd: random.Random) -> list[ListedParty]:
    """Persons get a birth date and a country (the ALT file has none)."""
    out = []
    for party in parties:
        if party.kind == "person":
            born = f"{rnd.randint(1940, 1995)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            party = dataclasses.replace(
                party, birth_dates=(born,), countries=(rnd.choice(COUNTRIES),)
            )
        out.append(party)
    return out


def distinctive(name: str) -> bool:
    """A name with at least two words that are not generic, long enough to vary."""
    words = [w for w in screening_fold(name).split() if w not in GENERIC_TOKENS]
    return len(words) >= 2 and sum(len(w) for w in words) >= 8


def generated(parties: list[ListedParty], per_kind: int, rnd: random.Random) -> list[Case]:
    """Labelled variants of real listed names, and negatives."""
    usable = [p for p in parties if distinctive(p.name)]
    cases: list[Case] = []

    def pick() -> ListedParty:
        return rnd.choice(usable)

    for _ in range(per_kind):
        p = pick()
        cases.append(Case("typo", typo(p.name, rnd), p.list_id))
        p = pick()
        cases.append(Case("spelling", respell(p.name), p.list_id))
        p = pick()
        cases.append(Case("word order", reorder(p.name, rnd), p.list_id))
        p = pick()
        cases.append(Case("cyrillic", to_cyrillic(p.name), p.list_id))
        p = pick()
        cases.append(Case("case/punctuation", p.name.title().replace(",", " ;"), p.list_id))
        entity = rnd.choice([q for q in usable if q.kind == "entity"])
        cases.append(Case("legal form", legal_form(entity.name, rnd), entity.list_id))
        person = rnd.choice([q for q in usable if q.kind == "person"])
        cases.append(
            Case(
                "same birth date",
                reorder(person.name, rnd),
                person.list_id,
                birth_date=person.birth_dates[0],
                country=person.countries[0],
            )
        )
    _family, _given, entity_words = token_pools(parties)
    entity_vocab = sorted({w.lower() for w in entity_words if w.isalpha()})
    for _ in range(per_kind):
        person = rnd.choice([q for q in usable if q.kind == "person"])
        year = int(person.birth_dates[0][:4])
        other = year + rnd.choice((-1, 1)) * rnd.randint(5, 30)
        cases.append(Case("namesake (birth year)", person.name, "", birth_date=f"{other}-06-15"))
        generic = rnd.sample(sorted(GENERIC_TOKENS - {"of", "and", "for", "in"}), 2)
        invented = "".join(rnd.choice("bcdfgklmnprstvz") + rnd.choice("aeiou") for _ in range(4))
        cases.append(
            Case(
                "generic words only",
                f"{invented.title()} {generic[0]} {generic[1]} {rnd.choice(LEGAL_FORMS)}",
                "",
            )
        )
        a, b = rnd.sample(entity_vocab, 2)
        cases.append(Case("unlisted mix of listed words", f"{a} {b} {rnd.choice(LEGAL_FORMS)}", ""))
    return cases


def curated() -> list[Case]:
    """The hand-written cases (the sanctions brief's examples and the diamond trade's)."""
    with CASES.open(encoding="utf-8", newline="") as handle:
        return [
            Case(
                row["kind"],
                row["query"],
                row["expected"],
                row["birth_date"] or None,
                row["country"] or None,
            )
            for row in csv.DictReader(handle)
        ]


CURATED_PARTIES = (
    ListedParty(
        "EU 269/2014",
        "EU.9001.12",
        "Pavel Alekseevich MARINYCHEV",
        kind="person",
        birth_dates=("1975-03-02",),
        countries=("RU",),
    ),
    ListedParty("EU 269/2014", "EU.8282.49", "PJSC Alrosa", aliases=("AK ALROSA PAO",)),
    ListedParty("EU 269/2014", "EU.9100.1", "ALMAZY ANABARA JSC"),
    ListedParty("UN", "KPi.001", "Sergey IVANOV", kind="person", birth_dates=("1953-01-31",)),
    ListedParty("OFAC SDN", "12345", "JSC CONCERN VKO ALMAZ-ANTEY"),
    ListedParty("UK", "RUS0999", "North Diamond Company"),
    ListedParty(
        "OFAC SDN", "EPL-1", "Gokhran of Russia", aliases=("Gosudarstvennoe Khranilishche",)
    ),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=300, help="generated cases per kind")
    parser.add_argument("--show", type=int, default=5, help="misses and false positives shown")
    args = parser.parse_args()
    rnd = random.Random(5)
    parties = with_facts(real_parties(), rnd)
    index = NameIndex.build([*parties, *CURATED_PARTIES])
    cases = generated(parties, args.per_kind, rnd) + curated()

    found: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses: list[str] = []
    false_positives: list[str] = []
    for case in cases:
        hits = index.query(
            case.query, birth_date=case.birth_date, country=case.country, cutoff=REVIEW
        )
        totals[case.kind] += 1
        if case.expected:
            best = next((c for c in hits if c.party.list_id == case.expected), None)
            if best is not None:
                found[case.kind] += 1
                matched[case.kind] += best.score >= MATCH
            else:
                misses.append(f"{case.kind}: {case.query!r} (expected {case.expected})")
        elif hits:
            found[case.kind] += 1
            false_positives.append(f"{case.kind}: {case.query!r} -> {hits[0].explain()}")

    positives = sum(n for k, n in totals.items() if not _negative(k))
    negatives = sum(n for k, n in totals.items() if _negative(k))
    print(f"labelled set: {positives} variants of listed names, {negatives} that must not alert")
    for kind in totals:
        share = found[kind] / totals[kind]
        if _negative(kind):
            print(f"  {kind:30} false positives {found[kind]}/{totals[kind]} ({share:.1%})")
        else:
            print(
                f"  {kind:30} found {found[kind]}/{totals[kind]} ({share:.1%}), "
                f"of which REFUSE-level {matched[kind]}"
            )
    recall = sum(found[k] for k in totals if not _negative(k)) / positives
    refuse = sum(matched[k] for k in totals if not _negative(k)) / positives
    fp_rate = sum(found[k] for k in totals if _negative(k)) / negatives
    verdict = "meets" if recall >= RECALL_TARGET else "MISSES"
    print(
        f"recall at review {REVIEW:.2f}: {recall:.3f} (at match {MATCH:.2f}: {refuse:.3f}); "
        f"target >= {RECALL_TARGET}: {verdict}"
    )
    verdict = "meets" if fp_rate <= FP_TARGET else "MISSES"
    print(f"false-positive rate: {fp_rate:.3%}; target <= {FP_TARGET:.0%}: {verdict}")
    for line in misses[: args.show]:
        print("  missed", line)
    for line in false_positives[: args.show]:
        print("  false positive", line)
    return 0


def _negative(kind: str) -> bool:
    return kind.startswith(("namesake", "generic", "unlisted"))


if __name__ == "__main__":
    sys.exit(main())
