"""SerialLink over a real pty: lazy open, framing, bounds, unplug, back-off, replug."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from hwtest_devices import EchoDevice, ScriptedDevice

from hardware.base import DeviceDisconnectedError, FrameError
from hardware.serial_link import SerialLink, SerialSettings
from hardware.sim.pty import PtyDevice


def test_settings_reject_bad_values_with_the_setting_named() -> None:
    with pytest.raises(ValueError, match="parity"):
        SerialSettings("/dev/ttyUSB0", parity="X")
    with pytest.raises(ValueError, match="bytesize"):
        SerialSettings("/dev/ttyUSB0", bytesize=9)
    with pytest.raises(ValueError, match="stopbits"):
        SerialSettings("/dev/ttyUSB0", stopbits=3)
    with pytest.raises(ValueError, match="no device path"):
        SerialSettings("")


def test_opens_lazily_and_round_trips(echo: EchoDevice) -> None:
    link = SerialLink(SerialSettings(echo.port))
    assert not link.connected
    link.write(b"HELLO\r\n")
    assert link.connected
    assert link.read_line(1.0) == b"HELLO"
    link.close()
    assert not link.connected


def test_line_settings_go_to_the_constructor(echo: EchoDevice) -> None:
    # A pty refuses 7E1 as a change on an open port (termios EINVAL); given at open it works.
    link = SerialLink(SerialSettings(echo.port, bytesize=7, parity="E", stopbits=2))
    with link:
        link.write(b"7E2\r\n")
        assert link.read_line(1.0) == b"7E2"


@pytest.mark.parametrize(
    ("stream", "lines"),
    [
        (b"A\r\nB\r\n", [b"A", b"B"]),
        (b"A\nB\n", [b"A", b"B"]),
        (b"A\rB\r", [b"A", b"B"]),
        (b"A\r\n\r\nB\n", [b"A", b"", b"B"]),
    ],
)
def test_frames_cr_lf_and_crlf(tmp_path: Path, stream: bytes, lines: list[bytes]) -> None:
    with ScriptedDevice(tmp_path / "dev", [stream]) as sim, SerialLink(
        SerialSettings(sim.port)
    ) as link:
        link.write(b"GO\r\n")
        got = [link.read_line(1.0) for _ in lines]
        assert got == lines
        assert link.read_line(0.05) is None


def test_crlf_split_between_chunks_gives_no_extra_empty_line(tmp_path: Path) -> None:
    with PtyDevice(tmp_path / "dev") as sim, SerialLink(SerialSettings(sim.port)) as link:
        link.open()
        sim.send(b"ONE\r")
        assert link.read_line(1.0) == b"ONE"
        sim.send(b"\nTWO\r\n")
        assert link.read_line(1.0) == b"TWO"


def test_partial_line_waits_in_the_buffer(tmp_path: Path) -> None:
    with PtyDevice(tmp_path / "dev") as sim, SerialLink(SerialSettings(sim.port)) as link:
        link.open()
        sim.send(b"HALF")
        started = time.monotonic()
        assert link.read_line(0.2) is None
        assert time.monotonic() - started >= 0.19
        sim.send(b"-DONE\r\n")
        assert link.read_line(1.0) == b"HALF-DONE"


def test_over_long_line_is_discarded_and_the_next_one_read(tmp_path: Path) -> None:
    with PtyDevice(tmp_path / "dev") as sim, SerialLink(
        SerialSettings(sim.port, max_line_bytes=64)
    ) as link:
        link.open()
        sim.send(b"X" * 500 + b"\r\nOK\r\n")
        with pytest.raises(FrameError, match="longer than 64 bytes"):
            link.read_line(1.0)
        assert link.read_line(1.0) == b"OK"


def test_drain_discards_stale_input(tmp_path: Path) -> None:
    with PtyDevice(tmp_path / "dev") as sim, SerialLink(SerialSettings(sim.port)) as link:
        link.open()
        sim.send(b"STALE\r\nPART")
        time.sleep(0.05)
        link.drain()
        sim.send(b"FRESH\r\n")
        assert link.read_line(1.0) == b"FRESH"


def test_missing_port_raises_disconnected_with_the_port_named(tmp_path: Path) -> None:
    port = str(tmp_path / "no-such-port")
    link = SerialLink(SerialSettings(port))
    started = time.monotonic()
    with pytest.raises(DeviceDisconnectedError, match="no-such-port") as info:
        link.write(b"S\r\n")
    assert "cannot open" in str(info.value)
    assert time.monotonic() - started < 0.5
    assert not link.connected


def test_reconnect_back_off_doubles_and_resets(tmp_path: Path) -> None:
    path = tmp_path / "by-id"
    link = SerialLink(SerialSettings(str(path)))
    with pytest.raises(DeviceDisconnectedError, match="cannot open"):
        link.open()
    # Within the back-off no attempt is made: an immediate call says when the next one is.
    with pytest.raises(DeviceDisconnectedError, match="retrying in"):
        link.open()
    waits = []
    for _ in range(2):
        started = time.monotonic()
        with pytest.raises(DeviceDisconnectedError, match="cannot open"):
            link.open(timeout_s=2.0)
        waits.append(time.monotonic() - started)
    assert 0.15 < waits[0] < 0.35  # 0.2 s after the first failure
    assert 0.35 < waits[1] < 0.6  # then 0.4 s
    with EchoDevice(path) as sim:
        started = time.monotonic()
        link.open(timeout_s=2.0)  # waits out 0.8 s, then opens
        assert 0.6 < time.monotonic() - started < 1.2
        link.write(b"BACK\r\n")
        assert link.read_line(1.0) == b"BACK"
        sim.unplug()
        with pytest.raises(DeviceDisconnectedError):
            link.read_line(1.0)
        sim.replug()
        started = time.monotonic()
        link.write(b"AGAIN\r\n")  # back-off reset by the successful open: 0.2 s, not 1.6 s
        assert time.monotonic() - started < 0.5
        assert link.read_line(1.0) == b"AGAIN"
    link.close()


def test_unplug_discards_partial_data_and_replug_reads_through_the_same_path(
    tmp_path: Path,
) -> None:
    with PtyDevice(tmp_path / "by-id") as sim, SerialLink(SerialSettings(sim.port)) as link:
        link.open()
        sim.send(b"PARTIAL")
        assert link.read_line(0.1) is None
        sim.unplug()
        assert not (tmp_path / "by-id").exists()
        with pytest.raises(DeviceDisconnectedError, match="disconnected") as info:
            link.read_line(1.0)
        assert str(tmp_path / "by-id") in str(info.value)
        assert not link.connected
        with pytest.raises(DeviceDisconnectedError):
            link.write(b"X\r\n")  # path gone: cannot open
        sim.replug()
        link.open(timeout_s=2.0)
        sim.send(b"WHOLE\r\n")
        assert link.read_line(1.0) == b"WHOLE"


def test_unplug_during_write_raises_disconnected(echo: EchoDevice) -> None:
    link = SerialLink(SerialSettings(echo.port))
    link.open()
    echo.unplug()
    with pytest.raises(DeviceDisconnectedError, match="while writing"):
        link.write(b"S\r\n")
    assert not link.connected
    link.close()


def test_writes_from_several_threads_never_interleave(echo: EchoDevice) -> None:
    link = SerialLink(SerialSettings(echo.port))
    link.open()
    lines = [f"T{t}-{i:03d}-".encode() + b"Z" * 40 for t in range(4) for i in range(50)]

    def writer(t: int) -> None:
        for line in lines[t * 50 : (t + 1) * 50]:
            link.write(line + b"\r\n")

    threads = [threading.Thread(target=writer, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    got: list[bytes] = []
    while len(got) < len(lines):
        line = link.read_line(2.0)
        assert line is not None, f"only {len(got)} of {len(lines)} lines came back"
        got.append(line)
    assert sorted(got) == sorted(lines)
    link.close()


def test_a_stream_without_line_ends_cannot_hold_a_read_past_its_timeout(tmp_path: Path) -> None:
    with PtyDevice(tmp_path / "dev") as sim, SerialLink(
        SerialSettings(sim.port, max_line_bytes=64)
    ) as link:
        link.open()
        stop = threading.Event()

        def babble() -> None:
            while not stop.wait(0.002):
                sim.send(b"x" * 50)

        thread = threading.Thread(target=babble)
        thread.start()
        try:
            with pytest.raises(FrameError):
                link.read_line(1.0)
            started = time.monotonic()
            assert link.read_line(0.2) is None
            assert time.monotonic() - started < 0.5
        finally:
            stop.set()
            thread.join()
