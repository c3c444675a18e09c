"""Roll-paper layout: the slip's flowables, a fitted Code 128, pages as tall as their content."""

from __future__ import annotations

import io
from collections import deque
from dataclasses import dataclass
from typing import Any

import zxingcpp
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from kiosk.domain.models import Outcome

PAGE_WIDTH_PT = 80 * mm
MARGIN_PT = 4 * mm
PRINTABLE_WIDTH_PT = PAGE_WIDTH_PT - 2 * MARGIN_PT
#: A single page is never taller than this; longer slips are split over several pages.
MAX_PAGE_HEIGHT_PT = 600 * mm
#: Tallest content of one page of a multi-page slip (room kept for the "page n/m" mark).
MAX_CONTENT_HEIGHT_PT = MAX_PAGE_HEIGHT_PT - 2 * MARGIN_PT - 4 * mm
#: One dot of a 203 dpi thermal head, in points.
PRINTER_DOT_PT = 72 / 203
#: Code 128 asks for a quiet zone of at least ten modules on each side.
QUIET_MODULES = 10
BARCODE_HEIGHT_PT = 11 * mm
#: Module widths tried, widest first, in printer dots (a whole number of dots prints crisply).
BARCODE_DOTS = (4, 3, 2, 1)
#: QR code: error correction level, quiet zone (modules) and module sizes tried (printer dots).
QR_LEVEL = "M"
QR_QUIET_MODULES = 4
QR_MAX_DOTS = 4
QR_MIN_DOTS = 2
PHOTO_MAX_WIDTH_PT = 72 * mm
PHOTO_MAX_HEIGHT_PT = 54 * mm
#: Height of the band at the foot of each page of a multi-page slip ("page 1/2").
PAGE_MARK_BAND_PT = MAX_PAGE_HEIGHT_PT - 2 * MARGIN_PT - MAX_CONTENT_HEIGHT_PT


class LayoutError(ValueError):
    """Content that cannot be laid out on the roll without being cut."""


def fitted_code128(value: str, width_pt: float = PRINTABLE_WIDTH_PT) -> Code128:
    """A Code 128 of ``value`` with the widest whole-dot module that fits, quiet zones included.

    Args:
        value: Printable ASCII to encode.
        width_pt: Width available, in points.

    Returns:
        The barcode flowable, centred (``hAlign = "CENTER"``), ``bc.width <= width_pt``.

    Raises:
        LayoutError: When ``value`` is not printable ASCII or is too long even at one dot.
    """
    if not value or not all(32 <= ord(ch) <= 126 for ch in value):
        raise LayoutError(
            f"the inspection id {value!r} cannot be printed as a Code 128 barcode: "
            "it must be non-empty printable ASCII"
        )
    for dots in BARCODE_DOTS:
        bar_width_pt = dots * PRINTER_DOT_PT
        quiet_pt = QUIET_MODULES * bar_width_pt
        barcode = Code128(
            value,
            barWidth=bar_width_pt,
            barHeight=BARCODE_HEIGHT_PT,
            humanReadable=False,
            quiet=True,
            lquiet=quiet_pt,
            rquiet=quiet_pt,
        )
        if barcode.width <= width_pt:
            barcode.hAlign = "CENTER"
            return barcode
    raise LayoutError(
        f"the inspection id {value!r} ({len(value)} characters) is too long for a Code 128 "
        f"barcode {width_pt / mm:.0f} mm wide, even with one-dot bars"
    )


class QrFlowable(Flowable):  # type: ignore[misc]
    """A QR code drawn with whole-printer-dot modules.

    The symbol is encoded by zxing-cpp (C++, about a millisecond for a slip's payload; reportlab's
    pure-Python encoder took a quarter of a second, most of a slip's rendering) and drawn as one
    filled path, a rectangle per run of dark modules in a row.

    Attributes:
        dark: The symbol's rows, quiet zone excluded: True for a dark module.
        modules: Modules across, quiet zone included.
        dots_per_module: Printer dots per module.
    """

    def __init__(self, dark: tuple[tuple[bool, ...], ...], dots_per_module: int) -> None:
        """Wrap a symbol encoded by ``fitted_qr``."""
        super().__init__()
        self.dark = dark
        self.modules = len(dark) + 2 * QR_QUIET_MODULES
        self.dots_per_module = dots_per_module
        self.width = self.height = self.modules * dots_per_module * PRINTER_DOT_PT
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """The code's fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw the code at the flowable's origin, quiet zone left blank."""
        module_pt = self.dots_per_module * PRINTER_DOT_PT
        quiet_pt = QR_QUIET_MODULES * module_pt
        path = self.canv.beginPath()
        for row_index, row in enumerate(self.dark):
            y = self.height - quiet_pt - (row_index + 1) * module_pt
            column = 0
            while column < len(row):
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                path.rect(quiet_pt + start * module_pt, y, (column - start) * module_pt, module_pt)
        self.canv.saveState()
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()


def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code symbol of ``value`` at level M, quiet zone excluded: True for a dark module.

    Raises:
        LayoutError: When the text is empty or too long for a QR code.
    """
    if not value:
        raise LayoutError("a QR code needs some text to encode")
    try:
        symbol = zxingcpp.create_barcode(value, zxingcpp.BarcodeFormat.QRCode, ec_level=QR_LEVEL)
        image = symbol.to_image(scale=1, add_quiet_zones=False)
    except ValueError as exc:  # "Input too long for ECC level M ..."
        raise LayoutError(f"the text ({len(value)} characters) is too long for a QR code") from exc
    pixels = memoryview(image).cast("B")
    side = image.shape[1]
    return tuple(
        tuple(pixels[row * side + column] < 128 for column in range(side)) for row in range(side)
    )


def fitted_qr(value: str, width_pt: float = PRINTABLE_WIDTH_PT) -> QrFlowable:
    """A QR code of ``value`` (level M) with whole-dot modules, at most 4 dots, quiet zone included.

    Args:
        value: The text to encode.
        width_pt: Width available, in points.

    Returns:
        The code as a centred flowable, ``width <= width_pt``.

    Raises:
        LayoutError: When the text is empty or too long for modules of at least 2 dots.
    """
    dark = qr_modules(value)
    modules = len(dark) + 2 * QR_QUIET_MODULES
    dots = min(QR_MAX_DOTS, int(width_pt / PRINTER_DOT_PT) // modules)
    if dots < QR_MIN_DOTS:
        raise LayoutError(
            f"the QR code of {len(value)} characters needs {modules} modules: too wide for "
            f"{width_pt / mm:.0f} mm at {QR_MIN_DOTS} printer dots a module"
        )
    return QrFlowable(dark, dots)


def _draw_icon(canvas: Canvas, outcome: Outcome, x: float, y: float, size: float) -> None:
    """Draw the verdict's icon with strokes only (no font glyph) in a ``size`` square at x, y."""
    canvas.saveState()
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    canvas.setLineWidth(size * 0.07)
    canvas.circle(x + size / 2, y + size / 2, size * 0.46, stroke=1, fill=0)
    canvas.setLineWidth(size * 0.12)
    if outcome in (Outcome.CLEAR, Outcome.EXEMPT):
        path = canvas.beginPath()
        path.moveTo(x + 0.26 * size, y + 0.52 * size)
        path.lineTo(x + 0.44 * size, y + 0.32 * size)
        path.lineTo(x + 0.76 * size, y + 0.70 * size)
        canvas.drawPath(path, stroke=1, fill=0)
    elif outcome is Outcome.HOLD:
        canvas.line(x + 0.5 * size, y + 0.42 * size, x + 0.5 * size, y + 0.76 * size)
        canvas.circle(x + 0.5 * size, y + 0.24 * size, size * 0.065, stroke=0, fill=1)
    else:
        canvas.line(x + 0.32 * size, y + 0.32 * size, x + 0.68 * size, y + 0.68 * size)
        canvas.line(x + 0.32 * size, y + 0.68 * size, x + 0.68 * size, y + 0.32 * size)
    canvas.restoreState()


class VerdictBox(Flowable):  # type: ignore[misc]
    """The verdict in a large bold box with a drawn icon; HOLD and REFUSE are printed inverted."""

    def __init__(self, outcome: Outcome, word: str, font_name: str, height_pt: float = 20 * mm):
        """Prepare the box.

        Args:
            outcome: Decides the icon and whether the box is inverted.
            word: The word printed (normally ``outcome.label``).
            font_name: A registered bold font.
            height_pt: Height of the box.
        """
        super().__init__()
        self.outcome = outcome
        self.word = word
        self.font_name = font_name
        self.height_pt = height_pt
        self.width_pt = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Take the full width available."""
        self.width_pt = avail_width
        return avail_width, self.height_pt

    def draw(self) -> None:
        """Draw the box, the icon and the word."""
        canvas: Canvas = self.canv
        inverted = self.outcome >= Outcome.HOLD
        pad = 2.5 * mm
        canvas.saveState()
        canvas.setLineWidth(2.2)
        canvas.setStrokeGray(0)
        canvas.setFillGray(0)
        inset = 1.1
        canvas.roundRect(
            inset,
            inset,
            self.width_pt - 2 * inset,
            self.height_pt - 2 * inset,
            2 * mm,
            stroke=1,
            fill=1 if inverted else 0,
        )
        ink = 1 if inverted else 0
        canvas.setStrokeGray(ink)
        canvas.setFillGray(ink)
        icon_pt = self.height_pt - 2 * pad
        _draw_icon(canvas, self.outcome, pad, pad, icon_pt)
        text_left = 2 * pad + icon_pt
        text_width = self.width_pt - text_left - pad
        size = 26.0
        while size > 10 and stringWidth(self.word, self.font_name, size) > text_width:
            size -= 1
        canvas.setFont(self.font_name, size)
        baseline = (self.height_pt - size * 0.72) / 2
        canvas.drawCentredString(text_left + text_width / 2, baseline, self.word)
        canvas.restoreState()


class JpegPassThrough(ImageReader):  # type: ignore[misc]
    """An image reader whose JPEG data goes into the PDF unchanged and is never decoded for it.

    ``Canvas.drawImage`` names an ``ImageReader``'s image by a digest of its decoded pixels (to
    draw a repeated image once), which decodes the JPEG although its bytes go into the PDF as
    they are: a sixth of a slip's rendering. For a JPEG this reader gives the digest its compressed
    bytes instead, which name the image as well; other images behave as in ``ImageReader``.
    """

    def __init__(self, data: bytes) -> None:
        """Open ``data`` (the bytes of an image file)."""
        super().__init__(io.BytesIO(data))
        self._bytes = data

    def getRGBData(self) -> bytes:  # noqa: N802 - reportlab's name
        """The JPEG's own bytes when it passes through, else the decoded pixels."""
        if self.jpeg_fh():
            self._dataA = None  # a JPEG has no alpha channel (drawImage asks)
            return self._bytes
        return bytes(super().getRGBData())


class PhotoFlowable(Flowable):  # type: ignore[misc]
    """An already-opened image scaled to fit a box with its aspect preserved, centred."""

    def __init__(
        self,
        image: ImageReader,
        max_width_pt: float = PHOTO_MAX_WIDTH_PT,
        max_height_pt: float = PHOTO_MAX_HEIGHT_PT,
    ):
        """Prepare the photo.

        Args:
            image: The opened image (JPEG data passes through to the PDF unchanged).
            max_width_pt: Widest the photo may be.
            max_height_pt: Tallest the photo may be.
        """
        super().__init__()
        self.image = image
        pixel_width, pixel_height = image.getSize()
        if pixel_width <= 0 or pixel_height <= 0:
            raise LayoutError("the photo has no pixels")
        self.max_width_pt = max_width_pt
        self.max_height_pt = max_height_pt
        self.aspect = pixel_width / pixel_height
        self.hAlign = "CENTER"
        self.draw_width_pt = 0.0
        self.draw_height_pt = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """The largest size with the image's aspect that fits the box and the width available."""
        width = min(self.max_width_pt, avail_width)
        height = width / self.aspect
        if height > self.max_height_pt:
            height = self.max_height_pt
            width = height * self.aspect
        self.draw_width_pt, self.draw_height_pt = width, height
        return width, height

    def draw(self) -> None:
        """Draw the image and a hairline frame around it."""
        self.canv.drawImage(self.image, 0, 0, self.draw_width_pt, self.draw_height_pt)
        self.canv.setLineWidth(0.5)
        self.canv.rect(0, 0, self.draw_width_pt, self.draw_height_pt, stroke=1, fill=0)


class Stack(Flowable):  # type: ignore[misc]
    """Flowables kept together on one page; split into its parts only when taller than a page.

    Used so that a heading is never left alone at the foot of a page, away from its text.
    """

    def __init__(self, contents: list[Any], max_height_pt: float = MAX_CONTENT_HEIGHT_PT) -> None:
        """Group flowables.

        Args:
            contents: The flowables, top to bottom; must not be empty.
            max_height_pt: Above this height the group gives up and splits into its parts.
        """
        super().__init__()
        if not contents:
            raise ValueError("a Stack needs at least one flowable")
        self.contents = list(contents)
        self.max_height_pt = max_height_pt
        self.spaceBefore = float(self.contents[0].getSpaceBefore())
        self.spaceAfter = float(self.contents[-1].getSpaceAfter())
        self._placed: list[tuple[Any, float, float, float]] = []
        self.height_pt = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Stack the contents at the width available: full width, summed height."""
        self._placed = []
        y_pt = 0.0
        last = len(self.contents) - 1
        for index, flowable in enumerate(self.contents):
            width_pt, height_pt = flowable.wrap(avail_width, avail_height)
            if index > 0:
                y_pt += float(flowable.getSpaceBefore())
            y_pt += height_pt
            self._placed.append((flowable, width_pt, height_pt, y_pt))
            if index < last:
                y_pt += float(flowable.getSpaceAfter())
        self.width_pt = avail_width
        self.height_pt = y_pt
        return avail_width, y_pt

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        """Nothing (move whole to the next page) unless the group is taller than a page."""
        if self.height_pt <= self.max_height_pt:
            return []
        return list(self.contents)

    def draw(self) -> None:
        """Draw the contents top to bottom, centring those that ask for it."""
        for flowable, width_pt, _height_pt, bottom_from_top_pt in self._placed:
            x_pt = 0.0
            if getattr(flowable, "hAlign", "LEFT") == "CENTER":
                x_pt = (self.width_pt - width_pt) / 2
            flowable.drawOn(self.canv, x_pt, self.height_pt - bottom_from_top_pt)


@dataclass(frozen=True, slots=True)
class Placed:
    """A flowable wrapped for the printable width, with its height and the space around it."""

    flowable: Any
    width_pt: float
    height_pt: float
    space_before_pt: float
    space_after_pt: float


def paginate(flowables: list[Any], max_content_pt: float) -> list[list[Placed]]:
    """Split flowables into pages whose content is at most ``max_content_pt`` tall.

    A flowable that does not fit is split (paragraphs, tables) or moved to the next page.
    A flowable that cannot be split and is taller than a whole page gets a page of its own
    that is as tall as it needs: content is never clipped.

    Args:
        flowables: reportlab flowables in reading order.
        max_content_pt: Greatest content height of a page.

    Returns:
        Pages, each a non-empty list of placed flowables.
    """
    pages: list[list[Placed]] = []
    page: list[Placed] = []
    used_pt = 0.0
    queue: deque[Any] = deque(flowables)
    while queue:
        flowable = queue.popleft()
        width_pt, height_pt = flowable.wrap(PRINTABLE_WIDTH_PT, max_content_pt)
        before_pt = float(flowable.getSpaceBefore()) if page else 0.0
        after_pt = float(flowable.getSpaceAfter())
        if used_pt + before_pt + height_pt <= max_content_pt:
            page.append(Placed(flowable, width_pt, height_pt, before_pt, after_pt))
            used_pt += before_pt + height_pt + after_pt
            continue
        remaining_pt = max_content_pt - used_pt - before_pt
        parts = flowable.split(PRINTABLE_WIDTH_PT, remaining_pt) if remaining_pt > 0 else []
        if len(parts) > 1:
            queue.extendleft(reversed(parts))
            continue
        if page:
            pages.append(page)
            page, used_pt = [], 0.0
            queue.appendleft(flowable)
            continue
        # Alone on an empty page and still too tall: split to the page height, else oversize.
        parts = flowable.split(PRINTABLE_WIDTH_PT, max_content_pt)
        if len(parts) > 1:
            queue.extendleft(reversed(parts))
            continue
        page.append(Placed(flowable, width_pt, height_pt, 0.0, after_pt))
        pages.append(page)
        page, used_pt = [], 0.0
    if page:
        pages.append(page)
    return pages


def content_height_pt(page: list[Placed]) -> float:
    """The height a page's content takes (the last flowable's space after is not needed)."""
    total = sum(p.space_before_pt + p.height_pt + p.space_after_pt for p in page)
    return total - page[-1].space_after_pt if page else 0.0


def draw_pages(canvas: Canvas, pages: list[list[Placed]], page_mark: str, font_name: str) -> None:
    """Draw each page exactly as tall as its content plus margins.

    Args:
        canvas: A fresh canvas; its page size is set here, page by page.
        pages: Output of :func:`paginate`.
        page_mark: Text printed with "page n/m" at the foot of each page of a multi-page slip.
        font_name: Font of the page mark.
    """
    count = len(pages)
    band_pt = PAGE_MARK_BAND_PT if count > 1 else 0.0
    for number, page in enumerate(pages, start=1):
        height_pt = content_height_pt(page) + 2 * MARGIN_PT + band_pt
        canvas.setPageSize((PAGE_WIDTH_PT, height_pt))
        y_pt = height_pt - MARGIN_PT
        for placed in page:
            y_pt -= placed.space_before_pt + placed.height_pt
            x_pt = MARGIN_PT
            if getattr(placed.flowable, "hAlign", "LEFT") == "CENTER":
                x_pt += (PRINTABLE_WIDTH_PT - placed.width_pt) / 2
            if isinstance(placed.flowable, Code128):
                x_pt = round(x_pt / PRINTER_DOT_PT) * PRINTER_DOT_PT
            placed.flowable.drawOn(canvas, x_pt, y_pt)
            y_pt -= placed.space_after_pt
        if count > 1:
            canvas.setFont(font_name, 7)
            canvas.drawCentredString(
                PAGE_WIDTH_PT / 2, MARGIN_PT, f"{page_mark}  page {number}/{count}"
            )
        canvas.showPage()
