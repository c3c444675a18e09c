"""`kiosk screen NAME [--type person|entity] [--country XX] [--dob DATE] [--json]`: screen a name.

Screens one name against the sanctions lists in the local database, as the kiosk screens a
parcel's parties: exact names first, then the fuzzy name index, and prints each listed party
that comes close with why (which name or alias, which list, score, aligned words, qualifiers).
A hit at ``[checks] screening_match`` or more is a MATCH (the kiosk refuses), from
``screening_review`` a POSSIBLE match (held for review); ``--all`` shows weaker ones too.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from kiosk.cli import CommandError
from kiosk.commands.common import emit
from kiosk.settings import RESOURCES, Settings

_DOB = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
WEAK_CUTOFF = 0.5
"""What ``--all`` shows down to."""


def register(sub: Any) -> None:
    """Add ``kiosk screen``."""
    screen: argparse.ArgumentParser = sub.add_parser(
        "screen", help="screen a name against the sanctions lists, with explanations"
    )
    screen.add_argument("name", metavar="NAME", help="the name, in any script")
    screen.add_argument("--type", choices=("person", "entity"), dest="kind", help="party type")
    screen.add_argument("--country", metavar="XX", help="ISO 3166 alpha-2 country of the party")
    screen.add_argument("--dob", metavar="YYYY[-MM-DD]", help="birth date or year of a person")
    screen.add_argument("--limit", type=int, default=10, metavar="N", help="most hits (10)")
    screen.add_argument("--all", action="store_true", help=f"show hits down to {WEAK_CUTOFF}")
    screen.add_argument("--json", action="store_true", help="one JSON line per hit")
    screen.set_defaults(handler=run)


def _validate(args: argparse.Namespace) -> None:
    if not args.name.strip():
        raise CommandError("NAME is empty")
    if len(args.name) > 500:
        raise CommandError("NAME is longer than 500 characters")
    if args.country is not None and not _COUNTRY.match(args.country):
        raise CommandError(
            f"--country: expected a two-letter code such as RU, got {args.country!r}"
        )
    if args.dob is not None and not _DOB.match(args.dob):
        raise CommandError(f"--dob: expected YYYY, YYYY-MM or YYYY-MM-DD, got {args.dob!r}")
    if not 1 <= args.limit <= 500:
        raise CommandError(f"--limit: expected 1 to 500, got {args.limit}")


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Screen the name and print the hits; exit 0 whether or not anything was found."""
    _validate(args)
    from kiosk.domain.name_index import NameIndex
    from kiosk.domain.names import normalise_name
    from kiosk.domain.screening import check_thresholds, screen_exact
    from kiosk.store import Store, StoreError

    match = float(settings.checks.screening_match)
    review = float(settings.checks.screening_review)
    check_thresholds(match, review)
    try:
        store = Store.open(settings.database_url)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    try:
        if settings.data.sample_data:
            store.seed_sample_data_if_empty(RESOURCES / "sample")
        index = NameIndex.build(store.iter_listed_parties())
        exact = screen_exact(
            [("name", args.name)], store.listed_parties_named([normalise_name(args.name)])
        )
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    if index.party_count == 0:
        raise CommandError("no sanctions lists in the database: run `kiosk data import` first")
    try:
        candidates = index.query(
            args.name,
            kind=args.kind,
            country=args.country.upper() if args.country else None,
            birth_date=args.dob,
            limit=args.limit,
            cutoff=WEAK_CUTOFF if args.all else review,
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    exact_ids = {(h.listed.list_name, h.listed.list_id) for h in exact}
    seen = {(c.party.list_name, c.party.list_id) for c in candidates}
    rows: list[dict[str, Any]] = []
    qualified = args.kind is not None or args.country is not None or args.dob is not None
    for hit in exact:  # the index scores every exact name too, with the qualifiers
        if (hit.listed.list_name, hit.listed.list_id) not in seen and not qualified:
            rows.append(_exact_row(hit))
    for candidate in candidates:
        row = _row(candidate, match, review)
        row["exact"] = (candidate.party.list_name, candidate.party.list_id) in exact_ids
        rows.append(row)
    rows.sort(key=lambda r: -float(r["score"]))
    rows = rows[: args.limit]
    if args.json:
        for row in rows:
            emit(row)
        return 0
    print(
        f'Screening "{args.name}" against {index.party_count:,} listed parties '
        f"({len(index):,} names): match >= {match:.2f}, review >= {review:.2f}"
    )
    if not rows:
        print("No listed party comes close.")
    for row in rows:
        print(
            f"{row['level']:8} {float(row['score']):.2f}  {row['list']} {row['list_id']}  "
            f'"{row["listed_name"]}"'
        )
        print(f"         {row['explanation']}")
    return 0


def _level(score: float, match: float, review: float) -> str:
    if score >= match:
        return "MATCH"
    if score >= review:
        return "POSSIBLE"
    return "WEAK"


def _row(candidate: Any, match: float, review: float) -> dict[str, Any]:
    party = candidate.party
    return {
        "level": _level(candidate.score, match, review),
        "score": round(candidate.score, 4),
        "name_score": round(candidate.name_score, 4),
        "list": party.list_name,
        "list_id": party.list_id,
        "listed_name": party.name,
        "kind": party.kind,
        "matched_name": candidate.matched_name,
        "alias": candidate.alias,
        "aligned": [
            {"query": a.query, "listed": a.listed, "similarity": a.similarity, "weight": a.weight}
            for a in candidate.aligned
        ],
        "qualifiers": list(candidate.qualifiers),
        "owners": list(party.owners),
        "exact": False,
        "explanation": candidate.explain(),
    }


def _exact_row(hit: Any) -> dict[str, Any]:
    party = hit.listed
    return {
        "level": "MATCH",
        "score": 1.0,
        "name_score": 1.0,
        "list": party.list_name,
        "list_id": party.list_id,
        "listed_name": party.name,
        "kind": party.kind,
        "matched_name": hit.matched_name,
        "alias": "name" if hit.matched_name == party.name else "strong",
        "aligned": [],
        "qualifiers": [],
        "owners": list(party.owners),
        "exact": True,
        "explanation": hit.explanation,
    }
