"""UN Security Council consolidated list XML (``CONSOLIDATED_LIST``), streamed."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from kiosk.domain.models import ListedParty
from kiosk.lists.base import (
    ListFile,
    ListFormatError,
    Source,
    country_code,
    iso_date,
    partial_date,
    source_name,
    unique,
)
from kiosk.lists.xml import children, local, text

FORMAT = "un"
LIST_NAME = "UN"


def parse_un(source: Source, summary: ListFile | None = None) -> Iterator[ListedParty]:
    """Stream the individuals and entities of the UN consolidated list.

    Entity names are in ``FIRST_NAME``; alias quality ``Low`` is weak, ``Good``, blank,
    ``a.k.a.`` and ``f.k.a.`` are strong. ``REFERENCE_NUMBER`` (``CFi.006``) is the list id.

    Raises:
        ListFormatError: The file is not a safe, well-formed UN list (line and reason).
    """
    from kiosk.lists.xml import records

    file = source_name(source)
    summary = summary if summary is not None else ListFile(FORMAT)
    summary.file = file
    for root, elem, line in records(
        source, "CONSOLIDATED_LIST", frozenset({"INDIVIDUAL", "ENTITY"})
    ):
        if summary.published is None:
            summary.published = iso_date(root.get("dateGenerated"))
        party = _party(elem, file, line, summary)
        summary.count(party.kind, len(party.aliases), len(party.weak_aliases))
        yield party


def _party(elem: Element, file: str, line: int, summary: ListFile) -> ListedParty:
    person = local(elem.tag) == "INDIVIDUAL"
    prefix = "INDIVIDUAL" if person else "ENTITY"
    ref = text(elem, "REFERENCE_NUMBER") or text(elem, "DATAID")
    parts = [text(elem, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(p for p in parts if p)
    if not ref or not name:
        raise ListFormatError(file, line, f"{prefix} without REFERENCE_NUMBER or name")
    strong: list[str] = []
    weak: list[str] = []
    for alias in children(elem, f"{prefix}_ALIAS"):
        alias_name = text(alias, "ALIAS_NAME")
        (weak if text(alias, "QUALITY").lower() == "low" else strong).append(alias_name)
    original = text(elem, "NAME_ORIGINAL_SCRIPT")
    if original:
        strong.append(original)
    births: list[str] = []
    for dob in children(elem, "INDIVIDUAL_DATE_OF_BIRTH"):
        for tag in ("DATE", "YEAR", "FROM_YEAR", "TO_YEAR"):
            value = partial_date(text(dob, tag))
            if value:
                births.append(value)
    countries: list[str] = []
    for tag in ("NATIONALITY",):
        for holder in children(elem, tag):
            countries += [
                c for c in (country_code(text(v)) for v in children(holder, "VALUE")) if c
            ]
    for addr in children(elem, f"{prefix}_ADDRESS"):
        code = country_code(text(addr, "COUNTRY"))
        if code:
            countries.append(code)
    identifiers: list[tuple[str, str]] = []
    for doc in children(elem, "INDIVIDUAL_DOCUMENT"):
        number = text(doc, "NUMBER")
        if number:
            identifiers.append((text(doc, "TYPE_OF_DOCUMENT") or "other", number))
    return ListedParty(
        list_name=LIST_NAME,
        list_id=ref,
        name=name,
        aliases=unique(strong, frozenset({name})),
        weak_aliases=unique(weak, frozenset({name})),
        kind="person" if person else "entity",
        programmes=unique([text(elem, "UN_LIST_TYPE")]),
        listed_on=iso_date(text(elem, "LISTED_ON")),
        birth_dates=unique(births),
        countries=unique(countries),
        identifiers=tuple(dict.fromkeys(identifiers)),
        source_file=file,
        published=summary.published,
    )
