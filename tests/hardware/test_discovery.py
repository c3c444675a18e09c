"""Discovery: candidate ports (injected lister, by-id links, globs) and profile probes on ptys."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hwtest_devices import EchoDevice

from hardware.discovery import Candidate, candidate_ports, detect, probe_port
from hardware.scale import PROFILES
from hardware.sim.mtsics import MtSicsSimulator


@dataclass
class FakePortInfo:
    device: str
    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None
    description: str = ""


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def test_candidates_merge_system_ports_by_id_links_and_globs(tmp_path: Path) -> None:
    dev = tmp_path / "dev"
    dev.mkdir()
    for name in ("ttyUSB0", "ttyACM0", "sim-a", "sim-b"):
        (dev / name).touch()
    by_id = tmp_path / "by-id"
    by_id.mkdir()
    (by_id / "usb-FTDI_FT232R-if00-port0").symlink_to(dev / "ttyUSB0")
    (by_id / "usb-Zebra_Scanner-if00").symlink_to(dev / "ttyACM0")
    ports = [
        FakePortInfo(str(dev / "ttyUSB0"), 0x0403, 0x6001, "A12345", "FT232R USB UART"),
    ]
    found = candidate_ports(
        paths=[str(dev / "sim-b")],
        globs=[str(dev / "sim-*")],
        comports=lambda: ports,
        by_id_dir=by_id,
    )
    by_port = {c.port: c for c in found}
    assert [c.port for c in found] == [
        str(dev / "sim-b"),
        str(dev / "sim-a"),
        str(dev / "ttyUSB0"),
        str(by_id / "usb-Zebra_Scanner-if00"),
    ]
    usb = by_port[str(dev / "ttyUSB0")]
    assert usb.by_id == str(by_id / "usb-FTDI_FT232R-if00-port0")
    assert usb.vid_pid == "0403:6001"
    assert usb.serial_number == "A12345"
    assert by_port[str(by_id / "usb-Zebra_Scanner-if00")].by_id == str(
        by_id / "usb-Zebra_Scanner-if00"
    )
    assert by_port[str(dev / "sim-a")].by_id is None


def test_no_lister_and_no_by_id_folder(tmp_path: Path) -> None:
    assert candidate_ports(comports=None, by_id_dir=tmp_path / "absent") == []


def test_mtsics_balance_is_found_with_model_and_serial(tmp_path: Path) -> None:
    sim = MtSicsSimulator(tmp_path / "usb-Mettler_Toledo-if00")
    port = sim.start()
    try:
        before = _open_fds()
        report = probe_port(Candidate(port), PROFILES, timeout_s=1.0)
        after = _open_fds()
    finally:
        sim.stop()
    assert [(m.kind, m.protocol) for m in report.matches] == [("scale", "mt-sics")]
    assert report.matches[0].model == "XPR-SIM 1000C"
    assert report.matches[0].serial == "B123456789"
    assert after <= before, "a probed port was left open"
    line = report.to_dict()
    assert line["port"] == port
    assert line["matches"] == [
        {"kind": "scale", "protocol": "mt-sics", "model": "XPR-SIM 1000C", "serial": "B123456789"}
    ]


def test_every_simulated_protocol_is_told_apart(tmp_path: Path) -> None:
    scales = pytest.importorskip("hardware.sim.scales")
    sims = {name: cls(tmp_path / name) for name, cls in scales.SCALE_SIMULATORS.items()}
    ports = {name: sim.start() for name, sim in sims.items()}
    try:
        reports = list(detect([Candidate(p) for p in ports.values()], timeout_s=0.5))
    finally:
        for sim in sims.values():
            sim.stop()
    found = {r.candidate.port: [m.protocol for m in r.matches] for r in reports}
    assert found == {port: [name] for name, port in ports.items()}


def test_a_port_that_only_echoes_and_a_missing_port_match_nothing(tmp_path: Path) -> None:
    echo = EchoDevice(tmp_path / "echo", name="echo")
    port = echo.start()
    missing = str(tmp_path / "ttyUSB7")
    try:
        before = _open_fds()
        reports = list(detect([Candidate(port), Candidate(missing)], timeout_s=0.3))
        after = _open_fds()
    finally:
        echo.stop()
    assert [r.matches for r in reports] == [(), ()]
    assert reports[0].errors == {}
    assert set(reports[1].errors) == set(PROFILES)
    assert all("cannot open" in e for e in reports[1].to_dict()["errors"])
    assert after <= before


def test_bad_timeout_is_refused() -> None:
    with pytest.raises(ValueError, match="timeout must be positive"):
        list(detect([Candidate("/dev/null")], timeout_s=0))
