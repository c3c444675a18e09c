"""Name normalisation for screening: the same person or company written differently compares equal.

``normalise_name`` folds case and accents, transliterates Cyrillic, drops punctuation and
legal-form words (PJSC, PAO, AO, OOO, LLC, ...), and sorts the remaining words, so that
"Alrosa, PJSC", "ПАО АЛРОСА" and "pjsc alrosa" all give ``"alrosa"``. Dotted abbreviations
("P.J.S.C.", "S.A.") are read as one word, apostrophes join ("O'Brien" = "OBrien"), and letters
that Unicode does not decompose (ø, ł, đ, æ, œ, þ, ı) are folded to Latin ones.
"""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "і": "i",
    "ї": "i",
    "є": "ie",
    "ґ": "g",
    "ў": "u",
}

LEGAL_FORMS: frozenset[str] = frozenset(
    {
        "pjsc",
        "pao",
        "ao",
        "oao",
        "zao",
        "ooo",
        "llc",
        "ltd",
        "limited",
        "inc",
        "corp",
        "corporation",
        "jsc",
        "ojsc",
        "cjsc",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "sarl",
        "bv",
        "nv",
        "bvba",
        "srl",
        "spa",
        "ak",
        "pte",
        "co",
        "company",
        "llp",
        "lp",
        "fze",
        "fzco",
        "dmcc",
        "public",
        "joint",
        "stock",
        "closed",
        "open",
        "the",
        # further legal forms met on the sanctions lists and in the diamond trade
        "pty",
        "pvt",
        "ltda",
        "kg",
        "sprl",
        "sas",
        "bhd",
        "sdn",
        "tov",
        "fzc",
        "fzllc",
        "incorporated",
        "obshchestvo",
        "aktsionernoe",
        "publichnoe",
        "otkrytoe",
        "zakrytoe",
        "ogranichennoi",
        "otvetstvennostiu",
    }
)

# Latin letters that NFKD does not split into a base letter and an accent.
_LATIN_EXTRA = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "ı": "i",
        "ŀ": "l",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ß": "ss",
    }
)

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`´](?=\w)")
_DOTTED_ABBREVIATION = re.compile(r"(?<![\w.])[^\W\d_](?:\.[^\W\d_])+\.?(?![\w])")


def transliterate(text: str) -> str:
    """Latin letters for Cyrillic ones (a simple, stable scheme); other text unchanged."""
    return "".join(_CYRILLIC.get(ch, ch) for ch in text)


def fold(text: str) -> str:
    """Lower case, Cyrillic transliterated, accents removed, punctuation turned into spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = transliterate(text).translate(_LATIN_EXTRA)
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    text = _APOSTROPHES.sub("", text)
    text = _DOTTED_ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def name_tokens(name: str) -> list[str]:
    """The folded words of a name without legal-form words (kept if nothing else is left)."""
    tokens = fold(name).split()
    kept = [t for t in tokens if t not in LEGAL_FORMS]
    return kept or tokens


def normalise_name(name: str) -> str:
    """The comparison key of a name: folded words without legal forms, in sorted order."""
    return " ".join(sorted(name_tokens(name)))
