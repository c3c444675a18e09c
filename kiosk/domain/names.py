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
    # Letters with a mark the tables do not list (Cyrillic "ѐ", "ӣ"; Latin "ǽ", "ǿ") leave their
    # base letter only now: transliterate and fold again, so folding is stable
    # (fold(fold(x)) == fold(x)).
    text = transliterate(text).translate(_LATIN_EXTRA)
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


# ---- Screening: name parts, Greek, phonetic keys ----------------------------------------------

_GREEK = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}
_GREEK_TABLE = str.maketrans(_GREEK)
_ASCII_NON_WORD = re.compile(r"[^a-z0-9]+")

GENERIC_TOKENS: frozenset[str] = frozenset(
    {
        # words of company names that say nothing about who it is
        "trading",
        "trade",
        "traders",
        "diamond",
        "diamonds",
        "almaz",
        "almazy",
        "gems",
        "gem",
        "jewellery",
        "jewelry",
        "group",
        "holding",
        "holdings",
        "international",
        "intl",
        "global",
        "general",
        "enterprise",
        "enterprises",
        "industries",
        "industry",
        "industrial",
        "services",
        "service",
        "investment",
        "investments",
        "import",
        "export",
        "bank",
        "concern",
        "firm",
        "partners",
        "national",
        "first",
        "new",
        "of",
        "and",
        "for",
        "in",
        "de",
        "la",
        "le",
        "des",
        "du",
        "van",
        "der",
        "den",
        # very frequent parts of personal names
        "al",
        "el",
        "bin",
        "ibn",
        "abu",
        "abd",
        "abdul",
        "mohammed",
        "mohammad",
        "muhammad",
        "mohamed",
        "muhammed",
        "ali",
        "ahmed",
        "ahmad",
        "hassan",
        "hussein",
    }
)
"""Tokens that are too common to identify anyone: they weigh little and never match alone."""


def screening_fold(text: str) -> str:
    """``fold`` with Greek transliterated too (and a fast path for plain ASCII text)."""
    if text.isascii():
        text = text.lower()
        if "'" in text or "`" in text or "." in text:
            text = _APOSTROPHES.sub("", text)
            text = _DOTTED_ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)
        return " ".join(_ASCII_NON_WORD.sub(" ", text).split())
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return fold(text.translate(_GREEK_TABLE))


SCREENING_LEGAL_FORMS: frozenset[str] = LEGAL_FORMS | frozenset(
    {
        # legal forms as a Russian text writes the English ones (transliterated back)
        "ko",
        "llk",
        "ltd",
        "limitid",
        "kompani",
        "kompany",
        "kompaniia",
        "kompaniya",
        "korporeishn",
        "dzhoint",
        "stok",
        "stokk",
        "inkorporeited",
        "obshchestvo",
        "obschestvo",
        "obshestvo",
        "aktsionernoe",
        "aktsionernoye",
        "aktsionernyi",
        "aktsionerny",
        "publichnoye",
        "otkrytoye",
        "zakrytoye",
        "tovarystvo",
        "tavarystva",
    }
)
"""Legal-form words dropped for screening (``normalise_name`` keeps its own ``LEGAL_FORMS``)."""


def _without_legal_forms(tokens: list[str]) -> list[str]:
    kept = [t for t in tokens if t not in SCREENING_LEGAL_FORMS]
    return kept or tokens


def name_parts(name: str, person: bool = False) -> list[tuple[str, bool]]:
    """The comparable parts of a name, each with whether it is a family name.

    Words are folded as for ``normalise_name`` (Greek transliterated as well) and legal-form
    words dropped. For a person the family name is the part before a comma ("MARINYCHEV,
    Pavel"), else the words written in capitals among others that are not ("Pavel
    MARINYCHEV"), else the last word. Entities have no family name.

    Args:
        name: The name as written.
        person: Whether the name is a person's.

    Returns:
        ``(token, is_family)`` pairs in written order; empty when nothing is left.
    """
    if not person:
        return [(t, False) for t in _without_legal_forms(screening_fold(name).split())]
    if "," in name:
        family_raw, _, given_raw = name.partition(",")
        family = screening_fold(family_raw).split()
        given = screening_fold(given_raw).split()
        if family and given:
            return [(t, True) for t in family] + [(t, False) for t in given]
        tokens = family + given
        return [(t, i == len(tokens) - 1) for i, t in enumerate(tokens)]
    words = name.split()
    capitals = [len(w) > 1 and w.isupper() for w in words]
    if any(capitals) and not all(capitals):
        parts: list[tuple[str, bool]] = []
        for word, is_capital in zip(words, capitals, strict=True):
            parts.extend((t, is_capital) for t in screening_fold(word).split())
        return parts
    tokens = screening_fold(name).split()
    return [(t, i == len(tokens) - 1) for i, t in enumerate(tokens)]


_PHONETIC_STEPS: tuple[tuple[str, str], ...] = (
    ("shch", "S"),
    ("sch", "S"),
    ("tch", "C"),
    ("dzh", "J"),
    ("sh", "S"),
    ("ch", "C"),
    ("zh", "J"),
    ("kh", "H"),
    ("dj", "J"),
    ("ph", "F"),
    ("th", "T"),
    ("ck", "K"),
    ("ts", "Z"),
    ("tz", "Z"),
    ("cz", "C"),
    ("ks", "X"),
    ("x", "X"),
    ("q", "K"),
    ("w", "V"),
    ("j", "J"),
)
_PHONETIC_LETTERS = str.maketrans(
    {
        "b": "B",
        "d": "D",
        "f": "V",
        "g": "G",
        "h": "H",
        "k": "K",
        "l": "L",
        "m": "M",
        "n": "N",
        "p": "P",
        "r": "R",
        "s": "S",
        "t": "T",
        "v": "V",
        "z": "Z",
    }
)
_SOFT_C = re.compile(r"c(?=[eiy])")


def _sounds(token: str) -> str:
    """Digraphs unified (upper-case consonant classes), vowels kept lower-case, y read as i."""
    text = _SOFT_C.sub("s", token)
    for old, new in _PHONETIC_STEPS:
        if old in text:
            text = text.replace(old, new)
    text = text.replace("c", "K").replace("dJ", "J").replace("tC", "C")
    return text.translate(_PHONETIC_LETTERS).replace("y", "i")


def spelling_key(token: str) -> str:
    """A token spelt the same way whatever the transliteration: ``jihad`` = ``dzhikhad``.

    Like ``phonetic_key`` but the vowels stay, so that it can be compared letter by letter
    (Jaro-Winkler) to tell ``staut`` from ``sitti`` although both sound ``STT``.
    """
    out: list[str] = []
    for ch in _sounds(token):
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def phonetic_key(token: str) -> str:
    """A sound-alike key of one folded token, metaphone-like, tuned to transliterated names.

    Spelling variants of the same sound give the same key: ``kh``/``h``, ``ch``/``tch``,
    ``ks``/``x``, ``f``/``v``/``ff``, ``ey``/``ei``/``iy``/``y``, doubled letters, and any
    vowels after the first letter. Digits are kept as they are.

    Args:
        token: One token as ``name_parts`` gives it (lower-case ASCII letters and digits).

    Returns:
        The key (upper-case), or ``""`` for an empty token.
    """
    if not token:
        return ""
    if token.isdigit():
        return token
    text = _sounds(token)
    out: list[str] = ["A"] if text[0] in "aeiou" else []
    for ch in text:
        if ch.islower():  # a vowel, y or any letter left over: silent after the first
            continue
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)
