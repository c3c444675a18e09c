"""VerdictBanner: the verdict as colour, icon and word together, with a one-line summary."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.models import Inspection, Outcome
from kiosk.ui.formatting import (
    outcome_word,
    verdict_is_current,
    verdict_summary,
    waiting_all,
    waiting_word,
)
from kiosk.ui.theme import icon_pixmap, outcome_icon_name, set_style_property
from kiosk.ui.widgets.fit_label import ShrinkLabel
from kiosk.ui.widgets.panel import make_label

ICON_PX = 64


class VerdictBanner(QFrame):
    """The decision on the parcel, readable from across the counter.

    CLEAR and EXEMPT are green with a check, HOLD amber with an exclamation mark, REFUSE red
    with a cross; the word is always written out, so the colour is never the only cue.
    Until there is a verdict the banner is grey and says what is still missing.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VerdictBanner")
        self._outcome: Outcome | None = None
        self._inspection: Inspection | None = None
        self._fixed_summary: str | None = None
        self._shown: tuple[Outcome | None, str, str] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(18)
        self._icon = QLabel()
        self._icon.setFixedSize(ICON_PX, ICON_PX)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        # "ZURÜCKHALTUNG" or "VRIJSTELLING" is drawn smaller rather than widen the column.
        self._word = ShrinkLabel()
        self._word.setObjectName("VerdictWord")
        self._summary = make_label("", object_name="VerdictSummary", wrap=True)
        texts.addWidget(self._word)
        texts.addWidget(self._summary)
        layout.addLayout(texts, 1)
        self.show_inspection(None)

    # ---- Public API ------------------------------------------------------------------------

    def show_outcome(self, outcome: Outcome | None, summary: str) -> None:
        """Show a verdict (``None``: no verdict yet) and its one-line summary.

        The summary is shown as given (also after a language change); ``show_inspection``
        words it in the language in use.
        """
        self._fixed_summary = summary
        self._show(outcome, summary)

    def _show(self, outcome: Outcome | None, summary: str) -> None:
        self._outcome = outcome
        word = outcome_word(outcome) if outcome is not None else waiting_word()
        # Most steps of a parcel leave the banner as it is: nothing to redo then.
        if (outcome, word, summary) == self._shown:
            return
        self._shown = (outcome, word, summary)
        self._word.setText(word)
        self._summary.setText(summary)
        self._icon.setPixmap(icon_pixmap(outcome_icon_name(outcome), ICON_PX))
        set_style_property(
            self,
            "outcome",
            outcome.name.lower() if outcome is not None else "none",
            descendants=True,  # the labels' colour follows the banner's outcome
        )
        self.setAccessibleName(self.tr("Verdict: %1").replace("%1", word))
        self.setAccessibleDescription(summary)

    @Slot(object)
    def show_inspection(self, inspection: Inspection | None) -> None:
        """Show the outcome that stands for ``inspection``, or what it still waits for."""
        self._inspection = inspection
        self._fixed_summary = None
        if inspection is None:
            self._show(None, waiting_all())
        elif verdict_is_current(inspection):
            self._show(inspection.final_outcome, verdict_summary(inspection))
        else:
            summary = verdict_summary(
                inspection if inspection.verdict is None else _without_verdict(inspection)
            )
            self._show(None, summary)

    def retranslate(self) -> None:
        """Word the verdict and summary again in the language in use."""
        if self._fixed_summary is not None:
            self._show(self._outcome, self._fixed_summary)
        else:
            self.show_inspection(self._inspection)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def outcome(self) -> Outcome | None:
        """The outcome shown, or ``None`` while waiting."""
        return self._outcome

    def word(self) -> str:
        """The big word as shown, e.g. ``"HOLD"``."""
        return self._word.text()

    def summary(self) -> str:
        """The summary line as shown."""
        return self._summary.text()


def _without_verdict(inspection: Inspection) -> Inspection:
    """The inspection as if undecided (its verdict is stale after a new input)."""
    return replace(inspection, verdict=None, override=None)
