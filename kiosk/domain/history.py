"""Past inspections: search filters, result lines, details, re-checks and report lines.

Pure Python value objects shared by the store (which fills them), the history service, the
reports and the History screen (which only shows them).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from kiosk.domain.models import (
    IdentifierKind,
    Inspection,
    InspectionState,
    KpCertificate,
    Outcome,
    Reason,
    Verdict,
)

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50


class HistoryError(ValueError):
    """A search or report that cannot be made as asked; the message is for the user."""


class VerdictFilter(enum.StrEnum):
    """Which verdicts a search keeps.

    An outcome matches the checks' verdict *or* the override's outcome: a HOLD lifted to
    CLEAR is found under HOLD and under CLEAR (and under OVERRIDDEN).
    """

    ANY = "any"
    CLEAR = "clear"
    EXEMPT = "exempt"
    HOLD = "hold"
    REFUSE = "refuse"
    OVERRIDDEN = "overridden"

    @property
    def outcome(self) -> Outcome | None:
        """The outcome this filter stands for, or ``None`` (ANY, OVERRIDDEN)."""
        return Outcome[self.name] if self.name in Outcome.__members__ else None


def _require_aware(at: datetime | None, what: str) -> None:
    if at is not None and (at.tzinfo is None or at.utcoffset() is None):
        raise HistoryError(f"{what} must be a timezone-aware time, got {at.isoformat()}")


def normalise_search_text(text: str) -> str:
    """A typed identifier as stored: upper case, no spaces, dashes or dots inside numbers."""
    return "".join(ch for ch in text.upper() if not ch.isspace())


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """A search of past inspections; empty fields do not filter. Newest first, paged.

    Attributes:
        identifier: Part of any identifier (KP, MRN, AWB, seal...) or of the inspection id.
        since: Started at or after this instant (timezone-aware).
        until: Started before this instant (timezone-aware).
        verdict: Which verdicts (see ``VerdictFilter``).
        post: The post code, exactly (case does not matter).
        inspector: The inspector's username, exactly.
        page: The page, from 0.
        page_size: Lines per page (1 to ``MAX_PAGE_SIZE``).
    """

    identifier: str = ""
    since: datetime | None = None
    until: datetime | None = None
    verdict: VerdictFilter = VerdictFilter.ANY
    post: str = ""
    inspector: str = ""
    page: int = 0
    page_size: int = DEFAULT_PAGE_SIZE

    def __post_init__(self) -> None:
        """Refuse a query that cannot be run, with a message naming the field."""
        _require_aware(self.since, "from")
        _require_aware(self.until, "to")
        if self.since is not None and self.until is not None and self.until <= self.since:
            raise HistoryError("the end of the period must come after its start")
        if self.page < 0:
            raise HistoryError(f"the page must be 0 or more, got {self.page}")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise HistoryError(f"the page size must be 1 to {MAX_PAGE_SIZE}, got {self.page_size}")

    @property
    def search_text(self) -> str:
        """The identifier text as stored values are written."""
        return normalise_search_text(self.identifier)


def kp_number_of(inspection: Inspection) -> str | None:
    """The KP certificate number of an inspection: the scanned one, else the declaration's."""
    presented = inspection.identifier(IdentifierKind.KP_CERTIFICATE)
    if presented is not None:
        return presented.value
    if inspection.declaration is not None:
        return inspection.declaration.kp_number
    return None


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One line of a search result."""

    inspection_id: str
    started_at: datetime
    post: str
    kiosk_id: str
    inspector: str
    state: InspectionState
    kp_number: str | None
    outcome: Outcome | None
    final_outcome: Outcome | None
    supervisor: str | None
    printed: bool

    @property
    def overridden(self) -> bool:
        """True when a supervisor overrode the verdict."""
        return self.supervisor is not None

    @classmethod
    def of(cls, inspection: Inspection, kiosk_id: str) -> HistoryRow:
        """The result line of a recorded inspection."""
        return cls(
            inspection_id=inspection.id,
            started_at=inspection.started_at,
            post=inspection.post,
            kiosk_id=kiosk_id,
            inspector=inspection.inspector,
            state=inspection.state,
            kp_number=kp_number_of(inspection),
            outcome=inspection.verdict.outcome if inspection.verdict is not None else None,
            final_outcome=inspection.final_outcome,
            supervisor=inspection.override.supervisor if inspection.override else None,
            printed=inspection.printed_at is not None,
        )


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """One page of results, newest first, with display names for the usernames in it."""

    query: HistoryQuery
    rows: tuple[HistoryRow, ...]
    has_more: bool
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, username: str) -> str:
        """The display name of a user (the username when unknown)."""
        return self.names.get(username, username)


@dataclass(frozen=True, slots=True)
class AuditLine:
    """One event of an inspection's audit trail, as shown."""

    seq: int
    at: datetime
    kind: str
    actor: str | None
    summary: str


class SlipStatus(enum.StrEnum):
    """Where an inspection's slip stands."""

    NONE = "none"
    WRITTEN = "written"
    PRINTED = "printed"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class InspectionDetail:
    """Everything the detail view shows of one past inspection."""

    inspection: Inspection
    kiosk_id: str
    events: tuple[AuditLine, ...]
    slip_status: SlipStatus
    reprints: int = 0
    certificate: KpCertificate | None = None
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, username: str) -> str:
        """The display name of a user (the username when unknown)."""
        return self.names.get(username, username)


@dataclass(frozen=True, slots=True)
class RecheckResult:
    """A past inspection checked again under the rules of its own date, compared.

    ``added`` are reasons the re-check gives that the recorded verdict did not; ``removed``
    the recorded reasons the re-check no longer gives (compared by rule and outcome).
    """

    inspection_id: str
    rules_date: date
    recorded: Verdict | None
    rechecked: Verdict
    added: tuple[Reason, ...]
    removed: tuple[Reason, ...]

    @property
    def outcome_changed(self) -> bool:
        """True when the re-check reaches another outcome than the recorded verdict."""
        return self.recorded is None or self.recorded.outcome is not self.rechecked.outcome

    @property
    def same(self) -> bool:
        """True when outcome and reasons are the same as recorded."""
        return not self.outcome_changed and not self.added and not self.removed


def compare_verdicts(
    inspection_id: str, rules_date: date, recorded: Verdict | None, rechecked: Verdict
) -> RecheckResult:
    """Compare a recorded verdict with a re-check of the same inspection.

    Args:
        inspection_id: The inspection.
        rules_date: The date whose rules the re-check applied.
        recorded: The verdict recorded at the time (``None`` when there was none).
        rechecked: The verdict of the re-check.

    Returns:
        The comparison; reasons are matched by rule id and outcome.
    """
    before = [] if recorded is None else list(recorded.reasons)
    before_keys = {(r.rule_id, r.outcome) for r in before}
    after_keys = {(r.rule_id, r.outcome) for r in rechecked.reasons}
    added = tuple(r for r in rechecked.reasons if (r.rule_id, r.outcome) not in before_keys)
    removed = tuple(r for r in before if (r.rule_id, r.outcome) not in after_keys)
    return RecheckResult(inspection_id, rules_date, recorded, rechecked, added, removed)


@dataclass(frozen=True, slots=True)
class ReportLine:
    """A recorded inspection with the kiosk that made it, for the reports."""

    inspection: Inspection
    kiosk_id: str


@dataclass(frozen=True, slots=True)
class ShiftReport:
    """What the end-of-shift report covers and lists (oldest inspection first)."""

    post: str
    post_name: str
    kiosk_id: str
    since: datetime
    until: datetime
    generated_at: datetime
    lines: tuple[ReportLine, ...]
    data_version: str
    timezone: str = "Europe/Brussels"
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, username: str) -> str:
        """The display name of a user (the username when unknown)."""
        return self.names.get(username, username)

    def counts(self) -> dict[str, int]:
        """Inspections by the outcome that stands (overrides applied), plus open and voided."""
        counts = {o.label: 0 for o in Outcome}
        counts.update({"OVERRIDDEN": 0, "NO VERDICT": 0, "VOIDED": 0})
        for line in self.lines:
            inspection = line.inspection
            if inspection.state is InspectionState.VOIDED:
                counts["VOIDED"] += 1
                continue
            final = inspection.final_outcome
            if final is None:
                counts["NO VERDICT"] += 1
                continue
            counts[final.label] += 1
            if inspection.override is not None:
                counts["OVERRIDDEN"] += 1
        return counts

    def inspectors(self) -> list[str]:
        """The inspectors' usernames, in order of first inspection."""
        return list(dict.fromkeys(line.inspection.inspector for line in self.lines))


@dataclass(frozen=True, slots=True)
class KpReportLine:
    """One certificate of the monthly KP report (Reg. 2368/2002 Art. 10)."""

    certificate_number: str
    issuing_participant: str
    issuing_authority: str
    issued_on: date | None
    expires_on: date | None
    origin_countries: tuple[str, ...]
    provenance_country: str
    mixed: bool | None
    hs_code: str
    carats: Decimal | None
    value_usd: Decimal | None
    parcel_count: int | None
    verified_on: date
    post: str
    kiosk_id: str
    inspection_id: str
    outcome: Outcome | None
    measured_ct: Decimal | None
    inspections: int
    in_register: bool
