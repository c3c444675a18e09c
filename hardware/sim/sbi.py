"""A Sartorius SBI carat balance on a pty: ESC P, ESC T/U/V, ESC x1_/x2_/x3_; 16/22 chars."""

from __future__ import annotations

from decimal import Decimal

from hardware.sim.balance import Done, Measured, SimulatedBalance

ESC = 0x1B
CRLF = b"\r\n"


class SbiSimulator(SimulatedBalance):
    """A Sartorius balance in SBI mode.

    ``ESC P`` prints the weight now; an unstable reading has no unit. With
    ``id_prefix=True`` every output carries the 6-character ID (``G     `` gross, ``N     ``
    net while a tare is set): the 22-character format. ``ESC V`` zeroes, ``ESC U`` tares,
    ``ESC T`` tares or zeroes (zero when the pan is empty); none of them answers. Busy is
    ``C`` (adjusting), overload ``H``, underload ``L``, a fault ``Err ###``.
    ``ESC x1_``/``x2_``/``x3_`` answer model, serial number and firmware. Commands may end
    in CR LF or not.
    """

    protocol = "sbi"

    def __init__(
        self, *args: object, id_prefix: bool = False, firmware: str = "01-70-02", **kwargs: object
    ) -> None:
        """Create the balance; ``id_prefix`` selects the 22-character output."""
        kwargs.setdefault("model", "MSE524S")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.id_prefix = id_prefix
        self.firmware = firmware

    def take_commands(self, pending: bytearray) -> list[bytes]:
        """Cut ``ESC <letter>`` and ``ESC x<digit>_`` commands; CR and LF between are dropped."""
        commands: list[bytes] = []
        i = 0
        while i < len(pending):
            byte = pending[i]
            if byte in (0x0D, 0x0A):
                i += 1
                continue
            if byte == ESC:
                if i + 1 >= len(pending):
                    break
                size = 4 if pending[i + 1] == ord("x") else 2
                if i + size > len(pending):
                    break
                commands.append(bytes(pending[i : i + size]))
                i += size
                continue
            end = i
            while end < len(pending) and pending[end] not in (0x0D, 0x0A, ESC):
                end += 1
            if end == len(pending):
                break
            commands.append(bytes(pending[i:end]))  # not SBI: ignored by answer
            i = end
        del pending[:i]
        return commands

    def answer(self, command: bytes) -> bytes | None:
        """The reply to one SBI command (``None`` for the silent ones and unknown bytes)."""
        if command == b"\x1bP":
            return self._weight()
        if command == b"\x1bV":
            self.do_zero()
            return None
        if command == b"\x1bU":
            self.do_tare()
            return None
        if command == b"\x1bT":
            if self.net_ct == 0 and self.do_zero() is Done.OK:
                return None
            self.do_tare()
            return None
        if command == b"\x1bx1_":
            return self.model.encode() + CRLF
        if command == b"\x1bx2_":
            return self.serial_number.encode() + CRLF
        if command == b"\x1bx3_":
            return self.firmware.encode() + CRLF
        return None

    def _weight(self) -> bytes:
        state, value = self.measure(wait=False)
        if state is Measured.STABLE:
            body = format_sbi_body(value, self.unit)
        elif state is Measured.DYNAMIC:
            body = format_sbi_body(value, "")
        elif state is Measured.ERROR:
            body = f"Err {self.error_code}".rjust(10).ljust(14)
        else:
            letter = {
                Measured.OVERLOAD: "H",
                Measured.UNDERLOAD: "L",
                Measured.BUSY: "C",
                Measured.UNSETTLED: "C",
            }[state]
            body = f"{letter:>10}".ljust(14)
        if self.id_prefix:
            body = ("N" if self.tare_ct else "G").ljust(6) + body
        return body.encode() + CRLF


def format_sbi_body(value: Decimal, unit: str) -> str:
    """The 14 characters before CR LF: sign, space, 8-character value, space, 3-char unit.

    Args:
        value: The weight in the reply unit.
        unit: The unit, or ``""`` for an unstable reading.

    Returns:
        The body of a 16-character output line.
    """
    sign = "-" if value < 0 else "+"
    return f"{sign} {abs(value):>8f} {unit:<3}"
