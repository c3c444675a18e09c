"""Labels that never widen their layout: one elides its text, the other shrinks its font."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ELIDED_MIN_CHARS = 8
"""An elided label is never narrower than this many average characters (plus the ellipsis)."""

MIN_FONT_PX = 12
"""A shrinking label never draws its text smaller than this."""


class _PaintedLabel(QLabel):
    """A plain-text QLabel that paints its own text, so its width is not its text's width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)

    def _text_rect(self) -> QRect:
        margin = self.margin()
        return self.contentsRect().adjusted(margin, margin, -margin, -margin)

    def _draw(self, font: QFont, text: str) -> None:
        painter = QPainter(self)
        try:
            self.drawFrame(painter)
            painter.setFont(font)
            self.style().drawItemText(
                painter,
                self._text_rect(),
                int(self.alignment()),
                self.palette(),
                self.isEnabled(),
                text,
                QPalette.ColorRole.WindowText,
            )
        finally:
            painter.end()


class ElidedLabel(_PaintedLabel):
    """One line of text cut with "…" when it does not fit; the full text is then its tooltip.

    ``text()`` is always the full text. The label asks its layout for room for the whole text
    (``sizeHint``) but can be squeezed to a few characters (``minimumSizeHint``), so a long
    text never pushes the window wider than the screen.

    Args:
        text: The initial text.
        elide_mode: Where the ellipsis goes (the end by default).
        parent: The parent widget.
    """

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        elide_mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(text, parent)
        self._elide_mode = elide_mode
        self._own_tooltip = ""
        # The last measurement and the last elided text: the label is painted and resized
        # far more often than its text or font change.
        self._advance: tuple[tuple[str, str], int] | None = None
        self._elided: tuple[tuple[str, int, str], str] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        """Show ``text`` (elided if it does not fit)."""
        super().setText(text)
        self._update_tooltip()

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt override
        """Set a tooltip of its own; the full text is added to it while the text is elided."""
        self._own_tooltip = text
        self._update_tooltip()

    def is_elided(self) -> bool:
        """True when the text does not fit and is shown cut."""
        return self._advance_px(self.text()) > self._text_rect().width()

    def displayed_text(self) -> str:
        """The text as painted (with "…" when cut)."""
        text = self.text()
        width_px = max(0, self._text_rect().width())
        key = (text, width_px, self.font().key())
        if self._elided is None or self._elided[0] != key:
            shown = self.fontMetrics().elidedText(text, self._elide_mode, width_px)
            self._elided = (key, shown)
        return self._elided[1]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Room for a few characters and the ellipsis, at the full line height."""
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        full = super().sizeHint().width()
        narrow = metrics.averageCharWidth() * ELIDED_MIN_CHARS + metrics.horizontalAdvance("\u2026")
        return QSize(min(full, narrow), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Paint the frame, then the text (cut with "…" if it does not fit)."""
        del event
        self._draw(self.font(), self.displayed_text())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Recompute whether the full text belongs in the tooltip."""
        super().resizeEvent(event)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        parts = [self._own_tooltip] if self._own_tooltip else []
        if self.text() and self.is_elided():
            parts.insert(0, self.text())
        tooltip = "\n".join(parts)
        if tooltip != self.toolTip():
            QLabel.setToolTip(self, tooltip)

    def _advance_px(self, text: str) -> int:
        """The width of ``text`` in the label's font, measured once per (text, font)."""
        key = (text, self.font().key())
        if self._advance is None or self._advance[0] != key:
            self._advance = (key, self.fontMetrics().horizontalAdvance(text))
        return self._advance[1]


class ShrinkLabel(_PaintedLabel):
    """One line of large text (a weight) whose font shrinks when the label is too narrow.

    Used where cutting or wrapping the text would change its meaning: ``"2104.660 ct"`` is
    drawn smaller rather than as ``"2104.6…"``. ``text()`` is always the full text.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        # The font last fitted, by (text, width, font): painted far more often than they change.
        self._fitted: tuple[tuple[str, int, str], QFont] | None = None

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Half the width the text needs at full size, at the full line height."""
        hint = super().minimumSizeHint()
        return QSize(max(1, hint.width() // 2), hint.height())

    def fitted_font(self) -> QFont:
        """The font the text is drawn in: the label's, smaller when the text would not fit."""
        key = (self.text(), self._text_rect().width(), self.font().key())
        fitted = self._fitted
        if fitted is None or fitted[0] != key:
            fitted = (key, self._fit_font())
            self._fitted = fitted
        return QFont(fitted[1])

    def _fit_font(self) -> QFont:
        font = QFont(self.font())
        available = self._text_rect().width()
        needed = QFontMetrics(font).horizontalAdvance(self.text())
        if needed <= available or needed <= 0:
            return font
        size_px = font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 4 / 3)
        while size_px > MIN_FONT_PX:
            # Scaled by what the last size needed (letter spacing does not scale with the
            # font), so the text ends up as large as fits, not much smaller.
            size_px = max(MIN_FONT_PX, min(size_px - 1, size_px * available // needed))
            font.setPixelSize(size_px)
            needed = QFontMetrics(font).horizontalAdvance(self.text())
            if needed <= available:
                break
        return font

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Paint the text in the fitted font."""
        del event
        self._draw(self.fitted_font(), self.text())
