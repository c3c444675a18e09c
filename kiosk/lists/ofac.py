"""OFAC SDN list: the legacy ``SDN.XML`` (``sdnList``) and ``SDN.CSV`` + ``ALT.CSV``, streamed."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date
from xml.etree.ElementTree import Element

from kiosk.domain.models import ListedParty
from kiosk.lists.base import (
    MAX_LINE_CHARS,
    MAX_TEXT_CHARS,
    ListFile,
    ListFormatError,
    Source,
    country_code,
    open_source,
    partial_date,
    source_name,
    unique,
)
from kiosk.lists.xml import child, children, descendants, records, text

FORMAT_XML = "ofac-sdn"
FORMAT_CSV = "ofac-csv"
LIST_NAME = "OFAC"

_KINDS = {"individual": "person", "entity": "entity", "vessel": "vessel", "aircraft": "aircraft"}
_NULL = "-0-"
_WEAK_AKA = re.compile(r"a\.k\.a\.,?\s*'([^']+)'", re.IGNORECASE)
_DOB = re.compile(r"\bDOB\s+([^;]+)")
_NATIONALITY = re.compile(r"\b(?:nationality|citizen)\s+([^;.]+)", re.IGNORECASE)
_SDN_COLUMNS = 12
_ALT_COLUMNS = 5


def _us_date(value: str) -> date | None:
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None


def _dob(value: str) -> list[str]:
    """Birth dates of an OFAC DOB text: ``12 Oct 1972``, ``1963``, ``circa 1960``, ranges."""
    out: list[str] = []
    for part in re.split(r"\s+to\s+|;|\balt\.", value):
        part = part.replace("circa", "").strip(" .,")
        found = partial_date(part)
        if found:
            out.append(found)
    return out


def _full_name(first: str, last: str) -> str:
    return f"{first} {last}".strip() if first else last


# ---- SDN.XML ------------------------------------------------------------------------------------


def parse_ofac_sdn_xml(source: Source, summary: ListFile | None = None) -> Iterator[ListedParty]:
    """Stream the parties of a legacy OFAC ``SDN.XML`` (any namespace: local names matched).

    Args:
        source: The file (path or open binary file).
        summary: Filled in while streaming: ``Publish_Date`` and counts.

    Yields:
        One ``ListedParty`` per ``sdnEntry``; ``aka`` with ``category`` weak are weak aliases.

    Raises:
        ListFormatError: The file is not a safe, well-formed SDN.XML (line and reason).
    """
    file = source_name(source)
    summary = summary if summary is not None else ListFile(FORMAT_XML)
    summary.file = file
    for _root, elem, line in records(
        source, "sdnList", frozenset({"sdnEntry", "publshInformation"})
    ):
        if elem.tag.endswith("publshInformation"):
            summary.published = _us_date(text(elem, "Publish_Date"))
            continue
        party = _xml_party(elem, file, line, summary.published)
        summary.count(party.kind, len(party.aliases), len(party.weak_aliases))
        yield party


def _xml_party(elem: Element, file: str, line: int, published: date | None) -> ListedParty:
    uid = text(elem, "uid")
    name = _full_name(text(elem, "firstName"), text(elem, "lastName"))
    if not uid or not name:
        raise ListFormatError(file, line, "sdnEntry without uid or lastName")
    strong: list[str] = []
    weak: list[str] = []
    for aka in descendants(elem, "aka"):
        alias = _full_name(text(aka, "firstName"), text(aka, "lastName"))
        (weak if text(aka, "category").lower() == "weak" else strong).append(alias)
    births: list[str] = []
    for item in descendants(elem, "dateOfBirth"):
        births += _dob(text(item))
    countries: list[str] = []
    for tag in ("nationality", "citizenship", "address"):
        for item in descendants(elem, tag):
            code = country_code(text(item, "country"))
            if code:
                countries.append(code)
    identifiers: list[tuple[str, str]] = []
    for ident in descendants(elem, "id"):
        number = text(ident, "idNumber")
        if number:
            identifiers.append((text(ident, "idType") or "other", number))
    program_list = child(elem, "programList")
    programmes = (
        [text(p) for p in children(program_list, "program")] if program_list is not None else []
    )
    return ListedParty(
        list_name=LIST_NAME,
        list_id=uid,
        name=name,
        aliases=unique(strong, frozenset({name})),
        weak_aliases=unique(weak, frozenset({name})),
        kind=_KINDS.get(text(elem, "sdnType").lower(), "entity"),
        programmes=unique(programmes),
        birth_dates=unique(births),
        countries=unique(countries),
        identifiers=tuple(dict.fromkeys(identifiers)),
        source_file=file,
        published=published,
    )


# ---- SDN.CSV + ALT.CSV --------------------------------------------------------------------------


def _csv_rows(source: Source, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Rows of a legacy OFAC CSV (no header, ``-0-`` = blank, trailing 0x1A), with line numbers."""
    file = source_name(source)
    with open_source(source) as handle:
        stream = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="strict", newline="")
        try:
            reader = csv.reader(stream, strict=False)
            line = 1
            for row in reader:
                start, line = line, reader.line_num + 1
                if len(row) == 1 and row[0].strip("\x1a \t") == "":
                    continue
                if not row:
                    continue
                if len(row) != columns:
                    raise ListFormatError(
                        file, start, f"expected {columns} comma-separated fields, found {len(row)}"
                    )
                fields = [("" if f.strip() == _NULL else f.strip()) for f in row]
                for i, f in enumerate(fields, start=1):
                    if len(f) > MAX_TEXT_CHARS:
                        raise ListFormatError(
                            file,
                            start,
                            f"field {i} holds {len(f)} characters, over {MAX_TEXT_CHARS}",
                        )
                yield start, fields
        except UnicodeDecodeError as exc:
            raise ListFormatError(file, None, f"not UTF-8 text: {exc.reason}") from None
        except csv.Error as exc:
            raise ListFormatError(file, line, f"not valid CSV: {exc}") from None
        finally:
            stream.detach()


def read_ofac_alt(source: Source) -> dict[str, list[str]]:
    """The aliases of an ``ALT.CSV`` by entity number (``ent_num`` -> alias names)."""
    file = source_name(source)
    out: dict[str, list[str]] = {}
    for line, (ent, _num, _type, name, _remarks) in _csv_rows(source, _ALT_COLUMNS):
        if not ent.isdigit():
            raise ListFormatError(file, line, f"ent_num {ent!r} is not a number")
        if name:
            out.setdefault(ent, []).append(name)
    return out


def parse_ofac_csv(
    sdn: Source, alt: Source | None = None, summary: ListFile | None = None
) -> Iterator[ListedParty]:
    """Stream the parties of a legacy OFAC ``SDN.CSV``, with the aliases of ``ALT.CSV``.

    ALT.CSV aliases are strong; the a.k.a.s in single quotes in the remarks are weak.
    Birth dates and nationalities come from the remarks (``DOB ...``, ``nationality ...``).
    The legacy CSV has no publication date: ``summary.published`` stays ``None``.

    Raises:
        ListFormatError: A row with the wrong number of fields, a bad entity number,
            non-UTF-8 text (with file and line).
    """
    file = source_name(sdn)
    summary = summary if summary is not None else ListFile(FORMAT_CSV)
    summary.file = file
    aliases = read_ofac_alt(alt) if alt is not None else {}
    for line, row in _csv_rows(sdn, _SDN_COLUMNS):
        ent, name, sdn_type, program = row[0], row[1], row[2], row[3]
        remarks = row[11]
        if not ent.isdigit():
            raise ListFormatError(file, line, f"ent_num {ent!r} is not a number")
        if not name:
            raise ListFormatError(file, line, f"entry {ent} has no SDN_Name")
        if len(name) > MAX_LINE_CHARS:
            raise ListFormatError(file, line, "name too long")
        kind = _KINDS.get(sdn_type.lower(), "entity")
        weak = _WEAK_AKA.findall(remarks)
        births: list[str] = []
        for m in _DOB.finditer(remarks):
            births += _dob(m.group(1))
        countries = [
            c for c in (country_code(m.group(1)) for m in _NATIONALITY.finditer(remarks)) if c
        ]
        party = ListedParty(
            list_name=LIST_NAME,
            list_id=ent,
            name=name,
            aliases=unique(aliases.get(ent, []), frozenset({name})),
            weak_aliases=unique(weak, frozenset({name})),
            kind=kind,
            programmes=unique([p.strip(" []") for p in program.split("] [")]),
            birth_dates=unique(births),
            countries=unique(countries),
            source_file=file,
        )
        summary.count(party.kind, len(party.aliases), len(party.weak_aliases))
        yield party
