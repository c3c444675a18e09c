"""atheris: balance replies (MT-SICS, A&D, SBI, Ohaus) and their INFO parsers."""

from __future__ import annotations

import contextlib

import _harness

MODULES = ("hardware.scale",)


def one_input(data: bytes) -> None:
    """Every protocol's reply parser, then its INFO parser on what parsed."""
    from hardware.base import FrameError
    from hardware.scale import PROFILES

    lines = data.split(b"\r\n")
    for profile in PROFILES.values():
        replies = []
        for line in lines:
            with contextlib.suppress(FrameError):
                replies.append(profile.parse_reply(line))
        profile.parse_info(tuple(replies))


SEEDS = (
    b"S S      12.345 ct\r\nSI D       0.497 ct\r\nI2 A \"XPR226CDR 220.0000 g\"\r\nI4 A \"B1\"",
    b"ST,+00012.345  g\r\nUS,-00000.003 ct\r\nEC,E1\r\nAK",
    b"+    12.345 ct \r\n-     0.003 g  \r\nN     +    12.345 ct ",
    b"    12.345 ct  ?\r\n    12.345 ct   \r\nES",
)

if __name__ == "__main__":
    _harness.run(one_input, MODULES, lambda: SEEDS)
