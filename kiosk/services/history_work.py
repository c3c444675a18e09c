"""The blocking half of the history service: searches, details, reprints, re-checks, reports.

Plain Python (no Qt), so the ``kiosk history`` command uses it as is; the ``HistoryService``
runs each method in its task thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from hardware.base import utc_now
from kiosk.domain.history import (
    HistoryError,
    HistoryPage,
    HistoryQuery,
    InspectionDetail,
    KpReportLine,
    RecheckResult,
    ShiftReport,
    SlipStatus,
    compare_verdicts,
    kp_number_of,
)
from kiosk.domain.models import Inspection
from kiosk.services.checking import LEGAL_TIMEZONE, Checker, inspection_date
from kiosk.slips.errors import SlipError
from kiosk.store.history import (
    REPRINT_EVENT,
    find_inspections,
    inspection_detail,
    report_lines,
    user_names,
)
from kiosk.store.repository import Store

if TYPE_CHECKING:
    from kiosk.settings import Settings
    from kiosk.slips.signing import KioskKey

log = logging.getLogger(__name__)


def day_start(day: date) -> datetime:
    """The first instant of a Belgian calendar day (the legal dates of the regulation)."""
    return datetime.combine(day, time(0, 0), tzinfo=LEGAL_TIMEZONE)


def day_period(first: date, last: date) -> tuple[datetime, datetime]:
    """``[start of first, start of the day after last)`` in Belgian time.

    Raises:
        HistoryError: When ``last`` is before ``first``.
    """
    if last < first:
        raise HistoryError(f"the period ends ({last}) before it starts ({first})")
    return day_start(first), day_start(last + timedelta(days=1))


def month_period(month: str) -> tuple[datetime, datetime]:
    """The Belgian calendar month ``YYYY-MM`` as ``[start, start of next month)``.

    Raises:
        HistoryError: When ``month`` is not ``YYYY-MM``.
    """
    try:
        year_text, month_text = month.strip().split("-")
        first = date(int(year_text), int(month_text), 1)
    except ValueError:
        raise HistoryError(f"{month!r} is not a month (YYYY-MM)") from None
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return day_start(first), day_start(following)


@dataclass(frozen=True, slots=True)
class ReprintJob:
    """A slip ready to be printed again: which file, and whether it was regenerated."""

    inspection_id: str
    path: Path
    regenerated: bool


@dataclass
class HistoryWork:
    """Past inspections from the store, with the checks, slips and reports that use them.

    Every method blocks (database, files, rendering): run it in a task thread or a command.
    """

    settings: Settings
    store: Store | None = None
    clock: Callable[[], datetime] = utc_now
    _owns_store: bool = field(default=False, init=False)
    _checker: Checker | None = field(default=None, init=False)
    _key: KioskKey | None = field(default=None, init=False)

    # ---- life cycle ------------------------------------------------------------------------

    def open(self) -> None:
        """Open the database when no store was given."""
        if self.store is None:
            self.store = Store.open(self.settings.database_url)
            self._owns_store = True

    def close(self) -> None:
        """Close the database if this object opened it."""
        if self.store is not None and self._owns_store:
            self.store.close()
        self.store = None

    def _store(self) -> Store:
        if self.store is None:
            self.open()
        assert self.store is not None
        return self.store

    # ---- searching -------------------------------------------------------------------------

    def find(self, query: HistoryQuery) -> HistoryPage:
        """One page of matching inspections, newest first."""
        return find_inspections(self._store(), query)

    def detail(self, inspection_id: str) -> InspectionDetail:
        """Everything about one past inspection, with its audit events and slip status.

        Raises:
            InspectionNotFoundError: When there is no such inspection.
        """
        store = self._store()
        inspection, kiosk_id, events = inspection_detail(store, inspection_id)
        certificate = None
        number = kp_number_of(inspection)
        if number:
            certificate = store.kp_certificate(number)
        return InspectionDetail(
            inspection=inspection,
            kiosk_id=kiosk_id,
            events=tuple(events),
            slip_status=slip_status(inspection),
            reprints=sum(1 for e in events if e.kind == REPRINT_EVENT),
            certificate=certificate,
            names=user_names(store),
        )

    # ---- reprint ---------------------------------------------------------------------------

    def prepare_reprint(self, inspection_id: str) -> ReprintJob:
        """The slip file of a past inspection; regenerated, marked REPRINT, when it is gone.

        Raises:
            InspectionNotFoundError: When there is no such inspection.
            SlipError: When the inspection has no verdict (so never had a slip) or the slip
                cannot be rendered.
        """
        inspection = self._store().get(inspection_id)
        if inspection.verdict is None:
            raise SlipError(f"{inspection_id} has no verdict, so it has no slip to reprint.")
        if inspection.slip_path and Path(inspection.slip_path).is_file():
            return ReprintJob(inspection_id, Path(inspection.slip_path), regenerated=False)
        return ReprintJob(inspection_id, self.regenerate_slip(inspection), regenerated=True)

    def regenerate_slip(self, inspection: Inspection) -> Path:
        """Render the slip of a past inspection again, marked REPRINT, into the reprints folder.

        The copy says what the original said (the verdict's rule set and data version, the
        inspector and supervisor) plus "REPRINT" and when; it is signed with this kiosk's key.
        """
        from kiosk.slips.slip import SlipContext, write_slip

        store = self._store()
        verdict = inspection.verdict
        assert verdict is not None
        names = user_names(store)
        number = kp_number_of(inspection)
        supervisor = inspection.override.supervisor if inspection.override else None
        kiosk = self.settings.kiosk
        ctx = SlipContext(
            post_code=inspection.post,
            post_name=kiosk.post_name if inspection.post == kiosk.post else inspection.post,
            kiosk_id=kiosk.kiosk_id,
            inspector_name=names.get(inspection.inspector, inspection.inspector),
            supervisor_name=names.get(supervisor, supervisor) if supervisor else None,
            data_version=verdict.data_version,
            ruleset_version=verdict.ruleset_version,
            kp_certificate=store.kp_certificate(number) if number else None,
            signing_key=self._signing_key(),
            reprinted_at=self.clock(),
        )
        return write_slip(inspection, ctx, self.reprints_path)

    @property
    def reprints_path(self) -> Path:
        """Where regenerated slips go (``<slips>/reprints``; the original name stays free)."""
        return self.settings.slips_path / "reprints"

    def record_reprint(self, job: ReprintJob, actor: str | None, destination: str) -> None:
        """Add the reprint to the audit trail."""
        self._store().record_reprint(
            job.inspection_id,
            actor,
            {"path": str(job.path), "regenerated": job.regenerated, "destination": destination},
            self.clock(),
        )

    def _signing_key(self) -> KioskKey:
        if self._key is None:
            from kiosk.slips.signing import SigningError, load_or_create_key

            try:
                self._key = load_or_create_key(
                    self.settings.data_dir / "keys", self.settings.kiosk.kiosk_id
                )
            except SigningError as exc:
                raise SlipError(f"The slip cannot be signed: {exc}") from exc
        return self._key

    # ---- re-check --------------------------------------------------------------------------

    def recheck(self, inspection_id: str) -> RecheckResult:
        """Check a past inspection again under the rules of its own date, and compare.

        The rules are those in force on the inspection's (Belgian) date; the lists and
        registers are those in the database now, so a party listed since then shows up.

        Raises:
            InspectionNotFoundError: When there is no such inspection.
            CheckError: When the rule set cannot be loaded.
        """
        inspection = self._store().get(inspection_id)
        if self._checker is None:
            self._checker = Checker.from_settings(self._store(), self.settings)
        result = self._checker.check(inspection, inspection.started_at)
        return compare_verdicts(
            inspection.id, inspection_date(inspection), inspection.verdict, result.verdict
        )

    # ---- reports ---------------------------------------------------------------------------

    def shift_report(
        self,
        since: datetime,
        until: datetime,
        *,
        post: str | None = None,
        kiosk_id: str | None = None,
    ) -> ShiftReport:
        """The end-of-shift report's content for a post and kiosk (this one by default)."""
        if until <= since:
            raise HistoryError("the end of the period must come after its start")
        store = self._store()
        kiosk = self.settings.kiosk
        post = post or kiosk.post
        kiosk_id = kiosk_id or kiosk.kiosk_id
        lines = report_lines(store, since, until, post=post, kiosk_id=kiosk_id)
        version = store.data_version()
        used = sorted({ln.inspection.verdict.data_version for ln in lines if ln.inspection.verdict})
        data = ", ".join(v for v in used if v) or (version.version if version else "")
        return ShiftReport(
            post=post,
            post_name=kiosk.post_name if post == kiosk.post else post,
            kiosk_id=kiosk_id,
            since=since,
            until=until,
            generated_at=self.clock(),
            lines=tuple(lines),
            data_version=data,
            names=user_names(store),
        )

    def write_shift_report(
        self,
        since: datetime,
        until: datetime,
        out: Path | None = None,
        *,
        post: str | None = None,
        kiosk_id: str | None = None,
    ) -> Path:
        """Render the end-of-shift report as an A4 PDF at ``out`` (default: reports folder)."""
        from kiosk.slips.reports import render_shift_report, write_atomically

        report = self.shift_report(since, until, post=post, kiosk_id=kiosk_id)
        if out is None:
            local = until.astimezone(LEGAL_TIMEZONE)
            out = self.reports_path / f"shift-{report.kiosk_id}-{local:%Y%m%d-%H%M}.pdf"
        return write_atomically(render_shift_report(report), out)

    def kp_monthly(self, month: str, *, post: str | None = None) -> list[KpReportLine]:
        """The lines of the KP monthly report of a post (this one by default)."""
        from kiosk.slips.reports import kp_report_lines

        since, until = month_period(month)
        store = self._store()
        lines = report_lines(store, since, until, post=post or self.settings.kiosk.post)
        numbers = {n for ln in lines if (n := kp_number_of(ln.inspection))}
        certificates = {n: store.kp_certificate(n) for n in numbers}
        return kp_report_lines(lines, certificates)

    def write_kp_monthly(
        self, month: str, out: Path | None = None, *, post: str | None = None
    ) -> Path:
        """Write the KP monthly report as CSV at ``out`` (default: reports folder)."""
        from kiosk.slips.reports import kp_report_csv, write_atomically

        lines = self.kp_monthly(month, post=post)
        if out is None:
            out = self.reports_path / f"kp-monthly-{post or self.settings.kiosk.post}-{month}.csv"
        return write_atomically(kp_report_csv(lines).encode("utf-8"), out)

    @property
    def reports_path(self) -> Path:
        """Where reports made at the kiosk go (``<data dir>/reports``)."""
        return self.settings.data_dir / "reports"


def slip_status(inspection: Inspection) -> SlipStatus:
    """Whether the inspection's slip was written, printed, or is missing from disk."""
    if inspection.slip_path is None:
        return SlipStatus.NONE
    if not Path(inspection.slip_path).is_file():
        return SlipStatus.MISSING
    return SlipStatus.PRINTED if inspection.printed_at is not None else SlipStatus.WRITTEN


__all__ = [
    "HistoryWork",
    "ReprintJob",
    "day_period",
    "day_start",
    "month_period",
    "slip_status",
]
