"""Parsing rule sets: the shipped one parses, and every kind of mistake is named precisely."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from domain.builders import RULESET_PATH
from kiosk.domain.checks import CHECKS
from kiosk.domain.models import Outcome
from kiosk.domain.rules import RuleSet, RuleSetError, parse_ruleset

SHIPPED: dict[str, Any] = json.loads(RULESET_PATH.read_text(encoding="utf-8"))


def test_shipped_ruleset_parses_and_covers_the_rule_table(ruleset: RuleSet) -> None:
    assert (ruleset.name, ruleset.version, ruleset.published) == (
        "article3p",
        "2026.11.2",
        date(2026, 11, 27),
    )
    ids = {rule.id for rule in ruleset.rules}
    assert ids == {f"R{n}" for n in range(1, 19)} | {"K1", "K2", "K3", "K4", "K5"}
    assert {rule.check for rule in ruleset.rules} == set(CHECKS)
    assert all(rule.legal_basis and rule.message for rule in ruleset.rules)


def test_in_force_picks_one_version_per_rule(ruleset: RuleSet) -> None:
    for at in (
        date(2024, 1, 1),
        date(2024, 3, 1),
        date(2024, 9, 1),
        date(2025, 3, 1),
        date(2026, 1, 1),
    ):
        ids = [rule.id for rule in ruleset.in_force(at)]
        assert len(ids) == len(set(ids))
    assert {r.id for r in ruleset.in_force(date(2023, 12, 31))} == {
        "R8",
        "R9",
        "R11",
        "R12",
        "R17",
        "R18",
        "K1",
        "K2",
        "K3",
        "K4",
        "K5",
    }
    assert "R3" in {r.id for r in ruleset.in_force(date(2024, 3, 1))}
    assert "R4" not in {r.id for r in ruleset.in_force(date(2024, 8, 31))}
    assert "R10" in {r.id for r in ruleset.in_force(date(2025, 3, 1))}


def test_outcomes_are_ordered() -> None:
    assert Outcome.CLEAR < Outcome.EXEMPT < Outcome.HOLD < Outcome.REFUSE


def _edit(change: Callable[[dict[str, Any]], None]) -> str:
    data = copy.deepcopy(SHIPPED)
    change(data)
    return json.dumps(data)


def _rule(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(r for r in data["rules"] if r["id"] == rule_id)


@pytest.mark.parametrize(
    ("change", "rule", "field", "message"),
    [
        (lambda d: _rule(d, "R8").update(check="kp_is_fine"), "R8", "check", "unknown check"),
        (
            lambda d: _rule(d, "R2").update(effective_from="2024-13-01"),
            "R2",
            "effective_from",
            "ISO date",
        ),
        (
            lambda d: _rule(d, "R2").update(effective_from="1 Jan 2024"),
            "R2",
            "effective_from",
            "ISO date",
        ),
        (lambda d: _rule(d, "R2").update(effective_to=20240101), "R2", "effective_to", "ISO date"),
        (lambda d: _rule(d, "R12").update(outcome="DENY"), "R12", "outcome", "CLEAR, EXEMPT"),
        (lambda d: _rule(d, "R11").pop("legal_basis"), "R11", "legal_basis", "missing"),
        (lambda d: _rule(d, "R11").pop("effective_to"), "R11", "effective_to", "missing"),
        (lambda d: _rule(d, "R11").update(colour="red"), "R11", "colour", "unknown field"),
        (lambda d: _rule(d, "R11").update(message=""), "R11", "message", "non-empty"),
        (
            lambda d: _rule(d, "R3")["params"].pop("threshold_ct"),
            "R3",
            "params.threshold_ct",
            "missing",
        ),
        (
            lambda d: _rule(d, "R3")["params"].update(threshold_ct="one"),
            "R3",
            "params.threshold_ct",
            "decimal",
        ),
        (
            lambda d: _rule(d, "R3")["params"].update(threshold_ct="-1"),
            "R3",
            "params.threshold_ct",
            "decimal",
        ),
        (
            lambda d: _rule(d, "R3")["params"].update(threshold_ct=True),
            "R3",
            "params.threshold_ct",
            "decimal",
        ),
        (
            lambda d: _rule(d, "R3")["params"].update(cn_prefixes="7102"),
            "R3",
            "params.cn_prefixes",
            "list",
        ),
        (
            lambda d: _rule(d, "R3")["params"].update(colour="red"),
            "R3",
            "params.colour",
            "unknown parameter",
        ),
        (
            lambda d: _rule(d, "R6")["params"].update(active="no"),
            "R6",
            "params.active",
            "true or false",
        ),
        (
            lambda d: _rule(d, "R13")["params"].update(exemption="amnesty"),
            "R13",
            "params.exemption",
            "personal_use",
        ),
        (
            lambda d: _rule(d, "R13")["params"].update(fallback_outcome="MAYBE"),
            "R13",
            "params.fallback_outcome",
            "HOLD",
        ),
        (
            lambda d: _rule(d, "R2").update(message="Banned: {colour}"),
            "R2",
            "message",
            "unknown placeholder {colour}",
        ),
        (
            lambda d: _rule(d, "R2").update(message="Banned: {evidence"),
            "R2",
            "message",
            "not a valid template",
        ),
        (lambda d: _rule(d, "R2").update(id="r2"), "r2", "id", "id such as"),
        (
            lambda d: _rule(d, "R2").update(effective_to="2023-12-31"),
            "R2",
            "effective_to",
            "before effective_from",
        ),
        (
            lambda d: _rule(d, "R13")["params"].update(sets_aside=["R99"]),
            "R13",
            "params.sets_aside",
            "unknown rule id",
        ),
        (
            lambda d: _rule(d, "R13")["params"].update(sets_aside=["R12"]),
            "R13",
            "params.sets_aside",
            "never be set aside",
        ),
    ],
)
def test_parse_errors_name_rule_and_field(
    change: Callable[[dict[str, Any]], Any], rule: str, field: str, message: str
) -> None:
    with pytest.raises(RuleSetError) as caught:
        parse_ruleset(_edit(change))
    error = caught.value
    assert error.rule is not None
    assert error.rule.split(" ")[0] == rule
    assert error.field == field
    assert message in str(error)
    assert f"field {field!r}" in str(error)


def test_overlapping_versions_are_rejected() -> None:
    def overlap(data: dict[str, Any]) -> None:
        versions = [r for r in data["rules"] if r["id"] == "R7"]
        versions[0]["effective_to"] = "2024-07-01"

    with pytest.raises(
        RuleSetError, match=r"rule R7, field 'effective_to': versions from 2024-03-01"
    ):
        parse_ruleset(_edit(overlap))

    def duplicate(data: dict[str, Any]) -> None:
        data["rules"].append(copy.deepcopy(_rule(data, "R2")))

    with pytest.raises(RuleSetError, match="overlap"):
        parse_ruleset(_edit(duplicate))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not valid JSON"),
        ("{", "not valid JSON"),
        ("[]", "a rule set is a JSON object"),
        ('{"ruleset": "x", "version": "1", "published": "2026-01-01"}', "field 'rules': missing"),
        ('{"ruleset": "x", "version": "1", "published": "2026-01-01", "rules": []}', "non-empty"),
        (
            '{"ruleset": "x", "version": "1", "published": "soon", "rules": [{}]}',
            "field 'id': missing",
        ),
        ('{"ruleset": "", "version": "1", "published": "2026-01-01", "rules": [1]}', "rule #1"),
        ("[" * 100_000, "not valid JSON"),
        (" " * 2_000_001, "too large"),
    ],
)
def test_parse_errors_for_the_whole_document(text: str, message: str) -> None:
    with pytest.raises(RuleSetError, match=message.replace("(", r"\(")):
        parse_ruleset(text)


def test_numbers_are_read_exactly() -> None:
    text = _edit(lambda d: _rule(d, "R4")["params"].update(threshold_ct=0.5, threshold_g=0.1))
    r4 = next(r for r in parse_ruleset(text).rules if r.id == "R4")
    assert str(r4.params.decimal("threshold_ct")) == "0.5"
    assert str(r4.params.decimal("threshold_g")) == "0.1"
