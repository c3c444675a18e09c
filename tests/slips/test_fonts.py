"""Fonts: DejaVu when installed, Vera otherwise, and never a black box for a missing glyph."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from kiosk.slips import render_slip
from kiosk.slips.fonts import DEJAVU_DIR, VERA_DIR, SlipFontError, load_fonts
from slips.factories import make_context, make_declaration, make_inspection
from slips.helpers import pdf_text


def _font_names(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names: set[str] = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        fonts = resources["/Font"]
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


@pytest.mark.skipif(not (DEJAVU_DIR / "DejaVuSans.ttf").is_file(), reason="DejaVu not installed")
def test_dejavu_is_used_when_installed() -> None:
    fonts = load_fonts()
    assert fonts.source.name == "DejaVuSans.ttf"
    assert ord("Ж") in fonts.covered
    pdf = render_slip(make_inspection(), make_context())
    assert any("DejaVuSans" in name for name in _font_names(pdf))


def test_vera_fallback_transliterates_what_it_lacks(tmp_path: Path) -> None:
    fonts = load_fonts((tmp_path / "no-fonts-here", VERA_DIR))
    assert fonts.source.name == "Vera.ttf"
    assert ord("Ж") not in fonts.covered
    assert fonts.fit("ООО «Алмазы Якутии»") == "OOO «Almazy Iakutii»"
    assert fonts.fit("Société Müller") == "Société Müller"  # Latin-1 is in Vera
    assert fonts.fit("Łódź") == "Łódz"  # Vera has Ł and ó, not ź
    assert fonts.fit("a\tb\nc") == "a b c"
    decl = make_declaration(exporter="ООО «Алмазы Якутии»")
    pdf = render_slip(
        make_inspection(declaration=decl), make_context(inspector_name="Зоя"), fonts=fonts
    )
    text = pdf_text(pdf)
    assert "OOO «Almazy Iakutii»" in text
    assert "Zoia" in text
    assert "?" not in text
    assert all("DejaVu" not in name for name in _font_names(pdf))


def test_unknown_characters_become_a_question_mark_not_a_box(tmp_path: Path) -> None:
    fonts = load_fonts((VERA_DIR,))
    assert fonts.fit("钻石") == "??"


def test_no_font_at_all_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SlipFontError, match="no DejaVu Sans or Vera font found"):
        load_fonts((tmp_path,))
