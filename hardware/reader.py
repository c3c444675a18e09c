"""Line-framed barcode scanners (serial or USB-CDC): AIM symbology prefix, GS1 GS kept."""

from __future__ import annotations

import logging
import time
import unicodedata

from hardware.base import FrameError, Scan, utc_now
from hardware.serial_link import DEFAULT_TERMINATORS, SerialLink

log = logging.getLogger(__name__)

GS = "\x1d"
"""The GS1 group separator, which ends a variable-length element inside a GS1 code."""

MAX_SCAN_CHARS = 1024
"""The longest scan accepted; a 2D code on a certificate stays well below."""


def split_aim(text: str) -> tuple[str | None, str]:
    """Split an AIM symbology identifier (``]`` + letter + modifier) off the front of a scan.

    Args:
        text: The decoded scan line.

    Returns:
        The identifier (``]C1``) or ``None`` when the line has none, and the rest.
    """
    if len(text) >= 3 and text[0] == "]" and _ascii_letter(text[1]) and _ascii_alnum(text[2]):
        return text[:3], text[3:]
    return None, text


def parse_scan_line(line: bytes, max_chars: int = MAX_SCAN_CHARS) -> tuple[str | None, str]:
    """Check one framed scanner line and split off its AIM identifier.

    The line must be UTF-8 (ASCII in practice) without control characters other than GS
    (0x1D), which GS1 codes carry inside the value.

    Args:
        line: The line without its terminator.
        max_chars: The longest value accepted.

    Returns:
        The AIM identifier or ``None``, and the value.

    Raises:
        FrameError: Empty (also an AIM prefix with nothing after it, such as ``]A0``), too
            long, undecodable, or holding control characters.
    """
    if not line:
        raise FrameError("empty scan")
    if len(line) > max_chars + 3:
        raise FrameError(f"scan longer than {max_chars} characters")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise FrameError(f"scan is not valid text: {line[:40]!r}") from None
    for ch in text:
        if ch != GS and unicodedata.category(ch) in ("Cc", "Cs", "Cn", "Co", "Cf"):
            raise FrameError(f"scan holds a control character U+{ord(ch):04X}: {line[:40]!r}")
    symbology, value = split_aim(text)
    if not value.strip(" " + GS):
        # "]A0" alone: the scanner read a code with no data (or only blanks). It is no
        # identifier, so it is refused like an empty line, and the message says why.
        if symbology is not None:
            raise FrameError(f"empty scan: AIM prefix {symbology} with no data: {line[:40]!r}")
        raise FrameError(f"scan has no value: {line[:40]!r}")
    if len(value) > max_chars:
        raise FrameError(f"scan longer than {max_chars} characters")
    return symbology, value


class LineReader:
    """A scanner that sends one line per code (CR, LF or CR LF after each).

    Blocks with timeouts and never starts threads. Empty lines are ignored; lines that are
    too long, undecodable or hold control characters are skipped and counted in
    ``rejected_count``: they never become a ``Scan``.
    """

    def __init__(self, link: SerialLink, name: str = "reader") -> None:
        """Create the reader.

        Args:
            link: The serial link to the scanner.
            name: Device name, recorded on every scan.
        """
        self.link = link
        self.name = name
        self.rejected_count = 0

    def read(self, timeout_s: float = 0.5) -> Scan | None:
        """The next valid scan.

        Args:
            timeout_s: How long to wait for one.

        Returns:
            The scan, or ``None`` if none arrived in time.

        Raises:
            DeviceDisconnectedError: The scanner is unplugged.
        """
        deadline = time.monotonic() + timeout_s
        while True:
            remaining_s = max(0.0, deadline - time.monotonic())
            try:
                line = self.link.read_line(remaining_s, DEFAULT_TERMINATORS)
            except FrameError as exc:
                self._reject(str(exc))
                continue
            if line is None:
                return None
            if not line:
                continue
            try:
                symbology, value = parse_scan_line(line)
            except FrameError as exc:
                self._reject(str(exc))
                continue
            return Scan(value=value, symbology=symbology, raw=line, at=utc_now(), reader=self.name)

    def close(self) -> None:
        """Release the port."""
        self.link.close()

    def _reject(self, why: str) -> None:
        self.rejected_count += 1
        log.warning("%s: skipped a scan line: %s", self.name, why)


def _ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
