"""`kiosk sync --once` and `kiosk sync status` against a real hub process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.settings import load
from kiosk.store import Store
from tests.records.hubproc import HubProcess, add_kiosk
from tests.records.kiosks import KioskUnderTest


def _config(tmp_path: Path, hub_url: str, token: str) -> Path:
    token_file = tmp_path / "hub.token"
    token_file.write_text(token + "\n")
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(
        f'[kiosk]\nkiosk_id = "ANR-DO-01"\n'
        f'[data]\ndatabase = "{tmp_path / "kiosk.sqlite"}"\nsample_data = false\n'
        f'[sync]\nhub_url = "{hub_url}"\ntoken_file = "{token_file}"\ntimeout_s = 10\n'
    )
    return cfg


def test_sync_once_sends_the_queue_and_status_shows_it(
    sqlite_hub: HubProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = _config(tmp_path, sqlite_hub.url, add_kiosk(sqlite_hub.db_url, "ANR-DO-01"))
    settings = load(cfg)
    kiosk = KioskUnderTest(settings, Store.open(settings.database_url), tmp_path)
    try:
        kiosk.finish()
        kiosk.finish(void=True)
        head = kiosk.store.audit_head()
    finally:
        kiosk.store.close()

    assert main(["--config", str(cfg), "sync", "status", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert (before["records_waiting"], before["records_sent"]) == (2, 0)
    assert before["last_attempt_at"] is None

    assert main(["--config", str(cfg), "sync", "--once", "--json"]) == 0
    cycle = json.loads(capsys.readouterr().out)
    assert cycle["ok"]
    assert (cycle["records"]["sent"], cycle["records"]["waiting"]) == (2, 0)

    assert main(["--config", str(cfg), "sync", "status", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert (after["records_waiting"], after["records_sent"]) == (2 - 2, 2)
    assert after["last_success_at"] is not None
    assert after["audit_sent_seq"] == head[0] == after["audit_head_seq"]

    assert main(["--config", str(cfg), "sync", "status"]) == 0
    text = capsys.readouterr().out
    assert "records: 0 waiting (0 failing), 2 sent" in text
    assert f"hub: {sqlite_hub.url}" in text


def test_sync_once_with_the_hub_down_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = _config(tmp_path, "http://127.0.0.1:9", "kh1_x")
    settings = load(cfg)
    kiosk = KioskUnderTest(settings, Store.open(settings.database_url), tmp_path)
    try:
        kiosk.finish()
    finally:
        kiosk.store.close()
    assert main(["--config", str(cfg), "sync", "--once"]) == 1
    out = capsys.readouterr().out
    assert "records: 0 sent, 1 failed, 1 waiting: hub unreachable" in out
    assert "Traceback" not in out


def test_sync_without_a_hub_says_what_to_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sync", "--once"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "kiosk: no hub set: put hub_url under [sync] in the settings file"
