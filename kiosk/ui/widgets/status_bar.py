"""StatusBar: who is signed in, where, how old the data is, and how each device is doing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QTimer, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.models import User
from kiosk.ui.formatting import format_data_status, format_datetime, utc_now
from kiosk.ui.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.ports import DataVersionLike
from kiosk.ui.theme import set_style_property
from kiosk.ui.widgets.fit_label import ElidedLabel
from kiosk.ui.widgets.panel import make_label

AGE_REFRESH_INTERVAL_MS = 30_000
DEVICE_ORDER = ("scale", "reader", "camera", "printer")
DEVICE_NAMES = {
    "scale": QT_TRANSLATE_NOOP("StatusBar", "Scale"),
    "reader": QT_TRANSLATE_NOOP("StatusBar", "Reader"),
    "camera": QT_TRANSLATE_NOOP("StatusBar", "Camera"),
    "printer": QT_TRANSLATE_NOOP("StatusBar", "Printer"),
}
"""Device names (English sources, shown translated)."""

STATE_WORDS = {
    word: word
    for word in (
        QT_TRANSLATE_NOOP("StatusBar", "ok"),
        QT_TRANSLATE_NOOP("StatusBar", "connected"),
        QT_TRANSLATE_NOOP("StatusBar", "ready"),
        QT_TRANSLATE_NOOP("StatusBar", "starting"),
        QT_TRANSLATE_NOOP("StatusBar", "connecting"),
        QT_TRANSLATE_NOOP("StatusBar", "reconnecting"),
        QT_TRANSLATE_NOOP("StatusBar", "busy"),
        QT_TRANSLATE_NOOP("StatusBar", "unknown"),
        QT_TRANSLATE_NOOP("StatusBar", "printing"),
        QT_TRANSLATE_NOOP("StatusBar", "off"),
        QT_TRANSLATE_NOOP("StatusBar", "disconnected"),
        QT_TRANSLATE_NOOP("StatusBar", "error"),
    )
}
"""Device state words the services send, shown translated (others as sent)."""

ROLE_WORDS = {
    word: word
    for word in (
        QT_TRANSLATE_NOOP("StatusBar", "inspector"),
        QT_TRANSLATE_NOOP("StatusBar", "supervisor"),
        QT_TRANSLATE_NOOP("StatusBar", "technician"),
    )
}

_LEVELS: dict[str, frozenset[str]] = {
    "ok": frozenset({"connected", "ready", "ok", "online", "idle", "running", "stable"}),
    "pending": frozenset(
        {"connecting", "reconnecting", "starting", "busy", "unknown", "waiting", "printing"}
    ),
    "off": frozenset({"disabled", "none", "off", "not configured"}),
}
_LEVEL_MARKS = {"ok": "\u25cf", "pending": "\u25d4", "bad": "\u2716", "off": "\u25cb"}


def device_level(state: str) -> str:
    """How alarming a device state word is: ``ok``, ``pending``, ``off`` or ``bad``.

    Any word not known to be harmless counts as ``bad``, so a new failure state is never
    shown as fine.
    """
    word = state.strip().lower()
    for level, words in _LEVELS.items():
        if word in words:
            return level
    return "bad"


AGEING_FRACTION = 0.75
"""Past this share of the maximum data age the data shows amber ("update due"); past the
limit it shows red ("STALE": no parcel is cleared on it alone)."""


class StatusBar(QFrame):
    """The bottom line of every screen.

    Shows the user and role, the post and kiosk, the reference data version and its age
    (``"Data 2026.11.1 · 3 h old"``, marked STALE past the limit), a busy word, and one
    indicator per device: a mark, the device and its state word, with the detail as tooltip.
    """

    def __init__(
        self,
        post_name: str,
        kiosk_id: str,
        *,
        max_data_age_h: float = 72.0,
        clock: Callable[[], datetime] = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StatusBar")
        self._clock = clock
        self._max_data_age = timedelta(hours=max_data_age_h)
        self._data: DataVersionLike | None = None
        self._user_shown: User | None = None
        self._busy_shown = False
        self._device_states: dict[str, tuple[str, str]] = {}
        rows = QVBoxLayout(self)
        rows.setContentsMargins(16, 5, 16, 6)
        rows.setSpacing(2)
        layout = QHBoxLayout()
        layout.setSpacing(28)
        rows.addLayout(layout)
        # Long user or post names are cut with "…" (full text in the tooltip), never widening
        # the window.
        self._user = ElidedLabel()
        self._user.setObjectName("StatusUser")
        self._post = ElidedLabel(f"{post_name} \u00b7 {kiosk_id}")
        self._post.setObjectName("StatusPost")
        self._data_label = make_label("", object_name="StatusData")
        self._busy = make_label("", object_name="StatusBusy")
        layout.addWidget(self._user)
        layout.addWidget(self._post)
        layout.addWidget(self._data_label)
        layout.addWidget(self._busy)
        layout.addStretch(1)
        self._devices_layout = QHBoxLayout()
        self._devices_layout.setSpacing(28)
        devices_row = QHBoxLayout()
        devices_row.addLayout(self._devices_layout)
        devices_row.addStretch(1)
        rows.addLayout(devices_row)
        self._devices: dict[str, QLabel] = {}
        for device in DEVICE_ORDER:
            self.set_device_state(device, "unknown", "")
        self.set_data_version(None)
        self.retranslate()
        self._timer = QTimer(self)
        self._timer.setInterval(AGE_REFRESH_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    # ---- Public API ------------------------------------------------------------------------

    @Slot(object)
    def set_user(self, user: User | None) -> None:
        """Show the signed-in user and role, or that nobody is signed in."""
        self._user_shown = user
        if user is None:
            self._user.setText(self.tr("Not signed in"))
        else:
            role = self.tr(ROLE_WORDS[user.role]) if user.role in ROLE_WORDS else user.role
            self._user.setText(f"{user.display_name} ({role})")

    @Slot(object)
    def set_data_version(self, data: DataVersionLike | None) -> None:
        """Show the reference data version in use and how old it is."""
        self._data = data
        self.refresh_age()

    def refresh_age(self) -> None:
        """Recompute the data age against the clock (also done every 30 s)."""
        data = self._data
        if data is None:
            self._data_label.setText("\u2716 " + self.tr("No reference data"))
            self._data_label.setToolTip(
                self.tr("No sanctions lists or certificate register loaded")
            )
            set_style_property(self._data_label, "level", "bad")
            return
        now = self._clock()
        text = format_data_status(data.version, data.published_at, now)
        age = now - data.published_at
        stale = age > self._max_data_age
        ageing = not stale and age > self._max_data_age * AGEING_FRACTION
        if stale:
            text = f"\u26a0 {text} \u00b7 " + self.tr("STALE")
        elif ageing:
            text = f"\u25d4 {text} \u00b7 " + self.tr("update due")
        self._data_label.setText(text)
        tip = (
            self.tr("Published %1, loaded %2")
            .replace("%1", format_datetime(data.published_at))
            .replace("%2", format_datetime(data.loaded_at))
        )
        if stale:
            tip += " \u2014 " + self.tr("older than the limit: no parcel is cleared on it alone")
        self._data_label.setToolTip(tip)
        set_style_property(
            self._data_label, "level", "stale" if stale else "ageing" if ageing else "ok"
        )

    @Slot(str, str, str)
    def set_device_state(self, device: str, state: str, detail: str) -> None:
        """Show one device's state word; ``detail`` goes into the tooltip."""
        label = self._devices.get(device)
        if label is None:
            label = make_label("", object_name=f"Device_{device}")
            self._devices_layout.addWidget(label)
            self._devices[device] = label
        self._device_states[device] = (state, detail)
        level = device_level(state)
        source = DEVICE_NAMES.get(device)
        name = self.tr(source) if source is not None else device.capitalize()
        word = self.tr(STATE_WORDS[state]) if state in STATE_WORDS else state
        label.setText(f"{_LEVEL_MARKS[level]} {name}: {word}")
        if not detail and state == "unknown":
            detail = self.tr("No report from the device yet")
        label.setToolTip(detail or word)
        label.setAccessibleName(f"{name} {word}")
        set_style_property(label, "level", level)

    def set_device_detail(self, device: str, detail: str) -> None:
        """Change the tooltip of a device shown (its state word stays)."""
        state, _ = self._device_states.get(device, ("ok", ""))
        self.set_device_state(device, state, detail)

    def device_detail(self, device: str) -> str:
        """The tooltip of a device's state, ``""`` when not shown."""
        label = self._devices.get(device)
        return label.toolTip() if label is not None else ""

    @Slot(bool)
    def set_busy(self, busy: bool) -> None:
        """Show ``Working…`` while the services are busy."""
        self._busy_shown = busy
        self._busy.setText("\u231b " + self.tr("Working\u2026") if busy else "")

    def retranslate(self) -> None:
        """Set every text again in the language in use."""
        self.set_user(self._user_shown)
        self.refresh_age()
        for device, (state, detail) in list(self._device_states.items()):
            self.set_device_state(device, state, detail)
        self.set_busy(self._busy_shown)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def texts(self) -> dict[str, str]:
        """What the bar shows, by part (devices by name)."""
        out = {
            "user": self._user.text(),
            "post": self._post.text(),
            "data": self._data_label.text(),
            "busy": self._busy.text(),
        }
        out.update({name: label.text() for name, label in self._devices.items()})
        return out

    def device_label(self, device: str) -> QLabel:
        """The indicator of a device (raises ``KeyError`` for an unknown one)."""
        return self._devices[device]

    # ---- Slots -----------------------------------------------------------------------------

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.refresh_age()
