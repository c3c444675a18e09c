"""Screening name parts and phonetic keys: properties and the brief's transliteration table."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.names import (
    LEGAL_FORMS,
    SCREENING_LEGAL_FORMS,
    name_parts,
    normalise_name,
    phonetic_key,
    screening_fold,
)

_WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9),
    min_size=1,
    max_size=5,
)


def tokens(name: str, person: bool = False) -> list[str]:
    return sorted(t for t, _ in name_parts(name, person))


@given(st.text(max_size=60))
def test_screening_fold_is_idempotent(name: str) -> None:
    once = screening_fold(name)
    assert screening_fold(once) == once


@given(st.text(max_size=60))
def test_tokens_are_folded_ascii_for_latin_cyrillic_greek(name: str) -> None:
    for token, _ in name_parts(name):
        assert token == screening_fold(token)
        assert " " not in token
        assert token


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,'-ABCDEFGHIJ", max_size=40))
def test_ascii_fast_path_agrees_with_fold(name: str) -> None:
    # the fast path for ASCII must read a name exactly as normalise_name does
    assert " ".join(sorted(_without(screening_fold(name)))) == normalise_name(name)


def _without(folded: str) -> list[str]:
    words = folded.split()
    kept = [w for w in words if w not in LEGAL_FORMS]
    return kept or words


@given(_WORDS, st.randoms())
def test_word_order_is_ignored(words: list[str], rnd: random.Random) -> None:
    shuffled = list(words)
    rnd.shuffle(shuffled)
    assert tokens(" ".join(words)) == tokens(" ".join(shuffled))


@given(_WORDS)
def test_case_is_ignored(words: list[str]) -> None:
    name = " ".join(words)
    assert tokens(name.upper()) == tokens(name.title()) == tokens(name)


@given(st.lists(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8))
def test_accents_are_ignored(letters: list[str]) -> None:
    plain = "".join(letters)
    accented = "".join(ch + "\u0301" for ch in letters)
    assert tokens(accented) == tokens(plain)
    assert phonetic_key(tokens(accented)[0]) == phonetic_key(plain)


@given(_WORDS, st.sampled_from(sorted(LEGAL_FORMS)))
def test_legal_forms_are_ignored(words: list[str], form: str) -> None:
    # a name made only of legal-form words (e.g. "stok", a screening-only form) keeps them all
    if set(words) - SCREENING_LEGAL_FORMS:
        name = " ".join(words)
        assert tokens(f"{form.upper()} {name}") == tokens(name)
        assert tokens(f"{name}, {form}") == tokens(name)


@given(st.text(alphabet="abdefgilmnoprvu", min_size=1, max_size=12))
def test_phonetic_key_ignores_doubled_letters_and_later_vowels(token: str) -> None:
    # letters that form no digraph: doubling a consonant or changing a later vowel is silent
    doubled = "".join(ch * 2 if ch not in "aeiou" else ch for ch in token)
    assert phonetic_key(doubled) == phonetic_key(token)
    revowelled = token[0] + "".join("o" if ch in "aeiu" else ch for ch in token[1:])
    assert phonetic_key(revowelled) == phonetic_key(token)


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Павел Алексеевич Маринычев", "Pavel Alekseevich MARINYCHEV"),
        ("АЛРОСА", "PJSC Alrosa"),
        ("ПАО «АЛРОСА»", "Alrosa"),
        ("Алмазы Анабара", "Almazy Anabara JSC"),
        ("АО «Алмазы Анабара»", "ALMAZY ANABARA"),
        ("Олег Дерипаска", "Oleg DERIPASKA"),
        ("Сергей Иванов", "Sergei IVANOV"),
    ],
)
def test_cyrillic_reads_as_its_latin_transliteration(cyrillic: str, latin: str) -> None:
    assert [phonetic_key(t) for t in tokens(cyrillic)] == [phonetic_key(t) for t in tokens(latin)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("marinychev", "marinichev"),
        ("alexeyevich", "alekseevich"),
        ("sergei", "sergey"),
        ("khodorkovsky", "hodorkovskiy"),
        ("tchaikovsky", "chaikovskiy"),
        ("ivanov", "ivanoff"),
        ("yevgeny", "yevgeniy"),
        ("schmidt", "shmidt"),
    ],
)
def test_phonetic_key_folds_transliteration_variants(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b)


@pytest.mark.parametrize(("a", "b"), [("first", "north"), ("petrov", "ivanov"), ("alrosa", "rosa")])
def test_phonetic_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert phonetic_key(a) != phonetic_key(b)


def test_greek_is_transliterated() -> None:
    assert tokens("Αλέξης Τσίπρας", person=True) == ["alexis", "tsipras"]


def test_family_name_detection() -> None:
    assert name_parts("MARINYCHEV, Pavel", person=True) == [("marinychev", True), ("pavel", False)]
    assert name_parts("Pavel MARINYCHEV", person=True) == [("pavel", False), ("marinychev", True)]
    assert name_parts("pavel marinychev", person=True) == [("pavel", False), ("marinychev", True)]
    assert name_parts("Pavel Marinychev") == [("pavel", False), ("marinychev", False)]
    assert name_parts("ООО", person=False) == [("ooo", False)]
