"""The weighing model shared by the A&D, Sartorius SBI and Ohaus balance simulators."""

from __future__ import annotations

import enum
import os
import threading
from decimal import Decimal

from hardware.sim.pty import PtyDevice

GRAMS_PER_CARAT = Decimal("0.2")

_WOBBLE_CT = (
    Decimal("0.037"),
    Decimal("-0.021"),
    Decimal("0.012"),
    Decimal("-0.006"),
    Decimal("0.004"),
)


class Measured(enum.StrEnum):
    """What the simulated load cell shows when a weight reply is due."""

    STABLE = "stable"
    DYNAMIC = "dynamic"
    OVERLOAD = "overload"
    UNDERLOAD = "underload"
    BUSY = "busy"
    ERROR = "error"
    UNSETTLED = "unsettled"
    """A stable-only command gave up waiting for stability."""


class Done(enum.StrEnum):
    """The outcome of a simulated zero or tare."""

    OK = "ok"
    BUSY = "busy"
    OVERLOAD = "overload"
    UNDERLOAD = "underload"


class SimulatedBalance(PtyDevice):
    """A carat balance on a pty: the load, zero, tare, settling, limits and fault injection.

    Subclasses speak a wire protocol: they implement ``answer`` (one command in, the reply
    bytes out, terminator included, or ``None``) and format what ``measure`` returns.

    ``set_weight`` puts a load on the pan: the next ``dynamic_replies`` weight replies are
    dynamic with a wobbling value, then stable. A stable-only command waits up to
    ``stability_wait_replies`` settling steps. Above ``capacity_ct`` the balance is
    overloaded, more than ``underload_ct`` below zero underloaded.

    Faults, settable at any time:
        busy: weight replies and zero/tare are refused as busy.
        error_code: weight replies report this fault code.
        split_replies: write each reply in two chunks with ``split_gap_s`` between.
        corrupt_replies: damage the next N replies (a non-ASCII byte inside).
        truncate_replies: send only the first half of the next N replies, no terminator.
        mute: answer nothing.
    ``inject_noise`` puts bytes out of the blue on the line; ``unplug``/``replug`` pull and
    reconnect the cable.
    """

    protocol = ""
    """The ``PROFILES`` key this simulator speaks."""

    def __init__(
        self,
        link_path: str | os.PathLike[str] | None = None,
        *,
        byte_delay_s: float = 0.0,
        capacity_ct: Decimal = Decimal("1000.000"),
        underload_ct: Decimal = Decimal("1.000"),
        decimals: int = 3,
        unit: str = "ct",
        model: str = "SIM-1000C",
        serial_number: str = "B123456789",
        dynamic_replies: int = 3,
        stability_wait_replies: int = 10,
        settle_step_s: float = 0.01,
        split_gap_s: float = 0.03,
        name: str = "",
    ) -> None:
        """Create the balance, empty and zeroed.

        Args:
            link_path: Stable symlink to the port (see ``PtyDevice``).
            byte_delay_s: Pause after each byte sent (baud pacing).
            capacity_ct: Above this gross weight the balance is overloaded.
            underload_ct: This far below zero the balance is underloaded.
            decimals: Digits after the point in weight replies.
            unit: ``ct``, ``g`` or ``mg``: the unit replies are sent in.
            model: Model name, where the protocol tells it.
            serial_number: Serial number, where the protocol tells it.
            dynamic_replies: Weight replies that are dynamic after each ``set_weight``.
            stability_wait_replies: Settling steps a stable-only command waits.
            settle_step_s: Time one settling step takes while such a command waits.
            split_gap_s: Pause between the two chunks of a split reply.
            name: For the thread name and logs (default: the protocol).
        """
        super().__init__(link_path, byte_delay_s=byte_delay_s, name=name or self.protocol)
        if unit not in ("ct", "g", "mg"):
            raise ValueError(f"{self.name} simulator: unit must be ct, g or mg, got {unit!r}")
        if not 0 <= decimals <= 5:
            raise ValueError(f"{self.name} simulator: decimals must be 0-5, got {decimals}")
        self.capacity_ct = Decimal(capacity_ct)
        self.underload_ct = Decimal(underload_ct)
        self.decimals = decimals
        self.unit = unit
        self.model = model
        self.serial_number = serial_number
        self.dynamic_replies = dynamic_replies
        self.stability_wait_replies = stability_wait_replies
        self.settle_step_s = settle_step_s
        self.split_gap_s = split_gap_s
        self.busy = False
        self.error_code: str | None = None
        self.split_replies = False
        self.corrupt_replies = 0
        self.truncate_replies = 0
        self.mute = False
        self._state_lock = threading.Lock()
        self._gross_ct = Decimal(0)
        self._zero_ct = Decimal(0)
        self._tare_ct = Decimal(0)
        self._unsettled = 0

    # ---- Test controls -------------------------------------------------------------------

    def set_weight(self, weight_ct: Decimal) -> None:
        """Put a load on the pan (gross, in carats); the reading settles over a few replies.

        Args:
            weight_ct: Gross weight in carats; negative for a lifted pan.
        """
        with self._state_lock:
            self._gross_ct = Decimal(weight_ct)
            self._unsettled = self.dynamic_replies

    @property
    def net_ct(self) -> Decimal:
        """What the display shows now, in carats (gross minus zero minus tare)."""
        with self._state_lock:
            return self._gross_ct - self._zero_ct - self._tare_ct

    @property
    def tare_ct(self) -> Decimal:
        """The tare in use, in carats."""
        with self._state_lock:
            return self._tare_ct

    # ---- For subclasses ------------------------------------------------------------------

    def answer(self, command: bytes) -> bytes | None:
        """The reply to one command, terminator included, or ``None`` for no reply.

        Args:
            command: The command as received (terminator removed).
        """
        raise NotImplementedError

    def handle(self, line: bytes) -> None:
        """Answer one command through ``answer``, with the faults applied."""
        reply = self.answer(line)
        if reply is not None and not self.mute:
            self.send_reply(reply)
        self.restore_line_settings()  # so a driver can reopen the pty at 7E1 / 7O1

    def measure(self, wait: bool) -> tuple[Measured, Decimal]:
        """What a weight reply shows now, and the net weight in the reply unit.

        Args:
            wait: A stable-only command: wait out the settling, up to the limit.

        Returns:
            The state and the value (quantised, in the reply unit; 0 where none applies).
        """
        if self.busy:
            return Measured.BUSY, Decimal(0)
        if self.error_code is not None:
            return Measured.ERROR, Decimal(0)
        if wait:
            with self._state_lock:
                steps = min(self._unsettled, self.stability_wait_replies)
            if steps and not self.pause(steps * self.settle_step_s):
                return Measured.UNSETTLED, Decimal(0)
            with self._state_lock:
                self._unsettled -= steps
                if self._unsettled > 0:
                    return Measured.UNSETTLED, Decimal(0)
        with self._state_lock:
            limit = self._limit()
            if limit is not None:
                return limit, Decimal(0)
            net_ct = self._gross_ct - self._zero_ct - self._tare_ct
            if self._unsettled > 0:
                self._unsettled -= 1
                wobble = _WOBBLE_CT[self._unsettled % len(_WOBBLE_CT)] * (self._unsettled + 1)
                return Measured.DYNAMIC, self.in_unit(net_ct + wobble)
            return Measured.STABLE, self.in_unit(net_ct)

    def do_zero(self) -> Done:
        """Zero the balance, unless busy or out of range."""
        if self.busy:
            return Done.BUSY
        with self._state_lock:
            limit = self._limit()
            if limit is not None:
                return Done(limit.value)
            self._zero_ct = self._gross_ct
            self._tare_ct = Decimal(0)
            self._unsettled = 0
        return Done.OK

    def do_tare(self) -> Done:
        """Tare the balance, unless busy or out of range."""
        if self.busy:
            return Done.BUSY
        with self._state_lock:
            limit = self._limit()
            if limit is not None:
                return Done(limit.value)
            self._tare_ct = self._gross_ct - self._zero_ct
            self._unsettled = 0
        return Done.OK

    def in_unit(self, weight_ct: Decimal) -> Decimal:
        """A weight in carats converted to the reply unit and rounded to ``decimals``."""
        value = weight_ct
        if self.unit == "g":
            value = weight_ct * GRAMS_PER_CARAT
        elif self.unit == "mg":
            value = weight_ct * GRAMS_PER_CARAT * 1000
        return value.quantize(Decimal(1).scaleb(-self.decimals))

    def send_reply(self, data: bytes) -> None:
        """Send a reply with the injected faults applied (truncate, corrupt, split)."""
        if self.truncate_replies > 0:
            self.truncate_replies -= 1
            self.send(data[: max(1, len(data.rstrip(b"\r\n")) // 2)])
            return
        if self.corrupt_replies > 0:
            self.corrupt_replies -= 1
            middle = max(1, len(data) // 2)
            data = data[:middle] + b"\xff" + data[middle:]
        if self.split_replies and len(data) > 1:
            cut = len(data) // 2
            self.send(data[:cut])
            self.pause(self.split_gap_s)
            self.send(data[cut:])
        else:
            self.send(data)

    def _limit(self) -> Measured | None:
        """Overload or underload (call with the state lock held)."""
        if self._gross_ct > self.capacity_ct:
            return Measured.OVERLOAD
        if self._gross_ct - self._zero_ct < -self.underload_ct:
            return Measured.UNDERLOAD
        return None
