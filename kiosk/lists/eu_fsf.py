"""EU Financial Sanctions File XML v1.1 (``xmlFullSanctionsList_1_1``), streamed."""

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
from kiosk.lists.xml import children, records

FORMAT = "eu-fsf"
LIST_NAME = "EU"
NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"

_KINDS = {"person": "person", "enterprise": "entity", "P": "person", "E": "entity"}


def parse_eu_fsf(source: Source, summary: ListFile | None = None) -> Iterator[ListedParty]:
    """Stream the parties of an EU Financial Sanctions File (XML v1.1).

    Args:
        source: The file (path or open binary file).
        summary: Filled in as the file streams: publication date (``generationDate``), counts.

    Yields:
        One ``ListedParty`` per ``sanctionEntity`` (key ``logicalId``); names with
        ``strong="false"`` become weak aliases.

    Raises:
        ListFormatError: The file is not a safe, well-formed FSF file (with line and reason).
    """
    file = source_name(source)
    if summary is None:
        summary = ListFile(FORMAT)
    summary.file = file
    for root, elem, line in records(source, "export", frozenset({"sanctionEntity"})):
        if summary.published is None:
            summary.published = iso_date(root.get("generationDate"))
            if root.tag != f"{{{NAMESPACE}}}export":
                raise ListFormatError(file, 1, f"not an EU FSF file: root is {root.tag!r}")
        party = _party(elem, file, line, summary)
        summary.count(party.kind, len(party.aliases), len(party.weak_aliases))
        yield party


def _party(elem: Element, file: str, line: int, summary: ListFile) -> ListedParty:
    from kiosk.lists.base import ListFormatError

    logical_id = (elem.get("logicalId") or "").strip()
    if not logical_id:
        raise ListFormatError(file, line, "sanctionEntity without a logicalId")
    kind = "entity"
    for st in children(elem, "subjectType"):
        kind = _KINDS.get(st.get("code", ""), _KINDS.get(st.get("classificationCode", ""), kind))
    strong: list[str] = []
    weak: list[str] = []
    for alias in children(elem, "nameAlias"):
        whole = alias.get("wholeName") or " ".join(
            p for p in (alias.get("firstName"), alias.get("middleName"), alias.get("lastName")) if p
        )
        (weak if alias.get("strong") == "false" else strong).append(whole)
    names = unique(strong)
    if not names:
        names = unique(weak)
        if not names:
            raise ListFormatError(file, line, f"sanctionEntity {logical_id} has no name")
    programmes = unique([r.get("programme", "") for r in children(elem, "regulation")])
    births: list[str] = []
    for b in children(elem, "birthdate"):
        value = partial_date(b.get("birthdate", "")) or partial_date(b.get("year", ""))
        if value:
            births.append(value)
    countries: list[str] = []
    for c in (*children(elem, "citizenship"), *children(elem, "address")):
        code = country_code(c.get("countryIso2Code"))
        if code:
            countries.append(code)
    identifiers: list[tuple[str, str]] = []
    for ident in children(elem, "identification"):
        number = (ident.get("number") or ident.get("latinNumber") or "").strip()
        if number:
            identifiers.append((ident.get("identificationTypeCode") or "other", number))
    return ListedParty(
        list_name=LIST_NAME,
        list_id=logical_id,
        name=names[0],
        aliases=names[1:],
        weak_aliases=unique(weak, frozenset(names)),
        kind=kind,
        programmes=programmes,
        listed_on=iso_date(elem.get("designationDate")),
        birth_dates=unique(births),
        countries=unique(countries),
        identifiers=tuple(dict.fromkeys(identifiers)),
        source_file=file,
        published=summary.published,
    )
