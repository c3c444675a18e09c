"""Layout pieces: the fitted barcode, the photo box, and pagination that never clips."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Paragraph

from kiosk.slips.layout import (
    PRINTABLE_WIDTH_PT,
    PRINTER_DOT_PT,
    LayoutError,
    PhotoFlowable,
    Stack,
    content_height_pt,
    fitted_code128,
    paginate,
)
from slips.factories import write_photo


@pytest.mark.parametrize(
    ("value", "dots"),
    [
        ("12345678", 4),
        ("INS-2026-0001", 3),
        ("ANR-DO-01-20260315-0042", 2),
        ("550e8400-e29b-41d4-a716-446655440000", 1),
    ],
)
def test_code128_uses_the_widest_bars_that_fit(value: str, dots: int) -> None:
    code = fitted_code128(value)
    assert code.barWidth == pytest.approx(dots * PRINTER_DOT_PT)
    assert code.width <= PRINTABLE_WIDTH_PT
    assert code.lquiet == pytest.approx(10 * code.barWidth)


def test_code128_never_clips_an_id_too_long_for_the_roll() -> None:
    with pytest.raises(LayoutError, match="too long"):
        fitted_code128("ABCDEFGHIJ" * 6)


@pytest.mark.parametrize(
    ("size_px", "expected_mm"),
    [((640, 480), (72.0, 54.0)), ((1280, 720), (72.0, 40.5)), ((480, 960), (27.0, 54.0))],
)
def test_photo_keeps_its_aspect_within_72_by_54_mm(
    tmp_path: Path, size_px: tuple[int, int], expected_mm: tuple[float, float]
) -> None:
    photo = write_photo(tmp_path / "p.jpg", *size_px)
    width_pt, height_pt = PhotoFlowable(ImageReader(photo.path)).wrap(PRINTABLE_WIDTH_PT, 1e6)
    assert width_pt / mm == pytest.approx(expected_mm[0], abs=0.01)
    assert height_pt / mm == pytest.approx(expected_mm[1], abs=0.01)


def _paragraphs(count: int, words: int = 40) -> list[Paragraph]:
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=9, leading=11)
    return [Paragraph(f"{n}: " + "word " * words, style) for n in range(count)]


def test_pagination_fits_everything_on_one_page_when_it_can() -> None:
    pages = paginate(_paragraphs(5), 1000.0)
    assert len(pages) == 1
    assert content_height_pt(pages[0]) == pytest.approx(sum(p.height_pt for p in pages[0]))


def test_pagination_splits_and_keeps_every_line() -> None:
    flowables = _paragraphs(30)
    total_pt = sum(f.wrap(PRINTABLE_WIDTH_PT, 1e6)[1] for f in flowables)
    pages = paginate(flowables, 300.0)
    assert len(pages) > 1
    assert all(content_height_pt(page) <= 300.0 + 1e-6 for page in pages)
    placed_pt = sum(content_height_pt(page) for page in pages)
    assert placed_pt == pytest.approx(total_pt, abs=1.0)


def test_stack_moves_whole_to_the_next_page() -> None:
    first, second = _paragraphs(1, 120), Stack(_paragraphs(3))
    first_pt = first[0].wrap(PRINTABLE_WIDTH_PT, 1e6)[1]
    stack_pt = second.wrap(PRINTABLE_WIDTH_PT, 1e6)[1]
    pages = paginate([*first, second], first_pt + stack_pt / 2)
    assert [len(page) for page in pages] == [1, 1]
    assert pages[1][0].flowable is second


def test_stack_taller_than_a_page_is_split_into_its_parts() -> None:
    stack = Stack(_paragraphs(12), max_height_pt=200.0)
    pages = paginate([stack], 200.0)
    assert len(pages) > 1
    assert sum(len(page) for page in pages) >= 12


def test_unsplittable_flowable_taller_than_a_page_gets_a_taller_page() -> None:
    photo = Stack(_paragraphs(1), max_height_pt=1e6)
    height_pt = photo.wrap(PRINTABLE_WIDTH_PT, 1e6)[1]
    pages = paginate([photo], height_pt / 2)
    assert len(pages) == 1
    assert content_height_pt(pages[0]) == pytest.approx(height_pt)


def test_empty_stack_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Stack([])
