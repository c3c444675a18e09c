"""`kiosk data import` and `kiosk data status` through a real subprocess and SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kiosk.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _kiosk(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--config", str(config), "data", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def _config(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "kiosk.sqlite"
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f'[data]\ndatabase = "{db}"\nsample_data = false\n', encoding="utf-8")
    return cfg, db


def test_import_lists_and_registers_then_status(tmp_path: Path, fixtures: Path) -> None:
    cfg, db = _config(tmp_path)
    done = _kiosk(
        cfg,
        "import",
        "--format",
        "eu-fsf",
        str(fixtures / "eu-fsf-excerpt-2020.xml"),
        "--version",
        "eu-test",
    )
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert line["format"] == "eu-fsf"
    assert line["list"] == "EU"
    assert line["published"] == "2020-04-15"
    assert line["parties"] == 6  # 7 entities, one logicalId twice (merged)
    assert line["version"] == "eu-test"
    assert line["seconds"] >= 0
    done = _kiosk(
        cfg,
        "import",
        "--format",
        "ofac-csv",
        "--alt",
        str(fixtures / "ofac-alt-cut.csv"),
        str(fixtures / "ofac-sdn-alrosa.csv"),
        str(fixtures / "ofac-sdn-excerpt.csv"),
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(x) for x in done.stdout.splitlines()]
    assert [x["parties"] for x in lines] == [1, 17]
    done = _kiosk(cfg, "import", "--format", "authorisations", str(fixtures / "authorisations.csv"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["records"] == 2

    done = _kiosk(cfg, "status", "--json")
    assert done.returncode == 0, done.stderr
    status = {x["source"]: x for x in map(json.loads, done.stdout.splitlines())}
    assert status["EU"]["published"] == "2020-04-15T00:00:00+00:00"
    assert status["EU"]["counts"]["parties"] == 6
    # Each file replaces its list: the second OFAC file is the one in use.
    assert status["OFAC"]["counts"]["parties_now"] == 17
    assert status["register:authorisations"]["counts"] == {"records": 2}
    assert status["EU"]["age_h"] < 1
    text = _kiosk(cfg, "status")
    assert text.returncode == 0
    assert text.stdout.splitlines()[0].startswith("SOURCE")
    with Store.open(f"sqlite:///{db}") as store:
        assert len(store.listed_parties_by_ids(["5295"], list_name="EU")) == 1


def test_malformed_file_is_one_line_and_changes_nothing(tmp_path: Path, fixtures: Path) -> None:
    cfg, db = _config(tmp_path)
    assert _kiosk(cfg, "import", "--format", "un", str(fixtures / "uk-fcdo-sample.xml")).returncode
    good = _kiosk(cfg, "import", "--format", "eu-fsf", str(fixtures / "eu-fsf-excerpt-2020.xml"))
    assert good.returncode == 0, good.stderr
    bad = tmp_path / "eu-bad.xml"
    data = (fixtures / "eu-fsf-excerpt-2020.xml").read_bytes()
    bad.write_bytes(data.replace(b"</sanctionEntity>", b"</sanctionEntityX>", 3))
    done = _kiosk(cfg, "import", "--format", "eu-fsf", str(bad))
    assert done.returncode == 1
    (line,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert line["error"] == "malformed"
    assert line["file"] == str(bad)
    assert isinstance(line["line"], int)
    assert "mismatched tag" in line["reason"]
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    with Store.open(f"sqlite:///{db}") as store:
        assert len(list(store.iter_listed_parties(["EU"]))) == 6
    missing = _kiosk(cfg, "import", "--format", "kp", str(tmp_path / "none.csv"))
    assert missing.returncode == 1
    assert "file not found" in missing.stderr
