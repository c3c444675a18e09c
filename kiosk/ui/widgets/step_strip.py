"""StepStrip: the guided sequence (identify, weigh, photograph, declaration, verdict).

The strip says in words what to do next and marks each step done with a check mark, so the
inspector is guided without being forced: inputs are accepted in any order (the workflow in
``kiosk.domain.workflow`` decides what is allowed), and the strip only reflects what is there.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from kiosk.domain.models import IdentifierKind, Inspection, InspectionState, Outcome
from kiosk.ui.formatting import verdict_is_current
from kiosk.ui.widgets.fit_label import ShrinkLabel

translate = QCoreApplication.translate

DONE_MARK = "\u2714"
CONTEXT = "StepStrip"

STYLE = """
QLabel#StepInstruction { font-size: 24px; font-weight: 700; color: #1e3a8a; }
"""

_CHIP_LOOKS: dict[str, tuple[str, int, str, str, str, QFont.Weight]] = {
    # state: border colour, border px, background, mark colour, word colour, word weight
    "todo": ("#cbd5e1", 2, "#f8fafc", "#334155", "#334155", QFont.Weight.DemiBold),
    "done": ("#166534", 2, "#f0fdf4", "#14532d", "#334155", QFont.Weight.DemiBold),
    "next": ("#1d4ed8", 3, "#dbeafe", "#1e3a8a", "#1e3a8a", QFont.Weight.Bold),
}
"""How a chip looks in each state. Painted by the chip itself: as style-sheet variants, each
change of state re-polished the chip and both its labels (a style-sheet match each, and a font
change that relaid the strip), ~15 re-polishes a step on the GUI thread."""


class Step(enum.IntEnum):
    """The five steps of a parcel, in the order the inspector is guided through them."""

    IDENTIFY = 0
    WEIGH = 1
    PHOTOGRAPH = 2
    DECLARATION = 3
    VERDICT = 4


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def step_word(step: Step) -> str:
    """The short name of a step as the strip shows it (translated)."""
    words = {
        Step.IDENTIFY: translate("StepStrip", "Identify"),
        Step.WEIGH: translate("StepStrip", "Weigh"),
        Step.PHOTOGRAPH: translate("StepStrip", "Photograph"),
        Step.DECLARATION: translate("StepStrip", "Declaration"),
        Step.VERDICT: translate("StepStrip", "Verdict"),
    }
    return words[step]


@dataclass(frozen=True, slots=True)
class Progress:
    """What is done of an inspection, and what to do next (``next_step`` None: all done)."""

    done: frozenset[Step]
    next_step: Step | None
    instruction: str


def progress(inspection: Inspection | None, *, declaration_found: bool = False) -> Progress:
    """The steps done for ``inspection`` and the instruction for the next one.

    Args:
        inspection: The inspection under way (``None``: none open yet).
        declaration_found: A declaration was found (or typed) though not yet recorded.

    Returns:
        The progress; the instruction is one translated sentence.
    """
    if inspection is None:
        return Progress(
            frozenset(), Step.IDENTIFY, translate("StepStrip", "Sign in to start a parcel")
        )
    done: set[Step] = set()
    has_declaration = inspection.declaration is not None or declaration_found
    if inspection.identifier(IdentifierKind.KP_CERTIFICATE) is not None or has_declaration:
        done.add(Step.IDENTIFY)
    if inspection.reading is not None:
        done.add(Step.WEIGH)
    if inspection.photo is not None:
        done.add(Step.PHOTOGRAPH)
    if has_declaration:
        done.add(Step.DECLARATION)
    decided = inspection.verdict is not None and verdict_is_current(inspection)
    if decided:
        done.add(Step.VERDICT)
    pending = [s for s in Step if s not in done]
    next_step = pending[0] if pending else None
    if next_step is Step.IDENTIFY:
        text = translate("StepStrip", "Scan the KP certificate")
    elif next_step is Step.WEIGH:
        text = translate("StepStrip", "Place the parcel on the scale")
    elif next_step is Step.PHOTOGRAPH:
        text = translate("StepStrip", "Hold the parcel under the camera")
    elif next_step is Step.DECLARATION:
        text = translate("StepStrip", "Scan the MRN or type the declaration")
    elif next_step is Step.VERDICT:
        text = translate("StepStrip", "Press Check now")
    elif inspection.state is InspectionState.PRINTED:
        text = translate("StepStrip", "Slip printed: press Next parcel")
    elif inspection.final_outcome is Outcome.HOLD:
        text = translate("StepStrip", "Print the slip or call a supervisor")
    elif inspection.final_outcome is Outcome.REFUSE:
        text = translate("StepStrip", "Keep the parcel; print the slip")
    else:
        text = translate("StepStrip", "Apply the new seal, then print the slip")
    return Progress(frozenset(done), next_step, text)


class StepChip(QWidget):
    """One step: its number (a check mark when done) and its name, in a rounded frame.

    The next step has a thick blue frame and bold words, a done step a green frame and a check
    mark: never colour alone. Painted here rather than styled (see ``_CHIP_LOOKS``); its size
    does not change with its state, so a change repaints the chip and nothing else.
    """

    MARGINS = QMargins(10, 4, 12, 4)
    SPACING_PX = 6
    RADIUS_PX = 10
    MIN_HEIGHT_PX = 44

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StepChip")
        self.step = step
        self.state = "todo"
        self._word = ""
        self._metrics: tuple[QFont, QFont, int] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def mark(self) -> str:
        """The mark shown: the step's number, or a check mark once done."""
        return DONE_MARK if self.state == "done" else str(int(self.step) + 1)

    def word(self) -> str:
        """The step's name as shown."""
        return self._word

    def set_state(self, state: str) -> None:
        """``"done"``, ``"next"`` or ``"todo"``: the mark, the words and the frame follow."""
        if state not in _CHIP_LOOKS:
            raise ValueError(f"unknown step state {state!r}")
        if state == self.state:
            return
        self.state = state
        self._describe()
        self.update()

    def retranslate(self) -> None:
        """Set the step's name in the current language."""
        word = step_word(self.step)
        if word != self._word:
            self._word = word
            self.updateGeometry()
            self.update()
        self._describe()

    def _fonts(self) -> tuple[QFont, QFont, int]:
        """Bold (the mark, the next step's name), semi-bold, and the widest mark's width in px.

        Kept until the font changes: a chip is painted at every step of a parcel.
        """
        if self._metrics is None:
            bold = QFont(self.font())
            bold.setWeight(QFont.Weight.Bold)
            semi_bold = QFont(self.font())
            semi_bold.setWeight(QFont.Weight.DemiBold)
            metrics = QFontMetrics(bold)
            mark_w = max(metrics.horizontalAdvance(m) for m in (DONE_MARK, str(int(self.step) + 1)))
            self._metrics = (bold, semi_bold, mark_w)
        return self._metrics

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Room for the widest mark and the name in bold, whatever the state."""
        bold, _, mark_w = self._fonts()
        metrics = QFontMetrics(bold)
        m = self.MARGINS
        width = m.left() + mark_w + self.SPACING_PX + metrics.horizontalAdvance(self._word)
        height = max(self.MIN_HEIGHT_PX, metrics.height() + m.top() + m.bottom())
        return QSize(width + m.right(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As large as the size hint: a chip is never cut."""
        return self.sizeHint()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """A new font (the style sheet's, once polished) changes the chip's size."""
        if event.type() == QEvent.Type.FontChange:
            self._metrics = None
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """The frame, the mark and the name in the state's look."""
        del event
        border, border_px, background, mark_colour, word_colour, weight = _CHIP_LOOKS[self.state]
        bold, semi_bold, mark_w = self._fonts()
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            inset = border_px / 2
            frame = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
            painter.setPen(QPen(QColor(border), border_px))
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(frame, self.RADIUS_PX, self.RADIUS_PX)
            inner = self.rect().marginsRemoved(self.MARGINS)
            centred = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            painter.setFont(bold)
            painter.setPen(QColor(mark_colour))
            painter.drawText(inner, centred, self.mark())
            painter.setFont(bold if weight == QFont.Weight.Bold else semi_bold)
            painter.setPen(QColor(word_colour))
            painter.drawText(inner.adjusted(mark_w + self.SPACING_PX, 0, 0, 0), centred, self._word)
        finally:
            painter.end()

    def _describe(self) -> None:
        states = {
            "done": translate("StepStrip", "done"),
            "next": translate("StepStrip", "to do next"),
            "todo": translate("StepStrip", "to do"),
        }
        self.setAccessibleName(f"{step_word(self.step)}: {states.get(self.state, self.state)}")


class StepStrip(QFrame):
    """The instruction for the next step, then the five steps with done marks.

    Call ``show_progress`` with the inspection (and whether a declaration is shown); the
    strip highlights the next step with a thick frame and bold words, never by colour alone.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StepStrip")
        self.setStyleSheet(STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._inspection: Inspection | None = None
        self._declaration_found = False
        self._instruction: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        # A long (translated) instruction shrinks its font rather than be cut.
        self.instruction: QLabel = ShrinkLabel("")
        self.instruction.setObjectName("StepInstruction")
        self.instruction.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.instruction.setMinimumHeight(44)
        layout.addWidget(self.instruction, 1)
        self.chips = [StepChip(step) for step in Step]
        for chip in self.chips:
            layout.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()

    def show_progress(
        self, inspection: Inspection | None, *, declaration_found: bool = False
    ) -> Progress:
        """Reflect ``inspection``'s progress; returns what is shown."""
        self._inspection = inspection
        self._declaration_found = declaration_found
        shown = progress(inspection, declaration_found=declaration_found)
        for chip in self.chips:
            if chip.step in shown.done:
                chip.set_state("done")
            elif chip.step is shown.next_step:
                chip.set_state("next")
            else:
                chip.set_state("todo")
        if shown.instruction != self._instruction:
            self._instruction = shown.instruction
            self.instruction.setText(f"\u25b6 {shown.instruction}")
            self.instruction.setToolTip(shown.instruction)
            self.instruction.setAccessibleName(
                translate("StepStrip", "Next step: {step}").format(step=shown.instruction)
            )
        return shown

    def states(self) -> dict[Step, str]:
        """Each step's state as shown (for tests)."""
        return {chip.step: chip.state for chip in self.chips}

    def retranslate(self) -> None:
        """Set every text in the current language."""
        for chip in self.chips:
            chip.retranslate()
        self._instruction = None  # worded again even if the sentence reads the same
        self.show_progress(self._inspection, declaration_found=self._declaration_found)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
