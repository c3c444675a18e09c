"""Composition root: settings in, devices, services and the window built and wired, Qt run."""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import kiosk.qt_import  # noqa: F401  # isort: skip  (first: see its docstring)
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from kiosk.services.devices import DeviceHub
from kiosk.services.history import HistoryService
from kiosk.services.inspection import InspectionController
from kiosk.services.simulation import SimulatedPost, sample_parcels
from kiosk.settings import Settings
from kiosk.ui import i18n
from kiosk.ui.main_window import MainWindow
from kiosk.ui.ports import SettingsView
from kiosk.ui.simulator_panel import SimulatorPanel
from kiosk.ui.theme import apply_stylesheet, kiosk_font

if TYPE_CHECKING:
    from kiosk.services.sync import SyncService

log = logging.getLogger(__name__)

APP_DISPLAY_NAME = "Inspection Kiosk"

GIL_SWITCH_INTERVAL_S = 0.00015
"""How long a thread running Python keeps the GIL while another waits (Python's default 5 ms).

The GUI thread takes the GIL for every Qt event that reaches Python code (slots, event filters,
painted widgets, size hints): one screen update reaches Python 20-40 times, and while the task
thread runs Python (the store, the checks, the slip) each of those waited up to this long.
Measured with ``benchmarks/gui_stall.py``, 27-parcel shifts, 2-core machine:

* 5 ms to 1 ms: the GIL-blocked part of the five longest stalls fell from ~43 to ~32 ms;
* 1 ms to 0.15 ms: stalls over 30 ms fell from 11-33 to 1-2 a shift, the blocked part of the
  longest ones from 25-50 ms to under 13 ms; the longest stalls left are the GUI thread's own
  CPU. ``benchmarks/verdict_latency.py`` did not change measurably (medians 112-139 ms at
  1 ms, 124-132 ms at 0.15 ms, either way noisy): a handover costs microseconds, and only
  happens when another thread is waiting."""


X11_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0"
)
"""The Debian/Ubuntu packages Qt's X11 platform plugin loads (``.ci/system-deps`` installs
them); a desktop often lacks one or two, ``libxcb-cursor0`` most of all."""


class DisplayError(RuntimeError):
    """The screen cannot be used (its message says what to install)."""


def x11_problem(plugins: Path | None = None) -> str | None:
    """Why Qt's X11 platform plugin cannot be loaded here, or ``None`` when it can.

    Loading the plugin's library the way Qt will shows a missing system library at once
    (``libxcb-icccm.so.4: cannot open shared object file``); Qt itself would print "no Qt
    platform plugin could be initialized" and abort the process.

    Args:
        plugins: Qt's plugin folder (default: the one of the Qt in use).
    """
    if not sys.platform.startswith("linux"):
        return None
    if plugins is None:
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    plugin = plugins / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return None  # not the layout of the PySide6 wheels: Qt will say what is wrong
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        # "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
        missing, _, why = str(exc).partition(": cannot open shared object file")
        return f"{missing} is not installed" if why else str(exc)
    return None


def x11_unreachable(display: str) -> bool:
    """True when no X server answers at ``display`` (Qt would abort: "could not connect")."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return False  # the plugin check names what is missing
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(xcb.xcb_connection_has_error(connection))
    finally:
        xcb.xcb_disconnect(connection)


def application() -> QApplication:
    """The process's QApplication, created (with the kiosk font) on first use.

    The style sheet is applied by :class:`Kiosk` once its window is built (see
    :func:`~kiosk.ui.theme.apply_stylesheet`).

    Raises:
        DisplayError: An X11 display is set but Qt's X11 plugin cannot load (a system
            library is missing) or no X server answers there: said in one line (with the
            packages to install), instead of Qt aborting the process.
    """
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif os.environ.get("QT_QPA_PLATFORM", "xcb") == "xcb" and not os.environ.get(
        "WAYLAND_DISPLAY"
    ):
        display = os.environ["DISPLAY"]
        problem = x11_problem()
        if problem is not None:
            raise DisplayError(
                f"the display {display} cannot be used: Qt's X11 support needs "
                f"a system library ({problem}). Install Qt's X11 libraries: make system-deps, "
                f"or sudo apt-get install {X11_PACKAGES}"
            )
        if x11_unreachable(display):
            raise DisplayError(
                f"the display {display} cannot be reached: no X server answers there (is the "
                "desktop session running, and DISPLAY set to it?)"
            )
    app = QApplication(sys.argv[:1])
    app.setApplicationName("inspection-kiosk")
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setFont(kiosk_font())
    return app


QUIET_COLLECT_DELAY_MS = 500
"""After a sign-out or the idle lock, when the full collection runs (the screen is drawn)."""


class GuiThreadCollector:
    """Python's cyclic garbage collection run on the GUI thread only, from a timer.

    Left automatic, a collection starts on whichever thread happens to allocate, and may then
    destroy Qt objects (widgets of a closed screen, say) on a device or task thread, which
    crashes Qt. While the kiosk runs, automatic collection is off and this timer collects the
    generations whose thresholds are passed, on the GUI thread.
    """

    def __init__(
        self, interval_ms: int = 500, *, quiet: Callable[[], bool] = lambda: True
    ) -> None:
        """Create the collector (not started).

        Args:
            interval_ms: How often the generations' counts are looked at.
            quiet: Whether nobody waits on the screen now (for ``collect_soon``).
        """
        self._is_quiet = quiet
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._was_enabled = gc.isenabled()
        self._quiet = QTimer()
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_COLLECT_DELAY_MS)
        self._quiet.timeout.connect(self._on_quiet_timeout)

    def start(self) -> None:
        """Turn automatic collection off and start collecting from the timer."""
        gc.disable()
        self._timer.start()

    def freeze(self) -> None:
        """Leave every object alive now out of later collections (``gc.freeze``).

        Called once the kiosk is started and again after the warm-up: modules, classes, the
        window and the services live as long as the kiosk, and scanning them made each
        collection on the GUI thread long (a full one 115-140 ms, the first generation-1 one
        after the warm-up ~80 ms). Collections then walk only what was made since. Garbage
        present at that moment stays (once, a bounded amount); ``stop`` unfreezes.
        """
        gc.freeze()

    def collect_soon(self) -> None:
        """``collect_all`` a moment from now (once the sign-in or lock screen is drawn), if it
        is still quiet then (nobody signed in meanwhile)."""
        if self._timer.isActive():
            self._quiet.start()

    def _on_quiet_timeout(self) -> None:
        if self._is_quiet():
            self.collect_all()

    def stop(self) -> None:
        """Stop the timer and give collection back to Python as it was (nothing left frozen)."""
        self._timer.stop()
        self._quiet.stop()
        gc.unfreeze()
        if self._was_enabled:
            gc.enable()

    def collect_all(self) -> None:
        """Collect everything, frozen objects too, then freeze what is left (a quiet moment).

        Called when nobody waits on the screen (sign-out, the idle lock): objects frozen
        while alive and garbage since are reclaimed here, so freezing never keeps garbage
        for longer than a session. Takes 100-300 ms.
        """
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def _on_timer_timeout(self) -> None:
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        if counts[2] > thresholds[2]:
            # What survives a full collection is long-lived: frozen, the next full one walks
            # only what came since (each walked every unfrozen object: 20-100 ms mid-shift).
            gc.collect(2)
            gc.freeze()
            return
        for generation in (1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


# Harmless messages of Qt's offscreen platform, kept out of the log.
_QT_NOISE = ("This plugin does not support propagateSizeHints()",)

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _on_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if message in _QT_NOISE:
        return
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def route_qt_messages_to_log() -> None:
    """Send Qt's own messages to the log file instead of the terminal (not used under tests)."""
    qInstallMessageHandler(_on_qt_message)


class Kiosk:
    """The running kiosk: device hub, inspection controller and main window, wired together.

    Args:
        settings: The effective settings.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        self.app = application()
        i18n.install(settings.kiosk.language)
        self.devices = DeviceHub(settings)
        self.controller = InspectionController(settings, self.devices)
        controller = self.controller
        self.collector = GuiThreadCollector(
            quiet=lambda: controller.user is None or controller.is_locked
        )
        self.collector.start()
        self.controller.warmed_up.connect(self.collector.freeze)
        # Quiet moments for a full collection: after a sign-out, at the idle lock. (Not at
        # start-up: a full collection then held up the first sign-in by 100-200 ms.)
        self.controller.signed_out.connect(self.collector.collect_soon)
        self.controller.locked.connect(self.collector.collect_soon)
        self.history = HistoryService(settings, self.devices)
        # Data in and records out through the hub, only when one is configured.
        self.sync: SyncService | None = None
        if settings.sync.hub_url:
            # Imported here: the TUF client and HTTP stack cost ~150 ms of start-up, and an
            # offline post never needs them.
            from kiosk.services.sync import SyncService

            self.sync = SyncService(settings)
            self.controller.inspection_changed.connect(
                self.sync._on_controller_inspection_changed
            )
            # A bundle the sync applied is used by the checks at once, not after a restart.
            self.sync.data_changed.connect(self.controller._on_sync_data_changed)
        self.window = MainWindow(
            self.controller,
            self.devices,
            SettingsView.from_settings(settings),
            sync=self.sync,
            wedge_max_gap_ms=float(settings.reader.wedge_gap_ms),
            history=self.history,
            language=settings.kiosk.language,
        )
        apply_stylesheet(self.app)  # after the window is built: see apply_stylesheet
        self.panel: SimulatorPanel | None = None
        self._stopped = False

    def start(self, wait_s: float = 0.0) -> None:
        """Start the device threads and open the database in the task thread.

        Args:
            wait_s: Block up to this long for the database (0: return at once; the sign-in
                screen lists the users when the controller says it is ready).
        """
        self.devices.start()
        self.controller.start(wait_s=wait_s)
        if self.sync is not None:
            self.sync.start()
        self.collector.freeze()  # the window, services and modules stay as long as the kiosk

    def stop(self) -> None:
        """Finish queued steps, close the database, stop and join every thread. Idempotent."""
        if self._stopped:
            return
        self._stopped = True
        if self.sync is not None:
            self.sync.shutdown()
        self.controller.shutdown()
        self.history.shutdown()
        self.devices.stop()
        if self.panel is not None:
            self.panel.close()
        self.window.shutdown()  # closes even in kiosk mode
        # Free what the stopped services leave behind now, on this thread, rather than at
        # whatever moment the garbage collector would pick later (unfrozen first).
        self.collector.stop()
        gc.collect()


def show_simulator_panel(kiosk: Kiosk, post: SimulatedPost) -> SimulatorPanel | None:
    """Show the panel that plays sample parcels, when the scale or the scanner is simulated."""
    if not post.available:
        return None
    panel = SimulatorPanel(post)
    panel.resize(560, 760)
    frame = kiosk.window.frameGeometry()
    screen = kiosk.window.screen().availableGeometry()
    if frame.right() + 20 + panel.width() <= screen.right():
        panel.move(frame.right() + 20, frame.top())  # beside the kiosk, not over it
    panel.show()
    kiosk.panel = panel
    return panel


SIGNAL_CHECK_MS = 250
"""How often Python gets the chance to run a signal handler while Qt's event loop waits."""


def quit_on_signals(app: QApplication) -> None:
    """End the kiosk on SIGINT (Ctrl-C in a terminal) and SIGTERM (the service stopped) as
    closing it does: queued steps finished, devices closed, the log written.

    Left to Python's defaults, Ctrl-C raised ``KeyboardInterrupt`` inside whichever slot ran
    next, which printed a traceback and went on, and SIGTERM ended the process on the spot.
    Python runs a handler only when it next runs Python code, wherever that is, so the handler
    only notes the signal, and a timer quits from the event loop itself rather than from inside
    whatever slot happened to be running.
    """
    received: list[int] = []

    def _on_signal(signum: int, _frame: object) -> None:
        received.append(signum)

    def _on_wake_timeout() -> None:
        if received:
            log.info("%s received: stopping", signal.Signals(received[0]).name)
            wake.stop()
            app.quit()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _on_signal)
    wake = QTimer(app)
    wake.timeout.connect(_on_wake_timeout)
    wake.start(SIGNAL_CHECK_MS)


def run(settings: Settings) -> int:
    """Open the kiosk window and run until it is closed; the process exit status."""
    route_qt_messages_to_log()
    kiosk = Kiosk(settings)
    quit_on_signals(kiosk.app)
    kiosk.app.aboutToQuit.connect(kiosk.stop)
    kiosk.start()
    kiosk.window.present()
    show_simulator_panel(kiosk, SimulatedPost(kiosk.devices, sample_parcels()))
    log.info("kiosk started: post %s, kiosk %s", settings.kiosk.post, settings.kiosk.kiosk_id)
    status = kiosk.app.exec()
    kiosk.stop()
    return status
