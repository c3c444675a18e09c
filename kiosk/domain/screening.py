"""Sanctions screening of the parties of a parcel: exact matches of normalised names and aliases."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kiosk.domain.models import Declaration, KpCertificate, ListedParty, ScreeningHit
from kiosk.domain.names import normalise_name

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
