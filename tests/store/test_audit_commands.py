"""`kiosk audit verify` and `kiosk users list|revoke-badge` on a real database file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.store import Store
from store.helpers import T0


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A settings file pointing at a database with two users and a few events."""
    db = tmp_path / "kiosk.sqlite"
    with Store.open(f"sqlite:///{db}") as store:
        store.add_user("inspector", "An Peeters", "inspector", "1234", badge="04A1B2C3D4")
        store.add_user("supervisor", "Marc Dubois", "supervisor", "5678", badge="0C0FFEE0")
        store.note_settings("aa" * 32, "test", T0)
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f'[data]\ndatabase = "{db}"\nsample_data = false\n', encoding="utf-8")
    return cfg


def _db(config: Path) -> Path:
    return config.parent / "kiosk.sqlite"


def test_verify_an_intact_chain(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(config), "audit", "verify"]) == 0
    with Store.open(f"sqlite:///{_db(config)}") as store:
        seq, digest = store.audit_head()
    assert capsys.readouterr().out == f"audit chain intact: {seq} entries, head {digest}\n"
    assert main(["--config", str(config), "audit", "verify", "--json", "--head", f"1:{'0' * 64}"])
    out = json.loads(capsys.readouterr().out)
    assert (out["ok"], out["first_bad"], out["why"]) == (False, 1, "altered")
    assert main(["--config", str(config), "audit", "verify", "--head", f"{seq}:{digest}"]) == 0


def test_verify_a_tampered_chain(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = sqlite3.connect(_db(config))
    try:
        raw.execute("DROP TRIGGER events_append_only_update")
        raw.execute("UPDATE events SET actor = 'mallory' WHERE seq = 2")
        raw.commit()
    finally:
        raw.close()
    assert main(["--config", str(config), "audit", "verify"]) == 1
    assert capsys.readouterr().out == "audit chain broken at entry 2: altered\n"
    assert main(["--config", str(config), "audit", "verify", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert (out["ok"], out["count"], out["first_bad"], out["why"]) == (False, 3, 2, "altered")


def test_a_bad_head_is_a_one_line_error(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(config), "audit", "verify", "--head", "nope"]) == 1
    assert "--head: expected SEQ:HASH" in capsys.readouterr().err


def test_users_list_and_revoke_badge(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(config), "users", "list", "--json"]) == 0
    users = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(u["username"], u["badge"]) for u in users] == [
        ("inspector", "04A1B2C3D4"),
        ("supervisor", "0C0FFEE0"),
    ]
    assert "pin" not in json.dumps(users).lower()
    args = ["--config", str(config), "users", "revoke-badge", "04A1B2C3D4"]
    assert main([*args, "--by", "supervisor", "--reason", "lost"]) == 0
    assert capsys.readouterr().out == "badge 04A1B2C3D4 revoked (taken from inspector)\n"
    assert main([*args, "--by", "supervisor", "--reason", "lost"]) == 1
    assert "kiosk: Badge 04A1B2C3D4 is already revoked." in capsys.readouterr().err
    assert main(["--config", str(config), "users", "list"]) == 0
    text = capsys.readouterr().out
    assert "revoked badge 04A1B2C3D4 (of inspector) by supervisor: lost" in text
    with Store.open(f"sqlite:///{_db(config)}") as store:
        assert store.user_by_badge("04A1B2C3D4") is None
        assert store.verify_audit().ok
