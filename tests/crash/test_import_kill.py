"""Issue #7.4: SIGKILL ``kiosk data import`` half-way: the previous list stays in use, intact."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from crash.harness import child_env, count_rows, integrity_check, run_killed
from kiosk.lists import ListFile, parse_ofac_csv
from kiosk.store import Store

EXCERPT = Path(__file__).resolve().parents[1] / "lists" / "fixtures" / "ofac-sdn-excerpt.csv"


PARTIES = 4_500
"""Three batches of the importer (2,000 parties each): the kill comes after the second."""


def ofac_csv(path: Path, parties: int) -> Path:
    """An SDN.CSV of ``parties`` invented people (several import batches)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        for n in range(1, parties + 1):
            fh.write(
                f'{900000 + n},"TESTPERSON{n}, Ivan","individual","RUSSIA-EO14024",-0- ,-0- ,'
                f'-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 01 Jan 1970."\n'
            )
    return path


def ofac_parties(db: Path) -> int:
    return count_rows(db, "SELECT count(*) FROM listed_parties WHERE list_name = 'OFAC'")


def imports_audited(db: Path) -> int:
    return count_rows(db, "SELECT count(*) FROM events WHERE kind = 'list_imported'")


@pytest.mark.slow
def test_a_kill_mid_import_keeps_the_previous_list(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.sqlite"
    excerpt = EXCERPT
    store = Store.open(f"sqlite:///{db}")
    try:
        before = store.import_list(
            "OFAC", parse_ofac_csv(excerpt, None, ListFile("ofac-csv")), "v1", None
        )
    finally:
        store.close()
    assert before.records > 0
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f'[data]\ndatabase = "{db}"\nsample_data = false\n', encoding="utf-8")
    big = ofac_csv(tmp_path / "sdn.csv", PARTIES)
    argv = [
        sys.executable,
        "-m",
        "kiosk",
        "--config",
        str(cfg),
        "data",
        "import",
        "--format",
        "ofac-csv",
        str(big),
        "--version",
        "v2",
    ]
    env = child_env(tmp_path / "home")

    # Killed after the second batch of 2,000 parties is written, before the commit.
    run_killed(argv, "store:import-batch#2", env=env)

    assert integrity_check(db) == "ok"
    assert ofac_parties(db) == before.records
    assert imports_audited(db) == 1  # v1's; the killed import left neither rows nor event
    store = Store.open(f"sqlite:///{db}")
    try:
        (status,) = [s for s in store.data_status() if s.source == "OFAC"]
        assert status.version == "v1"
        assert store.verify_audit().ok
    finally:
        store.close()

    # The next import goes through: no lock or half-written rows left behind.
    store = Store.open(f"sqlite:///{db}")
    try:
        after = store.import_list(
            "OFAC", parse_ofac_csv(big, None, ListFile("ofac-csv")), "v2", None
        )
    finally:
        store.close()
    assert after.records == PARTIES
    assert ofac_parties(db) == PARTIES
    assert imports_audited(db) == 2
    assert integrity_check(db) == "ok"
