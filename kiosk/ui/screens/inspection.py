"""InspectionScreen: the guided steps, camera, weight, identifiers, documents, seals, verdict."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import (
    Declaration,
    Identifier,
    IdentifierKind,
    Inspection,
    InspectionState,
    KpCertificate,
    Outcome,
    Reason,
    WeightReading,
)
from kiosk.domain.workflow import Event, allowed
from kiosk.ui.formatting import (
    format_time,
    outcome_word,
    override_code_word,
    state_word,
    verdict_is_current,
)
from kiosk.ui.widgets.camera_view import CameraView
from kiosk.ui.widgets.declaration_form import DeclarationForm
from kiosk.ui.widgets.documents_panel import DocumentsPanel
from kiosk.ui.widgets.fit_label import ElidedLabel
from kiosk.ui.widgets.identifier_panel import IdentifierPanel
from kiosk.ui.widgets.message_area import MessageArea, MessageKind
from kiosk.ui.widgets.panel import Panel, make_label
from kiosk.ui.widgets.reason_list import ReasonList
from kiosk.ui.widgets.seals_panel import SealsPanel
from kiosk.ui.widgets.status_bar import device_level
from kiosk.ui.widgets.step_strip import StepStrip
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui.widgets.verdict_banner import VerdictBanner
from kiosk.ui.widgets.weight_display import WeightDisplay

COLUMN_STRETCH = (11, 10, 10)
"""Width shares of the camera/identifiers, weight/documents and verdict/reasons columns."""

REASONS_MIN_HEIGHT_PX = 90
"""The reason list scrolls; below this it would show less than one reason."""


class InspectionScreen(QWidget):
    """The screen an inspector works in for every parcel.

    Top: the guided steps (identify, weigh, photograph, declaration, verdict) with the next
    one said in words; inputs are still taken in any order. Left: the camera and the
    identifiers (checked live as they are typed). Middle: the weight (with Zero and Tare,
    the declared and certificate carats and the tolerance) and the documents found, or a
    button to type the declaration in when none is. Right: the verdict, the seals (old and
    new) and the reasons. Below: a message line and the actions. It only shows what it is
    given and emits what the inspector asks for.

    Signals:
        identifier_typed(str): A code was typed and added.
        check_requested(): Check now was pressed.
        print_requested(): Print slip was pressed.
        reprint_requested(): Reprint was pressed (the stored slip again).
        next_requested(): Next parcel was pressed.
        sign_out_requested(): Sign out was pressed.
        zero_requested(): Zero was pressed.
        tare_requested(): Tare was pressed.
        override_requested(): Override… was pressed (shown only on a HOLD).
        declaration_entered(object): A ``Declaration`` was typed in and saved.
        new_seal_entered(str): The new seal applied to the parcel was typed and applied.
    """

    identifier_typed = Signal(str)
    check_requested = Signal()
    print_requested = Signal()
    reprint_requested = Signal()
    next_requested = Signal()
    sign_out_requested = Signal()
    zero_requested = Signal()
    tare_requested = Signal()
    override_requested = Signal()
    declaration_entered = Signal(object)
    new_seal_entered = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, tolerance_ct: Decimal | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("InspectionScreen")
        self._inspection: Inspection | None = None
        self._declaration: Declaration | None = None
        self._declared_ct: Decimal | None = None
        self._certificate_ct: Decimal | None = None
        self._busy = False
        self._display_names: dict[str, str] = {}
        self._shown_identifiers: tuple[Identifier, ...] = ()
        self._shown_reasons: tuple[Reason, ...] | None = None

        self.steps = StepStrip()
        self.camera = CameraView()
        self.weight = WeightDisplay()
        self.weight.set_tolerance(tolerance_ct)
        self.identifiers = IdentifierPanel()
        self.documents = DocumentsPanel()
        self.seals = SealsPanel()
        self.banner = VerdictBanner()
        self.reasons = ReasonList()
        self.message = MessageArea()
        self.declaration_form = DeclarationForm()

        self.zero_button = self._button("ZeroButton", "quiet")
        self.tare_button = self._button("TareButton", "quiet")
        self.check_button = self._button("CheckButton", "primary")
        self.print_button = self._button("PrintButton", "")
        self.reprint_button = self._button("ReprintButton", "quiet")
        self.next_button = self._button("NextButton", "")
        self.sign_out_button = self._button("SignOutButton", "quiet")
        self.override_button = self._button("OverrideButton", "")
        self.declare_button = self._button("DeclareButton", "")
        self.override_note = make_label("", object_name="OverrideNote", wrap=True)
        self.override_note.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.override_note.setVisible(False)
        self._parcel = ElidedLabel()
        self._parcel.setObjectName("ParcelLabel")
        self._parcel.setProperty("muted", True)
        self._parcel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._parcel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        root = QVBoxLayout(self)
        root.setContentsMargins(12, 8, 12, 8)
        root.setSpacing(8)
        root.addWidget(self.steps)
        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)
        work = QWidget()
        columns = QHBoxLayout(work)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(12)
        self.pages.addWidget(work)
        self.pages.addWidget(self.declaration_form)

        left = QVBoxLayout()
        left.setSpacing(10)
        self._camera_panel = Panel("")
        self._camera_panel.body.addWidget(self.camera)
        # The camera panel is as tall as the picture at the column's width (no letterbox);
        # the identifiers take the rest of the height.
        self._camera_panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        left.addWidget(self._camera_panel, 0)
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
        self.documents.add_action(self.declare_button)
        columns.addLayout(middle, COLUMN_STRETCH[1])

        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.banner)
        right.addWidget(self.override_note)
        right.addWidget(self.override_button)
        right.addWidget(self.seals)
        self._reasons_panel = Panel("")
        self._reasons_panel.body.addWidget(self.reasons, 1)
        # The reasons scroll: a long override note above them gets the height it needs.
        self.reasons.setMinimumHeight(REASONS_MIN_HEIGHT_PX)
        right.addWidget(self._reasons_panel, 1)
        columns.addLayout(right, COLUMN_STRETCH[2])

        root.addWidget(self.message)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.check_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.reprint_button)
        actions.addWidget(self.next_button)
        actions.addWidget(self._parcel, 1)
        actions.addWidget(self.sign_out_button)
        root.addLayout(actions)

        self.identifiers.identifier_typed.connect(self._on_identifiers_identifier_typed)
        self.zero_button.clicked.connect(self.zero_requested)
        self.tare_button.clicked.connect(self.tare_requested)
        self.check_button.clicked.connect(self.check_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.reprint_button.clicked.connect(self.reprint_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.override_button.clicked.connect(self.override_requested)
        self.declare_button.clicked.connect(self._on_declare_button_clicked)
        self.declaration_form.declaration_entered.connect(
            self._on_declaration_form_declaration_entered
        )
        self.declaration_form.cancelled.connect(self._on_declaration_form_cancelled)
        self.seals.new_seal_entered.connect(self.new_seal_entered)
        self.retranslate()
        self._update_progress()
        self._update_actions()

    # ---- Language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text of the screen in the current language."""
        self.zero_button.setText(self.tr("Zero"))
        self.tare_button.setText(self.tr("Tare"))
        self.check_button.setText(self.tr("\u2714  Check now"))
        self.print_button.setText(self.tr("Print slip"))
        self.reprint_button.setText(self.tr("Reprint"))
        self.reprint_button.setAccessibleDescription(
            self.tr("Print the stored slip again; recorded as a reprint")
        )
        self.next_button.setText(self.tr("Next parcel  \u2192"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.override_button.setText(self.tr("Override\u2026"))
        self.override_button.setAccessibleDescription(self.tr("A supervisor lifts the hold"))
        self.declare_button.setText(self.tr("Type the declaration\u2026"))
        self.declare_button.setAccessibleDescription(
            self.tr("No declaration was found: type it in from the documents")
        )
        self._camera_panel.heading.setText(self.tr("Camera").upper())
        self._reasons_panel.heading.setText(self.tr("Reasons and legal basis").upper())
        self.steps.retranslate()
        self.seals.retranslate()
        self.declaration_form.retranslate()
        self._update_parcel_label()
        self._update_override(self._inspection)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- Slots the services drive ----------------------------------------------------------

    @Slot(object)
    def show_inspection(self, inspection: Inspection | None) -> None:
        """Show the inspection under way (``None``: none)."""
        previous = self._inspection
        if inspection is None or previous is None or previous.id != inspection.id:
            self._new_parcel()
        self._inspection = inspection
        self._update_parcel_label()
        if inspection is None:
            self._shown_identifiers = ()
            self.identifiers.set_identifiers(())
            self.weight.set_recorded(None)
            self.banner.show_inspection(None)
            self._show_reasons(())
            self._update_override(None)
            self._update_progress()
            self._update_actions()
            return
        # Rows are rebuilt only when what they show changed: most steps (a weight, a photo,
        # a verdict) leave the identifiers as they were, and rebuilding costs the GUI thread.
        if inspection.identifiers != self._shown_identifiers:
            self._shown_identifiers = inspection.identifiers
            self.identifiers.set_identifiers(inspection.identifiers)
        self.weight.set_recorded(inspection.reading)
        if inspection.declaration is not None and inspection.declaration != self._declaration:
            self.show_declaration(inspection.declaration)
        self.banner.show_inspection(inspection)
        verdict = inspection.verdict if verdict_is_current(inspection) else None
        self._show_reasons(verdict.reasons if verdict is not None else ())
        self._update_override(inspection if verdict is not None else None)
        self._update_progress()
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
        self._declaration = declaration
        self.documents.show_declaration(declaration)
        self._declared_ct = declaration.declared_carats if declaration is not None else None
        self.weight.set_references(self._declared_ct, self._certificate_ct)
        if declaration is not None and self.pages.currentWidget() is self.declaration_form:
            self.pages.setCurrentIndex(0)
        self._update_progress()
        self._update_actions()

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
        """Every button on the screen a finger may press (those hidden now left out)."""
        buttons = [
            self.check_button,
            self.print_button,
            self.reprint_button,
            self.next_button,
            self.sign_out_button,
            self.zero_button,
            self.tare_button,
            self.identifiers.add_button,
            self.seals.apply_button,
            self.message.dismiss_button,
            self.override_button,
            self.declare_button,
        ]
        return [b for b in buttons if b.isVisibleTo(self) or b is self.message.dismiss_button]

    def open_declaration_form(self) -> None:
        """Show the form to type the declaration in (what the identifiers give is filled)."""
        inspection = self._inspection
        if inspection is None:
            return

        def value(kind: IdentifierKind) -> str | None:
            found = inspection.identifier(kind)
            return found.value if found is not None else None

        seals = [i.value for i in inspection.identifiers if i.kind is IdentifierKind.SEAL]
        self.declaration_form.start(
            kp_number=value(IdentifierKind.KP_CERTIFICATE),
            mrn=value(IdentifierKind.MRN),
            awb=value(IdentifierKind.AWB),
            seals=seals,
        )
        self.pages.setCurrentWidget(self.declaration_form)

    # ---- Slots the widgets drive -----------------------------------------------------------

    @Slot(str)
    def _on_identifiers_identifier_typed(self, text: str) -> None:
        self.identifier_typed.emit(text)

    @Slot()
    def _on_declare_button_clicked(self) -> None:
        self.open_declaration_form()

    @Slot(object)
    def _on_declaration_form_declaration_entered(self, declaration: object) -> None:
        self.pages.setCurrentIndex(0)
        self.declaration_entered.emit(declaration)

    @Slot()
    def _on_declaration_form_cancelled(self) -> None:
        self.pages.setCurrentIndex(0)

    # ---- Internals -------------------------------------------------------------------------

    def _button(self, name: str, role: str) -> QPushButton:
        button = TouchButton()
        button.setObjectName(name)
        if role:
            button.setProperty("role", role)
        return button

    def _new_parcel(self) -> None:
        self.documents.reset()
        self._declaration = None
        self._declared_ct = None
        self._certificate_ct = None
        self.weight.set_references(None, None)
        self.message.clear()
        self.pages.setCurrentIndex(0)

    def _show_reasons(self, reasons: tuple[Reason, ...]) -> None:
        if reasons != self._shown_reasons:
            self._shown_reasons = reasons
            self.reasons.set_reasons(reasons)

    def _update_parcel_label(self) -> None:
        inspection = self._inspection
        if inspection is None:
            self._parcel.setText("")
            return
        self._parcel.setText(
            self.tr("Parcel {id} \u00b7 {state} \u00b7 started {time}").format(
                id=inspection.id,
                state=state_word(inspection.state),
                time=format_time(inspection.started_at),
            )
        )

    def _update_progress(self) -> None:
        self.steps.show_progress(
            self._inspection, declaration_found=self._declaration is not None
        )
        self.seals.show_seals(self._inspection, self._declaration)

    def _update_actions(self) -> None:
        inspection = self._inspection
        idle = not self._busy
        state = inspection.state if inspection is not None else None
        printed = state is InspectionState.PRINTED
        self.check_button.setEnabled(idle and state is not None and allowed(state, Event.DECIDE))
        # Print slip prints a new slip; the same slip again is a Reprint (audited as such).
        self.print_button.setEnabled(
            idle and state is not None and allowed(state, Event.PRINT) and not printed
        )
        self.reprint_button.setVisible(printed)
        self.reprint_button.setEnabled(idle and printed)
        self.next_button.setEnabled(idle and inspection is not None)
        self.declare_button.setVisible(inspection is not None and self._declaration is None)
        self.declare_button.setEnabled(
            idle and state is not None and allowed(state, Event.INPUT)
        )
        self.seals.setEnabled(inspection is not None and idle)
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
        text = self.tr("{outcome} \u2014 overridden by {name} ({code})").format(
            outcome=outcome_word(override.new_outcome),
            name=name,
            code=override_code_word(override.code.value),
        )
        self.override_note.setText(text)
        self.override_note.setToolTip(text)
        self.override_note.setVisible(True)


if __name__ == "__main__":
    from kiosk.ui.preview import preview_inspection

    preview_inspection()
