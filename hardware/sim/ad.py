"""An A&D carat balance on a pty: Q, S, SI, SIR, C, Z/R, T, ?ID/?SN/?TN; ST/US/OL, AK, EC."""

from __future__ import annotations

from decimal import Decimal

from hardware.sim.balance import Done, Measured, SimulatedBalance

ACK = b"\x06"
CRLF = b"\r\n"


class AdSimulator(SimulatedBalance):
    """An A&D balance (GX-A/GF-A/FX class) speaking the standard 15-character format.

    ``Q`` and ``SI`` send the weight now, ``S`` waits for stability (``EC,E3`` when it does
    not come). ``SIR`` answers like ``SI`` and ``C`` ends it (the continuous stream itself is
    not simulated: the driver polls). ``Z``/``R`` and ``T``
    are acknowledged with ``AK`` (0x06) or refused with ``EC,E2`` (busy) / ``EC,E7`` (out of
    range). ``?ID``, ``?SN``, ``?TN`` answer ``ID,``, ``SN,``, ``TN,``. Anything else is
    ``EC,E1``.
    """

    protocol = "ad"

    def __init__(self, *args: object, balance_id: str = "LAB-0001", **kwargs: object) -> None:
        """Create the balance; ``balance_id`` answers ``?ID``, the rest as in the base."""
        kwargs.setdefault("model", "GX-1003A")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.balance_id = balance_id
        self.streaming = False

    def answer(self, command: bytes) -> bytes | None:
        """The reply to one A&D command."""
        text = command.decode("ascii", "replace").strip()
        if text in ("Q", "SI"):
            return self._weight(wait=False)
        if text == "S":
            return self._weight(wait=True)
        if text == "SIR":
            self.streaming = True
            return self._weight(wait=False)
        if text == "C":
            self.streaming = False
            return None
        if text in ("Z", "R"):
            return self._done(self.do_zero())
        if text == "T":
            return self._done(self.do_tare())
        if text == "?ID":
            return f"ID,{self.balance_id}".encode() + CRLF
        if text == "?SN":
            return f"SN,{self.serial_number}".encode() + CRLF
        if text == "?TN":
            return f"TN,{self.model}".encode() + CRLF
        return b"EC,E1" + CRLF

    def _weight(self, wait: bool) -> bytes:
        state, value = self.measure(wait)
        if state is Measured.BUSY:
            return b"EC,E2" + CRLF
        if state is Measured.UNSETTLED:
            return b"EC,E3" + CRLF
        if state is Measured.ERROR:
            return f"EC,E{self.error_code}".encode() + CRLF
        if state is Measured.OVERLOAD:
            return b"OL,+9999999E+19" + CRLF
        if state is Measured.UNDERLOAD:
            return b"OL,-9999999E+19" + CRLF
        header = "ST" if state is Measured.STABLE else "US"
        return f"{header},{format_ad_value(value)}{self.unit:>3}".encode() + CRLF

    @staticmethod
    def _done(done: Done) -> bytes:
        if done is Done.OK:
            return ACK + CRLF
        if done is Done.BUSY:
            return b"EC,E2" + CRLF
        return b"EC,E7" + CRLF


def format_ad_value(value: Decimal) -> str:
    """The 9-character signed, zero-padded value field (``+00123.45``).

    Args:
        value: The weight in the reply unit.

    Returns:
        Sign and 8 characters of digits and point.
    """
    sign = "-" if value < 0 else "+"
    digits = f"{abs(value):f}"
    return sign + digits.rjust(8, "0")[-8:] if len(digits) <= 8 else sign + digits[:8]
