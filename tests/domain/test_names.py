"""Name normalisation: examples from the lists, and properties that screening relies on."""

from __future__ import annotations

import random

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.domain.names import LEGAL_FORMS, fold, normalise_name, transliterate


@pytest.mark.parametrize(
    "name",
    [
        "Alrosa, PJSC",
        "PJSC ALROSA",
        "ПАО «АЛРОСА»",
        "P.J.S.C. Alrosa",
        "alrosa",
        "Публичное акционерное общество АЛРОСА",
        "ALROSA public joint stock company",
    ],
)
def test_alrosa_spellings_compare_equal(name: str) -> None:
    assert normalise_name(name) == "alrosa"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("MARINYCHEV, Pavel Alekseevich", "Павел Алексеевич Маринычев"),
        ("Søren O'Brien", "SOREN OBRIEN"),
        ("Łukasz Żółć GmbH", "lukasz zolc"),
        ("Crème Brûlée S.A.", "creme brulee"),
        ("Straße Diamonds Ltd.", "strasse diamonds"),
        ("Almazy Anabara JSC", "АО «Алмазы Анабара»"),
    ],
)
def test_spellings_compare_equal(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("First Diamond Company", "North Diamond Company"),
        ("Almaz Trading LLC", "Almaz-Antey"),
        ("Ivanov Sergei", "Ivanova Sergei"),
    ],
)
def test_different_names_stay_different(a: str, b: str) -> None:
    assert normalise_name(a) != normalise_name(b)


def test_a_name_of_only_legal_forms_is_kept() -> None:
    assert normalise_name("The Company Ltd") == "company ltd the"
    assert normalise_name("") == ""
    assert normalise_name(" ,.;") == ""


def test_transliteration_and_fold() -> None:
    assert transliterate("щука") == "shchuka"
    assert fold("  ÉCOLE--Française!! ") == "ecole francaise"


_WORDS = st.lists(
    st.text(
        alphabet=st.characters(
            codec="utf-8", categories=("Lu", "Ll", "Nd"), exclude_characters="İ"
        ),
        min_size=1,
        max_size=8,
    ),
    min_size=1,
    max_size=5,
)


@given(st.text(max_size=60))
@example("\u0400\u0400")  # Cyrillic E with grave: not in the table, base letter left
@example("\u01fc")  # Latin AE with acute: not in the table, "æ" left, then "ae"
def test_normalise_is_idempotent(name: str) -> None:
    once = normalise_name(name)
    assert normalise_name(once) == once


@given(_WORDS, st.randoms())
def test_word_order_is_ignored(words: list[str], rnd: random.Random) -> None:
    shuffled = list(words)
    rnd.shuffle(shuffled)
    assert normalise_name(" ".join(words)) == normalise_name(", ".join(shuffled))


@given(_WORDS)
def test_case_is_ignored(words: list[str]) -> None:
    name = " ".join(words)
    assert normalise_name(name.upper()) == normalise_name(name.lower()) == normalise_name(name)


@given(st.lists(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8))
def test_accents_are_ignored(letters: list[str]) -> None:
    plain = "".join(letters)
    accented = "".join(ch + "\u0301" for ch in letters)
    assert normalise_name(accented) == normalise_name(plain)


@given(_WORDS, st.sampled_from(sorted(LEGAL_FORMS)))
def test_legal_forms_are_ignored(words: list[str], form: str) -> None:
    name = " ".join(words)
    if normalise_name(name) and set(normalise_name(name).split()) - LEGAL_FORMS:
        assert normalise_name(f"{name} {form.upper()}") == normalise_name(name)
