"""StepStrip: the guided sequence (identify, weigh, photograph, declaration, verdict).

The strip says in words what to do next and marks each step done with a check mark, so the
inspector is guided without being forced: inputs are accepted in any order (the workflow in
``kiosk.domain.workflow`` decides what is allowed), and the strip only reflects what is there.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from kiosk.domain.models import IdentifierKind, Inspection, InspectionState, Outcome
from kiosk.ui.formatting import verdict_is_current
from kiosk.ui.theme import set_style_property
from kiosk.ui.widgets.fit_label import ShrinkLabel
from kiosk.ui.widgets.panel import make_label

translate = QCoreApplication.translate

DONE_MARK = "\u2714"
CONTEXT = "StepStrip"

STYLE = """
QFrame#StepChip { border: 2px solid #cbd5e1; border-radius: 10px; background: #f8fafc; }
QFrame#StepChip[step="done"] { border-color: #166534; background: #f0fdf4; }
QFrame#StepChip[step="next"] { border: 3px solid #1d4ed8; background: #dbeafe; }
QLabel#StepMark { font-weight: 700; color: #334155; }
QLabel#StepMark[step="done"] { color: #14532d; }
QLabel#StepMark[step="next"] { color: #1e3a8a; }
QLabel#StepWord { font-weight: 600; color: #334155; }
QLabel#StepWord[step="next"] { color: #1e3a8a; font-weight: 700; }
QLabel#StepInstruction { font-size: 24px; font-weight: 700; color: #1e3a8a; }
"""


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


class StepChip(QFrame):
    """One step: its number (or a check mark when done) and its name."""

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StepChip")
        self.step = step
        self.state = "todo"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 12, 4)
        layout.setSpacing(6)
        self.mark = make_label(str(int(step) + 1), object_name="StepMark")
        self.word = make_label("", object_name="StepWord")
        layout.addWidget(self.mark)
        layout.addWidget(self.word)
        self.setMinimumHeight(44)
        self.retranslate()

    def set_state(self, state: str) -> None:
        """``"done"``, ``"next"`` or ``"todo"``: the mark, the word and the frame follow."""
        if state == self.state and self.property("step") == state:
            return
        self.state = state
        self.mark.setText(DONE_MARK if state == "done" else str(int(self.step) + 1))
        for widget in (self, self.mark, self.word):
            set_style_property(widget, "step", state)
        self._describe()

    def retranslate(self) -> None:
        """Set the step's name in the current language."""
        self.word.setText(step_word(self.step))
        self._describe()

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
