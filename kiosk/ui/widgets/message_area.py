"""MessageArea: a visible, non-modal line for errors and notices, dismissed by a touch."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.ui.messages import is_known, localise
from kiosk.ui.theme import icon_pixmap, set_style_property
from kiosk.ui.widgets.panel import make_label
from kiosk.ui.widgets.touch_button import TouchButton

ICON_PX = 32


class MessageKind(enum.StrEnum):
    """How a message is shown: an error (red, warning sign) or a notice (blue, info sign)."""

    ERROR = "error"
    INFO = "info"


class MessageArea(QFrame):
    """Shows one message at a time in place, instead of stacking dialogs.

    A new message replaces the old one; Dismiss hides it. Hidden while there is none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageArea")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 2, 4, 2)
        layout.setSpacing(12)
        self._icon = QLabel()
        self._icon.setFixedSize(ICON_PX, ICON_PX)
        self._text = make_label("", object_name="MessageText", wrap=True, selectable=True)
        self._dismiss = TouchButton("Dismiss")
        self._dismiss.setObjectName("MessageDismiss")
        self._dismiss.setProperty("role", "quiet")
        self._dismiss.clicked.connect(self._on_dismiss_clicked)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._dismiss, 0, Qt.AlignmentFlag.AlignVCenter)
        self._kind = MessageKind.INFO
        self._source = ""
        self._wording: Callable[[], str] | None = None
        # Hidden without a message, its room given to the panels: keeping the room (no relayout
        # when a message comes, ~7 ms of the GUI thread) cut the reasons' legal basis off.
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the button text and the accessible name in the language in use.

        The message itself is worded by whoever shows it (and shown again on their update);
        a text from the domain or a service (``kiosk.ui.messages``) is translated here again.
        """
        self._dismiss.setText(self.tr("Dismiss"))
        if self._wording is not None:
            self._text.setText(self._wording())
        elif self._source and is_known(self._source):
            self._text.setText(localise(self._source))
        if self._text.text():
            self._set_accessible_name()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_message(
        self,
        text: str,
        kind: MessageKind = MessageKind.ERROR,
        *,
        wording: Callable[[], str] | None = None,
    ) -> None:
        """Show ``text`` (replacing any message shown); an empty text hides the area.

        A known text of the domain or a service is shown in the language in use.

        Args:
            text: The message.
            kind: Error or notice.
            wording: Gives the message again in the language in use; called when the
                language changes while the message is shown (``text`` is its first result).
        """
        text = text.strip()
        if not text:
            self.clear()
            return
        self._kind = kind
        self._source = text
        self._wording = wording
        self._text.setText(localise(text))
        self._icon.setPixmap(icon_pixmap(f"message-{kind.value}", ICON_PX))
        set_style_property(self, "kind", kind.value)
        self._set_accessible_name()
        self.setVisible(True)

    def _set_accessible_name(self) -> None:
        word = self.tr("Error") if self._kind is MessageKind.ERROR else self.tr("Notice")
        self.setAccessibleName(f"{word}: {self._text.text()}")

    def clear(self) -> None:
        """Hide the message."""
        self._source = ""
        self._wording = None
        self._text.setText("")
        self.setVisible(False)

    def text(self) -> str:
        """The message shown, or ``""``."""
        return self._text.text()

    @property
    def kind(self) -> MessageKind:
        """The kind of the message last shown."""
        return self._kind

    @property
    def dismiss_button(self) -> QPushButton:
        """The Dismiss button."""
        return self._dismiss

    @Slot()
    def _on_dismiss_clicked(self) -> None:
        self.clear()
