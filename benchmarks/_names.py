"""Names for the screening benchmarks: the real OFAC ALT list, synthetic padding, variants."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

from kiosk.domain.models import ListedParty

LISTS_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "lists"
OFAC_ALT = LISTS_DIR / "ofac-alt-2025.csv"
FALLBACK = Path(__file__).resolve().parent / "data" / "screening_names.csv"

LEGAL_FORMS = ("LLC", "JSC", "PJSC", "Ltd", "OOO", "AO", "Limited", "GmbH", "S.A.", "Co.")

_TO_CYRILLIC = [
    ("shch", "щ"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("yu", "ю"),
    ("ya", "я"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("y", "ы"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("c", "к"),
    ("j", "дж"),
    ("q", "к"),
    ("w", "в"),
    ("x", "кс"),
]
_SPELLING = [("ks", "x"), ("kh", "h"), ("ey", "ei"), ("iy", "y"), ("ch", "tch"), ("v", "ff")]


def real_parties() -> list[ListedParty]:
    """Parties of the OFAC ALT file (one per entity number; persons are "FAMILY, Given")."""
    path = OFAC_ALT if OFAC_ALT.exists() else FALLBACK
    names: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) < 4 or not row[0].strip().isdigit():
                continue
            name = row[3].strip()
            if name and name != "-0-":
                names.setdefault(row[0].strip(), []).append(name)
    parties = []
    for ent, aliases in names.items():
        kind = "person" if ", " in aliases[0] else "entity"
        parties.append(
            ListedParty("OFAC ALT", ent, aliases[0], aliases=tuple(aliases[1:]), kind=kind)
        )
    return parties


def token_pools(parties: list[ListedParty]) -> tuple[list[str], list[str], list[str]]:
    """Family-name, given-name and entity-word pools (with repeats: real frequencies)."""
    family: list[str] = []
    given: list[str] = []
    entity: list[str] = []
    for party in parties:
        for name in (party.name, *party.aliases):
            if party.kind == "person" and ", " in name:
                head, _, tail = name.partition(", ")
                family += head.split()
                given += tail.split()
            else:
                entity += [w for w in name.split() if w.upper() not in LEGAL_FORMS]
    return family, given, entity


def synthetic_parties(
    parties: list[ListedParty], aliases_wanted: int, seed: int = 7
) -> Iterator[ListedParty]:
    """Parties made of real tokens until ``aliases_wanted`` names (3 per party) are reached."""
    rnd = random.Random(seed)
    family, given, entity = token_pools(parties)
    made = 0
    number = 0
    while made < aliases_wanted:
        number += 1
        if rnd.random() < 0.5:
            fam = rnd.choice(family)
            first = rnd.choice(given)
            middle = rnd.choice(given)
            names = (f"{fam}, {first} {middle}", f"{first} {fam}", f"{middle} {fam}")
            kind = "person"
        else:
            words = [rnd.choice(entity) for _ in range(rnd.randint(1, 3))]
            base = " ".join(words)
            extra = rnd.choice(entity)
            names = (base, f"{base} {extra} {rnd.choice(LEGAL_FORMS)}", f"{extra} {words[0]}")
            kind = "entity"
        take = min(3, aliases_wanted - made)
        made += take
        yield ListedParty("SYNTHETIC", f"S{number}", names[0], aliases=names[1:take], kind=kind)


def to_cyrillic(name: str) -> str:
    """A Latin name written in Cyrillic letters (the way a Russian document would)."""
    out = name.lower()
    for latin, cyrillic in _TO_CYRILLIC:
        out = out.replace(latin, cyrillic)
    return out


def typo(name: str, rnd: random.Random) -> str:
    """One letter changed, dropped, doubled or swapped in one long word (not its first)."""
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not long:
        return name
    i = rnd.choice(long)
    word = words[i]
    j = rnd.randrange(2, len(word) - 1)
    kind = rnd.randrange(4)
    if kind == 0:
        word = word[:j] + rnd.choice("aeiourstnl") + word[j + 1 :]
    elif kind == 1:
        word = word[:j] + word[j + 1 :]
    elif kind == 2:
        word = word[:j] + word[j] + word[j:]
    else:
        word = word[: j - 1] + word[j] + word[j - 1] + word[j + 1 :]
    words[i] = word
    return " ".join(words)


def respell(name: str) -> str:
    """Transliteration variants: ks/x, kh/h, ey/ei, iy/y, ch/tch, v/ff."""
    out = name.lower()
    for a, b in _SPELLING:
        if a in out:
            return out.replace(a, b, 1)
    return out


def reorder(name: str, rnd: random.Random) -> str:
    """Words in another order ("FAMILY, Given" becomes "Given FAMILY")."""
    if ", " in name:
        head, _, tail = name.partition(", ")
        return f"{tail} {head}"
    words = name.split()
    rnd.shuffle(words)
    return " ".join(words)


def legal_form(name: str, rnd: random.Random) -> str:
    """Another legal form added in front or behind."""
    form = rnd.choice(LEGAL_FORMS)
    return f"{form} {name}" if rnd.random() < 0.5 else f"{name}, {form}"
