"""IdentifierPanel: the parcel's identifiers with kind and validity, and a field to type one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.identifiers import classify
from kiosk.domain.models import Identifier, IdentifierKind, InputSource
from kiosk.ui.formatting import kind_label
from kiosk.ui.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.messages import localise
from kiosk.ui.theme import icon_pixmap, set_style_property
from kiosk.ui.widgets.fit_label import ElidedLabel
from kiosk.ui.widgets.panel import Panel, make_label
from kiosk.ui.widgets.touch_button import TouchButton

translate = QCoreApplication.translate

MARK_PX = 26
MAX_TYPED_CHARS = 64
EMPTY_TEXT = "Scan the KP certificate, MRN, air waybill or seal, or type a code below."
SOURCE_WORDS: dict[InputSource, str] = {
    InputSource.SCANNER: QT_TRANSLATE_NOOP("IdentifierPanel", "scanned"),
    InputSource.RFID: QT_TRANSLATE_NOOP("IdentifierPanel", "RFID"),
    InputSource.CAMERA: QT_TRANSLATE_NOOP("IdentifierPanel", "camera"),
    InputSource.TYPED: QT_TRANSLATE_NOOP("IdentifierPanel", "typed"),
}


def identifier_detail(identifier: Identifier) -> str:
    """The second line of an identifier: kind, validity word (and problem), how it came in.

    In the language in use; the domain's (English) problem is translated (``kiosk.ui.messages``).
    """
    source_word = SOURCE_WORDS.get(identifier.source)
    source = (
        QCoreApplication.translate("IdentifierPanel", source_word)
        if source_word is not None
        else identifier.source.value
    )
    kind = kind_label(identifier.kind)
    if identifier.valid:
        line = QCoreApplication.translate("IdentifierPanel", "%1 \u00b7 valid \u00b7 %2")
        return line.replace("%1", kind).replace("%2", source)
    line = QCoreApplication.translate("IdentifierPanel", "%1 \u00b7 INVALID: %2 \u00b7 %3")
    problem = localise(identifier.problem or "")
    return line.replace("%1", kind).replace("%2", problem).replace("%3", source)


def typing_hint(text: str) -> tuple[str, str]:
    """What a code being typed is recognised as, and whether it is valid, as the user types.

    Args:
        text: The field's text so far.

    Returns:
        ``(hint, emphasis)``: a one-line hint (empty for an empty field) and the style
        emphasis ``"good"`` (valid), ``"bad"`` (recognised but wrong, e.g. a check digit) or
        ``""`` (not recognised yet).
    """

    def tr(source: str) -> str:
        return QCoreApplication.translate("IdentifierPanel", source)

    if not text.strip():
        return "", ""
    identifier = classify(text, None, InputSource.TYPED)
    if identifier.kind is IdentifierKind.UNKNOWN:
        problem = (
            localise(identifier.problem)
            if identifier.problem
            else translate("IdentifierPanel", "not recognised")
        )
        return translate("IdentifierPanel", "? Not recognised yet: {problem}").format(
            problem=problem
        ), ""
    kind = kind_label(identifier.kind)
    if identifier.valid:
        return translate("IdentifierPanel", "\u2714 {kind} \u00b7 valid (check digit OK)").format(
            kind=kind
        ), "good"
    return translate("IdentifierPanel", "\u2716 {kind} \u00b7 {problem}").format(
        kind=kind, problem=localise(identifier.problem or "")
    ), ("bad")


def identifier_line(identifier: Identifier) -> str:
    """One identifier as a single line of text: value, then kind and validity."""
    return f"{identifier.value or identifier.raw} \u2014 {identifier_detail(identifier)}"


def _mark_pixmap(valid: bool) -> QPixmap:
    return icon_pixmap("mark-valid" if valid else "mark-invalid", MARK_PX)


def _emphasis(valid: bool) -> str:
    return "" if valid else "bad"


class IdentifierRow(QFrame):
    """One identifier: a valid/invalid mark, the value in bold, kind and validity beneath.

    A row is filled again for another identifier (``set_identifier``) rather than built anew:
    the panel keeps the rows of the last parcel, hidden, for the next one.
    """

    def __init__(self, identifier: Identifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IdentifierRow")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.identifier = identifier
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(10)
        self._mark = QLabel()
        self._mark.setFixedSize(MARK_PX, MARK_PX)
        layout.addWidget(self._mark, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        # A long typed code is cut with "…" (full text in the tooltip), never widening the list.
        self.value = ElidedLabel("", elide_mode=Qt.TextElideMode.ElideMiddle)
        self.value.setObjectName("IdentifierValue")
        self.detail = make_label("", object_name="IdentifierDetail", wrap=True)
        texts.addWidget(self.value)
        texts.addWidget(self.detail)
        layout.addLayout(texts, 1)
        # Styled once when first polished; set_identifier re-polishes only on a change.
        self.setProperty("valid", identifier.valid)
        self.detail.setProperty("emphasis", _emphasis(identifier.valid))
        self._mark.setPixmap(_mark_pixmap(identifier.valid))
        self.set_identifier(identifier)

    def set_identifier(self, identifier: Identifier) -> None:
        """Show ``identifier`` (mark, value, kind and validity, tooltip)."""
        self.identifier = identifier
        if self.property("valid") != identifier.valid:
            self._mark.setPixmap(_mark_pixmap(identifier.valid))
            set_style_property(self, "valid", identifier.valid)
            set_style_property(self.detail, "emphasis", _emphasis(identifier.valid))
        self.value.setText(identifier.value or identifier.raw)
        self.retranslate()

    def retranslate(self) -> None:
        """Word the kind, validity and source in the language in use."""
        identifier = self.identifier
        self.detail.setText(identifier_detail(identifier))
        self.setToolTip(self.tr("Received: %1").replace("%1", identifier.raw or identifier.value))
        self.value.setToolTip(self.toolTip())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class IdentifierPanel(Panel):
    """Lists what identifies the parcel and takes a typed code when one does not scan.

    Signals:
        identifier_typed(str): The inspector typed a code and pressed Add or Enter; the text
            is stripped and never empty. Classification and validation are the controller's.
    """

    identifier_typed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Identifiers", parent)
        self._area = QScrollArea()
        self._area.setObjectName("IdentifierList")
        self._area.setWidgetResizable(True)
        self._area.setFrameShape(QFrame.Shape.NoFrame)
        self._area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._content = QWidget()
        self._rows_layout = QVBoxLayout(self._content)
        self._rows_layout.setContentsMargins(0, 0, 4, 0)
        self._rows_layout.setSpacing(4)
        self._empty = make_label(EMPTY_TEXT, wrap=True, muted=True)
        self._rows_layout.addWidget(self._empty)
        self._rows_layout.addStretch(1)
        self._area.setWidget(self._content)
        self._area.viewport().installEventFilter(self)
        self._rows: list[IdentifierRow] = []
        """Every row made so far, in order; the first ``_shown`` are in use, the rest hidden."""
        self._shown = 0
        self.body.addWidget(self._area, 1)

        row = QHBoxLayout()
        row.setSpacing(10)
        self._input = QLineEdit()
        self._input.setObjectName("IdentifierInput")
        self._input.setMaxLength(MAX_TYPED_CHARS)
        self._input.returnPressed.connect(self._on_input_return_pressed)
        self._input.textChanged.connect(self._on_input_text_changed)
        self._add = TouchButton()
        self._add.setObjectName("IdentifierAdd")
        self._add.clicked.connect(self._on_add_clicked)
        row.addWidget(self._input, 1)
        row.addWidget(self._add)
        self.body.addLayout(row)
        # What is being typed is classified and validated live (kind, check digit), not only
        # when it is added; the line keeps its height so the list does not jump.
        # Two lines: a problem in words ("eine Siegelnummer hat 5 bis 12 Ziffern, gefunden:
        # 3") is longer than the panel is wide, and it is what the inspector must read.
        self._hint = make_label("", object_name="IdentifierHint", wrap=True)
        self._hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._hint.setFixedHeight(2 * self._hint.fontMetrics().lineSpacing() + 4)
        self.body.addWidget(self._hint)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the panel's own texts in the current language (the rows keep their values)."""

        def tr(source: str) -> str:
            return QCoreApplication.translate("IdentifierPanel", source)

        self.heading.setText(translate("IdentifierPanel", "Identifiers").upper())
        self._empty.setText(
            translate(
                "IdentifierPanel",
                "Scan the KP certificate, MRN, air waybill or seal, or type a code below.",
            )
        )
        self._input.setPlaceholderText(translate("IdentifierPanel", "Type a code"))
        self._input.setAccessibleName(
            translate("IdentifierPanel", "Type an identifier that does not scan")
        )
        self._add.setText(translate("IdentifierPanel", "Add"))
        self._hint.setAccessibleName(translate("IdentifierPanel", "Typed code check"))
        self._on_input_text_changed(self._input.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- Public API ------------------------------------------------------------------------

    def set_identifiers(self, identifiers: Sequence[Identifier]) -> None:
        """Show ``identifiers`` in the order they arrived; the newest is scrolled into view.

        Rows already showing the same identifier in the same place are kept (a scan adds one
        row; building every row again cost the GUI thread at each scan).
        """
        shown = self._rows[: self._shown]
        kept = 0
        for row, identifier in zip(shown, identifiers, strict=False):
            if row.identifier != identifier:
                break
            kept += 1
        if kept == self._shown == len(identifiers):
            return
        self._content.setMinimumHeight(0)
        # From the first row that differs, rows made before (kept hidden after an earlier
        # parcel) are filled again; a row's widgets (a frame, a mark and two labels, matched
        # against the style sheet) are built only for more identifiers than ever before.
        for index in range(kept, len(identifiers)):
            if index < len(self._rows):
                self._rows[index].set_identifier(identifiers[index])
            else:
                row = IdentifierRow(identifiers[index], self._content)
                self._rows_layout.insertWidget(index, row)
                self._rows.append(row)
        for index, row in enumerate(self._rows):
            row.setVisible(index < len(identifiers))
        self._shown = len(identifiers)
        self._empty.setVisible(not identifiers)
        if identifiers:
            QTimer.singleShot(0, self, self._scroll_to_newest)

    def lines(self) -> list[str]:
        """The identifiers as shown, one line each (value, kind, validity)."""
        return [identifier_line(row.identifier) for row in self.rows()]

    def rows(self) -> list[IdentifierRow]:
        """The identifier rows shown, in order."""
        return self._rows[: self._shown]

    @property
    def input(self) -> QLineEdit:
        """The field where a code is typed."""
        return self._input

    @property
    def add_button(self) -> QPushButton:
        """The Add button."""
        return self._add

    # ---- Slots -----------------------------------------------------------------------------

    @Slot()
    def _on_input_return_pressed(self) -> None:
        self._submit()

    @Slot()
    def _on_add_clicked(self) -> None:
        self._submit()

    @Slot(str)
    def _on_input_text_changed(self, text: str) -> None:
        hint, emphasis = typing_hint(text)
        self._hint.setText(hint)
        self._hint.setToolTip(hint)
        set_style_property(self._hint, "emphasis", emphasis)

    def hint_text(self) -> str:
        """The live check of the code being typed, as shown (``""`` for an empty field)."""
        return self._hint.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Keep the newest identifier whole when the list changes height."""
        if watched is self._area.viewport() and event.type() is QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._scroll_to_newest)
        return super().eventFilter(watched, event)

    @Slot()
    def _scroll_to_newest(self) -> None:
        """Scroll so the newest row is fully shown and the top row is not cut in half.

        The view is scrolled to the top of the earliest row from which the newest still fits;
        the content is padded at the bottom when needed, so that position can be reached.
        """
        rows = self.rows()
        if not rows:
            return
        self._content.setMinimumHeight(0)
        self._rows_layout.activate()
        viewport_h = self._area.viewport().height()
        newest = rows[-1]
        bottom_px = newest.geometry().bottom() + 1
        top_px = newest.y()
        for row in rows:
            if bottom_px - row.y() <= viewport_h:
                top_px = row.y()
                break
        if top_px <= rows[0].y():
            top_px = 0
        needed_px = top_px + viewport_h
        if needed_px > self._content.height():
            self._content.setMinimumHeight(needed_px)
            self._content.resize(self._content.width(), needed_px)
        self._area.verticalScrollBar().setValue(top_px)

    def scrolled_rows(self) -> tuple[list[IdentifierRow], list[IdentifierRow]]:
        """The rows fully in view, and those only partly in view (for tests)."""
        offset_px = self._area.verticalScrollBar().value()
        viewport_h = self._area.viewport().height()
        whole: list[IdentifierRow] = []
        partial: list[IdentifierRow] = []
        for row in self.rows():
            top_px = row.y() - offset_px
            bottom_px = top_px + row.height()
            if top_px >= 0 and bottom_px <= viewport_h:
                whole.append(row)
            elif bottom_px > 0 and top_px < viewport_h:
                partial.append(row)
        return whole, partial

    def _submit(self) -> None:
        text = self._input.text().strip()
        if not text:
            self._input.setFocus()
            return
        self._input.clear()
        self.identifier_typed.emit(text)
