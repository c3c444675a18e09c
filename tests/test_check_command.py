"""`kiosk check`: a declaration file checked against the sample data, under the rules of a date."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "declarations.json"
KIOSK = (sys.executable, "-m", "kiosk")


def _declaration(reference: str = "DO-ANR-2026-00001") -> dict[str, Any]:
    records = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return next(r for r in records if r["reference"] == reference)


def _check(tmp_path: Path, doc: object, *args: str) -> tuple[int, dict[str, Any]]:
    path = tmp_path / "declaration.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", str(path), "--json", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    out = json.loads(done.stdout) if done.returncode == 0 else {"error": done.stderr}
    return done.returncode, out


def test_a_clean_declaration_clears(tmp_path: Path) -> None:
    doc = {"declaration": _declaration(), "measured_ct": "1250.404", "identifiers": ["SL41001003"]}
    status, out = _check(tmp_path, doc, "--documents-only")
    assert status == 0
    assert out["verdict"] == "CLEAR", out["reasons"]


def test_device_rules_hold_without_weight_and_photo(tmp_path: Path) -> None:
    status, out = _check(tmp_path, {"declaration": _declaration()})
    assert status == 0
    assert out["verdict"] == "HOLD"
    assert {"K1", "K2"} <= {r["rule"] for r in out["reasons"]}


def test_russian_origin_is_refused_from_2024_only(tmp_path: Path) -> None:
    decl = _declaration()
    decl["origin_countries"] = ["RU"]
    doc = {"declaration": decl, "measured_ct": "1250.404", "identifiers": ["SL41001003"]}
    _, before = _check(tmp_path, doc, "--documents-only", "--at", "2023-12-31")
    _, after = _check(tmp_path, doc, "--documents-only", "--at", "2024-01-01")
    assert "R2" not in {r["rule"] for r in before["reasons"]}
    assert after["verdict"] == "REFUSE"
    r2 = next(r for r in after["reasons"] if r["rule"] == "R2")
    assert "833/2014" in r2["legal_basis"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON: line 1"),
        ("[]", "expected a JSON object"),
        ('{"declaration": {"reference": "X"}}', "declaration."),
    ],
)
def test_bad_files_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err
    assert len(err.splitlines()) == 1


def test_a_recorded_inspection_is_rechecked_under_its_own_date(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from kiosk.domain.identifiers import classify
    from kiosk.store import Store

    db = tmp_path / "kiosk.sqlite"
    store = Store.open(f"sqlite:///{db}")
    try:
        store.seed_sample_data_if_empty(ROOT / "resources" / "sample")
        # Recorded on 2023-12-15, before the ban: a Russian certificate was not yet refused.
        when = datetime(2023, 12, 15, 10, 0, tzinfo=UTC)
        inspection = store.create_inspection("BE-ANR-DO", "ANR-DO-01", "inspector", when)
        store.add_identifier(inspection.id, classify("RU2026118832"), when)
        later = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
        recent = store.create_inspection("BE-ANR-DO", "ANR-DO-02", "inspector", later)
        store.add_identifier(recent.id, classify("RU2026118832"), later)
    finally:
        store.close()
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[data]\ndatabase = "{db}"\n', encoding="utf-8")

    def recheck(inspection_id: str) -> dict[str, Any]:
        done = subprocess.run(
            [*KIOSK, "--config", str(config), "check", "--json", "--inspection", inspection_id],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        out: dict[str, Any] = json.loads(done.stdout)
        assert out["reference"] == inspection_id
        return out

    assert "R2" not in {r["rule"] for r in recheck(inspection.id)["reasons"]}
    after = recheck(recent.id)
    assert after["verdict"] == "REFUSE"
    assert "R2" in {r["rule"] for r in after["reasons"]}
