"""Hostile text at the domain parsers: identifiers, GS1, SGTIN-96, names, declarations, rules.

``classify`` never raises (a bad value is an identifier with a ``problem``); the other parsers
give their result or their own error with one line. Builders round-trip through the parsers.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.domain import names
from kiosk.domain.identifiers import (
    IdentifierError,
    classify,
    classify_as,
    decode_sgtin96,
    gs1,
    gs1_check_digit,
    mrn_check_character,
    seal_key,
)
from kiosk.domain.models import IdentifierKind, InputSource
from kiosk.domain.rules import RuleSetError, parse_ruleset
from kiosk.domain.wedge import WedgeDecoder
from kiosk.store.codec import FieldError, declaration_from_dict, declaration_to_dict
from tests.domain.test_wedge import _type
from tests.fuzz.profiles import HOSTILE, assert_one_line

ROOT = Path(__file__).resolve().parents[2]
RULESET = json.loads((ROOT / "resources" / "rules" / "article3p.json").read_text("utf-8"))
DECLARATIONS = json.loads((ROOT / "resources" / "sample" / "declarations.json").read_text("utf-8"))

# Characters that look like what a parser wants but are not: Unicode digits that
# str.isdigit() accepts ("²", "٣", "０"), letters that change length when upper-cased
# ("ß", "ﬀ", "İ"), invisible ones, separators, brackets and AIM prefix pieces.
TRICKY = st.sampled_from(
    [
        *"0123456789()-/ SLEAGBWUX7]Cd12e0Q3#:\x1d\t",
        *["²", "٣", "０", "߀", "ß", "ﬀ", "İ", "\u200b", "\xa0", "\u2028", "\ufeff", "\ud800"],
    ]
)
TEXTS = st.text(max_size=60) | st.text(TRICKY, max_size=40)
SYMBOLOGIES = st.sampled_from([None, "]C1", "]d2", "]E4", "]e0", "]Q1", "]Q3", "]A0", "]Z9"])


# ---- Identifiers ----------------------------------------------------------------------------


@HOSTILE
@given(TEXTS, SYMBOLOGIES, st.sampled_from(list(InputSource)))
@example("(00)" + "²" * 18, None, InputSource.SCANNER)  # crashed: IdentifierError
@example("(01)" + "٣" * 14, "]C1", InputSource.SCANNER)
@example("٣٣٣-٣٣٣٣٣٣٣٣", None, InputSource.TYPED)  # was a valid AWB in Arabic digits
@example("٣٣BE000000000000A1", None, InputSource.TYPED)
@example("x" * 5000, None, InputSource.TYPED)
def test_classify_never_raises(text: str, symbology: str | None, source: InputSource) -> None:
    ident = classify(text, symbology, source)
    assert ident.raw == text
    if ident.problem is None:
        assert ident.kind is not IdentifierKind.UNKNOWN
        assert ident.value.isascii(), ident
        assert ident.value.isprintable(), ident
    else:
        assert_one_line(ident.problem)


@HOSTILE
@given(TEXTS, st.sampled_from(list(IdentifierKind)))
@example("SL ²²²²²", IdentifierKind.SEAL)
@example("(00)" + "²" * 18, IdentifierKind.SSCC)
def test_classify_as_never_raises(text: str, kind: IdentifierKind) -> None:
    ident = classify_as(text, kind)
    if kind is not IdentifierKind.UNKNOWN:
        assert ident.kind is kind
    if ident.problem is None:
        assert ident.value.isascii(), ident
    else:
        assert_one_line(ident.problem)
    assert isinstance(seal_key(text), str)


@HOSTILE
@given(TEXTS)
def test_gs1_and_sgtin_parsers_raise_only_identifier_error(text: str) -> None:
    for parse in (gs1, decode_sgtin96, mrn_check_character):
        try:
            parse(text)
        except IdentifierError as exc:
            assert_one_line(str(exc))


def _gtin(body13: str) -> str:
    return body13 + str(gs1_check_digit(body13))


DIGITS = "0123456789"
GS1_TEXT = st.text(st.sampled_from("ABCXYZ0123456789-"), min_size=1, max_size=20)
ELEMENTS = st.lists(
    st.one_of(
        st.text(st.sampled_from(DIGITS), min_size=13, max_size=13).map(lambda b: ("01", _gtin(b))),
        GS1_TEXT.map(lambda v: ("10", v)),
        GS1_TEXT.map(lambda v: ("21", v)),
        st.dates(date(2000, 1, 1), date(2049, 12, 28)).map(lambda d: ("17", d.strftime("%y%m%d"))),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda e: e[0],
)
FIXED = {"01", "17"}


@HOSTILE
@given(ELEMENTS, st.sampled_from(["", "]C1", "]d2"]))
def test_gs1_element_strings_round_trip(elements: list[tuple[str, str]], aim: str) -> None:
    scanned = aim + "".join(
        ai + value + ("" if ai in FIXED or i == len(elements) - 1 else "\x1d")
        for i, (ai, value) in enumerate(elements)
    )
    brackets = "".join(f"({ai}){value}" for ai, value in elements)
    for text in (scanned, brackets):
        assert [(f.ai, f.value) for f in gs1(text)] == elements
    gtins = [value for ai, value in elements if ai == "01"]
    if gtins and aim:
        ident = classify(scanned, aim)
        assert (ident.kind, ident.value, ident.problem) == (IdentifierKind.GTIN, gtins[0], None)


@HOSTILE
@given(st.text(st.sampled_from(DIGITS), min_size=7, max_size=17), st.data())
def test_a_changed_digit_fails_the_gs1_check(body: str, data: st.DataObject) -> None:
    code = body + str(gs1_check_digit(body))
    i = data.draw(st.integers(0, len(code) - 1))
    new = data.draw(st.sampled_from(DIGITS).filter(lambda d: d != code[i]))
    changed = code[:i] + new + code[i + 1 :]
    assert gs1_check_digit(changed[:-1]) != int(changed[-1])


# SGTIN-96 partitions: partition -> (company prefix digits, item reference bits, digits).
PARTITIONS = {0: (12, 4, 1), 1: (11, 7, 2), 2: (10, 10, 3), 3: (9, 14, 4), 4: (8, 17, 5),
              5: (7, 20, 6), 6: (6, 24, 7)}  # fmt: skip


@HOSTILE
@given(st.integers(0, 6), st.integers(0, 7), st.data())
def test_sgtin96_encode_decode_round_trip(
    partition: int, filter_: int, data: st.DataObject
) -> None:
    company_digits, item_bits, item_digits = PARTITIONS[partition]
    company = data.draw(st.integers(0, 10**company_digits - 1))
    item = data.draw(st.integers(0, 10**item_digits - 1))
    serial = data.draw(st.integers(0, 2**38 - 1))
    bits = (0x30 << 88) | (filter_ << 85) | (partition << 82)
    bits |= ((company << item_bits) | item) << 38 | serial
    item_text = str(item).zfill(item_digits)
    body = item_text[0] + str(company).zfill(company_digits) + item_text[1:]
    epc = f"{bits:024X}"
    assert decode_sgtin96(epc) == (_gtin(body), str(serial))
    ident = classify(epc, source=InputSource.RFID)
    assert (ident.kind, ident.value, ident.problem) == (IdentifierKind.EPC, epc, None)


# ---- Names ----------------------------------------------------------------------------------


@HOSTILE
@given(st.text(max_size=200), st.booleans())
@example("".join(chr(c) for c in range(0x300, 0x370)) * 3, True)  # combining marks only
@example("OOO " * 500, False)  # legal forms only, long
@example("\ufb01\u0130\u1e9e\u2126", True)
def test_name_normalisation_takes_any_text(name: str, person: bool) -> None:
    for function in (
        names.transliterate,
        names.fold,
        names.normalise_name,
        names.screening_fold,
        names.spelling_key,
        names.phonetic_key,
    ):
        assert isinstance(function(name), str)
    assert all(isinstance(t, str) for t in names.name_tokens(name))
    assert all(isinstance(p, str) for p, _ in names.name_parts(name, person))


# ---- Keyboard wedge -------------------------------------------------------------------------


@HOSTILE
@given(
    st.lists(
        st.tuples(
            st.characters(exclude_characters="\0"),
            st.floats(0, 1e6, allow_nan=False) | st.sampled_from([0.0, 30.0, 30.000001, 120.0]),
        ),
        max_size=60,
    )
)
def test_wedge_loses_no_key_of_any_kind(keys: list[tuple[str, float]]) -> None:
    delivered, scans, swallowed = _type(WedgeDecoder(), keys)
    rebuilt, parts = "", iter(scans)
    for ch in delivered:
        rebuilt += next(parts) if ch == "\0" else ch
    typed = "".join(c for c, _ in keys)
    assert sorted(rebuilt + swallowed) == sorted(typed)


# ---- Declarations (kiosk check, the store) --------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(TRICKY, max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
HOSTILE_NUMBERS = st.sampled_from(
    ["NaN", "-1", "Infinity", "1e999999", "1E-999999", "0x10", "1_000", " 1 ", "٣", "1e12", 10**40]
)


@HOSTILE
@given(st.sampled_from(range(len(DECLARATIONS))), st.data())
def test_declaration_with_one_field_replaced(index: int, data: st.DataObject) -> None:
    record: dict[str, Any] = json.loads(json.dumps(DECLARATIONS[index]))
    key = data.draw(st.sampled_from([*sorted(record), "stones[0]", "unknown"]))
    value = data.draw(JSON | HOSTILE_NUMBERS)
    if key == "stones[0]" and record.get("stones"):
        band_key = data.draw(st.sampled_from(["min_ct", "max_ct", "stones", "carats"]))
        record["stones"][0][band_key] = value
    else:
        record[key] = value
    try:
        decl = declaration_from_dict(record)
    except FieldError as exc:
        assert_one_line(str(exc))
        return
    for number in (decl.declared_carats, decl.value_usd, *(b.carats for b in decl.stones)):
        assert number is None or (number.is_finite() and 0 <= number < 10**13)
    assert declaration_from_dict(declaration_to_dict(decl)) == decl


@HOSTILE
@given(JSON)
def test_declaration_from_any_json(value: object) -> None:
    try:
        declaration_from_dict(value)
    except FieldError as exc:
        assert_one_line(str(exc))


# ---- Rule sets ------------------------------------------------------------------------------


@HOSTILE
@given(
    st.text(max_size=300) | st.sampled_from(["[" * 50_000, "1" * 5000, '{"rules": ' + "[" * 3000])
)
def test_ruleset_from_any_text(text: str) -> None:
    try:
        parse_ruleset(text)
    except RuleSetError as exc:
        assert_one_line(str(exc))


@HOSTILE
@given(st.integers(0, len(RULESET["rules"]) - 1), st.data())
def test_ruleset_with_one_rule_field_replaced(index: int, data: st.DataObject) -> None:
    doc: dict[str, Any] = json.loads(json.dumps(RULESET))
    rule = doc["rules"][index]
    key = data.draw(st.sampled_from([*sorted(rule), "params.x", "unknown"]))
    value = data.draw(JSON)
    if key == "params.x" and isinstance(rule.get("params"), dict) and rule["params"]:
        rule["params"][data.draw(st.sampled_from(sorted(rule["params"])))] = value
    else:
        rule[key] = value
    try:
        parse_ruleset(json.dumps(doc))
    except RuleSetError as exc:
        assert_one_line(str(exc))
