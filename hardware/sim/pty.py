"""A simulated serial device on a pseudo-terminal that can be unplugged and plugged back in."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import select
import termios
import threading
import time
import tty
from collections import deque
from pathlib import Path
from types import TracebackType
from typing import Self

log = logging.getLogger(__name__)

MAX_COMMAND_BYTES = 4096
"""Longest command line the simulator buffers; longer input is dropped."""

RECEIVED_KEPT = 1000
"""How many of the latest command lines ``received`` keeps (for tests and diagnostics)."""


class PtyDevice:
    """A device on the master side of a pty; a driver opens the slave path like a real port.

    The pty is made raw before any use (a fresh pty echoes and rewrites CR/LF). A thread
    (not a daemon; ``stop`` joins it) waits on the master and hands each complete command line
    to ``handle``. ``unplug`` closes the master, which gives the driver the same errors as a
    USB unplug; ``replug`` puts a new pty behind the same symlink, as udev does with
    ``/dev/serial/by-id``. Subclasses implement ``handle`` and answer with ``send``.

    Simulators stand in for devices, so they may start threads; drivers never do.
    """

    def __init__(
        self,
        link_path: str | os.PathLike[str] | None = None,
        byte_delay_s: float = 0.0,
        name: str = "device",
    ) -> None:
        """Describe the device; nothing is created until ``start``.

        Args:
            link_path: A stable symlink to the slave (a stand-in for ``/dev/serial/by-id``);
                without one, ``port`` is the slave path, which changes on replug.
            byte_delay_s: Pause after each byte sent, to mimic baud pacing (9600 baud is
                about 0.00104 s a byte); 0 sends at once.
            name: For the thread name and logs.
        """
        self.link_path = Path(link_path) if link_path is not None else None
        self.byte_delay_s = byte_delay_s
        self.name = name
        self.received: deque[bytes] = deque(maxlen=RECEIVED_KEPT)
        self._lock = threading.RLock()
        self._master: int | None = None
        self._slave: int | None = None
        self._slave_path = ""
        self._generation = 0
        self._stop = threading.Event()
        self._passes = 0
        self._passes_changed = threading.Condition()
        self._wake_r, self._wake_w = -1, -1
        self._thread: threading.Thread | None = None

    # ---- To override ---------------------------------------------------------------------

    def handle(self, line: bytes) -> None:
        """Answer one complete command line (terminator removed). The base ignores it.

        Args:
            line: The command as received.
        """

    def take_commands(self, pending: bytearray) -> list[bytes]:
        """Cut complete commands off the front of ``pending`` (CR/LF lines by default).

        Binary protocols override this to frame their own commands; what is cut off goes to
        ``handle`` one by one, what stays waits for more bytes.

        Args:
            pending: Bytes received and not yet handled; consumed bytes are removed.

        Returns:
            The complete commands, in order.
        """
        return _split_lines(pending)

    # ---- Public --------------------------------------------------------------------------

    @property
    def port(self) -> str:
        """The path a driver opens: the symlink if there is one, else the slave path."""
        if self.link_path is not None:
            return str(self.link_path)
        return self._slave_path

    @property
    def plugged(self) -> bool:
        """Whether the pty is there (started and not unplugged)."""
        with self._lock:
            return self._master is not None

    def start(self) -> str:
        """Create the pty and start the thread.

        Returns:
            The port path to open.
        """
        if self._thread is not None:
            raise RuntimeError(f"{self.name}: simulator already started")
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)
        self._plug()
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"{self.name}-sim", daemon=False
        )
        self._thread.start()
        return self.port

    def unplug(self) -> None:
        """Close the pty, as if the USB cable were pulled; the symlink disappears too.

        Returns once the thread has let go of the old pty: a ``select`` still waiting on a
        closed fd keeps the pty alive, and the driver would not yet see the unplug.
        """
        with self._lock:
            self._close_pty()
        self._settle()

    def replug(self) -> str:
        """Create a new pty behind the same symlink (unplugging first if needed).

        Returns:
            The port path to open.
        """
        with self._lock:
            self._close_pty()
        self._settle()
        with self._lock:
            self._plug()
        self._wake()
        return self.port

    def send(self, data: bytes) -> bool:
        """Write bytes to the driver side, paced by ``byte_delay_s``.

        Args:
            data: What the device sends.

        Returns:
            Whether the bytes went out (``False`` when unplugged or the line is full).
        """
        if self.byte_delay_s <= 0:
            return self._write(data)
        for i in range(len(data)):
            if not self._write(data[i : i + 1]):
                return False
            time.sleep(self.byte_delay_s)
        return True

    def restore_line_settings(self) -> None:
        """Put the port back to the line settings of a fresh raw pty (38400 baud, 8 bits).

        A pty takes only 8N1 and refuses (EINVAL) a change of nothing but data bits or
        parity, which is what a driver reopening it at 7E1 asks once the speed is already
        set. Restoring after each command lets drivers reopen the port as they would a real
        one. Harmless while a driver has it open (pyserial does not read settings back).
        """
        with self._lock:
            if self._slave is None:
                return
            try:
                attrs = termios.tcgetattr(self._slave)
                attrs[2] = (attrs[2] & ~(termios.CSIZE | termios.PARENB)) | termios.CS8
                attrs[4] = attrs[5] = termios.B38400
                termios.tcsetattr(self._slave, termios.TCSANOW, attrs)
            except (OSError, termios.error) as exc:
                log.debug("%s: cannot restore line settings: %s", self.name, exc)

    def inject_noise(self, data: bytes) -> bool:
        """Put arbitrary bytes on the line now (line noise, a half frame, a stray byte).

        Args:
            data: The bytes.

        Returns:
            Whether they went out.
        """
        return self.send(data)

    def pause(self, seconds: float) -> bool:
        """Sleep in ``handle`` (a device taking its time), cut short by ``stop``.

        Args:
            seconds: How long to wait.

        Returns:
            Whether the wait ran its full length (``False`` when stopping).
        """
        return not self._stop.wait(seconds)

    def stop(self) -> None:
        """Stop the thread, close the pty and remove the symlink. Safe to call twice."""
        self._stop.set()
        self._wake()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=5.0)
            if thread.is_alive():  # pragma: no cover - would be a bug in _run
                raise RuntimeError(f"{self.name}: simulator thread did not stop")
        with self._lock:
            self._close_pty()
        for fd in (self._wake_r, self._wake_w):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._wake_r, self._wake_w = -1, -1

    def __enter__(self) -> Self:
        """Start the simulator for a ``with`` block."""
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop the simulator."""
        self.stop()

    # ---- Internals -----------------------------------------------------------------------

    def _plug(self) -> None:
        master, slave = os.openpty()
        tty.setraw(slave)  # before anything is written: a cooked pty echoes and maps CR/LF
        os.set_blocking(master, False)
        self._master, self._slave = master, slave
        # The slave stays open here so the master never reads EIO while no driver is attached.
        self._slave_path = os.ttyname(slave)
        self._generation += 1
        if self.link_path is not None:
            tmp = self.link_path.with_name(f".{self.link_path.name}.{os.getpid()}.tmp")
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            os.symlink(self._slave_path, tmp)
            os.replace(tmp, self.link_path)
        log.debug("%s: plugged in at %s", self.name, self._slave_path)

    def _close_pty(self) -> None:
        if self.link_path is not None:
            with contextlib.suppress(FileNotFoundError):
                self.link_path.unlink()
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        if self._master is not None:
            log.debug("%s: unplugged", self.name)
        self._master = self._slave = None

    def _settle(self) -> None:
        """Wake the thread and wait until it has begun a new pass of its loop."""
        thread = self._thread
        if thread is None or thread is threading.current_thread() or not thread.is_alive():
            return
        with self._passes_changed:
            seen = self._passes
            self._wake()
            self._passes_changed.wait_for(
                lambda: self._passes > seen or self._stop.is_set(), timeout=2.0
            )

    def _wake(self) -> None:
        if self._wake_w >= 0:
            with contextlib.suppress(OSError):  # the pipe may be full: it is awake anyway
                os.write(self._wake_w, b"x")

    def _write(self, data: bytes) -> bool:
        with self._lock:
            if self._master is None:
                return False
            try:
                written = os.write(self._master, data)
            except BlockingIOError:
                log.debug("%s: line full, %d bytes dropped", self.name, len(data))
                return False
            except OSError as exc:
                log.debug("%s: write failed: %s", self.name, exc)
                return False
            return written == len(data)

    def _run(self) -> None:
        pending = bytearray()
        generation = -1
        while not self._stop.is_set():
            with self._passes_changed:
                self._passes += 1
                self._passes_changed.notify_all()
            with self._lock:
                master, current = self._master, self._generation
            if current != generation:
                pending.clear()
                generation = current
            watched = [self._wake_r] if master is None else [self._wake_r, master]
            try:
                ready, _, _ = select.select(watched, [], [], 0.5)
            except (OSError, ValueError):  # the master was closed under us: look again
                continue
            if self._wake_r in ready:
                with contextlib.suppress(BlockingIOError):
                    os.read(self._wake_r, 4096)
            if master is None or master not in ready:
                continue
            with self._lock:
                if self._generation != generation or self._master is None:
                    continue
                try:
                    data = os.read(master, 4096)
                except BlockingIOError:
                    continue
                except OSError as exc:
                    if exc.errno != errno.EIO:
                        log.debug("%s: read failed: %s", self.name, exc)
                    data = b""
            if not data:
                self._stop.wait(0.02)
                continue
            pending += data
            for line in self.take_commands(pending):
                if line:
                    self.received.append(line)
                    try:
                        self.handle(line)
                    except Exception:  # a simulator bug must not kill the device silently
                        log.exception("%s: error handling %r", self.name, line)
            if len(pending) > MAX_COMMAND_BYTES:
                pending.clear()


def _split_lines(buffer: bytearray) -> list[bytes]:
    """Cut complete CR/LF/CR LF-terminated lines off the front of ``buffer``."""
    lines: list[bytes] = []
    start = 0
    i = 0
    while i < len(buffer):
        ch = buffer[i]
        if ch in (0x0D, 0x0A):
            lines.append(bytes(buffer[start:i]))
            if ch == 0x0D and i + 1 < len(buffer) and buffer[i + 1] == 0x0A:
                i += 1
            start = i + 1
        i += 1
    del buffer[:start]
    return lines
