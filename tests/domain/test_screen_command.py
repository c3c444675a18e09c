"""`kiosk screen`: a name against the sample lists in a real SQLite file, text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main


@pytest.fixture
def config(tmp_path: Path) -> Path:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f'[data]\ndatabase = "sqlite:///{tmp_path / "kiosk.db"}"\n')
    return cfg


def test_cyrillic_name_matches_with_explanation(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(config), "screen", "ПАО АЛРОСА", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows
    best = rows[0]
    assert best["level"] == "MATCH"
    assert best["score"] == 1.0
    assert "ALROSA" in best["listed_name"]
    assert (best["aligned"][0]["query"], best["aligned"][0]["listed"]) == ("alrosa", "alrosa")
    assert best["list_id"] in best["explanation"]


def test_text_output_and_no_hit(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(config), "screen", "Alrosa"]) == 0
    out = capsys.readouterr().out
    assert "MATCH" in out
    assert "alrosa~alrosa" in out
    assert main(["--config", str(config), "screen", "Antwerp Polished Stones BVBA"]) == 0
    assert "No listed party comes close." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--dob", "12/1999"], "--dob"),
        (["--country", "Belgium"], "--country"),
        (["--limit", "0"], "--limit"),
    ],
)
def test_bad_input_is_one_line(
    config: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["--config", str(config), "screen", "Alrosa", *extra]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
