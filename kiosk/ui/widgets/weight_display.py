"""WeightDisplay: the balance reading in large type, its stability, and the declared weights."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from kiosk.domain.models import WeightReading, WeightState
from kiosk.ui.formatting import (
    format_carats,
    format_grams,
    format_signed_carats,
    format_time,
    weight_state_word,
)
from kiosk.ui.theme import set_style_property
from kiosk.ui.widgets.fit_label import ShrinkLabel
from kiosk.ui.widgets.panel import Panel, make_label

translate = QCoreApplication.translate

OUTSIDE_TOLERANCE = "\u26a0 outside tolerance"
NO_VALUE = "\u2013.\u2013\u2013\u2013 ct"
NUMERIC_STATES = frozenset({WeightState.STABLE, WeightState.DYNAMIC})


class WeightDisplay(Panel):
    """The live weight, whether it is stable, and how it compares with the documents.

    The value always has 3 decimals and its unit. Stability is a word and a mark
    ("✔ STABLE" or "settling…"), never a colour alone; the balance's fault states
    (overload, underload, busy, error, disconnected) are spelt out in place of a value.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Weight", parent)
        # As tall as its content at its width (a long difference wraps); never stretched.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._reading: WeightReading | None = None
        self._recorded: WeightReading | None = None
        self._declared_ct: Decimal | None = None
        self._certificate_ct: Decimal | None = None
        self._tolerance_ct: Decimal | None = None
        # What the value line and the reference lines show now: a reading comes 10 times a
        # second, mostly the same, and setting every label again each time cost the GUI thread.
        self._live_shown: tuple[object, ...] | None = None
        self._references_shown: tuple[object, ...] | None = None

        top = QHBoxLayout()
        top.setSpacing(16)
        # A 4-digit weight shrinks its font rather than widen the column.
        self._value = ShrinkLabel(NO_VALUE)
        self._value.setObjectName("WeightValue")
        self._value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._value.setAccessibleName("Weight")
        top.addWidget(self._value, 1)
        self.body.addLayout(top)

        line = QHBoxLayout()
        self._state = make_label("No reading", object_name="WeightState")
        self._state.setAccessibleName("Stability")
        self._grams = make_label("", object_name="WeightGrams")
        self._grams.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        line.setSpacing(12)
        line.addWidget(self._state, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        line.addStretch(1)
        line.addWidget(self._grams, 0)
        self.body.addLayout(line)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(2, 1)
        # Each reference on one line (field, carats, difference); a difference outside the
        # tolerance gets its warning on the line below, so no line is wider than the column.
        self._declared = make_label("\u2014")
        self._declared_diff = make_label("")
        self._declared_warning = make_label("")
        self._certificate = make_label("\u2014")
        self._certificate_diff = make_label("")
        self._certificate_warning = make_label("")
        self._recorded_label = make_label("Not recorded yet", muted=True)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self._field_labels = (
            make_label("", field=True),
            make_label("", field=True),
            make_label("", field=True),
        )
        grid.addWidget(self._field_labels[0], 0, 0)
        grid.addWidget(self._declared, 0, 1)
        grid.addWidget(self._declared_diff, 0, 2, right)
        grid.addWidget(self._declared_warning, 1, 1, 1, 2, right)
        grid.addWidget(self._field_labels[1], 2, 0)
        grid.addWidget(self._certificate, 2, 1)
        grid.addWidget(self._certificate_diff, 2, 2, right)
        grid.addWidget(self._certificate_warning, 3, 1, 1, 2, right)
        grid.addWidget(self._field_labels[2], 4, 0)
        grid.addWidget(self._recorded_label, 4, 1, 1, 2)
        self.body.addLayout(grid)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.heading.setText(translate("WeightDisplay", "Weight").upper())
        self._value.setAccessibleName(translate("WeightDisplay", "Weight"))
        self._state.setAccessibleName(translate("WeightDisplay", "Stability"))
        texts = (
            translate("WeightDisplay", "Declared"),
            translate("WeightDisplay", "KP cert."),
            translate("WeightDisplay", "Recorded"),
        )
        for label, text in zip(self._field_labels, texts, strict=True):
            label.setText(text)
        self._live_shown = self._references_shown = None  # worded again in the new language
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- Public API ------------------------------------------------------------------------

    @Slot(object)
    def show_reading(self, reading: WeightReading | None) -> None:
        """Show a reading from the balance (``None``: no reading yet)."""
        self._reading = reading
        self._refresh()

    def show_disconnected(self, detail: str = "") -> None:
        """Show that the balance is not connected."""
        del detail
        self._reading = None
        self._live_shown = ("disconnected",)
        self._value.setText(NO_VALUE)
        self._grams.setText("")
        self._state.setText(weight_state_word(WeightState.DISCONNECTED))
        set_style_property(self._state, "stability", "fault")

    def set_recorded(self, reading: WeightReading | None) -> None:
        """Show the weight recorded with the inspection (``None``: none yet)."""
        self._recorded = reading
        self._refresh()

    def set_references(self, declared_ct: Decimal | None, certificate_ct: Decimal | None) -> None:
        """Show the declared and the KP-certificate carats beside the reading."""
        self._declared_ct = declared_ct
        self._certificate_ct = certificate_ct
        self._refresh()

    def set_tolerance(self, tolerance_ct: Decimal | None) -> None:
        """Mark differences larger than ``tolerance_ct`` (``None``: no marking)."""
        self._tolerance_ct = tolerance_ct
        self._refresh()

    def value_text(self) -> str:
        """The big number as shown, e.g. ``"12.345 ct"``."""
        return self._value.text()

    def state_text(self) -> str:
        """The stability word as shown, e.g. ``"✔ STABLE"``."""
        return self._state.text()

    def reference_texts(self) -> dict[str, str]:
        """The comparison lines as shown (for tests and the accessibility tree)."""

        def line(value: QLabel, diff: QLabel, warning: QLabel) -> str:
            return "  ".join(
                t for t in (f"{value.text()} {diff.text()}".strip(), warning.text()) if t
            )

        return {
            "declared": line(self._declared, self._declared_diff, self._declared_warning),
            "certificate": line(
                self._certificate, self._certificate_diff, self._certificate_warning
            ),
            "recorded": self._recorded_label.text(),
        }

    # ---- Internals -------------------------------------------------------------------------

    def _basis_ct(self) -> Decimal | None:
        live = self._reading
        if live is not None and live.state is WeightState.STABLE:
            return live.carats
        if self._recorded is not None:
            return self._recorded.carats
        return None

    def _refresh(self) -> None:
        reading = self._reading
        live = (reading.state, reading.carats, reading.grams) if reading is not None else None
        if live != self._live_shown:
            self._live_shown = live
            self._show_live(reading)
        self._refresh_references()

    def _show_live(self, reading: WeightReading | None) -> None:
        if reading is None:
            self._value.setText(NO_VALUE)
            self._grams.setText("")
            self._state.setText(translate("WeightDisplay", "No reading"))
            set_style_property(self._state, "stability", "none")
        elif reading.state in NUMERIC_STATES:
            self._value.setText(format_carats(reading.carats))
            self._grams.setText(format_grams(reading.grams))
            self._state.setText(weight_state_word(reading.state))
            stable = reading.state is WeightState.STABLE
            set_style_property(self._state, "stability", "stable" if stable else "settling")
        else:
            self._value.setText(NO_VALUE)
            self._grams.setText("")
            self._state.setText(weight_state_word(reading.state))
            set_style_property(self._state, "stability", "fault")

    def _refresh_references(self) -> None:
        recorded = self._recorded
        shown = (
            recorded,
            self._basis_ct(),
            self._declared_ct,
            self._certificate_ct,
            self._tolerance_ct,
        )
        if shown == self._references_shown:
            return
        self._references_shown = shown
        self._recorded_label.setText(
            translate("WeightDisplay", "{weight} at {time}").format(
                weight=format_carats(recorded.carats), time=format_time(recorded.taken_at)
            )
            if recorded is not None
            else translate("WeightDisplay", "Not recorded yet")
        )
        basis = self._basis_ct()
        self._show_reference(
            self._declared, self._declared_diff, self._declared_warning, self._declared_ct, basis
        )
        self._show_reference(
            self._certificate,
            self._certificate_diff,
            self._certificate_warning,
            self._certificate_ct,
            basis,
        )

    def _show_reference(
        self,
        value_label: QLabel,
        diff_label: QLabel,
        warning_label: QLabel,
        reference_ct: Decimal | None,
        basis_ct: Decimal | None,
    ) -> None:
        value_label.setText(format_carats(reference_ct) if reference_ct is not None else "\u2014")
        warning = ""
        emphasis = ""
        limit = ""
        if reference_ct is None or basis_ct is None:
            diff_label.setText("")
        else:
            diff = basis_ct - reference_ct
            diff_label.setText(f"\u0394 {format_signed_carats(diff)}")
            tolerance = self._tolerance_ct
            if tolerance is not None:
                # Said in words with a mark, never by the colour alone.
                limit = format_carats(tolerance).removesuffix(" ct")
                if abs(diff) > tolerance:
                    warning = translate("WeightDisplay", "\u26a0 outside tolerance")
                    emphasis = "bad"
                else:
                    warning = translate("WeightDisplay", "\u2714 within tolerance")
                    emphasis = "good"
        set_style_property(diff_label, "emphasis", emphasis)
        # Always shown, empty without a warning: its line stays, so a warning coming or going
        # moves nothing below it, and showing a hidden label (polish, layout) cost 10-20 ms.
        warning_label.setText(warning)
        set_style_property(warning_label, "emphasis", emphasis if warning else "")
        warning_label.setToolTip(
            translate("WeightDisplay", "Tolerance \u00b1{limit} ct").format(limit=limit)
            if warning
            else ""
        )

    @staticmethod
    def _tr(text: str) -> str:
        return QCoreApplication.translate("WeightDisplay", text)
