"""HistoryScreen: search past inspections, open one, reprint its slip, re-check it, reports."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    Qt,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.history import (
    HistoryPage,
    HistoryQuery,
    HistoryRow,
    InspectionDetail,
    RecheckResult,
    SlipStatus,
    VerdictFilter,
)
from kiosk.domain.models import Identifier, Inspection, InspectionState, Outcome, Reason, User
from kiosk.ui.formatting import (
    format_date,
    format_datetime,
    format_number,
    kind_label,
    outcome_word,
    state_word,
)
from kiosk.ui.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.messages import localise
from kiosk.ui.reasons import reason_message
from kiosk.ui.theme import icon_pixmap, outcome_icon_name
from kiosk.ui.widgets.fit_label import ElidedLabel
from kiosk.ui.widgets.identifier_panel import SOURCE_WORDS
from kiosk.ui.widgets.message_area import MessageArea, MessageKind
from kiosk.ui.widgets.panel import Panel, make_label
from kiosk.ui.widgets.reason_list import ReasonList
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui.widgets.verdict_banner import VerdictBanner

ROW_HEIGHT_PX = 52
ICON_PX = 28
THUMBNAIL_PX = 300
PAGE_SIZE = 50
COLUMNS = 6
_STYLE = """
QComboBox, QDateEdit {
    min-height: 52px; padding: 0 10px; font-size: 20px;
    border: 2px solid #64748b; border-radius: 8px; background: #ffffff;
}
QComboBox:focus, QDateEdit:focus { border: 4px solid #1d4ed8; }
QComboBox::drop-down, QDateEdit::drop-down { width: 44px; }
QTableWidget {
    background: #ffffff; border: 1px solid #94a3b8; border-radius: 8px; font-size: 18px;
    gridline-color: #e2e8f0;
}
QTableWidget:focus { border: 3px solid #1d4ed8; }
QTableWidget::item:selected { background: #dbeafe; color: #0f172a; }
QHeaderView::section {
    background: #f1f5f9; font-size: 16px; font-weight: 700; padding: 6px;
    border: none; border-bottom: 2px solid #94a3b8;
}
QWidget#HistoryScreen { background: #e8edf3; }
QLabel#HistoryTitle { font-size: 28px; font-weight: 800; }
QTableWidget::item { padding: 0 8px; }
QLabel#RecheckText[emphasis="warn"] { color: #92400e; font-weight: 700; }
"""


class HistoryPort(Protocol):
    """The history service as the UI uses it (``kiosk.services.history.HistoryService``).

    Signals:
        results_ready(HistoryPage), detail_ready(InspectionDetail, QImage),
        recheck_ready(RecheckResult), reprinted(str), report_written(str),
        error_occurred(str), busy_changed(bool).
    """

    @property
    def results_ready(self) -> SignalInstance:
        """Emitted with a ``HistoryPage``."""

    @property
    def detail_ready(self) -> SignalInstance:
        """Emitted with an ``InspectionDetail`` and the photo's thumbnail ``QImage``."""

    @property
    def recheck_ready(self) -> SignalInstance:
        """Emitted with a ``RecheckResult``."""

    @property
    def reprinted(self) -> SignalInstance:
        """Emitted with where the reprinted slip went."""

    @property
    def report_written(self) -> SignalInstance:
        """Emitted with the path of a report file."""

    @property
    def error_occurred(self) -> SignalInstance:
        """Emitted with a message fit for the user."""

    @property
    def busy_changed(self) -> SignalInstance:
        """Emitted with ``True`` while work runs, then ``False``."""

    def search(self, query: HistoryQuery) -> None:
        """Find a page of past inspections."""

    def open_inspection(self, inspection_id: str) -> None:
        """Load one past inspection."""

    def recheck(self, inspection_id: str) -> None:
        """Re-check a past inspection under the rules of its date."""

    def reprint(self, inspection_id: str, actor: str | None = None) -> None:
        """Print a past slip again."""

    def write_shift_report(self, since: datetime, until: datetime) -> None:
        """Write the end-of-shift report of a period."""

    def write_kp_monthly(self, month: str) -> None:
        """Write the KP monthly report of a month (``YYYY-MM``)."""


def _local_start(day: date) -> datetime:
    """The first instant of a local calendar day, timezone-aware."""
    return datetime.combine(day, time(0, 0)).astimezone()


def _local_text(at: datetime) -> str:
    """A UTC instant as the locale writes local date and time (``27/11/2026 14:05``)."""
    return format_datetime(at)


def short_date_format() -> str:
    """The locale's short date pattern with a four-digit year (``dd/MM/yyyy``, ``dd.MM.yyyy``).

    Qt's short formats write a two-digit year (``fr_BE``: ``d/MM/yy``) or a one-digit day in
    some locales; a date field of the history search shows the whole year, and day and
    month with two digits as every other date on the screens (``kiosk.ui.formatting``).
    """
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    pattern = re.sub(r"y+", "yyyy", pattern)
    pattern = re.sub(r"(?<!d)d(?!d)", "dd", pattern)
    return re.sub(r"(?<!M)M(?!M)", "MM", pattern)


EVENT_WORDS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("HistoryScreen", "created"),
    "input": QT_TRANSLATE_NOOP("HistoryScreen", "input"),
    "decide": QT_TRANSLATE_NOOP("HistoryScreen", "decided"),
    "override": QT_TRANSLATE_NOOP("HistoryScreen", "overridden"),
    "print": QT_TRANSLATE_NOOP("HistoryScreen", "printed"),
    "reprint": QT_TRANSLATE_NOOP("HistoryScreen", "reprinted"),
    "slip": QT_TRANSLATE_NOOP("HistoryScreen", "slip written"),
    "seal_applied": QT_TRANSLATE_NOOP("HistoryScreen", "new seal applied"),
    "close": QT_TRANSLATE_NOOP("HistoryScreen", "closed"),
    "void": QT_TRANSLATE_NOOP("HistoryScreen", "voided"),
}
"""The audit trail's event kinds of an inspection in words (others are shown as recorded)."""

_TRANSITION = re.compile(r"([a-z]+) \u2192 ([a-z]+)")


def _event_word(kind: str) -> str:
    """An audit event's kind in the language in use (``"decide"`` → ``"decided"``)."""
    source = EVENT_WORDS.get(kind)
    return QCoreApplication.translate("HistoryScreen", source) if source is not None else kind


def _event_summary(summary: str) -> str:
    """An audit event's summary with its state change (``collecting → decided``) in words."""

    def state(match: re.Match[str]) -> str:
        try:
            before, after = InspectionState(match.group(1)), InspectionState(match.group(2))
        except ValueError:
            return match.group(0)
        return f"{state_word(before)} \u2192 {state_word(after)}"

    return _TRANSITION.sub(state, summary)


def _source_word(identifier: Identifier) -> str:
    """How an identifier came in, in words (``scanned``, ``typed``)."""
    source = SOURCE_WORDS.get(identifier.source)
    if source is None:
        return identifier.source.value
    return QCoreApplication.translate("IdentifierPanel", source)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class HistoryScreen(QWidget):
    """Past inspections: a search with a results table, and the detail of one inspection.

    The screen shows what it is given and emits what the user asks for; it keeps the last
    query so that Newer/Older page through it.

    Signals:
        search_requested(object): a ``HistoryQuery`` to run.
        open_requested(str): an inspection id to show in detail.
        reprint_requested(str): reprint the slip of this inspection.
        recheck_requested(str): re-check this inspection under the rules of its date.
        shift_report_requested(object, object): the period (aware ``datetime`` start, end).
        kp_report_requested(str): the month, ``YYYY-MM``.
        back_requested(): back to the inspection screen.
    """

    search_requested = Signal(object)
    open_requested = Signal(str)
    reprint_requested = Signal(str)
    recheck_requested = Signal(str)
    shift_report_requested = Signal(object, object)
    kp_report_requested = Signal(str)
    back_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        post: str = "",
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryScreen")
        self.setStyleSheet(_STYLE)
        self._today = today
        self._query: HistoryQuery | None = None
        self._page: HistoryPage | None = None
        self._detail: InspectionDetail | None = None
        self._recheck: RecheckResult | None = None
        self._busy = False
        self._searched = False

        self.pages = QStackedWidget()
        self.results_page = QWidget()
        self.detail_page = QWidget()
        self.pages.addWidget(self.results_page)
        self.pages.addWidget(self.detail_page)
        self.message = MessageArea()

        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 8)
        root.setSpacing(8)
        root.addWidget(self.pages, 1)
        root.addWidget(self.message)

        self._build_results(post)
        self._build_detail()
        self.retranslate()
        self._update_actions()

    # ---- Building --------------------------------------------------------------------------

    def _button(self, name: str, role: str = "") -> TouchButton:
        button = TouchButton()
        button.setObjectName(name)
        if role:
            button.setProperty("role", role)
        return button

    def _build_results(self, post: str) -> None:
        layout = QVBoxLayout(self.results_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        top = QHBoxLayout()
        self.title = make_label(object_name="HistoryTitle")
        self.shift_button = self._button("ShiftReportButton")
        self.kp_button = self._button("KpReportButton")
        self.back_button = self._button("HistoryBackButton", "quiet")
        top.addWidget(self.title, 1)
        top.addWidget(self.shift_button)
        top.addWidget(self.kp_button)
        top.addWidget(self.back_button)
        layout.addLayout(top)

        self.filters = Panel("")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.identifier_label = make_label(field=True)
        self.identifier_input = QLineEdit()
        self.identifier_input.setObjectName("HistoryIdentifier")
        self.identifier_input.setClearButtonEnabled(True)
        self.from_label = make_label(field=True)
        self.from_input = QDateEdit()
        self.from_input.setObjectName("HistoryFrom")
        self.to_label = make_label(field=True)
        self.to_input = QDateEdit()
        self.to_input.setObjectName("HistoryTo")
        for edit in (self.from_input, self.to_input):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(short_date_format())
        self.verdict_label = make_label(field=True)
        self.verdict_input = QComboBox()
        self.verdict_input.setObjectName("HistoryVerdict")
        # As wide as its longest choice in the language in use ("Jede Entscheidung").
        self.verdict_input.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for value in VerdictFilter:
            self.verdict_input.addItem("", value.value)
        self.post_label = make_label(field=True)
        self.post_input = QLineEdit(post)
        self.post_input.setObjectName("HistoryPost")
        self.search_button = self._button("HistorySearchButton", "primary")
        # Two rows of fields, so the screen fits beside the navigation rail at 1280 px.
        placed: list[tuple[QLabel, QWidget, int, int, int]] = [
            (self.identifier_label, self.identifier_input, 0, 0, 2),
            (self.verdict_label, self.verdict_input, 0, 2, 1),
            (self.post_label, self.post_input, 0, 3, 1),
            (self.from_label, self.from_input, 2, 0, 1),
            (self.to_label, self.to_input, 2, 1, 1),
        ]
        for label, widget, row, column, span in placed:
            label.setBuddy(widget)
            grid.addWidget(label, row, column, 1, span)
            grid.addWidget(widget, row + 1, column, 1, span)
        grid.addWidget(self.search_button, 3, 2, 1, 2)
        # The verdict column a little wider: "Jede Entscheidung" beside its drop-down arrow.
        for column, stretch in enumerate((5, 5, 6, 4)):
            grid.setColumnStretch(column, stretch)
        self.filters.body.addLayout(grid)
        self.filters.heading.hide()
        layout.addWidget(self.filters)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("HistoryTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT_PX)
        self.table.setIconSize(
            self.table.iconSize().scaled(ICON_PX, ICON_PX, Qt.AspectRatioMode.KeepAspectRatio)
        )
        header = self.table.horizontalHeader()
        # Every column as wide as its contents, but the inspection id takes what is left:
        # with longer words (German, Dutch) it is shortened in the middle, so the unique end
        # of the id and every other column stay readable without scrolling sideways.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.table, 1)

        pager = QHBoxLayout()
        self.newer_button = self._button("HistoryNewerButton", "quiet")
        self.page_label = make_label(object_name="HistoryPageLabel", muted=True)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.older_button = self._button("HistoryOlderButton", "quiet")
        self.open_button = self._button("HistoryOpenButton", "primary")
        pager.addWidget(self.newer_button)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.older_button)
        pager.addSpacing(24)
        pager.addWidget(self.open_button)
        layout.addLayout(pager)

        day = self._today()
        self.from_input.setDate(QDate(day.year, day.month, day.day))
        self.to_input.setDate(QDate(day.year, day.month, day.day))

        self.identifier_input.returnPressed.connect(self._on_search_button_clicked)
        self.post_input.returnPressed.connect(self._on_search_button_clicked)
        self.search_button.clicked.connect(self._on_search_button_clicked)
        self.newer_button.clicked.connect(self._on_newer_button_clicked)
        self.older_button.clicked.connect(self._on_older_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.table.activated.connect(self._on_table_activated)
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.shift_button.clicked.connect(self._on_shift_button_clicked)
        self.kp_button.clicked.connect(self._on_kp_button_clicked)
        self.back_button.clicked.connect(self.back_requested)

    def _build_detail(self) -> None:
        layout = QVBoxLayout(self.detail_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.detail_title = ElidedLabel()
        self.detail_title.setObjectName("HistoryTitle")
        self.detail_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail_back_button = self._button("DetailBackButton", "quiet")
        top.addWidget(self.detail_title, 1)
        top.addWidget(self.detail_back_button)
        layout.addLayout(top)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        layout.addLayout(columns, 1)

        left = QVBoxLayout()
        self.identifiers_panel = Panel("")
        self.identifiers_text = make_label(
            object_name="DetailIdentifiers", wrap=True, selectable=True
        )
        self.identifiers_panel.body.addWidget(self.identifiers_text)
        self.reading_panel = Panel("")
        self.reading_text = make_label(object_name="DetailReading", wrap=True, selectable=True)
        self.reading_panel.body.addWidget(self.reading_text)
        self.photo_panel = Panel("")
        self.photo = QLabel()
        self.photo.setObjectName("DetailPhoto")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setMinimumSize(THUMBNAIL_PX // 2, THUMBNAIL_PX // 3)
        self.photo_panel.body.addWidget(self.photo, 1)
        left.addWidget(self.identifiers_panel)
        left.addWidget(self.reading_panel)
        left.addWidget(self.photo_panel, 1)
        columns.addLayout(left, 10)

        middle = QVBoxLayout()
        self.banner = VerdictBanner()
        self.override_text = make_label(object_name="DetailOverride", wrap=True)
        self.override_text.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.reasons_panel = Panel("")
        self.reasons = ReasonList()
        self.reasons_panel.body.addWidget(self.reasons, 1)
        middle.addWidget(self.banner)
        middle.addWidget(self.override_text)
        middle.addWidget(self.reasons_panel, 1)
        columns.addLayout(middle, 12)

        right = QVBoxLayout()
        self.slip_panel = Panel("")
        self.slip_text = make_label(object_name="DetailSlip", wrap=True)
        self.reprint_button = self._button("ReprintButton", "primary")
        self.recheck_button = self._button("RecheckButton")
        self.recheck_text = make_label(object_name="RecheckText", wrap=True, selectable=True)
        self.slip_panel.body.addWidget(self.slip_text)
        self.slip_panel.body.addWidget(self.reprint_button)
        self.slip_panel.body.addWidget(self.recheck_button)
        self.slip_panel.body.addWidget(self.recheck_text)
        self.audit_panel = Panel("")
        self.audit = QListWidget()
        self.audit.setObjectName("DetailAudit")
        self.audit.setWordWrap(True)
        self.audit.setResizeMode(QListView.ResizeMode.Adjust)
        self.audit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.audit.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.audit_panel.body.addWidget(self.audit, 1)
        right.addWidget(self.slip_panel)
        right.addWidget(self.audit_panel, 1)
        columns.addLayout(right, 11)

        self.detail_back_button.clicked.connect(self._on_detail_back_button_clicked)
        self.reprint_button.clicked.connect(self._on_reprint_button_clicked)
        self.recheck_button.clicked.connect(self._on_recheck_button_clicked)

    # ---- Translation -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Re-set every text when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text of the screen in the current language."""
        for edit in (self.from_input, self.to_input):  # dates as the locale writes them
            edit.setLocale(QLocale())
            edit.setDisplayFormat(short_date_format())
        self.title.setText(self.tr("History"))
        self.shift_button.setText(self.tr("End-of-shift report"))
        self.kp_button.setText(self.tr("KP monthly report"))
        self.back_button.setText(self.tr("Back to inspection"))
        self.identifier_label.setText(self.tr("&Identifier or inspection id"))
        self.identifier_input.setPlaceholderText(self.tr("KP, MRN, AWB, seal\u2026"))
        self.from_label.setText(self.tr("&From"))
        self.to_label.setText(self.tr("&To"))
        self.verdict_label.setText(self.tr("&Verdict"))
        self.post_label.setText(self.tr("&Post"))
        self.post_input.setPlaceholderText(self.tr("all posts"))
        words = self._filter_words()
        for index in range(self.verdict_input.count()):
            value = VerdictFilter(self.verdict_input.itemData(index))
            self.verdict_input.setItemText(index, words[value])
        self.search_button.setText(self.tr("Search"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Inspection"),
                self.tr("KP certificate"),
                self.tr("Verdict"),
                self.tr("Inspector"),
                self.tr("Override"),
            ]
        )
        self.newer_button.setText(self.tr("\u25c0 Newer"))
        self.older_button.setText(self.tr("Older \u25b6"))
        self.open_button.setText(self.tr("Open"))
        self.detail_back_button.setText(self.tr("Back to results"))
        self.identifiers_panel.heading.setText(self.tr("IDENTIFIERS"))
        self.reading_panel.heading.setText(self.tr("WEIGHT"))
        self.photo_panel.heading.setText(self.tr("PHOTO"))
        self.reasons_panel.heading.setText(self.tr("REASONS AND LEGAL BASIS"))
        self.slip_panel.heading.setText(self.tr("SLIP"))
        self.audit_panel.heading.setText(self.tr("AUDIT TRAIL"))
        self.reprint_button.setText(self.tr("Reprint slip"))
        self.recheck_button.setText(self.tr("Re-check under the rules of its date"))
        if self._page is not None:
            self.show_results(self._page)
        else:
            self.page_label.setText(self.tr("Press Search to list inspections"))
        if self._detail is not None:
            self._fill_detail(self._detail)
        if self._recheck is not None:
            self.show_recheck(self._recheck)

    def _filter_words(self) -> dict[VerdictFilter, str]:
        return {
            VerdictFilter.ANY: self.tr("Any verdict"),
            VerdictFilter.CLEAR: self.tr("\u2714 CLEAR"),
            VerdictFilter.EXEMPT: self.tr("\u2714 EXEMPT"),
            VerdictFilter.HOLD: self.tr("! HOLD"),
            VerdictFilter.REFUSE: self.tr("\u2716 REFUSE"),
            VerdictFilter.OVERRIDDEN: self.tr("Overridden"),
        }

    def outcome_word(self, outcome: Outcome | None) -> str:
        """The verdict word as shown (translated)."""
        words = {
            Outcome.CLEAR: self.tr("CLEAR"),
            Outcome.EXEMPT: self.tr("EXEMPT"),
            Outcome.HOLD: self.tr("HOLD"),
            Outcome.REFUSE: self.tr("REFUSE"),
        }
        return words[outcome] if outcome is not None else self.tr("no verdict")

    # ---- Public API ------------------------------------------------------------------------

    def activate(self) -> None:
        """Called when the screen is shown: run the first search, focus the identifier."""
        self.pages.setCurrentWidget(self.results_page)
        if not self._searched:
            self._on_search_button_clicked()
        self.identifier_input.setFocus()

    def query(self, page: int = 0) -> HistoryQuery:
        """The query of the search fields (``ValueError``/``HistoryError`` when invalid)."""
        first = _to_date(self.from_input.date())
        last = _to_date(self.to_input.date())
        return HistoryQuery(
            identifier=self.identifier_input.text(),
            since=_local_start(first),
            until=_local_start(last + timedelta(days=1)),
            verdict=VerdictFilter(self.verdict_input.currentData()),
            post=self.post_input.text(),
            page=page,
            page_size=PAGE_SIZE,
        )

    @Slot(object)
    def show_results(self, page: HistoryPage) -> None:
        """Fill the table with one page of results."""
        self._page = page
        rows = page.rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self._fill_row(index, row, page)
        # The override column only when a row on the page has one: its room goes to the ids.
        self.table.setColumnHidden(COLUMNS - 1, all(row.supervisor is None for row in rows))
        if rows:
            self.table.selectRow(0)
        first = page.query.page * page.query.page_size + 1
        if rows:
            self.page_label.setText(
                self.tr("Inspections {first}\u2013{last}, newest first").format(
                    first=first, last=first + len(rows) - 1
                )
            )
        else:
            self.page_label.setText(self.tr("No inspection matches the search."))
        self._update_actions()

    @Slot(object, QImage)
    def show_detail(self, detail: InspectionDetail, thumbnail: QImage) -> None:
        """Show one past inspection in the detail view."""
        self._detail = detail
        self._recheck = None
        self.recheck_text.setText("")
        self._fill_detail(detail)
        if thumbnail.isNull():
            self.photo.setPixmap(QPixmap())
        else:
            self.photo.setPixmap(QPixmap.fromImage(thumbnail))
        self._update_actions()
        self.pages.setCurrentWidget(self.detail_page)
        self.reprint_button.setFocus()

    @Slot(object)
    def show_recheck(self, result: RecheckResult) -> None:
        """Show how a re-check under the rules of the inspection's date compares."""
        if self._detail is None or result.inspection_id != self._detail.inspection.id:
            return
        self._recheck = result
        day = format_date(result.rules_date)
        now = self.outcome_word(result.rechecked.outcome)
        if result.same:
            text = self.tr(
                "Re-checked under the rules of {day}: same verdict ({now}), same reasons."
            )
            self.recheck_text.setText(text.format(day=day, now=now))
            self.recheck_text.setProperty("emphasis", "good")
        else:
            before = self.outcome_word(result.recorded.outcome if result.recorded else None)
            lines = [
                self.tr(
                    "Re-checked under the rules of {day}: recorded {before}, now {now}."
                ).format(day=day, before=before, now=now)
            ]
            lines += [self.tr("New: {reason}").format(reason=_reason(r)) for r in result.added]
            lines += [
                self.tr("No longer: {reason}").format(reason=_reason(r)) for r in result.removed
            ]
            self.recheck_text.setText("\n".join(lines))
            self.recheck_text.setProperty("emphasis", "warn")
        self.recheck_text.style().unpolish(self.recheck_text)
        self.recheck_text.style().polish(self.recheck_text)

    @Slot(str)
    def show_message(self, text: str, kind: MessageKind = MessageKind.ERROR) -> None:
        """Show an error (or, with ``kind=INFO``, a notice) in the message line."""
        self.message.show_message(text, kind)

    @Slot(str)
    def show_reprinted(self, destination: str) -> None:
        """Say the slip was printed again."""
        self.show_message(
            self.tr("Slip reprinted: {where}").format(where=destination), MessageKind.INFO
        )
        if self._detail is not None:
            self.open_requested.emit(self._detail.inspection.id)

    @Slot(str)
    def show_report_written(self, path: str) -> None:
        """Say where a report was written."""
        self.show_message(self.tr("Report written: {path}").format(path=path), MessageKind.INFO)

    @Slot(bool)
    def set_busy(self, busy: bool) -> None:
        """Disable the actions while the service works."""
        self._busy = busy
        self._update_actions()

    @property
    def detail(self) -> InspectionDetail | None:
        """The inspection shown in the detail view, if any."""
        return self._detail

    def showing_detail(self) -> bool:
        """True while the detail view is shown."""
        return self.pages.currentWidget() is self.detail_page

    def selected_id(self) -> str | None:
        """The inspection id of the selected result line."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self._page is None:
            return None
        index = rows[0].row()
        return self._page.rows[index].inspection_id if index < len(self._page.rows) else None

    def action_buttons(self) -> list[QPushButton]:
        """Every button a finger may press on the page shown."""
        if self.showing_detail():
            return [
                self.detail_back_button,
                self.reprint_button,
                self.recheck_button,
                self.message.dismiss_button,
            ]
        return [
            self.shift_button,
            self.kp_button,
            self.back_button,
            self.search_button,
            self.newer_button,
            self.older_button,
            self.open_button,
            self.message.dismiss_button,
        ]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The first time the screen is shown, list today's inspections."""
        super().showEvent(event)
        if not self._searched:
            self._on_search_button_clicked()

    # ---- Keyboard --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Escape goes back: from the detail to the results, from the results to inspection."""
        if event.key() == Qt.Key.Key_Escape:
            if self.showing_detail():
                self._on_detail_back_button_clicked()
            else:
                self.back_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # ---- Slots the widgets drive -----------------------------------------------------------

    @Slot()
    def _on_search_button_clicked(self) -> None:
        self._run(0)

    @Slot()
    def _on_newer_button_clicked(self) -> None:
        if self._query is not None and self._query.page > 0:
            self._emit_query(_with_page(self._query, self._query.page - 1))

    @Slot()
    def _on_older_button_clicked(self) -> None:
        if self._query is not None and self._page is not None and self._page.has_more:
            self._emit_query(_with_page(self._query, self._query.page + 1))

    @Slot()
    def _on_open_button_clicked(self) -> None:
        selected = self.selected_id()
        if selected is not None:
            self.open_requested.emit(selected)

    @Slot(object)
    def _on_table_activated(self, _index: object) -> None:
        self._on_open_button_clicked()

    @Slot()
    def _on_detail_back_button_clicked(self) -> None:
        self.pages.setCurrentWidget(self.results_page)
        self.table.setFocus()
        self._update_actions()

    @Slot()
    def _on_reprint_button_clicked(self) -> None:
        if self._detail is not None:
            self.reprint_requested.emit(self._detail.inspection.id)

    @Slot()
    def _on_recheck_button_clicked(self) -> None:
        if self._detail is not None:
            self.recheck_text.setText(self.tr("Re-checking\u2026"))
            self.recheck_requested.emit(self._detail.inspection.id)

    @Slot()
    def _on_shift_button_clicked(self) -> None:
        try:
            query = self.query()
        except ValueError as exc:
            self.show_message(str(exc))
            return
        assert query.since is not None
        assert query.until is not None
        self.shift_report_requested.emit(query.since, query.until)

    @Slot()
    def _on_kp_button_clicked(self) -> None:
        first = _to_date(self.from_input.date())
        self.kp_report_requested.emit(f"{first:%Y-%m}")

    # ---- Internals -------------------------------------------------------------------------

    def _run(self, page: int) -> None:
        try:
            query = self.query(page)
        except ValueError as exc:
            self.show_message(self.tr("Cannot search: {why}").format(why=exc))
            return
        self._emit_query(query)

    def _emit_query(self, query: HistoryQuery) -> None:
        self._query = query
        self._searched = True
        self.message.clear()
        self.search_requested.emit(query)

    def _fill_row(self, index: int, row: HistoryRow, page: HistoryPage) -> None:
        verdict = QTableWidgetItem(self.outcome_word(row.outcome))
        if row.outcome is not None:
            verdict.setIcon(QIcon(icon_pixmap(outcome_icon_name(row.outcome), ICON_PX)))
        if row.overridden and row.final_outcome is not None:
            verdict.setText(
                f"{self.outcome_word(row.outcome)} \u2192 {self.outcome_word(row.final_outcome)}"
            )
        override = ""
        if row.supervisor is not None:
            override = self.tr("\u270e overridden by {name}").format(name=page.name(row.supervisor))
        inspection_id = QTableWidgetItem(row.inspection_id)
        inspection_id.setToolTip(row.inspection_id)  # shortened in the middle when narrow
        values = [
            QTableWidgetItem(_local_text(row.started_at)),
            inspection_id,
            QTableWidgetItem(row.kp_number or "\u2014"),
            verdict,
            QTableWidgetItem(page.name(row.inspector)),
            QTableWidgetItem(override),
        ]
        for column, item in enumerate(values):
            self.table.setItem(index, column, item)

    def _fill_detail(self, detail: InspectionDetail) -> None:
        inspection = detail.inspection
        self.detail_title.setText(
            self.tr("Inspection {id} \u00b7 {when}").format(
                id=inspection.id, when=_local_text(inspection.started_at)
            )
        )
        self.identifiers_text.setText(self._identifiers_text(detail))
        self.reading_text.setText(self._reading_text(inspection))
        self.banner.show_inspection(inspection)
        self.reasons.set_reasons(inspection.verdict.reasons if inspection.verdict else ())
        self.override_text.setText(self._override_text(detail))
        self.override_text.setVisible(inspection.override is not None)
        self.slip_text.setText(self._slip_text(detail))
        self.audit.clear()
        for event in detail.events:
            actor = detail.name(event.actor) if event.actor else ""
            local = event.at.astimezone()
            when = f"{format_date(local.date())} {local:%H:%M:%S}"
            parts = [f"{event.seq}", when, _event_word(event.kind)]
            if actor:
                parts.append(actor)
            line = " \u00b7 ".join(parts)
            summary = _event_summary(event.summary)
            self.audit.addItem(f"{line}\n{summary}" if summary else line)

    def _identifiers_text(self, detail: InspectionDetail) -> str:
        inspection = detail.inspection
        lines = [
            self.tr("{kind}: {value} ({source})").format(
                kind=kind_label(ident.kind), value=ident.value, source=_source_word(ident)
            )
            + (
                ""
                if ident.valid
                else self.tr(" \u2014 invalid: {why}").format(why=localise(ident.problem or ""))
            )
            for ident in inspection.identifiers
        ]
        if inspection.declaration is not None:
            lines.append(self.tr("Declaration {ref}").format(ref=inspection.declaration.reference))
        if detail.certificate is not None:
            cert = detail.certificate
            lines.append(
                self.tr(
                    "KP certificate on file: {carats} ct, {parcels} parcel(s), US$ {value}"
                ).format(
                    carats=format_number(cert.carats),
                    parcels=cert.parcel_count,
                    value=cert.value_usd,
                )
            )
        lines.append(self.tr("Inspector: {name}").format(name=detail.name(inspection.inspector)))
        lines.append(
            self.tr("Post {post}, kiosk {kiosk}").format(
                post=inspection.post, kiosk=detail.kiosk_id
            )
        )
        return "\n".join(lines) if lines else self.tr("No identifier recorded.")

    def _reading_text(self, inspection: Inspection) -> str:
        reading = inspection.reading
        if reading is None:
            return self.tr("No weight recorded.")
        return self.tr(
            "{carats} ct, stable, at {when}\nscale {scale}, reply \u201c{raw}\u201d"
        ).format(
            carats=format_number(reading.carats),
            when=_local_text(reading.taken_at),
            scale=reading.scale_id or "\u2014",
            raw=reading.raw,
        )

    def _override_text(self, detail: InspectionDetail) -> str:
        inspection = detail.inspection
        override = inspection.override
        if override is None or inspection.verdict is None:
            return ""
        return self.tr(
            "{before} \u2192 {after}: overridden by {supervisor} (supervisor) for {inspector} "
            "(inspector) at {when}; code {code}: \u201c{text}\u201d"
        ).format(
            before=self.outcome_word(inspection.verdict.outcome),
            after=self.outcome_word(override.new_outcome),
            supervisor=detail.name(override.supervisor),
            inspector=detail.name(inspection.inspector),
            when=_local_text(override.at),
            code=override.code.value.replace("_", " "),
            text=override.text,
        )

    def _slip_text(self, detail: InspectionDetail) -> str:
        inspection = detail.inspection
        status = detail.slip_status
        if status is SlipStatus.NONE:
            text = self.tr("No slip: the inspection has no verdict.")
        elif status is SlipStatus.MISSING:
            text = self.tr("The slip file is missing: Reprint makes a new copy marked REPRINT.")
        elif status is SlipStatus.PRINTED and inspection.printed_at is not None:
            text = self.tr("Slip printed {when}.").format(when=_local_text(inspection.printed_at))
        else:
            text = self.tr("Slip written, never printed.")
        if detail.reprints:
            text += " " + self.tr("Reprinted {n} time(s).").format(n=detail.reprints)
        return text

    def _update_actions(self) -> None:
        idle = not self._busy
        self.search_button.setEnabled(idle)
        self.newer_button.setEnabled(idle and self._query is not None and self._query.page > 0)
        self.older_button.setEnabled(idle and self._page is not None and self._page.has_more)
        self.open_button.setEnabled(idle and self.selected_id() is not None)
        self.shift_button.setEnabled(idle)
        self.kp_button.setEnabled(idle)
        has_verdict = self._detail is not None and self._detail.inspection.verdict is not None
        # Queued behind whatever runs: they stay enabled so that the focus can rest on them.
        self.reprint_button.setEnabled(has_verdict)
        self.recheck_button.setEnabled(self._detail is not None)


def _with_page(query: HistoryQuery, page: int) -> HistoryQuery:
    return HistoryQuery(
        identifier=query.identifier,
        since=query.since,
        until=query.until,
        verdict=query.verdict,
        post=query.post,
        inspector=query.inspector,
        page=page,
        page_size=query.page_size,
    )


def _reason(reason: Reason) -> str:
    return f"{outcome_word(reason.outcome)} {reason.rule_id} \u2014 {reason_message(reason)}"


def connect_history(
    screen: HistoryScreen, service: HistoryPort, user: Callable[[], User | None]
) -> None:
    """Wire the History screen to the history service, both ways.

    Args:
        screen: The screen.
        service: The service (signals on the GUI thread).
        user: Who is signed in now (recorded as the one who reprints).
    """
    service.results_ready.connect(screen.show_results)
    service.detail_ready.connect(screen.show_detail)
    service.recheck_ready.connect(screen.show_recheck)
    service.reprinted.connect(screen.show_reprinted)
    service.report_written.connect(screen.show_report_written)
    service.error_occurred.connect(screen.show_message)
    service.busy_changed.connect(screen.set_busy)
    screen.search_requested.connect(service.search)
    screen.open_requested.connect(service.open_inspection)
    screen.recheck_requested.connect(service.recheck)
    screen.shift_report_requested.connect(service.write_shift_report)
    screen.kp_report_requested.connect(service.write_kp_monthly)

    def reprint(inspection_id: str) -> None:
        who = user()
        service.reprint(inspection_id, who.username if who is not None else None)

    screen.reprint_requested.connect(reprint)


__all__ = ["HistoryPort", "HistoryScreen", "connect_history"]
