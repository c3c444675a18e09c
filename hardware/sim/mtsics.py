"""A Mettler Toledo MT-SICS carat balance on a pty, with settling, limits and fault injection."""

from __future__ import annotations

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


class MtSicsSimulator(PtyDevice):
    """An MT-SICS balance: ``S``, ``SI``, ``Z``, ``T``, ``@``, ``I2``, ``I4``; anything else ``ES``.

    ``set_weight`` puts a load on the pan: the next ``dynamic_replies`` weight replies are
    dynamic (``D``) with a wobbling value, then stable. ``S`` waits for stability for up to
    ``stability_wait_replies`` settling steps, else answers ``S I``. Above ``capacity_ct``
    the balance answers ``+``, below zero by more than ``underload_ct`` it answers ``-``.

    Faults, settable at any time from the test:
        busy: answer ``S I``/``SI I`` (and ``Z I``/``T I``).
        error_code: answer ``S S Error <code>`` (``SI S Error <code>`` to ``SI``).
        split_replies: write each reply in two chunks with ``split_gap_s`` between.
        corrupt_replies: damage the next N replies (a non-ASCII byte inside the value).
        truncate_replies: send only the first half of the next N replies, no terminator.
        mute: answer nothing (a balance switched to another interface mode).
    Use ``inject_noise`` for bytes out of the blue.
    """

    def __init__(
        self,
        link_path: str | os.PathLike[str] | None = None,
        *,
        byte_delay_s: float = 0.0,
        capacity_ct: Decimal = Decimal("1000.000"),
        underload_ct: Decimal = Decimal("1.000"),
        decimals: int = 3,
        unit: str = "ct",
        model: str = "XPR-SIM 1000C",
        serial_number: str = "B123456789",
        dynamic_replies: int = 3,
        stability_wait_replies: int = 10,
        settle_step_s: float = 0.01,
        split_gap_s: float = 0.03,
        name: str = "mt-sics",
    ) -> None:
        """Create the balance, empty and zeroed.

        Args:
            link_path: Stable symlink to the port (see ``PtyDevice``).
            byte_delay_s: Pause after each byte sent (baud pacing).
            capacity_ct: Above this gross weight the balance is overloaded.
            underload_ct: This far below zero the balance is underloaded.
            decimals: Digits after the point in weight replies.
            unit: ``ct``, ``g`` or ``mg``: the unit replies are sent in.
            model: Type name for ``I2``.
            serial_number: Serial number for ``I4`` and ``@``.
            dynamic_replies: Weight replies that are dynamic after each ``set_weight``.
            stability_wait_replies: Settling steps ``S`` waits before ``S I``.
            settle_step_s: Time one settling step takes while ``S`` waits.
            split_gap_s: Pause between the two chunks of a split reply.
            name: For the thread name and logs.
        """
        super().__init__(link_path, byte_delay_s=byte_delay_s, name=name)
        if unit not in ("ct", "g", "mg"):
            raise ValueError(f"MT-SICS simulator: unit must be ct, g or mg, got {unit!r}")
        self.capacity_ct = capacity_ct
        self.underload_ct = underload_ct
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

    # ---- Protocol ------------------------------------------------------------------------

    def handle(self, line: bytes) -> None:
        """Answer one MT-SICS command."""
        command = line.decode("ascii", "replace").strip()
        reply = self._answer(command)
        if reply is not None and not self.mute:
            self._reply(reply)

    def _answer(self, command: str) -> str | None:
        if command == "SI":
            return self._weight("SI", wait=False)
        if command == "S":
            return self._weight("S", wait=True)
        if command == "Z":
            return self._zero()
        if command == "T":
            return self._tare()
        if command == "@":
            with self._state_lock:
                self._tare_ct = Decimal(0)
                self._unsettled = 0
            return f'I4 A "{self.serial_number}"'
        if command == "I2":
            return f'I2 A "{self.model} {self._format(self.capacity_ct).strip()} {self.unit}"'
        if command == "I4":
            return f'I4 A "{self.serial_number}"'
        return "ES"

    def _limit(self) -> str | None:
        """``+`` or ``-`` when the load is out of range (call with the state lock held)."""
        if self._gross_ct > self.capacity_ct:
            return "+"
        if self._gross_ct - self._zero_ct < -self.underload_ct:
            return "-"
        return None

    def _weight(self, reply_id: str, wait: bool) -> str:
        if self.busy:
            return f"{reply_id} I"
        if self.error_code is not None:
            return f"{reply_id} S Error {self.error_code}"
        if wait:
            with self._state_lock:
                steps = min(self._unsettled, self.stability_wait_replies)
            if steps and not self.pause(steps * self.settle_step_s):
                return f"{reply_id} I"
            with self._state_lock:
                self._unsettled -= steps
                if self._unsettled > 0:
                    return f"{reply_id} I"
        with self._state_lock:
            limit = self._limit()
            if limit is not None:
                return f"{reply_id} {limit}"
            net_ct = self._gross_ct - self._zero_ct - self._tare_ct
            if self._unsettled > 0:
                self._unsettled -= 1
                wobble = _WOBBLE_CT[self._unsettled % len(_WOBBLE_CT)] * (self._unsettled + 1)
                return f"{reply_id} D {self._format(net_ct + wobble)} {self.unit}"
            return f"{reply_id} S {self._format(net_ct)} {self.unit}"

    def _zero(self) -> str:
        if self.busy:
            return "Z I"
        with self._state_lock:
            limit = self._limit()
            if limit is not None:
                return f"Z {limit}"
            self._zero_ct = self._gross_ct
            self._tare_ct = Decimal(0)
            self._unsettled = 0
        return "Z A"

    def _tare(self) -> str:
        if self.busy:
            return "T I"
        with self._state_lock:
            limit = self._limit()
            if limit is not None:
                return f"T {limit}"
            self._tare_ct = self._gross_ct - self._zero_ct
            self._unsettled = 0
            tare_ct = self._tare_ct
        return f"T S {self._format(tare_ct)} {self.unit}"

    def _format(self, weight_ct: Decimal) -> str:
        """A weight in the reply unit, right-aligned in 10 characters as MT-SICS sends it."""
        value = weight_ct
        if self.unit == "g":
            value = weight_ct * GRAMS_PER_CARAT
        elif self.unit == "mg":
            value = weight_ct * GRAMS_PER_CARAT * 1000
        quantum = Decimal(1).scaleb(-self.decimals)
        return f"{value.quantize(quantum):>10f}"

    def _reply(self, text: str) -> None:
        data = text.encode("ascii") + b"\r\n"
        if self.truncate_replies > 0:
            self.truncate_replies -= 1
            self.send(data[: max(1, len(text) // 2)])
            return
        if self.corrupt_replies > 0:
            self.corrupt_replies -= 1
            middle = len(text) - 4
            data = data[:middle] + b"\xff" + data[middle:]
        if self.split_replies:
            cut = len(data) // 2
            self.send(data[:cut])
            self.pause(self.split_gap_s)
            self.send(data[cut:])
        else:
            self.send(data)
