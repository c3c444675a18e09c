"""`kiosk history find|report`: past inspections and the shift and KP monthly reports.

``find`` lists inspections newest first (``--json``: one JSON line each). ``report shift``
writes the end-of-shift report (A4 PDF) of this kiosk for a period; ``report kp-monthly``
the monthly KP report of this post (CSV, Reg. 2368/2002 Art. 10). Dates are Belgian
calendar dates (``YYYY-MM-DD``, ``--to`` included) or instants (``YYYY-MM-DDTHH:MM``, local
Belgian time unless an offset is given, ``--to`` excluded).
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.cli import CommandError
from kiosk.commands.common import emit
from kiosk.settings import RESOURCES, Settings

if TYPE_CHECKING:
    from kiosk.domain.history import HistoryRow
    from kiosk.services.history_work import HistoryWork

VERDICTS = ("any", "clear", "exempt", "hold", "refuse", "overridden")


def register(sub: Any) -> None:
    """Add ``kiosk history``."""
    history: argparse.ArgumentParser = sub.add_parser(
        "history", help="past inspections, end-of-shift and KP monthly reports"
    )
    history_sub = history.add_subparsers(dest="history_command", metavar="ACTION", required=True)

    find = history_sub.add_parser("find", help="list past inspections, newest first")
    find.add_argument("--id", dest="identifier", default="", help="part of any identifier or id")
    find.add_argument("--from", dest="since", metavar="WHEN", help="started on/after (date)")
    find.add_argument("--to", dest="until", metavar="WHEN", help="started up to (date, included)")
    find.add_argument("--verdict", choices=VERDICTS, default="any")
    find.add_argument("--post", default="", help="post code (default: all posts)")
    find.add_argument("--inspector", default="", help="inspector's username")
    find.add_argument("--limit", type=int, default=50, help="lines per page (1-500)")
    find.add_argument("--page", type=int, default=0, help="page, from 0")
    find.add_argument("--json", action="store_true", help="one JSON line per inspection")
    find.set_defaults(handler=run_find)

    report = history_sub.add_parser("report", help="write a report")
    report_sub = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    shift = report_sub.add_parser("shift", help="end-of-shift report (A4 PDF)")
    shift.add_argument("--from", dest="since", metavar="WHEN", required=True)
    shift.add_argument("--to", dest="until", metavar="WHEN", required=True)
    shift.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    shift.add_argument("--post", default=None, help="post code (default: this kiosk's)")
    shift.add_argument("--kiosk", default=None, help="kiosk id (default: this kiosk)")
    shift.set_defaults(handler=run_shift)
    kp = report_sub.add_parser("kp-monthly", help="KP monthly report per certificate (CSV)")
    kp.add_argument("--month", metavar="YYYY-MM", required=True)
    kp.add_argument("--out", metavar="FILE.csv", type=Path, required=True)
    kp.add_argument("--post", default=None, help="post code (default: this kiosk's)")
    kp.set_defaults(handler=run_kp_monthly)


def _when(text: str, option: str, *, end: bool) -> datetime:
    """An option's instant: a date is its start (``end``: the start of the next day)."""
    from kiosk.services.checking import LEGAL_TIMEZONE
    from kiosk.services.history_work import day_start

    try:
        day = date.fromisoformat(text)
    except ValueError:
        pass
    else:
        return day_start(day + timedelta(days=1) if end else day)
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"{option}: {text!r} is not a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM)"
        ) from None
    return at if at.tzinfo is not None else at.replace(tzinfo=LEGAL_TIMEZONE)


def _work(settings: Settings) -> HistoryWork:
    from kiosk.services.history_work import HistoryWork
    from kiosk.store import StoreError

    work = HistoryWork(settings)
    try:
        work.open()
        if settings.data.sample_data and work.store is not None:
            work.store.seed_sample_data_if_empty(RESOURCES / "sample")
    except StoreError as exc:
        work.close()
        raise CommandError(str(exc)) from None
    return work


def _row(row: HistoryRow) -> dict[str, Any]:
    return {
        "inspection_id": row.inspection_id,
        "started_at": row.started_at.isoformat(),
        "post": row.post,
        "kiosk_id": row.kiosk_id,
        "inspector": row.inspector,
        "state": row.state.value,
        "kp_number": row.kp_number,
        "verdict": row.outcome.label if row.outcome is not None else None,
        "final": row.final_outcome.label if row.final_outcome is not None else None,
        "overridden_by": row.supervisor,
        "printed": row.printed,
    }


def run_find(settings: Settings, args: argparse.Namespace) -> int:
    """Print one page of past inspections; exit 0 (even when none matches)."""
    from kiosk.domain.history import HistoryError, HistoryQuery, VerdictFilter
    from kiosk.store import StoreError

    try:
        query = HistoryQuery(
            identifier=args.identifier,
            since=_when(args.since, "--from", end=False) if args.since else None,
            until=_when(args.until, "--to", end=True) if args.until else None,
            verdict=VerdictFilter(args.verdict),
            post=args.post,
            inspector=args.inspector,
            page=args.page,
            page_size=args.limit,
        )
    except HistoryError as exc:
        raise CommandError(str(exc)) from None
    work = _work(settings)
    try:
        page = work.find(query)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    finally:
        work.close()
    for row in page.rows:
        if args.json:
            emit(_row(row))
            continue
        verdict = row.outcome.label if row.outcome is not None else "-"
        if row.supervisor is not None and row.final_outcome is not None:
            verdict += f"->{row.final_outcome.label} (override {row.supervisor})"
        print(
            f"{row.started_at.astimezone():%Y-%m-%d %H:%M}  {row.inspection_id}  "
            f"{row.kp_number or '-':<16} {verdict:<8} {row.inspector}  {row.post}/{row.kiosk_id}"
        )
    if not args.json:
        more = f"; more: --page {query.page + 1}" if page.has_more else ""
        print(f"{len(page.rows)} inspection(s){more}")
    return 0


def run_shift(settings: Settings, args: argparse.Namespace) -> int:
    """Write the end-of-shift report PDF; print its path."""
    from kiosk.domain.history import HistoryError
    from kiosk.slips.errors import SlipError
    from kiosk.slips.reports import render_shift_report, write_atomically
    from kiosk.store import StoreError

    since = _when(args.since, "--from", end=False)
    until = _when(args.until, "--to", end=True)
    work = _work(settings)
    try:
        report = work.shift_report(since, until, post=args.post, kiosk_id=args.kiosk)
        path = write_atomically(render_shift_report(report), args.out)
        report_count = len(report.lines)
    except (HistoryError, StoreError, SlipError) as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"{args.out}: cannot write: {exc.strerror or exc}") from None
    finally:
        work.close()
    print(f"{path} ({report_count} inspection(s))")
    return 0


def run_kp_monthly(settings: Settings, args: argparse.Namespace) -> int:
    """Write the KP monthly report CSV; print its path."""
    from kiosk.domain.history import HistoryError
    from kiosk.slips.reports import kp_report_csv, write_atomically
    from kiosk.store import StoreError

    work = _work(settings)
    try:
        lines = work.kp_monthly(args.month, post=args.post)
        path = write_atomically(kp_report_csv(lines).encode("utf-8"), args.out)
    except (HistoryError, StoreError) as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"{args.out}: cannot write: {exc.strerror or exc}") from None
    finally:
        work.close()
    print(f"{path} ({len(lines)} certificate(s))")
    return 0


__all__ = ["register", "run_find", "run_kp_monthly", "run_shift"]
