"""A Chafon-style UHF RFID desktop reader (CF-RU5102, UHFReader18) on a pty."""

from __future__ import annotations

import os
import threading
import time

from hardware.rfid import (
    CHAFON_CMD_INVENTORY,
    CHAFON_MIN_FRAME,
    chafon_inventory_reply,
    crc16_mcrf4xx,
)
from hardware.sim.pty import PtyDevice

_MIN_COMMAND = 5
"""Shortest command frame: Len Adr Cmd CRC-lo CRC-hi."""


class ChafonSimulator(PtyDevice):
    """Answers inventory commands with the EPCs of the tags in its field.

    Tags come and go with ``present``/``remove``. Commands with a bad CRC or for another
    address are ignored, as a real reader does. Faults: ``corrupt_replies`` (that many replies
    with a wrong CRC), ``split_writes`` (each reply in two chunks), ``pc_word`` (tags sent with
    their PC word), ``inject_noise``, ``unplug``/``replug`` (``PtyDevice``).
    """

    def __init__(
        self,
        link_path: str | os.PathLike[str] | None = None,
        *,
        address: int = 0x00,
        byte_delay_s: float = 0.0,
        split_writes: bool = False,
        split_gap_s: float = 0.01,
        pc_word: bool = False,
        name: str = "chafon",
    ) -> None:
        """Create the reader.

        Args:
            link_path: Stable symlink to the port (see ``PtyDevice``).
            address: The reader's address (0xFF commands reach it too).
            byte_delay_s: Pause after each byte sent.
            split_writes: Send each reply in two chunks.
            split_gap_s: Pause between the two chunks.
            pc_word: Put each tag's PC word in front of its EPC.
            name: For the thread name and logs.
        """
        super().__init__(link_path, byte_delay_s=byte_delay_s, name=name)
        self.address = address
        self.split_writes = split_writes
        self.split_gap_s = split_gap_s
        self.pc_word = pc_word
        self.corrupt_replies = 0
        self.inventories = 0
        self._tags: dict[str, bytes] = {}
        self._tags_lock = threading.Lock()

    def present(self, *epcs_hex: str) -> None:
        """Bring tags into the field.

        Args:
            epcs_hex: EPCs as hex (whole 16-bit words).

        Raises:
            ValueError: An EPC that is not whole words of hex.
        """
        with self._tags_lock:
            for epc in epcs_hex:
                data = bytes.fromhex(epc)
                if not data or len(data) % 2:
                    raise ValueError(f"an EPC has whole 16-bit words of hex, got {epc!r}")
                self._tags[data.hex().upper()] = data

    def remove(self, *epcs_hex: str) -> None:
        """Take tags out of the field (all of them when none is named).

        Args:
            epcs_hex: EPCs as hex.
        """
        with self._tags_lock:
            if not epcs_hex:
                self._tags.clear()
            for epc in epcs_hex:
                self._tags.pop(epc.upper(), None)

    def take_commands(self, pending: bytearray) -> list[bytes]:
        """Cut complete length-framed commands off ``pending``; skip bytes that cannot start one."""
        commands: list[bytes] = []
        while pending:
            size = pending[0] + 1
            if size < _MIN_COMMAND:
                del pending[:1]
                continue
            if len(pending) < size:
                break
            commands.append(bytes(pending[:size]))
            del pending[:size]
        return commands

    def handle(self, line: bytes) -> None:
        """Answer one command frame."""
        crc = crc16_mcrf4xx(line[:-2])
        if line[-2] != crc & 0xFF or line[-1] != crc >> 8:
            return
        if line[1] not in (self.address, 0xFF) or line[2] != CHAFON_CMD_INVENTORY:
            return
        self.inventories += 1
        with self._tags_lock:
            tags = list(self._tags.values())
        if self.pc_word:
            tags = [bytes([(len(t) // 2) << 3, 0x00]) + t for t in tags]
        reply = bytearray(chafon_inventory_reply(tags, self.address))
        if self.corrupt_replies > 0:
            self.corrupt_replies -= 1
            reply[-1] ^= 0xFF
        self._send_reply(bytes(reply))

    def _send_reply(self, reply: bytes) -> None:
        if not self.split_writes or len(reply) < CHAFON_MIN_FRAME:
            self.send(reply)
            return
        cut = len(reply) // 2
        if self.send(reply[:cut]):
            time.sleep(self.split_gap_s)
            self.send(reply[cut:])
