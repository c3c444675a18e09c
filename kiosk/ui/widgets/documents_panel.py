"""DocumentsPanel: the declaration and KP certificate found for the parcel, for comparison."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QWidget

from kiosk.domain.models import Declaration, KpCertificate
from kiosk.ui.formatting import format_carats, format_countries, format_date, utc_now
from kiosk.ui.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.theme import set_style_property
from kiosk.ui.widgets.panel import Panel, make_label

DASH = "\u2014"
NOT_LOOKED_UP = QT_TRANSLATE_NOOP("DocumentsPanel", "Not looked up yet")
NO_DECLARATION = QT_TRANSLATE_NOOP("DocumentsPanel", "No declaration found")
NO_CERTIFICATE = QT_TRANSLATE_NOOP("DocumentsPanel", "No KP certificate found")
EXPIRED = QT_TRANSLATE_NOOP("DocumentsPanel", "EXPIRED")
AREA_MIN_HEIGHT_PX = 88

FIELDS: tuple[tuple[str, str], ...] = (
    ("reference", QT_TRANSLATE_NOOP("DocumentsPanel", "Declaration")),
    ("exporter", QT_TRANSLATE_NOOP("DocumentsPanel", "Exporter")),
    ("importer", QT_TRANSLATE_NOOP("DocumentsPanel", "Importer")),
    ("origin", QT_TRANSLATE_NOOP("DocumentsPanel", "Origin")),
    ("kp", QT_TRANSLATE_NOOP("DocumentsPanel", "KP cert.")),
    ("carats", QT_TRANSLATE_NOOP("DocumentsPanel", "Carats")),
)
"""The fields by key, with their English titles (shown translated)."""


def _today_utc() -> date:
    return utc_now().date()


class DocumentsPanel(Panel):
    """What the trader declared and what the KP register holds, for the inspector to compare.

    Each document has three states: not looked up yet, not found (said in words), or found.
    An expired KP certificate is marked with the word ``EXPIRED``.
    """

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = _today_utc
    ) -> None:
        super().__init__("Documents", parent)
        self._today = today
        self._declaration: Declaration | None = None
        self._certificate: KpCertificate | None = None
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        self._values: dict[str, QLabel] = {}
        self._titles: dict[str, QLabel] = {}
        self._declaration_absent = NOT_LOOKED_UP
        self._certificate_absent = NOT_LOOKED_UP
        for row, (key, title) in enumerate(FIELDS):
            self._titles[key] = make_label(title, field=True)
            grid.addWidget(self._titles[key], row, 0, Qt.AlignmentFlag.AlignTop)
            value = make_label(DASH, wrap=True, selectable=True)
            grid.addWidget(value, row, 1)
            self._values[key] = value
        grid.setRowStretch(len(FIELDS) + 1, 1)
        self._grid = grid
        content = QWidget()
        content.setLayout(grid)
        grid.setContentsMargins(0, 0, 4, 0)
        area = QScrollArea()
        area.setObjectName("DocumentsArea")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(content)
        # It scrolls: a few lines are enough when the weight above needs the height.
        area.setMinimumHeight(AREA_MIN_HEIGHT_PX)
        self.body.addWidget(area, 1)
        self.reset()
        self.retranslate()

    # ---- Public API ------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the titles and values again in the language in use."""
        self.set_title(self.tr("Documents"))
        for key, title in FIELDS:
            self._titles[key].setText(self.tr(title))
        self._show_declaration(self._declaration_absent)
        self._show_certificate(self._certificate_absent)
        self._show_carats()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add_action(self, button: QWidget) -> None:
        """Put a button under the documents, inside the scrolled area (it never adds height)."""
        self._grid.addWidget(button, len(FIELDS), 0, 1, 2)

    def reset(self) -> None:
        """Forget both documents (a new parcel)."""
        self._declaration = None
        self._certificate = None
        self._show_declaration(NOT_LOOKED_UP)
        self._show_certificate(NOT_LOOKED_UP)
        self._show_carats()

    @Slot(object)
    def show_declaration(self, declaration: Declaration | None) -> None:
        """Show the declaration found, or say that none was found."""
        self._declaration = declaration
        self._show_declaration(NO_DECLARATION)
        self._show_carats()

    @Slot(object)
    def show_certificate(self, certificate: KpCertificate | None) -> None:
        """Show the KP certificate found, or say that none was found."""
        self._certificate = certificate
        self._show_certificate(NO_CERTIFICATE)
        self._show_carats()

    def texts(self) -> dict[str, str]:
        """The values as shown, by field key."""
        return {key: label.text() for key, label in self._values.items()}

    # ---- Internals -------------------------------------------------------------------------

    def _show_declaration(self, absent: str) -> None:
        v = self._values
        declaration = self._declaration
        self._declaration_absent = absent
        if declaration is None:
            v["reference"].setText(self.tr(absent))
            for key in ("exporter", "importer", "origin"):
                v[key].setText(DASH)
            return
        count = declaration.parcel_count
        parcels = self.tr("1 parcel") if count == 1 else self.tr("%1 parcels")
        parcels = parcels.replace("%1", str(count))
        v["reference"].setText(f"{declaration.reference} \u00b7 {parcels}")
        v["exporter"].setText(declaration.exporter)
        v["importer"].setText(declaration.importer)
        origin = format_countries(declaration.origin_countries)
        if declaration.processed_in:
            origin += ", " + self.tr("cut in %1").replace("%1", declaration.processed_in)
        if declaration.export_country and declaration.export_country not in (
            declaration.origin_countries
        ):
            origin += ", " + self.tr("shipped from %1").replace("%1", declaration.export_country)
        v["origin"].setText(origin)

    def _show_certificate(self, absent: str) -> None:
        label = self._values["kp"]
        certificate = self._certificate
        self._certificate_absent = absent
        if certificate is None:
            label.setText(self.tr(absent))
            set_style_property(label, "emphasis", "")
            return
        expired = certificate.expires_on < self._today()
        expires = self.tr("expires %1").replace("%1", format_date(certificate.expires_on))
        text = f"{certificate.number} \u00b7 {expires}"
        if expired:
            text += f"  \u26a0 {self.tr(EXPIRED)}"
        label.setText(text)
        origin = format_countries(certificate.origin_countries)
        if certificate.mixed:
            origin = self.tr("%1 (mixed)").replace("%1", origin)
        label.setToolTip(
            self.tr("%1; origin %2; %3 parcel(s)")
            .replace("%1", certificate.authority)
            .replace("%2", origin)
            .replace("%3", str(certificate.parcel_count))
        )
        set_style_property(label, "emphasis", "bad" if expired else "")

    def _show_carats(self) -> None:
        parts: list[str] = []
        if self._declaration is not None:
            declared = format_carats(self._declaration.declared_carats)
            parts.append(self.tr("declared %1").replace("%1", declared))
        if self._certificate is not None:
            parts.append(self.tr("KP %1").replace("%1", format_carats(self._certificate.carats)))
        self._values["carats"].setText(" \u00b7 ".join(parts) if parts else DASH)
