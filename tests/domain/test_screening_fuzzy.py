"""Fuzzy screening of declared parties and the thresholds R12 applies to it."""

from __future__ import annotations

from datetime import date

import pytest

from domain.builders import DECIDED_AT, clean_input, rough_declaration
from kiosk.domain.models import ListedParty, Outcome
from kiosk.domain.name_index import NameIndex
from kiosk.domain.rules import RuleSet, evaluate
from kiosk.domain.screening import (
    merge_hits,
    parties_of,
    screen,
    screen_exact,
    with_screening_thresholds,
)

ALROSA = ListedParty("EU 269/2014", "EU.8282.49", "PJSC Alrosa", aliases=("АЛРОСА",))
MARINYCHEV = ListedParty(
    "OFAC SDN", "31001", "MARINYCHEV, Pavel Alekseevich", kind="person", listed_on=date(2022, 3, 1)
)
SMOLENSK = ListedParty("Ownership", "OWN-7", "Smolensk Cut Stones LLC", owners=("EU.8282.49",))
INDEX = NameIndex.build([ALROSA, MARINYCHEV, SMOLENSK])


def outcome_of(ruleset: RuleSet, exporter: str) -> tuple[Outcome, str]:
    decl = rough_declaration(exporter=exporter)
    hits = screen(parties_of(decl, None), INDEX, 0.92, 0.75)
    rules = with_screening_thresholds(ruleset, 0.92, 0.75)
    result = evaluate(rules, clean_input(declaration=decl, sanction_hits=hits), DECIDED_AT)
    messages = " | ".join(r.message for r in result.reasons if r.rule_id == "R12")
    return result.outcome, messages


def test_fuzzy_match_refuses(ruleset: RuleSet) -> None:
    outcome, message = outcome_of(ruleset, "Pavel Alexeyevich Marinichev")
    assert outcome is Outcome.REFUSE
    assert "31001" in message
    assert "marinichev~marinychev" in message


def test_possible_match_holds(ruleset: RuleSet) -> None:
    outcome, message = outcome_of(ruleset, "Alrosa Holding")
    assert outcome is Outcome.HOLD
    assert "EU.8282.49" in message


def test_unrelated_name_is_clear(ruleset: RuleSet) -> None:
    outcome, message = outcome_of(ruleset, "Antwerp Polished Trading BV")
    assert outcome is Outcome.CLEAR
    assert message == ""


def test_owned_party_is_treated_as_listed_and_names_its_owner() -> None:
    hits = screen([("exporter", "Smolensk Cut Stones")], INDEX, 0.92, 0.75)
    assert [h.listed for h in hits] == [SMOLENSK]
    assert hits[0].score >= 0.92
    assert 'owned 50% or more by listed EU 269/2014 EU.8282.49 "PJSC Alrosa"' in hits[0].explanation


def test_hits_below_review_are_left_out() -> None:
    assert screen([("exporter", "Alrosa Holding")], INDEX, 0.95, 0.9) == ()
    assert screen([("exporter", "Alrosa Holding")], INDEX, 0.95, 0.78) != ()


def test_thresholds_are_checked() -> None:
    with pytest.raises(ValueError, match="review <= match"):
        screen([("exporter", "Alrosa")], INDEX, 0.7, 0.8)
    with pytest.raises(ValueError, match="review <= match"):
        screen([("exporter", "Alrosa")], INDEX, 1.2, 0.8)


def test_thresholds_replace_r12_params(ruleset: RuleSet) -> None:
    rules = with_screening_thresholds(ruleset, 0.9, 0.6)
    (r12,) = [r for r in rules.rules if r.id == "R12"]
    assert str(r12.params.decimal("min_score")) == "0.9"
    assert str(r12.params.decimal("review_min_score")) == "0.6"
    assert r12.params.outcome("review_outcome") is Outcome.HOLD
    others = [r for r in rules.rules if r.id != "R12"]
    assert others == [r for r in ruleset.rules if r.id != "R12"]


def test_merge_keeps_the_best_hit_per_party_and_listing() -> None:
    parties = [("exporter", "Alrosa, PJSC")]
    exact = screen_exact(parties, [ALROSA])
    fuzzy = screen(parties, INDEX, 0.92, 0.75)
    merged = merge_hits(exact, fuzzy)
    assert len(merged) == 1
    assert merged[0].score == 1.0
