"""Settings: defaults run the demo, the file is found as documented, bad values are one line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kiosk import settings as s


def test_defaults_give_the_demo() -> None:
    cfg = s.load()
    assert cfg.source == "defaults"
    assert cfg.scale.backend == "simulated"
    assert cfg.reader.backend == "simulated"
    assert cfg.camera.backend == "simulated"
    assert cfg.data.sample_data is True
    assert cfg.database_url.startswith("sqlite:///")
    assert cfg.database_url.endswith("kiosk.sqlite")
    assert cfg.ruleset_path.is_file()


def test_file_from_argument_env_and_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = tmp_path / "a.toml"
    a.write_text('[kiosk]\npost = "BE-BRU"\n')
    b = tmp_path / "b.toml"
    b.write_text('[kiosk]\npost = "BE-OST"\n')
    assert s.load(a).kiosk.post == "BE-BRU"
    monkeypatch.setenv("KIOSK_CONFIG", str(b))
    assert s.load().kiosk.post == "BE-OST"
    assert s.load(a).kiosk.post == "BE-BRU"  # the argument wins over the environment
    monkeypatch.delenv("KIOSK_CONFIG")
    default = s.default_config_path()
    default.parent.mkdir(parents=True, exist_ok=True)
    default.write_text('[kiosk]\npost = "BE-ANR-DEURNE"\n')
    assert s.load().kiosk.post == "BE-ANR-DEURNE"


def test_values_are_typed(tmp_path: Path) -> None:
    cfg = s.parse(
        """
        [checks]
        carat_tolerance_ct = "0.005"
        [scale]
        backend = "serial"
        port = "/dev/serial/by-id/usb-Mettler_Toledo-if00"
        baudrate = 19200
        bytesize = 7
        parity = "E"
        stable_count = 4
        [data]
        database = "/var/lib/kiosk/db.sqlite"
        """
    )
    assert cfg.checks.carat_tolerance_ct == Decimal("0.005")
    assert cfg.scale.bytesize == 7
    assert cfg.scale.parity == "E"
    assert cfg.database_url == "sqlite:////var/lib/kiosk/db.sqlite"
    assert cfg.to_dict()["checks"]["carat_tolerance_ct"] == "0.005"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[scale]\nbaudrate = 'fast'\n", "[scale] baudrate: expected a whole number"),
        ("[scale]\nbackend = 'serial'\n", "[scale] port: required"),
        ("[scale]\nprotocol = 'acme'\n", "[scale] protocol: 'acme' is not one of"),
        ("[scale]\nspeed = 1\n", "[scale] speed: unknown setting"),
        ("[printers]\n", "[printers]: unknown section"),
        ("[checks]\ncarat_tolerance_ct = 'abc'\n", "[checks] carat_tolerance_ct: expected"),
        ("[checks]\ncarat_tolerance_ct = -1\n", "[checks] carat_tolerance_ct: expected a non-neg"),
        ("[ui]\nfullscreen = 'yes'\n", "[ui] fullscreen: expected true or false"),
        ("[kiosk\n", "not valid TOML"),
        ("schema_version = 99\n", "schema_version: 99 is not supported"),
    ],
)
def test_bad_setting_is_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(s.SettingsError) as info:
        s.parse(text)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(s.SettingsError, match="config file not found"):
        s.load(tmp_path / "nope.toml")


def test_settings_are_frozen() -> None:
    cfg = s.Settings()
    with pytest.raises(AttributeError):
        cfg.scale = s.ScaleSettings()  # type: ignore[misc]
    changed = s.with_overrides(cfg, scale={"stable_count": 5})
    assert changed.scale.stable_count == 5
    assert cfg.scale.stable_count == 3
