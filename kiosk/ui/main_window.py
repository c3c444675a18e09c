"""MainWindow: the sign-in and inspection screens over the status bar, wired to the services."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QHideEvent, QImage, QShowEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.models import (
    Declaration,
    Inspection,
    KpCertificate,
    OverrideCode,
    User,
    WeightReading,
)
from kiosk.domain.wedge import DEFAULT_MAX_GAP_MS
from kiosk.ui.formatting import utc_now
from kiosk.ui.ports import ControllerPort, DataVersionLike, DevicesPort, SettingsView
from kiosk.ui.screens.inspection import InspectionScreen
from kiosk.ui.screens.override import OverrideScreen
from kiosk.ui.screens.sign_in import SignInScreen
from kiosk.ui.wedge_filter import WedgeFilter
from kiosk.ui.widgets.message_area import MessageKind
from kiosk.ui.widgets.status_bar import StatusBar

log = logging.getLogger(__name__)

DESIGN_WIDTH_PX = 1280
DESIGN_HEIGHT_PX = 800


class MainWindow(QMainWindow):
    """The kiosk window: a stack of screens above the status bar.

    It shows the sign-in screen until the controller reports ``signed_in``, then the
    inspection screen until ``signed_out``. Services' signals go to screen slots; the
    screens' intents go to service methods. A service method that raises does not crash
    the kiosk: its message is shown in place and the error is logged.

    Args:
        controller: The inspection controller (see ``kiosk.ui.ports.ControllerPort``).
        devices: The device hub (see ``kiosk.ui.ports.DevicesPort``).
        settings_view: The settings the UI needs.
        clock: The source of "now" for the data age (UTC).
        wedge_max_gap_ms: Longest gap between two keys of a keyboard-wedge scan.
    """

    def __init__(
        self,
        controller: ControllerPort,
        devices: DevicesPort,
        settings_view: SettingsView,
        *,
        clock: Callable[[], datetime] = utc_now,
        wedge_max_gap_ms: float = DEFAULT_MAX_GAP_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._devices = devices
        self._settings = settings_view
        self.setWindowTitle(f"Inspection Kiosk \u2014 {settings_view.post_name}")
        if settings_view.fullscreen:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)

        self.sign_in_screen = SignInScreen()
        self.inspection_screen = InspectionScreen(tolerance_ct=settings_view.carat_tolerance_ct)
        self.override_screen = OverrideScreen()
        self.status_bar = StatusBar(
            settings_view.post_name,
            settings_view.kiosk_id,
            max_data_age_h=settings_view.max_data_age_h,
            clock=clock,
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.sign_in_screen)
        self.stack.addWidget(self.inspection_screen)
        self.stack.addWidget(self.override_screen)

        root = QWidget()
        root.setObjectName("KioskRoot")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_bar)
        self.setCentralWidget(root)
        self.resize(DESIGN_WIDTH_PX, DESIGN_HEIGHT_PX)

        # Keyboard-wedge scans are taken out of the key stream whatever has focus, but only on
        # the inspection screen: a PIN typed quickly on the sign-in screen stays a PIN.
        self.wedge_filter = WedgeFilter(self, scope=self, max_gap_ms=wedge_max_gap_ms)
        self.wedge_filter.set_enabled(False)
        # Installed on the application only while the window is shown (showEvent/hideEvent),
        # so a closed or deleted window leaves no application-wide filter behind.

        self._connect()
        self._refresh_users()
        user = controller.user
        if user is None:
            self._show_sign_in()
        else:
            self._on_controller_signed_in(user)

    # ---- Qt events -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Take keyboard-wedge scans while the window is on screen."""
        self.wedge_filter.uninstall()  # never twice
        self.wedge_filter.install()
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
        assert widget is not None
        return widget

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

        d = self._devices
        d.weight_changed.connect(self._on_devices_weight_changed)
        d.frame_ready.connect(self._on_devices_frame_ready)
        d.device_state_changed.connect(self._on_devices_device_state_changed)

        s = self.sign_in_screen
        s.sign_in_requested.connect(self._on_sign_in_screen_sign_in_requested)

        i = self.inspection_screen
        i.identifier_typed.connect(self._on_inspection_screen_identifier_typed)
        i.check_requested.connect(self._on_inspection_screen_check_requested)
        i.print_requested.connect(self._on_inspection_screen_print_requested)
        i.next_requested.connect(self._on_inspection_screen_next_requested)
        i.sign_out_requested.connect(self._on_inspection_screen_sign_out_requested)
        i.zero_requested.connect(self._on_inspection_screen_zero_requested)
        i.tare_requested.connect(self._on_inspection_screen_tare_requested)
        i.override_requested.connect(self._on_inspection_screen_override_requested)

        o = self.override_screen
        o.override_requested.connect(self._on_override_screen_override_requested)
        o.cancelled.connect(self._on_override_screen_cancelled)

        self.wedge_filter.scanned.connect(self._on_wedge_filter_scanned)
        self.stack.currentChanged.connect(self._on_stack_current_changed)

    # ---- Controller → screens --------------------------------------------------------------

    @Slot(object)
    def _on_controller_signed_in(self, user: User) -> None:
        self.status_bar.set_user(user)
        self.sign_in_screen.reset()
        self.inspection_screen.show_inspection(self._controller.current)
        self.stack.setCurrentWidget(self.inspection_screen)
        self.inspection_screen.identifiers.input.setFocus()

    @Slot(str)
    def _on_controller_sign_in_failed(self, message: str) -> None:
        self.sign_in_screen.show_error(message)

    @Slot()
    def _on_controller_ready(self) -> None:
        self._refresh_users()

    @Slot()
    def _on_controller_signed_out(self) -> None:
        self.status_bar.set_user(None)
        self.inspection_screen.show_inspection(None)
        self._refresh_users()
        self._show_sign_in()

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
        self.inspection_screen.show_message(f"Slip printed: {where}", MessageKind.INFO)

    @Slot(str)
    def _on_controller_print_failed(self, message: str) -> None:
        self.inspection_screen.show_message(f"Printing failed: {message}")

    @Slot(str)
    def _on_controller_error_occurred(self, message: str) -> None:
        self._show_error(message)

    @Slot(object)
    def _on_controller_data_status_changed(self, data: DataVersionLike | None) -> None:
        self.status_bar.set_data_version(data)

    @Slot(bool)
    def _on_controller_busy_changed(self, busy: bool) -> None:
        self.inspection_screen.set_busy(busy)
        self.status_bar.set_busy(busy)

    @Slot(object)
    def _on_controller_override_recorded(self, inspection: Inspection) -> None:
        self.inspection_screen.show_inspection(inspection)
        if self.stack.currentWidget() is self.override_screen:
            self._show_inspection_screen()
        note = self.inspection_screen.override_text() or "Override recorded"
        self.inspection_screen.show_message(
            f"{note}. The slip now carries both names: press Print slip.", MessageKind.INFO
        )

    @Slot(str)
    def _on_controller_override_refused(self, message: str) -> None:
        if self.stack.currentWidget() is self.override_screen:
            self.override_screen.show_refusal(message)
        else:
            self._show_error(f"Override refused: {message}")

    # ---- Devices → screens -----------------------------------------------------------------

    @Slot(object)
    def _on_devices_weight_changed(self, reading: WeightReading) -> None:
        self.inspection_screen.show_weight(reading)

    @Slot(QImage)
    def _on_devices_frame_ready(self, image: QImage) -> None:
        if self.stack.currentWidget() is self.inspection_screen:
            self.inspection_screen.show_frame(image)

    @Slot(str, str, str)
    def _on_devices_device_state_changed(self, device: str, state: str, detail: str) -> None:
        self.status_bar.set_device_state(device, state, detail)
        self.inspection_screen.show_device_state(device, state, detail)

    # ---- Screens → services ----------------------------------------------------------------

    @Slot(str, str)
    def _on_sign_in_screen_sign_in_requested(self, username: str, pin: str) -> None:
        self._call("sign in", self._controller.sign_in, username, pin)

    @Slot(str)
    def _on_wedge_filter_scanned(self, text: str) -> None:
        self._call("add the identifier", self._controller.add_typed_identifier, text)

    @Slot(int)
    def _on_stack_current_changed(self, index: int) -> None:
        self.wedge_filter.set_enabled(self.stack.widget(index) is self.inspection_screen)

    @Slot(str)
    def _on_inspection_screen_identifier_typed(self, text: str) -> None:
        self._call("add the identifier", self._controller.add_typed_identifier, text)

    @Slot()
    def _on_inspection_screen_check_requested(self) -> None:
        self._call("check the parcel", self._controller.check_now)

    @Slot()
    def _on_inspection_screen_print_requested(self) -> None:
        self._call("print the slip", self._controller.print_slip)

    @Slot()
    def _on_inspection_screen_next_requested(self) -> None:
        self._call("start the next parcel", self._controller.next_parcel)

    @Slot()
    def _on_inspection_screen_sign_out_requested(self) -> None:
        self._call("sign out", self._controller.sign_out)

    @Slot()
    def _on_inspection_screen_zero_requested(self) -> None:
        self._call("zero the scale", self._devices.zero_scale)

    @Slot()
    def _on_inspection_screen_tare_requested(self) -> None:
        self._call("tare the scale", self._devices.tare_scale)

    @Slot()
    def _on_inspection_screen_override_requested(self) -> None:
        inspection = self._controller.current
        user = self._controller.user
        if inspection is None or inspection.verdict is None or user is None:
            self._show_error("There is no verdict to override.")
            return
        try:
            users = self._controller.users()
        except Exception as exc:
            log.exception("could not list users")
            self._show_error(f"Could not list the supervisors: {exc}")
            return
        supervisors = [
            u for u in users if u.role == "supervisor" and u.active and u.username != user.username
        ]
        self.override_screen.open_for(inspection, supervisors)
        self.stack.setCurrentWidget(self.override_screen)
        self.override_screen.setFocus()

    @Slot(str, str, object, str)
    def _on_override_screen_override_requested(
        self, supervisor: str, pin: str, code: OverrideCode, text: str
    ) -> None:
        self._call(
            "record the override", self._controller.request_override, supervisor, pin, code, text
        )

    @Slot()
    def _on_override_screen_cancelled(self) -> None:
        self._show_inspection_screen()

    # ---- Internals -------------------------------------------------------------------------

    def _call(self, what: str, method: Callable[..., object], *args: object) -> None:
        """Call a service method; a failure is shown in place, never raised into Qt."""
        try:
            method(*args)
        except Exception as exc:
            log.exception("could not %s", what)
            self._show_error(f"Could not {what}: {exc}")

    def _show_error(self, message: str) -> None:
        if self.stack.currentWidget() is self.sign_in_screen:
            self.sign_in_screen.show_error(message)
        elif self.stack.currentWidget() is self.override_screen:
            self.override_screen.show_refusal(message)
        else:
            self.inspection_screen.show_message(message)

    def _show_inspection_screen(self) -> None:
        self.stack.setCurrentWidget(self.inspection_screen)
        self.inspection_screen.identifiers.input.setFocus()

    def _show_sign_in(self) -> None:
        self.stack.setCurrentWidget(self.sign_in_screen)
        self.sign_in_screen.setFocus()

    def _refresh_users(self) -> None:
        try:
            users = self._controller.users()
        except Exception as exc:
            log.exception("could not list users")
            self.sign_in_screen.set_users(())
            self.sign_in_screen.show_error(f"Could not list the users: {exc}")
            return
        self.sign_in_screen.set_users(users)
        self.inspection_screen.set_display_names({u.username: u.display_name for u in users})


if __name__ == "__main__":
    from kiosk.ui.preview import preview_main_window

    preview_main_window()
