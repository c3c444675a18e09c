"""Texts from the domain and the services in the UI language: identifier problems, refusals,
device and sync messages.

The domain and the services stay free of Qt: they word what went wrong in English (that is
also what the log and the audit trail keep). The English templates of those texts are listed
here, marked for Qt Linguist in context ``Messages``; :func:`localise` finds the template a
text was made from, translates it and fills the translated template with the text's own
values. A value that is itself a known text (``"Scale read failed: {message}"`` around a
device fault) is translated too. A text that matches no template is shown as it is, so a
reworded message is never mistranslated, only left in English (tests/ui/test_messages.py
checks that the texts the domain and services make today are all found).

Placeholders: ``{name}`` is data, shown as is (a number, a code, a name); ``{message...}``
is a nested text, translated when it is known; ``{known}`` is a nested text that must be known for
the template to apply (``"{value}: {known}"`` would otherwise match any text with a colon).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from PySide6.QtCore import QCoreApplication

from kiosk.ui.i18n import QT_TRANSLATE_NOOP, current_language

CONTEXT = "Messages"

TEMPLATES: tuple[str, ...] = (
    # ---- Identifier problems (kiosk.domain.identifiers) ----
    QT_TRANSLATE_NOOP("Messages", "nothing was read"),
    QT_TRANSLATE_NOOP("Messages", "not a recognised identifier"),
    QT_TRANSLATE_NOOP(
        "Messages", "too long for an identifier ({length} characters, at most {limit})"
    ),
    QT_TRANSLATE_NOOP("Messages", "an RFID tag id has only letters and digits"),
    QT_TRANSLATE_NOOP("Messages", "an RFID tag id has 4 to 32 characters, found {count}"),
    QT_TRANSLATE_NOOP("Messages", "{country} is not an ISO 3166-1 country code"),
    QT_TRANSLATE_NOOP("Messages", "a G7 certificate serial has at least 3 characters with a digit"),
    QT_TRANSLATE_NOOP("Messages", "a seal number has 5 to 12 digits, found {count}"),
    QT_TRANSLATE_NOOP(
        "Messages", "the 17th character (procedure category) must be a letter, not {found}"
    ),
    QT_TRANSLATE_NOOP("Messages", "check character is {found}, expected {expected}"),
    QT_TRANSLATE_NOOP("Messages", "check digit is {found}, expected {expected}"),
    QT_TRANSLATE_NOOP("Messages", "{kind} check digit is {found}, expected {expected}"),
    QT_TRANSLATE_NOOP("Messages", "an SSCC after AI (00) has 18 digits"),
    QT_TRANSLATE_NOOP("Messages", "a GTIN after AI (01) has 14 digits"),
    QT_TRANSLATE_NOOP(
        "Messages", "a KP certificate number has at most 30 characters, found {count}"
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "a KP certificate number has at least 3 characters after the country code"
    ),
    QT_TRANSLATE_NOOP("Messages", "expected a KP certificate number such as BW 0123456"),
    QT_TRANSLATE_NOOP("Messages", "expected a G7 certificate number such as G7-BE-2026-000123"),
    QT_TRANSLATE_NOOP("Messages", "expected an MRN of 18 characters such as 26BE000000000000A1"),
    QT_TRANSLATE_NOOP("Messages", "expected an air waybill number such as 176-12345675"),
    QT_TRANSLATE_NOOP("Messages", "expected an SSCC of 18 digits"),
    QT_TRANSLATE_NOOP("Messages", "expected a GTIN of 8, 12, 13 or 14 digits"),
    QT_TRANSLATE_NOOP("Messages", "expected an EPC of 24 hex characters"),
    QT_TRANSLATE_NOOP("Messages", "expected a seal number such as SL 0012345"),
    QT_TRANSLATE_NOOP("Messages", "EPC header is {header}, an SGTIN-96 has 0x30"),
    QT_TRANSLATE_NOOP("Messages", "SGTIN-96 partition is {partition}, allowed are 0 to 6"),
    QT_TRANSLATE_NOOP(
        "Messages", "SGTIN-96 company prefix or item reference has too many digits"
    ),
    # ---- Sign-in and badges (kiosk.store, kiosk.services.inspection) ----
    QT_TRANSLATE_NOOP("Messages", "Unknown user."),
    QT_TRANSLATE_NOOP("Messages", "This user is disabled. Ask a supervisor."),
    QT_TRANSLATE_NOOP("Messages", "Signed in as {name}."),
    QT_TRANSLATE_NOOP("Messages", "Wrong PIN. 1 attempt left."),
    QT_TRANSLATE_NOOP("Messages", "Wrong PIN. {count} attempts left."),
    QT_TRANSLATE_NOOP("Messages", "Wrong PIN. 1 attempt left. Wait {wait} s before trying again."),
    QT_TRANSLATE_NOOP(
        "Messages", "Wrong PIN. {count} attempts left. Wait {wait} s before trying again."
    ),
    QT_TRANSLATE_NOOP("Messages", "Wait {wait} s before trying again."),
    QT_TRANSLATE_NOOP("Messages", "Locked for {wait} s after {count} wrong PINs."),
    QT_TRANSLATE_NOOP("Messages", "Locked."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "This badge has been revoked and cannot sign in. Hand it to a supervisor; "
        "choose your name to sign in with your PIN.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "This badge is not known at this kiosk. Choose your name to sign in with your PIN.",
    ),
    QT_TRANSLATE_NOOP("Messages", "{name} is disabled and cannot sign in. Ask a supervisor."),
    # ---- The inspection's steps (kiosk.services.inspection) ----
    QT_TRANSLATE_NOOP("Messages", "Sign in first."),
    QT_TRANSLATE_NOOP("Messages", "Type an identifier first."),
    QT_TRANSLATE_NOOP("Messages", "{value}: {known}"),
    QT_TRANSLATE_NOOP("Messages", "There is no slip to print yet: check the parcel first."),
    QT_TRANSLATE_NOOP("Messages", "The slip has not been printed yet: press Print slip."),
    QT_TRANSLATE_NOOP("Messages", "Type or scan the new seal's number first."),
    QT_TRANSLATE_NOOP("Messages", "There is no inspection to override."),
    QT_TRANSLATE_NOOP("Messages", "Write why the hold is lifted: a reason text is required."),
    QT_TRANSLATE_NOOP("Messages", "This parcel's verdict has already been overridden."),
    QT_TRANSLATE_NOOP("Messages", "There is no verdict to override: check the parcel first."),
    QT_TRANSLATE_NOOP("Messages", "Override refused: {name} is not an active supervisor."),
    QT_TRANSLATE_NOOP("Messages", "Override refused: unknown user {name}."),
    QT_TRANSLATE_NOOP("Messages", "Override refused: {message}."),
    QT_TRANSLATE_NOOP("Messages", "no override policy is in force on {date}"),
    QT_TRANSLATE_NOOP(
        "Messages", "a {outcome} verdict cannot be overridden (only {allowed}; {legal_basis})"
    ),
    QT_TRANSLATE_NOOP("Messages", "rule {rules} can never be overridden ({legal_basis})"),
    QT_TRANSLATE_NOOP("Messages", "a supervisor must sign in to override"),
    QT_TRANSLATE_NOOP(
        "Messages", "the supervisor must be a different person from the inspector"
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "This parcel has no verdict yet: press Check now first, then Next parcel."
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Declaration {reference} is on file for this parcel: it is used instead of a typed one.",
    ),
    QT_TRANSLATE_NOOP("Messages", "The database is not open."),
    QT_TRANSLATE_NOOP("Messages", "The checks are not ready: the rule set did not load."),
    QT_TRANSLATE_NOOP("Messages", "No inspection is open: sign in first."),
    QT_TRANSLATE_NOOP(
        "Messages", "This parcel's slip is printed: press Next parcel to start a new inspection."
    ),
    QT_TRANSLATE_NOOP("Messages", "The database is taking long to open; please wait."),
    QT_TRANSLATE_NOOP("Messages", "The new reference data cannot be used: {message}"),
    QT_TRANSLATE_NOOP("Messages", "The database cannot be used: {message}"),
    QT_TRANSLATE_NOOP("Messages", "The database cannot be opened: {message}"),
    QT_TRANSLATE_NOOP("Messages", "The rule set is not valid: {message}"),
    QT_TRANSLATE_NOOP("Messages", "A file could not be written: {message}"),
    QT_TRANSLATE_NOOP("Messages", "Unexpected error ({type}): {message}"),
    # ---- Devices (kiosk.services.devices, kiosk.services.history) ----
    QT_TRANSLATE_NOOP("Messages", "Scale read failed: the scale is not connected."),
    QT_TRANSLATE_NOOP("Messages", "Scale zero failed: the scale is not connected."),
    QT_TRANSLATE_NOOP("Messages", "Scale tare failed: the scale is not connected."),
    QT_TRANSLATE_NOOP("Messages", "Scale read failed: the scale is off in the settings."),
    QT_TRANSLATE_NOOP("Messages", "Scale read failed: {message}"),
    QT_TRANSLATE_NOOP("Messages", "Scale zero failed: {message}"),
    QT_TRANSLATE_NOOP("Messages", "Scale tare failed: {message}"),
    QT_TRANSLATE_NOOP("Messages", "No photo: the camera is switched off in the settings."),
    QT_TRANSLATE_NOOP("Messages", "No photo: {path}: {message}"),
    QT_TRANSLATE_NOOP("Messages", "Test slips cannot be rendered here."),
    QT_TRANSLATE_NOOP("Messages", "No printer is configured."),
    QT_TRANSLATE_NOOP("Messages", "No printer is set up."),
    QT_TRANSLATE_NOOP("Messages", "A slip is being printed: wait for it, then try again."),
    QT_TRANSLATE_NOOP("Messages", "Printing failed: {message}"),
    QT_TRANSLATE_NOOP("Messages", "Port detection is not available while stopping."),
    QT_TRANSLATE_NOOP("Messages", "Port detection failed: {message}"),
    QT_TRANSLATE_NOOP("Messages", "disabled in the settings"),
    # ---- Sync (kiosk.services.sync, kiosk.sync) ----
    QT_TRANSLATE_NOOP("Messages", "sync failed: {message}"),
    QT_TRANSLATE_NOOP("Messages", "data: {message}; records: {message_records}"),
    QT_TRANSLATE_NOOP("Messages", "records: {message}"),
    QT_TRANSLATE_NOOP("Messages", "{message}; kept bundle {version}"),
    QT_TRANSLATE_NOOP("Messages", "data update failed: {message}"),
    QT_TRANSLATE_NOOP("Messages", "records not sent: {message}"),
    QT_TRANSLATE_NOOP("Messages", "hub unreachable at {where}: {reason}"),
    QT_TRANSLATE_NOOP("Messages", "the hub refused this kiosk's token ({detail})"),
    QT_TRANSLATE_NOOP("Messages", "the hub answered {code} ({detail})"),
    QT_TRANSLATE_NOOP("Messages", "the hub refused {inspection}: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "the hub's answer is not JSON"),
    QT_TRANSLATE_NOOP("Messages", "the hub's answer is not a JSON object"),
    QT_TRANSLATE_NOOP("Messages", "the hub's answer has no results"),
    QT_TRANSLATE_NOOP("Messages", "{sent} sent, {failed} failed, {waiting} waiting: {message}"),
    QT_TRANSLATE_NOOP("Messages", "1 record sent, {waiting} waiting"),
    QT_TRANSLATE_NOOP("Messages", "{sent} records sent, {waiting} waiting"),
    QT_TRANSLATE_NOOP("Messages", "nothing due, {waiting} waiting"),
    QT_TRANSLATE_NOOP("Messages", "all records sent"),
    QT_TRANSLATE_NOOP("Messages", "Data up to date (bundle {version})."),
    QT_TRANSLATE_NOOP("Messages", "Data updated to bundle {version}."),
    QT_TRANSLATE_NOOP("Messages", "No pinned TUF root configured ([sync] tuf_root)"),
    QT_TRANSLATE_NOOP("Messages", "Hub data has expired ({detail})"),
    QT_TRANSLATE_NOOP("Messages", "Hub data is older than data already seen ({detail})"),
    QT_TRANSLATE_NOOP("Messages", "Hub data is not signed by trusted keys ({detail})"),
    QT_TRANSLATE_NOOP("Messages", "Data bundle does not match its signature ({detail})"),
    QT_TRANSLATE_NOOP("Messages", "Hub data rejected ({detail})"),
    QT_TRANSLATE_NOOP("Messages", "Hub not reached or download cut off ({detail})"),
    QT_TRANSLATE_NOOP("Messages", "Data bundle unreadable: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "Data bundle refused: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "Data bundle not applied: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "Data update failed: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "Data update failed unexpectedly: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "The hub publishes no data bundle"),
    QT_TRANSLATE_NOOP("Messages", "The hub's bundle carries no version"),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Hub offers bundle {offered}, not newer than bundle {version} in use (rollback refused)",
    ),
    QT_TRANSLATE_NOOP("Messages", "Bundle says version {version}, its signature says {offered}"),
)
"""English templates of the texts the domain and services give the UI."""

DEVICE_WORDS: dict[str, str] = {
    "line scanner": QT_TRANSLATE_NOOP("Messages", "line scanner"),
    "test pattern": QT_TRANSLATE_NOOP("Messages", "test pattern"),
}
"""Fixed words the device service reports as a model or a port (shown translated)."""

_FIELD = re.compile(r"\{([a-z_]+)\}")
_MAX_DEPTH = 3


@dataclass(frozen=True)
class _Template:
    """One template, with the literal text before its first and after its last field.

    A text can only have been made from a template it starts and ends like, so only those few
    are matched with a regular expression; each is compiled the first time it is needed. (All
    ~125 compiled at the first message cost the GUI thread 100-500 ms, mid-shift.)
    """

    text: str
    prefix: str
    suffix: str
    fields: int

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The template as an anchored regular expression, its fields as named groups."""
        parts = _FIELD.split(self.text)
        regex = "".join(
            re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
            for index, part in enumerate(parts)
        )
        return re.compile(regex + r"\Z", re.DOTALL)

    def may_match(self, text: str) -> bool:
        """False when ``text`` cannot have been made from this template."""
        return (
            len(text) >= len(self.prefix) + len(self.suffix) + self.fields
            and text.startswith(self.prefix)
            and text.endswith(self.suffix)
        )


@cache
def _templates() -> tuple[_Template, ...]:
    """Every template, most specific (fewest fields, then longest) first."""
    out = []
    for template in TEMPLATES:
        parts = _FIELD.split(template)
        fields = len(parts) // 2
        out.append(
            _Template(
                template,
                prefix=parts[0],
                suffix=parts[-1] if fields else "",
                fields=fields,
            )
        )
    out.sort(key=lambda item: (item.fields, -len(item.text)))
    return tuple(out)


def _fill(template: str, values: dict[str, str]) -> str:
    """``template`` with its ``{name}`` fields replaced (an unknown field stays as written)."""
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _localised(text: str, depth: int) -> str | None:
    """The translation of a known text, or ``None`` when no template matches."""
    if depth > _MAX_DEPTH:
        return None
    for candidate in _templates():
        if not candidate.may_match(text):
            continue
        template = candidate.text
        match = candidate.pattern.match(text)
        if match is None:
            continue
        values: dict[str, str] = {}
        for name, value in match.groupdict().items():
            if name == "known" or name.startswith("message"):
                nested = _localised(value, depth + 1)
                if nested is None and name == "known":
                    break
                values[name] = nested if nested is not None else value
            else:
                values[name] = value
        else:
            return _fill(QCoreApplication.translate(CONTEXT, template), values)
    return None


@lru_cache(maxsize=1024)
def _localised_in(text: str, language: str) -> str | None:
    """``_localised`` remembered per language: a parcel's reasons and messages are worded
    again at every change of the parcel (each asks ``is_known`` then ``localise``)."""
    del language  # part of the key only: the translator in use gives the words
    return _localised(text, 0)


def is_known(text: str) -> bool:
    """True when ``text`` was made from one of the templates (so it is shown translated)."""
    return _localised_in(text, current_language()) is not None


def localise(text: str) -> str:
    """A text from the domain or a service in the language in use (as is when not known)."""
    if not text:
        return text
    found = _localised_in(text, current_language())
    return found if found is not None else text


def device_word(text: str) -> str:
    """A model or port word the device service reports (``"line scanner"``), translated."""
    source = DEVICE_WORDS.get(text)
    return QCoreApplication.translate(CONTEXT, source) if source is not None else localise(text)
