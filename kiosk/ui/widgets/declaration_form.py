"""DeclarationForm: the trader's declaration typed in when none is found for the KP certificate.

The fields are those the rules need (docs/declaration.md): exporter and importer (screened,
R12), origin and provenance countries (R2-R5), carats and parcel count (R11), the CN/HS code
(R1) and the stone-size distribution by size class (the per-stone thresholds of 0.5 ct and
1 ct, R3-R5). A field that does not parse is named in one line; nothing is sent until every
field is right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from kiosk.domain.models import Declaration, StoneBand
from kiosk.ui.widgets.panel import Panel, make_label
from kiosk.ui.widgets.touch_button import TouchButton

translate = QCoreApplication.translate

CONTEXT = "DeclarationForm"
FIELD_HEIGHT_PX = 52
MAX_TEXT_CHARS = 200
SIZE_CLASSES: tuple[tuple[Decimal, Decimal | None], ...] = (
    (Decimal("0"), Decimal("0.5")),
    (Decimal("0.5"), Decimal("1")),
    (Decimal("1"), None),
)
"""The stone-size classes the rules tell apart (per-stone thresholds 0.5 ct and 1 ct)."""

_COUNTRY = re.compile(r"[A-Z]{2}")
_CN_CODE = re.compile(r"\d{4}(\.?\d{2}){0,3}")


class DeclarationFormError(ValueError):
    """A field of the typed declaration is wrong; the message names it (one line)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def parse_countries(text: str, field: str, *, required: bool = True) -> tuple[str, ...]:
    """ISO 3166 alpha-2 codes separated by commas or spaces ("BW, ZA" -> ("BW", "ZA"))."""
    codes = tuple(c for c in re.split(r"[\s,;/]+", text.strip().upper()) if c)
    if required and not codes:
        raise DeclarationFormError(
            translate("DeclarationForm", "{field}: give at least one country code").format(
                field=field
            )
        )
    for code in codes:
        if not _COUNTRY.fullmatch(code):
            raise DeclarationFormError(
                translate(
                    "DeclarationForm", "{field}: {code} is not a two-letter country code (e.g. BW)"
                ).format(field=field, code=code)
            )
    return codes


def parse_carats(text: str, field: str, *, allow_zero: bool = False) -> Decimal:
    """A carat weight as typed ("1250.4" or "1250,4"), at most 3 decimals."""
    cleaned = text.strip().replace(",", ".").removesuffix("ct").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise DeclarationFormError(
            translate("DeclarationForm", "{field}: {text} is not a weight in carats").format(
                field=field, text=text
            )
        ) from None
    if not value.is_finite() or value < 0 or (value == 0 and not allow_zero):
        raise DeclarationFormError(
            translate("DeclarationForm", "{field}: the weight must be more than 0 ct").format(
                field=field
            )
        )
    if value.as_tuple().exponent < -3:  # type: ignore[operator]
        raise DeclarationFormError(
            translate("DeclarationForm", "{field}: at most 3 decimals (0.001 ct)").format(
                field=field
            )
        )
    return value


def parse_count(text: str, field: str, *, minimum: int = 1) -> int:
    """A whole number of parcels or stones."""
    cleaned = text.strip()
    if not cleaned.isdigit() or len(cleaned) > 9:
        raise DeclarationFormError(
            translate("DeclarationForm", "{field}: {text} is not a whole number").format(
                field=field, text=text
            )
        )
    value = int(cleaned)
    if value < minimum:
        raise DeclarationFormError(
            translate("DeclarationForm", "{field}: at least {minimum}").format(
                field=field, minimum=minimum
            )
        )
    return value


def size_class_label(min_ct: Decimal, max_ct: Decimal | None) -> str:
    """A size class as the form names it: "under 0.5 ct", "0.5 to 1 ct", "1 ct and over"."""
    if min_ct == 0 and max_ct is not None:
        return translate("DeclarationForm", "under {max} ct").format(max=max_ct)
    if max_ct is None:
        return translate("DeclarationForm", "{min} ct and over").format(min=min_ct)
    return translate("DeclarationForm", "{min} to {max} ct").format(min=min_ct, max=max_ct)


class DeclarationForm(Panel):
    """A form for the declaration when none is found; emits a ``Declaration`` when saved.

    Signals:
        declaration_entered(Declaration): Save was pressed and every field parsed.
        cancelled(): Cancel was pressed.
    """

    declaration_entered = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("DeclarationForm")
        self._mrn: str | None = None
        self._awb: str | None = None
        self._seals: tuple[str, ...] = ()
        self.fields: dict[str, QLineEdit] = {}
        self._labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        left = ("reference", "kp_number", "exporter", "importer", "cn_code")
        right = ("origin", "provenance", "processed_in", "carats", "parcel_count")
        for column, keys in ((0, left), (2, right)):
            for row, key in enumerate(keys):
                label = make_label("", field=True)
                edit = QLineEdit()
                edit.setObjectName(f"Declaration_{key}")
                edit.setMaxLength(MAX_TEXT_CHARS)
                edit.setMinimumHeight(FIELD_HEIGHT_PX)
                label.setBuddy(edit)
                grid.addWidget(label, row, column)
                grid.addWidget(edit, row, column + 1)
                self.fields[key] = edit
                self._labels[key] = label
        # The stone-size classes fill a third block of the same rows, so the whole form fits
        # the screen without scrolling.
        self._bands_heading = make_label("", field=True)
        grid.addWidget(self._bands_heading, 0, 4, 1, 3)
        self._band_labels: list[QLabel] = []
        self._band_headers = (make_label("", muted=True), make_label("", muted=True))
        grid.addWidget(self._band_headers[0], 1, 5)
        grid.addWidget(self._band_headers[1], 1, 6)
        self.band_fields: list[tuple[QLineEdit, QLineEdit]] = []
        for row, (min_ct, max_ct) in enumerate(SIZE_CLASSES, start=2):
            label = make_label(size_class_label(min_ct, max_ct))
            stones = QLineEdit()
            carats = QLineEdit()
            for edit, what in ((stones, "stones"), (carats, "carats")):
                edit.setObjectName(f"Band{row - 1}_{what}")
                edit.setMinimumHeight(FIELD_HEIGHT_PX)
                edit.setMaxLength(16)
                edit.setMinimumWidth(110)
            label.setBuddy(stones)
            grid.addWidget(label, row, 4)
            grid.addWidget(stones, row, 5)
            grid.addWidget(carats, row, 6)
            self._band_labels.append(label)
            self.band_fields.append((stones, carats))
        grid.setColumnStretch(5, 1)
        grid.setColumnStretch(6, 1)
        grid.setColumnMinimumWidth(4, 100)
        self.body.addLayout(grid)
        self.body.addStretch(1)

        self.error = make_label("", object_name="DeclarationError", wrap=True, emphasis="bad")
        self.error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.body.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        self.save_button = TouchButton()
        self.save_button.setObjectName("DeclarationSave")
        self.save_button.setProperty("role", "primary")
        self.cancel_button = TouchButton()
        self.cancel_button.setObjectName("DeclarationCancel")
        self.cancel_button.setProperty("role", "quiet")
        self._hint = make_label("", muted=True, wrap=True)
        self._hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self._hint, 1)
        self.body.addLayout(buttons)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.retranslate()

    # ---- Public API ------------------------------------------------------------------------

    def start(
        self,
        *,
        kp_number: str | None = None,
        mrn: str | None = None,
        awb: str | None = None,
        seals: Sequence[str] = (),
    ) -> None:
        """Empty the form for a new declaration, with what the parcel's identifiers give."""
        for edit in self.fields.values():
            edit.clear()
        for stones, carats in self.band_fields:
            stones.clear()
            carats.clear()
        self.fields["parcel_count"].setText("1")
        self.fields["cn_code"].setText("7102.10.00")
        if kp_number:
            self.fields["kp_number"].setText(kp_number)
        self._mrn, self._awb, self._seals = mrn, awb, tuple(seals)
        self.error.setText("")
        self.fields["reference"].setFocus()

    def declaration(self) -> Declaration:
        """The declaration as typed.

        Raises:
            DeclarationFormError: A field is missing or wrong; the message names it.
        """
        f = {key: edit.text().strip() for key, edit in self.fields.items()}
        for key in ("exporter", "importer"):
            if not f[key]:
                raise DeclarationFormError(
                    translate(
                        "DeclarationForm",
                        "{field}: required (it is screened against the sanctions lists)",
                    ).format(field=self._name(key))
                )
        kp_number = f["kp_number"].replace(" ", "").upper() or None
        cn_code = f["cn_code"].replace(" ", "")
        if not _CN_CODE.fullmatch(cn_code):
            raise DeclarationFormError(
                translate(
                    "DeclarationForm", "{field}: {code} is not a CN/HS code (e.g. 7102.31.00)"
                ).format(field=self._name("cn_code"), code=f["cn_code"])
            )
        origin = parse_countries(f["origin"], self._name("origin"))
        provenance = parse_countries(f["provenance"], self._name("provenance"))
        if len(provenance) != 1:
            raise DeclarationFormError(
                translate(
                    "DeclarationForm", "{field}: one country (where the parcel was shipped from)"
                ).format(field=self._name("provenance"))
            )
        processed = parse_countries(f["processed_in"], self._name("processed_in"), required=False)
        if len(processed) > 1:
            raise DeclarationFormError(
                translate("DeclarationForm", "{field}: at most one country").format(
                    field=self._name("processed_in")
                )
            )
        carats = parse_carats(f["carats"], self._name("carats"))
        parcels = parse_count(f["parcel_count"], self._name("parcel_count"))
        stones = self._bands(carats)
        reference = f["reference"] or translate("DeclarationForm", "typed at the kiosk")
        return Declaration(
            reference=reference,
            kp_number=kp_number,
            cn_code=cn_code,
            exporter=f["exporter"],
            importer=f["importer"],
            origin_countries=origin,
            export_country=provenance[0],
            declared_carats=carats,
            parcel_count=parcels,
            processed_in=processed[0] if processed else None,
            stones=stones,
            seal_numbers=self._seals,
            mrn=self._mrn,
            awb=self._awb,
        )

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.set_heading(translate("DeclarationForm", "Declaration typed in (none was found)"))
        for key, label in self._labels.items():
            label.setText(self._name(key))
        placeholders = {
            "reference": translate("DeclarationForm", "e.g. DO-2026-001"),
            "kp_number": translate("DeclarationForm", "e.g. BW2026004417"),
            "origin": translate("DeclarationForm", "e.g. BW, ZA"),
            "provenance": translate("DeclarationForm", "e.g. AE"),
            "processed_in": translate("DeclarationForm", "if cut, e.g. IN"),
            "carats": translate("DeclarationForm", "e.g. 1250.400"),
        }
        for key, text in placeholders.items():
            self.fields[key].setPlaceholderText(text)
        self._bands_heading.setText(
            translate("DeclarationForm", "Stones by size class (packing list)")
        )
        self._band_headers[0].setText(translate("DeclarationForm", "Stones"))
        self._band_headers[1].setText(translate("DeclarationForm", "Carats"))
        for label, (min_ct, max_ct) in zip(self._band_labels, SIZE_CLASSES, strict=True):
            label.setText(size_class_label(min_ct, max_ct))
        self.save_button.setText(translate("DeclarationForm", "\u2714  Save declaration"))
        self.cancel_button.setText(translate("DeclarationForm", "Cancel"))
        self._hint.setText(
            translate("DeclarationForm", "Empty size classes are left out; the checks run again.")
        )

    def set_heading(self, title: str) -> None:
        """Change the panel's heading."""
        self.heading.setText(title.upper())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- Slots -----------------------------------------------------------------------------

    @Slot()
    def _on_save_button_clicked(self) -> None:
        try:
            declaration = self.declaration()
        except DeclarationFormError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        self.declaration_entered.emit(declaration)

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        self.error.setText("")
        self.cancelled.emit()

    # ---- Internals -------------------------------------------------------------------------

    def _name(self, key: str) -> str:
        names = {
            "reference": translate("DeclarationForm", "Reference"),
            "kp_number": translate("DeclarationForm", "KP certificate"),
            "exporter": translate("DeclarationForm", "Exporter"),
            "importer": translate("DeclarationForm", "Importer"),
            "cn_code": translate("DeclarationForm", "CN/HS code"),
            "origin": translate("DeclarationForm", "Origin"),
            "provenance": translate("DeclarationForm", "Provenance"),
            "processed_in": translate("DeclarationForm", "Processed in"),
            "carats": translate("DeclarationForm", "Carats"),
            "parcel_count": translate("DeclarationForm", "Parcels"),
        }
        return names[key]

    def _bands(self, total_ct: Decimal) -> tuple[StoneBand, ...]:
        bands: list[StoneBand] = []
        for (min_ct, max_ct), (stones_edit, carats_edit) in zip(
            SIZE_CLASSES, self.band_fields, strict=True
        ):
            stones_text, carats_text = stones_edit.text().strip(), carats_edit.text().strip()
            if not stones_text and not carats_text:
                continue
            label = size_class_label(min_ct, max_ct)
            if not stones_text or not carats_text:
                raise DeclarationFormError(
                    translate(
                        "DeclarationForm",
                        "Stones {label}: give both the number of stones and their carats",
                    ).format(label=label)
                )
            stones = parse_count(
                stones_text, translate("DeclarationForm", "Stones {label}").format(label=label)
            )
            carats = parse_carats(
                carats_text, translate("DeclarationForm", "Carats {label}").format(label=label)
            )
            bands.append(StoneBand(min_ct, max_ct, stones, carats))
        if bands and sum((b.carats for b in bands), Decimal(0)) > total_ct:
            raise DeclarationFormError(
                translate(
                    "DeclarationForm",
                    "Stones by size class: their carats add up to more than the parcel's",
                )
            )
        return tuple(bands)
