"""Small building blocks shared by the widgets: a titled panel and styled labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class Panel(QFrame):
    """A white card with an upper-case heading; widgets go into ``body``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 14)
        self.body.setSpacing(8)
        self.heading = QLabel(title.upper())
        self.heading.setProperty("heading", True)
        self.body.addWidget(self.heading)

    def set_title(self, title: str) -> None:
        """Change the heading (for instance to a translated one)."""
        self.heading.setText(title.upper())


def make_label(
    text: str = "",
    *,
    object_name: str = "",
    wrap: bool = False,
    selectable: bool = False,
    **properties: str | bool,
) -> QLabel:
    """A QLabel with an object name and style-sheet properties set.

    Args:
        text: The initial text (plain text, never rich text).
        object_name: The name the style sheet selects on.
        wrap: Wrap long text over several lines.
        selectable: Let the user select the text with the mouse.
        **properties: Dynamic properties such as ``muted=True``.
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    for name, value in properties.items():
        label.setProperty(name, value)
    return label
