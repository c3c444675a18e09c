"""GS1 element strings: the ``gs1`` helper (biip) and how classify uses it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.identifiers import Gs1Element, IdentifierError, classify, gs1
from kiosk.domain.models import IdentifierKind as K
from kiosk.domain.models import InputSource

FAST = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

GTIN_LOT_SERIAL = "0109501101530003\x1d10LOT42\x1d21SER7"


@pytest.mark.parametrize("aim", ["]C1", "]e0", "]d2", "]Q3", ""])
def test_gs1_fields_with_and_without_aim_prefix(aim: str) -> None:
    assert gs1(aim + GTIN_LOT_SERIAL) == (
        Gs1Element("01", "GTIN", "09501101530003"),
        Gs1Element("10", "BATCH/LOT", "LOT42"),
        Gs1Element("21", "SERIAL", "SER7"),
    )


def test_gs1_human_readable_brackets() -> None:
    assert [f.ai for f in gs1("(01) 80614141123458 (21) 6789")] == ["01", "21"]


@pytest.mark.parametrize("bad", ["", "\x1d", "ABC", "0012", "(99"])
def test_gs1_rejects_what_is_not_an_element_string(bad: str) -> None:
    with pytest.raises(IdentifierError, match="GS1"):
        gs1(bad)


@pytest.mark.parametrize("aim", ["]C1", "]d2", "]Q3", "]e0"])
def test_gtin_inside_a_gs1_code_keeps_the_whole_data_in_raw(aim: str) -> None:
    ident = classify(GTIN_LOT_SERIAL, aim)
    assert (ident.kind, ident.value, ident.problem) == (K.GTIN, "09501101530003", None)
    assert ident.raw == GTIN_LOT_SERIAL
    assert ident.symbology == aim


def test_sscc_after_another_field_is_found() -> None:
    ident = classify("]C110LOT1\x1d00395011010000000019")
    assert (ident.kind, ident.value, ident.problem) == (K.SSCC, "395011010000000019", None)


def test_sscc_with_a_wrong_check_digit_in_a_gs1_code() -> None:
    ident = classify("00395011010000000018", "]C1")
    assert ident.kind is K.SSCC
    assert ident.problem == "SSCC check digit is 8, expected 9"


def test_ean8_is_a_bare_gtin_not_an_element_string() -> None:
    ident = classify("01234565", "]E4")
    assert (ident.kind, ident.value, ident.problem) == (K.GTIN, "01234565", None)


def test_gs1_code_without_sscc_or_gtin_is_not_one() -> None:
    assert classify("10LOT42\x1d21SER7", "]C1").kind is K.UNKNOWN


@FAST
@given(st.text(max_size=80))
def test_gs1_on_arbitrary_text(text: str) -> None:
    try:
        fields = gs1(text)
    except IdentifierError:
        return
    assert fields
    assert all(f.ai.isdigit() for f in fields)


@FAST
@given(
    st.text(alphabet="0123456789()\x1dABC ", max_size=60),
    st.sampled_from(["]C1", "]d2", "]Q3", "]e0", None]),
)
def test_classify_gs1_like_text_never_raises(text: str, symbology: str | None) -> None:
    ident = classify(text, symbology, InputSource.SCANNER)
    assert ident.raw == text
