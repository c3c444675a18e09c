"""Identifier classification and check characters: valid and invalid examples of every kind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.countries import CERTIFICATE_PREFIXES, ISO_3166_ALPHA2
from kiosk.domain.identifiers import (
    IdentifierError,
    awb_is_valid,
    classify,
    classify_as,
    decode_sgtin96,
    gs1_check_digit,
    iso6346_check_digit,
    mrn_check_character,
    seal_key,
)
from kiosk.domain.models import IdentifierKind as K
from kiosk.domain.models import InputSource

MRN_BODY = "26BE00000000012345"[:16] + "A"  # year, country, 12 alphanumerics, procedure A
VALID_MRN = MRN_BODY + mrn_check_character(MRN_BODY)


# ---- Country list -------------------------------------------------------------------------------


def test_country_list_is_the_full_iso_list() -> None:
    assert len(ISO_3166_ALPHA2) == 249
    assert {"BE", "BW", "RU", "ZA", "AE", "IN", "GB", "SS", "XK"} - ISO_3166_ALPHA2 == {"XK"}
    assert "EU" not in ISO_3166_ALPHA2
    assert "EU" in CERTIFICATE_PREFIXES
    assert "UK" not in CERTIFICATE_PREFIXES


# ---- Check characters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "check"),
    [("CSQU305438", "3"), ("ZEPU003725", "5")],
)
def test_iso6346_check_digit_matches_known_container_numbers(body: str, check: str) -> None:
    assert iso6346_check_digit(body) == check


def test_mrn_check_character_uses_letter_values_and_powers_of_two() -> None:
    # 2**0*1 + A(10)*2**1 = 21 -> 21 mod 11 = 10 -> 10 mod 10 = 0
    assert iso6346_check_digit("1A") == "0"
    # L is 23 (22 is skipped): 23*1 = 23 -> 1
    assert iso6346_check_digit("L") == "1"
    assert len(mrn_check_character(MRN_BODY)) == 1


@pytest.mark.parametrize("bad", ["", "26BE", "26be0000000001234a", "26BE000000000123!A"])
def test_mrn_check_character_rejects_bad_input(bad: str) -> None:
    with pytest.raises(IdentifierError):
        mrn_check_character(bad[:17])


@pytest.mark.parametrize(
    ("digits", "check"),
    [("400638133393", 1), ("10614141123456789", 7), ("9638507", 4), ("8061414112345", 8)],
)
def test_gs1_check_digit(digits: str, check: int) -> None:
    assert gs1_check_digit(digits) == check


@pytest.mark.parametrize("bad", ["", "12a4", "١٢٣"])
def test_gs1_check_digit_rejects_non_digits(bad: str) -> None:
    with pytest.raises(IdentifierError):
        gs1_check_digit(bad)


def test_awb_is_valid() -> None:
    assert awb_is_valid("176-12345675")
    assert awb_is_valid("17612345675")
    assert not awb_is_valid("176-12345676")
    assert not awb_is_valid("176-1234567")
    assert not awb_is_valid("ABC-12345675")


def test_decode_sgtin96_test_vector() -> None:
    assert decode_sgtin96("3074257BF7194E4000001A85") == ("80614141123458", "6789")
    assert decode_sgtin96("3074257bf7194e4000001a85")[0] == "80614141123458"


@pytest.mark.parametrize(
    ("epc", "message"),
    [
        ("3174257BF7194E4000001A85", "0x31"),
        ("307C257BF7194E4000001A85", "partition is 7"),
        ("3074257BF7194E40000", "24 hex"),
        ("3074257BF7194E4000001A8G", "24 hex"),
    ],
)
def test_decode_sgtin96_rejects_bad_epcs(epc: str, message: str) -> None:
    with pytest.raises(IdentifierError, match=message):
        decode_sgtin96(epc)


# ---- Classification: valid examples -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("BW 0123456", K.KP_CERTIFICATE, "BW0123456"),
        ("za-2026-004512", K.KP_CERTIFICATE, "ZA-2026-004512"),
        ("RU 0000123", K.KP_CERTIFICATE, "RU0000123"),
        ("EU 2026/00451", K.KP_CERTIFICATE, "EU2026/00451"),
        ("SL-2026-0123", K.KP_CERTIFICATE, "SL-2026-0123"),
        ("G7-BE-2026-000123", K.G7_CERTIFICATE, "G7-BE-2026-000123"),
        ("g7 be 2026 000123", K.G7_CERTIFICATE, "G7-BE-2026-000123"),
        (VALID_MRN, K.MRN, VALID_MRN),
        (VALID_MRN.lower(), K.MRN, VALID_MRN),
        ("176-12345675", K.AWB, "17612345675"),
        ("17612345675", K.AWB, "17612345675"),
        ("176-1234 5675", K.AWB, "17612345675"),
        ("106141411234567897", K.SSCC, "106141411234567897"),
        ("00106141411234567897", K.SSCC, "106141411234567897"),
        ("(00) 1 0614141 123456789 7", K.SSCC, "106141411234567897"),
        ("96385074", K.GTIN, "96385074"),
        ("036000291452", K.GTIN, "036000291452"),
        ("4006381333931", K.GTIN, "4006381333931"),
        ("80614141123458", K.GTIN, "80614141123458"),
        ("0180614141123458", K.GTIN, "80614141123458"),
        ("(01)80614141123458(21)6789", K.GTIN, "80614141123458"),
        ("3074257BF7194E4000001A85", K.EPC, "3074257BF7194E4000001A85"),
        ("3474257bf7194e4000001a85", K.EPC, "3474257BF7194E4000001A85"),
        ("SL 0012345", K.SEAL, "SL0012345"),
        ("SEAL-123456789012", K.SEAL, "SEAL123456789012"),
        ("seal 00123", K.SEAL, "SEAL00123"),
    ],
)
def test_classify_valid(text: str, kind: K, value: str) -> None:
    ident = classify(text)
    assert (ident.kind, ident.value, ident.problem) == (kind, value, None)
    assert ident.valid
    assert ident.raw == text
    assert ident.source is InputSource.SCANNER


def test_classify_gs1_symbology_and_aim_prefix() -> None:
    ident = classify("0180614141123458\x1d216789", symbology="]C1")
    assert (ident.kind, ident.value, ident.valid) == (K.GTIN, "80614141123458", True)
    left_on = classify("]C100106141411234567897")
    assert (left_on.kind, left_on.value, left_on.symbology) == (K.SSCC, "106141411234567897", "]C1")


def test_rfid_reads_are_seals_unless_they_are_epcs() -> None:
    em4100 = classify("0102A3F4C5", source=InputSource.RFID)
    assert (em4100.kind, em4100.value, em4100.valid) == (K.SEAL, "0102A3F4C5", True)
    chip_id = classify("E2806894000040012345ABCD", source=InputSource.RFID)
    assert chip_id.kind is K.SEAL
    epc = classify("3074257BF7194E4000001A85", source=InputSource.RFID)
    assert epc.kind is K.EPC
    assert classify("0102A3F4C5", source=InputSource.SCANNER).kind is K.UNKNOWN


# ---- Classification: invalid examples -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "problem"),
    [
        ("XX 1234567", K.KP_CERTIFICATE, "XX is not an ISO 3166-1 country code"),
        ("UK 1234567", K.KP_CERTIFICATE, "UK is not an ISO 3166-1 country code"),
        ("BW 12", K.KP_CERTIFICATE, "at least 3 characters"),
        ("G7-XX-2026-000123", K.G7_CERTIFICATE, "XX is not an ISO 3166-1 country code"),
        (VALID_MRN[:17] + str((int(VALID_MRN[17]) + 1) % 10), K.MRN, "check character is"),
        ("26BE000000000123451", K.UNKNOWN, "not a recognised identifier"),
        ("26BE00000000012345", K.MRN, "procedure category"),
        ("176-12345676", K.AWB, "check digit is 6, expected 5"),
        ("106141411234567890", K.SSCC, "SSCC check digit is 0, expected 7"),
        ("4006381333932", K.GTIN, "GTIN-13 check digit is 2, expected 1"),
        ("(00)1234", K.SSCC, "18 digits"),
        ("307C257BF7194E4000001A85", K.EPC, "partition is 7"),
        ("SL 1234", K.SEAL, "5 to 12 digits, found 4"),
        ("SEAL 1234567890123", K.SEAL, "found 13"),
        ("HELLO WORLD", K.UNKNOWN, "not a recognised identifier"),
        ("12345", K.UNKNOWN, "not a recognised identifier"),
        ("", K.UNKNOWN, "nothing was read"),
        (" \r\n", K.UNKNOWN, "nothing was read"),
    ],
)
def test_classify_invalid(text: str, kind: K, problem: str) -> None:
    ident = classify(text)
    assert ident.kind is kind
    assert ident.problem is not None
    assert problem in ident.problem
    assert not ident.valid


def test_classify_bounds_hostile_input() -> None:
    ident = classify("A" * 10_000)
    assert ident.kind is K.UNKNOWN
    assert ident.problem is not None
    assert "too long" in ident.problem
    assert len(ident.value) <= 200
    noisy = classify("BW 0123456\x00\x07\r\n")
    assert (noisy.kind, noisy.value, noisy.valid) == (K.KP_CERTIFICATE, "BW0123456", True)


def test_precedence_eighteen_digits_is_sscc_not_kp_and_sl_digits_is_a_seal() -> None:
    assert classify("106141411234567897").kind is K.SSCC
    assert classify("SL 0123456").kind is K.SEAL
    typed = classify_as("SL 0123456", K.KP_CERTIFICATE)
    assert (typed.kind, typed.value, typed.valid) == (K.KP_CERTIFICATE, "SL0123456", True)
    assert typed.source is InputSource.TYPED


def test_classify_as_reports_the_expected_form() -> None:
    wrong = classify_as("hello", K.MRN)
    assert wrong.kind is K.MRN
    assert wrong.problem is not None
    assert "an MRN of 18 characters" in wrong.problem
    assert classify_as("4006381333931", K.SSCC).problem is not None
    assert classify_as("4006381333931", K.GTIN).valid
    assert classify_as("0102A3F4C5", K.SEAL).valid


def test_seal_key_compares_seal_numbers_written_differently() -> None:
    assert seal_key("SEAL 0012345") == seal_key("SL-0012345") == seal_key("sl0012345") == "0012345"
    assert seal_key("01:02:a3:f4:c5") == "0102A3F4C5"


# ---- Properties: one changed character makes a valid identifier invalid -------------------------

_DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=1)
_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _mutate(text: str, position: int, replacement: str) -> str:
    return text[:position] + replacement + text[position + 1 :]


@st.composite
def _valid_mrn(draw: st.DrawFn) -> str:
    year = draw(st.text("0123456789", min_size=2, max_size=2))
    country = draw(st.sampled_from(sorted(ISO_3166_ALPHA2)))
    middle = draw(st.text(_ALNUM, min_size=12, max_size=12))
    procedure = draw(st.sampled_from("ABCDEFGHJKLMNPRSTUVZ"))
    body = year + country + middle + procedure
    return body + mrn_check_character(body)


def _mrn_value(char: str) -> int:
    return int(char) if char.isdigit() else [v for v in range(10, 39) if v % 11][ord(char) - 65]


@given(_valid_mrn(), st.integers(0, 17), st.sampled_from(_ALNUM))
def test_mrn_with_one_character_changed_is_invalid(mrn: str, position: int, char: str) -> None:
    """A change is caught unless the ISO 6346 method cannot see it.

    The method misses exactly two things: characters whose values differ by a multiple of 11
    (A/K, 1/L, ...) and a remainder moving between 0 and 10 (both give check "0").
    """
    assert classify(mrn).valid
    changed = _mutate(mrn, position, char)
    if changed == mrn:
        return
    result = classify(changed)
    if position == 17:
        assert not result.valid
        return
    if result.kind is not K.MRN:
        assert not result.valid
        return
    delta = _mrn_value(char) - _mrn_value(mrn[position])
    before = sum(_mrn_value(c) * 2**i for i, c in enumerate(mrn[:17])) % 11
    after = sum(_mrn_value(c) * 2**i for i, c in enumerate(changed[:17])) % 11
    blind = delta % 11 == 0 or {before, after} == {0, 10}
    assert result.valid is (blind and changed[16].isalpha())


@pytest.mark.parametrize(("a", "b"), [("A", "K"), ("1", "L"), ("B", "V")])
def test_mrn_check_is_blind_to_values_eleven_apart(a: str, b: str) -> None:
    body = "26BE" + a * 12 + "A"
    assert mrn_check_character(body) == mrn_check_character("26BE" + b + a * 11 + "A")


@st.composite
def _valid_awb(draw: st.DrawFn) -> str:
    prefix = draw(st.text("0123456789", min_size=3, max_size=3))
    serial7 = draw(st.integers(0, 9_999_999))
    return f"{prefix}-{serial7:07d}{serial7 % 7}"


@given(_valid_awb(), st.integers(4, 11), _DIGITS)
def test_awb_with_one_digit_changed_is_invalid(awb: str, position: int, digit: str) -> None:
    assert classify(awb).valid
    changed = _mutate(awb, position, digit)
    serial = changed[4:]
    still_valid = int(serial[:7]) % 7 == int(serial[7])
    assert classify(changed).valid is still_valid
    # a mod-7 check misses a change by 7 in one digit, and nothing else in the serial
    if changed != awb and position == 11:
        assert not classify(changed).valid


@st.composite
def _valid_gs1(draw: st.DrawFn, length: int) -> str:
    body = draw(st.text("0123456789", min_size=length - 1, max_size=length - 1))
    return body + str(gs1_check_digit(body))


@pytest.mark.parametrize(
    ("length", "kind"), [(18, K.SSCC), (8, K.GTIN), (13, K.GTIN), (14, K.GTIN)]
)
@given(data=st.data())
def test_gs1_with_one_digit_changed_is_invalid(length: int, kind: K, data: st.DataObject) -> None:
    code = data.draw(_valid_gs1(length))
    assert (classify(code).kind, classify(code).valid) == (kind, True)
    position = data.draw(st.integers(0, length - 1))
    digit = data.draw(_DIGITS.filter(lambda d: d != code[position]))
    changed = _mutate(code, position, digit)
    assert classify(changed).kind is kind
    assert not classify(changed).valid
