"""FaultPanel: a full-screen statement of what is wrong, what to do, and a Retry button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.theme import icon_pixmap
from kiosk.ui.widgets.panel import make_label

ICON_PX = 96


class FaultPanel(QFrame):
    """Shown in place of a screen when a device or the database fails (never a dialog).

    The texts come from the caller, already translated; the panel adds a warning sign and
    the word FAULT so that the state never hangs on colour alone.

    Signals:
        retry_requested(str kind): Retry was pressed for the fault of this kind.
    """

    retry_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FaultPanel")
        self._kind = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(80, 48, 80, 48)
        outer.setSpacing(24)
        outer.addStretch(1)
        head = QHBoxLayout()
        head.setSpacing(24)
        self._icon = QLabel()
        self._icon.setFixedSize(ICON_PX, ICON_PX)
        self._icon.setPixmap(icon_pixmap("message-error", ICON_PX))
        self._word = make_label("", object_name="FaultWord")
        self.title = make_label("", object_name="FaultTitle", wrap=True)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        titles.addWidget(self._word)
        titles.addWidget(self.title)
        head.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(titles, 1)
        outer.addLayout(head)
        self.what = make_label("", object_name="FaultWhat", wrap=True, selectable=True)
        self.todo = make_label("", object_name="FaultTodo", wrap=True)
        self.status = make_label("", object_name="FaultStatus", wrap=True, muted=True)
        outer.addWidget(self.what)
        outer.addWidget(self.todo)
        outer.addWidget(self.status)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("FaultRetry")
        self.retry_button.setProperty("role", "primary")
        self.retry_button.setMinimumWidth(240)
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        outer.addStretch(2)
        self.retranslate()

    @property
    def kind(self) -> str:
        """The fault shown (``"scale"``, ``"database"``, ...), or ``""``."""
        return self._kind

    def show_fault(self, kind: str, title: str, what: str, todo: str) -> None:
        """Show a fault.

        Args:
            kind: What failed, passed back with ``retry_requested``.
            title: One line: what is wrong.
            what: The details (the device's or the database's own message).
            todo: What to do about it.
        """
        self._kind = kind
        self.title.setText(title)
        self.what.setText(what)
        self.todo.setText(todo)
        self.status.setText("")
        self.setAccessibleName(f"{self._word.text()}: {title}")

    def set_status(self, text: str) -> None:
        """A line under the advice (e.g. "Still disconnected — retried at 10:42")."""
        self.status.setText(text)

    def retranslate(self) -> None:
        """Set the fixed texts in the current language."""
        self._word.setText(self.tr("FAULT"))
        self.retry_button.setText(self.tr("Retry"))
        self.retry_button.setToolTip(self.tr("Try again (Enter)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_retry_button_clicked(self) -> None:
        self.retry_requested.emit(self._kind)
