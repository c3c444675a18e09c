"""UK lists: the FCDO UK Sanctions List XML (streamed) and the legacy OFSI ConList CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from kiosk.domain.models import ListedParty
from kiosk.lists.base import (
    MAX_NAMES_PER_PARTY,
    MAX_TEXT_CHARS,
    ListFile,
    ListFormatError,
    Source,
    country_code,
    fold,
    iso_date,
    open_source,
    partial_date,
    source_name,
    unique,
)
from kiosk.lists.xml import child, descendants, local, records, text

FORMAT_FCDO = "uk"
FORMAT_OFSI = "uk-ofsi"
LIST_NAME = "UK"

_KINDS = {"individual": "person", "entity": "entity", "ship": "vessel"}


def _kind(value: str) -> str:
    return _KINDS.get(value.strip().lower(), "entity")


def _is_weak(strength: str) -> bool:
    return "low" in strength.lower()


def _is_primary(name_type: str) -> bool:
    folded = fold(name_type)
    return (
        folded in {"primary name", "prime alias", "primary name variation"}
        and "variation" not in folded
    )


# ---- FCDO XML -----------------------------------------------------------------------------------


def parse_uk_fcdo(source: Source, summary: ListFile | None = None) -> Iterator[ListedParty]:
    """Stream the designations of the FCDO UK Sanctions List XML (``Designations``).

    Names: ``Name1``-``Name5`` given names, ``Name6`` family or organisation name;
    ``NameType`` (case folded) ``Primary Name`` gives the name, others aliases;
    ``AliasStrength`` "Low quality" makes a weak alias. The publication date is
    ``DateGenerated`` (root attribute or element) or else the newest ``LastUpdated``.

    Raises:
        ListFormatError: The file is not a safe, well-formed FCDO list (line and reason).
    """
    file = source_name(source)
    summary = summary if summary is not None else ListFile(FORMAT_FCDO)
    summary.file = file
    for root, elem, line in records(
        source, "Designations", frozenset({"Designation", "DateGenerated"})
    ):
        if summary.published is None:
            summary.published = iso_date(root.get("DateGenerated"))
        if local(elem.tag) == "DateGenerated":
            summary.published = iso_date(text(elem)) or summary.published
            continue
        party = _fcdo_party(elem, file, line, summary)
        summary.count(party.kind, len(party.aliases), len(party.weak_aliases))
        yield party


def _name(elem: Element) -> str:
    given = [text(elem, f"Name{i}") for i in range(1, 6)]
    return " ".join(p for p in (*given, text(elem, "Name6")) if p)


def _fcdo_party(elem: Element, file: str, line: int, summary: ListFile) -> ListedParty:
    uid = text(elem, "UniqueID")
    primary: list[str] = []
    strong: list[str] = []
    weak: list[str] = []
    names = child(elem, "Names")
    for n in list(descendants(names, "Name")) if names is not None else []:
        full = _name(n)
        if _is_weak(text(n, "AliasStrength")):
            weak.append(full)
        elif _is_primary(text(n, "NameType")):
            primary.append(full)
        else:
            strong.append(full)
    strong += [text(n) for n in descendants(elem, "NameNonLatinScript")]
    all_names = unique(primary + strong) or unique(weak)
    if not uid or not all_names:
        raise ListFormatError(file, line, "Designation without UniqueID or name")
    births = [d for d in (partial_date(text(e)) for e in descendants(elem, "DOB")) if d]
    countries = [
        c
        for c in (
            country_code(text(e))
            for tag in ("Nationality", "AddressCountry", "Country", "Flag")
            for e in descendants(elem, tag)
        )
        if c
    ]
    identifiers: list[tuple[str, str]] = []
    for tag, kind in (
        ("RegistrationNumber", "regnumber"),
        ("IMONumber", "imo"),
        ("PassportNumber", "passport"),
        ("NationalIdentifierNumber", "id"),
    ):
        identifiers += [(kind, text(e)) for e in descendants(elem, tag) if text(e)]
    return ListedParty(
        list_name=LIST_NAME,
        list_id=uid,
        name=all_names[0],
        aliases=all_names[1:],
        weak_aliases=unique(weak, frozenset(all_names)),
        kind=_kind(text(elem, "IndividualEntityShip")),
        programmes=unique([text(elem, "RegimeName")]),
        listed_on=iso_date(text(elem, "DateDesignated")),
        birth_dates=unique(births),
        countries=unique(countries),
        identifiers=tuple(dict.fromkeys(identifiers)),
        source_file=file,
        published=summary.published,
    )


# ---- Legacy OFSI ConList CSV --------------------------------------------------------------------

_OFSI_REQUIRED = ("Name 6", "Group Type", "Alias Type", "Regime", "Group ID")


@dataclass(slots=True)
class _Group:
    line: int
    kind: str = "entity"
    primary: list[str] = field(default_factory=list)
    strong: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)
    births: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    regimes: list[str] = field(default_factory=list)
    listed_on: str = ""
    rows: int = 0


def parse_uk_ofsi(source: Source, summary: ListFile | None = None) -> Iterator[ListedParty]:
    """Parse the legacy OFSI ConList CSV: one row per name x birth date, grouped by Group ID.

    The first line is ``Last Updated,DD/MM/YYYY`` (the publication date), the second the
    header. Rows are grouped by ``Group ID`` over the whole file (the legacy file is a few MB),
    so parties come out once the file is read. Partial dates ``00/00/1936`` become ``1936``.

    Raises:
        ListFormatError: A missing column, a row of the wrong width, a blank Group ID,
            non-UTF-8 text (with file and line).
    """
    file = source_name(source)
    summary = summary if summary is not None else ListFile(FORMAT_OFSI)
    summary.file = file
    groups: dict[str, _Group] = {}
    with open_source(source) as handle:
        stream = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
        try:
            reader = csv.reader(stream)
            first = next(reader, None)
            if not first or fold(first[0]) != "last updated" or len(first) < 2:
                raise ListFormatError(file, 1, "expected 'Last Updated,DD/MM/YYYY' on line 1")
            summary.published = iso_date(first[1])
            header = next(reader, None)
            if header is None:
                raise ListFormatError(file, 2, "no header line")
            missing = [c for c in _OFSI_REQUIRED if c not in header]
            if missing:
                raise ListFormatError(file, 2, f"missing column(s): {', '.join(missing)}")
            col = {name: i for i, name in enumerate(header)}
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise ListFormatError(
                        file, line, f"expected {len(header)} fields, found {len(row)}"
                    )
                if any(len(cell) > MAX_TEXT_CHARS for cell in row):
                    raise ListFormatError(
                        file, line, f"a field is over {MAX_TEXT_CHARS} characters"
                    )
                _ofsi_row(row, col, groups, file, line)
        except UnicodeDecodeError as exc:
            raise ListFormatError(file, None, f"not UTF-8 text: {exc.reason}") from None
        except csv.Error as exc:
            raise ListFormatError(file, reader.line_num, f"not valid CSV: {exc}") from None
        finally:
            stream.detach()
    for gid, g in groups.items():
        names = unique(g.primary + g.strong) or unique(g.weak)
        party = ListedParty(
            list_name=LIST_NAME,
            list_id=gid,
            name=names[0],
            aliases=names[1:],
            weak_aliases=unique(g.weak, frozenset(names)),
            kind=g.kind,
            programmes=unique(g.regimes),
            listed_on=iso_date(g.listed_on),
            birth_dates=unique(g.births),
            countries=unique(g.countries),
            identifiers=tuple(dict.fromkeys(g.identifiers)),
            source_file=file,
            published=summary.published,
        )
        summary.count(party.kind, len(party.aliases), len(party.weak_aliases))
        yield party


def _ofsi_row(
    row: list[str], col: dict[str, int], groups: dict[str, _Group], file: str, line: int
) -> None:
    def get(name: str) -> str:
        i = col.get(name)
        return " ".join(row[i].split()) if i is not None else ""

    gid = get("Group ID")
    if not gid:
        raise ListFormatError(file, line, "blank Group ID")
    g = groups.get(gid)
    if g is None:
        g = groups[gid] = _Group(line=line, kind=_kind(get("Group Type")))
    g.rows += 1
    if g.rows > MAX_NAMES_PER_PARTY:
        raise ListFormatError(file, line, f"group {gid} has over {MAX_NAMES_PER_PARTY} rows")
    name = " ".join(p for p in (*(get(f"Name {i}") for i in range(1, 6)), get("Name 6")) if p)
    if not name:
        raise ListFormatError(file, line, f"group {gid}: a row without a name (Name 6)")
    if _is_weak(get("Alias Quality")):
        g.weak.append(name)
    elif _is_primary(get("Alias Type")):
        g.primary.append(name)
    else:
        g.strong.append(name)
    if get("Name Non-Latin Script"):
        g.strong.append(get("Name Non-Latin Script"))
    dob = partial_date(get("DOB"))
    if dob:
        g.births.append(dob)
    for cell in (get("Nationality"), get("Country")):
        code = country_code(cell)
        if code:
            g.countries.append(code)
    for column, kind in (("Passport Number", "passport"), ("National Identification Number", "id")):
        if get(column):
            g.identifiers.append((kind, get(column)))
    g.regimes.append(get("Regime"))
    g.listed_on = g.listed_on or get("Listed On")
