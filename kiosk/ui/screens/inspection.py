"""InspectionScreen: camera, weight, identifiers, documents, verdict and the parcel's actions."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.models import (
    Declaration,
    Inspection,
    KpCertificate,
    Outcome,
    WeightReading,
)
from kiosk.domain.workflow import Event, allowed
from kiosk.ui.formatting import format_time, verdict_is_current
from kiosk.ui.widgets.camera_view import CameraView
from kiosk.ui.widgets.documents_panel import DocumentsPanel
from kiosk.ui.widgets.fit_label import ElidedLabel
from kiosk.ui.widgets.identifier_panel import IdentifierPanel
from kiosk.ui.widgets.message_area import MessageArea, MessageKind
from kiosk.ui.widgets.panel import Panel, make_label
from kiosk.ui.widgets.reason_list import ReasonList
from kiosk.ui.widgets.status_bar import device_level
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui.widgets.verdict_banner import VerdictBanner
from kiosk.ui.widgets.weight_display import WeightDisplay

COLUMN_STRETCH = (11, 10, 10)
"""Width shares of the camera/identifiers, weight/documents and verdict/reasons columns."""


class InspectionScreen(QWidget):
    """The screen an inspector works in for every parcel.

    Left: the camera and the identifiers. Middle: the weight (with Zero and Tare) and
    the documents found. Right: the verdict and its reasons. Below: a message line and the
    actions. It only shows what it is given and emits what the inspector asks for.

    Signals:
        identifier_typed(str): A code was typed and added.
        check_requested(): Check now was pressed.
        print_requested(): Print slip was pressed.
        next_requested(): Next parcel was pressed.
        sign_out_requested(): Sign out was pressed.
        zero_requested(): Zero was pressed.
        tare_requested(): Tare was pressed.
        override_requested(): Override… was pressed (shown only on a HOLD).
    """

    identifier_typed = Signal(str)
    check_requested = Signal()
    print_requested = Signal()
    next_requested = Signal()
    sign_out_requested = Signal()
    zero_requested = Signal()
    tare_requested = Signal()
    override_requested = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, tolerance_ct: Decimal | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("InspectionScreen")
        self._inspection: Inspection | None = None
        self._declared_ct: Decimal | None = None
        self._certificate_ct: Decimal | None = None
        self._busy = False
        self._display_names: dict[str, str] = {}

        self.camera = CameraView()
        self.weight = WeightDisplay()
        self.weight.set_tolerance(tolerance_ct)
        self.identifiers = IdentifierPanel()
        self.documents = DocumentsPanel()
        self.banner = VerdictBanner()
        self.reasons = ReasonList()
        self.message = MessageArea()

        self.zero_button = self._button("Zero", "ZeroButton", "quiet")
        self.tare_button = self._button("Tare", "TareButton", "quiet")
        self.check_button = self._button("\u2714  Check now", "CheckButton", "primary")
        self.print_button = self._button("Print slip", "PrintButton", "")
        self.next_button = self._button("Next parcel  \u2192", "NextButton", "")
        self.sign_out_button = self._button("Sign out", "SignOutButton", "quiet")
        self.override_button = self._button("Override\u2026", "OverrideButton", "")
        self.override_button.setAccessibleDescription("A supervisor lifts the hold")
        self.override_note = make_label("", object_name="OverrideNote", wrap=True)
        self.override_note.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.override_note.setVisible(False)
        self._parcel = ElidedLabel()
        self._parcel.setObjectName("ParcelLabel")
        self._parcel.setProperty("muted", True)
        self._parcel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._parcel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 8)
        root.setSpacing(8)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        root.addLayout(columns, 1)

        left = QVBoxLayout()
        left.setSpacing(10)
        camera_panel = Panel("Camera")
        camera_panel.body.addWidget(self.camera)
        # The camera panel is as tall as the picture at the column's width (no letterbox);
        # the identifiers take the rest of the height.
        camera_panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        left.addWidget(camera_panel, 0)
        left.addWidget(self.identifiers, 1)
        columns.addLayout(left, COLUMN_STRETCH[0])

        middle = QVBoxLayout()
        middle.setSpacing(10)
        middle.addWidget(self.weight)
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.zero_button)
        scale_row.addWidget(self.tare_button)
        self.weight.body.addLayout(scale_row)
        middle.addWidget(self.documents, 1)
        columns.addLayout(middle, COLUMN_STRETCH[1])

        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.banner)
        right.addWidget(self.override_note)
        right.addWidget(self.override_button)
        reasons_panel = Panel("Reasons and legal basis")
        reasons_panel.body.addWidget(self.reasons, 1)
        right.addWidget(reasons_panel, 1)
        columns.addLayout(right, COLUMN_STRETCH[2])

        root.addWidget(self.message)
        actions = QHBoxLayout()
        actions.setSpacing(12)
        actions.addWidget(self.check_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.next_button)
        actions.addWidget(self._parcel, 1)
        actions.addWidget(self.sign_out_button)
        root.addLayout(actions)

        self.identifiers.identifier_typed.connect(self._on_identifiers_identifier_typed)
        self.zero_button.clicked.connect(self.zero_requested)
        self.tare_button.clicked.connect(self.tare_requested)
        self.check_button.clicked.connect(self.check_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.override_button.clicked.connect(self.override_requested)
        self._update_actions()

    # ---- Slots the services drive ----------------------------------------------------------

    @Slot(object)
    def show_inspection(self, inspection: Inspection | None) -> None:
        """Show the inspection under way (``None``: none)."""
        previous = self._inspection
        if inspection is None or previous is None or previous.id != inspection.id:
            self._new_parcel()
        self._inspection = inspection
        if inspection is None:
            self._parcel.setText("")
            self.identifiers.set_identifiers(())
            self.weight.set_recorded(None)
            self.banner.show_inspection(None)
            self.reasons.set_reasons(())
            self._update_override(None)
            self._update_actions()
            return
        self._parcel.setText(
            f"Parcel {inspection.id} \u00b7 {inspection.state.value} \u00b7 "
            f"started {format_time(inspection.started_at)}"
        )
        self.identifiers.set_identifiers(inspection.identifiers)
        self.weight.set_recorded(inspection.reading)
        if inspection.declaration is not None:
            self.show_declaration(inspection.declaration)
        self.banner.show_inspection(inspection)
        verdict = inspection.verdict if verdict_is_current(inspection) else None
        self.reasons.set_reasons(verdict.reasons if verdict is not None else ())
        self._update_override(inspection if verdict is not None else None)
        self._update_actions()

    @Slot(object)
    def show_verdict(self, inspection: Inspection) -> None:
        """Show a new verdict with all its reasons."""
        self.show_inspection(inspection)

    @Slot(object)
    def show_weight(self, reading: WeightReading) -> None:
        """Show a live reading from the balance."""
        self.weight.show_reading(reading)

    @Slot(QImage)
    def show_frame(self, image: QImage) -> None:
        """Show the latest camera frame."""
        self.camera.show_frame(image)

    @Slot(object)
    def show_declaration(self, declaration: Declaration | None) -> None:
        """Show the declaration found for the parcel, or that none was found."""
        self.documents.show_declaration(declaration)
        self._declared_ct = declaration.declared_carats if declaration is not None else None
        self.weight.set_references(self._declared_ct, self._certificate_ct)

    @Slot(object)
    def show_certificate(self, certificate: KpCertificate | None) -> None:
        """Show the KP certificate found for the parcel, or that none was found."""
        self.documents.show_certificate(certificate)
        self._certificate_ct = certificate.carats if certificate is not None else None
        self.weight.set_references(self._declared_ct, self._certificate_ct)

    @Slot(str, str, str)
    def show_device_state(self, device: str, state: str, detail: str) -> None:
        """Reflect a device's state where its data is shown (camera picture, weight)."""
        broken = device_level(state) == "bad"
        if device == "camera":
            self.camera.set_connected(not broken, detail or state)
        elif device == "scale" and broken:
            self.weight.show_disconnected(detail)

    @Slot(str)
    def show_message(self, text: str, kind: MessageKind = MessageKind.ERROR) -> None:
        """Show an error (or, with ``kind=INFO``, a notice) in the message line."""
        self.message.show_message(text, kind)

    @Slot(bool)
    def set_busy(self, busy: bool) -> None:
        """Disable the parcel actions while the services work."""
        self._busy = busy
        self._update_actions()

    def set_display_names(self, names: Mapping[str, str]) -> None:
        """Display names by username, for the override note ("overridden by Marc Dubois")."""
        self._display_names = dict(names)
        self._update_override(self._inspection)

    def override_text(self) -> str:
        """The override note as shown, or ``""`` when the verdict is not overridden."""
        return self.override_note.text() if self.override_note.isVisibleTo(self) else ""

    @property
    def inspection(self) -> Inspection | None:
        """The inspection shown."""
        return self._inspection

    def action_buttons(self) -> list[QPushButton]:
        """Every button on the screen a finger may press (Override… only when shown)."""
        return [
            self.check_button,
            self.print_button,
            self.next_button,
            self.sign_out_button,
            self.zero_button,
            self.tare_button,
            self.identifiers.add_button,
            self.message.dismiss_button,
            *([self.override_button] if self.override_button.isVisibleTo(self) else []),
        ]

    # ---- Slots the widgets drive -----------------------------------------------------------

    @Slot(str)
    def _on_identifiers_identifier_typed(self, text: str) -> None:
        self.identifier_typed.emit(text)

    # ---- Internals -------------------------------------------------------------------------

    def _button(self, text: str, name: str, role: str) -> QPushButton:
        button = TouchButton(text)
        button.setObjectName(name)
        if role:
            button.setProperty("role", role)
        return button

    def _new_parcel(self) -> None:
        self.documents.reset()
        self._declared_ct = None
        self._certificate_ct = None
        self.weight.set_references(None, None)
        self.message.clear()

    def _update_actions(self) -> None:
        inspection = self._inspection
        idle = not self._busy
        state = inspection.state if inspection is not None else None
        self.check_button.setEnabled(idle and state is not None and allowed(state, Event.DECIDE))
        self.print_button.setEnabled(idle and state is not None and allowed(state, Event.PRINT))
        self.next_button.setEnabled(idle and inspection is not None)
        held = (
            inspection is not None
            and state is not None
            and inspection.verdict is not None
            and inspection.verdict.outcome is Outcome.HOLD
            and inspection.override is None
            and verdict_is_current(inspection)
            and allowed(state, Event.OVERRIDE)
        )
        self.override_button.setVisible(held)
        self.override_button.setEnabled(held and idle)

    def _update_override(self, inspection: Inspection | None) -> None:
        override = inspection.override if inspection is not None else None
        if override is None:
            self.override_note.setText("")
            self.override_note.setVisible(False)
            return
        name = self._display_names.get(override.supervisor, override.supervisor)
        code = override.code.value.replace("_", " ")
        text = f"{override.new_outcome.label} \u2014 overridden by {name} ({code})"
        self.override_note.setText(text)
        self.override_note.setToolTip(text)
        self.override_note.setVisible(True)


if __name__ == "__main__":
    from kiosk.ui.preview import preview_inspection

    preview_inspection()
