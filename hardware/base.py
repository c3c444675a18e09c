"""Device kinds as typed protocols, their readings, and the error tree.

Drivers block with timeouts and never start threads; the kiosk runs them in its own workers.
Nothing here imports Qt or the kiosk.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

GRAMS_PER_CARAT = Decimal("0.2")


def utc_now() -> datetime:
    """The current instant, timezone-aware UTC."""
    return datetime.now(UTC)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk, so a file just renamed into it survives a power cut.

    A rename is durable only once the directory itself is synced; best effort where a
    directory cannot be opened (not on Linux).

    Args:
        folder: The folder a file was renamed into.
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---- Errors ---------------------------------------------------------------------------------


class DeviceError(Exception):
    """Anything a device did wrong; the message is fit to show a technician."""


class DeviceDisconnectedError(DeviceError):
    """The device is gone (unplugged, switched off, port vanished). Reconnect and retry."""


class DeviceTimeoutError(DeviceError):
    """The device did not answer in time."""


class FrameError(DeviceError):
    """A reply or frame was malformed; it never becomes a reading."""


# ---- Scale ----------------------------------------------------------------------------------


class ScaleState(enum.StrEnum):
    """The states a balance can report."""

    STABLE = "stable"
    DYNAMIC = "dynamic"
    OVERLOAD = "overload"
    UNDERLOAD = "underload"
    BUSY = "busy"
    ERROR = "error"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True, slots=True)
class ScaleReading:
    """One reply of a balance: ``value`` and ``unit`` as sent, ``carats`` converted."""

    state: ScaleState
    value: Decimal | None
    unit: str | None
    raw: str
    at: datetime

    @property
    def carats(self) -> Decimal | None:
        """The weight in carats, or ``None`` when the reply carried no weight."""
        if self.value is None or self.unit is None:
            return None
        if self.unit == "ct":
            return self.value
        if self.unit == "g":
            return self.value / GRAMS_PER_CARAT
        if self.unit == "mg":
            return self.value / 1000 / GRAMS_PER_CARAT
        return None


@dataclass(frozen=True, slots=True)
class ScaleInfo:
    """What a balance says about itself, where its protocol tells."""

    model: str = ""
    serial: str = ""
    capacity: str = ""
    firmware: str = ""


@runtime_checkable
class Scale(Protocol):
    """A carat balance."""

    def read_now(self, timeout_s: float = 1.0) -> ScaleReading:
        """The current reply, stable or not."""
        ...

    def read_stable(self, timeout_s: float = 5.0) -> ScaleReading:
        """A reading accepted only after N identical stable replies; raises on timeout."""
        ...

    def zero(self, timeout_s: float = 5.0) -> None:
        """Zero the balance."""
        ...

    def tare(self, timeout_s: float = 5.0) -> ScaleReading:
        """Tare the balance; returns the tare weight."""
        ...

    def info(self, timeout_s: float = 2.0) -> ScaleInfo:
        """Model, serial number and capacity where the protocol gives them."""
        ...

    def close(self) -> None:
        """Release the port."""
        ...


# ---- Reader (barcode, RFID) -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scan:
    """One value read by a scanner or RFID reader: payload without the AIM prefix."""

    value: str
    symbology: str | None
    raw: bytes
    at: datetime
    reader: str = ""


@runtime_checkable
class Reader(Protocol):
    """A barcode scanner or RFID reader that yields scanned values."""

    def read(self, timeout_s: float = 0.5) -> Scan | None:
        """The next complete scan, or ``None`` if none arrived within the timeout."""
        ...

    def close(self) -> None:
        """Release the port."""
        ...


# ---- Camera ---------------------------------------------------------------------------------


@runtime_checkable
class Camera(Protocol):
    """A camera giving BGR frames as numpy arrays (height, width, 3)."""

    def open(self) -> None:
        """Open the source; raises ``DeviceDisconnectedError`` if it cannot."""
        ...

    def read(self) -> npt.NDArray[np.uint8]:
        """The next frame; raises ``DeviceDisconnectedError`` when the source is gone."""
        ...

    def close(self) -> None:
        """Release the source."""
        ...


# ---- Printer --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrintJob:
    """The result of sending a slip to a printer."""

    printer: str
    job_id: str
    destination: str


@runtime_checkable
class Printer(Protocol):
    """Anything that takes a slip PDF and prints (or stores) it."""

    name: str

    def print_pdf(self, pdf: Path, title: str = "") -> PrintJob:
        """Send the PDF; raises ``DeviceError`` with a clear message if it cannot."""
        ...
