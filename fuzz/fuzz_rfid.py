"""atheris: EM4100 frames and Chafon inventory replies (also with a correct length and CRC)."""

from __future__ import annotations

import contextlib

import _harness

MODULES = ("hardware.rfid",)


def one_input(data: bytes) -> None:
    """Raw frames, and the same bytes wrapped in a good Chafon length byte and CRC."""
    from hardware.base import FrameError
    from hardware.rfid import crc16_mcrf4xx, parse_chafon_reply, parse_em4100_frame

    with contextlib.suppress(FrameError):
        parse_em4100_frame(data)
    body = data[:250]
    head = bytes([len(body) + 2]) + body
    crc = crc16_mcrf4xx(head)
    for frame in (data, head + bytes([crc & 0xFF, crc >> 8])):
        for pc_word in (False, True):
            with contextlib.suppress(FrameError):
                parse_chafon_reply(frame, pc_word)


def seeds() -> list[bytes]:
    """A good EM4100 frame, and Chafon inventory replies with and without PC words."""
    from hardware.rfid import chafon_inventory_reply, em4100_frame

    epc = bytes.fromhex("300833B2DDD9014000000001")
    return [
        em4100_frame("0F00A1B2C3"),
        chafon_inventory_reply([epc, epc[:4]]),
        chafon_inventory_reply([bytes([0x30, 0x00]) + epc]),
    ]


if __name__ == "__main__":
    _harness.run(one_input, MODULES, seeds)
