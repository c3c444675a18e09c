"""What the devices screen shows about each device: plain values built by the device hub."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from kiosk.domain.models import WeightReading


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    """One device as the kiosk knows it now.

    Attributes:
        device: ``"scale"``, ``"reader"``, ``"camera"`` or ``"printer"``.
        state: ``ok``, ``disconnected``, ``error``, ``off`` or ``starting``.
        detail: A one-line detail (what it is, or what went wrong).
        backend: The configured backend (``serial``, ``simulated``, ``folder``, ...).
        port: The port, device path, queue or folder it uses ("" when none).
        model: The model, where the device tells it.
        serial: The serial number, where the device tells it.
        last_reading: The scale's last reading (``None`` for other devices or none yet).
        last_value: The last value another device gave: a code read, a snapshot file, where
            a test slip went ("" when none yet). Data, not prose: the screen labels it.
        last_at: When ``last_reading`` or ``last_value`` came (timezone-aware UTC).
    """

    device: str
    state: str = "off"
    detail: str = ""
    backend: str = ""
    port: str = ""
    model: str = ""
    serial: str = ""
    last_reading: WeightReading | None = None
    last_value: str = ""
    last_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DetectedPort:
    """A serial port found by "Detect ports", with what answered on it.

    Attributes:
        port: The device path.
        by_id: Its stable ``/dev/serial/by-id`` link, if any.
        description: What the system calls it.
        found: One line per device that answered, e.g. ``"scale mt-sics XS205 SN 1234"``.
        problems: Why some probes could not even try (port busy, permission denied).
    """

    port: str
    by_id: str | None = None
    description: str = ""
    found: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default_factory=tuple)

