"""The kiosk theme: style sheet, application font, verdict icons and touch sizes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.models import Outcome

RESOURCES_DIR = Path(__file__).resolve().parent.parent.parent / "resources"
ICONS_DIR = RESOURCES_DIR / "icons"
STYLESHEET_PATH = RESOURCES_DIR / "styles" / "kiosk.qss"

BASE_FONT_PX = 19
"""Body text size; the style sheet sizes headings and the weight relative to this."""

TOUCH_TARGET_PX = 56
"""Minimum height of anything a gloved finger presses (the house minimum is 48 px)."""

MIN_TOUCH_TARGET_PX = 48
"""The hard floor for touch targets, checked by the tests."""

FONT_FAMILIES = ["Noto Sans", "Inter", "DejaVu Sans", "Liberation Sans", "Arial"]

_OUTCOME_ICONS: dict[Outcome, str] = {
    Outcome.CLEAR: "outcome-clear",
    Outcome.EXEMPT: "outcome-exempt",
    Outcome.HOLD: "outcome-hold",
    Outcome.REFUSE: "outcome-refuse",
}


class ThemeError(Exception):
    """A theme resource (style sheet or icon) is missing or unreadable."""


def load_stylesheet(path: Path = STYLESHEET_PATH) -> str:
    """Return the kiosk style sheet text.

    Args:
        path: The ``.qss`` file; the bundled one by default.

    Raises:
        ThemeError: The file is missing or cannot be read.
    """
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeError(f"cannot read the style sheet {path}: {exc}") from None


def kiosk_font() -> QFont:
    """The application font: a clear sans-serif at the base size."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(BASE_FONT_PX)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def apply_theme(app: QApplication) -> None:
    """Give ``app`` the kiosk font and style sheet.

    Args:
        app: The running application.

    Raises:
        ThemeError: The style sheet cannot be read.
    """
    app.setFont(kiosk_font())
    apply_stylesheet(app)


def apply_stylesheet(app: QApplication) -> None:
    """Give ``app`` the kiosk style sheet, unless it has it already.

    Set it once the main window is built, not before: with an application style sheet in
    place, every widget added to a layout is restyled when it is reparented, which made building
    the window ~200 ms slower (the widgets are polished once, when shown, either way).

    Raises:
        ThemeError: The style sheet cannot be read.
    """
    sheet = load_stylesheet()
    if app.styleSheet() != sheet:  # setting it again would restyle every widget
        app.setStyleSheet(sheet)


def icon_path(name: str) -> Path:
    """The SVG file of an icon, e.g. ``icon_path("outcome-hold")``.

    Raises:
        ThemeError: There is no such icon.
    """
    path = ICONS_DIR / f"{name}.svg"
    if not path.is_file():
        raise ThemeError(f"no icon named {name!r} in {ICONS_DIR}")
    return path


_PIXMAPS: dict[tuple[str, int, float], QPixmap] = {}
"""Rendered icons by (name, side in device pixels, ratio): an identifier row or a reason card
is built at every step, and rendering its SVG each time cost the GUI thread."""


@cache
def _renderer(name: str) -> QSvgRenderer:
    renderer = QSvgRenderer(str(icon_path(name)))
    if not renderer.isValid():
        raise ThemeError(f"the icon {name!r} is not a valid SVG file")
    return renderer


def icon_pixmap(name: str, size_px: int, device_pixel_ratio: float | None = None) -> QPixmap:
    """Render an icon to a square, transparent pixmap.

    Args:
        name: The icon's file name without ``.svg``.
        size_px: Width and height in logical pixels.
        device_pixel_ratio: Screen scale; the primary screen's when ``None``.

    Raises:
        ThemeError: The icon is missing or not valid SVG.
    """
    if size_px <= 0:
        raise ThemeError(f"icon size must be positive, got {size_px}")
    if device_pixel_ratio is None:
        screen = QGuiApplication.primaryScreen()
        device_pixel_ratio = screen.devicePixelRatio() if screen is not None else 1.0
    side_px = round(size_px * device_pixel_ratio)
    key = (name, side_px, device_pixel_ratio)
    cached = _PIXMAPS.get(key)
    if cached is not None:
        return QPixmap(cached)  # implicitly shared: no copy of the pixels
    pixmap = QPixmap(side_px, side_px)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _renderer(name).render(painter, QRectF(0, 0, side_px, side_px))
    finally:
        painter.end()
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    _PIXMAPS[key] = pixmap
    return QPixmap(pixmap)


def outcome_icon_name(outcome: Outcome | None) -> str:
    """The icon of a verdict: check (CLEAR/EXEMPT), exclamation (HOLD), cross (REFUSE)."""
    if outcome is None:
        return "waiting"
    return _OUTCOME_ICONS[outcome]


def set_style_property(
    widget: QWidget, name: str, value: str | bool, *, descendants: bool = False
) -> None:
    """Set a dynamic property that the style sheet selects on, and re-apply the style.

    Only ``widget`` is repolished: re-matching the style sheet for every child cost the GUI
    thread milliseconds at each step of a parcel. A widget whose children are styled by a
    selector on its own property (``QFrame#VerdictBanner[outcome="hold"] QLabel``) passes
    ``descendants=True``.

    Args:
        widget: The widget to restyle.
        name: The property, e.g. ``"outcome"``.
        value: Its new value, e.g. ``"hold"``.
        descendants: Repolish the widget's children too.
    """
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    if descendants:
        for child in widget.findChildren(QWidget):
            style.unpolish(child)
            style.polish(child)
    widget.update()
