"""Classify and validate the identifiers of a parcel: KP/G7 certificates, MRN, AWB, GS1, EPC, seals.

``classify`` takes what a scanner, an RFID reader, the camera or the keyboard delivered and
returns an ``Identifier`` with its kind, a normalised value and, when the value is malformed or
fails its check digit, a ``problem`` in plain English.

Precedence (first match wins, so every input has exactly one kind):

1. Empty input: UNKNOWN ("nothing was read").
2. 24 hex characters with a GS1 EPC header (0x30-0x36): EPC, from any source.
3. Read by RFID and not an EPC: SEAL (EM4100 ids and other tag ids on seals).
4. "G7" + separator + two letters + separator + serial: G7 certificate.
5. "SEAL" or "SL", an optional separator and nothing but digits: SEAL. So a number such as
   "SL 0123456" reads as a seal, never as a Sierra Leone KP certificate; type such a
   certificate in its KP field (``classify_as``) or with an inner separator ("SL-2026-0123").
6. 18 characters: 2 digits, 2 letters, 14 letters/digits: MRN (the 17th, the procedure
   category, must be a letter and the 18th is the check character).
7. Digits only, once spaces, "-", the GS separator and GS1 "(AI)" brackets are dropped
   (a GS1 element string when the symbology says GS1 or brackets are used):
   18 digits, or AI 00 + 18 digits: SSCC; AI 01 + 14 digits: GTIN-14;
   8, 12, 13 or 14 digits: GTIN; 11 digits written as 3 + 8 ("176-12345675"): AWB.
   An 18-digit number is therefore an SSCC, never a KP number (a KP number starts with letters).
   A GS1 element string (GS1 symbology or "(AI)" brackets) is parsed whole with biip (``gs1``),
   so an SSCC or GTIN after other fields (lot, serial) is found too; ``raw`` keeps all of it.
8. Two letters, an optional separator, then letters/digits/separators with at least one digit:
   KP certificate (valid when the prefix is an ISO 3166-1 code or "EU").
9. Anything else: UNKNOWN ("not a recognised identifier").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.domain.countries import CERTIFICATE_PREFIXES
from kiosk.domain.models import Identifier, IdentifierKind, InputSource

GS = "\x1d"
"""The ASCII group separator that ends a variable-length GS1 field (FNC1 in the data)."""

# AIM symbology identifiers (ISO/IEC 15424) whose data is a GS1 element string.
GS1_SYMBOLOGIES: frozenset[str] = frozenset({"]C1", "]e0", "]E4", "]d2", "]Q3", "]J1"})

# Of those, the ones whose data is a whole element string (AI + data, GS between fields);
# EAN-8 (]E4) carries a bare GTIN-8.
GS1_ELEMENT_SYMBOLOGIES: frozenset[str] = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})

# A=10, then B=12 ... Z=38: the values skip the multiples of 11.
_MRN_LETTER_VALUES: dict[str, int] = dict(
    zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", [v for v in range(10, 39) if v % 11 != 0], strict=True)
)

_MRN = re.compile(r"[0-9]{2}[A-Z]{2}[A-Z0-9]{14}")
_AWB = re.compile(r"([0-9]{3})[-\s]?([0-9]{4})\s?([0-9]{4})")
_SEAL = re.compile(r"(SEAL|SL)[\s\-/:#]*([0-9]+)")
_G7 = re.compile(r"G7[\s\-]*([A-Z]{2})[\s\-]+([A-Z0-9][A-Z0-9\s\-/]*)")
_KP = re.compile(r"([A-Z]{2})[\s\-/]*([A-Z0-9][A-Z0-9\s\-/]*)")
_HEX = re.compile(r"[0-9A-F]+")
_HRI_AI = re.compile(r"\(([0-9]{2,4})\)")
_AIM_PREFIX = re.compile(r"\][A-Za-z][0-9A-Za-z]")

_EPC_HEADERS = range(0x30, 0x37)
_SGTIN96_HEADER = 0x30
# SGTIN-96 partition table: partition -> (company prefix bits, digits, item bits, digits).
_SGTIN_PARTITIONS: dict[int, tuple[int, int, int, int]] = {
    0: (40, 12, 4, 1),
    1: (37, 11, 7, 2),
    2: (34, 10, 10, 3),
    3: (30, 9, 14, 4),
    4: (27, 8, 17, 5),
    5: (24, 7, 20, 6),
    6: (20, 6, 24, 7),
}
_GTIN_LENGTHS = (8, 12, 13, 14)
_MAX_INPUT_CHARS = 200

UNRECOGNISED = "not a recognised identifier"


class IdentifierError(ValueError):
    """A value that cannot be used where an identifier of a given form is needed."""


# ---- Check characters -------------------------------------------------------------------------


def iso6346_check_digit(body: str) -> str:
    """The ISO 6346 check digit of ``body`` (digits and capital letters; A=10, B=12, ... Z=38).

    Each character's value is multiplied by 2**position (position 0 first); the sum is taken
    mod 11 and then mod 10, so a remainder of 10 gives "0".

    Raises:
        IdentifierError: when ``body`` is empty or has other characters.
    """
    if not body or not all(c.isascii() and (c.isdigit() or c.isupper()) for c in body):
        raise IdentifierError(f"an ISO 6346 check needs digits or capital letters, got {body!r}")
    total = sum(
        (int(c) if c.isdigit() else _MRN_LETTER_VALUES[c]) * 2**position
        for position, c in enumerate(body)
    )
    return str(total % 11 % 10)


def mrn_check_character(first17: str) -> str:
    """The check character of an EU customs MRN (ISO 6346 method, as the UCC uses it).

    Args:
        first17: the first 17 characters of the MRN (digits and upper-case letters).

    Returns:
        The check character, a digit "0"-"9".

    Raises:
        IdentifierError: when ``first17`` is not 17 digits/upper-case letters.
    """
    if len(first17) != 17:
        raise IdentifierError(f"an MRN check needs its first 17 characters, got {first17!r}")
    return iso6346_check_digit(first17)


def gs1_check_digit(digits_without_check: str) -> int:
    """The GS1 mod-10 check digit for the digits of a GTIN, SSCC or GLN before its check digit.

    Raises:
        IdentifierError: when the argument is empty or not all ASCII digits.
    """
    if not digits_without_check or not (
        digits_without_check.isascii() and digits_without_check.isdigit()
    ):
        raise IdentifierError(f"a GS1 check digit needs digits, got {digits_without_check!r}")
    total = sum(
        int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits_without_check))
    )
    return (10 - total % 10) % 10


def awb_is_valid(text: str) -> bool:
    """True for an air waybill number whose serial passes the mod-7 check ("176-12345675")."""
    match = _AWB.fullmatch(text.strip())
    if match is None:
        return False
    serial = match.group(2) + match.group(3)
    return int(serial[:7]) % 7 == int(serial[7])


def decode_sgtin96(epc_hex: str) -> tuple[str, str]:
    """Decode an SGTIN-96 EPC to its GTIN-14 and serial number.

    Args:
        epc_hex: 24 hex characters whose header is 0x30.

    Returns:
        ``(gtin, serial)``: the 14-digit GTIN with its check digit, the serial in decimal.

    Raises:
        IdentifierError: when the EPC is not a well-formed SGTIN-96.
    """
    text = epc_hex.strip().upper()
    if len(text) != 24 or _HEX.fullmatch(text) is None:
        raise IdentifierError(f"an SGTIN-96 EPC has 24 hex characters, got {epc_hex!r}")
    bits = int(text, 16)
    header = bits >> 88
    if header != _SGTIN96_HEADER:
        raise IdentifierError(f"EPC header is 0x{header:02X}, an SGTIN-96 has 0x30")
    partition = (bits >> 82) & 0b111
    if partition not in _SGTIN_PARTITIONS:
        raise IdentifierError(f"SGTIN-96 partition is {partition}, allowed are 0 to 6")
    company_bits, company_digits, item_bits, item_digits = _SGTIN_PARTITIONS[partition]
    company_and_item = (bits >> 38) & ((1 << 44) - 1)
    company = company_and_item >> item_bits
    item = company_and_item & ((1 << item_bits) - 1)
    serial = bits & ((1 << 38) - 1)
    if company >= 10**company_digits or item >= 10**item_digits:
        raise IdentifierError("SGTIN-96 company prefix or item reference has too many digits")
    del company_bits
    company_text = str(company).zfill(company_digits)
    item_text = str(item).zfill(item_digits)
    body = item_text[0] + company_text + item_text[1:]
    return body + str(gs1_check_digit(body)), str(serial)


# ---- GS1 element strings -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Gs1Element:
    """One field of a GS1 element string.

    Attributes:
        ai: The Application Identifier ("01", "21", "3103", ...).
        title: Its GS1 data title ("GTIN", "SERIAL", "BATCH/LOT", ...).
        value: The field's data as encoded (check digits are not enforced here).
    """

    ai: str
    title: str
    value: str


def gs1(text: str) -> tuple[Gs1Element, ...]:
    """Split a GS1 element string into its fields (parsed with biip).

    Accepts the data of a GS1 barcode with or without its AIM prefix (``]C1``, ``]e0``,
    ``]d2``, ``]Q3``), with the GS separator (0x1D) after variable-length fields, or the
    human-readable form with brackets: ``(01)80614141123458(21)6789``.

    Args:
        text: The scanned or typed data.

    Returns:
        The fields in order.

    Raises:
        IdentifierError: ``text`` is not a GS1 element string.
    """
    data = text.strip()
    match = _AIM_PREFIX.match(data)
    if match is not None:
        data = data[match.end() :]
    data = data.strip(GS)
    if not data:
        raise IdentifierError("a GS1 element string cannot be empty")
    # biip takes ~0.15 s to import: load it on the first GS1 code, not at start-up.
    from biip import BiipException
    from biip.gs1_messages import GS1Message

    try:
        if data.startswith("("):
            message = GS1Message.parse_hri(_compact_keep_gs(data))
        else:
            message = GS1Message.parse(data)
    except (BiipException, ValueError) as exc:
        raise IdentifierError(f"not a GS1 element string: {exc}") from None
    return tuple(
        Gs1Element(element.ai.ai, element.ai.data_title, element.value)
        for element in message.element_strings
    )


# ---- Per-kind parsers ---------------------------------------------------------------------------
#
# Each parser takes the upper-cased, stripped text and returns (value, problem), or None when the
# text does not have the shape of that kind at all.

_Parsed = tuple[str, str | None]


def _ascii_digits(text: str) -> bool:
    """True for ASCII digits only: "²" and "٣" are digits to ``str.isdigit`` but not here."""
    return text.isascii() and text.isdigit()


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _compact_keep_gs(text: str) -> str:
    """Drop whitespace but keep GS (which Python counts as whitespace)."""
    return re.sub(r"[^\S\x1d]+", "", text)


def _parse_epc(text: str) -> _Parsed | None:
    value = _compact(text)
    if len(value) != 24 or _HEX.fullmatch(value) is None:
        return None
    if int(value[:2], 16) not in _EPC_HEADERS:
        return None
    if int(value[:2], 16) == _SGTIN96_HEADER:
        try:
            decode_sgtin96(value)
        except IdentifierError as exc:
            return value, str(exc)
    return value, None


def _parse_rfid_tag(text: str) -> _Parsed | None:
    value = re.sub(r"[\s\-:]+", "", text)
    if not value:
        return None
    if not value.isascii() or not value.isalnum():
        return value, "an RFID tag id has only letters and digits"
    if not 4 <= len(value) <= 32:
        return value, f"an RFID tag id has 4 to 32 characters, found {len(value)}"
    return value, None


def _parse_g7(text: str) -> _Parsed | None:
    match = _G7.fullmatch(text)
    if match is None:
        return None
    country, serial = match.group(1), re.sub(r"[\s\-/]+", "-", match.group(2)).strip("-")
    value = f"G7-{country}-{serial}"
    if country not in CERTIFICATE_PREFIXES:
        return value, f"{country} is not an ISO 3166-1 country code"
    if not any(c.isdigit() for c in serial) or len(serial) < 3:
        return value, "a G7 certificate serial has at least 3 characters with a digit"
    return value, None


def _parse_seal(text: str) -> _Parsed | None:
    match = _SEAL.fullmatch(text)
    if match is None:
        return None
    prefix, digits = match.group(1), match.group(2)
    value = prefix + digits
    if not 5 <= len(digits) <= 12:
        return value, f"a seal number has 5 to 12 digits, found {len(digits)}"
    return value, None


def _parse_mrn(text: str) -> _Parsed | None:
    value = _compact(text)
    if len(value) != 18 or _MRN.fullmatch(value) is None:
        return None
    if not value[16].isalpha():
        return value, f"the 17th character (procedure category) must be a letter, not {value[16]}"
    expected = mrn_check_character(value[:17])
    if value[17] != expected:
        return value, f"check character is {value[17]}, expected {expected}"
    return value, None


def _gs1_problem(digits: str, what: str) -> str | None:
    expected = gs1_check_digit(digits[:-1])
    if int(digits[-1]) != expected:
        return f"{what} check digit is {digits[-1]}, expected {expected}"
    return None


def _gs1_element(text: str, symbology: str | None) -> tuple[str, str] | None:
    """Split a GS1 element string into (AI, data) for AI 00 or 01; None when it is not one.

    biip parses the whole string, so an SSCC or GTIN found after other fields counts too;
    a string biip cannot parse falls back to reading the leading field by hand, which gives
    a precise problem ("an SSCC after AI (00) has 18 digits") rather than no kind at all.
    """
    if text.startswith("(") or symbology in GS1_ELEMENT_SYMBOLOGIES:
        try:
            fields = gs1(text)
        except IdentifierError:
            pass
        else:
            for field in fields:
                if field.ai in {"00", "01"}:
                    return field.ai, field.value
            return None
    if text.startswith("("):
        match = _HRI_AI.match(text)
        if match is None:
            return None
        ai = match.group(1)
        rest = _compact(text[match.end() :])
        data = re.split(r"[(" + GS + "]", rest, maxsplit=1)[0]
        return ai, data
    digits = text.replace(GS, "")
    if symbology in GS1_ELEMENT_SYMBOLOGIES and digits[:2] in {"00", "01"}:
        return digits[:2], digits[2:]
    return None


def _parse_gs1(text: str, symbology: str | None) -> tuple[IdentifierKind, _Parsed] | None:
    element = _gs1_element(_compact_keep_gs(text), symbology)
    if element is not None:
        ai, data = element
        if ai == "00":
            digits = data[:18]
            if len(digits) != 18 or not _ascii_digits(digits):
                return IdentifierKind.SSCC, (data, "an SSCC after AI (00) has 18 digits")
            return IdentifierKind.SSCC, (digits, _gs1_problem(digits, "SSCC"))
        if ai == "01":
            digits = data[:14]
            if len(digits) != 14 or not _ascii_digits(digits):
                return IdentifierKind.GTIN, (data, "a GTIN after AI (01) has 14 digits")
            return IdentifierKind.GTIN, (digits, _gs1_problem(digits, "GTIN"))
        return None
    digits = re.sub(r"[\s\-]+", "", text)
    if not digits.isascii() or not digits.isdigit():
        return None
    if len(digits) == 18:
        return IdentifierKind.SSCC, (digits, _gs1_problem(digits, "SSCC"))
    if len(digits) == 20 and digits.startswith("00"):
        return IdentifierKind.SSCC, (digits[2:], _gs1_problem(digits[2:], "SSCC"))
    if len(digits) == 16 and digits.startswith("01"):
        return IdentifierKind.GTIN, (digits[2:], _gs1_problem(digits[2:], "GTIN"))
    if len(digits) in _GTIN_LENGTHS:
        return IdentifierKind.GTIN, (digits, _gs1_problem(digits, f"GTIN-{len(digits)}"))
    return None


def _parse_awb(text: str) -> _Parsed | None:
    match = _AWB.fullmatch(text)
    if match is None:
        return None
    serial = match.group(2) + match.group(3)
    value = match.group(1) + serial
    expected = int(serial[:7]) % 7
    if int(serial[7]) != expected:
        return value, f"check digit is {serial[7]}, expected {expected}"
    return value, None


def parse_kp_number(text: str) -> _Parsed | None:
    """Parse a KP certificate number: ``(normalised value, problem)``, or None if not one.

    The value is upper case without spaces; "-" and "/" are kept.
    """
    upper = text.strip().upper()
    match = _KP.fullmatch(upper)
    if match is None:
        return None
    prefix, serial = match.group(1), match.group(2)
    if not any(c.isdigit() for c in serial):
        return None
    value = _compact(upper)
    if len(value) > 30:
        return value, f"a KP certificate number has at most 30 characters, found {len(value)}"
    if prefix not in CERTIFICATE_PREFIXES:
        return value, f"{prefix} is not an ISO 3166-1 country code"
    if sum(c.isalnum() for c in serial) < 3:
        return value, "a KP certificate number has at least 3 characters after the country code"
    return value, None


def _parse_kp(text: str) -> _Parsed | None:
    return parse_kp_number(text)


# ---- Classification ------------------------------------------------------------------------------


def _split_aim_prefix(text: str, symbology: str | None) -> tuple[str, str | None]:
    """Take an AIM symbology prefix ("]C1") off the data when the reader left it there."""
    match = _AIM_PREFIX.match(text)
    if match is not None and (symbology is None or symbology == match.group(0)):
        return text[match.end() :], match.group(0)
    return text, symbology


def _clean(text: str) -> str:
    """Strip surrounding whitespace and line ends; keep GS; drop other control characters."""
    kept = "".join(ch for ch in text if ch == GS or ch.isprintable() or ch in " \t")
    return kept.strip().strip(GS).strip()


def classify(
    text: str, symbology: str | None = None, source: InputSource = InputSource.SCANNER
) -> Identifier:
    """Recognise what ``text`` is and validate it (see the module docstring for the precedence).

    Args:
        text: the data as read or typed.
        symbology: the AIM symbology identifier ("]C1", "]Q1", ...) when the reader sent one.
        source: how the value reached the kiosk.

    Returns:
        The classified ``Identifier``; ``problem`` is ``None`` when it is valid.
    """
    raw = text
    if len(text) > _MAX_INPUT_CHARS:
        return Identifier(
            IdentifierKind.UNKNOWN,
            _clean(text)[:_MAX_INPUT_CHARS].upper(),
            source,
            symbology,
            raw,
            f"too long for an identifier ({len(text)} characters, at most {_MAX_INPUT_CHARS})",
        )
    data, symbology = _split_aim_prefix(_clean(text), symbology)
    upper = data.upper()

    def made(kind: IdentifierKind, parsed: _Parsed) -> Identifier:
        return Identifier(kind, parsed[0], source, symbology, raw, parsed[1])

    if not upper.replace(GS, "").strip():
        return Identifier(IdentifierKind.UNKNOWN, "", source, symbology, raw, "nothing was read")
    if (epc := _parse_epc(upper)) is not None:
        return made(IdentifierKind.EPC, epc)
    if source is InputSource.RFID and (tag := _parse_rfid_tag(upper)) is not None:
        return made(IdentifierKind.SEAL, tag)
    if (g7 := _parse_g7(upper)) is not None:
        return made(IdentifierKind.G7_CERTIFICATE, g7)
    if (seal := _parse_seal(upper)) is not None:
        return made(IdentifierKind.SEAL, seal)
    if (mrn := _parse_mrn(upper)) is not None:
        return made(IdentifierKind.MRN, mrn)
    if (gs1 := _parse_gs1(upper, symbology)) is not None:
        return made(gs1[0], gs1[1])
    if (awb := _parse_awb(upper)) is not None:
        return made(IdentifierKind.AWB, awb)
    if (kp := _parse_kp(upper)) is not None:
        return made(IdentifierKind.KP_CERTIFICATE, kp)
    return Identifier(IdentifierKind.UNKNOWN, _compact(upper), source, symbology, raw, UNRECOGNISED)


_PARSERS: dict[IdentifierKind, Callable[[str], _Parsed | None]] = {
    IdentifierKind.KP_CERTIFICATE: _parse_kp,
    IdentifierKind.G7_CERTIFICATE: _parse_g7,
    IdentifierKind.MRN: _parse_mrn,
    IdentifierKind.AWB: _parse_awb,
    IdentifierKind.EPC: _parse_epc,
    IdentifierKind.SEAL: lambda text: _parse_seal(text) or _parse_rfid_tag(text),
}

_EXPECTED_FORM: dict[IdentifierKind, str] = {
    IdentifierKind.KP_CERTIFICATE: "a KP certificate number such as BW 0123456",
    IdentifierKind.G7_CERTIFICATE: "a G7 certificate number such as G7-BE-2026-000123",
    IdentifierKind.MRN: "an MRN of 18 characters such as 26BE000000000000A1",
    IdentifierKind.AWB: "an air waybill number such as 176-12345675",
    IdentifierKind.SSCC: "an SSCC of 18 digits",
    IdentifierKind.GTIN: "a GTIN of 8, 12, 13 or 14 digits",
    IdentifierKind.EPC: "an EPC of 24 hex characters",
    IdentifierKind.SEAL: "a seal number such as SL 0012345",
}


def classify_as(
    text: str, kind: IdentifierKind, source: InputSource = InputSource.TYPED
) -> Identifier:
    """Read ``text`` as an identifier of a kind the user chose (a typed entry in a named field).

    This settles the cases the automatic precedence cannot, e.g. "SL 0123456" typed in the
    KP-certificate field is a Sierra Leone certificate. A text without the form of ``kind``
    gives an identifier of that kind with a problem saying what form was expected.
    """
    upper = _clean(text).upper()
    if kind is IdentifierKind.UNKNOWN:
        return classify(text, None, source)
    if kind in (IdentifierKind.SSCC, IdentifierKind.GTIN):
        gs1 = _parse_gs1(upper, None)
        parsed = gs1[1] if gs1 is not None and gs1[0] is kind else None
    else:
        parsed = _PARSERS[kind](upper)
    if parsed is None:
        return Identifier(
            kind, _compact(upper), source, None, text, f"expected {_EXPECTED_FORM[kind]}"
        )
    return Identifier(kind, parsed[0], source, None, text, parsed[1])


def seal_key(value: str) -> str:
    """The comparison key of a seal number: "SEAL 0012345", "SL-0012345" -> "0012345".

    Tag ids (RFID seals) are upper-cased without separators.
    """
    upper = _clean(value).upper()
    match = _SEAL.fullmatch(upper)
    if match is not None:
        return match.group(2)
    return re.sub(r"[\s\-:]+", "", upper)
