"""Reading a slip PDF back: its text and page sizes."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.units import mm

PT_PER_MM = float(mm)


def pdf_text(pdf: bytes) -> str:
    """All text of all pages, joined."""
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Text without any whitespace, to find values that wrapped over lines."""
    return "".join(text.split())


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height of every page in millimetres."""
    reader = PdfReader(io.BytesIO(pdf))
    return [
        (float(page.mediabox.width) / PT_PER_MM, float(page.mediabox.height) / PT_PER_MM)
        for page in reader.pages
    ]
