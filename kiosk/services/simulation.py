"""Plays the bundled sample parcels on the simulated devices, for the demo and for `make run`.

The scans go through the scanner simulator's pty and the weight through the balance
simulator's, so the kiosk sees them exactly as it would see a real scanner and balance.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.services.devices import DeviceHub
from kiosk.settings import RESOURCES
from kiosk.store.reference import DemoParcel, ReferenceDataError, load_parcels

log = logging.getLogger(__name__)

SAMPLE_PARCELS = RESOURCES / "sample" / "parcels.json"

# The pan is emptied before a parcel's codes are scanned and it is put on the balance.
SETTLE_EMPTY_MS = 400


def sample_parcels(path: Path = SAMPLE_PARCELS) -> tuple[DemoParcel, ...]:
    """The scripted sample parcels, or none when the file is missing or malformed (logged)."""
    try:
        return load_parcels(path)
    except ReferenceDataError:
        log.exception("sample parcels unavailable")
        return ()


class SimulatedPost(QObject):
    """Drives the simulated scanner and balance of a ``DeviceHub``.

    Signals:
        presented(str): a sample parcel's codes were scanned and it was put on the balance.
        failed(str): a simulated device is not running; a one-line message.
    """

    presented = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        devices: DeviceHub,
        parcels: Sequence[DemoParcel] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._devices = devices
        self._parcels = tuple(parcels)

    @property
    def parcels(self) -> tuple[DemoParcel, ...]:
        """The sample parcels that can be presented."""
        return self._parcels

    @property
    def available(self) -> bool:
        """True when the balance or the scanner is simulated."""
        sims = self._devices.simulators
        return sims.scale is not None or sims.reader is not None

    def scan(self, value: str, symbology: str | None = "]C0") -> bool:
        """Send one code through the simulated scanner; False (and ``failed``) if there is none."""
        reader = self._devices.simulators.reader
        if reader is None:
            self.failed.emit("The scanner is not simulated.")
            return False
        return reader.scan(value, symbology=symbology)

    def put_on_scale(self, weight_ct: Decimal | str) -> bool:
        """Put a weight on the simulated balance (0 empties it)."""
        scale = self._devices.simulators.scale
        if scale is None:
            self.failed.emit("The balance is not simulated.")
            return False
        try:
            weight = Decimal(str(weight_ct))
        except InvalidOperation:
            self.failed.emit(f"Not a weight: {weight_ct!r}")
            return False
        scale.set_weight(weight)
        return True

    def empty_scale(self) -> bool:
        """Take everything off the simulated balance."""
        return self.put_on_scale(Decimal(0))

    def present(self, index: int) -> None:
        """Empty the pan, scan the parcel's codes, then put it on the balance."""
        if not 0 <= index < len(self._parcels):
            self.failed.emit(f"No sample parcel number {index + 1}.")
            return
        parcel = self._parcels[index]
        if not self.empty_scale():
            return

        def _scan_and_weigh() -> None:
            for scan in parcel.scans:
                if not self.scan(scan.value, scan.symbology):
                    return
            if self.put_on_scale(parcel.weight_ct):
                self.presented.emit(parcel.label)

        QTimer.singleShot(SETTLE_EMPTY_MS, self, _scan_and_weigh)
