"""ReasonList: every reason of a verdict with its rule, message and legal basis, scrollable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
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
from kiosk.ui.theme import icon_pixmap, outcome_icon_name
from kiosk.ui.widgets.panel import make_label

MARK_PX = 28
EMPTY_TEXT = "The reasons for the verdict will be listed here."


class ReasonCard(QFrame):
    """One reason: outcome mark and word, rule id, message and legal basis (all wrapping)."""

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
        self.rule = make_label(
            f"{reason.outcome.label} \u00b7 {reason.rule_id}", object_name="ReasonRule"
        )
        self.message = make_label(reason.message, object_name="ReasonMessage", wrap=True)
        self.basis = make_label(reason.legal_basis, object_name="ReasonBasis", wrap=True)
        texts.addWidget(self.rule)
        texts.addWidget(self.message)
        if reason.legal_basis:
            texts.addWidget(self.basis)
        outer.addLayout(texts, 1)

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
        self._empty = make_label(EMPTY_TEXT, wrap=True, muted=True)
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)

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
