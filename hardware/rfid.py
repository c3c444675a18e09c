"""RFID readers: EM4100 125 kHz frames, Chafon-style UHF inventory, and a de-duplication window."""

from __future__ import annotations

import logging
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from hardware.base import DeviceDisconnectedError, FrameError, Scan, utc_now
from hardware.serial_link import SerialLink

log = logging.getLogger(__name__)

STX = 0x02
"""Start of an EM4100 frame."""

ETX = 0x03
"""End of an EM4100 frame."""

EM4100_ID_CHARS = 10
"""Hex characters of an EM4100 tag id (version byte + 32-bit number)."""

CHAFON_INVENTORY = bytes.fromhex("040001DB4B")
"""The Chafon/UHFReader18 inventory command to reader address 0x00 (CRC included)."""

CHAFON_CMD_INVENTORY = 0x01
"""Command byte of an inventory."""

CHAFON_STATUS_OK = frozenset({0x01, 0x02, 0x03})
"""Inventory statuses that carry tags: done, timed out with tags, more to come."""

CHAFON_STATUS_NO_TAG = 0xFB
"""Inventory status: no tag in the field."""

CHAFON_MIN_FRAME = 6
"""Shortest Chafon reply: Len Adr Cmd Status CRC-lo CRC-hi."""

DEDUPE_S = 2.0
"""Default de-duplication window: a tag seen again within this time is not reported again."""

_HEX = re.compile(rb"[0-9A-Fa-f]+")


# ---- De-duplication ---------------------------------------------------------------------------


class DedupeWindow:
    """Reports each key once while it keeps being seen; again after ``window_s`` of absence.

    A tag lying on a reader is read many times a second; it is reported when first seen and
    then only after it has not been seen for ``window_s`` (taken away and brought back).
    Pure logic with an injectable clock; entries older than the window are forgotten.
    """

    def __init__(self, window_s: float = DEDUPE_S, clock: Callable[[], float] = time.monotonic):
        """Create the window.

        Args:
            window_s: Seconds of absence after which a key counts as new; 0 reports every read.
            clock: Monotonic seconds (injected in tests).

        Raises:
            ValueError: A negative window.
        """
        if window_s < 0:
            raise ValueError(f"de-duplication window must be 0 s or more, got {window_s:g} s")
        self.window_s = window_s
        self._clock = clock
        self._last_seen_s: dict[str, float] = {}

    def admit(self, key: str, now_s: float | None = None) -> bool:
        """Record a read of ``key`` and say whether to report it.

        Args:
            key: The tag id.
            now_s: The time of the read (default: the clock).

        Returns:
            ``True`` for a new read, ``False`` for a repeat within the window.
        """
        now = self._clock() if now_s is None else now_s
        self._expire(now)
        last = self._last_seen_s.get(key)
        self._last_seen_s[key] = now
        return last is None or now - last > self.window_s

    def clear(self) -> None:
        """Forget every key (after a reconnect, every tag counts as new)."""
        self._last_seen_s.clear()

    def _expire(self, now: float) -> None:
        if len(self._last_seen_s) < 64:
            return
        self._last_seen_s = {k: t for k, t in self._last_seen_s.items() if now - t <= self.window_s}


# ---- EM4100 -----------------------------------------------------------------------------------


def em4100_checksum(tag_hex: str) -> str:
    """The XOR checksum of an EM4100 id: the five bytes XORed, as two upper-case hex characters.

    Args:
        tag_hex: 10 hex characters.

    Raises:
        FrameError: Not 10 hex characters.
    """
    if (
        len(tag_hex) != EM4100_ID_CHARS
        or _HEX.fullmatch(tag_hex.encode("ascii", "replace")) is None
    ):
        raise FrameError(f"an EM4100 id has 10 hex characters, got {tag_hex!r}")
    check = 0
    for byte in bytes.fromhex(tag_hex):
        check ^= byte
    return f"{check:02X}"


def em4100_frame(tag_hex: str, checksum: str | None = None) -> bytes:
    """Build the frame an EM4100 reader (RDM6300) sends for a tag.

    Args:
        tag_hex: 10 hex characters.
        checksum: Override the checksum (to build a broken frame in tests and simulators).

    Returns:
        STX + 10 hex + 2 hex checksum + ETX.
    """
    check = em4100_checksum(tag_hex.upper()) if checksum is None else checksum
    return bytes([STX]) + (tag_hex.upper() + check).encode("ascii") + bytes([ETX])


def parse_em4100_frame(frame: bytes) -> str:
    """Check one EM4100 frame and return its tag id.

    Args:
        frame: STX + 10 hex + 2 hex checksum + ETX (upper- or lower-case hex).

    Returns:
        The tag id, 10 upper-case hex characters.

    Raises:
        FrameError: Wrong framing, length, characters or checksum.
    """
    if len(frame) != 14 or frame[0] != STX or frame[-1] != ETX:
        raise FrameError(f"not an EM4100 frame (STX, 12 hex, ETX): {frame[:40]!r}")
    body = frame[1:-1]
    if _HEX.fullmatch(body) is None:
        raise FrameError(f"EM4100 frame holds non-hex characters: {frame!r}")
    text = body.decode("ascii").upper()
    tag, check = text[:EM4100_ID_CHARS], text[EM4100_ID_CHARS:]
    expected = em4100_checksum(tag)
    if check != expected:
        raise FrameError(f"EM4100 checksum is {check}, expected {expected} for tag {tag}")
    return tag


# ---- Chafon UHF -------------------------------------------------------------------------------


def crc16_mcrf4xx(data: bytes) -> int:
    """CRC-16/MCRF4XX (poly 0x8408 reflected, init 0xFFFF, no final XOR), as Chafon readers use.

    Args:
        data: The bytes from Len up to the end of the data.

    Returns:
        The CRC; it goes on the wire low byte first.
    """
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc


def chafon_frame(address: int, command: int, data: bytes = b"") -> bytes:
    """Build a Chafon frame: ``Len Adr Cmd Data CRC-lo CRC-hi`` (Len counts what follows it).

    Args:
        address: Reader address, 0x00-0xFF (0xFF is broadcast).
        command: Command byte (inventory is 0x01).
        data: Status, count and tags for a reply; parameters for a command.

    Returns:
        The frame with its CRC.

    Raises:
        ValueError: A field out of range or a frame longer than 255 bytes.
    """
    if not (0 <= address <= 0xFF and 0 <= command <= 0xFF):
        raise ValueError(f"address and command are bytes, got {address}, {command}")
    length = 2 + len(data) + 2
    if length > 0xFF:
        raise ValueError(f"a Chafon frame holds at most 251 data bytes, got {len(data)}")
    body = bytes([length, address, command]) + data
    crc = crc16_mcrf4xx(body)
    return body + bytes([crc & 0xFF, crc >> 8])


def chafon_inventory_reply(
    epcs: list[bytes], address: int = 0x00, status: int | None = None
) -> bytes:
    """Build an inventory reply as a Chafon reader sends it (for simulators and tests).

    Args:
        epcs: The tags' ids (with a PC word in front when the reader sends one).
        address: Reader address.
        status: Override the status (default: 0x01 with tags, 0xFB without).

    Returns:
        The reply frame.
    """
    if status is None:
        status = 0x01 if epcs else CHAFON_STATUS_NO_TAG
    if status == CHAFON_STATUS_NO_TAG:
        return chafon_frame(address, CHAFON_CMD_INVENTORY, bytes([status]))
    data = bytes([status, len(epcs)]) + b"".join(bytes([len(epc)]) + epc for epc in epcs)
    return chafon_frame(address, CHAFON_CMD_INVENTORY, data)


def split_pc_word(tag: bytes) -> bytes:
    """Take the PC word off the front of a tag id and check the EPC length it announces.

    The top 5 bits of the PC word are the EPC length in 16-bit words (0x3000: 96 bits).

    Args:
        tag: PC word (2 bytes) + EPC.

    Returns:
        The EPC bytes.

    Raises:
        FrameError: The length does not match the PC word.
    """
    if len(tag) < 2:
        raise FrameError(f"tag data too short for a PC word: {tag.hex().upper()}")
    words = tag[0] >> 3
    epc = tag[2:]
    if len(epc) != 2 * words:
        raise FrameError(
            f"PC word {tag[:2].hex().upper()} announces {16 * words} EPC bits, "
            f"the tag sent {8 * len(epc)}"
        )
    return epc


@dataclass(frozen=True, slots=True)
class ChafonReply:
    """One checked Chafon inventory reply.

    Attributes:
        address: Address of the reader that answered.
        status: The status byte (0x01-0x03 with tags, 0xFB without).
        epcs: The tag ids, upper-case hex, in the order sent.
        raw: The whole frame.
    """

    address: int
    status: int
    epcs: tuple[str, ...]
    raw: bytes


def parse_chafon_reply(frame: bytes, pc_word: bool = False) -> ChafonReply:
    """Check a Chafon inventory reply and list its tags.

    Args:
        frame: ``Len Adr 01 Status [Num {len EPC}...] CRC-lo CRC-hi``.
        pc_word: Each tag starts with a PC word, whose length is checked and dropped.

    Returns:
        The reply.

    Raises:
        FrameError: Wrong length, CRC, command, status, tag count or tag lengths.
    """
    if len(frame) < CHAFON_MIN_FRAME:
        raise FrameError(f"Chafon reply too short: {frame.hex(' ').upper()}")
    if frame[0] != len(frame) - 1:
        raise FrameError(f"Chafon length byte says {frame[0] + 1} bytes, got {len(frame)}")
    crc = crc16_mcrf4xx(frame[:-2])
    if frame[-2] != crc & 0xFF or frame[-1] != crc >> 8:
        got = frame[-2] | frame[-1] << 8
        raise FrameError(f"Chafon reply CRC is {got:04X}, expected {crc:04X}")
    address, command, status = frame[1], frame[2], frame[3]
    if command != CHAFON_CMD_INVENTORY:
        raise FrameError(f"Chafon reply to command 0x{command:02X}, expected an inventory")
    data = frame[4:-2]
    if status == CHAFON_STATUS_NO_TAG:
        return ChafonReply(address, status, (), frame)
    if status not in CHAFON_STATUS_OK:
        raise FrameError(f"RFID reader reported status 0x{status:02X}")
    if not data:
        raise FrameError("Chafon inventory reply without a tag count")
    count, rest = data[0], data[1:]
    epcs: list[str] = []
    for _ in range(count):
        if not rest:
            raise FrameError(f"Chafon reply announces {count} tags, holds {len(epcs)}")
        size = rest[0]
        tag = rest[1 : 1 + size]
        if size == 0 or len(tag) != size:
            raise FrameError(f"Chafon tag {len(epcs) + 1} has a bad length {size}")
        rest = rest[1 + size :]
        epc = split_pc_word(tag) if pc_word else tag
        if not epc or len(epc) % 2:
            raise FrameError(f"an EPC has whole 16-bit words, got {len(epc)} bytes")
        epcs.append(epc.hex().upper())
    if rest:
        raise FrameError(f"Chafon reply has {len(rest)} bytes after its {count} tags")
    return ChafonReply(address, status, tuple(epcs), frame)


# ---- Links ------------------------------------------------------------------------------------


class ByteLink(SerialLink):
    """A ``SerialLink`` that also reads length-framed binary replies (same reconnect rules)."""

    def read_exact(self, size: int, timeout_s: float) -> bytes | None:
        """Exactly ``size`` bytes, or ``None`` if they did not all arrive in time (kept buffered).

        Args:
            size: How many bytes.
            timeout_s: How long to wait for them.

        Raises:
            DeviceDisconnectedError: The port is gone or cannot be opened.
        """
        deadline = time.monotonic() + max(0.0, timeout_s)
        with self._lock:
            port = self._ensure_open(deadline)
            while len(self._buffer) < size:
                if time.monotonic() >= deadline:
                    if not self._has_waiting(port):
                        return None
                    self._fill(port)
                    if len(self._buffer) < size:
                        return None
                    break
                self._fill(port)
            data = bytes(self._buffer[:size])
            del self._buffer[:size]
            return data


# ---- Readers ----------------------------------------------------------------------------------


class _QueuedReader:
    """What the RFID readers share: a queue of admitted scans and the de-duplication window."""

    def __init__(self, name: str, dedupe_s: float, clock: Callable[[], float]) -> None:
        self.name = name
        self.rejected_count = 0
        self.dedupe = DedupeWindow(dedupe_s, clock)
        self._queue: deque[Scan] = deque()

    def _offer(self, tag: str, raw: bytes) -> None:
        if self.dedupe.admit(tag):
            self._queue.append(
                Scan(value=tag, symbology=None, raw=raw, at=utc_now(), reader=self.name)
            )

    def _reject(self, why: str) -> None:
        self.rejected_count += 1
        log.warning("%s: skipped a frame: %s", self.name, why)


class Em4100Reader(_QueuedReader):
    """A 125 kHz EM4100 reader (RDM6300 style) that sends ``STX 10hex 2hex ETX`` per read.

    Noise before a frame is skipped; a frame with a bad checksum or length is counted in
    ``rejected_count`` and never becomes a scan. Repeated reads of a tag left on the reader
    are reported once (``dedupe_s``). Implements ``hardware.base.Reader``.
    """

    def __init__(
        self,
        link: SerialLink,
        name: str = "rfid",
        dedupe_s: float = DEDUPE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Create the reader.

        Args:
            link: The serial link (9600 8N1 for an RDM6300).
            name: Device name, recorded on every scan.
            dedupe_s: De-duplication window in seconds.
            clock: Monotonic seconds for the window.
        """
        super().__init__(name, dedupe_s, clock)
        self.link = link

    def read(self, timeout_s: float = 0.5) -> Scan | None:
        """The next new tag.

        Args:
            timeout_s: How long to wait for one.

        Returns:
            The scan (value: 10 upper-case hex characters), or ``None`` if none came in time.

        Raises:
            DeviceDisconnectedError: The reader is unplugged.
        """
        deadline = time.monotonic() + timeout_s
        while not self._queue:
            remaining_s = max(0.0, deadline - time.monotonic())
            try:
                chunk = self.link.read_line(remaining_s, (bytes([ETX]),))
            except FrameError as exc:
                self._reject(str(exc))
                continue
            except DeviceDisconnectedError:
                self.dedupe.clear()
                raise
            if chunk is None:
                return None
            start = chunk.rfind(bytes([STX]))
            if start < 0:
                if chunk.strip():
                    self._reject(f"bytes without a frame start: {chunk[:40]!r}")
                continue
            frame = chunk[start:] + bytes([ETX])
            try:
                tag = parse_em4100_frame(frame)
            except FrameError as exc:
                self._reject(str(exc))
                continue
            self._offer(tag, frame)
        return self._queue.popleft()

    def close(self) -> None:
        """Release the port."""
        self.link.close()


class ChafonReader(_QueuedReader):
    """A Chafon-style UHF desktop reader (CF-RU5102, UHFReader18) polled with inventories.

    Each ``read`` sends inventory commands (at most every ``poll_interval_s``) until a new tag
    answers; several tags in one reply are queued and returned one per call. A reply with a
    bad CRC, length or count is discarded whole. Tags are upper-case hex EPCs.
    Implements ``hardware.base.Reader``.
    """

    def __init__(
        self,
        link: ByteLink,
        name: str = "rfid",
        *,
        address: int = 0x00,
        dedupe_s: float = DEDUPE_S,
        poll_interval_s: float = 0.1,
        reply_timeout_s: float = 0.3,
        pc_word: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Create the reader.

        Args:
            link: The byte link (57600 8N1 for most Chafon readers).
            name: Device name, recorded on every scan.
            address: Reader address (0xFF reaches any reader).
            dedupe_s: De-duplication window in seconds.
            poll_interval_s: Least time between two inventories.
            reply_timeout_s: How long to wait for a reply to an inventory.
            pc_word: The reader sends each tag with its PC word in front.
            clock: Monotonic seconds for the window.
        """
        super().__init__(name, dedupe_s, clock)
        self.link = link
        self.address = address
        self.poll_interval_s = poll_interval_s
        self.reply_timeout_s = reply_timeout_s
        self.pc_word = pc_word
        self._command = chafon_frame(address, 0x01)
        self._last_poll_at = -1e9

    def inventory(self, timeout_s: float | None = None) -> ChafonReply | None:
        """Send one inventory and read its reply (no de-duplication).

        Args:
            timeout_s: How long to wait for the reply (default ``reply_timeout_s``).

        Returns:
            The reply, or ``None`` if the reader did not answer in time.

        Raises:
            DeviceDisconnectedError: The reader is unplugged.
            FrameError: The reply was broken (its bytes are discarded).
        """
        wait_s = self.reply_timeout_s if timeout_s is None else timeout_s
        self.link.drain()
        self.link.write(self._command)
        self._last_poll_at = time.monotonic()
        deadline = self._last_poll_at + wait_s
        head = self.link.read_exact(1, wait_s)
        if head is None:
            return None
        if head[0] + 1 < CHAFON_MIN_FRAME:
            self.link.drain()
            raise FrameError(f"Chafon reply with an impossible length byte 0x{head[0]:02X}")
        rest = self.link.read_exact(head[0], max(0.0, deadline - time.monotonic()))
        if rest is None:
            self.link.drain()
            raise FrameError("Chafon reply cut short")
        try:
            return parse_chafon_reply(head + rest, self.pc_word)
        except FrameError:
            self.link.drain()
            raise

    def read(self, timeout_s: float = 0.5) -> Scan | None:
        """The next new tag.

        Args:
            timeout_s: How long to keep polling for one.

        Returns:
            The scan (value: upper-case hex EPC), or ``None`` if none came in time.

        Raises:
            DeviceDisconnectedError: The reader is unplugged.
        """
        deadline = time.monotonic() + timeout_s
        while not self._queue:
            now = time.monotonic()
            if now >= deadline:
                return None
            wait_s = self._last_poll_at + self.poll_interval_s - now
            if wait_s > 0:
                time.sleep(min(wait_s, deadline - now))
                continue
            try:
                reply = self.inventory(min(self.reply_timeout_s, max(0.0, deadline - now)))
            except FrameError as exc:
                self._reject(str(exc))
                continue
            except DeviceDisconnectedError:
                self.dedupe.clear()
                raise
            if reply is not None:
                for epc in reply.epcs:
                    self._offer(epc, reply.raw)
        return self._queue.popleft()

    def close(self) -> None:
        """Release the port."""
        self.link.close()
