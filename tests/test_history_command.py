"""`kiosk history find|report` on a database with two really recorded parcels."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from services.history_fixtures import Recorded, history_settings, record_parcels

from kiosk.cli import main


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Recorded]:
    """A settings file and the parcels recorded in its database."""
    folder = tmp_path_factory.mktemp("cli")
    settings = history_settings(folder)
    config = folder / "config.toml"
    config.write_text(
        "[data]\n"
        f'database = "{settings.data.database}"\n'
        f'photos_dir = "{settings.data.photos_dir}"\n'
        f'slips_dir = "{settings.data.slips_dir}"\n',
        encoding="utf-8",
    )
    return config, record_parcels(settings)


def run(config: Path, *args: str) -> int:
    return main(["--config", str(config), "history", *args])


def test_find_as_json_lines(
    recorded: tuple[Path, Recorded], capsys: pytest.CaptureFixture[str]
) -> None:
    config, parcels = recorded
    assert run(config, "find", "--json") == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["inspection_id"] for r in lines] == [parcels.overridden.id, parcels.clear.id]
    assert lines[0]["verdict"] == "HOLD"
    assert lines[0]["final"] == "CLEAR"
    assert lines[0]["overridden_by"] == "supervisor"
    assert lines[1]["kp_number"] == "BW2026004417"


def test_find_with_filters_as_text(
    recorded: tuple[Path, Recorded], capsys: pytest.CaptureFixture[str]
) -> None:
    config, parcels = recorded
    args = ("find", "--id", "bw2026", "--from", "2026-11-26", "--to", "2026-11-26")
    assert run(config, *args, "--verdict", "clear") == 0
    out = capsys.readouterr().out.splitlines()
    assert parcels.clear.id in out[0]
    assert out[-1] == "1 inspection(s)"
    assert run(config, "find", "--from", "2026-11-27") == 0
    assert capsys.readouterr().out.splitlines() == ["0 inspection(s)"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("find", "--from", "26/11/2026"), "--from: '26/11/2026' is not a date"),
        (("find", "--from", "2026-11-27", "--to", "2026-11-25"), "end of the period"),
        (("find", "--limit", "0"), "page size must be 1 to 500"),
        (("report", "kp-monthly", "--month", "11-2026", "--out", "x.csv"), "not a month"),
    ],
)
def test_bad_input_is_one_line(
    recorded: tuple[Path, Recorded],
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    config, _ = recorded
    assert run(config, *args) == 1
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_reports(
    recorded: tuple[Path, Recorded], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config, parcels = recorded
    pdf = tmp_path / "shift.pdf"
    assert (
        run(
            config,
            "report",
            "shift",
            "--from",
            "2026-11-26",
            "--to",
            "2026-11-26",
            "--out",
            str(pdf),
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == f"{pdf} (2 inspection(s))"
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert parcels.clear.id in text
    assert "Overrides (1)" in text
    assert "documents_produced" in "".join(text.split())

    out = tmp_path / "kp.csv"
    assert run(config, "report", "kp-monthly", "--month", "2026-11", "--out", str(out)) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [r["certificate_number"] for r in rows] == ["BW2026004417", "NA2026003205"]
    assert rows[0]["carats"] == "1250.40"
    assert rows[1]["outcome"] == "CLEAR"
    assert rows[1]["measured_ct"] == "512.450"
