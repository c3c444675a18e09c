"""TouchButton: a push button that its layout can never squeeze narrower than its text."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget


class TouchButton(QPushButton):
    """A QPushButton whose minimum width is always the width its text needs.

    The style sheet's ``min-width`` sets a small explicit minimum on every button, which Qt's
    layouts honour instead of the size hint, so a crowded row cut "Check now" to "Check nov".
    This button raises its minimum width to its size hint whenever its text, font or style
    changes.

    Args:
        text: The label.
        parent: The parent widget.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._fit_text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        """Change the label and the minimum width with it."""
        super().setText(text)
        self._fit_text()

    def text_fits(self) -> bool:
        """True when the whole label fits inside the button's padding at its current width."""
        return self.width() >= self.sizeHint().width()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Refit after the style sheet (re)applied its own minimum width or font.

        ``changeEvent``, not ``event``: Qt calls a Python override of ``event`` for every
        event of the button (paints, hovers, moves), each taking the GIL.
        """
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_text()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Refit once polished: the first polish, just before showing, sets the minimum."""
        super().showEvent(event)
        self._fit_text()

    def _fit_text(self) -> None:
        width_px = self.sizeHint().width()
        if self.minimumWidth() != width_px:
            self.setMinimumWidth(width_px)
