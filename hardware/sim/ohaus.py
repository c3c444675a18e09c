"""An Ohaus carat balance on a pty: IP, P, SP, CP/0P, Z, T, PT, PSN, PV; ``?`` marks unstable."""

from __future__ import annotations

from hardware.sim.balance import Measured, SimulatedBalance

CRLF = b"\r\n"


class OhausSimulator(SimulatedBalance):
    """An Ohaus balance (Discovery, Explorer, Adventurer class).

    ``IP``/``P`` print the weight now, ``SP`` only a stable one (nothing when it does not
    settle in time). The output is a 9-character right-aligned value, a space, the unit
    padded to 5 characters and ``?`` when unstable. ``Z`` and ``T`` answer nothing; ``PT``
    prints the tare. Overload is ``-OL-``, underload ``-UL-``, busy ``BUSY``, a fault
    ``Err <code>``. ``PSN`` and ``PV`` answer the serial number and the version line;
    anything else is ``ES``.
    """

    protocol = "ohaus"

    def __init__(self, *args: object, version: str = "", **kwargs: object) -> None:
        """Create the balance; ``version`` answers ``PV`` (default: model and 1.23)."""
        kwargs.setdefault("model", "Explorer EX324")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.version = version or f"{self.model}, 1.23"

    def answer(self, command: bytes) -> bytes | None:
        """The reply to one Ohaus command."""
        text = command.decode("ascii", "replace").strip()
        if text in ("IP", "P"):
            return self._weight(wait=False)
        if text == "SP":
            return self._weight(wait=True)
        if text == "Z":
            self.do_zero()
            return None
        if text == "T":
            self.do_tare()
            return None
        if text == "PT":
            return self._line(self.in_unit(self.tare_ct), stable=True)
        if text == "PSN":
            return self.serial_number.encode() + CRLF
        if text == "PV":
            return self.version.encode() + CRLF
        return b"ES" + CRLF

    def _weight(self, wait: bool) -> bytes | None:
        state, value = self.measure(wait)
        if state is Measured.UNSETTLED:
            return None
        if state in (Measured.STABLE, Measured.DYNAMIC):
            return self._line(value, stable=state is Measured.STABLE)
        if state is Measured.ERROR:
            return f"Err {self.error_code}".encode() + CRLF
        word = {Measured.OVERLOAD: "-OL-", Measured.UNDERLOAD: "-UL-", Measured.BUSY: "BUSY"}
        return word[state].encode() + CRLF

    def _line(self, value: object, stable: bool) -> bytes:
        mark = "" if stable else "?"
        return f"{value:>9} {self.unit:<5}{mark}".rstrip().encode() + CRLF
