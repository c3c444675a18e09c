"""A serial port that opens lazily, frames lines, and turns every unplug into one error type."""

from __future__ import annotations

import logging
import termios
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import serial

from hardware.base import DeviceDisconnectedError, DeviceTimeoutError, FrameError

log = logging.getLogger(__name__)

DEFAULT_TERMINATORS: tuple[bytes, ...] = (b"\r\n", b"\n", b"\r")
"""CR LF, LF or CR: what scales and scanners send at the end of a line."""

BACKOFF_FIRST_S = 0.2
"""Wait before the first reconnect attempt after a failure."""

BACKOFF_MAX_S = 5.0
"""The longest wait between two reconnect attempts."""

_PARITIES = {
    "N": serial.PARITY_NONE,
    "E": serial.PARITY_EVEN,
    "O": serial.PARITY_ODD,
    "M": serial.PARITY_MARK,
    "S": serial.PARITY_SPACE,
}
_STOPBITS = {
    1.0: serial.STOPBITS_ONE,
    1.5: serial.STOPBITS_ONE_POINT_FIVE,
    2.0: serial.STOPBITS_TWO,
}

# An unplugged USB serial device surfaces as any of these three (hardware brief §0.2):
# SerialException from read/write, OSError from in_waiting, termios.error from flush/reset.
_LINK_ERRORS = (serial.SerialException, OSError, termios.error)


@dataclass(frozen=True, slots=True)
class SerialSettings:
    """Line settings of one serial port, passed to pyserial when the port opens.

    Attributes:
        port: Device path, e.g. ``/dev/ttyUSB0`` or a stable ``/dev/serial/by-id/...`` link.
        baudrate: Bits per second.
        bytesize: Data bits, 5 to 8.
        parity: ``N``, ``E``, ``O``, ``M`` or ``S``.
        stopbits: 1, 1.5 or 2.
        xonxoff: Software flow control.
        timeout_s: The longest single blocking read; ``read_line`` loops over such reads
            until its own deadline, so this is also how late it can return.
        write_timeout_s: How long a write may block before it fails.
        max_line_bytes: Longest line accepted; longer ones are discarded with a ``FrameError``.
    """

    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    xonxoff: bool = False
    timeout_s: float = 0.05
    write_timeout_s: float = 1.0
    max_line_bytes: int = 4096

    def __post_init__(self) -> None:
        """Reject settings no serial port can take, with a message naming the setting."""
        if not self.port:
            raise ValueError("serial port: no device path given")
        problems = [
            (self.baudrate <= 0, f"baudrate must be positive, got {self.baudrate}"),
            (self.bytesize not in (5, 6, 7, 8), f"bytesize must be 5-8, got {self.bytesize}"),
            (
                self.parity not in _PARITIES,
                f"parity must be one of N, E, O, M, S, got {self.parity!r}",
            ),
            (
                float(self.stopbits) not in _STOPBITS,
                f"stopbits must be 1, 1.5 or 2, got {self.stopbits}",
            ),
            (not 0 < self.timeout_s <= 5, f"timeout_s must be in (0, 5], got {self.timeout_s}"),
            (
                self.write_timeout_s <= 0,
                f"write_timeout_s must be positive, got {self.write_timeout_s}",
            ),
            (
                self.max_line_bytes < 16,
                f"max_line_bytes must be at least 16, got {self.max_line_bytes}",
            ),
        ]
        for failed, message in problems:
            if failed:
                raise ValueError(f"serial port {self.port}: {message}")


class SerialLink:
    """One serial port: lazy open, line framing, reconnect with back-off. Thread-safe.

    The port opens on first use. Any failure of the port (unplug, switch-off, vanished path)
    closes it, discards buffered input and raises ``DeviceDisconnectedError``; the next call
    opens it again by path, waiting 0.2 s after a failure, doubling to 5 s while opens keep
    failing, and back to no wait after a successful open. A wait never exceeds the timeout of
    the call that meets it: such a call raises ``DeviceDisconnectedError`` at its deadline.

    Line settings go to the pyserial constructor and are never changed on an open port (a pty
    and some USB adapters refuse that). One lock serialises all calls; a call blocks at most
    its own timeout (plus one ``timeout_s`` read slice), including any back-off wait.
    """

    def __init__(self, settings: SerialSettings) -> None:
        """Create the link; the port is not opened until it is first used.

        Args:
            settings: Line settings, including the device path.
        """
        self._settings = settings
        self._lock = threading.RLock()
        self._serial: serial.Serial | None = None
        self._buffer = bytearray()
        self._discarding = False
        self._pending_tail = b""
        self._backoff_s = 0.0
        self._next_attempt_at = 0.0

    # ---- Properties ----------------------------------------------------------------------

    @property
    def settings(self) -> SerialSettings:
        """The line settings this link opens its port with."""
        return self._settings

    @property
    def port(self) -> str:
        """The device path."""
        return self._settings.port

    @property
    def connected(self) -> bool:
        """Whether the port is open and has not failed since it was opened (never blocks)."""
        return self._serial is not None

    # ---- Public calls --------------------------------------------------------------------

    def open(self, timeout_s: float = 0.0) -> None:
        """Open the port now rather than on first use.

        Args:
            timeout_s: How long to wait for a pending reconnect back-off.

        Raises:
            DeviceDisconnectedError: The port cannot be opened.
        """
        with self._lock:
            self._ensure_open(time.monotonic() + timeout_s)

    def write(self, data: bytes) -> None:
        """Send bytes, blocking at most ``write_timeout_s``.

        Args:
            data: The bytes to send.

        Raises:
            DeviceDisconnectedError: The port is gone or cannot be opened.
            DeviceTimeoutError: The device did not take the bytes in time (flow control).
        """
        with self._lock:
            port = self._ensure_open(time.monotonic() + self._settings.write_timeout_s)
            try:
                written = port.write(data)
            except serial.SerialTimeoutException:
                raise DeviceTimeoutError(
                    f"{self.port}: the device did not accept data within "
                    f"{self._settings.write_timeout_s:g} s"
                ) from None
            except _LINK_ERRORS as exc:
                raise self._fail("writing", exc) from exc
            if written is not None and written != len(data):
                raise self._fail("writing", OSError(f"only {written} of {len(data)} bytes written"))

    def read_line(
        self, timeout_s: float, terminators: Sequence[bytes] = DEFAULT_TERMINATORS
    ) -> bytes | None:
        """The next complete line, without its terminator.

        Framing works on the link's own buffer: a line ends at the earliest terminator; where
        several match there, the longest wins (CR LF over CR). A CR at the end of the data
        so far ends the line at once, and an LF arriving next is then dropped, so CR LF never
        yields an extra empty line. Empty lines are returned as ``b""``.

        Args:
            timeout_s: How long to wait for a complete line.
            terminators: Byte strings that end a line.

        Returns:
            The line, or ``None`` if no complete line arrived in time (partial data stays
            buffered for the next call).

        Raises:
            DeviceDisconnectedError: The port is gone or cannot be opened.
            FrameError: A line longer than ``max_line_bytes``; the rest of it is discarded.
        """
        terms = tuple(t for t in terminators if t)
        if not terms:
            raise ValueError("read_line: at least one non-empty terminator is needed")
        deadline = time.monotonic() + max(0.0, timeout_s)
        with self._lock:
            port = self._ensure_open(deadline)
            while True:
                line = self._frame(terms)
                if line is not None:
                    return line
                if time.monotonic() >= deadline:
                    break
                self._fill(port)
            # At the deadline, take once what is already waiting (so timeout_s=0 still
            # returns a line that has arrived), but never keep reading a stream that flows on.
            if self._has_waiting(port):
                self._fill(port)
            return self._frame(terms)

    def drain(self, timeout_s: float = 0.0) -> None:
        """Discard buffered and pending input (stale replies, noise), opening the port if needed.

        Args:
            timeout_s: How long to wait for a pending reconnect back-off.

        Raises:
            DeviceDisconnectedError: The port is gone or cannot be opened.
        """
        with self._lock:
            port = self._ensure_open(time.monotonic() + timeout_s)
            self._buffer.clear()
            self._discarding = False
            self._pending_tail = b""
            try:
                port.reset_input_buffer()
                waiting = port.in_waiting
                if waiting:
                    port.read(waiting)
            except _LINK_ERRORS as exc:
                raise self._fail("discarding input", exc) from exc

    def close(self) -> None:
        """Close the port and forget buffered input; the next call opens it again at once."""
        with self._lock:
            self._close_port()
            self._backoff_s = 0.0
            self._next_attempt_at = 0.0

    def __enter__(self) -> SerialLink:
        """Use the link in a ``with`` block that closes it."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close the port."""
        self.close()

    def __repr__(self) -> str:
        """Port and state, for logs."""
        state = "connected" if self._serial is not None else "closed"
        return f"SerialLink({self.port!r}, {state})"

    # ---- Internals (called with the lock held) -------------------------------------------

    def _ensure_open(self, deadline: float) -> serial.Serial:
        if self._serial is not None:
            return self._serial
        now = time.monotonic()
        if now < self._next_attempt_at:
            wait_s = min(self._next_attempt_at, deadline) - now
            if wait_s > 0:
                time.sleep(wait_s)
            if time.monotonic() < self._next_attempt_at:
                raise DeviceDisconnectedError(
                    f"{self.port}: device not connected; retrying in "
                    f"{self._next_attempt_at - time.monotonic():.1f} s"
                )
        s = self._settings
        try:
            port = serial.Serial(
                port=s.port,
                baudrate=s.baudrate,
                bytesize=s.bytesize,
                parity=_PARITIES[s.parity],
                stopbits=_STOPBITS[float(s.stopbits)],
                xonxoff=s.xonxoff,
                timeout=s.timeout_s,
                write_timeout=s.write_timeout_s,
            )
        except _LINK_ERRORS as exc:
            self._schedule_retry()
            raise DeviceDisconnectedError(
                f"{self.port}: cannot open serial port ({_reason(exc)})"
            ) from exc
        self._serial = port
        self._backoff_s = 0.0
        self._next_attempt_at = 0.0
        self._buffer.clear()
        self._discarding = False
        self._pending_tail = b""
        log.info("%s: serial port opened", self.port)
        return port

    def _schedule_retry(self) -> None:
        self._backoff_s = (
            BACKOFF_FIRST_S if self._backoff_s <= 0 else min(self._backoff_s * 2, BACKOFF_MAX_S)
        )
        self._next_attempt_at = time.monotonic() + self._backoff_s

    def _fail(self, action: str, exc: BaseException) -> DeviceDisconnectedError:
        """Close the port after an error and build the error to raise."""
        log.warning("%s: serial port failed while %s: %s", self.port, action, exc)
        self._close_port()
        self._schedule_retry()
        return DeviceDisconnectedError(
            f"{self.port}: device disconnected while {action} ({_reason(exc)})"
        )

    def _close_port(self) -> None:
        port, self._serial = self._serial, None
        self._buffer.clear()
        self._discarding = False
        self._pending_tail = b""
        if port is not None:
            try:
                port.close()
            except _LINK_ERRORS as exc:  # closing a vanished device may fail too
                log.debug("%s: error while closing: %s", self.port, exc)

    def _has_waiting(self, port: serial.Serial) -> bool:
        try:
            return bool(port.in_waiting)
        except _LINK_ERRORS as exc:
            raise self._fail("reading", exc) from exc

    def _fill(self, port: serial.Serial) -> None:
        """Block up to ``timeout_s`` for input and append what came to the buffer."""
        try:
            chunk = port.read(1)
            if chunk:
                waiting = port.in_waiting
                if waiting:
                    chunk += port.read(min(waiting, self._settings.max_line_bytes * 2))
        except _LINK_ERRORS as exc:
            raise self._fail("reading", exc) from exc
        if not chunk:
            return
        if self._pending_tail:
            if chunk.startswith(self._pending_tail):
                chunk = chunk[len(self._pending_tail) :]
            self._pending_tail = b""
        self._buffer += chunk

    def _frame(self, terms: tuple[bytes, ...]) -> bytes | None:
        """Cut one line from the buffer, or ``None``; enforces the line length bound."""
        limit = self._settings.max_line_bytes
        while True:
            best_at, best_term = -1, b""
            for term in terms:
                at = self._buffer.find(term)
                if at < 0:
                    continue
                if best_at < 0 or at < best_at or (at == best_at and len(term) > len(best_term)):
                    best_at, best_term = at, term
            if best_at < 0:
                if len(self._buffer) > limit:
                    self._buffer.clear()
                    if not self._discarding:
                        self._discarding = True
                        raise FrameError(
                            f"{self.port}: line longer than {limit} bytes, discarded"
                        )
                return None
            line = bytes(self._buffer[:best_at])
            del self._buffer[: best_at + len(best_term)]
            if not self._buffer:
                # A terminator that may still grow (CR of a CR LF) ends the data so far:
                # drop the rest of the longer terminator if it comes next.
                longer = [t for t in terms if len(t) > len(best_term) and t.startswith(best_term)]
                self._pending_tail = longer[0][len(best_term) :] if longer else b""
            if self._discarding:
                # The end of an over-long line: already reported, drop it.
                self._discarding = False
                continue
            if len(line) > limit:
                raise FrameError(f"{self.port}: line longer than {limit} bytes, discarded")
            return line


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__
