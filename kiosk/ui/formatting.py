"""Words and numbers as the kiosk shows them: carats, ages, identifier kinds, weight states."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from kiosk.domain.models import (
    IdentifierKind,
    Inspection,
    InspectionState,
    Outcome,
    Reason,
    Verdict,
    WeightState,
)

CARAT_STEP = Decimal("0.001")
MINUS = "\u2212"
WAITING_ALL = "Waiting for identifiers, weight and photo"

KIND_LABELS: dict[IdentifierKind, str] = {
    IdentifierKind.KP_CERTIFICATE: "KP certificate",
    IdentifierKind.G7_CERTIFICATE: "G7 certificate",
    IdentifierKind.MRN: "MRN",
    IdentifierKind.AWB: "Air waybill",
    IdentifierKind.SSCC: "SSCC",
    IdentifierKind.GTIN: "GTIN",
    IdentifierKind.EPC: "RFID tag (EPC)",
    IdentifierKind.SEAL: "Seal",
    IdentifierKind.UNKNOWN: "Unknown",
}

WEIGHT_STATE_WORDS: dict[WeightState, str] = {
    WeightState.STABLE: "\u2714 STABLE",
    WeightState.DYNAMIC: "settling\u2026",
    WeightState.OVERLOAD: "OVERLOAD \u2013 remove weight",
    WeightState.UNDERLOAD: "UNDERLOAD \u2013 zero the balance",
    WeightState.BUSY: "BUSY \u2013 balance working",
    WeightState.ERROR: "BALANCE ERROR",
    WeightState.DISCONNECTED: "SCALE DISCONNECTED",
}

OUTCOME_DEFAULT_SUMMARY: dict[Outcome, str] = {
    Outcome.CLEAR: "All checks passed: the parcel may be released",
    Outcome.EXEMPT: "Exemption applies: the parcel may be released",
    Outcome.HOLD: "Do not release yet",
    Outcome.REFUSE: "Do not release: import prohibited",
}


def format_carats(carats: Decimal) -> str:
    """A weight in carats with 3 decimals and the unit: ``"12.345 ct"``."""
    return f"{carats.quantize(CARAT_STEP, rounding=ROUND_HALF_UP)} ct"


def format_grams(grams: Decimal) -> str:
    """A weight in grams with 3 decimals and the unit: ``"2.469 g"``."""
    return f"{grams.quantize(CARAT_STEP, rounding=ROUND_HALF_UP)} g"


def format_signed_carats(diff_ct: Decimal) -> str:
    """A difference with its sign (a true minus sign): ``"+0.002 ct"``, ``"−0.010 ct"``."""
    value = diff_ct.quantize(CARAT_STEP, rounding=ROUND_HALF_UP)
    if value == 0:
        return f"\u00b1{abs(value)} ct"
    sign = "+" if value > 0 else MINUS
    return f"{sign}{abs(value)} ct"


def format_age(age: timedelta) -> str:
    """How old something is, in the largest sensible unit: ``"3 h old"``.

    A negative age (clock skew) reads as ``"just now"``.
    """
    seconds = age.total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min old"
    if seconds < 2 * 86400:
        return f"{int(seconds // 3600)} h old"
    return f"{int(seconds // 86400)} d old"


def format_data_status(version: str, published_at: datetime, now: datetime) -> str:
    """The data line of the status bar: ``"Data 2026.11.1 · 3 h old"``.

    Raises:
        ValueError: ``published_at`` or ``now`` is a naive datetime.
    """
    if published_at.tzinfo is None or now.tzinfo is None:
        raise ValueError("data times must be timezone-aware (UTC)")
    return f"Data {version} \u00b7 {format_age(now - published_at)}"


def format_date(day: date) -> str:
    """A date as ISO ``YYYY-MM-DD`` (unambiguous in all four kiosk languages)."""
    return day.isoformat()


def format_time(instant: datetime) -> str:
    """A UTC instant as local wall-clock ``HH:MM``."""
    return instant.astimezone().strftime("%H:%M")


def format_countries(codes: tuple[str, ...]) -> str:
    """ISO country codes as a list, or a dash when there are none."""
    return ", ".join(codes) if codes else "\u2014"


def kind_label(kind: IdentifierKind) -> str:
    """The name of an identifier kind as inspectors say it."""
    return KIND_LABELS.get(kind, kind.value)


def utc_now() -> datetime:
    """The current instant in UTC (the default clock of the views)."""
    return datetime.now(UTC)


def worst_reasons(verdict: Verdict) -> list[Reason]:
    """The reasons that decided the verdict (those with the verdict's outcome), in order."""
    return [r for r in verdict.reasons if r.outcome is verdict.outcome]


def verdict_summary(inspection: Inspection) -> str:
    """One line under the verdict word: the deciding reason, or why the verdict stands."""
    verdict = inspection.verdict
    if verdict is None:
        return missing_inputs_summary(inspection)
    if inspection.override is not None:
        ov = inspection.override
        return (
            f"Override of {verdict.outcome.label} by {ov.supervisor}: "
            f"{ov.text or ov.code.value.replace('_', ' ')}"
        )
    deciding = worst_reasons(verdict)
    summary = OUTCOME_DEFAULT_SUMMARY[verdict.outcome]
    if verdict.outcome is Outcome.CLEAR or not deciding:
        return summary
    rules = ", ".join(dict.fromkeys(r.rule_id for r in deciding))  # each rule once, in order
    noun = "reason" if len(deciding) == 1 else "reasons"
    return f"{summary} \u2014 {len(deciding)} {noun}: {rules}"


def missing_inputs_summary(inspection: Inspection | None) -> str:
    """What the inspection still needs before a check, e.g. ``"Waiting for weight and photo"``."""
    if inspection is None:
        return WAITING_ALL
    missing: list[str] = []
    if not any(i.valid for i in inspection.identifiers):
        missing.append("identifiers")
    if inspection.reading is None:
        missing.append("weight")
    if inspection.photo is None:
        missing.append("photo")
    if not missing:
        return "Ready: press Check now"
    if len(missing) == 1:
        return f"Waiting for {missing[0]}"
    return f"Waiting for {', '.join(missing[:-1])} and {missing[-1]}"


def verdict_is_current(inspection: Inspection) -> bool:
    """True when the inspection carries a verdict that no later input has made stale."""
    return inspection.verdict is not None and inspection.state is not InspectionState.COLLECTING
