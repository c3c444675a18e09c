"""ReasonList: every reason of a verdict with its rule, message and legal basis, scrollable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import Reason
from kiosk.ui.formatting import outcome_word
from kiosk.ui.reasons import reason_message
from kiosk.ui.theme import icon_pixmap, outcome_icon_name
from kiosk.ui.widgets.panel import make_label

MARK_PX = 28


class ReasonCard(QFrame):
    """One reason: outcome mark and word, rule id, message and legal basis (all wrapping).

    The outcome word and the message are in the language in use; the rule id and the legal
    basis are shown as published.
    """

    def __init__(self, reason: Reason, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReasonCard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setProperty("outcome", reason.outcome.name.lower())
        self.reason = reason
        outer = QHBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 10)
        outer.setSpacing(12)
        mark = QLabel()
        mark.setFixedSize(MARK_PX, MARK_PX)
        mark.setPixmap(icon_pixmap(outcome_icon_name(reason.outcome), MARK_PX))
        outer.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.rule = make_label(self._rule_text(), object_name="ReasonRule")
        self.message = make_label(reason_message(reason), object_name="ReasonMessage", wrap=True)
        self.basis = make_label(reason.legal_basis, object_name="ReasonBasis", wrap=True)
        # The card never grows wider than the list for one long word (German compounds such
        # as "Rückverfolgbarkeitsnachweis"): the texts wrap to the width they are given.
        for label in (self.message, self.basis):
            label.setMinimumWidth(1)
        texts.addWidget(self.rule)
        texts.addWidget(self.message)
        if reason.legal_basis:
            texts.addWidget(self.basis)
        outer.addLayout(texts, 1)

    def _rule_text(self) -> str:
        return f"{outcome_word(self.reason.outcome)} \u00b7 {self.reason.rule_id}"

    def retranslate(self) -> None:
        """Word the outcome and the message in the language in use."""
        self.rule.setText(self._rule_text())
        self.message.setText(reason_message(self.reason))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def texts(self) -> tuple[str, str, str]:
        """The rule line, the message and the legal basis as shown."""
        return self.rule.text(), self.message.text(), self.basis.text()


class ReasonList(QScrollArea):
    """The reasons of a verdict, worst first, in a scroll area with a touch-wide scroll bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReasonList")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._content = QWidget()
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(0, 0, 4, 0)
        self._layout.setSpacing(8)
        self.setWidget(self._content)
        self._cards: list[ReasonCard] = []
        self._empty = make_label("", wrap=True, muted=True)
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the placeholder text in the language in use (the cards retranslate themselves)."""
        self._empty.setText(self.tr("The reasons for the verdict will be listed here."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_reasons(self, reasons: Sequence[Reason]) -> None:
        """Show ``reasons``, the most severe first (the order within a severity is kept)."""
        for card in self._cards:
            self._layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self._cards = []
        ordered = sorted(reasons, key=lambda r: -int(r.outcome))
        for index, reason in enumerate(ordered):
            card = ReasonCard(reason, self._content)
            self._layout.insertWidget(index, card)
            self._cards.append(card)
        self._empty.setVisible(not ordered)
        self.verticalScrollBar().setValue(0)

    def cards(self) -> list[ReasonCard]:
        """The reason cards shown, in order."""
        return list(self._cards)
