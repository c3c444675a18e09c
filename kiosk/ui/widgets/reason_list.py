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
from kiosk.ui.theme import icon_pixmap, outcome_icon_name, set_style_property
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
        self.reason = reason
        outer = QHBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 10)
        outer.setSpacing(12)
        self._mark = QLabel()
        self._mark.setFixedSize(MARK_PX, MARK_PX)
        outer.addWidget(self._mark, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.rule = make_label("", object_name="ReasonRule")
        self.message = make_label("", object_name="ReasonMessage", wrap=True)
        self.basis = make_label("", object_name="ReasonBasis", wrap=True)
        # The card never grows wider than the list for one long word (German compounds such
        # as "Rückverfolgbarkeitsnachweis"): the texts wrap to the width they are given.
        for label in (self.message, self.basis):
            label.setMinimumWidth(1)
        texts.addWidget(self.rule)
        texts.addWidget(self.message)
        texts.addWidget(self.basis)
        outer.addLayout(texts, 1)
        self.setProperty("outcome", reason.outcome.name.lower())  # styled when first shown
        self._show(reason)

    def set_reason(self, reason: Reason) -> None:
        """Show ``reason`` instead (a card is reused rather than built for each verdict)."""
        if reason != self.reason:
            self.reason = reason
            self._show(reason)

    def _show(self, reason: Reason) -> None:
        set_style_property(self, "outcome", reason.outcome.name.lower())
        self._mark.setPixmap(icon_pixmap(outcome_icon_name(reason.outcome), MARK_PX))
        self.basis.setText(reason.legal_basis)
        self.basis.setVisible(bool(reason.legal_basis))
        self.retranslate()

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
        """Every card built so far: the first ``_shown`` show the reasons, the rest are hidden."""
        self._shown = 0
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
        """Show ``reasons``, the most severe first (the order within a severity is kept).

        Cards are kept, hidden, when fewer reasons follow, and shown again with the next
        verdict's reasons: building a card (five widgets, each matched against the style
        sheet) cost the GUI thread ~1-2 ms a reason at every verdict.
        """
        ordered = sorted(reasons, key=lambda r: -int(r.outcome))
        for index, reason in enumerate(ordered):
            if index < len(self._cards):
                card = self._cards[index]
                card.set_reason(reason)
                if card.isHidden():
                    card.show()
            else:
                card = ReasonCard(reason, self._content)
                self._layout.insertWidget(index, card)
                self._cards.append(card)
        for card in self._cards[len(ordered) :]:
            if not card.isHidden():
                card.hide()
        self._shown = len(ordered)
        self._empty.setVisible(not ordered)
        self.verticalScrollBar().setValue(0)

    def cards(self) -> list[ReasonCard]:
        """The reason cards shown, in order."""
        return self._cards[: self._shown]
