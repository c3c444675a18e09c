"""An in-memory index of listed names for fuzzy screening: candidates by token, score, explain."""

from __future__ import annotations

import heapq
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from kiosk.domain.models import ListedParty
from kiosk.domain.names import (
    GENERIC_TOKENS,
    SCREENING_LEGAL_FORMS,
    name_parts,
    phonetic_key,
    spelling_key,
)

PREFIX_LENGTH = 4
"""Tokens sharing this many first letters are candidates for each other."""

MIN_TOKEN_SIMILARITY = 0.80
"""Jaro-Winkler similarity below which two tokens are not aligned at all."""

PHONETIC_SIMILARITY = 0.95
"""The similarity of two different spellings with the same phonetic key."""

FAMILY_WEIGHT = 1.3
"""Weight of a family-name part against 1.0 for other parts (logic-v2)."""

GENERIC_WEIGHT = 0.3
"""Weight of a generic token (stop word, frequent word, initial) against 1.0."""

UNMATCHED_QUERY_WEIGHT = 0.8
"""Share of an unmatched query part's weight that counts against the score."""

UNMATCHED_LISTED_WEIGHT = 0.2
"""Share of an unmatched listed part's weight that counts against the score."""

GENERIC_ONLY_CAP = 0.5
"""The most a name scores when only generic tokens align."""

WEAK_ALIAS_CAP = 0.5
"""The most a weak alias scores alone: it never alerts by itself."""

WEAK_ALIAS_CONFIRMED_CAP = 0.8
"""The most a weak alias scores when the birth date or country confirms it (logic-v2)."""

COUNTRY_MISMATCH = 0.20
KIND_MISMATCH = 0.20
BIRTH_YEAR_DISJOINT = 0.40
BIRTH_DAY_DISJOINT = 0.25

GENERIC_SHARE = 0.002
"""A token in more than this share of all names (and at least ``GENERIC_MIN_NAMES``) is generic."""

GENERIC_MIN_NAMES = 200
MAX_GENERIC_POSTINGS = 5_000
"""Generic tokens with more names than this add weight to candidates but do not find new ones."""

POOL_MIN = 30
"""The fewest candidate names scored per query (more when ``limit`` asks for more)."""

RETRIEVAL_BUDGET = 2_000
"""The most names gathered through the query's rarer tokens."""

FREQUENT_SCAN = 2_500
"""For a query of frequent words only: how many of the shortest names per word are looked at."""

RANK_SCAN = 10_000
"""The most names looked at to rank candidates by the query's frequent words (rarest first)."""

_WEAK = 1
_PERSON = 2


@dataclass(slots=True)
class _Query:
    """A query's tokens with their phonetic keys, weights and similarities found so far."""

    tokens: list[str]
    keys: list[str]
    spellings: list[str]
    weights: list[float]
    known: list[dict[int, float]]


@dataclass(frozen=True, slots=True)
class AlignedToken:
    """One part of the query aligned with one part of the listed name (either may be empty)."""

    query: str
    listed: str
    similarity: float
    weight: float


@dataclass(frozen=True, slots=True)
class Candidate:
    """A listed party that may be the one screened, with the evidence for it.

    ``alias`` is ``"name"`` (the listed name), ``"strong"`` or ``"weak"``; ``name_score``
    the score of the names alone, ``score`` after the qualifiers (country, birth date, type)
    and the caps for weak aliases and generic words; ``qualifiers`` say what moved it.
    """

    party: ListedParty
    matched_name: str
    alias: str
    score: float
    name_score: float
    aligned: tuple[AlignedToken, ...]
    qualifiers: tuple[str, ...]

    def explain(self) -> str:
        """One line: which name of which listing, score, aligned parts, qualifiers."""
        what = "listed name" if self.alias == "name" else f"{self.alias} alias"
        pairs = ", ".join(
            f"{a.query or '-'}~{a.listed or '-'} {a.similarity:.2f}" for a in self.aligned
        )
        text = (
            f'{self.party.list_name} {self.party.list_id} "{self.party.name}" by its {what} '
            f'"{self.matched_name}" score {self.score:.2f} (name {self.name_score:.2f}; {pairs})'
        )
        if self.qualifiers:
            text += "; " + "; ".join(self.qualifiers)
        return text


def _birth_year(text: str) -> int | None:
    head = text.strip()[:4]
    return int(head) if len(head) == 4 and head.isdigit() else None


class NameIndex:
    """Listed names in compact arrays with an inverted index of tokens, phonetic keys, prefixes.

    Build it once per data version with ``NameIndex.build``; ``query`` is then read-only and
    safe to call from any thread.
    """

    def __init__(self) -> None:
        """An empty index (use ``build``)."""
        self._parties: list[ListedParty] = []
        self._by_list_id: dict[str, list[int]] = {}
        # per name id
        self._name_party = array("I")
        self._name_slot = array("I")
        self._name_flags = array("B")
        self._name_start = array("I", [0])
        # per token occurrence (flattened, sliced by _name_start)
        self._occ_token = array("I")
        self._occ_family = array("B")
        # vocabulary
        self._vocab: dict[str, int] = {}
        self._tokens: list[str] = []
        self._phonetic: list[str] = []
        self._spelling: list[str] = []
        self._postings: list[array[int]] = []
        self._by_phonetic: dict[str, array[int]] = {}
        self._by_prefix: dict[str, array[int]] = {}
        self._generic = bytearray()

    # ---- building ---------------------------------------------------------------------------

    @classmethod
    def build(cls, parties: Iterable[ListedParty]) -> NameIndex:
        """Index the names, strong aliases and weak aliases of listed parties.

        Args:
            parties: Any iterable of listed parties (read once).

        Returns:
            The index.
        """
        index = cls()
        for party in parties:
            index._add(party)
        index._finish()
        return index

    def _token_id(self, token: str) -> int:
        tid = self._vocab.get(token)
        if tid is None:
            tid = len(self._tokens)
            self._vocab[token] = tid
            self._tokens.append(token)
            self._postings.append(array("I"))
        return tid

    def _add(self, party: ListedParty) -> None:
        pid = len(self._parties)
        self._parties.append(party)
        self._by_list_id.setdefault(party.list_id, []).append(pid)
        person = party.kind == "person"
        names = (party.name, *party.aliases, *party.weak_aliases)
        first_weak = 1 + len(party.aliases)
        seen: set[tuple[str, ...]] = set()
        for slot, name in enumerate(names):
            parts = name_parts(name, person)
            key = tuple(sorted(t for t, _ in parts))
            if not parts or key in seen:
                continue
            seen.add(key)
            nid = len(self._name_party)
            self._name_party.append(pid)
            self._name_slot.append(slot)
            self._name_flags.append((_WEAK if slot >= first_weak else 0) | (_PERSON * person))
            for token, family in parts:
                tid = self._token_id(token)
                self._occ_token.append(tid)
                self._occ_family.append(family)
                posting = self._postings[tid]
                if not posting or posting[-1] != nid:
                    posting.append(nid)
            self._name_start.append(len(self._occ_token))

    def _finish(self) -> None:
        names = len(self._name_party)
        threshold = max(GENERIC_MIN_NAMES, int(names * GENERIC_SHARE))
        by_phonetic: dict[str, list[int]] = {}
        by_prefix: dict[str, list[int]] = {}
        self._generic = bytearray(len(self._tokens))
        for tid, token in enumerate(self._tokens):
            key = phonetic_key(token)
            self._phonetic.append(key)
            self._spelling.append(spelling_key(token))
            if len(key) >= 2:
                by_phonetic.setdefault(key, []).append(tid)
            by_prefix.setdefault(token[:PREFIX_LENGTH], []).append(tid)
            self._generic[tid] = (
                token in GENERIC_TOKENS or len(token) == 1 or len(self._postings[tid]) > threshold
            )
        lengths = [b - a for a, b in zip(self._name_start, self._name_start[1:], strict=False)]
        for tid, posting in enumerate(self._postings):
            if len(posting) > FREQUENT_SCAN // 10:  # shortest names first
                self._postings[tid] = array("I", sorted(posting, key=lengths.__getitem__))
        self._by_phonetic = {k: array("I", v) for k, v in by_phonetic.items()}
        self._by_prefix = {k: array("I", v) for k, v in by_prefix.items()}

    # ---- facts ------------------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of distinct names indexed (names and aliases)."""
        return len(self._name_party)

    @property
    def party_count(self) -> int:
        """The number of listed parties indexed."""
        return len(self._parties)

    @property
    def vocabulary_size(self) -> int:
        """The number of distinct tokens."""
        return len(self._tokens)

    def party_at(self, position: int) -> ListedParty:
        """The listed party at ``position`` (0 to ``party_count`` - 1, in the order indexed)."""
        return self._parties[position]

    def parties_with_id(self, list_id: str) -> tuple[ListedParty, ...]:
        """The listed parties with this list id (on any list)."""
        return tuple(self._parties[i] for i in self._by_list_id.get(list_id, ()))

    def owners_of(self, party: ListedParty) -> tuple[ListedParty, ...]:
        """The listed parties named as owning 50% or more of ``party`` that are in the index."""
        return tuple(owner for lid in party.owners for owner in self.parties_with_id(lid))

    def is_generic(self, token: str) -> bool:
        """Whether a folded token is too common to identify anyone."""
        tid = self._vocab.get(token)
        if tid is not None:
            return bool(self._generic[tid])
        return token in GENERIC_TOKENS or len(token) == 1

    # ---- querying ---------------------------------------------------------------------------

    def _expand(self, token: str) -> dict[int, float]:
        """Vocabulary tokens close to ``token`` with their similarity."""
        found: dict[int, float] = {}
        exact = self._vocab.get(token)
        if exact is not None:
            found[exact] = 1.0
        key = phonetic_key(token)
        if len(key) >= 2:
            spelling = spelling_key(token)
            for tid in self._by_phonetic.get(key, ()):
                if tid != exact:
                    sim = self._sounds_alike(token, spelling, tid)
                    if sim >= MIN_TOKEN_SIMILARITY:
                        found[tid] = sim
        if len(token) >= PREFIX_LENGTH:
            pool = [
                tid for tid in self._by_prefix.get(token[:PREFIX_LENGTH], ()) if tid not in found
            ]
            if pool:
                choices = [self._tokens[tid] for tid in pool]
                for _, sim, i in process.extract(
                    token,
                    choices,
                    scorer=JaroWinkler.normalized_similarity,
                    score_cutoff=MIN_TOKEN_SIMILARITY,
                    limit=None,
                ):
                    found[pool[i]] = sim
        return found

    def _sounds_alike(self, token: str, spelling: str, tid: int) -> float:
        """Similarity of two tokens with the same phonetic key: the closer of the spellings."""
        sim = JaroWinkler.normalized_similarity(token, self._tokens[tid])
        unified = JaroWinkler.normalized_similarity(spelling, self._spelling[tid])
        return max(sim, min(PHONETIC_SIMILARITY, unified))

    def _similarity(self, query: _Query, qi: int, tid: int) -> float:
        known = query.known[qi]
        sim = known.get(tid)
        if sim is None:
            token = query.tokens[qi]
            key = query.keys[qi]
            if len(key) >= 2 and self._phonetic[tid] == key:
                sim = self._sounds_alike(token, query.spellings[qi], tid)
            else:
                sim = JaroWinkler.normalized_similarity(token, self._tokens[tid])
            known[tid] = sim
        return sim

    def query(
        self,
        name: str,
        kind: str | None = None,
        country: str | None = None,
        birth_date: str | None = None,
        limit: int = 50,
        *,
        cutoff: float = 0.5,
    ) -> list[Candidate]:
        """The listed parties whose names come closest to ``name``, best first.

        Args:
            name: The name to screen, in any script.
            kind: ``"person"`` or ``"entity"`` if known; a different listed type scores less.
            country: ISO 3166 alpha-2 code of the party's country, if known.
            birth_date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, if known.
            limit: The most candidates to return.
            cutoff: Candidates scoring less are left out.

        Returns:
            One candidate per listed party (its best name), highest score first.

        Raises:
            ValueError: ``kind``, ``country`` or ``birth_date`` is malformed, or ``limit`` < 1.
        """
        if kind is not None and kind not in ("person", "entity"):
            raise ValueError(f"type must be person or entity, got {kind!r}")
        if country is not None:
            country = country.strip().upper()
            if len(country) != 2 or not country.isalpha():
                raise ValueError(
                    f"country must be a two-letter ISO code such as RU, got {country!r}"
                )
        if birth_date is not None and _birth_year(birth_date) is None:
            raise ValueError(f"birth date must be YYYY, YYYY-MM or YYYY-MM-DD, got {birth_date!r}")
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit}")
        tokens = list(dict.fromkeys(t for t, _ in name_parts(name, kind == "person")))
        if not tokens or all(t in SCREENING_LEGAL_FORMS for t in tokens) or not self._tokens:
            return []
        known = [self._expand(t) for t in tokens]
        query = _Query(
            tokens=tokens,
            keys=[phonetic_key(t) for t in tokens],
            spellings=[spelling_key(t) for t in tokens],
            weights=[GENERIC_WEIGHT if self.is_generic(t) else 1.0 for t in tokens],
            known=known,
        )
        pool = self._retrieve(query, limit)
        best: dict[int, Candidate] = {}
        for nid in pool:
            candidate = self._score(nid, query, cutoff, kind, country, birth_date)
            if candidate is None or candidate.score < cutoff:
                continue
            pid = self._name_party[nid]
            held = best.get(pid)
            if held is None or candidate.score > held.score:
                best[pid] = candidate
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.party.list_name, c.party.list_id))
        return ranked[:limit]

    def _retrieve(self, query: _Query, limit: int) -> list[int]:
        """Candidate names: those sharing the query's rarer tokens, best-sharing first.

        Query tokens are taken rarest first while their names fit in ``RETRIEVAL_BUDGET``;
        the frequent and generic ones then only rank those candidates. A query of frequent
        words alone looks at the shortest names holding its two rarest words.
        """
        size = max(2 * limit, POOL_MIN)
        order = sorted(
            (sum(len(self._postings[t]) for t in close), qi) for qi, close in enumerate(query.known)
        )
        ranked: Counter[int] = Counter()
        spent = 0
        rest: list[int] = []
        for total, qi in order:
            if query.weights[qi] < 1.0 or spent + total > RETRIEVAL_BUDGET:
                rest.append(qi)
                continue
            spent += total
            names: set[int] = set()
            near: set[int] = set()
            same: set[int] = set()
            for tid, sim in query.known[qi].items():
                names.update(self._postings[tid])
                if sim >= PHONETIC_SIMILARITY:
                    near.update(self._postings[tid])
                    if sim >= 1.0:
                        same.update(self._postings[tid])
            ranked.update(names)  # one for a close token, two for a near-identical one,
            ranked.update(near)  # three for the same token
            ranked.update(same)
        if not ranked:
            rest.sort(key=lambda qi: query.weights[qi] < 1.0)  # stable: rarest first within
            for qi in rest[:2]:
                shortest: set[int] = set()
                closest_first = sorted(query.known[qi].items(), key=itemgetter(1), reverse=True)
                for tid, _ in closest_first:
                    shortest.update(self._postings[tid][: FREQUENT_SCAN - len(shortest)])
                    if len(shortest) >= FREQUENT_SCAN:
                        break
                ranked.update(shortest & ranked.keys() if ranked else shortest)
            rest = rest[2:]
        if len(ranked) > size:
            rank_budget = RANK_SCAN
            for qi in rest:  # the other words rank the candidates, unless they are everywhere
                tids = query.known[qi]
                cost = sum(len(self._postings[t]) for t in tids)
                if cost <= rank_budget:
                    rank_budget -= cost
                    holders: set[int] = set()
                    for tid in tids:
                        holders.update(self._postings[tid])
                    ranked.update(holders & ranked.keys())
        if len(ranked) <= size:
            return list(ranked)
        return [nid for nid, _ in heapq.nlargest(size, ranked.items(), key=itemgetter(1))]

    def _weight(self, tid: int) -> float:
        return GENERIC_WEIGHT if self._generic[tid] else 1.0

    def _score(
        self,
        nid: int,
        query: _Query,
        cutoff: float,
        kind: str | None,
        country: str | None,
        birth_date: str | None,
    ) -> Candidate | None:
        start, end = self._name_start[nid], self._name_start[nid + 1]
        listed = self._occ_token[start:end]
        family = self._occ_family[start:end]
        if all(self._tokens[t] in SCREENING_LEGAL_FORMS for t in listed):
            return None
        tokens = query.tokens
        pairs: list[tuple[float, int, int]] = []
        for qi, known in enumerate(query.known):
            for ci, tid in enumerate(listed):
                sim = known.get(tid)
                if sim is None:
                    sim = self._similarity(query, qi, tid)
                if sim >= MIN_TOKEN_SIMILARITY:
                    pairs.append((sim, qi, ci))
        if not pairs:
            return None
        pairs.sort(reverse=True)
        used_q: set[int] = set()
        used_c: set[int] = set()
        matched: list[tuple[int, int, float, float]] = []
        numerator = 0.0
        denominator = 0.0
        strong_match = False
        for sim, qi, ci in pairs:
            if qi in used_q or ci in used_c:
                continue
            used_q.add(qi)
            used_c.add(ci)
            tid = listed[ci]
            weight = min(query.weights[qi], self._weight(tid))
            if family[ci]:
                weight *= FAMILY_WEIGHT
            strong_match = strong_match or weight >= 1.0
            adjusted = 1.0 if sim >= 1.0 else max(0.0, 1.0 - 2.5 * (1.0 - sim))
            if sim >= PHONETIC_SIMILARITY:
                adjusted = max(adjusted, PHONETIC_SIMILARITY)
            numerator += weight * adjusted
            denominator += weight
            matched.append((qi, ci, adjusted, weight))
        unmatched_q = [qi for qi in range(len(tokens)) if qi not in used_q]
        unmatched_c = [ci for ci in range(len(listed)) if ci not in used_c]
        for qi in unmatched_q:
            denominator += UNMATCHED_QUERY_WEIGHT * query.weights[qi]
        for ci in unmatched_c:
            weight = self._weight(listed[ci]) * (FAMILY_WEIGHT if family[ci] else 1.0)
            denominator += UNMATCHED_LISTED_WEIGHT * weight
        name_score = numerator / denominator
        if name_score < cutoff or (not strong_match and cutoff > GENERIC_ONLY_CAP):
            return None  # qualifiers and caps only lower a score
        aligned = [
            AlignedToken(tokens[qi], self._tokens[listed[ci]], round(adjusted, 3), weight)
            for qi, ci, adjusted, weight in matched
        ]
        aligned += [AlignedToken(tokens[qi], "", 0.0, query.weights[qi]) for qi in unmatched_q]
        aligned += [
            AlignedToken(
                "",
                self._tokens[listed[ci]],
                0.0,
                self._weight(listed[ci]) * (FAMILY_WEIGHT if family[ci] else 1.0),
            )
            for ci in unmatched_c
        ]
        party = self._parties[self._name_party[nid]]
        qualifiers: list[str] = []
        score = name_score
        if not strong_match and name_score > GENERIC_ONLY_CAP:
            score = GENERIC_ONLY_CAP
            qualifiers.append(f"only generic words align: at most {GENERIC_ONLY_CAP:.2f}")
        if kind is not None and party.kind in ("person", "entity") and party.kind != kind:
            score -= KIND_MISMATCH
            qualifiers.append(f"type {kind} vs listed {party.kind}: -{KIND_MISMATCH:.2f}")
        confirmed: list[str] = []
        if country is not None and party.countries:
            if country in party.countries:
                confirmed.append(f"country {country} agrees")
            else:
                score -= COUNTRY_MISMATCH
                listed_countries = ",".join(party.countries)
                qualifiers.append(
                    f"country {country} vs listed {listed_countries}: -{COUNTRY_MISMATCH:.2f}"
                )
        if birth_date is not None and party.birth_dates:
            change, note = _compare_birth(birth_date.strip(), party.birth_dates)
            if change:
                score -= change
                qualifiers.append(f"{note}: -{change:.2f}")
            elif note:
                confirmed.append(note)
                qualifiers.append(note + " (confirms, does not raise the score)")
        slot = self._name_slot[nid]
        names = (party.name, *party.aliases, *party.weak_aliases)
        if slot == 0:
            alias = "name"
        elif self._name_flags[nid] & _WEAK:
            alias = "weak"
            cap = WEAK_ALIAS_CONFIRMED_CAP if confirmed else WEAK_ALIAS_CAP
            if score > cap:
                score = cap
                why = "confirmed by " + " and ".join(confirmed) if confirmed else "alone"
                qualifiers.append(f"weak alias {why}: at most {cap:.2f}")
        else:
            alias = "strong"
        return Candidate(
            party=party,
            matched_name=names[slot],
            alias=alias,
            score=round(min(1.0, max(0.0, score)), 4),
            name_score=round(name_score, 4),
            aligned=tuple(aligned),
            qualifiers=tuple(qualifiers),
        )


def _compare_birth(query: str, listed: tuple[str, ...]) -> tuple[float, str]:
    """The score change for a birth date against the listed ones, and what was found."""
    query_year = _birth_year(query)
    years = [y for y in (_birth_year(d) for d in listed) if y is not None]
    if query_year is None or not years:
        return 0.0, ""
    shown = ", ".join(listed)
    if all(abs(query_year - y) > 1 for y in years):
        return BIRTH_YEAR_DISJOINT, f"born {query} vs listed {shown}"
    for date_text in listed:
        shared = min(len(query), len(date_text.strip()))
        if query[:shared] == date_text.strip()[:shared]:
            return 0.0, f"birth date {query} agrees with listed {date_text}"
    if len(query) >= 10 and any(len(d.strip()) >= 10 for d in listed):
        return BIRTH_DAY_DISJOINT, f"born {query} vs listed {shown}"
    return 0.0, ""
