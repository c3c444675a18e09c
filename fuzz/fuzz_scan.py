"""atheris: scanner lines (AIM prefix), then identifier classification, GS1 and SGTIN-96."""

from __future__ import annotations

import contextlib

import _harness

MODULES = ("hardware.reader", "kiosk.domain.identifiers")


def one_input(data: bytes) -> None:
    """The scan line parser; the text (parsed or not) through every identifier parser."""
    from hardware.base import FrameError
    from hardware.reader import parse_scan_line
    from kiosk.domain.identifiers import (
        IdentifierError,
        classify,
        classify_as,
        decode_sgtin96,
        gs1,
    )
    from kiosk.domain.models import IdentifierKind, InputSource

    symbology = None
    text = data.decode("utf-8", "replace")
    with contextlib.suppress(FrameError):
        symbology, text = parse_scan_line(data)
    for source in (InputSource.SCANNER, InputSource.RFID):
        ident = classify(text, symbology, source)
        if ident.problem is None and not ident.value.isascii():
            raise AssertionError(f"a valid identifier with non-ASCII value: {ident!r}")
    for kind in IdentifierKind:
        classify_as(text, kind)
    for parse in (gs1, decode_sgtin96):
        with contextlib.suppress(IdentifierError):
            parse(text)


SEEDS = (
    b"]C1010950110153000317220101\x1d10LOT1",
    b"]C100395011010000000018",
    b"26BEDO2026000001J3",
    b"176-12345675",
    b"BW2026004417",
    b"G7-BE-2026-000117",
    b"SL 0012345",
    b"300833B2DDD9014000000001",
    b"(01)09501101530003(21)6789",
    b"]A0",
)

if __name__ == "__main__":
    _harness.run(one_input, MODULES, lambda: SEEDS)
