"""SerialScale with the MT-SICS profile against the MT-SICS simulator on a real pty."""

from __future__ import annotations

import dataclasses
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hwtest_devices import ScriptedDevice

from hardware.base import (
    DeviceDisconnectedError,
    DeviceError,
    DeviceTimeoutError,
    FrameError,
    Scale,
    ScaleState,
)
from hardware.scale import MT_SICS, PROFILES, ScaleCommand, SerialScale
from hardware.serial_link import SerialLink
from hardware.sim.mtsics import MtSicsSimulator


def _si_count(sim: MtSicsSimulator) -> int:
    return sum(1 for line in sim.received if line == b"SI")


def test_driver_implements_the_scale_protocol(scale: SerialScale) -> None:
    assert isinstance(scale, Scale)
    assert PROFILES["mt-sics"] is MT_SICS


def test_info_gives_model_capacity_and_serial(scale: SerialScale) -> None:
    info = scale.info()
    assert info.model == "XPR-SIM 1000C"
    assert info.capacity == "1000.000 ct"
    assert info.serial == "B123456789"


def test_dynamic_replies_come_before_stable_ones(
    mtsics: MtSicsSimulator, scale: SerialScale
) -> None:
    mtsics.set_weight(Decimal("12.345"))
    states = [scale.read_now() for _ in range(4)]
    assert [r.state for r in states] == [ScaleState.DYNAMIC] * 3 + [ScaleState.STABLE]
    assert states[0].value != Decimal("12.345")  # wobbling
    assert states[3].value == Decimal("12.345")
    assert states[3].unit == "ct"
    assert states[3].carats == Decimal("12.345")
    assert states[3].raw == "SI S     12.345 ct"
    assert states[0].raw.startswith("SI D ")
    assert states[3].at.tzinfo is not None


@pytest.mark.parametrize("stable_count", [1, 3, 5])
def test_stable_accepted_only_after_n_identical_stable_replies(
    mtsics: MtSicsSimulator, stable_count: int
) -> None:
    link = SerialLink(MT_SICS.serial_settings(mtsics.port))
    scale = SerialScale(link, MT_SICS, stable_count=stable_count, poll_interval_ms=1)
    mtsics.set_weight(Decimal("1.230"))
    reading = scale.read_stable(timeout_s=3.0)
    assert reading.state is ScaleState.STABLE
    assert reading.value == Decimal("1.230")
    # Three dynamic replies, then exactly N stable ones.
    assert _si_count(mtsics) == 3 + stable_count
    scale.close()


def test_a_changed_value_or_broken_frame_restarts_the_stable_count(tmp_path: Path) -> None:
    replies = [
        b"SI S      1.000 ct\r\n",
        b"SI S      1.000 ct\r\n",
        b"SI S      1.001 ct\r\n",  # different value: count starts again
        b"SI S      1.001 ct\r\n",
        b"SI S    1\xff.001 ct\r\n",  # broken frame: starts again
        b"SI S      1.001 ct\r\n",
        b"SI D      1.001 ct\r\n",  # dynamic: starts again
        b"SI S      1.001 ct\r\n",
        b"SI S      1.001 ct\r\n",
        b"SI S      1.001 ct\r\n",
    ]
    with ScriptedDevice(tmp_path / "dev", replies) as sim:
        scale = SerialScale(SerialLink(MT_SICS.serial_settings(sim.port)), MT_SICS)
        reading = scale.read_stable(timeout_s=5.0)
        assert reading.value == Decimal("1.001")
        assert sim.replies == []  # all ten polls were needed
        scale.close()


def test_read_stable_times_out_with_what_it_saw(
    mtsics: MtSicsSimulator, scale: SerialScale
) -> None:
    mtsics.busy = True
    started = time.monotonic()
    with pytest.raises(DeviceTimeoutError, match="busy"):
        scale.read_stable(timeout_s=0.6)
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize(
    ("weight_ct", "state", "raw"),
    [
        (Decimal("1500"), ScaleState.OVERLOAD, "SI +"),
        (Decimal("-20"), ScaleState.UNDERLOAD, "SI -"),
    ],
)
def test_overload_and_underload_are_named_states_that_block(
    mtsics: MtSicsSimulator,
    scale: SerialScale,
    weight_ct: Decimal,
    state: ScaleState,
    raw: str,
) -> None:
    mtsics.set_weight(weight_ct)
    reading = scale.read_now()
    assert reading.state is state
    assert reading.value is None
    assert reading.carats is None
    assert reading.raw == raw
    with pytest.raises(DeviceTimeoutError, match=state.value):
        scale.read_stable(timeout_s=0.6)


def test_busy_and_hardware_error_replies(mtsics: MtSicsSimulator, scale: SerialScale) -> None:
    mtsics.busy = True
    busy = scale.read_now()
    assert (busy.state, busy.raw) == (ScaleState.BUSY, "SI I")
    mtsics.busy = False
    mtsics.error_code = "3"
    fault = scale.read_now()
    assert (fault.state, fault.value, fault.raw) == (ScaleState.ERROR, None, "SI S Error 3")


def test_zero_and_tare(mtsics: MtSicsSimulator, scale: SerialScale) -> None:
    mtsics.set_weight(Decimal("0.250"))  # an empty parcel paper
    scale.zero()
    assert mtsics.net_ct == 0
    mtsics.set_weight(Decimal("0.400"))  # a tray
    tare = scale.tare()
    assert tare.state is ScaleState.STABLE
    assert tare.value == Decimal("0.150")
    assert tare.raw.startswith("T S")
    assert mtsics.net_ct == 0
    mtsics.set_weight(Decimal("2.400"))
    assert scale.read_stable(timeout_s=2.0).value == Decimal("2.000")


def test_zero_and_tare_refused_with_a_reason(mtsics: MtSicsSimulator, scale: SerialScale) -> None:
    mtsics.busy = True
    with pytest.raises(DeviceError, match="busy"):
        scale.zero()
    mtsics.busy = False
    mtsics.set_weight(Decimal("2000"))
    with pytest.raises(DeviceError, match="overloaded"):
        scale.tare()


def test_unknown_command_answered_es_is_a_clear_error(mtsics: MtSicsSimulator) -> None:
    odd = dataclasses.replace(MT_SICS, zero=ScaleCommand(b"ZX\r\n", "ZX"))
    scale = SerialScale(SerialLink(odd.serial_settings(mtsics.port)), odd)
    with pytest.raises(DeviceError, match="syntax error"):
        scale.zero()
    scale.close()


def test_grams_are_converted_to_carats(tmp_path: Path) -> None:
    with MtSicsSimulator(tmp_path / "dev", unit="g", dynamic_replies=0) as sim:
        scale = SerialScale(SerialLink(MT_SICS.serial_settings(sim.port)), MT_SICS)
        sim.set_weight(Decimal("5.000"))
        reading = scale.read_now()
        assert (reading.value, reading.unit) == (Decimal("1.000"), "g")
        assert reading.carats == Decimal("5.000")
        scale.close()


def test_split_replies_and_baud_pacing_still_read(tmp_path: Path) -> None:
    with MtSicsSimulator(tmp_path / "dev", byte_delay_s=0.00104) as sim:  # 9600 baud
        sim.split_replies = True
        scale = SerialScale(
            SerialLink(MT_SICS.serial_settings(sim.port)), MT_SICS, poll_interval_ms=1
        )
        sim.set_weight(Decimal("7.777"))
        assert scale.read_stable(timeout_s=3.0).value == Decimal("7.777")
        scale.close()


def test_a_broken_frame_raises_and_never_becomes_a_reading(
    mtsics: MtSicsSimulator, scale: SerialScale
) -> None:
    mtsics.set_weight(Decimal("3.000"))
    mtsics.dynamic_replies = 0
    mtsics.set_weight(Decimal("3.000"))
    mtsics.corrupt_replies = 1
    with pytest.raises(FrameError, match="not ASCII"):
        scale.read_now()
    assert scale.read_now().value == Decimal("3.000")


def test_a_partial_frame_times_out_and_is_drained_before_the_next_command(
    mtsics: MtSicsSimulator, scale: SerialScale
) -> None:
    mtsics.dynamic_replies = 0
    mtsics.set_weight(Decimal("4.000"))
    mtsics.truncate_replies = 1
    with pytest.raises(DeviceTimeoutError, match="no reply to SI"):
        scale.read_now(timeout_s=0.2)
    reading = scale.read_now()
    assert reading.raw == "SI S      4.000 ct"


def test_stale_noise_is_drained_before_each_command(
    mtsics: MtSicsSimulator, scale: SerialScale
) -> None:
    mtsics.dynamic_replies = 0
    mtsics.set_weight(Decimal("5.500"))
    scale.read_now()  # port open
    mtsics.inject_noise(b"SI S      9.999 ct\r\n\x00\x13garbage")
    time.sleep(0.05)
    assert scale.read_now().value == Decimal("5.500")


def test_silent_balance_times_out(mtsics: MtSicsSimulator, scale: SerialScale) -> None:
    mtsics.mute = True
    started = time.monotonic()
    with pytest.raises(DeviceTimeoutError, match="no reply"):
        scale.read_now(timeout_s=0.3)
    assert 0.25 < time.monotonic() - started < 0.8


def test_unplug_then_replug_through_the_same_symlink(
    mtsics: MtSicsSimulator, scale: SerialScale
) -> None:
    port = mtsics.port
    mtsics.set_weight(Decimal("2.000"))
    assert scale.read_stable(timeout_s=2.0).value == Decimal("2.000")
    mtsics.unplug()
    with pytest.raises(DeviceDisconnectedError, match=port):
        scale.read_now()
    assert not scale.link.connected
    with pytest.raises(DeviceDisconnectedError):
        scale.read_stable(timeout_s=0.5)
    assert mtsics.replug() == port
    reading = scale.read_stable(timeout_s=3.0)
    assert reading.value == Decimal("2.000")
    assert scale.link.connected


def test_s_command_waits_for_stability_or_answers_busy(tmp_path: Path) -> None:
    with MtSicsSimulator(tmp_path / "dev", stability_wait_replies=2) as sim:
        link = SerialLink(MT_SICS.serial_settings(sim.port))
        link.open()
        sim.set_weight(Decimal("1.111"))  # three settling steps: more than S waits
        link.write(b"S\r\n")
        assert link.read_line(1.0) == b"S I"
        link.write(b"S\r\n")  # one step left: S waits it out
        assert link.read_line(1.0) == b"S S      1.111 ct"
        link.write(b"@\r\n")
        assert link.read_line(1.0) == b'I4 A "B123456789"'
        link.write(b"HELLO\r\n")
        assert link.read_line(1.0) == b"ES"
        link.close()
