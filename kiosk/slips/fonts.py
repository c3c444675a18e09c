"""Slip fonts: DejaVu Sans when installed, else reportlab's Vera, and text fitted to them."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.domain.names import transliterate

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
VERA_DIR = Path(reportlab.__file__).resolve().parent / "fonts"

_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("Vera.ttf", "VeraBd.ttf"),
)

#: Shown in place of a character that no font and no transliteration can render.
REPLACEMENT = "?"


class SlipFontError(RuntimeError):
    """No usable TrueType font was found for the slip."""


@dataclass(frozen=True, slots=True)
class SlipFonts:
    """A registered regular/bold pair and the characters both of them can draw.

    Attributes:
        regular: Registered reportlab font name of the regular face.
        bold: Registered reportlab font name of the bold face.
        source: The regular font file, for the report and for tests.
        covered: Code points that both faces have a glyph for.
    """

    regular: str
    bold: str
    source: Path
    covered: frozenset[int]

    def fit(self, text: str) -> str:
        """Text the fonts can draw: transliterated, then unaccented, then ``?`` per character.

        Control characters (including line breaks) become spaces, so that a value can never
        break the slip's layout.

        Args:
            text: Any Unicode text (names in Cyrillic, accented Latin, ...).

        Returns:
            The text with every character either kept or replaced by a drawable equivalent.
        """
        out: list[str] = []
        for ch in unicodedata.normalize("NFC", text):
            if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
                out.append(" ")
            elif ord(ch) in self.covered:
                out.append(ch)
            else:
                out.append(self._substitute(ch))
        return "".join(out)

    def _substitute(self, ch: str) -> str:
        """A drawable stand-in for one character the fonts lack."""
        lower = ch.lower()
        latin = transliterate(lower)
        if latin != lower:
            latin = latin.capitalize() if ch != lower else latin
            if all(ord(c) in self.covered for c in latin):
                return latin
        stripped = "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        )
        if stripped and stripped != ch and all(ord(c) in self.covered for c in stripped):
            return stripped
        return REPLACEMENT


def _font_pair(font_dirs: tuple[Path, ...]) -> tuple[Path, Path]:
    """The first regular/bold pair that exists in the given folders."""
    for folder in font_dirs:
        for regular_name, bold_name in _CANDIDATES:
            regular, bold = folder / regular_name, folder / bold_name
            if regular.is_file() and bold.is_file():
                return regular, bold
    searched = ", ".join(str(folder) for folder in font_dirs)
    raise SlipFontError(f"no DejaVu Sans or Vera font found for the slip (looked in {searched})")


@functools.lru_cache(maxsize=8)
def load_fonts(font_dirs: tuple[Path, ...] = (DEJAVU_DIR, VERA_DIR)) -> SlipFonts:
    """Register the slip's fonts once and say which characters they cover.

    Args:
        font_dirs: Folders searched in order for DejaVu Sans (regular and bold), then Vera.

    Returns:
        The registered pair. Registering is idempotent; results are cached per ``font_dirs``.

    Raises:
        SlipFontError: When none of the folders holds a complete pair.
    """
    regular_path, bold_path = _font_pair(font_dirs)
    regular_name = f"Slip-{regular_path.stem}"
    bold_name = f"Slip-{bold_path.stem}"
    faces: list[TTFont] = []
    for name, path in ((regular_name, regular_path), (bold_name, bold_path)):
        try:
            font = pdfmetrics.getFont(name)
        except KeyError:
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
        faces.append(font)
    pdfmetrics.registerFontFamily(
        regular_name, normal=regular_name, bold=bold_name, italic=regular_name, boldItalic=bold_name
    )
    covered = frozenset(faces[0].face.charToGlyph) & frozenset(faces[1].face.charToGlyph)
    return SlipFonts(regular=regular_name, bold=bold_name, source=regular_path, covered=covered)
