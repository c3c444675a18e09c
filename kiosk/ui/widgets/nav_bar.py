"""NavBar: the rail of big buttons between the screens a signed-in user may open, and Sign out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QFrame, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.widgets.fit_label import ElidedLabel

RAIL_WIDTH_PX = 208
"""Wide enough for "Data & sync" and "Sign out" at the kiosk's button font."""


class NavBar(QFrame):
    """A rail at the left: one checkable button per screen, in order; Lock and Sign out below.

    A rail rather than a top row: the inspection screen needs the window's full height at
    1280x800. The window hides the rail on the inspection screen (it needs the full width
    too) and offers a Menu button that shows it; the shortcuts work whether it shows or not,
    because they belong to ``shortcut_host`` (the window).

    Each entry has a keyboard shortcut (Alt+1, Alt+2, ... in the order added; Alt+0 signs
    out) shown in its tooltip. Entries the signed-in user may not open are hidden, and their
    shortcuts do nothing.

    Signals:
        screen_chosen(str key): an entry was pressed (or its shortcut used).
        sign_out_requested(): Sign out was pressed.
        lock_requested(): Lock was pressed (lock the screen now, the inspection stays).
    """

    screen_chosen = Signal(str)
    sign_out_requested = Signal()
    lock_requested = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, shortcut_host: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        host = shortcut_host if shortcut_host is not None else self
        self._host = host
        self.setFixedWidth(RAIL_WIDTH_PX)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 10, 8, 10)
        self._layout.setSpacing(10)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._titles: dict[str, Callable[[], str]] = {}
        self._shortcuts: dict[str, QShortcut] = {}
        self.title = ElidedLabel()
        self.title.setObjectName("NavTitle")
        self._layout.addWidget(self.title)
        self._entries = QVBoxLayout()
        self._entries.setSpacing(10)
        self._layout.addLayout(self._entries)
        self._layout.addStretch(1)
        self.lock_button = self._make_button("NavLock")
        self.lock_button.setProperty("role", "quiet")
        self.lock_button.clicked.connect(self.lock_requested)
        self.sign_out_button = self._make_button("NavSignOut")
        self.sign_out_button.setProperty("role", "quiet")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self._layout.addWidget(self.lock_button)
        self._layout.addWidget(self.sign_out_button)
        self._sign_out_shortcut = QShortcut(QKeySequence("Alt+0"), host)
        self._sign_out_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self._sign_out_shortcut.activated.connect(self._on_sign_out_shortcut_activated)
        self._lock_shortcut = QShortcut(QKeySequence("Alt+L"), host)
        self._lock_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self._lock_shortcut.activated.connect(self._on_lock_shortcut_activated)
        self.retranslate()

    # ---- Public API ------------------------------------------------------------------------

    def add_entry(self, key: str, title: Callable[[], str]) -> QPushButton:
        """Add a screen's button; ``title`` gives its (translated) text at each retranslate.

        Returns:
            The button (object name ``Nav_<key>``).
        """
        button = self._make_button(f"Nav_{key}")
        button.setCheckable(True)
        button.setProperty("role", "nav")
        self._group.addButton(button)
        self._entries.addWidget(button)
        self._buttons[key] = button
        self._titles[key] = title
        number = len(self._buttons)
        if number <= 9:
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self._host)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda k=key: self._on_shortcut_activated(k))
            self._shortcuts[key] = shortcut
        button.clicked.connect(lambda _checked=False, k=key: self.screen_chosen.emit(k))
        self._retranslate_entry(key)
        return button

    def set_allowed(self, keys: set[str]) -> None:
        """Show only the entries in ``keys``."""
        for key, button in self._buttons.items():
            button.setVisible(key in keys)
            shortcut = self._shortcuts.get(key)
            if shortcut is not None:
                shortcut.setEnabled(key in keys)

    def set_current(self, key: str | None) -> None:
        """Mark the entry of the screen shown (``None``: none, e.g. a fault panel)."""
        button = self._buttons.get(key) if key is not None else None
        if button is None:
            checked = self._group.checkedButton()
            if checked is not None:
                self._group.setExclusive(False)
                checked.setChecked(False)
                self._group.setExclusive(True)
            return
        button.setChecked(True)

    def set_active(self, active: bool) -> None:
        """Enable or disable every shortcut (off while nobody is signed in or locked)."""
        for key, shortcut in self._shortcuts.items():
            shortcut.setEnabled(active and not self._buttons[key].isHidden())
        self._sign_out_shortcut.setEnabled(active)
        self._lock_shortcut.setEnabled(active)

    def buttons(self) -> dict[str, QPushButton]:
        """The entries' buttons by key."""
        return dict(self._buttons)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.sign_out_button.setText(self.tr("Sign out"))
        self.sign_out_button.setToolTip(self.tr("Sign out (Alt+0); the parcel under way is kept"))
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock the screen now (Alt+L); the parcel is kept"))
        for key in self._buttons:
            self._retranslate_entry(key)

    # ---- Qt overrides ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- Internals -------------------------------------------------------------------------

    def _make_button(self, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _retranslate_entry(self, key: str) -> None:
        button = self._buttons[key]
        title = self._titles[key]()
        button.setText(title.replace("&", "&&"))  # a single & would be a mnemonic
        button.setAccessibleName(title)
        number = list(self._buttons).index(key) + 1
        if number <= 9:
            tip = self.tr("%1 (Alt+%2)").replace("%2", str(number))
            button.setToolTip(tip.replace("%1", title))

    @Slot()
    def _on_sign_out_shortcut_activated(self) -> None:
        self.sign_out_requested.emit()

    @Slot()
    def _on_lock_shortcut_activated(self) -> None:
        self.lock_requested.emit()

    def _on_shortcut_activated(self, key: str) -> None:
        button = self._buttons[key]
        if not button.isHidden() and button.isEnabled():
            self.screen_chosen.emit(key)
