"""A Qt event filter that takes keyboard-wedge scans out of the key stream, whatever has focus."""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.wedge import (
    DEFAULT_IDLE_MS,
    DEFAULT_MAX_GAP_MS,
    DEFAULT_MIN_CHARS,
    GS,
    WedgeDecoder,
    WedgeOutput,
)

log = logging.getLogger(__name__)

_TERMINATOR_KEYS = {
    Qt.Key.Key_Return: "\r",
    Qt.Key.Key_Enter: "\r",
    Qt.Key.Key_Tab: "\t",
}
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


class WedgeFilter(QObject):
    """Install on a window (or the application): a fast burst of keys is a scan, kept from widgets.

    Key presses go to a pure ``WedgeDecoder``. Text keys are held back while they may be a
    scan; keys that turn out to be typing are sent on to the widget they were meant for, in
    order (at most ``max_gap_ms`` late). A recognised scan is swallowed with its Enter/Tab
    and emitted as ``scanned``. Keys with Ctrl/Alt/Meta (other than the GS a scanner sends
    as Ctrl+]) and keys without text end any held burst and pass through. While
    ``enabled`` is ``False`` every key passes untouched. With a ``scope`` widget, only keys
    meant for that widget or its descendants are looked at (another window is left alone).

    Installed on a top-level ``QWindow`` (``install(window.windowHandle())``), it sees every
    key, mouse and touch event of that window once, as the platform delivers it, and none of
    the paints, timers and layout events its widgets get: each event a Python filter sees
    takes the GIL, so an application-wide filter (thousands of events a second) stalled the
    GUI thread while another thread ran Python. A held key goes to the widget that had the
    focus when it was typed. Installed on the application, keys are taken at the widget they
    are sent to.

    Signals:
        scanned(str): The characters of a scan, without its terminator.
    """

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        scope: QWidget | None = None,
        max_gap_ms: float = DEFAULT_MAX_GAP_MS,
        min_chars: int = DEFAULT_MIN_CHARS,
        idle_ms: float = DEFAULT_IDLE_MS,
        clock_ms: Callable[[], float] = _monotonic_ms,
    ) -> None:
        """Create the filter (not installed yet).

        Args:
            parent: Owner; the filter is removed from the application when it is destroyed.
            scope: Only keys for this widget and its descendants (default: every widget).
            max_gap_ms: Longest pause between two keys of a scan.
            min_chars: Fewest characters that make a scan.
            idle_ms: Quiet time that ends a scan sent without Enter/Tab.
            clock_ms: Steady clock in ms (injected in tests).
        """
        super().__init__(parent)
        self._decoder = WedgeDecoder(max_gap_ms=max_gap_ms, min_chars=min_chars, idle_ms=idle_ms)
        self._clock_ms = clock_ms
        self._scope = scope
        self._held: deque[tuple[QObject, QKeyEvent]] = deque()
        self._terminating = False
        self.last_scan_terminated = False
        """Whether the last scan ended on Enter/Tab (else on a pause); set before ``scanned``."""
        self._replaying = False
        self._enabled = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._input_types: frozenset[QEvent.Type] = frozenset()
        self._on_input: Callable[[], None] | None = None
        self._target: QObject | None = None

    def watch_input(self, types: frozenset[QEvent.Type], on_input: Callable[[], None]) -> None:
        """Also call ``on_input`` for every event of ``types`` the filtered object gets.

        One filter instead of two (the idle lock's input watch rides here): each event a
        Python filter sees takes the GIL, which another thread running Python holds for up
        to a switch interval.
        """
        self._input_types = types
        self._on_input = on_input

    @property
    def enabled(self) -> bool:
        """Whether scans are being taken out of the key stream."""
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Turn scan detection on or off; turning it off releases any held keys."""
        if not enabled and self._enabled:
            self._apply(self._decoder.flush())
        self._enabled = enabled

    def install(self, target: QObject | None = None) -> None:
        """Start filtering ``target``'s events: a top-level ``QWindow``, or the application.

        Args:
            target: What to filter (default: the running application, every widget's keys).

        Raises:
            RuntimeError: No target and no application is running.
        """
        self.uninstall()
        found = target if target is not None else QCoreApplication.instance()
        if found is None:
            raise RuntimeError("the wedge filter needs a running QApplication")
        found.installEventFilter(self)
        self._target = found

    def uninstall(self) -> None:
        """Stop filtering (safe to call when not installed).

        Call it before the owner goes away: a filter that is reached while its Python wrapper
        is being collected can crash the interpreter.
        """
        target, self._target = self._target, None
        if target is not None and shiboken6.isValid(target):
            target.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Hold, swallow or pass one key press (everything else passes)."""
        # getattr: at interpreter exit Qt may still call a filter whose attributes are gone.
        kind = event.type()
        on_input = getattr(self, "_on_input", None)
        if on_input is not None and kind in self._input_types:
            on_input()
        if (
            getattr(self, "_replaying", True)
            or not getattr(self, "_enabled", False)
            or kind != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
        ):
            return False
        receiver = self._receiver(watched)
        if receiver is None:
            return False
        char = _char_of(event)
        if char is None:
            self._apply(self._decoder.flush())
            return False
        copy = QKeyEvent(
            event.type(),
            event.key(),
            event.modifiers(),
            event.text(),
            event.isAutoRepeat(),
            event.count(),
        )
        output = self._decoder.feed(char, self._clock_ms())
        self._terminating = char in "\r\t"
        try:
            self._apply(output)
        finally:
            self._terminating = False
        if char not in "\r\t":  # a text key is always held (the decoder never passes it)
            self._held.append((receiver, copy))
        self._schedule()
        return not output.passthrough

    # ---- Internals ---------------------------------------------------------------------------

    def _receiver(self, watched: QObject) -> QObject | None:
        """The widget a key press sent to ``watched`` is for, or ``None`` to leave it alone."""
        if isinstance(watched, QWindow):
            if watched is not self._target:
                return None
            # Where the window hands its keys (QWidgetWindow::focusObject).
            top = self._scope
            if top is None:
                return QApplication.focusWidget()
            if not shiboken6.isValid(top):
                return None
            return top.focusWidget() or top
        if isinstance(self._target, QWindow) or not watched.isWidgetType():
            # Taken at the window already; on the application, the window gets it first.
            return None
        return watched if self._in_scope(watched) else None

    def _in_scope(self, watched: QObject) -> bool:
        scope = self._scope
        if scope is None:
            return True
        if not shiboken6.isValid(scope) or not isinstance(watched, QWidget):
            return False
        return watched is scope or scope.isAncestorOf(watched)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._apply(self._decoder.poll(self._clock_ms()))
        self._schedule()

    def _schedule(self) -> None:
        deadline = self._decoder.deadline_ms()
        if deadline is None:
            self._timer.stop()
            return
        self._timer.start(max(0, math.ceil(deadline - self._clock_ms())) + 1)

    def _apply(self, output: WedgeOutput) -> None:
        """Deliver released keys, drop the keys of a scan and emit it."""
        for _ in range(len(output.release)):
            receiver, key_event = self._held.popleft()
            if not shiboken6.isValid(receiver):
                continue
            self._replaying = True
            try:
                QCoreApplication.sendEvent(receiver, key_event)
            finally:
                self._replaying = False
        if output.scan is not None:
            for _ in range(len(output.scan)):
                self._held.popleft()
            log.debug("wedge: scan of %d characters", len(output.scan))
            self.last_scan_terminated = self._terminating
            self.scanned.emit(output.scan)


def _char_of(event: QKeyEvent) -> str | None:
    """The character a key press stands for, or ``None`` for a key without text."""
    key = event.key()
    if key in _TERMINATOR_KEYS and not event.modifiers() & _COMMAND_MODIFIERS:
        return _TERMINATOR_KEYS[Qt.Key(key)]
    text = event.text()
    if len(text) != 1:
        return None
    if text == GS:
        return GS
    if event.modifiers() & _COMMAND_MODIFIERS or not text.isprintable():
        return None
    return text
