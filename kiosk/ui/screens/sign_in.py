"""SignInScreen: pick your name, type your PIN on a large pad (or the keyboard), press OK."""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import User
from kiosk.ui.i18n import LANGUAGE_NAMES, LANGUAGES, QT_TRANSLATE_NOOP, current_language
from kiosk.ui.messages import localise
from kiosk.ui.widgets.panel import Panel, make_label

MAX_PIN_DIGITS = 12
PIN_DOT = "\u25cf"
NO_USERS = QT_TRANSLATE_NOOP(
    "SignInScreen", "No users are set up on this kiosk. Ask the technician."
)
CHOOSE_PROMPT = QT_TRANSLATE_NOOP("SignInScreen", "Present your badge or choose your name")
LANGUAGE_BUTTON_MIN_PX = 64
ROLE_WORDS = {
    word: word
    for word in (
        QT_TRANSLATE_NOOP("SignInScreen", "inspector"),
        QT_TRANSLATE_NOOP("SignInScreen", "supervisor"),
        QT_TRANSLATE_NOOP("SignInScreen", "technician"),
    )
}
WAIT_TICK_MS = 250
_DIGIT_KEYS: dict[int, str] = {Qt.Key.Key_0.value + d: str(d) for d in range(10)}
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class SignInScreen(QWidget):
    """The first screen: the users as big buttons, then a PIN pad.

    The PIN shows as dots only. A wrong PIN's message appears in place above the pad, and the
    pad is cleared for another try. Digits, Backspace, Escape and Enter work from a keyboard.
    A badge presented on the reader chooses the user (``select_by_badge``). After wrong PINs
    the remaining wait counts down in place and OK is off until it is over (``delay_for``).
    Locked (``set_locked``), a banner says whose parcel is kept and who may unlock. The
    ``top_row`` at the top right is free for a language picker.

    The language picker (EN, NL, FR, DE) switches the kiosk's language at once.

    Signals:
        sign_in_requested(str username, str pin): OK was pressed with a user and a PIN.
        language_requested(str language): a language button was pressed (``"nl"``).
        user_chosen(str username): a user was chosen (before the PIN).
    """

    sign_in_requested = Signal(str, str)
    language_requested = Signal(str)
    user_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SignInScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pin = ""
        self._users: dict[str, User] = {}
        self._user_buttons: dict[str, QPushButton] = {}

        self._wait_until = 0.0
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(WAIT_TICK_MS)
        self._wait_timer.timeout.connect(self._on_wait_timer_timeout)
        self._locked_user: User | None = None
        self._locked_parcel: str | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 28)
        outer.setSpacing(20)
        header = QHBoxLayout()
        header.setSpacing(16)
        self._title = make_label("Inspection Kiosk \u2014 sign in", object_name="SignInTitle")
        header.addWidget(self._title, 1)
        self.top_row = QHBoxLayout()
        """Free room at the top right (the language picker goes here)."""
        self.top_row.setSpacing(8)
        self._language_group = QButtonGroup(self)
        self._language_group.setExclusive(True)
        self._language_buttons: dict[str, QPushButton] = {}
        for language in LANGUAGES:
            button = QPushButton(language.upper())
            button.setObjectName(f"Language_{language}")
            button.setProperty("role", "language")
            button.setCheckable(True)
            button.setMinimumSize(LANGUAGE_BUTTON_MIN_PX, LANGUAGE_BUTTON_MIN_PX)
            button.setToolTip(LANGUAGE_NAMES[language])
            button.setAccessibleName(LANGUAGE_NAMES[language])
            button.clicked.connect(
                lambda _checked=False, lang=language: self.language_requested.emit(lang)
            )
            self._language_group.addButton(button)
            self._language_buttons[language] = button
            self.top_row.addWidget(button)
        header.addLayout(self.top_row)
        outer.addLayout(header)
        self._lock_banner = make_label("", object_name="LockBanner", wrap=True)
        self._lock_banner.setVisible(False)
        outer.addWidget(self._lock_banner)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        outer.addLayout(columns, 1)

        # ---- Users ----
        self._users_panel = users_panel = Panel("Who are you?")
        self._users_area = QScrollArea()
        self._users_area.setWidgetResizable(True)
        self._users_area.setFrameShape(QFrame.Shape.NoFrame)
        self._users_box = QWidget()
        self._users_layout = QVBoxLayout(self._users_box)
        self._users_layout.setContentsMargins(0, 0, 6, 0)
        self._users_layout.setSpacing(10)
        self._users_layout.addStretch(1)
        self._users_area.setWidget(self._users_box)
        self._no_users = make_label("", wrap=True, emphasis="bad")
        users_panel.body.addWidget(self._no_users)
        users_panel.body.addWidget(self._users_area, 1)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.buttonClicked.connect(self._on_group_button_clicked)
        columns.addWidget(users_panel, 5)

        # ---- PIN pad ----
        self._pad_panel = pad_panel = Panel("PIN")
        self._prompt = make_label("", object_name="PinPrompt", wrap=True)
        self._dots = make_label("", object_name="PinDots")
        self._dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._dots.setAccessibleName("PIN digits entered")
        self._error = make_label("", object_name="SignInError", wrap=True)
        self._error.setVisible(False)
        self._wait = make_label("", object_name="SignInWait", wrap=True)
        self._wait.setVisible(False)
        pad_panel.body.addWidget(self._prompt)
        pad_panel.body.addWidget(self._dots)
        pad_panel.body.addWidget(self._error)
        pad_panel.body.addWidget(self._wait)
        grid = QGridLayout()
        grid.setSpacing(12)
        self._digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            button = self._pad_button(digit, "pinkey")
            grid.addWidget(button, index // 3, index % 3)
            self._digit_buttons[digit] = button
        self._clear = self._pad_button("Clear", "pinkey")
        self._clear.setObjectName("PinClear")
        self._clear.setStyleSheet("font-size: 22px;")
        zero = self._pad_button("0", "pinkey")
        self._digit_buttons["0"] = zero
        self._ok = self._pad_button("OK", "pinok")
        self._ok.setObjectName("PinOk")
        grid.addWidget(self._clear, 3, 0)
        grid.addWidget(zero, 3, 1)
        grid.addWidget(self._ok, 3, 2)
        for digit, button in self._digit_buttons.items():
            button.setObjectName(f"PinDigit{digit}")
            button.clicked.connect(lambda _checked=False, d=digit: self._on_digit_clicked(d))
        self._clear.clicked.connect(self._on_clear_clicked)
        self._ok.clicked.connect(self._on_ok_clicked)
        pad_panel.body.addLayout(grid)
        pad_panel.body.addStretch(1)
        columns.addWidget(pad_panel, 4)
        self._chosen: str | None = None
        self._by_badge = False
        self._error_source = ""
        self.set_users(())
        self.retranslate()

    # ---- Public API ------------------------------------------------------------------------

    def set_users(self, users: Sequence[User]) -> None:
        """Offer ``users`` (inactive ones are left out); one user is chosen at once."""
        for button in self._user_buttons.values():
            self._group.removeButton(button)
            self._users_layout.removeWidget(button)
            button.deleteLater()
        self._user_buttons = {}
        active = [u for u in users if u.active]
        self._users = {u.username: u for u in active}
        for index, user in enumerate(active):
            button = QPushButton(self._user_text(user))
            button.setObjectName(f"User_{user.username}")
            button.setProperty("role", "user")
            button.setProperty("username", user.username)
            button.setCheckable(True)
            button.setAccessibleName(user.display_name)
            self._group.addButton(button)
            self._users_layout.insertWidget(index, button)
            self._user_buttons[user.username] = button
        self._no_users.setVisible(not active)
        self._users_area.setVisible(bool(active))
        self.reset()
        if len(active) == 1:
            self.select_user(active[0].username)

    def select_user(self, username: str) -> None:
        """Choose a user as if their button was pressed.

        Raises:
            KeyError: ``username`` is not offered.
        """
        button = self._user_buttons[username]
        button.setChecked(True)
        self._user_chosen(username)

    def select_by_badge(self, user: User) -> None:
        """Choose the user whose badge was presented; the PIN comes next.

        A user not offered (e.g. the list is not loaded yet) is added for this sign-in.
        """
        if user.username not in self._user_buttons:
            self.set_users([*self._users.values(), user])
        self.select_user(user.username)
        self._by_badge = True
        self._show_prompt()

    def delay_for(self, wait_s: float) -> None:
        """Refuse OK for ``wait_s`` seconds and count the wait down in place."""
        if wait_s <= 0:
            return
        self._wait_until = time.monotonic() + wait_s
        self._refresh_wait()
        self._wait_timer.start()

    @property
    def wait_left_s(self) -> int:
        """Whole seconds left before the next PIN try (0: none)."""
        return max(0, math.ceil(self._wait_until - time.monotonic()))

    def wait_text(self) -> str:
        """The countdown shown, or ``""``."""
        return self._wait.text() if self._wait.isVisibleTo(self) else ""

    def set_locked(self, user: User, parcel_id: str | None) -> None:
        """Show the lock banner for ``user``'s session and choose ``user`` for the PIN."""
        self._locked_user = user
        self._locked_parcel = parcel_id
        self._refresh_lock_banner()
        self._lock_banner.setVisible(True)
        if user.username in self._user_buttons:
            self.select_user(user.username)

    def clear_locked(self) -> None:
        """Back to the plain sign-in screen."""
        self._locked_user = None
        self._locked_parcel = None
        self._lock_banner.setVisible(False)
        self._refresh_title()

    @property
    def locked_user(self) -> User | None:
        """Whose session is locked (``None``: not locked)."""
        return self._locked_user

    def lock_text(self) -> str:
        """The lock banner's text, or ``""``."""
        return self._lock_banner.text() if self._lock_banner.isVisibleTo(self) else ""

    def retranslate(self) -> None:
        """Set every text in the current language and mark the language button."""
        self._refresh_title()
        self._refresh_lock_banner()
        self._refresh_wait()
        self._users_panel.set_title(self.tr("Who are you?"))
        self._pad_panel.set_title(self.tr("PIN"))
        self._no_users.setText(self.tr(NO_USERS))
        self._dots.setAccessibleName(self.tr("PIN digits entered"))
        self._clear.setText(self.tr("Clear"))
        self._ok.setText(self.tr("OK"))
        for username, button in self._user_buttons.items():
            button.setText(self._user_text(self._users[username]))
        self._show_prompt()
        if self._error_source:
            self._error.setText(self._translated(self._error_source))
        language = current_language()
        for code, button in self._language_buttons.items():
            button.setChecked(code == language)

    def language_buttons(self) -> dict[str, QPushButton]:
        """The language picker's buttons by language code."""
        return dict(self._language_buttons)

    @property
    def selected_username(self) -> str | None:
        """The user chosen, or ``None``."""
        button = self._group.checkedButton()
        if button is None:
            return None
        name = button.property("username")
        return name if isinstance(name, str) else None

    def _translated(self, message: str) -> str:
        """This screen's own English source translated, else a service's text (``localise``)."""
        shown = self.tr(message)
        return localise(message) if shown == message else shown

    @Slot(str)
    def show_error(self, message: str) -> None:
        """Show a sign-in failure in place and clear the PIN for another try.

        The screen's own English messages and the services' known ones are shown translated.
        """
        self._pin = ""
        self._refresh_dots()
        self._error_source = message
        self._error.setText(self._translated(message) if message else "")
        self._error.setVisible(bool(message))
        self.setFocus()

    def reset(self) -> None:
        """Clear the PIN, the error and the chosen user (after sign-out)."""
        checked = self._group.checkedButton()
        if checked is not None:
            self._group.setExclusive(False)
            checked.setChecked(False)
            self._group.setExclusive(True)
        self._pin = ""
        self._error.setVisible(False)
        self._error.setText("")
        self._error_source = ""
        self._chosen = None
        self._by_badge = False
        self._show_prompt()
        self._refresh_dots()

    def enter_digit(self, digit: str) -> None:
        """Add one digit to the PIN (ignored past the maximum length).

        Raises:
            ValueError: ``digit`` is not a single digit 0-9.
        """
        if len(digit) != 1 or digit not in "0123456789":
            raise ValueError(f"a PIN digit must be 0-9, got {digit!r}")
        if len(self._pin) < MAX_PIN_DIGITS:
            self._pin += digit
            self._refresh_dots()

    def submit(self) -> None:
        """Ask to sign in with the chosen user and the PIN, or say what is missing."""
        username = self.selected_username
        if username is None:
            self.show_error(QT_TRANSLATE_NOOP("SignInScreen", "Choose your name first."))
            return
        if not self._pin:
            self.show_error(QT_TRANSLATE_NOOP("SignInScreen", "Type your PIN, then press OK."))
            return
        if self.wait_left_s > 0:
            self._pin = ""
            self._refresh_dots()
            self._refresh_wait()
            return
        pin, self._pin = self._pin, ""
        self._refresh_dots()
        self._error.setVisible(False)
        self.sign_in_requested.emit(username, pin)

    @property
    def pin_length(self) -> int:
        """How many digits have been typed."""
        return len(self._pin)

    def dots_text(self) -> str:
        """The PIN as shown (dots only)."""
        return self._dots.text()

    def error_text(self) -> str:
        """The error shown in place, or ``""``."""
        return self._error.text() if self._error.isVisibleTo(self) else ""

    def user_buttons(self) -> dict[str, QPushButton]:
        """The user buttons by username."""
        return dict(self._user_buttons)

    def pad_buttons(self) -> dict[str, QPushButton]:
        """The pad's buttons: digits, ``"Clear"`` and ``"OK"``."""
        return {**self._digit_buttons, "Clear": self._clear, "OK": self._ok}

    # ---- Qt overrides ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Digits type, Backspace deletes, Escape clears, Enter signs in."""
        key = int(event.key())
        if event.modifiers() & _COMMAND_MODIFIERS:
            super().keyPressEvent(event)  # Alt+2 and the like are shortcuts, not PIN digits
            return
        if key in _DIGIT_KEYS:
            self.enter_digit(_DIGIT_KEYS[key])
        elif key == Qt.Key.Key_Backspace.value:
            self._pin = self._pin[:-1]
            self._refresh_dots()
        elif key == Qt.Key.Key_Escape.value:
            self._pin = ""
            self._refresh_dots()
        elif key in (Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value):
            self.submit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # ---- Slots -----------------------------------------------------------------------------

    @Slot(QPushButton)
    def _on_group_button_clicked(self, button: QPushButton) -> None:
        name = button.property("username")
        if isinstance(name, str):
            self._user_chosen(name)

    @Slot(str)
    def _on_digit_clicked(self, digit: str) -> None:
        self.enter_digit(digit)

    @Slot()
    def _on_clear_clicked(self) -> None:
        self._pin = ""
        self._refresh_dots()

    @Slot()
    def _on_ok_clicked(self) -> None:
        self.submit()

    @Slot()
    def _on_wait_timer_timeout(self) -> None:
        self._refresh_wait()

    # ---- Internals -------------------------------------------------------------------------

    def _pad_button(self, text: str, role: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("role", role)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _user_chosen(self, username: str) -> None:
        self._chosen = username
        self._by_badge = False
        self._pin = ""
        self._error.setVisible(False)
        self._show_prompt()
        self._refresh_dots()
        self.setFocus()
        self.user_chosen.emit(username)

    def _show_prompt(self) -> None:
        user = self._users.get(self._chosen) if self._chosen is not None else None
        if user is None:
            self._prompt.setText(self.tr(CHOOSE_PROMPT))
        elif self._by_badge:
            self._prompt.setText(self.tr("Badge read: PIN for %1").replace("%1", user.display_name))
        else:
            self._prompt.setText(self.tr("PIN for %1").replace("%1", user.display_name))

    def _user_text(self, user: User) -> str:
        role = self.tr(ROLE_WORDS[user.role]) if user.role in ROLE_WORDS else user.role
        return f"{user.display_name}   \u00b7   {role}"

    def _refresh_wait(self) -> None:
        left = self.wait_left_s
        if left <= 0:
            self._wait_timer.stop()
            self._wait.setVisible(False)
            self._wait.setText("")
            self._ok.setEnabled(True)
            return
        self._wait.setText(
            self.tr("\u25d4 Wait %1 s before the next try.").replace("%1", str(left))
        )
        self._wait.setVisible(True)
        self._ok.setEnabled(False)

    def _refresh_title(self) -> None:
        if self._locked_user is not None:
            self._title.setText(self.tr("Screen locked"))
        else:
            self._title.setText(self.tr("Inspection Kiosk \u2014 sign in"))

    def _refresh_lock_banner(self) -> None:
        user = self._locked_user
        if user is None:
            return
        self._refresh_title()
        if self._locked_parcel:
            text = self.tr(
                "%1's parcel %2 is kept as it is. %1 or a supervisor types the PIN to go on; "
                "anyone else chooses their name and takes the parcel over."
            ).replace("%2", self._locked_parcel)
        else:
            text = self.tr(
                "%1's session is locked. %1 or a supervisor types the PIN to go on; "
                "anyone else chooses their name to sign in."
            )
        self._lock_banner.setText(text.replace("%1", user.display_name))

    def _refresh_dots(self) -> None:
        self._dots.setText(" ".join(PIN_DOT * len(self._pin)) if self._pin else "")


if __name__ == "__main__":
    from kiosk.ui.preview import preview_sign_in

    preview_sign_in()
