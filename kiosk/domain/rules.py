"""The rule engine: rule sets as JSON data, versioned by date, evaluated into a verdict.

A rule set is JSON text::

    {"ruleset": "article3p", "version": "2026.11.1", "published": "2026-11-26",
     "rules": [{"id": "R3", "check": "processed_over_threshold",
                "params": {"threshold_ct": "1.0", ...}, "outcome": "REFUSE",
                "legal_basis": "Reg. (EU) 833/2014 Art. 3p(3)",
                "message": "... {threshold} ...",
                "effective_from": "2024-03-01", "effective_to": null}, ...]}

``check`` names a predicate in ``kiosk.domain.checks.CHECKS``; ``params`` hold every threshold,
date and code list. ``effective_to`` is the last day a version is in force (inclusive). Several
versions of one rule id may exist when their dates do not overlap. The generic param
``sets_aside`` lists the rule ids whose reasons a rule removes when it fires with its own outcome
(an accepted exemption sets aside R2-R7; declared transit R8-R11; goods outside the annex R2-R7).
A sanctions rule (check ``sanctions_listed``) can never be set aside.
"""

from __future__ import annotations

import itertools
import json
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from kiosk.domain.checks import (
    CHECKS,
    CheckInput,
    Finding,
    ParamKind,
    Params,
    ParamSpec,
    ParamValue,
)
from kiosk.domain.models import Exemption, Outcome, Reason, Verdict

__all__ = [
    "OK_REASON_ID",
    "CheckInput",
    "Rule",
    "RuleSet",
    "RuleSetError",
    "evaluate",
    "override_problem",
    "parse_ruleset",
]

OK_REASON_ID = "OK"
OK_MESSAGE = "OK: all checks passed"
NEVER_SET_ASIDE_CHECKS = frozenset({"sanctions_listed"})
MAX_RULESET_CHARS = 2_000_000

_RULE_FIELDS = (
    "id",
    "check",
    "params",
    "outcome",
    "legal_basis",
    "message",
    "effective_from",
    "effective_to",
)
_OPTIONAL_RULE_FIELDS = frozenset({"note"})
_ID = re.compile(r"[A-Z][A-Z0-9]{0,15}")
_SETS_ASIDE = "sets_aside"


class RuleSetError(ValueError):
    """A rule set that cannot be used; the message names the rule and the field."""

    def __init__(self, message: str, rule: str | None = None, field: str | None = None) -> None:
        where = ", ".join(
            part
            for part in (f"rule {rule}" if rule else "", f"field {field!r}" if field else "")
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)
        self.rule = rule
        self.field = field


@dataclass(frozen=True, slots=True)
class Rule:
    """One version of one rule, in force from ``effective_from`` to ``effective_to`` inclusive."""

    id: str
    check: str
    params: Params
    outcome: Outcome
    legal_basis: str
    message: str
    effective_from: date
    effective_to: date | None
    sets_aside: tuple[str, ...] = ()
    note: str = ""

    def in_force(self, at: date) -> bool:
        """True when this version applies on ``at``."""
        return self.effective_from <= at and (self.effective_to is None or at <= self.effective_to)

    @property
    def policy(self) -> bool:
        """True for a rule that governs overrides rather than checking a parcel (R18)."""
        return CHECKS[self.check].policy


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A published, versioned set of rules."""

    name: str
    version: str
    published: date
    rules: tuple[Rule, ...]

    @property
    def label(self) -> str:
        """Name and version, as recorded on a verdict: ``"article3p 2026.11.2"``."""
        return f"{self.name} {self.version}"

    def in_force(self, at: date) -> tuple[Rule, ...]:
        """The rule versions that apply on ``at``, in the rule set's order."""
        return tuple(rule for rule in self.rules if rule.in_force(at))

    def rule(self, rule_id: str, at: date) -> Rule | None:
        """The version of ``rule_id`` in force on ``at``, if any."""
        return next((r for r in self.in_force(at) if r.id == rule_id), None)


# ---- Parsing ------------------------------------------------------------------------------------


def _date(value: object, rule: str | None, field: str) -> date:
    if not isinstance(value, str):
        raise RuleSetError(f"expected an ISO date such as 2024-09-01, got {value!r}", rule, field)
    try:
        return date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError:
        raise RuleSetError(
            f"expected an ISO date such as 2024-09-01, got {value!r}", rule, field
        ) from None


def _bad_date(value: str) -> date:
    raise ValueError(value)


def _text_field(value: object, rule: str | None, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RuleSetError(f"expected a non-empty text, got {value!r}", rule, field)
    return value


def _outcome(value: object, rule: str | None, field: str) -> Outcome:
    if isinstance(value, str) and value in Outcome.__members__:
        return Outcome[value]
    raise RuleSetError(f"expected one of CLEAR, EXEMPT, HOLD, REFUSE, got {value!r}", rule, field)


def _param(value: object, spec: ParamSpec, rule: str, field: str) -> ParamValue:
    kind = spec.kind
    problem = f"expected {kind.value}, got {value!r}"
    if kind is ParamKind.DATE:
        return _date(value, rule, field)
    if kind is ParamKind.DECIMAL:
        if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
            raise RuleSetError(problem, rule, field)
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise RuleSetError(problem, rule, field) from None
        if not number.is_finite() or number < 0:
            raise RuleSetError(problem, rule, field)
        return number
    if kind is ParamKind.INT:
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleSetError(problem, rule, field)
        return value
    if kind is ParamKind.BOOL:
        if not isinstance(value, bool):
            raise RuleSetError(problem, rule, field)
        return value
    if kind is ParamKind.STR:
        return _text_field(value, rule, field)
    if kind is ParamKind.STR_LIST:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise RuleSetError(problem, rule, field)
        return tuple(value)
    if kind is ParamKind.OUTCOME:
        return _outcome(value, rule, field)
    if isinstance(value, str) and value in {e.value for e in Exemption}:
        return Exemption(value)
    raise RuleSetError(problem, rule, field)


def _params(raw: object, check: str, rule: str) -> tuple[Params, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise RuleSetError(f"expected an object, got {raw!r}", rule, "params")
    specs: Mapping[str, ParamSpec] = CHECKS[check].params
    unknown = sorted(set(raw) - set(specs) - {_SETS_ASIDE})
    if unknown:
        raise RuleSetError(
            f"unknown parameter for check {check!r} (it takes: "
            f"{', '.join(sorted(specs)) or 'none'})",
            rule,
            f"params.{unknown[0]}",
        )
    values: dict[str, ParamValue] = {}
    for name, spec in specs.items():
        if raw.get(name) is None:
            if spec.required:
                raise RuleSetError("missing", rule, f"params.{name}")
            continue
        values[name] = _param(raw[name], spec, rule, f"params.{name}")
    sets_aside: tuple[str, ...] = ()
    if raw.get(_SETS_ASIDE) is not None:
        ids = _param(raw[_SETS_ASIDE], ParamSpec(ParamKind.STR_LIST), rule, "params.sets_aside")
        assert isinstance(ids, tuple)
        sets_aside = ids
    return Params(MappingProxyType(values)), sets_aside


def _message(raw: object, check: str, rule: str) -> str:
    text = _text_field(raw, rule, "message")
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise RuleSetError(f"not a valid template ({exc})", rule, "message") from None
    allowed = CHECKS[check].details
    bad = sorted(n for n in names if n not in allowed)
    if bad:
        raise RuleSetError(
            f"unknown placeholder {{{bad[0]}}} (check {check!r} gives: "
            f"{', '.join(sorted(allowed)) or 'none'})",
            rule,
            "message",
        )
    return text


def _rule(raw: object, index: int) -> Rule:
    label = f"#{index + 1}"
    if not isinstance(raw, dict):
        raise RuleSetError(f"expected an object, got {raw!r}", label)
    if isinstance(raw.get("id"), str) and raw["id"]:
        label = f"{raw['id']} (#{index + 1})"
    for name in _RULE_FIELDS:
        if name not in raw:
            raise RuleSetError("missing", label, name)
    extra = sorted(set(raw) - set(_RULE_FIELDS) - _OPTIONAL_RULE_FIELDS)
    if extra:
        raise RuleSetError("unknown field", label, extra[0])
    rule_id = _text_field(raw["id"], label, "id")
    if _ID.fullmatch(rule_id) is None:
        raise RuleSetError(f"expected an id such as R12 or K1, got {rule_id!r}", label, "id")
    check = _text_field(raw["check"], label, "check")
    if check not in CHECKS:
        raise RuleSetError(
            f"unknown check {check!r} (known: {', '.join(sorted(CHECKS))})", label, "check"
        )
    params, sets_aside = _params(raw["params"], check, label)
    effective_from = _date(raw["effective_from"], label, "effective_from")
    effective_to = (
        None if raw["effective_to"] is None else _date(raw["effective_to"], label, "effective_to")
    )
    if effective_to is not None and effective_to < effective_from:
        raise RuleSetError(
            f"{effective_to.isoformat()} is before effective_from {effective_from.isoformat()}",
            label,
            "effective_to",
        )
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise RuleSetError(f"expected a text, got {note!r}", label, "note")
    return Rule(
        id=rule_id,
        check=check,
        params=params,
        outcome=_outcome(raw["outcome"], label, "outcome"),
        legal_basis=_text_field(raw["legal_basis"], label, "legal_basis"),
        message=_message(raw["message"], check, label),
        effective_from=effective_from,
        effective_to=effective_to,
        sets_aside=sets_aside,
        note=note,
    )


def _check_versions(rules: tuple[Rule, ...]) -> None:
    """Versions of one id must not overlap; set-aside ids must exist and not be sanctions."""
    by_id: dict[str, list[Rule]] = {}
    for rule in rules:
        by_id.setdefault(rule.id, []).append(rule)
    for rule_id, versions in by_id.items():
        ordered = sorted(versions, key=lambda r: r.effective_from)
        for before, after in itertools.pairwise(ordered):
            if before.effective_to is None or before.effective_to >= after.effective_from:
                raise RuleSetError(
                    f"versions from {before.effective_from.isoformat()} and "
                    f"{after.effective_from.isoformat()} overlap",
                    rule_id,
                    "effective_to",
                )
        if len({CHECKS[v.check].policy for v in versions}) > 1:
            raise RuleSetError("mixes a policy check with parcel checks", rule_id, "check")
    for rule in rules:
        for target in rule.sets_aside:
            if target not in by_id:
                raise RuleSetError(f"unknown rule id {target!r}", rule.id, "params.sets_aside")
            if any(v.check in NEVER_SET_ASIDE_CHECKS for v in by_id[target]):
                raise RuleSetError(
                    f"{target} is a sanctions rule and can never be set aside",
                    rule.id,
                    "params.sets_aside",
                )


def parse_ruleset(text: str) -> RuleSet:
    """Parse and strictly validate a rule set.

    Args:
        text: the rule set as JSON text.

    Returns:
        The ``RuleSet``.

    Raises:
        RuleSetError: on bad JSON, a missing or unknown field, an unknown check, a bad date,
            outcome or parameter, overlapping versions of a rule, or a message placeholder
            the check does not fill. The message names the rule and the field.
    """
    if len(text) > MAX_RULESET_CHARS:
        raise RuleSetError(f"rule set is too large ({len(text)} characters)")
    try:
        data: Any = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise RuleSetError(f"not valid JSON: {exc}") from None
    except RecursionError:
        raise RuleSetError("not valid JSON: nested too deeply") from None
    except ValueError:  # a number of more than 4300 digits
        raise RuleSetError("not valid JSON: a number is too long") from None
    if not isinstance(data, dict):
        raise RuleSetError("a rule set is a JSON object")
    for name in ("ruleset", "version", "published", "rules"):
        if name not in data:
            raise RuleSetError("missing", None, name)
    extra = sorted(set(data) - {"ruleset", "version", "published", "rules", "note"})
    if extra:
        raise RuleSetError("unknown field", None, extra[0])
    if not isinstance(data["rules"], list) or not data["rules"]:
        raise RuleSetError("expected a non-empty list of rules", None, "rules")
    rules = tuple(_rule(raw, index) for index, raw in enumerate(data["rules"]))
    _check_versions(rules)
    return RuleSet(
        name=_text_field(data["ruleset"], None, "ruleset"),
        version=_text_field(data["version"], None, "version"),
        published=_date(data["published"], None, "published"),
        rules=rules,
    )


# ---- Evaluation ---------------------------------------------------------------------------------


class _Details(dict[str, str]):
    """Template values; a placeholder the finding did not fill renders empty."""

    def __missing__(self, key: str) -> str:
        return ""


def _reason(rule: Rule, finding: Finding) -> Reason:
    details = _Details(finding.details)
    return Reason(
        rule_id=rule.id,
        outcome=finding.outcome if finding.outcome is not None else rule.outcome,
        legal_basis=rule.legal_basis,
        message=rule.message.format_map(details),
        details=finding.details,
    )


def evaluate(
    ruleset: RuleSet, inp: CheckInput, decided_at: datetime, data_version: str = ""
) -> Verdict:
    """Evaluate every rule in force on ``inp.at`` and return the verdict.

    Each finding of a rule gives a reason; reasons of rules set aside by a rule that fired
    with its own outcome (an accepted exemption, declared transit, goods outside the annex)
    are dropped and named in that rule's reason. The verdict is the worst outcome; with no
    reason at all it is CLEAR with the single reason "OK: all checks passed". Reasons are
    listed worst first, then in rule-set order.

    Args:
        ruleset: the rule set (its versions are picked by ``inp.at``).
        inp: the facts of the parcel.
        decided_at: when the decision is taken (timezone-aware).
        data_version: the version of the reference data used, recorded on the verdict.

    Raises:
        ValueError: when ``decided_at`` is naive.
    """
    if decided_at.tzinfo is None or decided_at.utcoffset() is None:
        raise ValueError("decided_at must be timezone-aware (UTC)")
    fired: list[tuple[Rule, Finding]] = []
    for rule in ruleset.in_force(inp.at):
        if rule.policy:
            continue
        fired += [(rule, finding) for finding in CHECKS[rule.check].function(inp, rule.params)]
    set_aside: set[str] = set()
    setters: dict[int, list[str]] = {}
    for position, (rule, finding) in enumerate(fired):
        if rule.sets_aside and finding.outcome is None and rule.id not in set_aside:
            targets = [t for t in rule.sets_aside if t != rule.id]
            set_aside.update(targets)
            setters[position] = targets
    reasons: list[Reason] = []
    for position, (rule, finding) in enumerate(fired):
        if rule.id in set_aside and position not in setters:
            continue
        reason = _reason(rule, finding)
        if position in setters:
            removed = sorted(
                {r.id for r, _ in fired if r.id in setters[position]}, key=_rule_order(ruleset)
            )
            if removed:
                reason = Reason(
                    reason.rule_id,
                    reason.outcome,
                    reason.legal_basis,
                    reason.message,
                    (*reason.details, ("set_aside", ", ".join(removed))),
                )
        reasons.append(reason)
    if not reasons:
        reasons.append(Reason(OK_REASON_ID, Outcome.CLEAR, ruleset.label, OK_MESSAGE))
    reasons.sort(key=lambda r: -r.outcome)
    return Verdict(
        outcome=max(r.outcome for r in reasons),
        reasons=tuple(reasons),
        ruleset_version=ruleset.label,
        decided_at=decided_at.astimezone(UTC),
        data_version=data_version,
    )


def _rule_order(ruleset: RuleSet) -> Any:
    order = {rule.id: i for i, rule in reversed(list(enumerate(ruleset.rules)))}
    return lambda rule_id: order.get(rule_id, len(order))


# ---- Overrides (R18) ----------------------------------------------------------------------------


def override_problem(
    ruleset: RuleSet, verdict: Verdict, at: date, inspector: str, supervisor: str
) -> str | None:
    """Why a supervisor may not override ``verdict`` under the override policy in force on ``at``.

    Returns:
        ``None`` when the override is allowed, else a message fit to show the supervisor.
    """
    policy = next((r for r in ruleset.in_force(at) if r.policy), None)
    if policy is None:
        return f"no override policy is in force on {at.isoformat()}"
    overridable = {o.upper() for o in policy.params.texts("overridable")}
    if verdict.outcome.name not in overridable:
        return (
            f"a {verdict.outcome.name} verdict cannot be overridden "
            f"(only {', '.join(sorted(overridable))}; {policy.legal_basis})"
        )
    blocking = sorted({r.rule_id for r in verdict.reasons} & set(policy.params.texts("never_on")))
    if blocking:
        return f"rule {', '.join(blocking)} can never be overridden ({policy.legal_basis})"
    if policy.params.flag("two_person"):
        if not supervisor.strip():
            return "a supervisor must sign in to override"
        if supervisor.strip().casefold() == inspector.strip().casefold():
            return "the supervisor must be a different person from the inspector"
    return None
