"""Certificate registers from CSV or JSON: KP certificates, G7 certificates, 3p(7) authorisations.

CSV files have a header line with the field names below (order free, extra columns ignored);
lists inside a cell are ``;``-separated. JSON files are a list of objects with the same keys
(lists as JSON arrays). Every error names the file, the line and the field.

KP: number, issuing_country, authority, issued_on, expires_on, exporter, importer,
origin_countries, provenance_country, mixed, carats, value_usd, parcel_count, hs_code.
G7: number, issuer_node, issued_on, expires_on, exporter, importer, carats, stones,
origin_countries, kp_numbers. Authorisations: number, holder, valid_from, valid_to, scope,
goods_codes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from kiosk.domain.countries import CERTIFICATE_PREFIXES, ISO_3166_ALPHA2
from kiosk.domain.models import Authorisation, G7Certificate, KpCertificate
from kiosk.lists.base import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    ListFormatError,
    Source,
    open_source,
    source_name,
)

T = TypeVar("T")

KP_FIELDS = (
    "number", "issuing_country", "authority", "issued_on", "expires_on", "exporter", "importer",
    "origin_countries", "provenance_country", "mixed", "carats", "value_usd", "parcel_count",
    "hs_code",
)  # fmt: skip
G7_FIELDS = (
    "number", "issuer_node", "issued_on", "expires_on", "exporter", "importer", "carats",
    "stones", "origin_countries", "kp_numbers",
)  # fmt: skip
AUTHORISATION_FIELDS = ("number", "holder", "valid_from", "valid_to", "scope", "goods_codes")

_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0", ""}


class FieldProblemError(Exception):
    """A bad field of one record (turned into a ``ListFormatError`` with file and line)."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"field {field!r}: {problem}")
        self.field = field
        self.problem = problem


class _Row:
    """One record's fields as text or lists, with typed getters raising ``FieldProblemError``."""

    def __init__(self, data: dict[str, object]) -> None:
        self._data = data

    def _raw(self, name: str) -> object:
        return self._data.get(name)

    def text(self, name: str, *, required: bool = True) -> str:
        value = self._raw(name)
        if value is None:
            value = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise FieldProblemError(name, f"expected text, got {type(value).__name__}")
        value = " ".join(value.split())
        if len(value) > MAX_TEXT_CHARS:
            raise FieldProblemError(name, f"over {MAX_TEXT_CHARS} characters")
        if required and not value:
            raise FieldProblemError(name, "missing or blank")
        return value

    def items(self, name: str) -> tuple[str, ...]:
        value = self._raw(name)
        if value is None or value == "":
            return ()
        if isinstance(value, str):
            parts = value.split(";")
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            parts = [str(v) for v in value]
        else:
            raise FieldProblemError(name, "expected a list of text (';'-separated in CSV)")
        return tuple(p.strip() for p in parts if p.strip())

    def key(self, name: str) -> str:
        return re.sub(r"[\s-]+", "", self.text(name)).upper()

    def day(self, name: str, *, required: bool = True) -> date | None:
        value = self.text(name, required=required)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise FieldProblemError(name, f"expected a date YYYY-MM-DD, got {value!r}") from None

    def decimal(self, name: str) -> Decimal:
        value = self._raw(name)
        if isinstance(value, float):
            raise FieldProblemError(name, 'write decimals as text ("12.34"), not as a JSON number')
        text = self.text(name)
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise FieldProblemError(name, f"expected a decimal number, got {text!r}") from None
        if not number.is_finite() or number < 0:
            raise FieldProblemError(name, f"expected a number of zero or more, got {text!r}")
        return number

    def integer(self, name: str, *, required: bool = True) -> int | None:
        value = self._raw(name)
        if isinstance(value, bool):
            raise FieldProblemError(name, "expected a whole number")
        text = self.text(name, required=required)
        if not text:
            return None
        if not re.fullmatch(r"[0-9]{1,9}", text):
            raise FieldProblemError(name, f"expected a whole number of zero or more, got {text!r}")
        return int(text)

    def flag(self, name: str) -> bool:
        value = self._raw(name)
        if isinstance(value, bool):
            return value
        text = self.text(name, required=False).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise FieldProblemError(name, f"expected true or false, got {text!r}")

    def country(self, name: str, allowed: frozenset[str] = ISO_3166_ALPHA2) -> str:
        code = self.text(name).upper()
        if code not in allowed:
            raise FieldProblemError(name, f"{code!r} is not an ISO 3166-1 alpha-2 country code")
        return code

    def countries(self, name: str) -> tuple[str, ...]:
        codes = tuple(c.upper() for c in self.items(name))
        bad = [c for c in codes if c not in ISO_3166_ALPHA2]
        if bad:
            raise FieldProblemError(name, f"not ISO 3166-1 alpha-2 country codes: {', '.join(bad)}")
        return codes


def _kp(row: _Row) -> KpCertificate:
    number = row.key("number")
    issuing = row.country("issuing_country", CERTIFICATE_PREFIXES)
    if not number.startswith(issuing):
        raise FieldProblemError("number", f"{number!r} does not start with its issuer {issuing}")
    issued, expires = row.day("issued_on"), row.day("expires_on")
    assert issued is not None
    assert expires is not None
    if expires < issued:
        raise FieldProblemError("expires_on", f"{expires} is before issued_on {issued}")
    parcels = row.integer("parcel_count")
    assert parcels is not None
    return KpCertificate(
        number=number,
        issuing_country=issuing,
        authority=row.text("authority"),
        issued_on=issued,
        expires_on=expires,
        exporter=row.text("exporter"),
        importer=row.text("importer"),
        origin_countries=row.countries("origin_countries"),
        provenance_country=row.country("provenance_country", CERTIFICATE_PREFIXES),
        mixed=row.flag("mixed"),
        carats=row.decimal("carats"),
        value_usd=row.decimal("value_usd"),
        parcel_count=parcels,
        hs_code=row.text("hs_code"),
    )


def _g7(row: _Row) -> G7Certificate:
    issued = row.day("issued_on")
    assert issued is not None
    expires = row.day("expires_on", required=False)
    if expires is not None and expires < issued:
        raise FieldProblemError("expires_on", f"{expires} is before issued_on {issued}")
    return G7Certificate(
        number=row.key("number"),
        issuer_node=row.text("issuer_node"),
        issued_on=issued,
        expires_on=expires,
        exporter=row.text("exporter"),
        importer=row.text("importer"),
        carats=row.decimal("carats"),
        stones=row.integer("stones", required=False),
        origin_countries=row.countries("origin_countries"),
        kp_numbers=tuple(re.sub(r"[\s-]+", "", k).upper() for k in row.items("kp_numbers")),
    )


def _authorisation(row: _Row) -> Authorisation:
    start = row.day("valid_from")
    assert start is not None
    end = row.day("valid_to", required=False)
    if end is not None and end < start:
        raise FieldProblemError("valid_to", f"{end} is before valid_from {start}")
    return Authorisation(
        number=row.text("number").upper(),
        holder=row.text("holder"),
        valid_from=start,
        valid_to=end,
        scope=row.text("scope", required=False),
        goods_codes=tuple(c.replace(" ", "") for c in row.items("goods_codes")),
    )


def _read_text(source: Source) -> str:
    file = source_name(source)
    with open_source(source) as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ListFormatError(file, None, f"file is over {MAX_FILE_BYTES} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ListFormatError(file, line, "not UTF-8 text") from None


def _csv(
    source: Source, fields: tuple[str, ...], build: Callable[[_Row], T], required: tuple[str, ...]
) -> Iterator[T]:
    file = source_name(source)
    reader = csv.DictReader(io.StringIO(_read_text(source), newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as exc:  # a header "field" over the csv module's limit, say
        raise ListFormatError(file, 1, f"not valid CSV: {exc}") from None
    if not header:
        raise ListFormatError(file, 1, "empty file: expected a header line")
    header_set = {h.strip() for h in header}
    missing = [f for f in required if f not in header_set]
    if missing:
        raise ListFormatError(file, 1, f"missing column(s): {', '.join(missing)}")
    seen: set[str] = set()
    line = 1
    try:
        for record in reader:
            line = reader.line_num
            if None in record:
                raise ListFormatError(file, line, f"more fields than the {len(header)} columns")
            data: dict[str, object] = {k.strip(): v for k, v in record.items() if k}
            if not any((v or "").strip() for v in data.values() if isinstance(v, str)):
                continue
            if any(data.get(f) is None for f in fields if f in header_set):
                raise ListFormatError(file, line, f"fewer fields than the {len(header)} columns")
            yield _checked(build, data, file, line, seen)
    except csv.Error as exc:
        raise ListFormatError(file, line, f"not valid CSV: {exc}") from None


def _checked(
    build: Callable[[_Row], T], data: dict[str, object], file: str, line: int, seen: set[str]
) -> T:
    try:
        item = build(_Row(data))
    except FieldProblemError as exc:
        raise ListFormatError(file, line, str(exc)) from None
    number = str(getattr(item, "number", ""))
    if number in seen:
        raise ListFormatError(file, line, f"field 'number': {number} appears twice")
    seen.add(number)
    return item


def _json(source: Source, build: Callable[[_Row], T]) -> Iterator[T]:
    file = source_name(source)
    text = _read_text(source)
    decoder = json.JSONDecoder()
    ws = re.compile(r"[ \t\r\n]*")

    def fail(pos: int, reason: str) -> ListFormatError:
        line = text.count("\n", 0, pos) + 1
        column = pos - (text.rfind("\n", 0, pos) + 1) + 1
        return ListFormatError(file, line, reason, column)

    pos = ws.match(text, 0).end()  # type: ignore[union-attr]
    if pos >= len(text) or text[pos] != "[":
        raise fail(pos, "expected a JSON list of records")
    pos = ws.match(text, pos + 1).end()  # type: ignore[union-attr]
    seen: set[str] = set()
    if pos < len(text) and text[pos] == "]":
        return
    while True:
        start = pos
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise fail(exc.pos, f"not valid JSON: {exc.msg}") from None
        except RecursionError:
            raise fail(start, "not valid JSON: nested too deeply") from None
        except ValueError:  # a number of more than 4300 digits
            raise fail(start, "not valid JSON: a number is too long") from None
        if not isinstance(value, dict):
            raise fail(start, "expected a JSON object for each record")
        yield _checked(build, value, file, text.count("\n", 0, start) + 1, seen)
        pos = ws.match(text, pos).end()  # type: ignore[union-attr]
        if pos < len(text) and text[pos] == ",":
            pos = ws.match(text, pos + 1).end()  # type: ignore[union-attr]
            continue
        if pos < len(text) and text[pos] == "]":
            pos = ws.match(text, pos + 1).end()  # type: ignore[union-attr]
            if pos != len(text):
                raise fail(pos, "unexpected text after the list")
            return
        raise fail(pos, "expected ',' or ']' after a record")


def parse_kp_csv(source: Source) -> Iterator[KpCertificate]:
    """KP certificates from a CSV register (see the module docstring for the columns)."""
    return _csv(source, KP_FIELDS, _kp, KP_FIELDS)


def parse_kp_json(source: Source) -> Iterator[KpCertificate]:
    """KP certificates from a JSON list of records."""
    return _json(source, _kp)


def parse_g7_csv(source: Source) -> Iterator[G7Certificate]:
    """G7 certificates from a CSV register."""
    return _csv(source, G7_FIELDS, _g7, (*G7_FIELDS[:7], "origin_countries"))


def parse_g7_json(source: Source) -> Iterator[G7Certificate]:
    """G7 certificates from a JSON list of records."""
    return _json(source, _g7)


def parse_authorisations_csv(source: Source) -> Iterator[Authorisation]:
    """Article 3p(7) authorisations from a CSV register."""
    return _csv(source, AUTHORISATION_FIELDS, _authorisation, ("number", "holder", "valid_from"))


def parse_authorisations_json(source: Source) -> Iterator[Authorisation]:
    """Article 3p(7) authorisations from a JSON list of records."""
    return _json(source, _authorisation)
