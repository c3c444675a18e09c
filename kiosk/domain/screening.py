"""Sanctions screening of the parties of a parcel: exact, then fuzzy through a name index."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from decimal import Decimal

from kiosk.domain.checks import Params
from kiosk.domain.models import Declaration, KpCertificate, ListedParty, Outcome, ScreeningHit
from kiosk.domain.name_index import Candidate, NameIndex
from kiosk.domain.names import normalise_name
from kiosk.domain.rules import RuleSet

EXACT_SCORE = 1.0


def parties_of(
    declaration: Declaration | None, certificate: KpCertificate | None
) -> list[tuple[str, str]]:
    """The parties to screen: exporter and importer of the declaration and of the KP certificate.

    Roles are "exporter", "importer" (declaration) and "KP exporter", "KP importer"
    (certificate). Blank names are left out, and a name that normalises like one already
    listed is screened once, under the first role it appeared in.

    Args:
        declaration: the trader's declaration, if one was found.
        certificate: the register's record of the KP certificate, if one was found.

    Returns:
        ``(role, name)`` pairs in the order above.
    """
    candidates: list[tuple[str, str]] = []
    if declaration is not None:
        candidates += [("exporter", declaration.exporter), ("importer", declaration.importer)]
    if certificate is not None:
        candidates += [("KP exporter", certificate.exporter), ("KP importer", certificate.importer)]
    parties: list[tuple[str, str]] = []
    seen: set[str] = set()
    for role, name in candidates:
        key = normalise_name(name)
        if not key or key in seen:
            continue
        seen.add(key)
        parties.append((role, name))
    return parties


def screen_exact(
    parties: Sequence[tuple[str, str]], listed: Iterable[ListedParty]
) -> tuple[ScreeningHit, ...]:
    """Screen parties against listed parties by exact equality of normalised names.

    A party matches a listed party when its normalised name equals the normalised name or any
    normalised alias of that listed party. Each (party, listed party) pair gives at most one
    hit, on the listed name when it matches, else on the first matching alias. A name that
    normalises to nothing never matches.

    Args:
        parties: ``(role, name)`` pairs, e.g. ``("exporter", "Alrosa, PJSC")``.
        listed: the listed parties of every list in use (read once).

    Returns:
        The hits, in the order of ``parties`` and then of ``listed``; score 1.0 each.
    """
    wanted: dict[str, list[tuple[str, str]]] = {}
    for role, name in parties:
        key = normalise_name(name)
        if key:
            wanted.setdefault(key, []).append((role, name))
    if not wanted:
        return ()
    found: dict[tuple[str, str], list[ScreeningHit]] = {}
    for entry in listed:
        matched: set[str] = set()
        for is_alias, listed_name in [(False, entry.name)] + [(True, a) for a in entry.aliases]:
            key = normalise_name(listed_name)
            if key not in wanted or key in matched:
                continue
            matched.add(key)
            how = f'its alias "{listed_name}"' if is_alias else f'its listed name "{listed_name}"'
            for role, name in wanted[key]:
                explanation = (
                    f'{role} "{name}" matches {entry.list_name} listing {entry.list_id} '
                    f'"{entry.name}" by {how} (both read as "{key}")'
                )
                hit = ScreeningHit(role, name, entry, listed_name, EXACT_SCORE, explanation)
                found.setdefault((role, name), []).append(hit)
    return tuple(hit for party in parties for hit in found.pop(party, []))


SANCTIONS_CHECK = "sanctions_listed"
"""The check (R12) that turns screening hits into REFUSE or HOLD."""

FUZZY_LIMIT = 10
"""The most listed parties reported per screened name."""


def check_thresholds(match_threshold: float, review_threshold: float) -> None:
    """Raise ``ValueError`` unless 0 < review <= match <= 1."""
    if not 0.0 < review_threshold <= match_threshold <= 1.0:
        raise ValueError(
            "screening thresholds must satisfy 0 < review <= match <= 1, got "
            f"review {review_threshold} and match {match_threshold}"
        )


def explain_candidate(role: str, name: str, candidate: Candidate, index: NameIndex) -> str:
    """The explanation of a fuzzy hit for the verdict: who, which listing, why, owners."""
    text = f'{role} "{name}" may be {candidate.explain()}'
    owners = index.owners_of(candidate.party)
    if owners:
        text += "; owned 50% or more by listed " + ", ".join(
            f'{o.list_name} {o.list_id} "{o.name}"' for o in owners
        )
    elif candidate.party.owners:
        text += "; owned 50% or more by " + ", ".join(candidate.party.owners)
    return text


def screen(
    parties: Sequence[tuple[str, str]],
    index: NameIndex,
    match_threshold: float,
    review_threshold: float,
) -> tuple[ScreeningHit, ...]:
    """Screen parties against the name index: hits scoring at least ``review_threshold``.

    A hit at ``match_threshold`` or more is a match (R12 refuses), one between the two
    thresholds a possible match (R12 holds it for review), once the rule set carries these
    thresholds (``with_screening_thresholds``). A party owned 50% or more by a listed party
    is itself in the index (``ListedParty.owners``) and its hits name the owners. Weak
    aliases and generic words are capped by the index so that they never alert alone.

    Args:
        parties: ``(role, name)`` pairs, e.g. ``("exporter", "Alrosa, PJSC")``.
        index: The name index of the lists in use.
        match_threshold: The score from which a hit is a match.
        review_threshold: The score from which a hit is held for review.

    Returns:
        The hits in the order of ``parties``, each party's best first (one per listing).

    Raises:
        ValueError: The thresholds are not 0 < review <= match <= 1.
    """
    check_thresholds(match_threshold, review_threshold)
    hits: list[ScreeningHit] = []
    for role, name in parties:
        for candidate in index.query(name, limit=FUZZY_LIMIT, cutoff=review_threshold):
            hits.append(
                ScreeningHit(
                    party_role=role,
                    party_name=name,
                    listed=candidate.party,
                    matched_name=candidate.matched_name,
                    score=candidate.score,
                    explanation=explain_candidate(role, name, candidate, index),
                )
            )
    return tuple(hits)


def merge_hits(*groups: Iterable[ScreeningHit]) -> tuple[ScreeningHit, ...]:
    """Hits of several passes, one per (party, listing): the highest score, first seen first."""
    best: dict[tuple[str, str, str, str], ScreeningHit] = {}
    for group in groups:
        for hit in group:
            key = (hit.party_role, hit.party_name, hit.listed.list_name, hit.listed.list_id)
            held = best.get(key)
            if held is None or hit.score > held.score:
                best[key] = hit
    return tuple(best.values())


def with_screening_thresholds(
    ruleset: RuleSet, match_threshold: float, review_threshold: float
) -> RuleSet:
    """The rule set with its sanctions rules (R12) refusing and holding at these thresholds.

    The thresholds come from the settings (``[checks] screening_match`` and
    ``screening_review``); a rule without a review outcome gets HOLD.

    Raises:
        ValueError: The thresholds are not 0 < review <= match <= 1.
    """
    check_thresholds(match_threshold, review_threshold)
    rules = []
    for rule in ruleset.rules:
        if rule.check == SANCTIONS_CHECK:
            values = dict(rule.params.values)
            values["min_score"] = Decimal(str(match_threshold))
            values["review_min_score"] = Decimal(str(review_threshold))
            values.setdefault("review_outcome", Outcome.HOLD)
            rule = dataclasses.replace(rule, params=Params(values))
        rules.append(rule)
    return dataclasses.replace(ruleset, rules=tuple(rules))
