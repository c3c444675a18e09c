"""SerialScale with the A&D, SBI and Ohaus profiles against their simulators on real ptys."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from hardware.base import DeviceDisconnectedError, DeviceTimeoutError, FrameError, ScaleState
from hardware.scale import PROFILES, SerialScale
from hardware.serial_link import SerialLink
from hardware.sim.balance import SimulatedBalance
from hardware.sim.scales import SCALE_SIMULATORS

PROTOCOLS = ("ad", "sbi", "ohaus")
READ_NOW = {"ad": b"Q", "sbi": b"\x1bP", "ohaus": b"IP"}


@pytest.fixture(params=PROTOCOLS)
def protocol(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def sim(tmp_path: Path, protocol: str) -> Iterator[SimulatedBalance]:
    cls = SCALE_SIMULATORS[protocol]
    device = cls(tmp_path / f"usb-{protocol}-if00")
    assert isinstance(device, SimulatedBalance)
    device.start()
    try:
        yield device
    finally:
        device.stop()


def _driver(sim: SimulatedBalance, protocol: str, stable_count: int = 3) -> SerialScale:
    profile = PROFILES[protocol]
    return SerialScale(
        SerialLink(profile.serial_settings(sim.port)),
        profile,
        stable_count=stable_count,
        poll_interval_ms=1,
    )


@pytest.fixture
def scale(sim: SimulatedBalance, protocol: str) -> Iterator[SerialScale]:
    driver = _driver(sim, protocol)
    try:
        yield driver
    finally:
        driver.close()


def _polls(sim: SimulatedBalance, protocol: str) -> int:
    return sum(1 for line in sim.received if line == READ_NOW[protocol])


def test_registry_matches_profiles() -> None:
    assert set(SCALE_SIMULATORS) == set(PROFILES)
    for name, cls in SCALE_SIMULATORS.items():
        if issubclass(cls, SimulatedBalance):
            assert cls.protocol == name


def test_dynamic_replies_come_before_stable_ones(
    sim: SimulatedBalance, scale: SerialScale
) -> None:
    sim.set_weight(Decimal("12.345"))
    readings = [scale.read_now() for _ in range(4)]
    assert [r.state for r in readings] == [ScaleState.DYNAMIC] * 3 + [ScaleState.STABLE]
    assert readings[0].value != Decimal("12.345")
    assert readings[3].value == Decimal("12.345")
    assert readings[3].carats == Decimal("12.345")
    assert readings[3].unit == "ct"
    assert "12.345" in readings[3].raw


@pytest.mark.parametrize("stable_count", [1, 4])
def test_stable_only_after_n_identical_replies(
    sim: SimulatedBalance, protocol: str, stable_count: int
) -> None:
    scale = _driver(sim, protocol, stable_count)
    sim.set_weight(Decimal("1.230"))
    reading = scale.read_stable(timeout_s=3.0)
    assert (reading.state, reading.value) == (ScaleState.STABLE, Decimal("1.230"))
    assert _polls(sim, protocol) == 3 + stable_count
    scale.close()


@pytest.mark.parametrize(
    ("weight_ct", "state"),
    [(Decimal("1500"), ScaleState.OVERLOAD), (Decimal("-20"), ScaleState.UNDERLOAD)],
)
def test_overload_and_underload_block(
    sim: SimulatedBalance, scale: SerialScale, weight_ct: Decimal, state: ScaleState
) -> None:
    sim.set_weight(weight_ct)
    reading = scale.read_now()
    assert (reading.state, reading.value, reading.carats) == (state, None, None)
    assert reading.raw
    with pytest.raises(DeviceTimeoutError, match=state.value):
        scale.read_stable(timeout_s=1.0)  # room for one slow reply on a busy machine


def test_a_poll_cut_short_by_the_deadline_keeps_the_last_reply_as_the_reason(
    sim: SimulatedBalance, scale: SerialScale
) -> None:
    # The balance shows overload, then stops answering: every poll left is shorter than a full
    # reply wait, so its timeout says nothing and the message still names the overload.
    sim.set_weight(Decimal("1500"))
    silence = threading.Timer(0.15, lambda: setattr(sim, "mute", True))
    silence.start()
    try:
        with pytest.raises(DeviceTimeoutError, match="overload"):
            scale.read_stable(timeout_s=0.6)
    finally:
        silence.cancel()
        sim.mute = False


def test_busy_and_fault_are_named_states(sim: SimulatedBalance, scale: SerialScale) -> None:
    sim.busy = True
    assert scale.read_now().state is ScaleState.BUSY
    sim.busy = False
    sim.error_code = "7"
    fault = scale.read_now()
    assert (fault.state, fault.value) == (ScaleState.ERROR, None)
    assert "7" in fault.raw


def test_zero_and_tare(sim: SimulatedBalance, scale: SerialScale) -> None:
    sim.dynamic_replies = 0
    sim.set_weight(Decimal("0.250"))
    scale.zero()
    _wait_for(lambda: sim.net_ct == 0)
    sim.set_weight(Decimal("0.400"))
    tare = scale.tare()
    assert (tare.state, tare.value) == (ScaleState.STABLE, Decimal("0.150"))
    _wait_for(lambda: sim.net_ct == 0)
    sim.set_weight(Decimal("2.400"))
    assert scale.read_stable(timeout_s=2.0).value == Decimal("2.000")


def test_tare_refused_while_unstable(sim: SimulatedBalance, scale: SerialScale) -> None:
    sim.set_weight(Decimal("3.000"))  # still settling
    with pytest.raises(Exception, match="not stable"):
        scale.tare()


def test_info(sim: SimulatedBalance, scale: SerialScale, protocol: str) -> None:
    info = scale.info()
    assert info.serial == "B123456789"
    assert info.model == sim.model


def test_split_replies_and_pacing(tmp_path: Path, protocol: str) -> None:
    with SCALE_SIMULATORS[protocol](tmp_path / "dev", byte_delay_s=0.00104) as sim:
        assert isinstance(sim, SimulatedBalance)
        sim.split_replies = True
        scale = _driver(sim, protocol)
        sim.set_weight(Decimal("7.777"))
        assert scale.read_stable(timeout_s=3.0).value == Decimal("7.777")
        scale.close()


def test_broken_and_partial_frames_never_become_readings(
    sim: SimulatedBalance, scale: SerialScale
) -> None:
    sim.dynamic_replies = 0
    sim.set_weight(Decimal("3.000"))
    sim.corrupt_replies = 1
    with pytest.raises(FrameError):
        scale.read_now()
    sim.truncate_replies = 1
    with pytest.raises(DeviceTimeoutError):
        scale.read_now(timeout_s=0.2)
    assert scale.read_now().value == Decimal("3.000")


def test_noise_is_drained(sim: SimulatedBalance, scale: SerialScale) -> None:
    sim.dynamic_replies = 0
    sim.set_weight(Decimal("5.500"))
    scale.read_now()
    sim.inject_noise(b"ST,+00009.999 ct\r\n\x00\x13garbage")
    time.sleep(0.05)
    assert scale.read_now().value == Decimal("5.500")


def test_unplug_and_replug(sim: SimulatedBalance, scale: SerialScale) -> None:
    port = sim.port
    sim.set_weight(Decimal("2.000"))
    assert scale.read_stable(timeout_s=2.0).value == Decimal("2.000")
    sim.unplug()
    with pytest.raises(DeviceDisconnectedError, match=port):
        scale.read_now()
    assert not scale.link.connected
    assert sim.replug() == port
    assert scale.read_stable(timeout_s=3.0).value == Decimal("2.000")


def test_ad_stable_command_and_unknown_command(tmp_path: Path) -> None:
    with SCALE_SIMULATORS["ad"](tmp_path / "dev", stability_wait_replies=2) as sim:
        link = SerialLink(PROFILES["ad"].serial_settings(sim.port))
        sim.set_weight(Decimal("1.111"))
        link.write(b"S\r\n")
        assert link.read_line(1.0) == b"EC,E3"
        link.write(b"S\r\n")
        assert link.read_line(1.0) == b"ST,+0001.111 ct"
        link.write(b"Z\r\n")
        assert link.read_line(1.0) == b"\x06"
        link.write(b"HELLO\r\n")
        assert link.read_line(1.0) == b"EC,E1"
        link.close()


def test_sbi_22_character_output_and_commands_without_crlf(tmp_path: Path) -> None:
    with SCALE_SIMULATORS["sbi"](tmp_path / "dev", id_prefix=True, dynamic_replies=1) as sim:
        link = SerialLink(PROFILES["sbi"].serial_settings(sim.port))
        sim.set_weight(Decimal("12.345"))
        link.write(b"\x1bP")
        unstable = link.read_line(1.0)
        assert unstable is not None
        assert len(unstable) == 20
        assert unstable.endswith(b"   ")
        link.write(b"\x1bP\r\n")
        assert link.read_line(1.0) == b"G     +   12.345 ct "
        link.close()


def test_ohaus_stable_print_and_unknown_command(tmp_path: Path) -> None:
    with SCALE_SIMULATORS["ohaus"](tmp_path / "dev", dynamic_replies=1) as sim:
        link = SerialLink(PROFILES["ohaus"].serial_settings(sim.port))
        sim.set_weight(Decimal("12.345"))
        link.write(b"IP\r\n")
        assert link.read_line(1.0) == b"   12.382 ct   ?"
        link.write(b"SP\r\n")
        assert link.read_line(1.0) == b"   12.345 ct"
        link.write(b"XYZ\r\n")
        assert link.read_line(1.0) == b"ES"
        link.close()


def _wait_for(condition: object, timeout_s: float = 1.0) -> None:
    assert callable(condition)
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.005)


def test_sbi_unstable_weight_takes_the_unit_of_the_last_stable_one(tmp_path: Path) -> None:
    with SCALE_SIMULATORS["sbi"](tmp_path / "dev", dynamic_replies=1) as sim:
        assert isinstance(sim, SimulatedBalance)
        scale = _driver(sim, "sbi")
        sim.set_weight(Decimal("1.000"))
        first = scale.read_now()
        assert (first.state, first.unit, first.carats) == (ScaleState.DYNAMIC, None, None)
        assert scale.read_now().unit == "ct"
        sim.set_weight(Decimal("2.000"))
        moving = scale.read_now()
        assert (moving.state, moving.unit) == (ScaleState.DYNAMIC, "ct")
        assert moving.carats == moving.value
        assert moving.raw.rstrip().endswith(str(moving.value))  # the raw line as sent
        scale.close()
