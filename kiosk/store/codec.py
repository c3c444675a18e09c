"""Plain-JSON forms of the domain objects, and a strict reader that names the bad field.

The same forms are used for the bundled reference files, the JSON columns of the database and
the ``detail`` of audit events, so a record reads the same wherever it is seen. Decimals are
written as strings (exact), dates as ``YYYY-MM-DD``, instants as ISO 8601 with ``+00:00``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from kiosk.domain.models import (
    Declaration,
    Exemption,
    Identifier,
    IdentifierKind,
    InputSource,
    KpCertificate,
    ListedParty,
    Outcome,
    Override,
    OverrideCode,
    Photo,
    Reason,
    StoneBand,
    Verdict,
    WeightReading,
    WeightState,
)

JsonDict = dict[str, Any]
E = TypeVar("E", bound=enum.Enum)


class FieldError(ValueError):
    """A value in a JSON record that is missing or of the wrong form.

    Attributes:
        field: The dotted path of the field inside the record (``"stones[1].carats"``).
        problem: What is wrong, in words fit for a user.
    """

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"field {field!r}: {problem}")
        self.field = field
        self.problem = problem


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Record:
    """Typed, strict access to one JSON object; every failure raises ``FieldError``.

    Args:
        data: The decoded JSON value that should be an object.
        prefix: The path of this object inside its parent, for messages (``"stones[0]"``).
    """

    def __init__(self, data: object, prefix: str = "") -> None:
        if not isinstance(data, Mapping):
            raise FieldError(prefix or "(record)", f"expected an object, got {_show(data)}")
        self._data: Mapping[str, Any] = data
        self._prefix = prefix

    def path(self, key: str) -> str:
        """The dotted path of ``key`` for messages."""
        return f"{self._prefix}.{key}" if self._prefix else key

    def _get(self, key: str) -> object:
        if key not in self._data:
            raise FieldError(self.path(key), "is missing")
        return self._data[key]

    def has(self, key: str) -> bool:
        """True when ``key`` is present and not ``null``."""
        return self._data.get(key) is not None

    def text(self, key: str) -> str:
        """A non-empty string."""
        value = self._get(key)
        if not isinstance(value, str) or not value.strip():
            raise FieldError(self.path(key), f"expected non-empty text, got {_show(value)}")
        return value.strip()

    def plain(self, key: str, default: str = "") -> str:
        """A string that may be empty (``default`` when absent)."""
        if not self.has(key):
            return default
        value = self._get(key)
        if not isinstance(value, str):
            raise FieldError(self.path(key), f"expected text, got {_show(value)}")
        return value

    def opt_text(self, key: str) -> str | None:
        """A non-empty string, or ``None`` when absent or ``null``."""
        return self.text(key) if self.has(key) else None

    def integer(self, key: str, minimum: int = 0) -> int:
        """A whole number not below ``minimum``."""
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldError(self.path(key), f"expected a whole number, got {_show(value)}")
        if value < minimum:
            raise FieldError(self.path(key), f"must be at least {minimum}, got {value}")
        return value

    def opt_integer(self, key: str, default: int, minimum: int = 0) -> int:
        """A whole number, or ``default`` when absent."""
        return self.integer(key, minimum) if self.has(key) else default

    def boolean(self, key: str, default: bool | None = None) -> bool:
        """``true`` or ``false`` (``default`` when absent, if one is given)."""
        if default is not None and not self.has(key):
            return default
        value = self._get(key)
        if not isinstance(value, bool):
            raise FieldError(self.path(key), f"expected true or false, got {_show(value)}")
        return value

    def decimal(self, key: str) -> Decimal:
        """An exact, finite, non-negative decimal written as a string (or a whole number)."""
        return parse_decimal(self._get(key), self.path(key))

    def opt_decimal(self, key: str) -> Decimal | None:
        """A decimal, or ``None`` when absent."""
        return self.decimal(key) if self.has(key) else None

    def day(self, key: str) -> date:
        """A calendar date ``YYYY-MM-DD``."""
        value = self._get(key)
        if not isinstance(value, str):
            raise FieldError(self.path(key), f"expected a date YYYY-MM-DD, got {_show(value)}")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise FieldError(
                self.path(key), f"expected a date YYYY-MM-DD, got {_show(value)}"
            ) from None

    def opt_day(self, key: str) -> date | None:
        """A date, or ``None`` when absent."""
        return self.day(key) if self.has(key) else None

    def instant(self, key: str) -> datetime:
        """An ISO 8601 instant with a UTC offset, returned in UTC."""
        return parse_instant(self._get(key), self.path(key))

    def opt_instant(self, key: str) -> datetime | None:
        """An instant, or ``None`` when absent."""
        return self.instant(key) if self.has(key) else None

    def texts(self, key: str, default: Sequence[str] | None = None) -> tuple[str, ...]:
        """A list of non-empty strings (``default`` when absent, if one is given)."""
        if default is not None and not self.has(key):
            return tuple(default)
        value = self._get(key)
        if not isinstance(value, list):
            raise FieldError(self.path(key), f"expected a list of text, got {_show(value)}")
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise FieldError(f"{self.path(key)}[{i}]", f"expected text, got {_show(item)}")
            out.append(item.strip())
        return tuple(out)

    def choice(self, key: str, enum_type: type[E]) -> E:
        """A member of ``enum_type`` given by its value."""
        value = self._get(key)
        for member in enum_type:
            if member.value == value:
                return member
        allowed = ", ".join(str(m.value) for m in enum_type)
        raise FieldError(self.path(key), f"{_show(value)} is not one of {allowed}")

    def outcome(self, key: str) -> Outcome:
        """An outcome by its label (``"CLEAR"``)."""
        value = self._get(key)
        if isinstance(value, str) and value in Outcome.__members__:
            return Outcome[value]
        allowed = ", ".join(Outcome.__members__)
        raise FieldError(self.path(key), f"{_show(value)} is not one of {allowed}")

    def records(self, key: str, default_empty: bool = False) -> list[Record]:
        """A list of objects, each wrapped as a ``Record``."""
        if default_empty and not self.has(key):
            return []
        value = self._get(key)
        if not isinstance(value, list):
            raise FieldError(self.path(key), f"expected a list, got {_show(value)}")
        return [Record(item, f"{self.path(key)}[{i}]") for i, item in enumerate(value)]


MAX_DECIMAL_DIGITS = 12
"""Digits allowed before and after the point of a decimal field ("1e999999" is refused)."""


def parse_decimal(value: object, where: str) -> Decimal:
    """An exact, finite, non-negative ``Decimal`` from a JSON string or whole number.

    Raises:
        FieldError: When the value is a float (inexact), not a number, negative, not finite,
            or has more than ``MAX_DECIMAL_DIGITS`` digits before or after the point.
    """
    if isinstance(value, bool | float):
        raise FieldError(where, f'write decimals as strings, e.g. "12.345", got {_show(value)}')
    if not isinstance(value, str | int):
        raise FieldError(where, f"expected a decimal number, got {_show(value)}")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise FieldError(where, f"expected a decimal number, got {_show(value)}") from None
    if not number.is_finite() or number < 0:
        raise FieldError(where, f"expected a non-negative number, got {_show(value)}")
    exponent = number.as_tuple().exponent
    if number.adjusted() > MAX_DECIMAL_DIGITS or (
        isinstance(exponent, int) and exponent < -MAX_DECIMAL_DIGITS
    ):
        raise FieldError(
            where, f"expected at most {MAX_DECIMAL_DIGITS} digits each side of the point, "
            f"got {_show(value)}"
        )
    return number


def parse_instant(value: object, where: str) -> datetime:
    """A timezone-aware UTC ``datetime`` from ISO 8601 text that carries an offset or ``Z``.

    Raises:
        FieldError: When the text is not ISO 8601 or has no offset.
    """
    if not isinstance(value, str):
        raise FieldError(where, f"expected an ISO 8601 instant, got {_show(value)}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise FieldError(where, f"expected an ISO 8601 instant, got {_show(value)}") from None
    if moment.tzinfo is None:
        raise FieldError(where, f"needs a UTC offset such as +00:00, got {_show(value)}")
    return moment.astimezone(UTC)


def instant_text(moment: datetime) -> str:
    """ISO 8601 text of an aware instant, in UTC with microseconds (sorts as text).

    Raises:
        ValueError: When ``moment`` is naive.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a timezone-aware datetime is needed, got naive {moment.isoformat()}")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _opt_instant_text(moment: datetime | None) -> str | None:
    return instant_text(moment) if moment is not None else None


def _opt_str(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


# ---- Identifier -----------------------------------------------------------------------------


def identifier_to_dict(ident: Identifier) -> JsonDict:
    """The JSON form of an ``Identifier``."""
    return {
        "kind": ident.kind.value,
        "value": ident.value,
        "source": ident.source.value,
        "symbology": ident.symbology,
        "raw": ident.raw,
        "problem": ident.problem,
    }


def identifier_from_dict(data: object, prefix: str = "") -> Identifier:
    """An ``Identifier`` from its JSON form."""
    rec = Record(data, prefix)
    return Identifier(
        kind=rec.choice("kind", IdentifierKind),
        value=rec.text("value"),
        source=rec.choice("source", InputSource),
        symbology=rec.opt_text("symbology"),
        raw=rec.plain("raw"),
        problem=rec.opt_text("problem"),
    )


# ---- Weight reading and photo ---------------------------------------------------------------


def reading_to_dict(reading: WeightReading) -> JsonDict:
    """The JSON form of a ``WeightReading`` (decimals as strings)."""
    return {
        "carats": str(reading.carats),
        "state": reading.state.value,
        "raw": reading.raw,
        "taken_at": instant_text(reading.taken_at),
        "unit": reading.unit,
        "value": _opt_str(reading.value),
        "scale_id": reading.scale_id,
    }


def photo_to_dict(photo: Photo) -> JsonDict:
    """The JSON form of a ``Photo``."""
    return {
        "path": photo.path,
        "sha256": photo.sha256,
        "width": photo.width,
        "height": photo.height,
        "taken_at": instant_text(photo.taken_at),
    }


# ---- Declaration ----------------------------------------------------------------------------


def declaration_to_dict(decl: Declaration) -> JsonDict:
    """The JSON form of a ``Declaration`` (the same shape as ``declarations.json``)."""
    return {
        "reference": decl.reference,
        "kp_number": decl.kp_number,
        "cn_code": decl.cn_code,
        "exporter": decl.exporter,
        "importer": decl.importer,
        "origin_countries": list(decl.origin_countries),
        "export_country": decl.export_country,
        "declared_carats": str(decl.declared_carats),
        "parcel_count": decl.parcel_count,
        "route": list(decl.route),
        "processed_in": decl.processed_in,
        "stones": [
            {
                "min_ct": str(band.min_ct),
                "max_ct": _opt_str(band.max_ct),
                "stones": band.stones,
                "carats": str(band.carats),
            }
            for band in decl.stones
        ],
        "seal_numbers": list(decl.seal_numbers),
        "mrn": decl.mrn,
        "awb": decl.awb,
        "g7_certificate": decl.g7_certificate,
        "origin_evidence": decl.origin_evidence,
        "value_usd": _opt_str(decl.value_usd),
        "exemption": decl.exemption.value if decl.exemption is not None else None,
        "exemption_evidence": decl.exemption_evidence,
    }


def declaration_from_dict(data: object, prefix: str = "") -> Declaration:
    """A ``Declaration`` from its JSON form, strictly.

    Raises:
        FieldError: Naming the first missing or malformed field.
    """
    rec = Record(data, prefix)
    bands: list[StoneBand] = []
    for band in rec.records("stones", default_empty=True):
        min_ct = band.decimal("min_ct")
        max_ct = band.opt_decimal("max_ct")
        if max_ct is not None and max_ct <= min_ct:
            raise FieldError(band.path("max_ct"), f"must be above min_ct {min_ct}, got {max_ct}")
        bands.append(
            StoneBand(
                min_ct=min_ct,
                max_ct=max_ct,
                stones=band.integer("stones"),
                carats=band.decimal("carats"),
            )
        )
    exemption = rec.choice("exemption", Exemption) if rec.has("exemption") else None
    return Declaration(
        reference=rec.text("reference"),
        kp_number=_upper(rec.opt_text("kp_number")),
        cn_code=rec.text("cn_code"),
        exporter=rec.text("exporter"),
        importer=rec.text("importer"),
        origin_countries=_countries(rec, "origin_countries"),
        export_country=_country(rec, "export_country"),
        declared_carats=rec.decimal("declared_carats"),
        parcel_count=rec.opt_integer("parcel_count", 1, minimum=1),
        route=_countries(rec, "route", default=()),
        processed_in=_country(rec, "processed_in") if rec.has("processed_in") else None,
        stones=tuple(bands),
        seal_numbers=tuple(s.upper() for s in rec.texts("seal_numbers", default=())),
        mrn=_upper(rec.opt_text("mrn")),
        awb=_awb(rec.opt_text("awb")),
        g7_certificate=rec.opt_text("g7_certificate"),
        origin_evidence=rec.boolean("origin_evidence", default=True),
        value_usd=rec.opt_decimal("value_usd"),
        exemption=exemption,
        exemption_evidence=rec.opt_text("exemption_evidence"),
    )


def _upper(value: str | None) -> str | None:
    return value.replace(" ", "").upper() if value is not None else None


def _awb(value: str | None) -> str | None:
    return value.replace(" ", "").replace("-", "") if value is not None else None


def _country(rec: Record, key: str) -> str:
    code = rec.text(key)
    if len(code) != 2 or not code.isalpha() or not code.isupper():
        raise FieldError(rec.path(key), f"expected an ISO 3166-1 alpha-2 code, got {code!r}")
    return code


def _countries(rec: Record, key: str, default: Sequence[str] | None = None) -> tuple[str, ...]:
    codes = rec.texts(key, default=default)
    for i, code in enumerate(codes):
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            raise FieldError(
                f"{rec.path(key)}[{i}]", f"expected an ISO 3166-1 alpha-2 code, got {code!r}"
            )
    return codes


# ---- KP certificate and listed party --------------------------------------------------------


def certificate_to_dict(cert: KpCertificate) -> JsonDict:
    """The JSON form of a ``KpCertificate`` (the same shape as ``kp_certificates.json``)."""
    return {
        "number": cert.number,
        "issuing_country": cert.issuing_country,
        "authority": cert.authority,
        "issued_on": cert.issued_on.isoformat(),
        "expires_on": cert.expires_on.isoformat(),
        "exporter": cert.exporter,
        "importer": cert.importer,
        "origin_countries": list(cert.origin_countries),
        "provenance_country": cert.provenance_country,
        "mixed": cert.mixed,
        "carats": str(cert.carats),
        "value_usd": str(cert.value_usd),
        "parcel_count": cert.parcel_count,
        "hs_code": cert.hs_code,
    }


def certificate_from_dict(data: object, prefix: str = "") -> KpCertificate:
    """A ``KpCertificate`` from its JSON form, strictly.

    Raises:
        FieldError: Naming the first missing or malformed field.
    """
    rec = Record(data, prefix)
    number = rec.text("number").replace(" ", "").upper()
    issuing = _country(rec, "issuing_country")
    if not number.startswith(issuing):
        raise FieldError(
            rec.path("number"), f"must start with the issuing country {issuing}, got {number!r}"
        )
    issued_on = rec.day("issued_on")
    expires_on = rec.day("expires_on")
    if expires_on < issued_on:
        raise FieldError(rec.path("expires_on"), f"is before issued_on {issued_on.isoformat()}")
    return KpCertificate(
        number=number,
        issuing_country=issuing,
        authority=rec.text("authority"),
        issued_on=issued_on,
        expires_on=expires_on,
        exporter=rec.text("exporter"),
        importer=rec.text("importer"),
        origin_countries=_countries(rec, "origin_countries"),
        provenance_country=_country(rec, "provenance_country"),
        mixed=rec.boolean("mixed"),
        carats=rec.decimal("carats"),
        value_usd=rec.decimal("value_usd"),
        parcel_count=rec.integer("parcel_count", minimum=1),
        hs_code=rec.text("hs_code"),
    )


def listed_party_to_dict(party: ListedParty) -> JsonDict:
    """The JSON form of a ``ListedParty``."""
    return {
        "list_name": party.list_name,
        "list_id": party.list_id,
        "name": party.name,
        "aliases": list(party.aliases),
        "kind": party.kind,
        "programmes": list(party.programmes),
        "listed_on": party.listed_on.isoformat() if party.listed_on is not None else None,
    }


def listed_party_from_dict(data: object, prefix: str = "") -> ListedParty:
    """A ``ListedParty`` from its JSON form, strictly."""
    rec = Record(data, prefix)
    kind = rec.opt_text("kind") or "entity"
    if kind not in ("entity", "person", "vessel", "aircraft"):
        raise FieldError(rec.path("kind"), f"expected entity or person, got {kind!r}")
    return ListedParty(
        list_name=rec.text("list_name"),
        list_id=rec.text("list_id"),
        name=rec.text("name"),
        aliases=rec.texts("aliases", default=()),
        kind=kind,
        programmes=rec.texts("programmes", default=()),
        listed_on=rec.opt_day("listed_on"),
    )


# ---- Verdict and override -------------------------------------------------------------------


def reason_to_dict(reason: Reason) -> JsonDict:
    """The JSON form of a verdict ``Reason``."""
    return {
        "rule_id": reason.rule_id,
        "outcome": reason.outcome.label,
        "legal_basis": reason.legal_basis,
        "message": reason.message,
        "details": [[k, v] for k, v in reason.details],
    }


def verdict_to_dict(verdict: Verdict) -> JsonDict:
    """The JSON form of a ``Verdict`` with all its reasons."""
    return {
        "outcome": verdict.outcome.label,
        "reasons": [reason_to_dict(r) for r in verdict.reasons],
        "ruleset_version": verdict.ruleset_version,
        "decided_at": instant_text(verdict.decided_at),
        "data_version": verdict.data_version,
    }


def override_to_dict(override: Override) -> JsonDict:
    """The JSON form of an ``Override``."""
    return {
        "supervisor": override.supervisor,
        "code": override.code.value,
        "text": override.text,
        "new_outcome": override.new_outcome.label,
        "at": instant_text(override.at),
    }


def override_code(value: str) -> OverrideCode:
    """The ``OverrideCode`` of a stored value."""
    return OverrideCode(value)


def weight_state(value: str) -> WeightState:
    """The ``WeightState`` of a stored value."""
    return WeightState(value)
