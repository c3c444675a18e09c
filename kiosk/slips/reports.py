"""Reports of past inspections: the end-of-shift report (A4 PDF) and the monthly KP report (CSV).

The end-of-shift report lists, for one post and kiosk and a period: who inspected, how many
parcels ended in each verdict, every inspection, every override with its reason code, the
holds and refusals, and the data version in use. The KP monthly report has one line per
Kimberley Process certificate verified in the month, with the fields Article 10 of Regulation
(EC) 2368/2002 asks for (certificate number, issuing participant and authority, dates, origin
and provenance, HS code, carats, value, parcels, verifying post and date).
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kiosk.domain.history import KpReportLine, ReportLine, ShiftReport, kp_number_of
from kiosk.domain.models import InspectionState, KpCertificate, Outcome
from kiosk.slips.errors import SlipError
from kiosk.slips.fonts import load_fonts
from kiosk.slips.slip import _binary_streams

KP_CSV_FIELDS: tuple[str, ...] = (
    "direction",
    "certificate_number",
    "issuing_participant",
    "issuing_authority",
    "issued_on",
    "expires_on",
    "origin_countries",
    "provenance_country",
    "mixed",
    "hs_code",
    "carats",
    "value_usd",
    "parcel_count",
    "verified_on",
    "post",
    "kiosk_id",
    "inspection_id",
    "outcome",
    "measured_ct",
    "inspections",
    "in_register",
)
"""The columns of the KP monthly report, in order."""

OUTCOME_MARKS = {
    Outcome.CLEAR: "\u2714 CLEAR",
    Outcome.EXEMPT: "\u2714 EXEMPT",
    Outcome.HOLD: "! HOLD",
    Outcome.REFUSE: "\u2716 REFUSE",
}


# ---- End-of-shift report --------------------------------------------------------------------


class _Styles:
    def __init__(self) -> None:
        fonts = load_fonts()
        self.regular = fonts.regular
        self.bold = fonts.bold
        self.body = ParagraphStyle("body", fontName=fonts.regular, fontSize=9, leading=11.5)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10)
        self.title = ParagraphStyle("title", fontName=fonts.bold, fontSize=16, leading=20)
        self.heading = ParagraphStyle(
            "heading", fontName=fonts.bold, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=3
        )
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=8, leading=9.8)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=fonts.bold)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _local(at: datetime, zone: ZoneInfo) -> str:
    return f"{at.astimezone(zone):%Y-%m-%d %H:%M}"


def _table(rows: Sequence[Sequence[Any]], widths_mm: Sequence[float], styles: _Styles) -> Table:
    table = Table(
        [list(r) for r in rows], colWidths=[w * mm for w in widths_mm], repeatRows=1, hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), styles.bold),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _outcome_text(line: ReportLine) -> str:
    inspection = line.inspection
    if inspection.state is InspectionState.VOIDED:
        return "VOIDED"
    verdict = inspection.verdict
    if verdict is None:
        return "no verdict"
    text = OUTCOME_MARKS[verdict.outcome]
    if inspection.override is not None:
        text += f" \u2192 {inspection.override.new_outcome.label} (override)"
    return text


def _measured(line: ReportLine) -> str:
    reading = line.inspection.reading
    return f"{reading.carats} ct" if reading is not None else "\u2014"


def shift_report_flowables(report: ShiftReport, styles: _Styles) -> list[Any]:
    """The content of the end-of-shift report, top to bottom."""
    zone = ZoneInfo(report.timezone)
    story: list[Any] = [
        _p("END-OF-SHIFT REPORT", styles.title),
        _p(f"{report.post_name} ({report.post}) \u2014 kiosk {report.kiosk_id}", styles.body),
        _p(
            f"Period: {_local(report.since, zone)} to {_local(report.until, zone)} "
            f"({report.timezone})",
            styles.body,
        ),
        _p(
            "Inspector(s): "
            + (", ".join(f"{report.name(u)} ({u})" for u in report.inspectors()) or "none"),
            styles.body,
        ),
        _p(f"Data version: {report.data_version or 'unknown'}", styles.body),
        _p(f"Generated: {_local(report.generated_at, zone)}", styles.small),
        Spacer(1, 4 * mm),
        _p("Counts by verdict", styles.heading),
    ]
    counts = report.counts()
    order = ["CLEAR", "EXEMPT", "HOLD", "REFUSE", "OVERRIDDEN", "NO VERDICT", "VOIDED"]
    count_rows = [["Verdict", "Parcels"], *[[k, str(counts[k])] for k in order]]
    count_rows.append(["Total inspections", str(len(report.lines))])
    story.append(_table(count_rows, (50, 25), styles))
    story.append(
        _p(
            "Verdicts count the outcome that stands (an overridden HOLD counts as its new "
            "outcome, and once more under OVERRIDDEN).",
            styles.small,
        )
    )

    story.append(_p(f"Inspections ({len(report.lines)})", styles.heading))
    rows: list[list[Any]] = [
        ["Time", "Inspection", "KP certificate", "Verdict", "Measured", "Inspector", "Slip"]
    ]
    for line in report.lines:
        inspection = line.inspection
        rows.append(
            [
                _p(_local(inspection.started_at, zone), styles.cell),
                _p(inspection.id, styles.cell),
                _p(kp_number_of(inspection) or "\u2014", styles.cell),
                _p(_outcome_text(line), styles.cell_bold),
                _p(_measured(line), styles.cell),
                _p(report.name(inspection.inspector), styles.cell),
                _p("printed" if inspection.printed_at else "not printed", styles.cell),
            ]
        )
    if len(rows) == 1:
        story.append(_p("No inspection in this period.", styles.body))
    else:
        story.append(_table(rows, (22, 45, 27, 32, 18, 24, 12), styles))

    overrides = [line for line in report.lines if line.inspection.override is not None]
    story.append(_p(f"Overrides ({len(overrides)})", styles.heading))
    if overrides:
        rows = [["Inspection", "Change", "Supervisor", "Inspector", "Code", "Reason"]]
        for line in overrides:
            inspection = line.inspection
            override = inspection.override
            assert override is not None
            assert inspection.verdict is not None
            rows.append(
                [
                    _p(inspection.id, styles.cell),
                    _p(
                        f"{inspection.verdict.outcome.label} \u2192 {override.new_outcome.label}",
                        styles.cell,
                    ),
                    _p(report.name(override.supervisor), styles.cell),
                    _p(report.name(inspection.inspector), styles.cell),
                    _p(override.code.value, styles.cell),
                    _p(override.text, styles.cell),
                ]
            )
        story.append(_table(rows, (45, 24, 24, 24, 31, 32), styles))
    else:
        story.append(_p("None.", styles.body))

    held = [
        line
        for line in report.lines
        if line.inspection.verdict is not None
        and line.inspection.verdict.outcome in (Outcome.HOLD, Outcome.REFUSE)
    ]
    story.append(_p(f"Holds and refusals ({len(held)})", styles.heading))
    if held:
        rows = [["Inspection", "Verdict", "Rules and reasons", "Now"]]
        for line in held:
            inspection = line.inspection
            verdict = inspection.verdict
            assert verdict is not None
            deciding = [r for r in verdict.reasons if r.outcome is verdict.outcome]
            reasons = "; ".join(f"{r.rule_id}: {r.message}" for r in deciding) or "\u2014"
            now = (
                f"overridden to {inspection.override.new_outcome.label}"
                if inspection.override is not None
                else "stands"
            )
            rows.append(
                [
                    _p(inspection.id, styles.cell),
                    _p(OUTCOME_MARKS[verdict.outcome], styles.cell_bold),
                    _p(reasons, styles.cell),
                    _p(now, styles.cell),
                ]
            )
        story.append(_table(rows, (45, 20, 85, 30), styles))
    else:
        story.append(_p("None.", styles.body))
    return story


def render_shift_report(report: ShiftReport) -> bytes:
    """The end-of-shift report as an A4 PDF.

    Raises:
        SlipError: When the report's times are not timezone-aware.
    """
    for at in (report.since, report.until, report.generated_at):
        if at.tzinfo is None:
            raise SlipError("report times must be timezone-aware")
    styles = _Styles()
    buffer = io.BytesIO()

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(styles.regular, 7.5)
        canvas.drawString(
            15 * mm,
            10 * mm,
            f"{report.post} / {report.kiosk_id} \u2014 end-of-shift report \u2014 page {doc.page}",
        )
        canvas.restoreState()

    with _binary_streams():
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=18 * mm,
            title=f"End-of-shift report {report.post} {report.kiosk_id}",
            author=f"{report.post} {report.kiosk_id}",
            creator="Inspection Kiosk",
            invariant=1,
        )
        doc.build(shift_report_flowables(report, styles), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


# ---- KP monthly report ----------------------------------------------------------------------


def kp_report_lines(
    lines: Iterable[ReportLine],
    certificates: dict[str, KpCertificate | None],
    timezone: str = "Europe/Brussels",
) -> list[KpReportLine]:
    """One line per KP certificate verified in the lines' period (the latest inspection stands).

    Voided inspections and inspections without a KP number are left out. Fields the register
    does not hold are taken from the declaration when it has them.

    Args:
        lines: The month's inspections, oldest first.
        certificates: The register's record of each KP number (``None`` when not in it).
        timezone: The zone of the verification dates.
    """
    zone = ZoneInfo(timezone)
    latest: dict[str, ReportLine] = {}
    counts: dict[str, int] = {}
    for line in lines:
        inspection = line.inspection
        number = kp_number_of(inspection)
        if number is None or inspection.state is InspectionState.VOIDED:
            continue
        latest[number] = line
        counts[number] = counts.get(number, 0) + 1
    out: list[KpReportLine] = []
    for number in sorted(latest):
        line = latest[number]
        inspection = line.inspection
        cert = certificates.get(number)
        declaration = inspection.declaration
        origin: tuple[str, ...] = ()
        if cert is not None:
            origin = cert.origin_countries
        elif declaration is not None:
            origin = declaration.origin_countries
        out.append(
            KpReportLine(
                certificate_number=number,
                issuing_participant=cert.issuing_country if cert else number[:2],
                issuing_authority=cert.authority if cert else "",
                issued_on=cert.issued_on if cert else None,
                expires_on=cert.expires_on if cert else None,
                origin_countries=origin,
                provenance_country=cert.provenance_country
                if cert
                else (declaration.export_country if declaration else ""),
                mixed=cert.mixed if cert else None,
                hs_code=cert.hs_code if cert else (declaration.cn_code if declaration else ""),
                carats=cert.carats
                if cert
                else (declaration.declared_carats if declaration else None),
                value_usd=cert.value_usd
                if cert
                else (declaration.value_usd if declaration else None),
                parcel_count=cert.parcel_count
                if cert
                else (declaration.parcel_count if declaration else None),
                verified_on=inspection.started_at.astimezone(zone).date(),
                post=inspection.post,
                kiosk_id=line.kiosk_id,
                inspection_id=inspection.id,
                outcome=inspection.final_outcome,
                measured_ct=inspection.reading.carats if inspection.reading else None,
                inspections=counts[number],
                in_register=cert is not None,
            )
        )
    return out


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Outcome):
        return value.label
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    return str(value)


def kp_report_csv(lines: Sequence[KpReportLine]) -> str:
    """The KP monthly report as CSV text (a header, then one row per certificate)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(KP_CSV_FIELDS)
    for line in lines:
        values = {
            "direction": "import",
            **{name: getattr(line, name) for name in KP_CSV_FIELDS if hasattr(line, name)},
        }
        writer.writerow([_cell(values[name]) for name in KP_CSV_FIELDS])
    return buffer.getvalue()


def write_atomically(data: bytes, target: Path) -> Path:
    """Write ``data`` to ``target`` through a temporary file and a rename (never half a file).

    Raises:
        OSError: When the folder cannot be written.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


__all__ = [
    "KP_CSV_FIELDS",
    "kp_report_csv",
    "kp_report_lines",
    "render_shift_report",
    "shift_report_flowables",
    "write_atomically",
]
