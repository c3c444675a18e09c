"""An EM4100 125 kHz RFID reader (RDM6300 style) on a pty: one frame per read, no commands."""

from __future__ import annotations

import os
import time

from hardware.rfid import em4100_checksum, em4100_frame
from hardware.sim.pty import PtyDevice


class Em4100Simulator(PtyDevice):
    """A reader that sends ``STX + 10 hex + 2 hex XOR + ETX`` each time it reads a card.

    A real RDM6300 repeats the frame while a card lies on it; ``present`` sends it
    ``repeats`` times. ``bad_checksum`` sends a broken frame, ``split_writes`` cuts every
    frame in two writes, ``inject_noise``/``unplug``/``replug`` come from ``PtyDevice``.
    """

    def __init__(
        self,
        link_path: str | os.PathLike[str] | None = None,
        *,
        byte_delay_s: float = 0.0,
        split_writes: bool = False,
        split_gap_s: float = 0.02,
        name: str = "em4100",
    ) -> None:
        """Create the reader.

        Args:
            link_path: Stable symlink to the port (see ``PtyDevice``).
            byte_delay_s: Pause after each byte sent.
            split_writes: Send each frame in two chunks.
            split_gap_s: Pause between the two chunks.
            name: For the thread name and logs.
        """
        super().__init__(link_path, byte_delay_s=byte_delay_s, name=name)
        self.split_writes = split_writes
        self.split_gap_s = split_gap_s

    def present(self, tag_hex: str, repeats: int = 1, gap_s: float = 0.0) -> bool:
        """Hold a card on the reader: its frame is sent ``repeats`` times.

        Args:
            tag_hex: The card's id, 10 hex characters.
            repeats: How many reads the reader reports.
            gap_s: Pause between two reads.

        Returns:
            Whether every frame went out (``False`` when unplugged).

        Raises:
            ValueError: ``tag_hex`` is not 10 hex characters.
        """
        frame = em4100_frame(_checked(tag_hex))
        for i in range(repeats):
            if i and gap_s > 0:
                time.sleep(gap_s)
            if not self._send_frame(frame):
                return False
        return True

    def bad_checksum(self, tag_hex: str) -> bool:
        """Send a frame whose checksum is wrong (a misread), which a driver must reject.

        Args:
            tag_hex: The card's id, 10 hex characters.

        Returns:
            Whether the frame went out.

        Raises:
            ValueError: ``tag_hex`` is not 10 hex characters.
        """
        tag_hex = _checked(tag_hex)
        wrong = f"{int(em4100_checksum(tag_hex), 16) ^ 0x5A:02X}"
        return self._send_frame(em4100_frame(tag_hex, checksum=wrong))

    def _send_frame(self, frame: bytes) -> bool:
        if not self.split_writes:
            return self.send(frame)
        cut = len(frame) // 2
        if not self.send(frame[:cut]):
            return False
        time.sleep(self.split_gap_s)
        return self.send(frame[cut:])


def _checked(tag_hex: str) -> str:
    """The card id in upper case; ``ValueError`` unless it is 10 hex characters."""
    text = tag_hex.strip().upper()
    if len(text) != 10 or any(c not in "0123456789ABCDEF" for c in text):
        raise ValueError(f"an EM4100 card id has 10 hex characters, got {tag_hex!r}")
    return text
