"""The DeviceHub's simulated balance speaks the configured protocol, through the real driver."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.scale import PROFILES
from hardware.sim.scales import SCALE_SIMULATORS
from kiosk.domain.models import WeightReading
from kiosk.services.devices import SIM_CAPACITY_CT, DeviceHub
from kiosk.settings import Settings, SettingsError, load, with_overrides


def test_every_profile_is_a_valid_protocol_setting(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    for name in PROFILES:
        config.write_text(f'[scale]\nprotocol = "{name}"\n')
        assert load(config).scale.protocol == name
    config.write_text('[scale]\nprotocol = "toledo-8217"\n')
    with pytest.raises(SettingsError, match="protocol"):
        load(config)


@pytest.mark.parametrize("protocol", ["ad", "sbi", "ohaus"])
def test_hub_simulates_the_configured_protocol(
    qtbot: QtBot, tmp_path: Path, protocol: str
) -> None:
    settings = with_overrides(
        Settings(),
        scale={"protocol": protocol, "stable_count": 2, "poll_interval_ms": 20},
        reader={"backend": "none"},
        camera={"backend": "none"},
        printer={"folder": str(tmp_path / "printed")},
        data={"photos_dir": str(tmp_path / "photos")},
    )
    hub = DeviceHub(settings)
    accepted: list[WeightReading] = []
    hub.weight_accepted.connect(accepted.append)
    try:
        hub.start()
        sim = hub.simulators.scale
        assert type(sim) is SCALE_SIMULATORS[protocol]
        assert sim.capacity_ct == SIM_CAPACITY_CT
        sim.set_weight(Decimal("4.321"))
        qtbot.waitUntil(lambda: len(accepted) == 1, timeout=5000)
        assert accepted[0].carats == Decimal("4.321")
    finally:
        hub.stop()
