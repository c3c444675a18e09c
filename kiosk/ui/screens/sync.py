"""SyncScreen: each data source's version and age, the last sync, records waiting, Sync now."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.sync import DataSourceStatus, SyncStatus
from kiosk.ui.formatting import format_ago, format_date, format_datetime, utc_now
from kiosk.ui.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.messages import localise
from kiosk.ui.ports import DataVersionLike, SyncPort
from kiosk.ui.theme import set_style_property
from kiosk.ui.widgets.panel import Panel, make_label

REFRESH_INTERVAL_MS = 30_000
COLUMNS = ("name", "version", "published", "age", "count")

SOURCE_NAMES: dict[str, str] = {
    "certificates": QT_TRANSLATE_NOOP("SyncScreen", "KP certificates"),
    "declarations": QT_TRANSLATE_NOOP("SyncScreen", "Declarations"),
    "listed_parties": QT_TRANSLATE_NOOP("SyncScreen", "Sanctioned parties"),
    "participants": QT_TRANSLATE_NOOP("SyncScreen", "KP participants"),
}
"""The local database's record kinds in words (a hub's lists keep their published names)."""


def local_status(data: DataVersionLike | None) -> SyncStatus:
    """The status shown when no hub is configured: the data in the database, by source.

    The counts of a ``DataVersion`` (parties, certificates, ...) become one row each.
    """
    if data is None:
        return SyncStatus(enabled=False)
    counts = getattr(data, "counts", None)
    sources: tuple[DataSourceStatus, ...] = ()
    if isinstance(counts, Mapping):
        sources = tuple(
            DataSourceStatus(str(name), data.version, data.published_at, int(count))
            for name, count in sorted(counts.items())
        )
    return SyncStatus(
        enabled=False,
        data_version=data.version,
        data_published_at=data.published_at,
        sources=sources,
    )


class SyncScreen(QWidget):
    """Data in and records out, as the sync service reports them.

    With a ``SyncPort`` the screen follows its ``status_changed`` and offers Sync now. Without
    one (``sync=None``) it says that no hub is configured and where the data came from, and
    still lists the data in use (``set_local_data``).

    Args:
        sync: The sync service, or ``None`` for an offline post.
        max_data_age_h: Data older than this is marked STALE.
        clock: The current UTC instant.
    """

    def __init__(
        self,
        sync: SyncPort | None,
        *,
        max_data_age_h: float = 72.0,
        clock: Callable[[], datetime] = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SyncScreen")
        self._sync = sync
        self._clock = clock
        self._max_age = timedelta(hours=max_data_age_h)
        self._status = sync.status() if sync is not None else SyncStatus(enabled=False)
        self._local_source = ""

        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 8)
        root.setSpacing(10)

        head = QHBoxLayout()
        head.setSpacing(12)
        self.headline = make_label("", object_name="SyncHeadline", wrap=True)
        head.addWidget(self.headline, 1)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("SyncNow")
        self.sync_button.setProperty("role", "primary")
        self.sync_button.clicked.connect(self._on_sync_button_clicked)
        head.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignTop)
        root.addLayout(head)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        root.addLayout(columns, 1)

        self.data_panel = Panel("")
        self.data_summary = make_label("", object_name="DataSummary", wrap=True)
        self.data_panel.body.addWidget(self.data_summary)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        table = QWidget()
        self._grid = QGridLayout(table)
        self._grid.setContentsMargins(0, 0, 6, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(0, 3)
        area.setWidget(table)
        self.data_panel.body.addWidget(area, 1)
        columns.addWidget(self.data_panel, 2)

        side = QVBoxLayout()
        side.setSpacing(12)
        self.sync_panel = Panel("")
        self.last_attempt = make_label("", object_name="LastAttempt", wrap=True)
        self.last_success = make_label("", object_name="LastSuccess", wrap=True)
        self.last_result = make_label("", object_name="LastResult", wrap=True)
        self.audit_flag = make_label("", object_name="AuditFlag", wrap=True)
        self.audit_flag.setVisible(False)
        for label in (self.audit_flag, self.last_result, self.last_attempt, self.last_success):
            self.sync_panel.body.addWidget(label)
        self.sync_panel.body.addStretch(1)
        side.addWidget(self.sync_panel, 1)
        self.records_panel = Panel("")
        self.records_waiting = make_label("", object_name="RecordsWaiting", wrap=True)
        self.records_failing = make_label("", object_name="RecordsFailing", wrap=True)
        self.records_panel.body.addWidget(self.records_waiting)
        self.records_panel.body.addWidget(self.records_failing)
        self.records_panel.body.addStretch(1)
        side.addWidget(self.records_panel, 1)
        columns.addLayout(side, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        if sync is not None:
            sync.status_changed.connect(self._on_sync_status_changed)
        self.retranslate()

    # ---- Public API ------------------------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        """The status shown."""
        return self._status

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        """Show a status (the sync service's, or the local one)."""
        self._status = status
        self._refresh()

    def set_local_data(self, data: DataVersionLike | None) -> None:
        """The data in the database; shown as the status when no hub is configured."""
        source = getattr(data, "source", "") if data is not None else ""
        self._local_source = source if isinstance(source, str) else ""
        if self._sync is None:
            self.show_status(local_status(data))

    def texts(self) -> dict[str, str]:
        """What the screen shows, by part (for tests and the demo log)."""
        return {
            "headline": self.headline.text(),
            "data": self.data_summary.text(),
            "result": self.last_result.text(),
            "audit": self.audit_flag.text() if self.status.audit_flag else "",
            "attempt": self.last_attempt.text(),
            "success": self.last_success.text(),
            "waiting": self.records_waiting.text(),
            "failing": self.records_failing.text(),
        }

    def source_rows(self) -> list[list[str]]:
        """The sources table as text, header row first."""
        rows: list[list[str]] = []
        for row in range(self._grid.rowCount()):
            cells: list[str] = []
            for column in range(len(COLUMNS)):
                item = self._grid.itemAtPosition(row, column)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel):
                    cells.append(widget.text())
            if cells:
                rows.append(cells)
        return rows

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Fetch data updates and send waiting records now"))
        self.data_panel.heading.setText(self.tr("Data in use").upper())
        self.sync_panel.heading.setText(self.tr("Last sync").upper())
        self.records_panel.heading.setText(self.tr("Records to send").upper())
        self._refresh()

    # ---- Qt overrides ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Recompute ages when the screen is opened."""
        self._refresh()
        super().showEvent(event)

    # ---- Slots -----------------------------------------------------------------------------

    @Slot(object)
    def _on_sync_status_changed(self, status: object) -> None:
        if isinstance(status, SyncStatus):
            self.show_status(status)

    @Slot()
    def _on_sync_button_clicked(self) -> None:
        if self._sync is not None:
            self._sync.sync_now()
            self.last_result.setText(self.tr("Sync started\u2026"))

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.isVisible():
            self._refresh()

    # ---- Internals -------------------------------------------------------------------------

    def _age(self, when: datetime | None) -> str:
        if when is None:
            return "\u2014"
        seconds = (self._clock() - when).total_seconds()
        if seconds < 60:
            return self.tr("just now")
        if seconds < 3600:
            return self.tr("%1 min").replace("%1", str(int(seconds // 60)))
        if seconds < 2 * 86400:
            return self.tr("%1 h").replace("%1", str(int(seconds // 3600)))
        return self.tr("%1 d").replace("%1", str(int(seconds // 86400)))

    def _when(self, when: datetime | None) -> str:
        if when is None:
            return self.tr("never")
        return (
            self.tr("%1 (%2)")
            .replace("%1", format_datetime(when))
            .replace("%2", format_ago(self._clock() - when))
        )

    def _stale(self, when: datetime | None) -> bool:
        return when is not None and self._clock() - when > self._max_age

    def _refresh(self) -> None:
        s = self._status
        if not s.enabled:
            if self._local_source == "sample":  # the demo data shipped with the kiosk
                source = self.tr("the sample data set")
            else:
                source = self._local_source or self.tr("the local database")
            self.headline.setText(
                self.tr("No hub configured \u2014 data from %1").replace("%1", source)
            )
            set_style_property(self.headline, "level", "off")
        elif s.syncing:
            self.headline.setText(self.tr("Syncing with %1\u2026").replace("%1", s.hub_url))
            set_style_property(self.headline, "level", "pending")
        else:
            self.headline.setText(self.tr("Hub: %1").replace("%1", s.hub_url))
            set_style_property(self.headline, "level", "ok")
        self.sync_button.setVisible(s.enabled)
        self.sync_button.setEnabled(s.enabled and not s.syncing)

        if s.data_version is None:
            self.data_summary.setText(self.tr("\u2716 No reference data loaded"))
            set_style_property(self.data_summary, "level", "bad")
        else:
            text = self.tr("Version %1, published %2").replace("%1", s.data_version).replace(
                "%2", self._when(s.data_published_at)
            )
            stale = self._stale(s.data_published_at)
            if stale:
                text = "\u26a0 " + text + " \u00b7 " + self.tr("STALE: no parcel is cleared on it")
            if s.data_expires_at is not None:
                text += " \u00b7 " + self.tr("expires %1").replace(
                    "%1", format_datetime(s.data_expires_at)
                )
            self.data_summary.setText(text)
            set_style_property(self.data_summary, "level", "stale" if stale else "ok")
        self._fill_sources(s.sources)

        if not s.enabled:
            self.last_result.setText(self.tr("Sync is off at this post."))
            set_style_property(self.last_result, "level", "off")
        elif s.last_attempt_at is None:
            self.last_result.setText(self.tr("\u25cb Not synced yet"))
            set_style_property(self.last_result, "level", "pending")
        elif s.last_error:
            failed = self.tr("\u2716 Failed: %1")
            self.last_result.setText(failed.replace("%1", localise(s.last_error)))
            set_style_property(self.last_result, "level", "bad")
        else:
            self.last_result.setText(self.tr("\u25cf OK"))
            set_style_property(self.last_result, "level", "ok")
        if s.audit_flag:
            self.audit_flag.setText(
                self.tr(
                    "\u2716 AUDIT BREAK: the hub found this kiosk's audit trail changed (%1). "
                    "Tell a supervisor."
                ).replace("%1", s.audit_flag)
            )
        self.audit_flag.setVisible(bool(s.audit_flag))
        set_style_property(self.audit_flag, "level", "bad")
        self.last_attempt.setText(self.tr("Last attempt: %1").replace(
            "%1", self._when(s.last_attempt_at)
        ))
        self.last_success.setText(self.tr("Last success: %1").replace(
            "%1", self._when(s.last_success_at)
        ))
        self.records_waiting.setText(
            self.tr("%1 record(s) waiting for the hub").replace("%1", str(s.records_waiting))
        )
        self.records_failing.setText(
            self.tr("%1 failed at the last attempt").replace("%1", str(s.records_failing))
        )
        self.records_failing.setVisible(s.records_failing > 0)
        set_style_property(self.records_failing, "level", "bad")

    def _fill_sources(self, sources: tuple[DataSourceStatus, ...]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Hidden now: deleteLater alone leaves it painted under the new rows for a frame.
                widget.hide()
                widget.deleteLater()
        headers = (
            self.tr("Source"),
            self.tr("Version"),
            self.tr("Published"),
            self.tr("Age"),
            self.tr("Entries"),
        )
        for column, text in enumerate(headers):
            label = make_label(text, field=True)
            self._grid.addWidget(label, 0, column)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        if not sources:
            self._grid.addWidget(make_label(self.tr("No sources listed."), muted=True), 1, 0)
            self._grid.setRowStretch(2, 1)
            return
        for row, source in enumerate(sources, start=1):
            published = (
                format_date(source.published_at.astimezone().date())
                if source.published_at is not None
                else "\u2014"
            )
            # Ages only: each source has its own rhythm (a rule set changes yearly), and the
            # limit that stops a CLEAR applies to the bundle, shown stale above.
            age = self._age(source.published_at)
            name = SOURCE_NAMES.get(source.name)
            shown = self.tr(name) if name is not None else source.name
            cells = (shown, source.version, published, age, str(source.count))
            for column, text in enumerate(cells):
                self._grid.addWidget(make_label(text, wrap=column == 0), row, column)
        self._grid.setRowStretch(len(sources) + 1, 1)


if __name__ == "__main__":
    from kiosk.ui.preview import preview_sync

    preview_sync()
