"""Serial carat balances: each wire protocol is a ScaleProfile (data); one driver speaks all."""

from __future__ import annotations

import enum
import logging
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from hardware.base import (
    DeviceError,
    DeviceTimeoutError,
    FrameError,
    ScaleInfo,
    ScaleReading,
    ScaleState,
    utc_now,
)
from hardware.serial_link import SerialLink, SerialSettings

log = logging.getLogger(__name__)

MAX_REPLY_CHARS = 120
"""Longest scale reply accepted by the parsers; anything longer is a broken frame."""

UNITS: frozenset[str] = frozenset({"ct", "g", "mg"})
"""Weight units a reading may carry (1 ct = 0.2 g exactly)."""

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


class ReplyKind(enum.StrEnum):
    """What a parsed reply says."""

    WEIGHT = "weight"
    """A weight reply or a weighing state (stable, dynamic, over/underload, busy, fault)."""
    DONE = "done"
    """The command was executed (e.g. ``Z A``)."""
    INFO = "info"
    """A text answer to an information query (model, serial number)."""
    ERROR = "error"
    """The balance rejected the command (syntax, transmission, logic or parameter error)."""


@dataclass(frozen=True, slots=True)
class ScaleReply:
    """One reply line of a balance, parsed by a profile.

    Attributes:
        reply_id: The command the reply answers (``SI``, ``Z``, ``I4``), or ``""`` for a
            reply that names none (``ES``, or a protocol without IDs).
        kind: What the reply says.
        state: The weighing state, for ``WEIGHT`` and for refusals that have one
            (``Z I`` busy, ``T +`` overload).
        value: The weight as sent, if any.
        unit: The unit as sent, if any.
        text: Quoted text of an ``INFO`` reply, or the error code of a fault.
        raw: The reply line as received, without its terminator.
    """

    reply_id: str
    kind: ReplyKind
    raw: str
    state: ScaleState | None = None
    value: Decimal | None = None
    unit: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class ScaleCommand:
    """A command as bytes on the wire and the reply ID that answers it.

    Attributes:
        wire: The exact bytes to send, terminator included.
        reply_id: The ID a reply to it carries; ``""`` accepts any reply.
    """

    wire: bytes
    reply_id: str = ""


@dataclass(frozen=True, slots=True)
class ScaleProfile:
    """A balance protocol as data: line defaults, commands and the reply parser.

    Attributes:
        name: The key in ``PROFILES`` and in the settings (``mt-sics``).
        description: One line for technicians.
        baudrate: Default line speed (copy the balance menu).
        bytesize: Default data bits.
        parity: Default parity letter (N, E, O, M, S).
        stopbits: Default stop bits.
        xonxoff: Default software handshake.
        read_now: Command for the weight now, stable or not.
        read_stable: Command for a weight the balance itself calls stable (it waits).
        zero: Command that zeroes the balance.
        tare: Command that tares the balance and reports the tare weight.
        reset: Command that cancels what the balance is doing, if the protocol has one.
        info: Queries whose answers make up ``ScaleInfo``.
        parse_reply: Turns one reply line into a ``ScaleReply``; raises ``FrameError``.
        parse_info: Turns the ``INFO`` replies into ``ScaleInfo`` fields.
        terminators: What ends a reply line.
    """

    name: str
    description: str
    read_now: ScaleCommand
    read_stable: ScaleCommand
    zero: ScaleCommand
    tare: ScaleCommand
    parse_reply: Callable[[bytes], ScaleReply]
    parse_info: Callable[[tuple[ScaleReply, ...]], ScaleInfo]
    info: tuple[ScaleCommand, ...] = ()
    reset: ScaleCommand | None = None
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    xonxoff: bool = False
    terminators: tuple[bytes, ...] = field(default=(b"\r\n", b"\n", b"\r"))

    def serial_settings(self, port: str, **overrides: object) -> SerialSettings:
        """Line settings for ``port`` from this profile's defaults, with any overrides.

        Args:
            port: The device path.
            **overrides: ``SerialSettings`` fields to set instead of the profile defaults.

        Returns:
            Settings ready for a ``SerialLink``.
        """
        values: dict[str, object] = {
            "port": port,
            "baudrate": self.baudrate,
            "bytesize": self.bytesize,
            "parity": self.parity,
            "stopbits": self.stopbits,
            "xonxoff": self.xonxoff,
        }
        values.update(overrides)
        return SerialSettings(**values)  # type: ignore[arg-type]


# ---- Mettler Toledo MT-SICS -------------------------------------------------------------------

_MT_STATES: Mapping[str, ScaleState] = MappingProxyType(
    {
        "S": ScaleState.STABLE,
        "D": ScaleState.DYNAMIC,
        "I": ScaleState.BUSY,
        "+": ScaleState.OVERLOAD,
        "-": ScaleState.UNDERLOAD,
    }
)
_MT_ERRORS: Mapping[str, str] = MappingProxyType(
    {
        "ES": "syntax error: the balance did not recognise the command",
        "ET": "transmission error: the balance received a damaged command (parity or break)",
        "EL": "logical error: the balance cannot execute the command",
    }
)
_MT_WEIGHT_IDS = frozenset({"S", "SI", "SIR", "SR", "SU", "SIU", "T", "TA", "TI"})
_MT_ID = re.compile(r"[A-Z@][A-Z0-9]{0,4}")
_MT_QUOTED = re.compile(r'"([^"]*)"')


def decode_reply(line: bytes, max_chars: int = MAX_REPLY_CHARS) -> str:
    """Decode one reply line as printable ASCII.

    Args:
        line: The reply without its terminator.
        max_chars: The longest reply accepted.

    Returns:
        The text with surrounding spaces removed.

    Raises:
        FrameError: The line is empty, too long, not ASCII or holds control characters.
    """
    if len(line) > max_chars:
        raise FrameError(f"scale reply longer than {max_chars} characters")
    try:
        text = line.decode("ascii")
    except UnicodeDecodeError:
        raise FrameError(f"scale reply is not ASCII: {line[:40]!r}") from None
    if any(not " " <= ch <= "~" for ch in text):
        raise FrameError(f"scale reply holds control characters: {line[:40]!r}")
    text = text.strip(" ")
    if not text:
        raise FrameError("empty scale reply")
    return text


def parse_weight(value: str, unit: str) -> tuple[Decimal, str]:
    """Check and convert a weight token and its unit.

    Args:
        value: The number as sent, sign allowed (``-0.003``, ``12.345``).
        unit: The unit token.

    Returns:
        The value as a Decimal and the unit.

    Raises:
        FrameError: Not a plain decimal number, or a unit other than ct, g or mg.
    """
    if not _NUMBER.fullmatch(value) or len(value) > 16:
        raise FrameError(f"scale sent a weight that is not a number: {value!r}")
    if unit not in UNITS:
        raise FrameError(f"scale sent an unsupported unit {unit!r} (expected ct, g or mg)")
    try:
        number = Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise FrameError(f"scale sent a weight that is not a number: {value!r}") from None
    return number, unit


def parse_mtsics_reply(line: bytes) -> ScaleReply:
    """Parse one MT-SICS reply line.

    The grammar is ``ID SP Status [SP value SP unit]`` with the value right-aligned in spaces,
    so the line is split on whitespace. Handled: weight replies (``S``, ``SI``, ``T`` ...)
    with status ``S``/``D`` and a value, or ``I``/``+``/``-`` alone, ``<ID> S Error <code>``
    faults, ``A`` acknowledgements, quoted ``A`` info answers (``I2``, ``I4``), ``L``
    parameter errors and the bare ``ES``/``ET``/``EL``.

    Args:
        line: The reply without its terminator.

    Returns:
        The parsed reply.

    Raises:
        FrameError: The line does not follow the grammar; it must never become a reading.
    """
    text = decode_reply(line)
    if text in _MT_ERRORS:
        return ScaleReply("", ReplyKind.ERROR, text, state=ScaleState.ERROR, text=text)
    parts = text.split()
    reply_id = parts[0]
    if not _MT_ID.fullmatch(reply_id):
        raise FrameError(f"scale reply has no valid command ID: {text!r}")
    if len(parts) < 2:
        raise FrameError(f"scale reply {text!r} has no status")
    status, rest = parts[1], parts[2:]
    if status == "A":
        if not rest:
            return ScaleReply(reply_id, ReplyKind.DONE, text)
        quoted = _MT_QUOTED.findall(text)
        if not quoted:
            raise FrameError(f"scale reply {text!r}: expected quoted text after 'A'")
        return ScaleReply(reply_id, ReplyKind.INFO, text, text=" ".join(q.strip() for q in quoted))
    if status == "L":
        if rest:
            raise FrameError(f"scale reply {text!r}: unexpected data after 'L'")
        return ScaleReply(
            reply_id, ReplyKind.ERROR, text, state=ScaleState.ERROR, text="parameter error"
        )
    state = _MT_STATES.get(status)
    if state is None:
        raise FrameError(f"scale reply {text!r}: unknown status {status!r}")
    if state in (ScaleState.BUSY, ScaleState.OVERLOAD, ScaleState.UNDERLOAD):
        if rest:
            raise FrameError(f"scale reply {text!r}: unexpected data after {status!r}")
        kind = ReplyKind.WEIGHT if reply_id in _MT_WEIGHT_IDS else ReplyKind.ERROR
        return ScaleReply(reply_id, kind, text, state=state)
    if reply_id not in _MT_WEIGHT_IDS:
        raise FrameError(f"scale reply {text!r}: status {status!r} on a non-weight command")
    if state is ScaleState.STABLE and rest and rest[0] == "Error":
        if len(rest) != 2 or not rest[1].isalnum():
            raise FrameError(f"scale reply {text!r}: malformed error report")
        return ScaleReply(reply_id, ReplyKind.WEIGHT, text, state=ScaleState.ERROR, text=rest[1])
    if len(rest) != 2:
        raise FrameError(f"scale reply {text!r}: expected a value and a unit")
    value, unit = parse_weight(rest[0], rest[1])
    return ScaleReply(reply_id, ReplyKind.WEIGHT, text, state=state, value=value, unit=unit)


def parse_mtsics_info(replies: tuple[ScaleReply, ...]) -> ScaleInfo:
    """Build ``ScaleInfo`` from the ``I2`` and ``I4`` answers.

    ``I2`` is ``"<model> <capacity> <unit>"`` (the model may hold spaces); ``I4`` is the
    serial number.

    Args:
        replies: The ``INFO`` replies received, in any order.

    Returns:
        Model, capacity and serial number where given.
    """
    model = capacity = serial = ""
    for reply in replies:
        if reply.reply_id == "I2":
            words = reply.text.split()
            if len(words) >= 3 and _NUMBER.fullmatch(words[-2]):
                model, capacity = " ".join(words[:-2]), f"{words[-2]} {words[-1]}"
            else:
                model = reply.text
        elif reply.reply_id == "I4":
            serial = reply.text
    return ScaleInfo(model=model, serial=serial, capacity=capacity)


MT_SICS = ScaleProfile(
    name="mt-sics",
    description="Mettler Toledo MT-SICS level 0/1 (S, SI, Z, T, @, I2, I4)",
    read_now=ScaleCommand(b"SI\r\n", "SI"),
    read_stable=ScaleCommand(b"S\r\n", "S"),
    zero=ScaleCommand(b"Z\r\n", "Z"),
    tare=ScaleCommand(b"T\r\n", "T"),
    reset=ScaleCommand(b"@\r\n", "I4"),
    info=(ScaleCommand(b"I2\r\n", "I2"), ScaleCommand(b"I4\r\n", "I4")),
    parse_reply=parse_mtsics_reply,
    parse_info=parse_mtsics_info,
    # 9600 8N1 is the MT-SICS default; some balances ship with XON/XOFF on: copy the menu.
    baudrate=9600,
    bytesize=8,
    parity="N",
    stopbits=1,
    xonxoff=False,
)

PROFILES: Mapping[str, ScaleProfile] = MappingProxyType({MT_SICS.name: MT_SICS})
"""Every known balance protocol by name."""


# ---- The driver -----------------------------------------------------------------------------


class SerialScale:
    """A balance on a serial line, speaking the protocol of its profile.

    Blocks with timeouts and never starts threads. Each command first drains stale input,
    then writes the command and reads lines until a reply with the expected ID (or an ID-less
    error) arrives; other well-formed replies are stale answers and are skipped. A line that
    does not parse raises ``FrameError``: it never becomes a reading.
    """

    def __init__(
        self,
        link: SerialLink,
        profile: ScaleProfile,
        stable_count: int = 3,
        name: str = "scale",
        poll_interval_ms: int = 100,
    ) -> None:
        """Create the driver.

        Args:
            link: The serial link to the balance.
            profile: The balance's protocol.
            stable_count: How many identical stable replies in a row ``read_stable`` needs.
            name: Device name for messages.
            poll_interval_ms: Pause between two polls of ``read_stable``.
        """
        if stable_count < 1:
            raise ValueError(f"{name}: stable_count must be at least 1, got {stable_count}")
        if poll_interval_ms < 0:
            raise ValueError(f"{name}: poll_interval_ms must not be negative")
        self.link = link
        self.profile = profile
        self.stable_count = stable_count
        self.name = name
        self.poll_interval_ms = poll_interval_ms

    # ---- Scale protocol ------------------------------------------------------------------

    def read_now(self, timeout_s: float = 1.0) -> ScaleReading:
        """One round trip of the read-now command: the weight in whatever state it is.

        Args:
            timeout_s: How long to wait for the reply.

        Returns:
            A reading in any state (stable, dynamic, overload, underload, busy, error).

        Raises:
            DeviceDisconnectedError: The balance is unplugged or switched off.
            DeviceTimeoutError: No reply in time.
            FrameError: The reply did not parse, or was not a weight reply.
        """
        reply = self._transact(self.profile.read_now, timeout_s)
        if reply.state is None:
            raise FrameError(f"{self.name}: expected a weight reply, got {reply.raw!r}")
        return _reading(reply)

    def read_stable(self, timeout_s: float = 5.0) -> ScaleReading:
        """Poll until ``stable_count`` identical stable replies come in a row.

        A dynamic, busy, overloaded, underloaded or faulty reply, a different value or a
        broken frame starts the count again.

        Args:
            timeout_s: How long to keep polling.

        Returns:
            The last of the identical stable readings.

        Raises:
            DeviceDisconnectedError: The balance is unplugged or switched off.
            DeviceTimeoutError: No stable weight in time; the message says what was seen.
        """
        deadline = time.monotonic() + timeout_s
        run = 0
        last_key: tuple[Decimal, str] | None = None
        last_seen = "no reply"
        while True:
            remaining_s = deadline - time.monotonic()
            if remaining_s <= 0:
                break
            try:
                reading = self.read_now(timeout_s=min(remaining_s, 1.0))
            except (FrameError, DeviceTimeoutError) as exc:
                run, last_key, last_seen = 0, None, str(exc)
            else:
                last_seen = _describe(reading)
                if reading.state is ScaleState.STABLE and reading.value is not None:
                    key = (reading.value, reading.unit or "")
                    run = run + 1 if key == last_key else 1
                    last_key = key
                    if run >= self.stable_count:
                        return reading
                else:
                    run, last_key = 0, None
            pause_s = min(self.poll_interval_ms / 1000, deadline - time.monotonic())
            if pause_s > 0:
                time.sleep(pause_s)
        raise DeviceTimeoutError(
            f"{self.name}: no stable weight within {timeout_s:g} s (last: {last_seen})"
        )

    def zero(self, timeout_s: float = 5.0) -> None:
        """Zero the balance.

        Args:
            timeout_s: How long to wait for the balance to confirm.

        Raises:
            DeviceError: The balance refused (busy, overload, underload, error).
            DeviceDisconnectedError: The balance is unplugged or switched off.
            DeviceTimeoutError: No reply in time.
        """
        reply = self._transact(self.profile.zero, timeout_s)
        if reply.kind is not ReplyKind.DONE:
            raise DeviceError(f"{self.name}: cannot zero: {_refusal(reply)}")

    def tare(self, timeout_s: float = 5.0) -> ScaleReading:
        """Tare the balance.

        Args:
            timeout_s: How long to wait for the balance to confirm.

        Returns:
            The tare weight as a stable reading.

        Raises:
            DeviceError: The balance refused (busy, overload, underload, error).
            DeviceDisconnectedError: The balance is unplugged or switched off.
            DeviceTimeoutError: No reply in time.
        """
        reply = self._transact(self.profile.tare, timeout_s)
        if reply.state is not ScaleState.STABLE or reply.value is None:
            raise DeviceError(f"{self.name}: cannot tare: {_refusal(reply)}")
        return _reading(reply)

    def info(self, timeout_s: float = 2.0) -> ScaleInfo:
        """Ask the balance for its model, capacity and serial number.

        A query the balance does not support (an error reply) is left out.

        Args:
            timeout_s: How long to wait for all answers together.

        Returns:
            What the balance told.

        Raises:
            DeviceDisconnectedError: The balance is unplugged or switched off.
            DeviceTimeoutError: No reply in time.
        """
        deadline = time.monotonic() + timeout_s
        answers: list[ScaleReply] = []
        for command in self.profile.info:
            reply = self._transact(command, max(0.0, deadline - time.monotonic()))
            if reply.kind is ReplyKind.INFO:
                answers.append(reply)
        return self.profile.parse_info(tuple(answers))

    def reset(self, timeout_s: float = 2.0) -> None:
        """Cancel whatever the balance is doing (MT-SICS ``@``), if the protocol can.

        Args:
            timeout_s: How long to wait for the answer.

        Raises:
            DeviceDisconnectedError: The balance is unplugged or switched off.
            DeviceTimeoutError: No reply in time.
        """
        if self.profile.reset is not None:
            self._transact(self.profile.reset, timeout_s)

    def close(self) -> None:
        """Release the port."""
        self.link.close()

    # ---- Internals -----------------------------------------------------------------------

    def _transact(self, command: ScaleCommand, timeout_s: float) -> ScaleReply:
        """Drain, send, and read the reply that answers ``command``."""
        deadline = time.monotonic() + timeout_s
        self.link.drain(timeout_s)
        self.link.write(command.wire)
        while True:
            remaining_s = deadline - time.monotonic()
            if remaining_s <= 0:
                break
            line = self.link.read_line(remaining_s, self.profile.terminators)
            if line is None:
                break
            if not line.strip():
                continue
            try:
                reply = self.profile.parse_reply(line)
            except FrameError as exc:
                raise FrameError(f"{self.name}: broken reply: {exc}") from None
            if not command.reply_id or not reply.reply_id or reply.reply_id == command.reply_id:
                return reply
            log.debug("%s: skipped stale reply %r", self.name, reply.raw)
        raise DeviceTimeoutError(
            f"{self.name}: no reply to {_shown(command.wire)} within {timeout_s:g} s"
        )


def _reading(reply: ScaleReply) -> ScaleReading:
    assert reply.state is not None
    return ScaleReading(
        state=reply.state, value=reply.value, unit=reply.unit, raw=reply.raw, at=utc_now()
    )


def _describe(reading: ScaleReading) -> str:
    if reading.value is not None:
        return f"{reading.state.value} {reading.value} {reading.unit}"
    return f"{reading.state.value} ({reading.raw})"


def _refusal(reply: ScaleReply) -> str:
    if reply.kind is ReplyKind.ERROR and not reply.reply_id:
        return _MT_ERRORS.get(reply.raw, reply.raw)
    reasons = {
        ScaleState.BUSY: "the balance is busy or not stable",
        ScaleState.OVERLOAD: "the balance is overloaded",
        ScaleState.UNDERLOAD: "the balance is underloaded (pan missing?)",
        ScaleState.ERROR: f"the balance reports a fault {reply.text}".strip(),
    }
    if reply.state in reasons:
        return f"{reasons[reply.state]} ({reply.raw})"
    return f"unexpected reply {reply.raw!r}"


def _shown(wire: bytes) -> str:
    return wire.strip().decode("ascii", "backslashreplace") or repr(wire)

