"""Reason texts in the UI language: the rule's message template translated, filled with details.

The rule set (``resources/rules/article3p.json``) words each reason in English and the domain
keeps that text in ``Reason.message`` (it is what the slip and the audit trail record). The UI
shows the same message in the inspector's language: the English template of the rule is known
here, and only when it reproduces ``Reason.message`` exactly from ``Reason.details`` is the
translated template used — a rule set reworded later falls back to its own English text rather
than to a translation of something else. Fixed detail phrases (``"no seal was scanned"``) are
translated too; details carrying data (numbers, names, codes) are shown as they are. The legal
basis is never translated: it is cited as published.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

from kiosk.domain.models import Reason
from kiosk.ui.formatting import format_date, format_number
from kiosk.ui.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.messages import is_known, localise

translate = QCoreApplication.translate

CONTEXT = "Reasons"

REASON_TEMPLATES: dict[str, str] = {
    "OK": QT_TRANSLATE_NOOP("Reasons", "OK: all checks passed"),
    "R1": QT_TRANSLATE_NOOP(
        "Reasons",
        "CN {cn_code} is outside Annex XXXVIIIA: Article 3p does not apply (TARIC Y872); "
        "Kimberley Process checks still apply",
    ),
    "R2": QT_TRANSLATE_NOOP("Reasons", "Russian diamonds are banned: {evidence}"),
    "R3": QT_TRANSLATE_NOOP(
        "Reasons",
        "Cut in {processed_in} from {origins} diamonds with stones of {threshold} or more: "
        "{evidence}",
    ),
    "R5": QT_TRANSLATE_NOOP(
        "Reasons", "Stone sizes not evidenced for the per-stone limit of {threshold}: {problem}"
    ),
    "R6": QT_TRANSLATE_NOOP("Reasons", "Jewellery made in {processed_in} with {origins} diamonds"),
    "R7": QT_TRANSLATE_NOOP(
        "Reasons",
        "No G7 certificate or traceability evidence for stones of {threshold} or more "
        "(sunrise period ended {sunrise_end})",
    ),
    "R8": QT_TRANSLATE_NOOP("Reasons", "KP certificate {kp_number}: {problem}"),
    "R9": QT_TRANSLATE_NOOP(
        "Reasons", "Seals: {problem} (documents: {declared}; scanned: {scanned})"
    ),
    "R10": QT_TRANSLATE_NOOP(
        "Reasons",
        "Mixed KP certificate {kp_number} does not name every mining country ({origins}) and "
        "the goods are not G7-verified",
    ),
    "R11": QT_TRANSLATE_NOOP(
        "Reasons",
        "{problem}: {found} against {expected} (difference {difference}, tolerance {tolerance})",
    ),
    "R12": QT_TRANSLATE_NOOP("Reasons", "Sanctioned party: {explanation}; freeze and escalate"),
    "R13": QT_TRANSLATE_NOOP(
        "Reasons", "Personal-use exemption (traveller's own jewellery, not for sale): {status}"
    ),
    "R14": QT_TRANSLATE_NOOP(
        "Reasons",
        'Grandfathering (goods outside Russia before {ban_date}), evidence "{evidence}": {status}',
    ),
    "R15": QT_TRANSLATE_NOOP(
        "Reasons",
        "Temporary import for a fair or repair ({evidence}), re-export to be controlled: {status}",
    ),
    "R16": QT_TRANSLATE_NOOP("Reasons", "Article 3p(7) authorisation {evidence}: {status}"),
    "R17": QT_TRANSLATE_NOOP(
        "Reasons", "Declared KP transit (seals {evidence}), no KP import check: {status}"
    ),
    "R18": QT_TRANSLATE_NOOP("Reasons", "A supervisor may override a HOLD only"),
    "K1": QT_TRANSLATE_NOOP("Reasons", "No stable weight reading ({state})"),
    "K2": QT_TRANSLATE_NOOP("Reasons", "No photo of the opened parcel"),
    "K3": QT_TRANSLATE_NOOP(
        "Reasons",
        "Reference data (sanctions lists, certificate registers, rules) are out of date: {why}",
    ),
    "K4": QT_TRANSLATE_NOOP(
        "Reasons", "No declaration found for the parcel (identifiers: {identifiers})"
    ),
    "K5": QT_TRANSLATE_NOOP(
        "Reasons",
        "{kind} certificate {number} already used at {post} on {date} (inspection {inspection})",
    ),
}
"""The English message template of each rule (as in the rule set), by rule id."""

# Rules that share another rule's wording.
_SAME_AS = {"R4": "R3"}

PHRASES: dict[str, str] = {
    text: text
    for text in (
        QT_TRANSLATE_NOOP("Reasons", "accepted"),
        QT_TRANSLATE_NOOP("Reasons", "no evidence given"),
        QT_TRANSLATE_NOOP("Reasons", "no KP certificate was presented"),
        QT_TRANSLATE_NOOP("Reasons", "not a KP certificate number"),
        QT_TRANSLATE_NOOP("Reasons", "not in the KP certificate register"),
        QT_TRANSLATE_NOOP("Reasons", "the documents give no seal number"),
        QT_TRANSLATE_NOOP("Reasons", "no seal was scanned"),
        QT_TRANSLATE_NOOP("Reasons", "weight differs from the KP certificate"),
        QT_TRANSLATE_NOOP("Reasons", "weight differs from the declaration"),
        QT_TRANSLATE_NOOP("Reasons", "declared carats differ from the KP certificate"),
        QT_TRANSLATE_NOOP("Reasons", "parcel count differs from the KP certificate"),
        QT_TRANSLATE_NOOP("Reasons", "no authorisation number given"),
        QT_TRANSLATE_NOOP("Reasons", "not in the register of authorisations"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "no stone sizes declared (packing list), so no stone is shown to be below it",
        ),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the documents give no seal number, so the container cannot be shown intact",
        ),
        QT_TRANSLATE_NOOP("Reasons", "the seals on the container do not match the documents"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the evidence must start with the date the goods were outside Russia (YYYY-MM-DD)",
        ),
        QT_TRANSLATE_NOOP("Reasons", "no reading"),
        QT_TRANSLATE_NOOP("Reasons", "no reference data loaded"),
        QT_TRANSLATE_NOOP("Reasons", "no current reference data"),
        QT_TRANSLATE_NOOP("Reasons", "exporter"),
        QT_TRANSLATE_NOOP("Reasons", "importer"),
        QT_TRANSLATE_NOOP("Reasons", "KP exporter"),
        QT_TRANSLATE_NOOP("Reasons", "KP importer"),
        QT_TRANSLATE_NOOP("Reasons", "none"),
    )
}
"""Fixed English phrases found in reason details, translated when shown."""

_REFUSED_PREFIX = "refused, "

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})")
_QUANTITY = re.compile(r"([+-]?)(\d+(?:\.\d+)?) (ct|g)")
_PARCELS = re.compile(r"(\d+) parcels")

PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"expired on (\S+)"), QT_TRANSLATE_NOOP("Reasons", "expired on %1")),
    (
        re.compile(r"issued on (\S+), after the inspection date"),
        QT_TRANSLATE_NOOP("Reasons", "issued on %1, after the inspection date"),
    ),
    (
        re.compile(r"issuer (\S+) is not a KP participant"),
        QT_TRANSLATE_NOOP("Reasons", "issuer %1 is not a KP participant"),
    ),
    (
        re.compile(r"number prefix (\S+) is not the issuing country (\S+)"),
        QT_TRANSLATE_NOOP("Reasons", "number prefix %1 is not the issuing country %2"),
    ),
    (
        re.compile(r"the declaration names certificate (\S+)"),
        QT_TRANSLATE_NOOP("Reasons", "the declaration names certificate %1"),
    ),
    (
        re.compile(r"seal (.+) not found on the parcel"),
        QT_TRANSLATE_NOOP("Reasons", "seal %1 not found on the parcel"),
    ),
    (
        re.compile(r"seal (.+) is not in the documents"),
        QT_TRANSLATE_NOOP("Reasons", "seal %1 is not in the documents"),
    ),
    (
        re.compile(r"not available for CN (\S+)"),
        QT_TRANSLATE_NOOP("Reasons", "not available for CN %1"),
    ),
    (
        re.compile(r"evidence dated (\S+) does not predate (\S+)"),
        QT_TRANSLATE_NOOP("Reasons", "evidence dated %1 does not predate %2"),
    ),
    (_PARCELS, QT_TRANSLATE_NOOP("Reasons", "%1 parcels")),
    (re.compile(r"(\S+ ct) or (\S+ g)"), QT_TRANSLATE_NOOP("Reasons", "%1 or %2")),
    (
        re.compile(r"the hub's signed data \(bundle (\S+)\) expired on (.+) UTC"),
        QT_TRANSLATE_NOOP("Reasons", "the hub's signed data (bundle %1) expired on %2 UTC"),
    ),
    (
        re.compile(r"kiosk data older than (\S+) h \(bundle (\S+) published (.+) UTC\)"),
        QT_TRANSLATE_NOOP("Reasons", "kiosk data older than %1 h (bundle %2 published %3 UTC)"),
    ),
    (
        re.compile(r"kiosk data older than (\S+) h \(loaded (.+) UTC\)"),
        QT_TRANSLATE_NOOP("Reasons", "kiosk data older than %1 h (loaded %2 UTC)"),
    ),
    (
        re.compile(
            r'((?:KP )?(?:ex|im)porter) "(.+)" matches (.+) listing (\S+) "(.+)" by its alias '
            r'"(.+)" \(both read as "(.+)"\)'
        ),
        QT_TRANSLATE_NOOP(
            "Reasons",
            '%1 "%2" matches %3 listing %4 "%5" by its alias "%6" (both read as "%7")',
        ),
    ),
    (
        re.compile(
            r'((?:KP )?(?:ex|im)porter) "(.+)" matches (.+) listing (\S+) "(.+)" by its listed '
            r'name "(.+)" \(both read as "(.+)"\)'
        ),
        QT_TRANSLATE_NOOP(
            "Reasons",
            '%1 "%2" matches %3 listing %4 "%5" by its listed name "%6" (both read as "%7")',
        ),
    ),
    (
        re.compile(r"(\d+) stones may reach it and their origin is not evidenced"),
        QT_TRANSLATE_NOOP("Reasons", "%1 stones may reach it and their origin is not evidenced"),
    ),
    (
        re.compile(r"band (\d+) stones of (\S+ ct) and up cannot weigh (\S+ ct)"),
        QT_TRANSLATE_NOOP("Reasons", "band %1 stones of %2 and up cannot weigh %3"),
    ),
    (
        re.compile(r"band (\d+) stones of (\S+) to under (\S+ ct) cannot weigh (\S+ ct)"),
        QT_TRANSLATE_NOOP("Reasons", "band %1 stones of %2 to under %3 cannot weigh %4"),
    ),
    (
        re.compile(r"stone bands add up to (\S+ ct), declared (\S+ ct)"),
        QT_TRANSLATE_NOOP("Reasons", "stone bands add up to %1, declared %2"),
    ),
    (
        re.compile(
            r"measured (\S+ ct) \(average (\S+ ct) per stone\) cannot be (\d+) stones of the "
            r"declared sizes \(at least (\S+ ct)\)"
        ),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "measured %1 (average %2 per stone) cannot be %3 stones of the declared sizes "
            "(at least %4)",
        ),
    ),
    (
        re.compile(
            r"measured (\S+ ct) \(average (\S+ ct) per stone\) cannot be (\d+) stones of the "
            r"declared sizes \((\S+)-(\S+) ct\)"
        ),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "measured %1 (average %2 per stone) cannot be %3 stones of the declared sizes "
            "(%4-%5 ct)",
        ),
    ),
    (re.compile(r"mining origin (\S+)"), QT_TRANSLATE_NOOP("Reasons", "mining origin %1")),
    (re.compile(r"processed in (\S+)"), QT_TRANSLATE_NOOP("Reasons", "processed in %1")),
    (re.compile(r"exported from (\S+)"), QT_TRANSLATE_NOOP("Reasons", "exported from %1")),
    (re.compile(r"transited (\S+)"), QT_TRANSLATE_NOOP("Reasons", "transited %1")),
    (
        re.compile(r"KP certificate issued by (\S+)"),
        QT_TRANSLATE_NOOP("Reasons", "KP certificate issued by %1"),
    ),
    (re.compile(r"KP provenance (\S+)"), QT_TRANSLATE_NOOP("Reasons", "KP provenance %1")),
    (re.compile(r"KP origin (\S+)"), QT_TRANSLATE_NOOP("Reasons", "KP origin %1")),
    (
        re.compile(r"KP certificate number (\S+)"),
        QT_TRANSLATE_NOOP("Reasons", "KP certificate number %1"),
    ),
]
"""Detail phrases that carry data: the English pattern and its translatable form."""


class _Filled(dict[str, str]):
    """Template values; an unknown placeholder stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _data(value: str) -> str:
    """An ISO date (and time) or a quantity (``"512.450 ct"``) as the locale writes it."""
    if _ISO_DATE.fullmatch(value):
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    stamp = _ISO_DATE_TIME.fullmatch(value)
    if stamp is not None:  # "2026-05-27 08:00" (UTC, as the text says after it)
        try:
            return f"{format_date(date.fromisoformat(stamp.group(1)))} {stamp.group(2)}"
        except ValueError:
            return value
    quantity = _QUANTITY.fullmatch(value)
    if quantity is not None:
        sign, number, unit = quantity.groups()
        try:
            decimals = len(number.partition(".")[2])
            return f"{sign}{format_number(Decimal(number), decimals)} {unit}"
        except InvalidOperation:
            return value
    return value


def _phrase(value: str) -> str:
    """A detail value in the language in use: known phrases translated, data localised.

    A list of phrases (``"mining origin RU; exported from RU"``) is translated part by part.
    """
    if "; " in value:
        return "; ".join(_phrase(part) for part in value.split("; "))
    if value in PHRASES:
        return translate(CONTEXT, value)
    if value.startswith(_REFUSED_PREFIX):
        rest = value[len(_REFUSED_PREFIX) :]
        return translate("Reasons", "refused, %1").replace("%1", _phrase(rest))
    for pattern, source in PATTERNS:
        match = pattern.fullmatch(value)
        if match is not None:
            text = translate(CONTEXT, source)
            for number, group in enumerate(match.groups(), start=1):
                shown = translate(CONTEXT, group) if group in PHRASES else _data(group)
                text = text.replace(f"%{number}", shown)
            return text
    if is_known(value):  # an identifier's problem (R8: "QQ is not an ISO 3166-1 country code")
        return localise(value)
    return _data(value)


def template_for(rule_id: str) -> str | None:
    """The English message template of a rule, or ``None`` for a rule this UI does not know."""
    return REASON_TEMPLATES.get(_SAME_AS.get(rule_id, rule_id))


def reason_message(reason: Reason) -> str:
    """The reason's message in the language in use (its English text when not translatable)."""
    english = template_for(reason.rule_id)
    if english is None:
        return reason.message
    raw = _Filled(reason.details)
    try:
        if english.format_map(raw) != reason.message:
            return reason.message  # the rule set words it differently: show it as published
        shown = _Filled({key: _phrase(value) for key, value in reason.details})
        return translate(CONTEXT, english).format_map(shown)
    except (ValueError, IndexError):  # a malformed translation: never lose the message
        return reason.message
