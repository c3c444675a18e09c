"""MainWindow: the screens between a navigation bar and the status bar, wired to the services.

It owns navigation (which screens a role may open), the idle lock, the fault panel and kiosk
mode (full screen, no chrome, closing refused until a technician leaves kiosk mode).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QHideEvent,
    QImage,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import (
    Declaration,
    Inspection,
    InspectionState,
    KpCertificate,
    OverrideCode,
    User,
    WeightReading,
)
from kiosk.domain.roles import Permission, may
from kiosk.domain.wedge import DEFAULT_IDLE_MS, DEFAULT_MAX_GAP_MS
from kiosk.ui import i18n
from kiosk.ui.formatting import utc_now
from kiosk.ui.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.messages import localise
from kiosk.ui.ports import ControllerPort, DataVersionLike, DevicesPort, SettingsView, SyncPort
from kiosk.ui.screens.devices import DevicesScreen
from kiosk.ui.screens.history import HistoryPort, HistoryScreen, connect_history
from kiosk.ui.screens.inspection import InspectionScreen
from kiosk.ui.screens.override import OverrideScreen
from kiosk.ui.screens.sign_in import MAX_PIN_DIGITS, SignInScreen
from kiosk.ui.screens.sync import SyncScreen
from kiosk.ui.wedge_filter import WedgeFilter
from kiosk.ui.widgets.fault_panel import FaultPanel
from kiosk.ui.widgets.message_area import MessageKind
from kiosk.ui.widgets.nav_bar import NavBar
from kiosk.ui.widgets.status_bar import StatusBar, device_level

log = logging.getLogger(__name__)

DESIGN_WIDTH_PX = 1280
DESIGN_HEIGHT_PX = 800

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
    }
)


class Workspace(QWidget):
    """The pages with the navigation rail at their left.

    Docked (``set_docked(True)``) the pages start right of the rail; undocked they take the
    full width and the rail, when shown, lies over their left edge like a drawer, so the
    inspection screen is never squeezed by opening the menu.
    """

    def __init__(self, rail: QWidget, pages: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Workspace")
        self._rail = rail
        self._layout = QHBoxLayout(self)
        self._layout.setSpacing(0)
        self._layout.addWidget(pages, 1)
        rail.setParent(self)
        self.set_docked(True)

    def set_docked(self, docked: bool) -> None:
        """Leave room for the rail (``True``) or let the pages take the full width."""
        self._layout.setContentsMargins(self._rail.width() if docked else 0, 0, 0, 0)
        self._place_rail()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Keep the rail as tall as the workspace."""
        super().resizeEvent(event)
        self._place_rail()

    def _place_rail(self) -> None:
        self._rail.setGeometry(0, 0, self._rail.width(), self.height())
        self._rail.raise_()


class IdleWatcher(QObject):
    """Counts time without keyboard, mouse or touch input; ``timed_out`` after ``idle_s``.

    Input restarts the count (``note_input``): the main window's keyboard-wedge filter, which
    sees the window's input events, tells it, so one Python filter sees each event, not two.

    Signals:
        timed_out(): ``idle_s`` passed without input while the watcher was running.
    """

    timed_out = Signal()

    def __init__(self, idle_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, int(idle_s * 1000)))
        self._timer.timeout.connect(self.timed_out)
        self._enabled = idle_s > 0

    @property
    def running(self) -> bool:
        """True while counting."""
        return self._timer.isActive()

    def start(self) -> None:
        """Start (or restart) counting, unless the idle lock is off (``idle_s`` <= 0)."""
        if self._enabled:
            self._timer.start()

    def stop(self) -> None:
        """Stop counting."""
        self._timer.stop()

    def note_input(self) -> None:
        """Input happened: count again from zero (when counting)."""
        timer = getattr(self, "_timer", None)
        if timer is not None and timer.isActive():
            timer.start()


class MainWindow(QMainWindow):
    """The kiosk window: a navigation bar, a stack of screens, the status bar.

    It shows the sign-in screen until the controller reports ``signed_in``, then the home
    screen of the user's role (inspection; devices for a technician) with a navigation bar
    of the screens the role may open (``kiosk.domain.roles``) until ``signed_out``. After
    ``settings_view.idle_lock_s`` without input the session locks: the sign-in screen shows
    whose parcel is kept, and the same user (or a supervisor) unlocks with the PIN. A scale
    that stays disconnected while a parcel is being weighed, or a database that fails,
    replaces the screen with a fault panel (what is wrong, what to do, Retry).

    In kiosk mode (``settings_view.fullscreen``) the window is full screen without chrome and
    ignores close requests (Alt+F4) until a technician presses Exit kiosk mode on the
    devices screen (recorded in the audit trail). Services' signals go to screen slots; the
    screens' intents go to service methods. A service method that raises does not crash
    the kiosk: its message is shown in place and the error is logged.

    Args:
        controller: The inspection controller (see ``kiosk.ui.ports.ControllerPort``).
        devices: The device hub (see ``kiosk.ui.ports.DevicesPort``).
        settings_view: The settings the UI needs.
        sync: The sync service, or ``None`` when no hub is configured.
        clock: The source of "now" for the data age (UTC).
        wedge_max_gap_ms: Longest gap between two keys of a keyboard-wedge scan.
        history: The history service (past inspections, reprints, reports); ``None``: the
            History screen is left out.
        language: The kiosk's default language (``kiosk.language``): shown at start and after
            every sign-out (default: the language in use).
    """

    def __init__(
        self,
        controller: ControllerPort,
        devices: DevicesPort,
        settings_view: SettingsView,
        *,
        sync: SyncPort | None = None,
        clock: Callable[[], datetime] = utc_now,
        wedge_max_gap_ms: float = DEFAULT_MAX_GAP_MS,
        history: HistoryPort | None = None,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._default_language = (
            i18n.normalise_language(language) if language else i18n.current_language()
        )
        self._controller = controller
        self._devices = devices
        self._settings = settings_view
        self._kiosk_mode = settings_view.fullscreen
        self._close_allowed = False
        self._screens: dict[str, tuple[QWidget, Permission]] = {}
        self._screen_before_lock: QWidget | None = None
        self._screen_before_fault: QWidget | None = None
        if settings_view.fullscreen:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)

        self.nav = NavBar(shortcut_host=self)
        self._menu_open = False
        self._nav_active = False
        self.sign_in_screen = SignInScreen()
        self.inspection_screen = InspectionScreen(tolerance_ct=settings_view.carat_tolerance_ct)
        self.override_screen = OverrideScreen()
        self.devices_screen = DevicesScreen(devices)
        self.devices_screen.set_kiosk_mode(self._kiosk_mode)
        self.sync_screen = SyncScreen(
            sync, max_data_age_h=settings_view.max_data_age_h, clock=clock
        )
        self._history = history
        self.history_screen: HistoryScreen | None = None
        if history is not None:
            self.history_screen = HistoryScreen(post=settings_view.post)
            connect_history(self.history_screen, history, lambda: self._controller.user)
        self.fault_panel = FaultPanel()
        self.status_bar = StatusBar(
            settings_view.post_name,
            settings_view.kiosk_id,
            max_data_age_h=settings_view.max_data_age_h,
            clock=clock,
        )
        # Two levels: the sign-in and override screens fill the window; the screens of the
        # navigation rail (and the fault panel) share the "workspace" with the rail.
        self.pages = QStackedWidget()
        self.pages.addWidget(self.fault_panel)
        self.workspace = Workspace(self.nav, self.pages)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.sign_in_screen)
        self.stack.addWidget(self.override_screen)
        self.stack.addWidget(self.workspace)
        # The screens of the navigation rail, in order (Alt+1, Alt+2, ...).
        self.add_screen("inspection", self._title_inspection, self.inspection_screen,
                        Permission.INSPECT)
        if self.history_screen is not None:
            self.add_screen("history", self._title_history, self.history_screen,
                            Permission.HISTORY)
        self.add_screen("devices", self._title_devices, self.devices_screen,
                        Permission.DEVICES_VIEW)
        self.add_screen("sync", self._title_sync, self.sync_screen, Permission.SYNC)

        root = QWidget()
        root.setObjectName("KioskRoot")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        bottom = QFrame()
        bottom.setObjectName("BottomBar")
        bottom_row = QHBoxLayout(bottom)
        bottom_row.setContentsMargins(6, 0, 0, 0)
        bottom_row.setSpacing(0)
        self.menu_button = QPushButton()
        self.menu_button.setObjectName("MenuButton")
        self.menu_button.setCheckable(True)
        bottom_row.addWidget(self.menu_button, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom_row.addWidget(self.status_bar, 1)
        layout.addWidget(bottom)
        self._menu_shortcut = QShortcut(QKeySequence("Alt+M"), self)
        self._menu_shortcut.activated.connect(self._on_menu_shortcut_activated)
        self.setCentralWidget(root)
        self.resize(DESIGN_WIDTH_PX, DESIGN_HEIGHT_PX)

        # Keyboard-wedge scans are taken out of the key stream whatever has focus, on the
        # inspection screen (identifiers) and the sign-in screen (badges; a fast PIN burst with
        # a user chosen stays a PIN, see _sign_in_burst).
        self.wedge_filter = WedgeFilter(
            self,
            scope=self,
            max_gap_ms=wedge_max_gap_ms,
            idle_ms=max(DEFAULT_IDLE_MS, wedge_max_gap_ms),
        )
        self.wedge_filter.set_enabled(False)
        # Installed on the window's QWindow while the window is shown (showEvent/hideEvent).

        self.idle = IdleWatcher(settings_view.idle_lock_s, self)
        self._scale_fault_timer = QTimer(self)
        self._scale_fault_timer.setSingleShot(True)
        self._scale_fault_timer.setInterval(int(settings_view.scale_fault_after_s * 1000))

        self.retranslate()
        self._connect()
        self._refresh_users()
        user = controller.user
        if user is None:
            self._set_nav_active(False)
            self._show_sign_in()
        else:
            self._on_controller_signed_in(user)
        self._sync_nav()

    # ---- Qt events -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Take keyboard-wedge scans and watch for idleness while the window is on screen.

        One filter does both (``WedgeFilter.watch_input``), on this window's ``QWindow``: it
        gets the keys, clicks and touches of the platform once each, and none of the paint,
        layout and timer events of the widgets (an application-wide Python filter saw some
        30,000 events in a 13 s shift, each taking the GIL, and stalled the GUI thread by tens
        of milliseconds while a verdict was being worked out in the task thread).
        """
        self.wedge_filter.watch_input(_INPUT_EVENTS, self.idle.note_input)
        self.wedge_filter.install(self.windowHandle())
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        """Stop filtering keys once the window is closed or hidden."""
        self.wedge_filter.uninstall()
        super().hideEvent(event)

    # ---- Public API ------------------------------------------------------------------------

    def present(self) -> None:
        """Show the window: full screen without chrome when the settings ask, else windowed."""
        if self._settings.fullscreen:
            self.showFullScreen()
        else:
            self.show()

    @property
    def current_screen(self) -> QWidget:
        """The screen shown."""
        widget = self.stack.currentWidget()
        if widget is self.workspace:
            widget = self.pages.currentWidget()
        assert widget is not None
        return widget

    @property
    def kiosk_mode(self) -> bool:
        """True while closing is refused (full screen, no chrome)."""
        return self._kiosk_mode

    def add_screen(
        self, key: str, title: Callable[[], str], widget: QWidget, permission: Permission
    ) -> None:
        """Add a screen to the stack and the navigation bar.

        Args:
            key: Its name (``"history"``); ``show_screen(key)`` opens it.
            title: Gives the button's text in the current language.
            widget: The screen.
            permission: What a user's role needs to open it.
        """
        self._screens[key] = (widget, permission)
        self.pages.addWidget(widget)
        self.nav.add_entry(key, title)

    def allowed_screens(self, user: User | None = None) -> list[str]:
        """The screens ``user`` (default: the signed-in user) may open, in order."""
        user = user if user is not None else self._controller.user
        if user is None:
            return []
        return [key for key, (_w, perm) in self._screens.items() if may(user.role, perm)]

    def show_screen(self, key: str) -> bool:
        """Open a screen of the navigation bar, if the signed-in user may; True if shown."""
        if key not in self.allowed_screens() or self._controller.is_locked:
            return False
        if self.current_screen is self.fault_panel:
            self._screen_before_fault = self._screens[key][0]
            return False  # the fault comes first; Retry or the fix brings the screen back
        widget = self._screens[key][0]
        self._set_screen(widget)
        if widget is self.inspection_screen:
            self.inspection_screen.identifiers.input.setFocus()
        else:
            widget.setFocus()
            widget.focusNextChild()
        return True

    def leave_kiosk_mode(self) -> bool:
        """Leave kiosk mode (a technician only; recorded): chrome back, closing allowed."""
        if not self._kiosk_mode:
            return True
        if not self._controller.record_kiosk_exit():
            self.devices_screen.message.show_message(
                self.tr("Only a signed-in technician can leave kiosk mode.")
            )
            return False
        self._kiosk_mode = False
        self.devices_screen.set_kiosk_mode(False)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
        self.showNormal()
        self.devices_screen.message.show_message(
            self.tr("Kiosk mode left: the window can now be closed."), MessageKind.INFO
        )
        return True

    def shutdown(self) -> None:
        """Close the window whatever the mode (the kiosk is stopping)."""
        self._close_allowed = True
        self.close()

    def retranslate(self) -> None:
        """Set the window's own texts in the current language."""
        self.setWindowTitle(
            self.tr("Inspection Kiosk \u2014 %1").replace("%1", self._settings.post_name)
        )
        self.nav.retranslate()
        self.menu_button.setText(self.tr("Close menu") if self._menu_open else self.tr("Menu"))

    # ---- Qt overrides ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """In kiosk mode a close request (Alt+F4, the window manager) is ignored."""
        if self._kiosk_mode and not self._close_allowed:
            log.info("close request ignored in kiosk mode")
            event.ignore()
            return
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- Wiring ----------------------------------------------------------------------------

    def _connect(self) -> None:
        c = self._controller
        c.signed_in.connect(self._on_controller_signed_in)
        c.sign_in_failed.connect(self._on_controller_sign_in_failed)
        c.signed_out.connect(self._on_controller_signed_out)
        c.inspection_changed.connect(self._on_controller_inspection_changed)
        c.declaration_found.connect(self._on_controller_declaration_found)
        c.certificate_found.connect(self._on_controller_certificate_found)
        c.verdict_ready.connect(self._on_controller_verdict_ready)
        c.printed.connect(self._on_controller_printed)
        c.print_failed.connect(self._on_controller_print_failed)
        c.error_occurred.connect(self._on_controller_error_occurred)
        c.data_status_changed.connect(self._on_controller_data_status_changed)
        c.busy_changed.connect(self._on_controller_busy_changed)
        c.ready.connect(self._on_controller_ready)
        c.override_recorded.connect(self._on_controller_override_recorded)
        c.override_refused.connect(self._on_controller_override_refused)
        c.sign_in_delayed.connect(self._on_controller_sign_in_delayed)
        c.badge_identified.connect(self._on_controller_badge_identified)
        c.badge_refused.connect(self._on_controller_badge_refused)
        c.locked.connect(self._on_controller_locked)
        c.unlocked.connect(self._on_controller_unlocked)
        c.database_failed.connect(self._on_controller_database_failed)

        d = self._devices
        d.weight_changed.connect(self._on_devices_weight_changed)
        d.frame_ready.connect(self._on_devices_frame_ready)
        d.device_state_changed.connect(self._on_devices_device_state_changed)
        # Frames come at the size the camera view paints them (scaled in the camera thread).
        self.inspection_screen.camera.view_resized.connect(d.set_preview_size)

        s = self.sign_in_screen
        s.sign_in_requested.connect(self._on_sign_in_screen_sign_in_requested)
        s.language_requested.connect(self._on_sign_in_screen_language_requested)
        s.user_chosen.connect(self._on_sign_in_screen_user_chosen)

        i = self.inspection_screen
        i.identifier_typed.connect(self._on_inspection_screen_identifier_typed)
        i.check_requested.connect(self._on_inspection_screen_check_requested)
        i.print_requested.connect(self._on_inspection_screen_print_requested)
        i.next_requested.connect(self._on_inspection_screen_next_requested)
        i.sign_out_requested.connect(self._on_inspection_screen_sign_out_requested)
        i.zero_requested.connect(self._on_inspection_screen_zero_requested)
        i.tare_requested.connect(self._on_inspection_screen_tare_requested)
        i.override_requested.connect(self._on_inspection_screen_override_requested)
        i.reprint_requested.connect(self._on_inspection_screen_reprint_requested)
        i.declaration_entered.connect(self._on_inspection_screen_declaration_entered)
        i.new_seal_entered.connect(self._on_inspection_screen_new_seal_entered)
        if self.history_screen is not None:
            self.history_screen.back_requested.connect(self._on_history_screen_back_requested)

        o = self.override_screen
        o.override_requested.connect(self._on_override_screen_override_requested)
        o.cancelled.connect(self._on_override_screen_cancelled)

        self.wedge_filter.scanned.connect(self._on_wedge_filter_scanned)
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self.pages.currentChanged.connect(self._on_stack_current_changed)
        self.nav.screen_chosen.connect(self._on_nav_screen_chosen)
        self.menu_button.clicked.connect(self._on_menu_button_clicked)
        self.nav.sign_out_requested.connect(self._on_inspection_screen_sign_out_requested)
        self.nav.lock_requested.connect(self._on_nav_lock_requested)
        self.devices_screen.exit_kiosk_requested.connect(
            self._on_devices_screen_exit_kiosk_requested
        )
        self.fault_panel.retry_requested.connect(self._on_fault_panel_retry_requested)
        self.idle.timed_out.connect(self._on_idle_timed_out)
        self._scale_fault_timer.timeout.connect(self._on_scale_fault_timer_timeout)

    # ---- Controller → screens --------------------------------------------------------------

    @Slot(object)
    def _on_controller_signed_in(self, user: User) -> None:
        # The language the user signed in with is theirs from now on (kept in the database);
        # one they chose before, picked up when they chose their name, is the one in use.
        self._remember_language(user.username)
        self.status_bar.set_user(user)
        self.sign_in_screen.clear_locked()
        self.sign_in_screen.reset()
        self.inspection_screen.show_inspection(self._controller.current)
        allowed = self.allowed_screens(user)
        self.nav.set_allowed(set(allowed))
        self.devices_screen.set_control(
            may(user.role, Permission.DEVICES_CONTROL),
            exit_allowed=may(user.role, Permission.EXIT_KIOSK),
        )
        self._set_nav_active(True)
        self.idle.start()
        if self.current_screen is self.fault_panel:
            self._screen_before_fault = self._screens[allowed[0]][0] if allowed else None
            return
        if allowed:
            self.show_screen(allowed[0])
        else:
            self.sign_in_screen.show_error(self.tr("Your role may not open any screen here."))

    @Slot(str)
    def _on_controller_sign_in_failed(self, message: str) -> None:
        self.sign_in_screen.show_error(message)

    @Slot()
    def _on_controller_ready(self) -> None:
        self._refresh_users()
        if self.fault_panel.kind == "database":
            self._dismiss_fault()

    @Slot()
    def _on_controller_signed_out(self) -> None:
        self.status_bar.set_user(None)
        self.inspection_screen.show_inspection(None)
        self.idle.stop()
        self._scale_fault_timer.stop()
        self._set_nav_active(False)
        self.sign_in_screen.clear_locked()
        if i18n.current_language() != self._default_language:
            i18n.set_language(self._default_language)  # the next person starts in the default
        self._refresh_users()
        if self.current_screen is self.fault_panel and self.fault_panel.kind == "database":
            self._screen_before_fault = self.sign_in_screen
            return
        self._show_sign_in()

    @Slot(float)
    def _on_controller_sign_in_delayed(self, wait_s: float) -> None:
        self.sign_in_screen.delay_for(wait_s)

    @Slot(object)
    def _on_controller_badge_identified(self, user: User) -> None:
        if self.current_screen is self.sign_in_screen:
            self.sign_in_screen.select_by_badge(user)

    @Slot(str)
    def _on_controller_badge_refused(self, message: str) -> None:
        if self.current_screen is self.sign_in_screen:
            self.sign_in_screen.show_error(message)

    @Slot(object)
    def _on_controller_locked(self, user: User) -> None:
        self.idle.stop()
        self._set_nav_active(False)
        current: QWidget | None = self.current_screen
        if current is self.fault_panel:
            current = self._screen_before_fault
        self._screen_before_lock = current
        parcel = self._controller.current
        self.sign_in_screen.reset()
        self.sign_in_screen.set_locked(user, parcel.id if parcel is not None else None)
        self._show_sign_in()

    @Slot(object)
    def _on_controller_unlocked(self, user: User) -> None:
        self.status_bar.set_user(user)
        self.sign_in_screen.clear_locked()
        self.sign_in_screen.reset()
        self._set_nav_active(True)
        self.idle.start()
        back = self._screen_before_lock
        self._screen_before_lock = None
        for key, (widget, _perm) in self._screens.items():
            if widget is back:
                self.show_screen(key)
                return
        allowed = self.allowed_screens()
        if allowed:
            self.show_screen(allowed[0])

    @Slot(str)
    def _on_controller_database_failed(self, message: str) -> None:
        self._show_fault(
            "database",
            self.tr("The database cannot be used"),
            message,
            self.tr(
                "Nothing already saved is lost. Check the disk and the database settings, or "
                "call the technician, then press Retry."
            ),
        )

    @Slot(object)
    def _on_controller_inspection_changed(self, inspection: Inspection | None) -> None:
        self.inspection_screen.show_inspection(inspection)

    @Slot(object)
    def _on_controller_declaration_found(self, declaration: Declaration | None) -> None:
        self.inspection_screen.show_declaration(declaration)

    @Slot(object)
    def _on_controller_certificate_found(self, certificate: KpCertificate | None) -> None:
        self.inspection_screen.show_certificate(certificate)

    @Slot(object)
    def _on_controller_verdict_ready(self, inspection: Inspection) -> None:
        self.inspection_screen.show_verdict(inspection)

    @Slot(str)
    def _on_controller_printed(self, where: str) -> None:
        # The step strip says so in large type ("Slip printed: press Next parcel"); where the
        # slip went is the printer's detail. (A message line for it came and went at every
        # parcel, each time laying out and painting the whole screen again.)
        detail = self.tr("Slip printed: %1").replace("%1", where)
        self.status_bar.set_device_detail("printer", detail)

    @Slot(str)
    def _on_controller_print_failed(self, message: str) -> None:
        self.inspection_screen.show_message(self.tr("Printing failed: %1").replace("%1", message))

    @Slot(str)
    def _on_controller_error_occurred(self, message: str) -> None:
        self._show_error(message)

    @Slot(object)
    def _on_controller_data_status_changed(self, data: DataVersionLike | None) -> None:
        self.status_bar.set_data_version(data)
        self.sync_screen.set_local_data(data)

    @Slot(bool)
    def _on_controller_busy_changed(self, busy: bool) -> None:
        self.inspection_screen.set_busy(busy)
        self.status_bar.set_busy(busy)

    @Slot(object)
    def _on_controller_override_recorded(self, inspection: Inspection) -> None:
        self.inspection_screen.show_inspection(inspection)
        if self.current_screen is self.override_screen:
            self._show_inspection_screen()
        note = self.inspection_screen.override_text() or self.tr("Override recorded")
        self.inspection_screen.show_message(
            self.tr("%1. The slip now carries both names: press Print slip.").replace("%1", note),
            MessageKind.INFO,
        )

    @Slot(str)
    def _on_controller_override_refused(self, message: str) -> None:
        if self.current_screen is self.override_screen:
            self.override_screen.show_refusal(message)
        else:
            self._show_error(self.tr("Override refused: %1").replace("%1", localise(message)))

    # ---- Devices → screens -----------------------------------------------------------------

    @Slot(object)
    def _on_devices_weight_changed(self, reading: WeightReading) -> None:
        self.inspection_screen.show_weight(reading)

    @Slot(QImage)
    def _on_devices_frame_ready(self, image: QImage) -> None:
        if self.current_screen is self.inspection_screen:
            self.inspection_screen.show_frame(image)

    @Slot(str, str, str)
    def _on_devices_device_state_changed(self, device: str, state: str, detail: str) -> None:
        self.status_bar.set_device_state(device, state, detail)
        self.inspection_screen.show_device_state(device, state, detail)
        if device != "scale":
            return
        if device_level(state) == "bad":
            if not self._scale_fault_timer.isActive() and self.fault_panel.kind != "scale":
                self._scale_fault_timer.start()
            if self.fault_panel.kind == "scale":
                self.fault_panel.what.setText(detail or state)
        else:
            self._scale_fault_timer.stop()
            if self.fault_panel.kind == "scale" and device_level(state) == "ok":
                self._dismiss_fault()

    # ---- Screens → services ----------------------------------------------------------------

    @Slot(str)
    def _on_sign_in_screen_language_requested(self, language: str) -> None:
        i18n.set_language(language)
        username = self.sign_in_screen.selected_username
        if username is not None:
            self._remember_language(username)

    @Slot(str)
    def _on_sign_in_screen_user_chosen(self, username: str) -> None:
        self._controller.prepare()  # while the PIN is typed
        remembered = self._controller.user_language(username)
        if remembered in i18n.LANGUAGES and remembered != i18n.current_language():
            i18n.set_language(remembered)

    def _remember_language(self, username: str) -> None:
        language = i18n.current_language()
        if self._controller.user_language(username) != language:
            self._controller.remember_language(username, language)

    @Slot(str, str)
    def _on_sign_in_screen_sign_in_requested(self, username: str, pin: str) -> None:
        self._call(
            QT_TRANSLATE_NOOP("MainWindow", "sign in"), self._controller.sign_in, username, pin
        )

    @Slot(str)
    def _on_wedge_filter_scanned(self, text: str) -> None:
        if self.current_screen is self.sign_in_screen:
            self._sign_in_burst(text)
            return
        self._call(
            QT_TRANSLATE_NOOP("MainWindow", "add the identifier"),
            self._controller.add_typed_identifier,
            text,
        )

    @Slot(int)
    def _on_stack_current_changed(self, _index: int) -> None:
        widget = self.current_screen
        self.wedge_filter.set_enabled(
            widget is self.inspection_screen or widget is self.sign_in_screen
        )
        for key, (screen, _perm) in self._screens.items():
            if screen is widget:
                self.nav.set_current(key)
                break
        else:
            self.nav.set_current(None)
        self._place_nav()

    @Slot(str)
    def _on_nav_screen_chosen(self, key: str) -> None:
        self._menu_open = False
        if not self.show_screen(key):
            self._sync_nav()

    @Slot()
    def _on_menu_button_clicked(self) -> None:
        self.set_menu_open(not self._menu_open)

    @Slot()
    def _on_menu_shortcut_activated(self) -> None:
        if self.menu_button.isVisible():
            self.set_menu_open(not self._menu_open)

    @Slot()
    def _on_nav_lock_requested(self) -> None:
        self._call(QT_TRANSLATE_NOOP("MainWindow", "lock the screen"), self._controller.lock)

    @Slot()
    def _on_devices_screen_exit_kiosk_requested(self) -> None:
        self.leave_kiosk_mode()

    @Slot(str)
    def _on_fault_panel_retry_requested(self, kind: str) -> None:
        if kind == "database":
            self.fault_panel.set_status(self.tr("Trying the database again\u2026"))
            self._call(
                QT_TRANSLATE_NOOP("MainWindow", "open the database"),
                self._controller.retry_database,
            )
            return
        if kind == "scale":
            status = self._devices.statuses().get("scale")
            if status is not None and device_level(status.state) == "ok":
                self._dismiss_fault()
                return
            when = utc_now().astimezone().strftime("%H:%M:%S")
            self.fault_panel.set_status(
                self.tr("Still not answering (checked at %1). The kiosk keeps trying.").replace(
                    "%1", when
                )
            )

    @Slot()
    def _on_idle_timed_out(self) -> None:
        if self._controller.user is not None and not self._controller.is_locked:
            log.info("idle for %.0f s: locking the session", self._settings.idle_lock_s)
            self._call(QT_TRANSLATE_NOOP("MainWindow", "lock the screen"), self._controller.lock)

    @Slot()
    def _on_scale_fault_timer_timeout(self) -> None:
        user = self._controller.user
        inspection = self._controller.current
        weighing = (
            user is not None
            and not self._controller.is_locked
            and may(user.role, Permission.INSPECT)
            and inspection is not None
            and inspection.state is InspectionState.COLLECTING
            and self.current_screen in (self.inspection_screen, self.fault_panel)
        )
        if not weighing:
            return
        status = self._devices.statuses().get("scale")
        detail = status.detail if status is not None else ""
        self._show_fault(
            "scale",
            self.tr("The scale is not answering"),
            detail or self.tr("The scale is disconnected."),
            self.tr(
                "Check the scale's cable and power switch. The kiosk reconnects by itself and "
                "this panel closes when the scale answers; the parcel under way is kept."
            ),
        )

    @Slot(str)
    def _on_inspection_screen_identifier_typed(self, text: str) -> None:
        self._call(
            QT_TRANSLATE_NOOP("MainWindow", "add the identifier"),
            self._controller.add_typed_identifier,
            text,
        )

    @Slot()
    def _on_inspection_screen_check_requested(self) -> None:
        self._call(QT_TRANSLATE_NOOP("MainWindow", "check the parcel"), self._controller.check_now)

    @Slot()
    def _on_inspection_screen_print_requested(self) -> None:
        self._call(QT_TRANSLATE_NOOP("MainWindow", "print the slip"), self._controller.print_slip)

    @Slot()
    def _on_inspection_screen_reprint_requested(self) -> None:
        self._call(
            QT_TRANSLATE_NOOP("MainWindow", "reprint the slip"), self._controller.reprint_slip
        )

    @Slot(object)
    def _on_inspection_screen_declaration_entered(self, declaration: Declaration) -> None:
        self._call(
            QT_TRANSLATE_NOOP("MainWindow", "record the declaration"),
            self._controller.enter_declaration,
            declaration,
        )

    @Slot(str)
    def _on_inspection_screen_new_seal_entered(self, seal: str) -> None:
        self._call(
            QT_TRANSLATE_NOOP("MainWindow", "record the new seal"),
            self._controller.apply_new_seal,
            seal,
        )

    @Slot()
    def _on_inspection_screen_next_requested(self) -> None:
        self._call(
            QT_TRANSLATE_NOOP("MainWindow", "start the next parcel"), self._controller.next_parcel
        )

    @Slot()
    def _on_inspection_screen_sign_out_requested(self) -> None:
        self._call(QT_TRANSLATE_NOOP("MainWindow", "sign out"), self._controller.sign_out)

    @Slot()
    def _on_inspection_screen_zero_requested(self) -> None:
        self._call(QT_TRANSLATE_NOOP("MainWindow", "zero the scale"), self._devices.zero_scale)

    @Slot()
    def _on_inspection_screen_tare_requested(self) -> None:
        self._call(QT_TRANSLATE_NOOP("MainWindow", "tare the scale"), self._devices.tare_scale)

    @Slot()
    def _on_inspection_screen_override_requested(self) -> None:
        inspection = self._controller.current
        user = self._controller.user
        if inspection is None or inspection.verdict is None or user is None:
            self._show_error(self.tr("There is no verdict to override."))
            return
        try:
            users = self._controller.users()
        except Exception as exc:
            log.exception("could not list users")
            self._show_error(self.tr("Could not list the supervisors: %1").replace("%1", str(exc)))
            return
        supervisors = [
            u for u in users if u.role == "supervisor" and u.active and u.username != user.username
        ]
        self.override_screen.open_for(inspection, supervisors)
        self._set_screen(self.override_screen)
        self.override_screen.setFocus()

    @Slot(str, str, object, str)
    def _on_override_screen_override_requested(
        self, supervisor: str, pin: str, code: OverrideCode, text: str
    ) -> None:
        self._call(
            QT_TRANSLATE_NOOP("MainWindow", "record the override"),
            self._controller.request_override,
            supervisor,
            pin,
            code,
            text,
        )

    @Slot()
    def _on_history_screen_back_requested(self) -> None:
        self.show_screen("inspection")

    @Slot()
    def _on_override_screen_cancelled(self) -> None:
        self._show_inspection_screen()

    # ---- Internals -------------------------------------------------------------------------

    def _call(self, what: str, method: Callable[..., object], *args: object) -> None:
        """Call a service method; a failure is shown in place, never raised into Qt.

        ``what`` is English (logged as is) and marked for translation where it is written.
        """
        try:
            method(*args)
        except Exception as exc:
            log.exception("could not %s", what)
            self._show_error(
                self.tr("Could not %1: %2")
                .replace("%1", self.tr(what))
                .replace("%2", localise(str(exc)))
            )

    def _show_error(self, message: str) -> None:
        if self.current_screen is self.sign_in_screen:
            self.sign_in_screen.show_error(message)
        elif self.current_screen is self.override_screen:
            self.override_screen.show_refusal(message)
        elif self.history_screen is not None and self.current_screen is self.history_screen:
            self.history_screen.show_message(message)
        else:
            self.inspection_screen.show_message(message)

    def _show_inspection_screen(self) -> None:
        self._set_screen(self.inspection_screen)
        self.inspection_screen.identifiers.input.setFocus()

    def _show_sign_in(self) -> None:
        self._set_screen(self.sign_in_screen)
        self.sign_in_screen.setFocus()

    def _sign_in_burst(self, text: str) -> None:
        """A fast burst of keys on the sign-in screen: a badge, or a PIN typed very fast.

        A person does not type 30 ms apart, but a test robot or a PIN pad keyboard may: with
        a user chosen, a burst of PIN digits is taken as the PIN (OK if it ended on Enter).
        Anything else is a badge from a keyboard-wedge reader.
        """
        screen = self.sign_in_screen
        if screen.selected_username is not None and text.isdigit() and len(text) <= MAX_PIN_DIGITS:
            for digit in text:
                screen.enter_digit(digit)
            if self.wedge_filter.last_scan_terminated:
                screen.submit()
            return
        self._call(
            QT_TRANSLATE_NOOP("MainWindow", "read the badge"), self._controller.identify_badge, text
        )

    def _show_fault(self, kind: str, title: str, what: str, todo: str) -> None:
        current = self.current_screen
        if current is not self.fault_panel:
            self._screen_before_fault = current
        self.fault_panel.show_fault(kind, title, localise(what), todo)
        self._set_screen(self.fault_panel)
        self.fault_panel.retry_button.setFocus()

    def _dismiss_fault(self) -> None:
        self.fault_panel.show_fault("", "", "", "")
        back = self._screen_before_fault
        self._screen_before_fault = None
        if self._controller.user is None or self._controller.is_locked or back is None:
            self._show_sign_in()
            return
        for key, (widget, _perm) in self._screens.items():
            if widget is back and self.show_screen(key):
                return
        self._set_screen(back)

    def set_menu_open(self, open_: bool) -> None:
        """Show (``True``) or hide the navigation rail over the inspection screen."""
        self._menu_open = open_
        self._place_nav()
        if open_:
            buttons = [b for b in self.nav.buttons().values() if b.isChecked()]
            (buttons[0] if buttons else self.nav.sign_out_button).setFocus()

    def _place_nav(self) -> None:
        """The rail shows when signed in, except on the inspection screen unless opened."""
        active = self._nav_active
        on_inspection = self.current_screen is self.inspection_screen
        if not on_inspection:
            self._menu_open = False
        self.workspace.set_docked(active and not on_inspection)
        self.nav.setVisible(active and (self._menu_open or not on_inspection))
        self.menu_button.setVisible(active and on_inspection)
        self.menu_button.setChecked(self._menu_open)
        self.menu_button.setText(self.tr("Close menu") if self._menu_open else self.tr("Menu"))

    def _set_nav_active(self, active: bool) -> None:
        self._nav_active = active
        if not active:
            self._menu_open = False
        self._place_nav()
        self.nav.set_active(active)
        user = self._controller.user
        if active and user is not None:
            self.nav.title.setText(user.display_name)

    def _sync_nav(self) -> None:
        self._on_stack_current_changed(self.stack.currentIndex())

    def _set_screen(self, widget: QWidget) -> None:
        """Show a screen, whichever of the two stacks holds it."""
        if self.stack.indexOf(widget) >= 0:
            self.stack.setCurrentWidget(widget)
            return
        self.pages.setCurrentWidget(widget)
        self.stack.setCurrentWidget(self.workspace)

    def _title_inspection(self) -> str:
        return self.tr("Inspection")

    def _title_devices(self) -> str:
        return self.tr("Devices")

    def _title_history(self) -> str:
        return self.tr("History")

    def _title_sync(self) -> str:
        return self.tr("Data & sync")

    def _refresh_users(self) -> None:
        try:
            users = self._controller.users()
        except Exception as exc:
            log.exception("could not list users")
            self.sign_in_screen.set_users(())
            self.sign_in_screen.show_error(
                self.tr("Could not list the users: %1").replace("%1", str(exc))
            )
            return
        self.sign_in_screen.set_users(users)
        self.inspection_screen.set_display_names({u.username: u.display_name for u in users})


if __name__ == "__main__":
    from kiosk.ui.preview import preview_main_window

    preview_main_window()
