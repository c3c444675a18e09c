"""Shared helpers of the printer tests: a real slip-like PDF and an ESC/POS raster reader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from reportlab.graphics.barcode import code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

SLIP_CODE = "BW-2026-004711"


def write_slip_pdf(path: Path, height_mm: float = 100) -> Path:
    """An 80 mm wide PDF with a title and a Code 128, laid out like the clearance slip."""
    canvas = Canvas(str(path), pagesize=(80 * mm, height_mm * mm))
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(4 * mm, (height_mm - 12) * mm, "CLEAR - test slip")
    barcode = code128.Code128(SLIP_CODE, barWidth=0.25 * mm, barHeight=14 * mm, quiet=True)
    assert barcode.width < 72 * mm
    barcode.drawOn(canvas, 4 * mm, (height_mm - 40) * mm)
    canvas.showPage()
    canvas.save()
    return path


def raster_images(data: bytes) -> list[np.ndarray]:
    """Every ``GS v 0`` raster block in ESC/POS bytes, as grey images (0 = printed dot)."""
    images = []
    start = 0
    while (at := data.find(b"\x1dv0", start)) >= 0:
        x_bytes = data[at + 4] | data[at + 5] << 8
        rows = data[at + 6] | data[at + 7] << 8
        body = data[at + 8 : at + 8 + x_bytes * rows]
        assert len(body) == x_bytes * rows, "truncated raster block"
        bits = np.unpackbits(np.frombuffer(body, dtype=np.uint8)).reshape(rows, x_bytes * 8)
        images.append(np.where(bits == 1, 0, 255).astype(np.uint8))
        start = at + 8 + len(body)
    return images
