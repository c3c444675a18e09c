"""Words and numbers as the kiosk shows them: carats, ages, identifier kinds, weight states.

Every word goes through Qt translation (context ``Formatting``) when the function is called,
so the text follows the language in use; numbers and dates follow the default ``QLocale``,
which ``kiosk.ui.i18n.set_language`` switches (``nl_BE``: ``12,345 ct``, ``27/11/2026``).
Reason texts are translated here too: the rule's message template in the UI language filled
with the reason's details (see :func:`reason_message`); the legal basis stays as published.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from kiosk.domain.models import (
    IdentifierKind,
    Inspection,
    InspectionState,
    Outcome,
    Reason,
    Verdict,
    WeightState,
)
from kiosk.ui.i18n import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

CARAT_STEP = Decimal("0.001")
MINUS = "\u2212"
CONTEXT = "Formatting"
WAITING_ALL = "Waiting for identifiers, weight and photo"
"""The English text of :func:`waiting_all` (kept for callers that compare)."""

KIND_LABELS: dict[IdentifierKind, str] = {
    IdentifierKind.KP_CERTIFICATE: QT_TRANSLATE_NOOP("Formatting", "KP certificate"),
    IdentifierKind.G7_CERTIFICATE: QT_TRANSLATE_NOOP("Formatting", "G7 certificate"),
    IdentifierKind.MRN: QT_TRANSLATE_NOOP("Formatting", "MRN"),
    IdentifierKind.AWB: QT_TRANSLATE_NOOP("Formatting", "Air waybill"),
    IdentifierKind.SSCC: QT_TRANSLATE_NOOP("Formatting", "SSCC"),
    IdentifierKind.GTIN: QT_TRANSLATE_NOOP("Formatting", "GTIN"),
    IdentifierKind.EPC: QT_TRANSLATE_NOOP("Formatting", "RFID tag (EPC)"),
    IdentifierKind.SEAL: QT_TRANSLATE_NOOP("Formatting", "Seal"),
    IdentifierKind.UNKNOWN: QT_TRANSLATE_NOOP("Formatting", "Unknown"),
}
"""English names of the identifier kinds; shown through :func:`kind_label`."""

WEIGHT_STATE_WORDS: dict[WeightState, str] = {
    WeightState.STABLE: QT_TRANSLATE_NOOP("Formatting", "\u2714 STABLE"),
    WeightState.DYNAMIC: QT_TRANSLATE_NOOP("Formatting", "settling\u2026"),
    WeightState.OVERLOAD: QT_TRANSLATE_NOOP("Formatting", "OVERLOAD \u2013 remove weight"),
    WeightState.UNDERLOAD: QT_TRANSLATE_NOOP("Formatting", "UNDERLOAD \u2013 zero the balance"),
    WeightState.BUSY: QT_TRANSLATE_NOOP("Formatting", "BUSY \u2013 balance working"),
    WeightState.ERROR: QT_TRANSLATE_NOOP("Formatting", "BALANCE ERROR"),
    WeightState.DISCONNECTED: QT_TRANSLATE_NOOP("Formatting", "SCALE DISCONNECTED"),
}
"""English weight state words; shown through :func:`weight_state_word`."""

WEIGHT_STATE_SHORT: dict[WeightState, str] = {
    WeightState.STABLE: QT_TRANSLATE_NOOP("Formatting", "stable"),
    WeightState.DYNAMIC: QT_TRANSLATE_NOOP("Formatting", "settling"),
    WeightState.OVERLOAD: QT_TRANSLATE_NOOP("Formatting", "overload"),
    WeightState.UNDERLOAD: QT_TRANSLATE_NOOP("Formatting", "underload"),
    WeightState.BUSY: QT_TRANSLATE_NOOP("Formatting", "busy"),
    WeightState.ERROR: QT_TRANSLATE_NOOP("Formatting", "error"),
    WeightState.DISCONNECTED: QT_TRANSLATE_NOOP("Formatting", "disconnected"),
}
"""A weight state in one lower-case word (``"967.402 ct (stable)"``): :func:`weight_state_short`."""

OUTCOME_WORDS: dict[Outcome, str] = {
    Outcome.CLEAR: QT_TRANSLATE_NOOP("Formatting", "CLEAR"),
    Outcome.EXEMPT: QT_TRANSLATE_NOOP("Formatting", "EXEMPT"),
    Outcome.HOLD: QT_TRANSLATE_NOOP("Formatting", "HOLD"),
    Outcome.REFUSE: QT_TRANSLATE_NOOP("Formatting", "REFUSE"),
}
"""The verdict words (English: the outcome's label); shown through :func:`outcome_word`."""

OUTCOME_DEFAULT_SUMMARY: dict[Outcome, str] = {
    Outcome.CLEAR: QT_TRANSLATE_NOOP("Formatting", "All checks passed: the parcel may be released"),
    Outcome.EXEMPT: QT_TRANSLATE_NOOP(
        "Formatting", "Exemption applies: the parcel may be released"
    ),
    Outcome.HOLD: QT_TRANSLATE_NOOP("Formatting", "Do not release yet"),
    Outcome.REFUSE: QT_TRANSLATE_NOOP("Formatting", "Do not release: import prohibited"),
}

# What an inspection still waits for, by (identifiers, weight, photo) missing: whole sentences,
# since "x, y and z" is built differently in every language.
_MISSING: dict[tuple[bool, bool, bool], str] = {
    (True, True, True): QT_TRANSLATE_NOOP(
        "Formatting", "Waiting for identifiers, weight and photo"
    ),
    (True, True, False): QT_TRANSLATE_NOOP("Formatting", "Waiting for identifiers and weight"),
    (True, False, True): QT_TRANSLATE_NOOP("Formatting", "Waiting for identifiers and photo"),
    (False, True, True): QT_TRANSLATE_NOOP("Formatting", "Waiting for weight and photo"),
    (True, False, False): QT_TRANSLATE_NOOP("Formatting", "Waiting for identifiers"),
    (False, True, False): QT_TRANSLATE_NOOP("Formatting", "Waiting for weight"),
    (False, False, True): QT_TRANSLATE_NOOP("Formatting", "Waiting for photo"),
    (False, False, False): QT_TRANSLATE_NOOP("Formatting", "Ready: press Check now"),
}

OVERRIDE_CODE_WORDS: dict[str, str] = {
    "documents_produced": QT_TRANSLATE_NOOP("Formatting", "documents produced"),
    "weighing_error": QT_TRANSLATE_NOOP("Formatting", "weighing error"),
    "seal_explained": QT_TRANSLATE_NOOP("Formatting", "seal explained"),
    "data_outdated": QT_TRANSLATE_NOOP("Formatting", "data outdated"),
    "other": QT_TRANSLATE_NOOP("Formatting", "other"),
}
"""Supervisor override reason codes in words (keys: ``OverrideCode`` values)."""

STATE_WORDS: dict[InspectionState, str] = {
    InspectionState.COLLECTING: QT_TRANSLATE_NOOP("Formatting", "collecting"),
    InspectionState.DECIDED: QT_TRANSLATE_NOOP("Formatting", "decided"),
    InspectionState.OVERRIDDEN: QT_TRANSLATE_NOOP("Formatting", "overridden"),
    InspectionState.PRINTED: QT_TRANSLATE_NOOP("Formatting", "printed"),
    InspectionState.CLOSED: QT_TRANSLATE_NOOP("Formatting", "closed"),
    InspectionState.VOIDED: QT_TRANSLATE_NOOP("Formatting", "voided"),
}
"""Where an inspection is, in words (English sources)."""

DATE_FORMATS: dict[str, str] = {"de": "dd.MM.yyyy"}
"""Date patterns by language; the others write ``dd/MM/yyyy``."""
DEFAULT_DATE_FORMAT = "dd/MM/yyyy"


def tr(text: str) -> str:
    """``text`` (an English source registered with ``QT_TRANSLATE_NOOP``) in the language in use."""
    return translate(CONTEXT, text)


def _locale() -> QLocale:
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale


def format_number(value: Decimal, decimals: int = 3) -> str:
    """A decimal number rounded half-up, with the locale's decimal separator (no grouping)."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):f}"
    point = _locale().decimalPoint()
    sign = "-" if rounded < 0 else ""
    return sign + (text.replace(".", point) if point != "." else text)


def format_carats(carats: Decimal) -> str:
    """A weight in carats with 3 decimals and the unit: ``"12.345 ct"`` (``"12,345 ct"`` in nl)."""
    return translate("Formatting", "%1 ct").replace("%1", format_number(carats))


def format_grams(grams: Decimal) -> str:
    """A weight in grams with 3 decimals and the unit: ``"2.469 g"``."""
    return translate("Formatting", "%1 g").replace("%1", format_number(grams))


def format_signed_carats(diff_ct: Decimal) -> str:
    """A difference with its sign (a true minus sign): ``"+0.002 ct"``, ``"\u22120.010 ct"``."""
    value = diff_ct.quantize(CARAT_STEP, rounding=ROUND_HALF_UP)
    sign = "\u00b1" if value == 0 else "+" if value > 0 else MINUS
    return sign + format_carats(abs(value))


def format_age(age: timedelta) -> str:
    """How old something is, in the largest sensible unit: ``"3 h old"``.

    A negative age (clock skew) reads as ``"just now"``.
    """
    seconds = age.total_seconds()
    if seconds < 60:
        return translate("Formatting", "just now")
    if seconds < 3600:
        return translate("Formatting", "%1 min old").replace("%1", str(int(seconds // 60)))
    if seconds < 2 * 86400:
        return translate("Formatting", "%1 h old").replace("%1", str(int(seconds // 3600)))
    return translate("Formatting", "%1 d old").replace("%1", str(int(seconds // 86400)))


def format_ago(age: timedelta) -> str:
    """How long ago something happened: ``"just now"``, ``"5 min ago"``, ``"3 h ago"``.

    A whole phrase per unit, since "ago" goes before the number in some languages
    (``"il y a 3 h"``, ``"vor 3 h"``); a negative age (clock skew) reads as ``"just now"``.
    """
    seconds = age.total_seconds()
    if seconds < 60:
        return translate("Formatting", "just now")
    if seconds < 3600:
        return translate("Formatting", "%1 min ago").replace("%1", str(int(seconds // 60)))
    if seconds < 2 * 86400:
        return translate("Formatting", "%1 h ago").replace("%1", str(int(seconds // 3600)))
    return translate("Formatting", "%1 d ago").replace("%1", str(int(seconds // 86400)))


def format_data_status(version: str, published_at: datetime, now: datetime) -> str:
    """The data line of the status bar: ``"Data 2026.11.1 · 3 h old"``.

    Raises:
        ValueError: ``published_at`` or ``now`` is a naive datetime.
    """
    if published_at.tzinfo is None or now.tzinfo is None:
        raise ValueError("data times must be timezone-aware (UTC)")
    return (
        translate("Formatting", "Data %1 \u00b7 %2")
        .replace("%1", version)
        .replace("%2", format_age(now - published_at))
    )


def date_pattern() -> str:
    """The date pattern of the language in use (``dd/MM/yyyy``, German ``dd.MM.yyyy``)."""
    language = QLocale().name().split("_")[0]
    return DATE_FORMATS.get(language, DEFAULT_DATE_FORMAT)


def format_date(day: date) -> str:
    """A date as Belgians write it: ``27/11/2026`` (German ``27.11.2026``)."""
    return _locale().toString(QDate(day.year, day.month, day.day), date_pattern())


def format_datetime(instant: datetime) -> str:
    """A UTC instant as local date and wall-clock time: ``27/11/2026 14:05``."""
    local = instant.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


def format_time(instant: datetime) -> str:
    """A UTC instant as local wall-clock ``HH:MM``."""
    return instant.astimezone().strftime("%H:%M")


def format_countries(codes: tuple[str, ...]) -> str:
    """ISO country codes as a list, or a dash when there are none."""
    return ", ".join(codes) if codes else "\u2014"


def kind_label(kind: IdentifierKind) -> str:
    """The name of an identifier kind as inspectors say it, in the language in use."""
    source = KIND_LABELS.get(kind)
    return tr(source) if source is not None else kind.value


def weight_state_word(state: WeightState) -> str:
    """The words shown under the weight for a balance state, in the language in use."""
    return tr(WEIGHT_STATE_WORDS[state])


def weight_state_short(state: WeightState) -> str:
    """A weight state in one lower-case word, in the language in use (``"stable"``)."""
    return tr(WEIGHT_STATE_SHORT[state])


def outcome_word(outcome: Outcome) -> str:
    """The verdict word (``CLEAR``, ``VRIJ``, ``LIBRE``, ``FREI``...) in the language in use."""
    return tr(OUTCOME_WORDS[outcome])


def state_word(state: InspectionState) -> str:
    """Where an inspection is (``collecting``, ``decided``...) in the language in use."""
    source = STATE_WORDS.get(state)
    return tr(source) if source is not None else state.value


def waiting_word() -> str:
    """The banner word while there is no verdict yet."""
    return translate("Formatting", "WAITING")


def waiting_all() -> str:
    """``"Waiting for identifiers, weight and photo"`` in the language in use."""
    return tr(WAITING_ALL)


def override_code_word(code: str) -> str:
    """A supervisor override reason code in words."""
    source = OVERRIDE_CODE_WORDS.get(code)
    return tr(source) if source is not None else code.replace("_", " ")


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
            translate("Formatting", "Override of %1 by %2: %3")
            .replace("%1", outcome_word(verdict.outcome))
            .replace("%2", ov.supervisor)
            .replace("%3", ov.text or override_code_word(ov.code.value))
        )
    deciding = worst_reasons(verdict)
    summary = tr(OUTCOME_DEFAULT_SUMMARY[verdict.outcome])
    if verdict.outcome is Outcome.CLEAR or not deciding:
        return summary
    rules = ", ".join(dict.fromkeys(r.rule_id for r in deciding))  # each rule once, in order
    if len(deciding) == 1:
        line = translate("Formatting", "%1 \u2014 1 reason: %2")
    else:
        line = translate("Formatting", "%1 \u2014 %3 reasons: %2")
    return line.replace("%1", summary).replace("%2", rules).replace("%3", str(len(deciding)))


def missing_inputs_summary(inspection: Inspection | None) -> str:
    """What the inspection still needs before a check, e.g. ``"Waiting for weight and photo"``."""
    if inspection is None:
        return waiting_all()
    key = (
        not any(i.valid for i in inspection.identifiers),
        inspection.reading is None,
        inspection.photo is None,
    )
    return tr(_MISSING[key])


def verdict_is_current(inspection: Inspection) -> bool:
    """True when the inspection carries a verdict that no later input has made stale."""
    return inspection.verdict is not None and inspection.state is not InspectionState.COLLECTING
