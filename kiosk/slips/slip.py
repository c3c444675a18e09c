"""The clearance slip: one inspection rendered as a PDF for an 80 mm roll printer."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import HRFlowable

from hardware.base import sync_folder
from kiosk.crashpoints import crash_point
from kiosk.domain.models import (
    IdentifierKind,
    Inspection,
    KpCertificate,
    Photo,
    Reason,
    WeightState,
)
from kiosk.slips.errors import SlipError
from kiosk.slips.fonts import SlipFonts, load_fonts
from kiosk.slips.layout import (
    MARGIN_PT,
    MAX_CONTENT_HEIGHT_PT,
    MAX_PAGE_HEIGHT_PT,
    PAGE_WIDTH_PT,
    PRINTABLE_WIDTH_PT,
    JpegPassThrough,
    LayoutError,
    PhotoFlowable,
    Stack,
    VerdictBox,
    draw_pages,
    fitted_code128,
    fitted_qr,
    paginate,
)
from kiosk.slips.signing import KioskKey, SigningError, sign_summary, summary_of

DEFAULT_TIMEZONE = "Europe/Brussels"
TITLE = "DIAMOND PARCEL INSPECTION"
REPRINT_MARK = "*** REPRINT ***"
#: Largest photo file read for the slip; a bigger file is reported, not loaded.
MAX_PHOTO_BYTES = 20 * 1024 * 1024
_FILE_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")

_KIND_LABELS: dict[IdentifierKind, str] = {
    IdentifierKind.KP_CERTIFICATE: "KP certificate",
    IdentifierKind.G7_CERTIFICATE: "G7 certificate",
    IdentifierKind.MRN: "MRN",
    IdentifierKind.AWB: "Air waybill",
    IdentifierKind.SSCC: "SSCC",
    IdentifierKind.GTIN: "GTIN",
    IdentifierKind.EPC: "EPC (RFID)",
    IdentifierKind.SEAL: "Seal",
    IdentifierKind.UNKNOWN: "Unrecognised",
}


def _require_aware(at: datetime, what: str) -> None:
    """Raise ``SlipError`` unless ``at`` carries a time zone."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise SlipError(f"{what} must be a timezone-aware datetime, got {at.isoformat()}")


@dataclass(frozen=True, slots=True)
class SlipContext:
    """What the slip says besides the inspection: where, who, and which data decided.

    Attributes:
        post_code: Code of the inspection post (``"BE-ANR-DO"``).
        post_name: Name of the post as printed.
        kiosk_id: The kiosk that printed the slip.
        inspector_name: Display name of the inspector.
        supervisor_name: Display name of the supervisor who overrode, if any.
        data_version: Version of the reference data (lists, registers) in use.
        data_published_at: When the hub published that data (timezone-aware).
        ruleset_version: Version of the rule set that decided; the verdict's when empty.
        timezone: IANA zone for local times (``"Europe/Brussels"``).
        kp_certificate: The KP certificate on file for the parcel, for its carats.
        signing_key: The kiosk's key; when given, the slip carries a QR code of its signed
            summary (``kiosk slip verify``).
        reprinted_at: When given, the slip is a regenerated copy of a past slip: it says
            "REPRINT" and when under its title.
    """

    post_code: str
    post_name: str
    kiosk_id: str
    inspector_name: str
    supervisor_name: str | None = None
    data_version: str = ""
    data_published_at: datetime | None = None
    ruleset_version: str = ""
    timezone: str = DEFAULT_TIMEZONE
    kp_certificate: KpCertificate | None = None
    signing_key: KioskKey | None = None
    reprinted_at: datetime | None = None

    def __post_init__(self) -> None:
        """Check the context so that a bad one fails at once with a clear message."""
        for name in ("post_code", "post_name", "kiosk_id", "inspector_name"):
            if not str(getattr(self, name)).strip():
                raise SlipError(f"slip context: {name} must not be empty")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise SlipError(f"slip context: unknown time zone {self.timezone!r}") from exc
        if self.data_published_at is not None:
            _require_aware(self.data_published_at, "slip context: data_published_at")
        if self.reprinted_at is not None:
            _require_aware(self.reprinted_at, "slip context: reprinted_at")

    @property
    def zone(self) -> ZoneInfo:
        """The local time zone."""
        return ZoneInfo(self.timezone)


def _fitting_size(text: str, font_name: str, size_pt: float, width_pt: float) -> float:
    """The largest font size up to ``size_pt`` (at least 8 pt) that keeps ``text`` on one line."""
    while size_pt > 8 and stringWidth(text, font_name, size_pt) > width_pt:
        size_pt -= 0.5
    return size_pt


def _fmt_ct(value: Decimal) -> str:
    """Carats with at least three decimals (more when the value has them)."""
    if not value.is_finite():
        raise SlipError(f"a weight on the slip is not a number: {value}")
    exponent = value.as_tuple().exponent
    places = max(3, -exponent) if isinstance(exponent, int) else 3
    return f"{value:.{places}f} ct"


def _fmt_diff(measured: Decimal, reference: Decimal) -> str:
    """Signed difference in carats and, when the reference is not zero, in percent."""
    diff = measured - reference
    text = ("+" if diff >= 0 else "-") + _fmt_ct(abs(diff))
    if reference != 0:
        text += f" ({diff / reference * 100:+.2f} %)"
    return text


def _visible(raw: str) -> str:
    """A raw device line with control characters spelled out (``<CR>``, ``<0x02>``)."""
    names = {"\r": "<CR>", "\n": "<LF>", "\t": "<TAB>"}
    out = []
    for ch in raw:
        if ch in names:
            out.append(names[ch])
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append(f"<0x{ord(ch):02X}>")
        else:
            out.append(ch)
    return "".join(out)


class _SlipBuilder:
    """Builds the slip's flowables, in the order the brief prints them."""

    def __init__(self, inspection: Inspection, ctx: SlipContext, fonts: SlipFonts) -> None:
        self.inspection = inspection
        self.ctx = ctx
        self.fonts = fonts
        self.zone = ctx.zone
        base = ParagraphStyle(
            "slip-body",
            fontName=fonts.regular,
            fontSize=8.5,
            leading=10.5,
            splitLongWords=1,
        )
        self.body = base
        self.small = ParagraphStyle("slip-small", parent=base, fontSize=7.5, leading=9.2)
        self.indented = ParagraphStyle("slip-indent", parent=base, leftIndent=2.5 * mm)
        self.indented_small = ParagraphStyle(
            "slip-indent-small", parent=self.small, leftIndent=2.5 * mm
        )
        self.centred = ParagraphStyle("slip-centre", parent=base, alignment=TA_CENTER)
        self.centred_small = ParagraphStyle(
            "slip-centre-small", parent=self.small, alignment=TA_CENTER
        )
        self.post = ParagraphStyle(
            "slip-post",
            parent=base,
            fontName=fonts.bold,
            fontSize=10.5,
            leading=13,
            alignment=TA_CENTER,
        )
        self.title = ParagraphStyle(
            "slip-title",
            parent=base,
            fontName=fonts.bold,
            fontSize=_fitting_size(TITLE, fonts.bold, 12.5, PRINTABLE_WIDTH_PT),
            leading=15,
            alignment=TA_CENTER,
            spaceBefore=1.5 * mm,
            spaceAfter=1.5 * mm,
        )
        self.id_text = ParagraphStyle(
            "slip-id",
            parent=base,
            fontName=fonts.bold,
            fontSize=10,
            leading=12.5,
            alignment=TA_CENTER,
            spaceBefore=0.8 * mm,
        )
        self.heading = ParagraphStyle(
            "slip-heading",
            parent=base,
            fontName=fonts.bold,
            fontSize=9,
            leading=11.5,
            spaceAfter=0.8 * mm,
        )
        self.reason_head = ParagraphStyle(
            "slip-reason", parent=base, fontName=fonts.bold, spaceBefore=1.2 * mm
        )

    # ---- text helpers

    def text(self, value: str) -> str:
        """Escape a value for paragraph markup after fitting it to the fonts."""
        return escape(self.fonts.fit(value))

    def para(self, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text."""
        return Paragraph(self.text(value), style or self.body)

    def field(self, label: str, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A ``label: value`` paragraph with the label in bold."""
        return Paragraph(f"<b>{self.text(label)}:</b> {self.text(value)}", style or self.body)

    def rule(self, dashed: bool = True) -> HRFlowable:
        """A horizontal separator across the printable width."""
        return HRFlowable(
            width="100%",
            thickness=0.7,
            color="black",
            spaceBefore=1.6 * mm,
            spaceAfter=1.4 * mm,
            dash=(2, 2) if dashed else None,
        )

    def section(self, title: str) -> list[Any]:
        """A separator and a bold section heading."""
        return [self.rule(), self.para(title.upper(), self.heading)]

    def local_time(self, at: datetime) -> str:
        """Local date and time with zone abbreviation and UTC offset."""
        local = at.astimezone(self.zone)
        offset = local.strftime("%z")
        return f"{local:%Y-%m-%d %H:%M:%S} {local.tzname()} {offset[:3]}:{offset[3:]}"

    @staticmethod
    def utc_time(at: datetime) -> str:
        """UTC date and time."""
        return f"{at.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"

    # ---- the slip, top to bottom

    def build(self) -> list[Any]:
        """All flowables of the slip, top to bottom."""
        flowables: list[Any] = [*self.header(), *self.barcode()]
        flowables.append(Stack(self.when_and_who() + self.verdict()))
        flowables += self.reasons()
        for section in (
            self.identifiers(),
            self.seals(),
            self.declaration(),
            self.weights(),
            self.photo(),
            self.override(),
            self.data_versions(),
            self.verification(),
            self.footer(),
        ):
            if section:
                flowables.append(Stack(section))
        return flowables

    def header(self) -> list[Any]:
        """Post, kiosk and title."""
        return [
            self.para(self.ctx.post_name, self.post),
            self.para(f"Post {self.ctx.post_code} - Kiosk {self.ctx.kiosk_id}", self.centred),
            self.para(TITLE, self.title),
            *self.reprint_mark(),
        ]

    def reprint_mark(self) -> list[Any]:
        """The REPRINT mark and its time, on a regenerated copy of a past slip."""
        if self.ctx.reprinted_at is None:
            return []
        return [
            self.para(REPRINT_MARK, self.title),
            self.para(f"Reprinted {self.local_time(self.ctx.reprinted_at)}", self.centred),
        ]

    def barcode(self) -> list[Any]:
        """The inspection id as Code 128 with the id in text under it."""
        try:
            code = fitted_code128(self.inspection.id)
        except LayoutError as exc:
            raise SlipError(str(exc)) from exc
        size_pt = _fitting_size(self.inspection.id, self.fonts.bold, 10, PRINTABLE_WIDTH_PT)
        style = ParagraphStyle("slip-id-fitted", parent=self.id_text, fontSize=size_pt)
        return [code, self.para(self.inspection.id, style)]

    def when_and_who(self) -> list[Any]:
        """Date and time of the decision (local and UTC), inspector and supervisor."""
        verdict = self.inspection.verdict
        assert verdict is not None  # checked by render_slip
        rows: list[Any] = [
            self.rule(),
            self.field("Time", self.local_time(verdict.decided_at)),
            self.field("UTC", self.utc_time(verdict.decided_at)),
            self.field("Inspector", self.inspector_label()),
        ]
        override = self.inspection.override
        if override is not None:
            rows.append(self.field("Supervisor", self.supervisor_label()))
        return rows

    def inspector_label(self) -> str:
        """The inspector's display name and, when different, user name."""
        name, user = self.ctx.inspector_name, self.inspection.inspector
        return f"{name} ({user})" if user and user != name else name

    def supervisor_label(self) -> str:
        """The overriding supervisor's display name and user name."""
        override = self.inspection.override
        assert override is not None
        name = self.ctx.supervisor_name
        if name and name != override.supervisor:
            return f"{name} ({override.supervisor})"
        return name or override.supervisor

    def verdict(self) -> list[Any]:
        """The final outcome in a large box, and what it replaced when overridden."""
        outcome = self.inspection.final_outcome
        verdict = self.inspection.verdict
        assert outcome is not None
        assert verdict is not None
        box = VerdictBox(outcome, outcome.label, self.fonts.bold)
        box.spaceBefore = 2 * mm
        box.spaceAfter = 1 * mm
        rows: list[Any] = [box]
        if self.inspection.override is not None:
            rows.append(
                self.para(
                    f"Verdict of the checks was {verdict.outcome.label}; "
                    f"overridden to {outcome.label} by a supervisor (see below).",
                    self.centred_small,
                )
            )
        return rows

    def reasons(self) -> list[Any]:
        """Every reason: rule id and outcome, message, legal basis and details."""
        verdict = self.inspection.verdict
        assert verdict is not None
        head = self.section(f"Reasons ({len(verdict.reasons)})")
        if not verdict.reasons:
            none = self.para("No rule gave a reason: nothing found against the parcel.")
            return [Stack([*head, none])]
        groups = [self.reason(n, reason) for n, reason in enumerate(verdict.reasons, start=1)]
        # Each reason stays in one piece; the heading stays with the first reason.
        return [Stack(head + groups[0]), *(Stack(group) for group in groups[1:])]

    def reason(self, number: int, reason: Reason) -> list[Any]:
        """One reason, wrapped to the width, never cut."""
        rows: list[Any] = [
            Paragraph(
                f"{number}. {self.text(reason.rule_id)} - {self.text(reason.outcome.label)}",
                self.reason_head,
            ),
            self.para(reason.message, self.indented),
            self.field("Legal basis", reason.legal_basis or "(none given)", self.indented_small),
        ]
        rows += [self.field(key, value, self.indented_small) for key, value in reason.details]
        return rows

    def identifiers(self) -> list[Any]:
        """Every identifier presented, invalid ones marked."""
        rows = self.section(f"Identifiers ({len(self.inspection.identifiers)})")
        if not self.inspection.identifiers:
            rows.append(self.para("No identifier was scanned or typed."))
        for ident in self.inspection.identifiers:
            label = _KIND_LABELS.get(ident.kind, str(ident.kind))
            markup = (
                f"<b>{self.text(label)}:</b> {self.text(ident.value)} "
                f"<font size=7>({self.text(ident.source.value)})</font>"
            )
            if not ident.valid:
                markup = f"<b>[INVALID]</b> {markup}"
            rows.append(Paragraph(markup, self.body))
            if ident.problem is not None:
                rows.append(self.para(ident.problem, self.indented_small))
        return rows

    def seals(self) -> list[Any]:
        """The seal found on the parcel, the seals declared, and the new seal applied."""
        found = [i.value for i in self.inspection.identifiers if i.kind is IdentifierKind.SEAL]
        declared = (
            list(self.inspection.declaration.seal_numbers)
            if self.inspection.declaration is not None
            else []
        )
        new_seal = self.inspection.new_seal
        if not found and not declared and new_seal is None:
            return []
        rows = self.section("Seals")
        rows.append(self.field("Old seal (found)", ", ".join(found) or "none scanned"))
        rows.append(self.field("Declared", ", ".join(declared) or "none declared"))
        rows.append(self.field("New seal (applied)", new_seal or "not recorded"))
        return rows

    def declaration(self) -> list[Any]:
        """The declared parcel: reference, parties, origin and route."""
        decl = self.inspection.declaration
        if decl is None:
            return [*self.section("Declaration"), self.para("No declaration was recorded.")]
        rows = self.section("Declaration")
        rows.append(self.field("Reference", decl.reference))
        if decl.kp_number:
            rows.append(self.field("KP certificate", decl.kp_number))
        rows.append(self.field("Exporter", decl.exporter))
        rows.append(self.field("Importer", decl.importer))
        rows.append(self.field("Origin", ", ".join(decl.origin_countries) or "(none declared)"))
        rows.append(self.field("Exported from", decl.export_country))
        if decl.processed_in:
            rows.append(self.field("Cut/processed in", decl.processed_in))
        if decl.route:
            rows.append(self.field("Route", " / ".join(decl.route)))
        rows.append(self.field("CN code", decl.cn_code))
        rows.append(self.field("Parcels", str(decl.parcel_count)))
        if decl.exemption is not None:
            rows.append(self.field("Exemption claimed", decl.exemption.value.replace("_", " ")))
        return rows

    def weights(self) -> list[Any]:
        """Declared, certificate and measured carats with the differences and the raw line."""
        rows = self.section("Weight")
        decl = self.inspection.declaration
        cert = self.ctx.kp_certificate
        reading = self.inspection.reading
        declared = decl.declared_carats if decl is not None else None
        certified = cert.carats if cert is not None else None
        rows.append(
            self.field("Declared", _fmt_ct(declared) if declared is not None else "not declared")
        )
        if cert is not None and certified is not None:
            rows.append(self.field("Certificate", f"{_fmt_ct(certified)} (KP {cert.number})"))
        else:
            rows.append(self.field("Certificate", "no KP certificate on file"))
        if reading is None:
            rows.append(self.field("Measured", "not weighed"))
            return rows
        measured = reading.carats
        grams = f"{reading.grams.normalize():f}" if reading.grams.is_finite() else "?"
        stable = reading.state is WeightState.STABLE
        state = "" if stable else f" - NOT STABLE ({reading.state.value})"
        rows.append(
            Paragraph(
                f"<b>Measured:</b> <b>{self.text(_fmt_ct(measured))}</b> "
                f"({self.text(grams)} g){self.text(state)}",
                self.body,
            )
        )
        if declared is not None:
            rows.append(self.field("Measured - declared", _fmt_diff(measured, declared)))
        if certified is not None:
            rows.append(self.field("Measured - certificate", _fmt_diff(measured, certified)))
        scale = f" [{reading.scale_id}]" if reading.scale_id else ""
        raw = self.text(_visible(reading.raw) or "(empty)").replace(" ", "&nbsp;")
        rows.append(
            Paragraph(f"<b>Scale reply{self.text(scale)}:</b> &quot;{raw}&quot;", self.small)
        )
        rows.append(self.field("Weighed at", self.local_time(reading.taken_at), self.small))
        return rows

    def photo(self) -> list[Any]:
        """The parcel photo, or a clear line saying why there is none."""
        rows = self.section("Photo")
        photo = self.inspection.photo
        if photo is None:
            rows.append(self.para("NO PHOTO: no photo was taken of this parcel."))
            return rows
        image, problem = self.open_photo(photo)
        if image is None:
            rows.append(self.para(f"NO PHOTO: {problem}"))
            return rows
        image.spaceAfter = 1 * mm
        rows.append(image)
        rows.append(
            self.para(
                f"Taken {self.local_time(photo.taken_at)}, {photo.width} x {photo.height} px, "
                f"SHA-256 {photo.sha256[:16]}...",
                self.centred_small,
            )
        )
        return rows

    @staticmethod
    def open_photo(photo: Photo) -> tuple[PhotoFlowable | None, str]:
        """The photo as a flowable, or ``None`` and why it cannot be printed."""
        path = Path(photo.path)
        try:
            size = path.stat().st_size
            if size > MAX_PHOTO_BYTES:
                return None, f"the photo file is too large to print ({size} bytes)"
            data = path.read_bytes()
        except OSError as exc:
            return None, f"the photo file cannot be read ({exc.strerror or exc})"
        if photo.sha256 and hashlib.sha256(data).hexdigest() != photo.sha256.lower():
            return None, "the photo file does not match its recorded SHA-256; not printed"
        try:
            return PhotoFlowable(JpegPassThrough(data)), ""
        except Exception as exc:  # reportlab/PIL raise many types for a bad image
            return None, f"the photo file is not a readable image ({type(exc).__name__})"

    def override(self) -> list[Any]:
        """The supervisor's override, when there is one."""
        override = self.inspection.override
        verdict = self.inspection.verdict
        if override is None or verdict is None:
            return []
        rows = self.section("Supervisor override")
        rows += [
            self.field("Supervisor", self.supervisor_label()),
            self.field("Reason code", override.code.value.replace("_", " ")),
            self.field("Reason", override.text or "(no text)"),
            self.field("Original outcome", verdict.outcome.label),
            self.field("New outcome", override.new_outcome.label),
            self.field("At", self.local_time(override.at)),
        ]
        return rows

    def data_versions(self) -> list[Any]:
        """Data version and publication date, rule-set version."""
        verdict = self.inspection.verdict
        assert verdict is not None
        rows = self.section("Data")
        data_version = self.ctx.data_version or verdict.data_version or "unknown"
        if self.ctx.data_version and verdict.data_version not in ("", self.ctx.data_version):
            data_version += f" (verdict computed with {verdict.data_version})"
        rows.append(self.field("Data version", data_version))
        published = self.ctx.data_published_at
        rows.append(
            self.field(
                "Data published", self.utc_time(published) if published is not None else "unknown"
            )
        )
        ruleset = self.ctx.ruleset_version or verdict.ruleset_version or "unknown"
        if self.ctx.ruleset_version and verdict.ruleset_version not in (
            "",
            self.ctx.ruleset_version,
        ):
            ruleset += f" (verdict computed under {verdict.ruleset_version})"
        rows.append(self.field("Rule set", ruleset))
        return rows

    def payload(self) -> str | None:
        """The signed summary for the QR code, or ``None`` without a signing key."""
        key = self.ctx.signing_key
        if key is None:
            return None
        verdict = self.inspection.verdict
        assert verdict is not None
        try:
            summary = summary_of(
                self.inspection,
                post=self.ctx.post_code,
                kiosk_id=self.ctx.kiosk_id,
                data_version=self.ctx.data_version or verdict.data_version,
            )
            return sign_summary(summary, key)
        except SigningError as exc:
            raise SlipError(f"the slip cannot be signed: {exc}") from exc

    def verification(self) -> list[Any]:
        """The signed summary as a QR code, with how to check it."""
        payload = self.payload()
        if payload is None:
            return []
        try:
            code = fitted_qr(payload)
        except LayoutError as exc:
            raise SlipError(str(exc)) from exc
        code.spaceBefore = 1 * mm
        assert self.ctx.signing_key is not None
        return [
            *self.section("Signed summary"),
            code,
            self.para("Verify: kiosk slip verify", self.centred),
            self.para(f"Key {self.ctx.signing_key.key_id}", self.centred_small),
        ]

    def footer(self) -> list[Any]:
        """The closing line."""
        return [
            self.rule(dashed=False),
            self.para(
                "Checked under EU Reg. 833/2014 Art. 3p and the Kimberley Process "
                "(Reg. 2368/2002). Keep this slip with the parcel documents.",
                self.centred_small,
            ),
            self.para(
                f"{self.ctx.post_code} / {self.ctx.kiosk_id} / {self.inspection.id}",
                self.centred_small,
            ),
        ]


def _check_inspection(inspection: Inspection) -> None:
    """Raise ``SlipError`` for an inspection that cannot be printed."""
    if not inspection.id.strip():
        raise SlipError("the inspection has no id; a slip needs one for its barcode")
    if inspection.verdict is None:
        raise SlipError(
            f"inspection {inspection.id} has no verdict yet; run the checks before printing"
        )
    _require_aware(inspection.verdict.decided_at, "the verdict's decided_at")
    if inspection.override is not None:
        _require_aware(inspection.override.at, "the override's time")
    if inspection.reading is not None:
        _require_aware(inspection.reading.taken_at, "the weight reading's taken_at")
    if inspection.photo is not None:
        _require_aware(inspection.photo.taken_at, "the photo's taken_at")


def render_slip(
    inspection: Inspection, ctx: SlipContext, *, fonts: SlipFonts | None = None
) -> bytes:
    """Render the clearance slip of a decided inspection as PDF bytes.

    The page is 80 mm wide (72 mm printable, 4 mm margins) and exactly as tall as its
    content; a slip longer than about 600 mm continues on further pages. The output is
    deterministic: the same inspection and context give the same bytes.

    Args:
        inspection: The inspection; it must have a verdict.
        ctx: Post, kiosk, people and data versions printed with it.
        fonts: Fonts to use; DejaVu Sans (or Vera) by default.

    Returns:
        The PDF document.

    Raises:
        SlipError: When the inspection cannot be printed (no verdict, naive datetime,
            an id that cannot be a barcode, ...).
    """
    _check_inspection(inspection)
    fonts = fonts or load_fonts()
    flowables = _SlipBuilder(inspection, ctx, fonts).build()
    pages = paginate(flowables, MAX_PAGE_HEIGHT_PT - 2 * MARGIN_PT)
    if len(pages) > 1:
        pages = paginate(flowables, MAX_CONTENT_HEIGHT_PT)
    buffer = io.BytesIO()
    with _binary_streams():
        canvas = Canvas(buffer, pagesize=(PAGE_WIDTH_PT, MAX_PAGE_HEIGHT_PT), invariant=1)
        canvas.setTitle(f"Inspection slip {inspection.id}")
        canvas.setAuthor(f"{ctx.post_code} {ctx.kiosk_id}")
        canvas.setSubject("Diamond parcel inspection (EU Reg. 833/2014 Art. 3p, Kimberley Process)")
        canvas.setCreator("Inspection Kiosk")
        draw_pages(canvas, pages, inspection.id, fonts.regular)
        canvas.save()
    return buffer.getvalue()


_RL_CONFIG_LOCK = threading.Lock()


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Write PDF streams in binary, not ASCII85 (reportlab encodes A85 in pure Python: slow).

    ``rl_config.useA85`` is a process-wide reportlab setting; it is changed only for the
    duration of one render, under a lock, and restored afterwards.
    """
    with _RL_CONFIG_LOCK:
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = saved


def slip_file_name(inspection_id: str) -> str:
    """The file name of an inspection's slip (``<id>.pdf``).

    Raises:
        SlipError: When the id is not safe as a file name.
    """
    if not _FILE_SAFE_ID.fullmatch(inspection_id):
        raise SlipError(
            f"the inspection id {inspection_id!r} cannot name a slip file: use letters, "
            "digits, '.', '_' and '-' only (at most 128, not starting with '.')"
        )
    return f"{inspection_id}.pdf"


def write_slip(inspection: Inspection, ctx: SlipContext, folder: Path) -> Path:
    """Render the slip and write it atomically as ``folder/<inspection id>.pdf``.

    The PDF goes to a temporary file in the same folder, is flushed to disk, then moved over
    the final name with ``os.replace``: a reader sees the old slip or the new one, never half.

    Args:
        inspection: The inspection; it must have a verdict.
        ctx: Post, kiosk, people and data versions printed with it.
        folder: Folder of the slips; created when missing.

    Returns:
        The path of the written slip.

    Raises:
        SlipError: When the inspection cannot be printed or its id cannot name a file.
        OSError: When the folder cannot be written.
    """
    name = slip_file_name(inspection.id)
    pdf = render_slip(inspection, ctx)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
        crash_point("slip:before-rename")
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    sync_folder(folder)
    return target


__all__ = [
    "DEFAULT_TIMEZONE",
    "SlipContext",
    "SlipError",
    "render_slip",
    "slip_file_name",
    "write_slip",
]
