"""DevicesScreen: each device's state, port, model and last reading; tests for the technician."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePath

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.devices import DetectedPort, DeviceStatus
from kiosk.domain.models import Photo, WeightReading, WeightState
from kiosk.ui.formatting import format_carats, weight_state_short
from kiosk.ui.messages import device_word, localise
from kiosk.ui.ports import DevicesPort
from kiosk.ui.theme import set_style_property
from kiosk.ui.widgets.fit_label import ElidedLabel
from kiosk.ui.widgets.message_area import MessageArea, MessageKind
from kiosk.ui.widgets.panel import Panel, make_label
from kiosk.ui.widgets.status_bar import _LEVEL_MARKS, device_level

DEVICE_ORDER = ("scale", "reader", "camera", "printer")
FIELDS = ("state", "backend", "port", "model", "serial", "last")
WRAPPED_FIELDS = frozenset({"port"})
"""Fields whose long paths wrap (after each / _ -) instead of being cut."""
ZWSP = "\u200b"


def breakable(text: str) -> str:
    """``text`` with a zero-width space after each / _ - so a long path can wrap."""
    for char in "/_-":
        text = text.replace(char, char + ZWSP)
    return text


def _time(status: DeviceStatus) -> str:
    if status.last_at is None:
        return ""
    return status.last_at.astimezone().strftime("%H:%M:%S")


class DeviceCard(Panel):
    """One device: a state line (mark and word), then labelled fields, then its buttons."""

    def __init__(self, device: str, parent: QWidget | None = None) -> None:
        super().__init__(device, parent)
        self.device = device
        self.setObjectName(f"DeviceCard_{device}")
        self.state = make_label("", object_name="DeviceState")
        self.body.addWidget(self.state)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self._names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(FIELDS[1:]):
            name = make_label("", field=True)
            value: QLabel = make_label(wrap=True) if key in WRAPPED_FIELDS else ElidedLabel()
            value.setObjectName(f"Device_{device}_{key}")
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self._names[key] = name
            self.values[key] = value
        self.body.addLayout(grid)
        self.body.addStretch(1)
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(10)
        self.body.addLayout(self.action_row)

    def retranslate(self, title: str) -> None:
        """Set the heading and field names in the current language."""
        self.heading.setText(title.upper())
        names = {
            "backend": self.tr("Backend"),
            "port": self.tr("Port"),
            "model": self.tr("Model"),
            "serial": self.tr("Serial no."),
            "last": self.tr("Last"),
        }
        for key, label in self._names.items():
            label.setText(names[key])


class DevicesScreen(QWidget):
    """The devices and what they last did, with test actions.

    Everyone who may open it sees each device's state, backend, port, model, serial number
    and last reading (read-only). A technician (``set_control(True)``) also gets Read, Zero
    and Tare for the scale, Take snapshot, Test print, Detect ports and Exit kiosk mode.
    Results and failures show in one message line at the bottom, never in a dialog.

    Args:
        devices: The device hub (``DevicesPort``); the screen listens to its signals.

    Signals:
        exit_kiosk_requested(): the technician pressed Exit kiosk mode.
    """

    exit_kiosk_requested = Signal()

    def __init__(self, devices: DevicesPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DevicesScreen")
        self._devices = devices
        self._control = False
        self._exit_allowed = False
        self._statuses: dict[str, DeviceStatus] = {d: DeviceStatus(d) for d in DEVICE_ORDER}
        self._detected: list[DetectedPort] | None = None
        # Devices whose status came while the screen was hidden: shown when it is shown (a
        # reading 10 times a second would otherwise redo a card nobody sees).
        self._unshown: set[str] = set()

        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 8)
        root.setSpacing(8)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        root.addLayout(columns, 1)

        cards = QGridLayout()
        cards.setSpacing(12)
        self.cards: dict[str, DeviceCard] = {}
        for index, device in enumerate(DEVICE_ORDER):
            card = DeviceCard(device)
            cards.addWidget(card, index // 2, index % 2)
            self.cards[device] = card
        cards.setColumnStretch(0, 1)
        cards.setColumnStretch(1, 1)
        columns.addLayout(cards, 5)

        self.read_button = self._button("DeviceRead", self.cards["scale"])
        self.zero_button = self._button("DeviceZero", self.cards["scale"])
        self.tare_button = self._button("DeviceTare", self.cards["scale"])
        self.snapshot_button = self._button("DeviceSnapshot", self.cards["camera"])
        self.test_print_button = self._button("DeviceTestPrint", self.cards["printer"])
        self.read_button.clicked.connect(self._devices.read_scale)
        self.zero_button.clicked.connect(self._devices.zero_scale)
        self.tare_button.clicked.connect(self._devices.tare_scale)
        self.snapshot_button.clicked.connect(self._devices.take_snapshot)
        self.test_print_button.clicked.connect(self._devices.test_print)

        side = QVBoxLayout()
        side.setSpacing(12)
        self.ports_panel = Panel("")
        self.ports_panel.setObjectName("PortsPanel")
        self.detect_button = QPushButton()
        self.detect_button.setObjectName("DetectPorts")
        self.detect_button.clicked.connect(self._on_detect_button_clicked)
        self.ports_panel.body.addWidget(self.detect_button)
        self._ports_area = QScrollArea()
        self._ports_area.setWidgetResizable(True)
        self._ports_area.setFrameShape(QFrame.Shape.NoFrame)
        ports_box = QWidget()
        self._ports_layout = QVBoxLayout(ports_box)
        self._ports_layout.setContentsMargins(0, 0, 6, 0)
        self._ports_layout.setSpacing(6)
        self._ports_layout.addStretch(1)
        self._ports_area.setWidget(ports_box)
        self.ports_hint = make_label("", wrap=True, muted=True)
        self.ports_panel.body.addWidget(self.ports_hint)
        self.ports_panel.body.addWidget(self._ports_area, 1)
        side.addWidget(self.ports_panel, 1)
        self.read_only_note = make_label("", object_name="ReadOnlyNote", wrap=True, muted=True)
        side.addWidget(self.read_only_note)
        self.exit_kiosk_button = QPushButton()
        self.exit_kiosk_button.setObjectName("ExitKiosk")
        self.exit_kiosk_button.clicked.connect(self.exit_kiosk_requested)
        side.addWidget(self.exit_kiosk_button)
        columns.addLayout(side, 2)

        self.message = MessageArea()
        root.addWidget(self.message)

        d = devices
        d.status_changed.connect(self._on_devices_status_changed)
        d.scale_command_done.connect(self._on_devices_scale_command_done)
        d.scale_command_failed.connect(self._on_devices_scale_command_failed)
        d.scale_read.connect(self._on_devices_scale_read)
        d.test_printed.connect(self._on_devices_test_printed)
        d.test_print_failed.connect(self._on_devices_test_print_failed)
        d.snapshot_saved.connect(self._on_devices_snapshot_saved)
        d.snapshot_failed.connect(self._on_devices_snapshot_failed)
        d.ports_detected.connect(self._on_devices_ports_detected)
        d.detection_failed.connect(self._on_devices_detection_failed)
        for status in devices.statuses().values():
            self._statuses[status.device] = status
        self.retranslate()
        self.set_control(False)
        self.setTabOrder(self.read_button, self.zero_button)
        self.setTabOrder(self.zero_button, self.tare_button)
        self.setTabOrder(self.tare_button, self.snapshot_button)
        self.setTabOrder(self.snapshot_button, self.test_print_button)
        self.setTabOrder(self.test_print_button, self.detect_button)
        self.setTabOrder(self.detect_button, self.exit_kiosk_button)

    # ---- Public API ------------------------------------------------------------------------

    def set_control(self, control: bool, *, exit_allowed: bool | None = None) -> None:
        """Offer the technician's actions (``True``) or show the screen read-only.

        Args:
            control: Show Read, Zero, Tare, snapshot, test print and Detect ports.
            exit_allowed: Show Exit kiosk mode (default: the same as ``control``).
        """
        self._control = control
        self._exit_allowed = control if exit_allowed is None else exit_allowed
        for button in (
            self.read_button,
            self.zero_button,
            self.tare_button,
            self.snapshot_button,
            self.test_print_button,
        ):
            button.setVisible(control)
        self.ports_panel.setVisible(control)
        self.read_only_note.setVisible(not control)
        self.exit_kiosk_button.setVisible(self._exit_allowed)

    def set_kiosk_mode(self, on: bool) -> None:
        """Enable Exit kiosk mode only while the kiosk is in kiosk mode."""
        self.exit_kiosk_button.setEnabled(on)

    @property
    def control(self) -> bool:
        """Whether the technician's actions are offered."""
        return self._control

    def field_texts(self, device: str) -> dict[str, str]:
        """What a device's card shows, by field (``state``, ``port``, ``model``, ...)."""
        self._show_unshown()
        card = self.cards[device]
        out = {"state": card.state.text()}
        out.update({key: label.text().replace(ZWSP, "") for key, label in card.values.items()})
        return out

    def detected_texts(self) -> list[str]:
        """The lines of the last port detection."""
        texts: list[str] = []
        for index in range(self._ports_layout.count()):
            item = self._ports_layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                texts.append(widget.text())
        return texts

    def retranslate(self) -> None:
        """Set every text in the current language."""
        titles = self._titles()
        for device, card in self.cards.items():
            card.retranslate(titles[device])
        self.read_button.setText(self.tr("Read"))
        self.read_button.setToolTip(self.tr("Read the scale once and show the reply"))
        self.zero_button.setText(self.tr("Zero"))
        self.tare_button.setText(self.tr("Tare"))
        self.snapshot_button.setText(self.tr("Take snapshot"))
        self.snapshot_button.setToolTip(self.tr("A test picture; it is not added to a parcel"))
        self.test_print_button.setText(self.tr("Test print"))
        self.ports_panel.heading.setText(self.tr("Serial ports").upper())
        self.detect_button.setText(self.tr("Detect ports"))
        self.detect_button.setToolTip(
            self.tr("Probe the serial ports for balances (the kiosk's own ports are skipped)")
        )
        self.read_only_note.setText(
            self.tr("Read-only: a technician signs in to test or change the devices.")
        )
        self.exit_kiosk_button.setText(self.tr("Exit kiosk mode"))
        self.exit_kiosk_button.setToolTip(
            self.tr("Leave full screen so the kiosk can be closed (recorded)")
        )
        self._unshown.update(self._statuses)
        if self.isVisible():
            self._show_unshown()
        if self._detected is None:
            self.ports_hint.setText(self.tr("Press Detect ports to look for balances."))
        else:
            self._show_detected(self._detected)

    # ---- Qt overrides ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Bring the cards up to date with what came while the screen was hidden."""
        self._show_unshown()
        super().showEvent(event)

    # ---- Slots -----------------------------------------------------------------------------

    @Slot(object)
    def _on_devices_status_changed(self, status: object) -> None:
        if isinstance(status, DeviceStatus) and status.device in self.cards:
            self._statuses[status.device] = status
            self._unshown.add(status.device)
            if self.isVisible():
                self._show_unshown()

    @Slot(str)
    def _on_devices_scale_command_done(self, what: str) -> None:
        if what == "zero":
            self._say(lambda: self.tr("Scale zeroed."), MessageKind.INFO)
        else:
            self._say(lambda: self.tr("Scale tared."), MessageKind.INFO)

    @Slot(str)
    def _on_devices_scale_command_failed(self, message: str) -> None:
        self.message.show_message(message)

    @Slot(object)
    def _on_devices_scale_read(self, reading: object) -> None:
        if isinstance(reading, WeightReading):
            self._say(
                lambda: self.tr("Scale read: %1 (reply %2)")
                .replace("%1", self._reading_text(reading))
                .replace("%2", reading.raw.strip()),
                MessageKind.INFO,
            )

    @Slot(str)
    def _on_devices_test_printed(self, destination: str) -> None:
        self._say(
            lambda: self.tr("Test slip sent to %1.").replace("%1", destination), MessageKind.INFO
        )

    @Slot(str)
    def _on_devices_test_print_failed(self, message: str) -> None:
        self._say(lambda: self.tr("Test print failed: %1").replace("%1", localise(message)))

    @Slot(object)
    def _on_devices_snapshot_saved(self, photo: object) -> None:
        if isinstance(photo, Photo):
            self._say(
                lambda: self.tr("Snapshot saved: %1 (%2 x %3)")
                .replace("%1", photo.path)
                .replace("%2", str(photo.width))
                .replace("%3", str(photo.height)),
                MessageKind.INFO,
            )

    @Slot(str)
    def _on_devices_snapshot_failed(self, message: str) -> None:
        self.message.show_message(message)

    @Slot()
    def _on_detect_button_clicked(self) -> None:
        self.detect_button.setEnabled(False)
        self.ports_hint.setText(self.tr("Probing the serial ports\u2026"))
        self._devices.detect_ports()

    @Slot(object)
    def _on_devices_ports_detected(self, ports: object) -> None:
        self.detect_button.setEnabled(True)
        found = [p for p in ports if isinstance(p, DetectedPort)] if isinstance(ports, list) else []
        self._detected = found
        self._show_detected(found)

    @Slot(str)
    def _on_devices_detection_failed(self, message: str) -> None:
        self.detect_button.setEnabled(True)
        self.ports_hint.setText(localise(message))

    # ---- Internals -------------------------------------------------------------------------

    def _titles(self) -> dict[str, str]:
        return {
            "scale": self.tr("Scale"),
            "reader": self.tr("Reader"),
            "camera": self.tr("Camera"),
            "printer": self.tr("Printer"),
        }

    def _state_word(self, state: str) -> str:
        words = {
            "ok": self.tr("Connected"),
            "connected": self.tr("Connected"),
            "disconnected": self.tr("Disconnected"),
            "error": self.tr("Error"),
            "off": self.tr("Off"),
            "starting": self.tr("Starting"),
        }
        return words.get(state, state)

    def _reading_text(self, reading: WeightReading) -> str:
        if reading.state in (WeightState.DISCONNECTED, WeightState.ERROR):
            return f"\u2014 ({weight_state_short(reading.state)})"
        return f"{format_carats(reading.carats)} ({weight_state_short(reading.state)})"

    def _show_unshown(self) -> None:
        for device in [d for d in DEVICE_ORDER if d in self._unshown]:
            self._show_status(self._statuses[device])
        self._unshown.clear()

    def _show_status(self, status: DeviceStatus) -> None:
        card = self.cards[status.device]
        level = device_level(status.state)
        word = self._state_word(status.state)
        card.state.setText(f"{_LEVEL_MARKS[level]} {word}")
        card.state.setToolTip(localise(status.detail))
        card.state.setAccessibleName(f"{self._titles()[status.device]}: {word}")
        set_style_property(card.state, "level", level)
        dash = "\u2014"
        last = dash
        if status.last_reading is not None:
            last = f"{self._reading_text(status.last_reading)} \u00b7 {_time(status)}"
        elif status.last_value:
            shown = PurePath(status.last_value).name if "/" in status.last_value else None
            last = f"{shown or status.last_value} \u00b7 {_time(status)}"
        values = {
            "backend": status.backend or dash,
            "port": device_word(status.port) if status.port else dash,
            "model": device_word(status.model) if status.model else dash,
            "serial": status.serial or dash,
            "last": last,
        }
        for key, text in values.items():
            label = card.values[key]
            label.setText(breakable(text) if key in WRAPPED_FIELDS else text)
            full = status.last_value if key == "last" and status.last_value else text
            label.setToolTip(full)
        ready = status.state == "ok"
        for button in self._buttons_of(status.device):
            button.setEnabled(ready)

    def _say(self, wording: Callable[[], str], kind: MessageKind = MessageKind.ERROR) -> None:
        """Show a message of this screen; it follows a later language change."""
        self.message.show_message(wording(), kind, wording=wording)

    def _buttons_of(self, device: str) -> Sequence[QPushButton]:
        return {
            "scale": (self.read_button, self.zero_button, self.tare_button),
            "camera": (self.snapshot_button,),
            "printer": (self.test_print_button,),
        }.get(device, ())

    def _show_detected(self, ports: Sequence[DetectedPort]) -> None:
        while self._ports_layout.count() > 1:
            item = self._ports_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not ports:
            self.ports_hint.setText(self.tr("No serial ports found."))
            return
        self.ports_hint.setText(self.tr("%1 port(s) found:").replace("%1", str(len(ports))))
        for index, port in enumerate(ports):
            found = "; ".join(port.found) if port.found else self.tr("nothing answered")
            lines = [port.by_id or port.port, found]
            if port.problems:
                lines.append("; ".join(port.problems))
            label = make_label("\n".join(lines), wrap=True, object_name="DetectedPort")
            label.setProperty("level", "ok" if port.found else "off")
            self._ports_layout.insertWidget(index, label)
            label.show()

    def _button(self, name: str, card: DeviceCard) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        card.action_row.addWidget(button)
        return button


if __name__ == "__main__":
    from kiosk.ui.preview import preview_devices

    preview_devices()
