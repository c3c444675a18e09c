"""Serial carat balances: each wire protocol is a ScaleProfile (data); one driver speaks all."""

from __future__ import annotations

import dataclasses
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

POLL_REPLY_S = 1.0
"""How long one poll of ``read_stable`` waits for its reply when the deadline allows."""

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


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
        reply_id: The ID a reply to it carries; ``""`` accepts any reply. For a
            ``free_text`` query it is only the label the answer gets (``x2``, ``PSN``).
        expects_reply: Whether the balance answers at all (Sartorius SBI and Ohaus send
            nothing back for zero and tare).
        free_text: The answer is a bare text line (a model or serial number) that the
            profile's parser cannot tell from noise; it is taken as ``INFO`` text unless it
            parses as an error reply.
    """

    wire: bytes
    reply_id: str = ""
    expects_reply: bool = True
    free_text: bool = False


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
        tare_reports_weight: Whether the tare reply carries the tare weight (MT-SICS
            ``T S <tare>``). Where it does not (an ``AK`` acknowledgement, or no answer at
            all), ``SerialScale.tare`` reads the stable weight on the pan first and returns
            that reading as the weight the tare took off.
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
    tare_reports_weight: bool = True

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

# PROFILES (every protocol by name) is defined below the other profiles.


# ---- A&D (GX-A, GF-A, GC, FX) -----------------------------------------------------------------

AD_ACK = b"\x06"
"""The A&D acknowledgement ``AK`` (ASCII ACK), sent after a zero or tare command."""

_AD_WEIGHT = re.compile(r"(ST|US|QT),([+-])([0-9.]{1,9}) {0,3}([A-Za-z%]{1,3})")
_AD_OVERLOAD = re.compile(r"OL,([+-])[0-9.E+ ]{0,12}[A-Za-z% ]{0,3}")
_AD_INFO = re.compile(r"(ID|SN|TN),(.{1,40})")
_AD_ERRORS: Mapping[str, str] = MappingProxyType(
    {
        "E0": "communication error (parity, framing or overrun)",
        "E1": "undefined command",
        "E2": "not ready: the balance cannot take the command now",
        "E3": "timeout: the command was not completed in time",
        "E4": "too many characters in the command",
        "E6": "format error",
        "E7": "parameter setting error",
    }
)


def parse_ad_reply(line: bytes) -> ScaleReply:
    """Parse one A&D reply line.

    Handled: the 15-character weight format ``ST,+00123.45 ct`` (header ``ST`` stable,
    ``US`` unstable, ``QT`` counting, ``OL`` overload; a negative ``OL`` is underload), the
    bare ``AK`` (0x06) acknowledgement, ``EC,E<n>`` errors (``E2`` is busy) and the
    ``ID,``/``SN,``/``TN,`` answers to ``?ID``/``?SN``/``?TN``. A counting-mode reply carries
    pieces, not a weight: it is an error state, never a reading.

    Args:
        line: The reply without its terminator.

    Returns:
        The parsed reply.

    Raises:
        FrameError: The line does not follow the format.
    """
    if line == AD_ACK:
        return ScaleReply("", ReplyKind.DONE, "AK")
    if line.startswith(AD_ACK):  # AK in front of the data (the "AK" menu setting)
        line = line[1:]
    text = decode_reply(line)
    if text.startswith("EC,"):
        code = text[3:].strip()
        if not re.fullmatch(r"E[0-9A-Z]{1,2}", code):
            raise FrameError(f"scale reply {text!r}: malformed error code")
        meaning = _AD_ERRORS.get(code, "error reported by the balance")
        state = ScaleState.BUSY if code == "E2" else ScaleState.ERROR
        return ScaleReply("", ReplyKind.ERROR, text, state=state, text=f"{meaning} ({text})")
    info = _AD_INFO.fullmatch(text)
    if info:
        return ScaleReply(info.group(1), ReplyKind.INFO, text, text=info.group(2).strip())
    if _AD_OVERLOAD.fullmatch(text):
        state = ScaleState.UNDERLOAD if text[3] == "-" else ScaleState.OVERLOAD
        return ScaleReply("", ReplyKind.WEIGHT, text, state=state)
    match = _AD_WEIGHT.fullmatch(text)
    if match is None:
        raise FrameError(f"scale reply {text!r} is not an A&D weight, AK or EC line")
    header, sign, number, unit = match.groups()
    if header == "QT":
        return ScaleReply(
            "", ReplyKind.WEIGHT, text, state=ScaleState.ERROR,
            text="the balance is in counting mode (QT): switch it to weighing",
        )
    if len(number) not in (8, 9) or number.count(".") > 1:
        raise FrameError(f"scale reply {text!r}: the value field is not 8 characters")
    value, unit = parse_weight(sign + number, unit)
    state = ScaleState.STABLE if header == "ST" else ScaleState.DYNAMIC
    return ScaleReply("", ReplyKind.WEIGHT, text, state=state, value=value, unit=unit)


def parse_ad_info(replies: tuple[ScaleReply, ...]) -> ScaleInfo:
    """Build ``ScaleInfo`` from the ``TN`` (model) and ``SN`` (serial) answers.

    Args:
        replies: The ``INFO`` replies received.

    Returns:
        Model and serial number where given.
    """
    fields = {reply.reply_id: reply.text for reply in replies}
    return ScaleInfo(model=fields.get("TN", ""), serial=fields.get("SN", ""))


AD = ScaleProfile(
    name="ad",
    description="A&D GX-A/GF-A/GC/FX (Q, S, Z, T, ?TN, ?SN; ST/US/QT/OL, AK, EC)",
    read_now=ScaleCommand(b"Q\r\n"),
    read_stable=ScaleCommand(b"S\r\n"),
    zero=ScaleCommand(b"Z\r\n"),
    tare=ScaleCommand(b"T\r\n"),
    info=(ScaleCommand(b"?TN\r\n", "TN"), ScaleCommand(b"?SN\r\n", "SN")),
    parse_reply=parse_ad_reply,
    parse_info=parse_ad_info,
    tare_reports_weight=False,
    # A&D factory default: 2400 baud, 7 bits, even parity, 1 stop bit.
    baudrate=2400,
    bytesize=7,
    parity="E",
    stopbits=1,
)


# ---- Sartorius SBI -----------------------------------------------------------------------------

SBI_ID_CHARS = 6
"""Width of the ID field in front of the value in the 22-character output."""

_SBI_BODY_CHARS = 14
_SBI_SPECIAL = re.compile(r"(?:([A-Za-z]{1,6}) +)?[+-]? *(H|L|C|Err *([0-9]{1,3}))")
_SBI_ID = re.compile(r"[A-Za-z0-9 ]{6}")


def _printable(line: bytes, max_chars: int = MAX_REPLY_CHARS) -> str:
    """Decode a reply as printable ASCII, keeping leading spaces (they are columns)."""
    if len(line) > max_chars:
        raise FrameError(f"scale reply longer than {max_chars} characters")
    try:
        text = line.decode("ascii")
    except UnicodeDecodeError:
        raise FrameError(f"scale reply is not ASCII: {line[:40]!r}") from None
    if any(not " " <= ch <= "~" for ch in text):
        raise FrameError(f"scale reply holds control characters: {line[:40]!r}")
    text = text.rstrip(" ")
    if not text:
        raise FrameError("empty scale reply")
    return text


def parse_sbi_reply(line: bytes) -> ScaleReply:
    """Parse one Sartorius SBI data output line (16- or 22-character format).

    16 characters: sign or space, space, an 8-character value with leading zeros sent as
    spaces, space, a 3-character unit, CR LF. The 22-character format puts a 6-character ID
    (``N     ``, ``G     ``) in front. A missing unit means the reading is not stable. The
    special outputs ``H`` (overload), ``L`` (underload), ``C`` (adjusting: busy) and
    ``Err ###`` (fault) may stand in place of the value.

    Args:
        line: The reply without its terminator.

    Returns:
        The parsed reply.

    Raises:
        FrameError: The line does not follow the format.
    """
    text = _printable(line)
    special = _SBI_SPECIAL.fullmatch(text.strip())
    if special is not None:
        what = special.group(2)
        if what == "H":
            return ScaleReply("", ReplyKind.WEIGHT, text, state=ScaleState.OVERLOAD)
        if what == "L":
            return ScaleReply("", ReplyKind.WEIGHT, text, state=ScaleState.UNDERLOAD)
        if what == "C":
            return ScaleReply("", ReplyKind.WEIGHT, text, state=ScaleState.BUSY)
        return ScaleReply(
            "", ReplyKind.WEIGHT, text, state=ScaleState.ERROR, text=special.group(3)
        )
    if len(text) <= _SBI_BODY_CHARS:
        body = text.ljust(_SBI_BODY_CHARS)
    elif len(text) <= SBI_ID_CHARS + _SBI_BODY_CHARS:
        if not _SBI_ID.fullmatch(text[:SBI_ID_CHARS]):
            raise FrameError(f"scale reply {text!r}: malformed ID field")
        body = text[SBI_ID_CHARS:].ljust(_SBI_BODY_CHARS)
    else:
        raise FrameError(f"scale reply {text!r} is longer than an SBI data output")
    sign, number, unit = body[0], body[2:10].strip(), body[11:14].strip()
    if sign not in "+- " or body[1] != " " or body[10] != " ":
        raise FrameError(f"scale reply {text!r}: not an SBI sign/value/unit layout")
    if not number or body[9] == " ":
        raise FrameError(f"scale reply {text!r}: no right-aligned value")
    signed = ("-" if sign == "-" else "") + number
    if not unit:  # the LADS rule: no unit, not stable
        if not _NUMBER.fullmatch(signed) or len(signed) > 16:
            raise FrameError(f"scale sent a weight that is not a number: {number!r}")
        return ScaleReply(
            "", ReplyKind.WEIGHT, text, state=ScaleState.DYNAMIC, value=Decimal(signed)
        )
    value, unit = parse_weight(signed, unit)
    return ScaleReply("", ReplyKind.WEIGHT, text, state=ScaleState.STABLE, value=value, unit=unit)


def parse_sbi_info(replies: tuple[ScaleReply, ...]) -> ScaleInfo:
    """Build ``ScaleInfo`` from the ``ESC x1_``/``x2_``/``x3_`` answers.

    Args:
        replies: The ``INFO`` replies, labelled ``x1`` (model), ``x2`` (serial), ``x3``
            (firmware).

    Returns:
        Model, serial number and firmware where given.
    """
    fields = {reply.reply_id: reply.text for reply in replies}
    return ScaleInfo(
        model=fields.get("x1", ""), serial=fields.get("x2", ""), firmware=fields.get("x3", "")
    )


SBI = ScaleProfile(
    name="sbi",
    description="Sartorius SBI (ESC P, ESC V zero, ESC U tare, ESC x1_/x2_/x3_; 16/22 chars)",
    read_now=ScaleCommand(b"\x1bP"),
    read_stable=ScaleCommand(b"\x1bP"),
    zero=ScaleCommand(b"\x1bV", expects_reply=False),
    tare=ScaleCommand(b"\x1bU", expects_reply=False),
    info=(
        ScaleCommand(b"\x1bx1_", "x1", free_text=True),
        ScaleCommand(b"\x1bx2_", "x2", free_text=True),
        ScaleCommand(b"\x1bx3_", "x3", free_text=True),
    ),
    parse_reply=parse_sbi_reply,
    parse_info=parse_sbi_info,
    tare_reports_weight=False,
    # Sartorius factory default: 1200 baud, 7 bits, odd parity, 1 stop bit.
    baudrate=1200,
    bytesize=7,
    parity="O",
    stopbits=1,
)


# ---- Ohaus (Discovery, Explorer, Adventurer, Navigator) ------------------------------------------

_OHAUS_STATES: Mapping[str, ScaleState] = MappingProxyType(
    {
        "OL": ScaleState.OVERLOAD,
        "-OL-": ScaleState.OVERLOAD,
        "UL": ScaleState.UNDERLOAD,
        "-UL-": ScaleState.UNDERLOAD,
        "BUSY": ScaleState.BUSY,
        "-----": ScaleState.BUSY,
    }
)
_OHAUS_ERROR = re.compile(r"Err *([0-9][0-9.]{0,5})")
_OHAUS_UNIT = re.compile(r"[A-Za-z]{1,5}")


def parse_ohaus_reply(line: bytes) -> ScaleReply:
    """Parse one Ohaus output line.

    The format is a 9-character right-aligned value, a space, the unit (up to 5 characters)
    and ``?`` when the reading is unstable. ``ES`` answers an unknown command. The balance
    states that the Ohaus manuals leave open are read as ``OL``/``-OL-`` (overload),
    ``UL``/``-UL-`` (underload), ``BUSY``/``-----`` (busy) and ``Err <code>`` (fault).

    Args:
        line: The reply without its terminator.

    Returns:
        The parsed reply.

    Raises:
        FrameError: The line does not follow the format.
    """
    text = decode_reply(line)
    if text == "ES":
        return ScaleReply(
            "", ReplyKind.ERROR, text, state=ScaleState.ERROR,
            text="syntax error: the balance did not recognise the command",
        )
    if text in _OHAUS_STATES:
        return ScaleReply("", ReplyKind.WEIGHT, text, state=_OHAUS_STATES[text])
    fault = _OHAUS_ERROR.fullmatch(text)
    if fault is not None:
        return ScaleReply("", ReplyKind.WEIGHT, text, state=ScaleState.ERROR, text=fault.group(1))
    words = text.split()
    unstable = bool(words) and words[-1] == "?"
    if unstable:
        words = words[:-1]
    if len(words) != 2 or not _OHAUS_UNIT.fullmatch(words[1]):
        raise FrameError(f"scale reply {text!r} is not an Ohaus value and unit")
    value, unit = parse_weight(words[0], words[1])
    state = ScaleState.DYNAMIC if unstable else ScaleState.STABLE
    return ScaleReply("", ReplyKind.WEIGHT, text, state=state, value=value, unit=unit)


def parse_ohaus_info(replies: tuple[ScaleReply, ...]) -> ScaleInfo:
    """Build ``ScaleInfo`` from the ``PSN`` (serial) and ``PV`` (version) answers.

    Args:
        replies: The ``INFO`` replies, labelled ``PSN`` and ``PV``.

    Returns:
        Serial number and firmware where given (``PV`` names the model too).
    """
    fields = {reply.reply_id: reply.text for reply in replies}
    version = fields.get("PV", "")
    model = version.split(",")[0].strip() if "," in version else ""
    return ScaleInfo(model=model, serial=fields.get("PSN", ""), firmware=version)


OHAUS = ScaleProfile(
    name="ohaus",
    description="Ohaus Discovery/Explorer/Adventurer/Navigator (IP, SP, Z, T, PSN, PV)",
    read_now=ScaleCommand(b"IP\r\n"),
    read_stable=ScaleCommand(b"SP\r\n"),
    zero=ScaleCommand(b"Z\r\n", expects_reply=False),
    tare=ScaleCommand(b"T\r\n", expects_reply=False),
    info=(
        ScaleCommand(b"PSN\r\n", "PSN", free_text=True),
        ScaleCommand(b"PV\r\n", "PV", free_text=True),
    ),
    parse_reply=parse_ohaus_reply,
    parse_info=parse_ohaus_info,
    tare_reports_weight=False,
    baudrate=9600,
    bytesize=8,
    parity="N",
    stopbits=1,
)

PROFILES: Mapping[str, ScaleProfile] = MappingProxyType(
    {profile.name: profile for profile in (MT_SICS, AD, SBI, OHAUS)}
)
"""Every known balance protocol by name (the ``[scale] protocol`` setting)."""


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
        self._last_unit: str | None = None

    # ---- Scale protocol ------------------------------------------------------------------

    def read_now(self, timeout_s: float = 1.0) -> ScaleReading:
        """One round trip of the read-now command: the weight in whatever state it is.

        Args:
            timeout_s: How long to wait for the reply.

        Returns:
            A reading in any state (stable, dynamic, overload, underload, busy, error). A
            weight without a unit (SBI while unstable) gets the unit of the last stable one.

        Raises:
            DeviceDisconnectedError: The balance is unplugged or switched off.
            DeviceTimeoutError: No reply in time.
            FrameError: The reply did not parse, or was not a weight reply.
        """
        reply = self._transact(self.profile.read_now, timeout_s)
        if reply.state is None:
            raise FrameError(f"{self.name}: expected a weight reply, got {reply.raw!r}")
        reading = _reading(reply)
        if reading.unit is not None:
            self._last_unit = reading.unit
        elif reading.value is not None and self._last_unit is not None:
            # Sartorius SBI sends no unit while unstable: the balance weighs in the unit of
            # its last stable reply (shown only; an unstable reading is never accepted).
            reading = dataclasses.replace(reading, unit=self._last_unit)
        return reading

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
            poll_s = min(remaining_s, POLL_REPLY_S)
            try:
                reading = self.read_now(timeout_s=poll_s)
            except DeviceTimeoutError as exc:
                run, last_key = 0, None
                # A poll cut short by the deadline says nothing about the balance: the last
                # reply seen (overload, say) stays the message.
                if poll_s >= POLL_REPLY_S or last_seen == "no reply":
                    last_seen = str(exc)
            except FrameError as exc:
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
        self._execute(self.profile.zero, timeout_s, "zero")

    def tare(self, timeout_s: float = 5.0) -> ScaleReading:
        """Tare the balance.

        Args:
            timeout_s: How long to wait for the balance to confirm.

        Where the protocol only acknowledges a tare (``tare_reports_weight`` false), the
        stable weight on the pan is read first and returned: the weight the tare took off,
        with the raw line it came in.

        Returns:
            The tare weight as a stable reading.

        Raises:
            DeviceError: The balance refused (busy, overload, underload, error), or, for an
                acknowledge-only protocol, the weight on the pan was not stable.
            DeviceDisconnectedError: The balance is unplugged or switched off.
            DeviceTimeoutError: No reply in time.
        """
        if not self.profile.tare_reports_weight:
            deadline = time.monotonic() + timeout_s
            before = self.read_now(timeout_s=min(timeout_s, 1.0))
            if before.state is not ScaleState.STABLE or before.value is None:
                raise DeviceError(
                    f"{self.name}: cannot tare: the weight is not stable ({before.raw})"
                )
            self._execute(self.profile.tare, max(0.0, deadline - time.monotonic()), "tare")
            return before
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

    def _execute(self, command: ScaleCommand, timeout_s: float, what: str) -> None:
        """Send a command that is answered by an acknowledgement, or not at all."""
        if not command.expects_reply:
            self.link.drain(timeout_s)
            self.link.write(command.wire)
            return
        reply = self._transact(command, timeout_s)
        if reply.kind is not ReplyKind.DONE:
            raise DeviceError(f"{self.name}: cannot {what}: {_refusal(reply)}")

    def _transact(self, command: ScaleCommand, timeout_s: float) -> ScaleReply:
        """Drain, send, and read the reply that answers ``command``."""
        deadline = time.monotonic() + timeout_s
        self.link.drain(timeout_s)
        self.link.write(command.wire)
        if command.free_text:
            return self._free_text(command, deadline, timeout_s)
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


    def _free_text(self, command: ScaleCommand, deadline: float, timeout_s: float) -> ScaleReply:
        """Read the bare text answer to an information query (weights are stale: skipped)."""
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
            except FrameError:
                text = decode_reply(line)
                return ScaleReply(command.reply_id, ReplyKind.INFO, text, text=text)
            if reply.kind is ReplyKind.ERROR:
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
        return _MT_ERRORS.get(reply.raw, reply.text or reply.raw)
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
    text = wire.strip().replace(b"\x1b", b"ESC ")
    return text.decode("ascii", "backslashreplace") or repr(wire)

