"""Discovery: list candidate serial ports and probe each one with every balance profile."""

from __future__ import annotations

import glob
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from hardware.base import DeviceDisconnectedError, DeviceError, FrameError, ScaleState
from hardware.scale import PROFILES, ScaleProfile, SerialScale
from hardware.serial_link import SerialLink

log = logging.getLogger(__name__)

BY_ID_DIR = Path("/dev/serial/by-id")
"""Where udev keeps stable links to USB serial devices."""

PROBE_TIMEOUT_S = 1.0
"""How long one profile waits for a reply on one port."""

QUIET_S = 0.15
"""Before a probe, the line must be quiet this long (stale answers are read and dropped)."""

MAX_STALE_LINES = 20
"""At most this many stale lines are dropped before a probe goes ahead anyway."""


class PortInfo(Protocol):
    """What ``serial.tools.list_ports.comports()`` gives for each port (the part we use)."""

    device: str
    vid: int | None
    pid: int | None
    serial_number: str | None
    description: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A port worth probing.

    Attributes:
        port: The device path as found (``/dev/ttyUSB0``, a by-id link or a given path).
        by_id: The ``/dev/serial/by-id`` link that points at it, if any.
        vid_pid: USB vendor and product id as ``"0403:6001"``, if known.
        serial_number: USB serial number, if known.
        description: What the system calls it.
    """

    port: str
    by_id: str | None = None
    vid_pid: str | None = None
    serial_number: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """A device that answered on a port.

    Attributes:
        kind: The device kind (``"scale"``).
        protocol: The profile that got a parsable reply (``"mt-sics"``).
        model: Model, where the protocol tells.
        serial: Serial number, where the protocol tells.
    """

    kind: str
    protocol: str
    model: str = ""
    serial: str = ""


@dataclass(frozen=True, slots=True)
class PortReport:
    """What probing one port found.

    Attributes:
        candidate: The port.
        matches: Every profile that answered (usually one).
        errors: Per profile, why it could not even try (port would not open).
    """

    candidate: Candidate
    matches: tuple[Match, ...] = ()
    errors: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data, one JSON line of ``kiosk hw detect``."""
        c = self.candidate
        out: dict[str, Any] = {
            "port": c.port,
            "by_id": c.by_id,
            "vid_pid": c.vid_pid,
            "serial_number": c.serial_number,
            "description": c.description,
            "matches": [
                {"kind": m.kind, "protocol": m.protocol, "model": m.model, "serial": m.serial}
                for m in self.matches
            ],
        }
        if self.errors:
            out["errors"] = sorted(set(self.errors.values()))
        return out


def _system_ports() -> list[Any]:
    from serial.tools import list_ports

    return list(list_ports.comports())


def candidate_ports(
    paths: Iterable[str] = (),
    globs: Iterable[str] = (),
    *,
    comports: Callable[[], Iterable[PortInfo]] | None = _system_ports,
    by_id_dir: Path = BY_ID_DIR,
) -> list[Candidate]:
    """The ports to probe: the system's serial ports, the by-id links, and any given ones.

    ``comports()`` never lists pseudo-terminals, so simulators and tests pass their ports as
    ``paths`` or ``globs``. Ports are de-duplicated by the device they resolve to; a port
    reached through a by-id link carries that link.

    Args:
        paths: Explicit device paths, kept even if they do not exist (the probe then says so).
        globs: Shell patterns of further device paths (``/tmp/sim/*``).
        comports: Lister of the system's ports; ``None`` lists none.
        by_id_dir: The folder of stable links.

    Returns:
        Candidates in a stable order: given paths first, then the system's ports by name.
    """
    by_real: dict[str, str] = {}
    if by_id_dir.is_dir():
        for link in sorted(by_id_dir.iterdir()):
            by_real.setdefault(os.path.realpath(link), str(link))
    found: dict[str, Candidate] = {}

    def add(port: str, info: PortInfo | None = None) -> None:
        real = os.path.realpath(port)
        if real in found:
            return
        vid_pid = None
        if info is not None and info.vid is not None and info.pid is not None:
            vid_pid = f"{info.vid:04x}:{info.pid:04x}"
        found[real] = Candidate(
            port=port,
            by_id=by_real.get(real) if not port.startswith(str(by_id_dir)) else port,
            vid_pid=vid_pid,
            serial_number=info.serial_number if info is not None else None,
            description=(info.description if info is not None else "") or "",
        )

    for path in paths:
        add(path)
    for pattern in globs:
        for matched in sorted(glob.glob(pattern)):
            add(matched)
    if comports is not None:
        for info in sorted(comports(), key=lambda i: i.device):
            add(info.device, info)
    for real, by_id in sorted(by_real.items()):
        if real not in found:
            add(by_id)
    return list(found.values())


def probe_scale(
    port: str, profile: ScaleProfile, timeout_s: float = PROBE_TIMEOUT_S
) -> Match | None:
    """Ask a port, with one profile's line settings, for a weight; close the port again.

    The profile's read command is sent; the port is a balance of that protocol when the
    reply parses as a weight reply in a weighing state (stable, dynamic, overload, underload,
    busy). A bare error reply does not count: a balance of another protocol answers an
    unknown command with one, and some protocols' error lines look alike. The profile's info
    commands then name the model and serial number where they can.

    Args:
        port: The device path.
        profile: The balance protocol to try.
        timeout_s: How long to wait for the weight reply.

    Returns:
        The match, or ``None`` when nothing parsable came back.

    Raises:
        DeviceDisconnectedError: The port cannot be opened.
    """
    link = SerialLink(profile.serial_settings(port))
    scale = SerialScale(link, profile, stable_count=1, name=f"{profile.name} probe")
    try:
        link.open()
        _clear_line(link, profile)
        # Protocols without command ids in their replies (A&D, SBI, Ohaus) cannot tell a late
        # error answer to the line clearing from the answer to the read: an error gets a
        # second chance.
        for _attempt in range(2):
            try:
                reading = scale.read_now(timeout_s=timeout_s)
            except DeviceDisconnectedError:
                raise
            except DeviceError as exc:
                log.debug("%s: no %s balance: %s", port, profile.name, exc)
                return None
            if reading.state is not ScaleState.ERROR:
                break
        if reading.state in (ScaleState.ERROR, ScaleState.DISCONNECTED):
            log.debug("%s: %s probe got only %r", port, profile.name, reading.raw)
            return None
        model = serial_no = ""
        try:
            info = scale.info(timeout_s=timeout_s)
        except DeviceError as exc:
            log.debug("%s: %s balance without info: %s", port, profile.name, exc)
        else:
            model, serial_no = info.model, info.serial
        return Match(kind="scale", protocol=profile.name, model=model, serial=serial_no)
    finally:
        scale.close()


def _clear_line(link: SerialLink, profile: ScaleProfile) -> None:
    """End whatever a previous probe left half-sent on the device, and drop its answer.

    A probe of another protocol may send a command without a line end (SBI ``ESC P``); the
    device would then read our command glued to it. A bare line end closes that line; its
    answer, if any, is read and discarded until the line has been quiet for a moment.
    """
    link.write(profile.terminators[0] if profile.terminators else b"\r\n")
    for _ in range(MAX_STALE_LINES):
        try:
            if link.read_line(QUIET_S, profile.terminators) is None:
                break
        except FrameError:
            continue


def probe_port(
    candidate: Candidate,
    profiles: Mapping[str, ScaleProfile] = PROFILES,
    timeout_s: float = PROBE_TIMEOUT_S,
) -> PortReport:
    """Probe one port with every profile, one after the other; the port is left closed."""
    matches: list[Match] = []
    errors: dict[str, str] = {}
    for name, profile in profiles.items():
        try:
            match = probe_scale(candidate.port, profile, timeout_s)
        except DeviceError as exc:
            errors[name] = str(exc)
            continue
        if match is not None:
            matches.append(match)
    return PortReport(candidate=candidate, matches=tuple(matches), errors=errors)


def detect(
    candidates: Sequence[Candidate],
    profiles: Mapping[str, ScaleProfile] = PROFILES,
    timeout_s: float = PROBE_TIMEOUT_S,
) -> Iterator[PortReport]:
    """Probe each candidate in turn, yielding its report as soon as it is done."""
    if timeout_s <= 0:
        raise ValueError(f"probe timeout must be positive, got {timeout_s}")
    for candidate in candidates:
        yield probe_port(candidate, profiles, timeout_s)
