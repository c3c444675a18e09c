"""A line-mode barcode scanner (serial or USB-CDC) on a pty."""

from __future__ import annotations

import os
import time

from hardware.sim.pty import PtyDevice


class LineScannerSimulator(PtyDevice):
    """A scanner that sends each code as one line: AIM prefix, value, suffix.

    With ``split_writes`` each scan goes out in two chunks ``split_gap_s`` apart, as a
    USB-CDC scanner's packets sometimes do. Use ``inject_noise`` for garbage on the line.
    Commands sent to the scanner are recorded in ``received`` and otherwise ignored.
    """

    def __init__(
        self,
        link_path: str | os.PathLike[str] | None = None,
        *,
        byte_delay_s: float = 0.0,
        split_writes: bool = False,
        split_gap_s: float = 0.03,
        name: str = "scanner",
    ) -> None:
        """Create the scanner.

        Args:
            link_path: Stable symlink to the port (see ``PtyDevice``).
            byte_delay_s: Pause after each byte sent.
            split_writes: Send each scan in two chunks.
            split_gap_s: Pause between the two chunks.
            name: For the thread name and logs.
        """
        super().__init__(link_path, byte_delay_s=byte_delay_s, name=name)
        self.split_writes = split_writes
        self.split_gap_s = split_gap_s

    def scan(self, value: str, symbology: str | None = "]C0", suffix: bytes = b"\r\n") -> bool:
        """Send one scan as the scanner would.

        Args:
            value: The decoded code; GS1 separators as ``"\\x1d"``.
            symbology: AIM identifier to prefix, or ``None`` for a scanner set without it.
            suffix: Line terminator the scanner is programmed with.

        Returns:
            Whether the bytes went out (``False`` when unplugged).
        """
        data = (symbology or "").encode("ascii") + value.encode("utf-8") + suffix
        if not self.split_writes or len(data) < 2:
            return self.send(data)
        cut = len(data) // 2
        if not self.send(data[:cut]):
            return False
        time.sleep(self.split_gap_s)
        return self.send(data[cut:])
