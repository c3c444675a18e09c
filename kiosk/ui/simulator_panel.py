"""A small window to play sample parcels on simulated devices (demo and `make run` only)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ParcelLike(Protocol):
    """A sample parcel as the panel shows it."""

    @property
    def label(self) -> str:
        """What the parcel is."""

    @property
    def weight_ct(self) -> Decimal:
        """What the balance will show."""


class SimulatedPostPort(Protocol):
    """What the panel drives (``kiosk.services.simulation.SimulatedPost``)."""

    @property
    def parcels(self) -> Sequence[ParcelLike]:
        """The sample parcels."""

    def present(self, index: int) -> None:
        """Scan a parcel's codes and put it on the balance."""

    def scan(self, value: str, symbology: str | None = "]C0") -> bool:
        """Send a code through the simulated scanner."""

    def put_on_scale(self, weight_ct: Decimal | str) -> bool:
        """Put a weight on the simulated balance."""

    def empty_scale(self) -> bool:
        """Empty the simulated balance."""


class SimulatorPanel(QWidget):
    """Buttons that stand in for the inspector's hands on simulated devices."""

    def __init__(self, post: SimulatedPostPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._post = post
        layout = QVBoxLayout(self)
        self._title = QLabel()
        self._title.setWordWrap(True)
        layout.addWidget(self._title)
        self.parcel_buttons: list[QPushButton] = []
        for index, parcel in enumerate(post.parcels):
            row = QHBoxLayout()
            # Sample parcel descriptions are test data: shown as written, not translated.
            text = QLabel(f"{index + 1}. {parcel.label} ({parcel.weight_ct} ct)")
            text.setWordWrap(True)
            button = QPushButton()
            button.setMinimumHeight(48)
            button.setToolTip(parcel.label)
            button.clicked.connect(lambda _=False, i=index: self._post.present(i))
            row.addWidget(text, 1)
            row.addWidget(button)
            layout.addLayout(row)
            self.parcel_buttons.append(button)

        scan_row = QHBoxLayout()
        self.scan_edit = QLineEdit()
        self.scan_edit.returnPressed.connect(self._on_scan_button_clicked)
        self._scan_button = scan_button = QPushButton()
        scan_button.setMinimumHeight(48)
        scan_button.clicked.connect(self._on_scan_button_clicked)
        scan_row.addWidget(self.scan_edit, 1)
        scan_row.addWidget(scan_button)
        layout.addLayout(scan_row)

        weight_row = QHBoxLayout()
        self.weight_edit = QLineEdit()
        self.weight_edit.returnPressed.connect(self._on_weigh_button_clicked)
        self._weigh_button = weigh_button = QPushButton()
        weigh_button.setMinimumHeight(48)
        weigh_button.clicked.connect(self._on_weigh_button_clicked)
        self._empty_button = empty_button = QPushButton()
        empty_button.setMinimumHeight(48)
        empty_button.clicked.connect(self._post.empty_scale)
        weight_row.addWidget(self.weight_edit, 1)
        weight_row.addWidget(weigh_button)
        weight_row.addWidget(empty_button)
        layout.addLayout(weight_row)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the language in use."""
        self.setWindowTitle(self.tr("Simulated devices"))
        self._title.setText(
            "<b>"
            + self.tr("Simulated devices")
            + "</b> \u2014 "
            + self.tr("present a sample parcel:")
        )
        for index, button in enumerate(self.parcel_buttons):
            button.setText(self.tr("Present %1").replace("%1", str(index + 1)))
        self.scan_edit.setPlaceholderText(self.tr("Code to scan, e.g. BW2026004417"))
        self._scan_button.setText(self.tr("Scan"))
        self.weight_edit.setPlaceholderText(self.tr("Weight in ct, e.g. 512.450"))
        self._weigh_button.setText(self.tr("Put on scale"))
        self._empty_button.setText(self.tr("Empty scale"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def _on_scan_button_clicked(self) -> None:
        text = self.scan_edit.text().strip()
        if text and self._post.scan(text):
            self.scan_edit.clear()

    @Slot()
    def _on_weigh_button_clicked(self) -> None:
        text = self.weight_edit.text().strip().replace(",", ".")
        if text:
            self._post.put_on_scale(text)
