"""OpenSanctions FollowTheMoney entities (``entities.ftm.json``, one JSON object a line)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from kiosk.domain.models import ListedParty
from kiosk.lists.base import (
    MAX_LINE_CHARS,
    MAX_NAMES_PER_PARTY,
    ListFile,
    ListFormatError,
    Source,
    country_code,
    iso_date,
    open_source,
    partial_date,
    source_name,
    unique,
)

FORMAT = "ftm"
LIST_NAME = "OpenSanctions"

_KINDS = {
    "Person": "person",
    "Company": "entity",
    "Organization": "entity",
    "LegalEntity": "entity",
    "PublicBody": "entity",
    "Vessel": "vessel",
    "Airplane": "aircraft",
}
_IDENTIFIER_PROPS = (
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "idNumber",
    "passportNumber",
    "imoNumber",
    "swiftBic",
    "vatCode",
    "leiCode",
)
_COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction", "flag")


def _values(props: dict[str, Any], name: str) -> list[str]:
    raw = props.get(name, [])
    if not isinstance(raw, list):
        return []
    return [" ".join(str(v).split()) for v in raw[:MAX_NAMES_PER_PARTY] if isinstance(v, str)]


def parse_ftm(source: Source, summary: ListFile | None = None) -> Iterator[ListedParty]:
    """Stream the parties of an OpenSanctions FtM JSON-lines export.

    ``name`` and ``alias`` are strong names, ``weakAlias`` weak; ``Ownership`` entities
    with ``percentage`` >= 50 (or none stated) add the owner's id to the asset's ``owners``.
    Ownerships may come after the asset, so parties are yielded once the file is read
    (memory grows with the number of parties, not of lines). Non-party schemata (Address,
    Sanction, Identification...) are skipped. ``published`` is the newest ``last_change``.

    Raises:
        ListFormatError: A line that is not a JSON object, lacks ``id``/``schema``, or is
            over ``MAX_LINE_CHARS`` (with file and line).
    """
    file = source_name(source)
    summary = summary if summary is not None else ListFile(FORMAT)
    summary.file = file
    parties: dict[str, ListedParty] = {}
    owners: dict[str, list[str]] = {}
    newest: date | None = None
    with open_source(source) as handle:
        for line_no, raw in enumerate(handle, start=1):
            if len(raw) > MAX_LINE_CHARS:
                raise ListFormatError(file, line_no, f"line is over {MAX_LINE_CHARS} bytes")
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except UnicodeDecodeError:
                raise ListFormatError(file, line_no, "not UTF-8 text") from None
            except json.JSONDecodeError as exc:
                raise ListFormatError(
                    file, line_no, f"not valid JSON: {exc.msg}", exc.colno
                ) from None
            except RecursionError:
                raise ListFormatError(file, line_no, "not valid JSON: nested too deeply") from None
            except ValueError:  # a number of more than 4300 digits
                raise ListFormatError(file, line_no, "not valid JSON: a number too long") from None
            if not isinstance(data, dict):
                raise ListFormatError(file, line_no, "expected a JSON object")
            entity_id, schema = data.get("id"), data.get("schema")
            props = data.get("properties", {})
            if not isinstance(entity_id, str) or not isinstance(schema, str) or not entity_id:
                raise ListFormatError(file, line_no, "an entity needs a text 'id' and 'schema'")
            if not isinstance(props, dict):
                raise ListFormatError(file, line_no, "'properties' must be an object")
            changed = iso_date(str(data.get("last_change") or ""))
            if changed and (newest is None or changed > newest):
                newest = changed
            if schema == "Ownership":
                _ownership(props, owners)
                continue
            kind = _KINDS.get(schema)
            if kind is None:
                continue
            party = _party(entity_id, kind, props, data, file)
            if party is None:
                raise ListFormatError(file, line_no, f"entity {entity_id} has no name")
            parties[entity_id] = party
    summary.published = newest
    for entity_id, party in parties.items():
        owned_by = tuple(o for o in owners.get(entity_id, ()) if o != entity_id)
        if owned_by or summary.published:
            party = _with(party, owned_by, summary.published)
        summary.count(party.kind, len(party.aliases), len(party.weak_aliases))
        yield party


def _with(party: ListedParty, owned_by: tuple[str, ...], published: date | None) -> ListedParty:
    from dataclasses import replace

    return replace(party, owners=unique(owned_by), published=published)


def _ownership(props: dict[str, Any], owners: dict[str, list[str]]) -> None:
    owner = _values(props, "owner")
    asset = _values(props, "asset")
    if not owner or not asset:
        return
    shares = _values(props, "percentage")
    percent = None
    for s in shares:
        try:
            percent = float(s.rstrip("%"))
            break
        except ValueError:
            continue
    if percent is not None and percent < 50:
        return
    for a in asset:
        owners.setdefault(a, []).extend(owner)


def _party(
    entity_id: str, kind: str, props: dict[str, Any], data: dict[str, Any], file: str
) -> ListedParty | None:
    names = unique(
        _values(props, "name") + _values(props, "alias") + _values(props, "previousName")
    )
    if not names:
        caption = data.get("caption")
        names = unique([caption] if isinstance(caption, str) else [])
    if not names:
        return None
    births = [d for d in (partial_date(v[:10]) for v in _values(props, "birthDate")) if d]
    countries = [
        c for c in (country_code(v) for p in _COUNTRY_PROPS for v in _values(props, p)) if c
    ]
    identifiers = [(p, v) for p in _IDENTIFIER_PROPS for v in _values(props, p)]
    programmes = _values(props, "programId") or [
        str(d) for d in data.get("datasets", []) if isinstance(d, str)
    ]
    return ListedParty(
        list_name=LIST_NAME,
        list_id=entity_id,
        name=names[0],
        aliases=names[1:],
        weak_aliases=unique(_values(props, "weakAlias"), frozenset(names)),
        kind=kind,
        programmes=unique(programmes),
        listed_on=iso_date((_values(props, "createdAt") or [""])[0]),
        birth_dates=unique(births),
        countries=unique(countries),
        identifiers=tuple(dict.fromkeys(identifiers)),
        source_file=file,
    )
