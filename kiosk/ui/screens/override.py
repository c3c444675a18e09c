"""OverrideScreen: a second person, a supervisor, lifts a HOLD with a PIN, a reason code and why."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import Inspection, OverrideCode, User
from kiosk.ui.formatting import outcome_word
from kiosk.ui.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.messages import localise
from kiosk.ui.widgets.panel import Panel, make_label
from kiosk.ui.widgets.reason_list import ReasonList
from kiosk.ui.widgets.touch_button import TouchButton

MAX_PIN_DIGITS = 12
PIN_DOT = "\u25cf"
CLEAR_KEY = "Clear"
"""The id of the pad's clear key in ``PinPad.buttons()`` (its text is translated)."""
CODE_LABELS: dict[OverrideCode, str] = {
    OverrideCode.DOCUMENTS_PRODUCED: QT_TRANSLATE_NOOP(
        "OverrideScreen", "Missing documents produced"
    ),
    OverrideCode.WEIGHING_ERROR: QT_TRANSLATE_NOOP("OverrideScreen", "Weighing error explained"),
    OverrideCode.SEAL_EXPLAINED: QT_TRANSLATE_NOOP("OverrideScreen", "Seal difference explained"),
    OverrideCode.DATA_OUTDATED: QT_TRANSLATE_NOOP("OverrideScreen", "Reference data out of date"),
    OverrideCode.OTHER: QT_TRANSLATE_NOOP("OverrideScreen", "Other (explain below)"),
}
"""The words shown for each reason code (English sources, shown translated)."""

_DIGIT_KEYS: dict[int, str] = {Qt.Key.Key_0.value + d: str(d) for d in range(10)}
_STYLE = """
QRadioButton { min-height: 48px; font-size: 20px; spacing: 14px; }
QRadioButton::indicator { width: 28px; height: 28px; }
QPushButton[role="pinkey"], QPushButton[role="pinok"] { min-height: 58px; min-width: 80px; }
QPlainTextEdit { font-size: 20px; border: 2px solid #64748b; border-radius: 8px; }
QPushButton[role="user"] { min-height: 60px; }
"""


class PinPad(QWidget):
    """Digits 0-9 and Clear as large keys; the PIN shows as dots only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pin = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.dots = make_label("", object_name="PinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.dots)
        grid = QGridLayout()
        grid.setSpacing(10)
        self._buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), index // 3, index % 3)
        grid.addWidget(self._key("0"), 3, 1)
        backspace = self._key("\u232b")
        backspace.setObjectName("OverridePinBack")
        grid.addWidget(backspace, 3, 2)
        clear = self._key(CLEAR_KEY)
        clear.setObjectName("OverridePinClear")
        clear.setStyleSheet("font-size: 20px; padding: 0 4px;")  # "Löschen", "Effacer" fit
        grid.addWidget(clear, 3, 0)
        layout.addLayout(grid)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the key texts and accessible names in the language in use."""
        self.dots.setAccessibleName(self.tr("PIN digits entered"))
        self._buttons["\u232b"].setAccessibleName(self.tr("Delete the last digit"))
        self._buttons[CLEAR_KEY].setText(self.tr("Clear"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def pin(self) -> str:
        """The digits typed so far."""
        return self._pin

    def enter_digit(self, digit: str) -> None:
        """Add one digit (ignored past the maximum length).

        Raises:
            ValueError: ``digit`` is not a single digit 0-9.
        """
        if len(digit) != 1 or digit not in "0123456789":
            raise ValueError(f"a PIN digit must be 0-9, got {digit!r}")
        if len(self._pin) < MAX_PIN_DIGITS:
            self._pin += digit
            self._refresh()

    def backspace(self) -> None:
        """Delete the last digit."""
        self._pin = self._pin[:-1]
        self._refresh()

    def clear(self) -> None:
        """Forget the PIN."""
        self._pin = ""
        self._refresh()

    def buttons(self) -> dict[str, QPushButton]:
        """The keys by id: ``"0"``-``"9"``, ``"Clear"`` and ``"\u232b"`` (backspace)."""
        return dict(self._buttons)

    def _key(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("role", "pinkey")
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if text.isdigit():
            button.setObjectName(f"OverridePinDigit{text}")
        button.clicked.connect(lambda _checked=False, t=text: self._on_key_clicked(t))
        self._buttons[text] = button
        return button

    @Slot(str)
    def _on_key_clicked(self, text: str) -> None:
        if text.isdigit():
            self.enter_digit(text)
        elif text == CLEAR_KEY:
            self.clear()
        else:
            self.backspace()

    def _refresh(self) -> None:
        self.dots.setText(" ".join(PIN_DOT * len(self._pin)) if self._pin else "")


class OverrideScreen(QWidget):
    """The supervisor override of a HOLD (R18), in the main window's stack, never a dialog.

    Left: why the parcel is held (every reason with its legal basis). Middle: the
    supervisors (never the signed-in inspector) as big buttons and a PIN pad. Right: the
    reason codes as large radio buttons, the written reason (required), Confirm and Cancel.
    A refusal is shown in place and clears the PIN. Digits typed on a keyboard go to the PIN
    unless the reason text has the focus; Escape cancels.

    Signals:
        override_requested(str supervisor, str pin, object code, str text): Confirm was
            pressed with everything filled in (``code`` is an ``OverrideCode``).
        cancelled(): Cancel was pressed.
    """

    override_requested = Signal(str, str, object, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OverrideScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(_STYLE)
        self._inspection: Inspection | None = None
        self._supervisors: dict[str, User] = {}
        self._supervisor_buttons: dict[str, QPushButton] = {}
        self._chosen: str | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 14, 24, 12)
        outer.setSpacing(10)
        self._title = make_label("", object_name="OverrideTitle", wrap=True)
        self._title.setStyleSheet("font-size: 26px; font-weight: 700;")
        outer.addWidget(self._title)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        outer.addLayout(columns, 1)

        self._reasons_panel = reasons_panel = Panel("")
        # "WARUM DAS PAKET ZURÜCKGEHALTEN WIRD" wraps rather than widen the column.
        reasons_panel.heading.setWordWrap(True)
        self.reasons = ReasonList()
        reasons_panel.body.addWidget(self.reasons, 1)
        columns.addWidget(reasons_panel, 10)

        self._who_panel = who_panel = Panel("")
        self._supervisor_box = QVBoxLayout()
        self._supervisor_box.setSpacing(8)
        self._no_supervisors = make_label("", wrap=True, emphasis="bad")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.buttonClicked.connect(self._on_group_button_clicked)
        self._prompt = make_label("", object_name="PinPrompt", wrap=True)
        self.pad = PinPad()
        who_panel.body.addWidget(self._no_supervisors)
        who_panel.body.addLayout(self._supervisor_box)
        who_panel.body.addWidget(self._prompt)
        who_panel.body.addWidget(self.pad)
        who_panel.body.addStretch(1)
        columns.addWidget(who_panel, 9)

        self._why_panel = why_panel = Panel("")
        self._codes = QButtonGroup(self)
        self._codes.setExclusive(True)
        self._code_buttons: dict[OverrideCode, QRadioButton] = {}
        for code in OverrideCode:
            radio = QRadioButton()
            radio.setObjectName(f"OverrideCode_{code.value}")
            self._codes.addButton(radio)
            self._code_buttons[code] = radio
            why_panel.body.addWidget(radio)
        self.text = QPlainTextEdit()
        self.text.setObjectName("OverrideText")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(88)
        why_panel.body.addWidget(self.text, 1)
        self._error = make_label("", object_name="OverrideError", wrap=True, emphasis="bad")
        self._error.setVisible(False)
        why_panel.body.addWidget(self._error)
        # One above the other: "Aufhebung bestätigen" and "Abbrechen" side by side would
        # widen the column past the screen.
        actions = QVBoxLayout()
        actions.setSpacing(10)
        self.cancel_button = TouchButton()
        self.cancel_button.setObjectName("OverrideCancel")
        self.cancel_button.setProperty("role", "quiet")
        self.confirm_button = TouchButton()
        self.confirm_button.setObjectName("OverrideConfirm")
        self.confirm_button.setProperty("role", "primary")
        actions.addWidget(self.confirm_button)
        actions.addWidget(self.cancel_button)
        why_panel.body.addLayout(actions)
        columns.addWidget(why_panel, 11)

        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self._error_source = ""
        self._error_shown = ""
        self.set_supervisors(())
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the language in use (the reason cards retranslate themselves)."""
        inspection = self._inspection
        if inspection is None:
            self._title.setText(self.tr("Supervisor override"))
        else:
            verdict = inspection.verdict
            outcome = outcome_word(verdict.outcome) if verdict is not None else "\u2014"
            self._title.setText(
                self.tr("Supervisor override of a %1 \u2014 parcel %2")
                .replace("%1", outcome)
                .replace("%2", inspection.id)
            )
        self._reasons_panel.set_title(self.tr("Why the parcel is held"))
        self._who_panel.set_title(self.tr("Supervisor"))
        self._why_panel.set_title(self.tr("Reason"))
        self._no_supervisors.setText(
            self.tr("No other supervisor is set up on this kiosk: the hold cannot be lifted here.")
        )
        for code, radio in self._code_buttons.items():
            source = CODE_LABELS.get(code)
            radio.setText(self.tr(source) if source else code.value.replace("_", " "))
        self.text.setPlaceholderText(self.tr("Write why the hold is lifted (required)"))
        self.text.setAccessibleName(self.tr("Written reason"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.confirm_button.setText("\u2714  " + self.tr("Confirm override"))
        self._show_prompt()
        if self._error_source:
            self._set_error(self._error_source)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- Public API ------------------------------------------------------------------------

    def open_for(self, inspection: Inspection, supervisors: Sequence[User]) -> None:
        """Start afresh for ``inspection``, offering ``supervisors`` (active ones only)."""
        self._inspection = inspection
        verdict = inspection.verdict
        self.retranslate()
        self.reasons.set_reasons(verdict.reasons if verdict is not None else ())
        self.set_supervisors(supervisors)
        checked = self._codes.checkedButton()
        if checked is not None:
            self._codes.setExclusive(False)
            checked.setChecked(False)
            self._codes.setExclusive(True)
        self.text.clear()
        self._set_error("")

    def set_supervisors(self, supervisors: Sequence[User]) -> None:
        """Offer ``supervisors`` as big buttons; a single one is chosen at once."""
        for button in self._supervisor_buttons.values():
            self._group.removeButton(button)
            self._supervisor_box.removeWidget(button)
            button.deleteLater()
        self._supervisor_buttons = {}
        active = [u for u in supervisors if u.active]
        self._supervisors = {u.username: u for u in active}
        for user in active:
            button = QPushButton(user.display_name)
            button.setObjectName(f"Supervisor_{user.username}")
            button.setProperty("role", "user")
            button.setProperty("username", user.username)
            button.setCheckable(True)
            button.setAccessibleName(user.display_name)
            self._group.addButton(button)
            self._supervisor_box.addWidget(button)
            self._supervisor_buttons[user.username] = button
        self._no_supervisors.setVisible(not active)
        self._chosen = None
        self._show_prompt()
        self.pad.clear()
        if len(active) == 1:
            self.select_supervisor(active[0].username)

    def select_supervisor(self, username: str) -> None:
        """Choose a supervisor as if their button was pressed.

        Raises:
            KeyError: ``username`` is not offered.
        """
        self._supervisor_buttons[username].setChecked(True)
        self._supervisor_chosen(username)

    def select_code(self, code: OverrideCode) -> None:
        """Choose a reason code as if its radio button was pressed."""
        self._code_buttons[code].setChecked(True)

    @property
    def selected_supervisor(self) -> str | None:
        """The supervisor chosen, or ``None``."""
        button = self._group.checkedButton()
        name = button.property("username") if button is not None else None
        return name if isinstance(name, str) else None

    @property
    def selected_code(self) -> OverrideCode | None:
        """The reason code chosen, or ``None``."""
        return next((c for c, b in self._code_buttons.items() if b.isChecked()), None)

    @property
    def inspection(self) -> Inspection | None:
        """The inspection being overridden."""
        return self._inspection

    @Slot(str)
    def show_refusal(self, message: str) -> None:
        """Show why the override was refused, in place, and clear the PIN for another try."""
        self.pad.clear()
        self._set_error(message)

    def submit(self) -> None:
        """Ask for the override, or say what is still missing."""
        supervisor = self.selected_supervisor
        code = self.selected_code
        text = self.text.toPlainText().strip()
        if supervisor is None:
            self._set_error(QT_TRANSLATE_NOOP("OverrideScreen", "Choose the supervisor first."))
        elif not self.pad.pin:
            self._set_error(
                QT_TRANSLATE_NOOP("OverrideScreen", "The supervisor types their PIN on the pad.")
            )
        elif code is None:
            self._set_error(QT_TRANSLATE_NOOP("OverrideScreen", "Choose a reason code."))
        elif not text:
            self._set_error(
                QT_TRANSLATE_NOOP(
                    "OverrideScreen", "Write why the hold is lifted: a reason text is required."
                )
            )
        else:
            pin = self.pad.pin
            self.pad.clear()
            self._set_error("")
            self.override_requested.emit(supervisor, pin, code, text)

    def error_text(self) -> str:
        """The message shown in place, or ``""``."""
        return self._error.text() if self._error.isVisibleTo(self) else ""

    def supervisor_buttons(self) -> dict[str, QPushButton]:
        """The supervisor buttons by username."""
        return dict(self._supervisor_buttons)

    def code_buttons(self) -> dict[OverrideCode, QRadioButton]:
        """The reason-code radio buttons."""
        return dict(self._code_buttons)

    def action_buttons(self) -> list[QWidget]:
        """Every target a finger may press."""
        return [
            *self._supervisor_buttons.values(),
            *self.pad.buttons().values(),
            *self._code_buttons.values(),
            self.confirm_button,
            self.cancel_button,
        ]

    # ---- Qt overrides ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Digits type the PIN, Backspace deletes, Enter confirms, Escape cancels."""
        key = int(event.key())
        if key in _DIGIT_KEYS:
            self.pad.enter_digit(_DIGIT_KEYS[key])
        elif key == Qt.Key.Key_Backspace.value:
            self.pad.backspace()
        elif key in (Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value):
            self.submit()
        elif key == Qt.Key.Key_Escape.value:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # ---- Slots -----------------------------------------------------------------------------

    @Slot(QPushButton)
    def _on_group_button_clicked(self, button: QPushButton) -> None:
        name = button.property("username")
        if isinstance(name, str):
            self._supervisor_chosen(name)

    @Slot()
    def _on_confirm_clicked(self) -> None:
        self.submit()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self.pad.clear()
        self.cancelled.emit()

    # ---- Internals -------------------------------------------------------------------------

    def _supervisor_chosen(self, username: str) -> None:
        self._chosen = username
        self.pad.clear()
        self._show_prompt()
        self._set_error("")
        self.setFocus()

    def _show_prompt(self) -> None:
        user = self._supervisors.get(self._chosen) if self._chosen is not None else None
        if user is None:
            self._prompt.setText(self.tr("Choose the supervisor"))
        else:
            self._prompt.setText(self.tr("PIN for %1").replace("%1", user.display_name))

    def _translated(self, message: str) -> str:
        """This screen's own English source translated, else a service's text (``localise``)."""
        shown = self.tr(message)
        return localise(message) if shown == message else shown

    def _set_error(self, message: str) -> None:
        """Show ``message`` in the language in use (see ``_translated``)."""
        self._error_source = message
        self._error.setText(self._translated(message) if message else "")
        self._error.setVisible(bool(message))
