"""`kiosk-hub keys init` and `kiosk-hub publish`: files, version bumps, one-line errors."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest
from sync.hubfixtures import FIXTURES, make_sources

from kiosk.hub.cli import main
from kiosk.hub.publish import current_version, find_sources
from kiosk.sync.bundle import BundleReader


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_keys_init_writes_offline_root_and_online_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "keys"
    code, out, err = _run(capsys, "keys", "init", str(keys))
    assert code == 0
    assert json.loads(out)["root"] == str(keys / "root.json")
    assert "move" in err
    assert "offline" in err
    assert stat.S_IMODE((keys / "root" / "root.key").stat().st_mode) == 0o600
    assert "OFFLINE" in (keys / "root" / "README.txt").read_text()
    assert sorted(p.name for p in (keys / "online").iterdir()) == [
        "snapshot.key",
        "targets.key",
        "timestamp.key",
    ]
    root = json.loads((keys / "root.json").read_text())
    assert root["signed"]["consistent_snapshot"] is True
    assert set(root["signed"]["roles"]) == {"root", "targets", "snapshot", "timestamp"}

    code, _, err = _run(capsys, "keys", "init", str(keys))
    assert code == 1
    assert err.count("\n") == 1
    assert "refusing to overwrite" in err


def test_publish_twice_bumps_every_version(
    hub_keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = make_sources(tmp_path / "sources")
    repo = tmp_path / "repo"
    args = ("publish", "--sources", str(sources), "--repo", str(repo), "--keys", str(hub_keys))
    code, out, err = _run(capsys, *args)
    assert code == 0, err
    first = json.loads(out)
    assert first["version"] == 1
    assert first["counts"]["party"] > 0
    assert {s["name"] for s in first["sources"]} == {
        "EU",
        "register:kp",
        "register:g7",
        "users",
        "certificate-uses",
    }
    code, out, _ = _run(capsys, *args, "--expires-days", "2")
    assert code == 0
    assert json.loads(out)["version"] == 2
    names = sorted(p.name for p in (repo / "metadata").iterdir())
    assert names == [
        "1.root.json",
        "1.snapshot.json",
        "1.targets.json",
        "2.snapshot.json",
        "2.targets.json",
        "timestamp.json",
    ]
    targets = json.loads((repo / "metadata" / "2.targets.json").read_text())
    (info,) = targets["signed"]["targets"].values()
    assert info["custom"]["version"] == 2
    stored = repo / "targets" / f"{info['hashes']['sha256']}.kiosk-data.jsonl.gz"
    with BundleReader(stored) as reader:
        assert reader.manifest.version == 2
        records = list(reader.records())
    counts = reader.manifest.counts
    assert len(records) + counts["party"] == sum(counts.values())


def test_malformed_source_publishes_nothing(
    hub_keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = make_sources(tmp_path / "sources", users=False, uses=False)
    repo = tmp_path / "repo"
    args = ("publish", "--sources", str(sources), "--repo", str(repo), "--keys", str(hub_keys))
    assert _run(capsys, *args)[0] == 0
    xml = sources / "eu-fsf-excerpt-2020.xml"
    xml.write_text(xml.read_text()[:2000])  # cut mid-element

    code, out, err = _run(capsys, *args)

    assert code == 1
    assert out == ""
    assert err.startswith("kiosk-hub: not published: ")
    assert err.count("\n") == 1
    assert current_version(repo) == 1
    assert not list((repo / "targets").glob(".building-*"))


def test_unknown_file_and_missing_keys_are_one_line(
    hub_keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = make_sources(tmp_path / "sources", users=False, uses=False)
    (sources / "notes.txt").write_text("hello")
    repo = tmp_path / "repo"
    code, _, err = _run(
        capsys, "publish", "--sources", str(sources), "--repo", str(repo), "--keys", str(hub_keys)
    )
    assert code == 1
    assert "notes.txt: cannot tell its format; name it in sources.toml" in err
    code, _, err = _run(
        capsys,
        "publish",
        "--sources",
        str(sources),
        "--repo",
        str(repo),
        "--keys",
        str(tmp_path / "nokeys"),
    )
    assert code == 1
    assert "no public.json" in err


def test_sources_toml_names_formats(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copyfile(FIXTURES / "ofac-sdn-excerpt.csv", sources / "list-a.csv")
    shutil.copyfile(FIXTURES / "ofac-alt-2025.csv", sources / "list-a-aliases.csv")
    shutil.copyfile(FIXTURES / "un-consolidated-2026-02-27.xml", sources / "un.xml")
    (sources / "sources.toml").write_text(
        '[[source]]\nfile = "list-a.csv"\nformat = "ofac-csv"\nalt = "list-a-aliases.csv"\n'
        '[[source]]\nfile = "un.xml"\nformat = "un"\n'
    )
    found = find_sources(sources)
    assert [(s.path.name, s.format) for s in found] == [
        ("list-a.csv", "ofac-csv"),
        ("un.xml", "un"),
    ]
    assert found[0].alt == sources / "list-a-aliases.csv"


def test_formats_are_told_from_content(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in (
        "eu-fsf-excerpt-2020.xml",
        "ofac-sdn-excerpt-2020.xml",
        "un-consolidated-2026-02-27.xml",
        "uk-fcdo-sample.xml",
        "uk-ofsi-conlist-excerpt-2020.csv",
        "opensanctions-ftm-excerpt.json",
        "kp-register.csv",
        "g7-register.json",
        "authorisations.csv",
    ):
        shutil.copyfile(FIXTURES / name, sources / name)
    formats = {s.path.name: s.format for s in find_sources(sources)}
    assert formats == {
        "eu-fsf-excerpt-2020.xml": "eu-fsf",
        "ofac-sdn-excerpt-2020.xml": "ofac-sdn",
        "un-consolidated-2026-02-27.xml": "un",
        "uk-fcdo-sample.xml": "uk",
        "uk-ofsi-conlist-excerpt-2020.csv": "uk-ofsi",
        "opensanctions-ftm-excerpt.json": "ftm",
        "kp-register.csv": "kp",
        "g7-register.json": "g7",
        "authorisations.csv": "authorisations",
    }
