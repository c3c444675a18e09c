"""SealsPanel: the seal found on the parcel against the declared one, and the new seal applied."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from kiosk.domain.identifiers import seal_key
from kiosk.domain.models import Declaration, IdentifierKind, Inspection
from kiosk.ui.theme import set_style_property
from kiosk.ui.widgets.fit_label import ShrinkLabel
from kiosk.ui.widgets.panel import Panel, make_label
from kiosk.ui.widgets.touch_button import TouchButton

translate = QCoreApplication.translate

CONTEXT = "SealsPanel"
MAX_SEAL_CHARS = 40


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def old_seal_text(
    inspection: Inspection | None, declaration: Declaration | None
) -> tuple[str, str, str]:
    """The seal found on the parcel compared with the declared seals.

    Returns:
        ``(text, emphasis, declared)``: a short line such as ``"SL41001003 ✔ declared"``,
        its emphasis (``"good"``, ``"bad"`` or ``""`` when there is nothing to compare) and
        the declared seals as a line for the tooltip.
    """
    scanned = (
        [i.value for i in inspection.identifiers if i.kind is IdentifierKind.SEAL]
        if inspection is not None
        else []
    )
    declared = list(declaration.seal_numbers) if declaration is not None else []
    declared_line = (
        translate("SealsPanel", "Declared: {seals}").format(seals=", ".join(declared))
        if declared
        else translate("SealsPanel", "No seal declared")
    )
    if not scanned:
        return translate("SealsPanel", "none scanned"), "", declared_line
    found = scanned[-1]
    if not declared:
        return (
            translate("SealsPanel", "{seal} (none declared)").format(seal=found),
            "",
            declared_line,
        )
    if seal_key(found) in {seal_key(d) for d in declared}:
        return (
            translate("SealsPanel", "{seal} \u2714 declared").format(seal=found),
            "good",
            declared_line,
        )
    return (
        translate("SealsPanel", "{seal} \u2716 not declared").format(seal=found),
        "bad",
        declared_line,
    )


class SealsPanel(Panel):
    """Old seal (scanned on the parcel, compared with the declaration) and the new seal.

    Signals:
        new_seal_entered(str): The inspector typed the new seal and pressed Apply or Enter.
    """

    new_seal_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("SealsPanel")
        # No heading: the two rows name themselves ("Seal on parcel", "New seal").
        self.heading.setVisible(False)
        self.body.setContentsMargins(16, 10, 16, 10)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._inspection: Inspection | None = None
        self._declaration: Declaration | None = None
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self._old_title = make_label("", field=True)
        # Drawn a little smaller rather than cut: "SL41003009 ✔ angemeldet" beside "Altes
        # Siegel:" is wider than the column in German and Dutch, and the word after the number
        # is the point of the line (a second row would take the verdict banner's room).
        self._old = ShrinkLabel("")
        self._old.setObjectName("OldSeal")
        self._old.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._old.setMinimumWidth(1)  # never widens the column (the window stays 1280 px)
        self._new_title = make_label("", field=True)
        self.input = QLineEdit()
        self.input.setObjectName("NewSealInput")
        self.input.setMaxLength(MAX_SEAL_CHARS)
        self.apply_button = TouchButton()
        self.apply_button.setObjectName("NewSealApply")
        self._new_title.setBuddy(self.input)
        old_row = QHBoxLayout()
        old_row.setSpacing(8)
        old_row.addWidget(self._old_title, 0)
        old_row.addWidget(self._old, 1)
        grid.addLayout(old_row, 0, 0, 1, 3)
        # The new seal's title is the field's placeholder (and its accessible name), so the
        # field keeps room for a whole seal number beside the button in every language
        # ("Anbringen", "Aanbrengen"); once recorded, the button says so in words.
        self._new_title.setVisible(False)
        grid.addWidget(self.input, 1, 0, 1, 2)
        grid.addWidget(self.apply_button, 1, 2)
        self.body.addLayout(grid)
        self.input.returnPressed.connect(self._on_input_return_pressed)
        self.input.textChanged.connect(self._on_input_text_changed)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.retranslate()

    # ---- Public API ------------------------------------------------------------------------

    def show_seals(self, inspection: Inspection | None, declaration: Declaration | None) -> None:
        """Show the parcel's seals: scanned vs. declared, and the new one when applied."""
        changed_parcel = (
            inspection is None or self._inspection is None or inspection.id != self._inspection.id
        )
        self._inspection = inspection
        self._declaration = declaration
        if changed_parcel:
            self.input.clear()
        text, emphasis, declared = old_seal_text(inspection, declaration)
        self._old.setText(text)
        self._old.setToolTip(f"{text} \u2014 {declared}")
        self._old.setAccessibleDescription(declared)
        set_style_property(self._old, "emphasis", emphasis)
        applied = inspection.new_seal if inspection is not None else None
        if applied is not None and not self.input.hasFocus():
            self.input.setText(applied)
        self._refresh_button()
        self.setEnabled(inspection is not None)

    def old_text(self) -> str:
        """The old-seal line as shown."""
        return self._old.text()

    def applied(self) -> str | None:
        """The new seal recorded with the inspection, or ``None``."""
        return self._inspection.new_seal if self._inspection is not None else None

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.heading.setText(translate("SealsPanel", "Seals").upper())
        self._old_title.setText(translate("SealsPanel", "Old seal:"))
        self.input.setPlaceholderText(translate("SealsPanel", "New seal"))
        self.input.setAccessibleName(
            translate("SealsPanel", "New seal applied after the inspection")
        )
        self._refresh_button()
        if self._inspection is not None or self._declaration is not None:
            self.show_seals(self._inspection, self._declaration)
        else:
            self._old.setText(translate("SealsPanel", "none scanned"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- Slots -----------------------------------------------------------------------------

    @Slot()
    def _on_input_return_pressed(self) -> None:
        self._submit()

    @Slot(str)
    def _on_input_text_changed(self, _text: str) -> None:
        self._refresh_button()

    @Slot()
    def _on_apply_button_clicked(self) -> None:
        self._submit()

    def _submit(self) -> None:
        text = self.input.text().strip()
        if not text:
            self.input.setFocus()
            return
        self.new_seal_entered.emit(text)

    def _refresh_button(self) -> None:
        applied = self._inspection.new_seal if self._inspection is not None else None
        # Recorded or not is said in words on the button, never by colour alone.
        self.apply_button.setText(
            translate("SealsPanel", "New seal \u2714")
            if applied and self.input.text().strip() == applied
            else translate("SealsPanel", "Apply")
        )
        self._new_title.setText(
            translate("SealsPanel", "New seal \u2714")
            if applied
            else translate("SealsPanel", "New seal")
        )
        set_style_property(self._new_title, "emphasis", "good" if applied else "")
        self.apply_button.setToolTip(
            translate("SealsPanel", "Recorded: {seal}").format(seal=applied) if applied else ""
        )
