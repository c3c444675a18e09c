"""Issue #7.4 for data updates: SIGKILL a signed data update at its hardest places.

A child process runs ``DataUpdater(...).run_once()`` (``update_child.py``) against a real TUF
repository served on 127.0.0.1, with bundle 1 in use and bundle 2 offered, and dies: during
the download, after it (verified, not applied), half way through staging the new lists, with
the swap written but not committed, and right after the swap's commit. After each kill the
database is sound, the data in use is all of bundle 1 or all of bundle 2 (version, parties
per list, a party of bundle 2 only screened), the audit chain verifies, and the next update
applies bundle 2 exactly once over whatever the killed one left behind.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sync.hubfixtures import FIXTURES, HubServer, make_sources, serving

from crash.harness import (
    child_env,
    count_rows,
    integrity_check,
    kill_when,
    python_argv,
    run_killed,
    start_child,
)
from crash.update_child import update_once
from kiosk.domain.screening import screen_exact
from kiosk.hub.keys import init_keys
from kiosk.hub.publish import publish
from kiosk.store import Store

CHILD = Path(__file__).resolve().parent / "update_child.py"
STAGE_CHUNK = 2
"""Parties per staging transaction in the child: the small bundle is copied in several."""
ALROSA = "AKTSIONERNAYA KOMPANIYA ALROSA (PUBLICHNOE AKTSIONERNOE OBSHCHESTVO)"
"""Listed by OFAC in bundle 2 only."""
EU_NAME = "Abid Hammadou"
"""Listed by the EU in both bundles."""


@dataclass(frozen=True)
class Published:
    """Bundle 1 applied in ``kiosk`` (database and TUF metadata), bundle 2 in ``repo``."""

    root: Path
    repo: Path
    kiosk: Path
    old_lists: dict[str, int]
    new_lists: dict[str, int]


def parties_per_list(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT list_name, count(*) FROM listed_parties GROUP BY list_name")
        return {str(name): int(n) for name, n in rows}
    finally:
        conn.close()


def bundle_version(db: Path) -> int:
    return count_rows(db, "SELECT coalesce(max(version), 0) FROM data_bundles")


def staging_tables(db: Path) -> int:
    return count_rows(
        db, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%\\_next' ESCAPE '\\'"
    )


def updates_to(db: Path, version: int) -> int:
    """The ``data.update`` audit events of bundle ``version``."""
    return count_rows(
        db,
        "SELECT count(*) FROM events WHERE kind = 'data.update' "
        "AND json_extract(detail, '$.version') = ?",
        version,
    )


def screened(db: Path, name: str) -> set[str]:
    """The lists on which ``name`` is found, screened like the kiosk does (exact names)."""
    store = Store.open(f"sqlite:///{db}")
    try:
        hits = screen_exact([("exporter", name)], store.iter_listed_parties())
        return {h.listed.list_name for h in hits}
    finally:
        store.close()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """Hub keys, bundle 1 applied to a template kiosk, then bundle 2 published."""
    base = tmp_path_factory.mktemp("update-kills")
    root = init_keys(base / "keys")
    sources = make_sources(base / "sources", users=False, uses=False)
    repo = base / "repo"
    repo.mkdir()
    publish(sources, repo, base / "keys")
    kiosk = base / "kiosk"
    kiosk.mkdir()
    with serving(repo) as hub:
        first = update_once(kiosk, hub.url, root)
        assert first.changed, first.message
        assert first.version == 1
        old_lists = parties_per_list(kiosk / "kiosk.sqlite")
        shutil.copyfile(FIXTURES / "ofac-sdn-alrosa.csv", sources / "ofac-sdn-alrosa.csv")
        publish(sources, repo, base / "keys")
        reference = base / "reference"
        shutil.copytree(kiosk, reference)
        second = update_once(reference, hub.url, root)
        assert second.changed, second.message
        assert second.version == 2
    new_lists = parties_per_list(reference / "kiosk.sqlite")
    assert new_lists != old_lists
    assert sum(old_lists.values()) > 2 * STAGE_CHUNK  # staged in several chunks
    return Published(root, repo, kiosk, old_lists, new_lists)


@pytest.fixture
def hub(published: Published) -> Iterator[HubServer]:
    with serving(published.repo) as server:
        yield server


def _assert_all_of(db: Path, published: Published, version: int) -> None:
    """The data in use is entirely bundle ``version``'s, never a mix."""
    assert bundle_version(db) == version
    assert parties_per_list(db) == (published.old_lists if version == 1 else published.new_lists)
    assert screened(db, ALROSA) == (set() if version == 1 else {"OFAC"})
    assert screened(db, EU_NAME) == {"EU"}


KILLS = [
    ("sync:downloaded", 1),
    ("bundle:staged-chunk#2", 1),
    ("bundle:before-swap-commit", 1),
    ("bundle:after-swap-commit", 2),
]


@pytest.mark.slow
@pytest.mark.parametrize(("kill_at", "in_use"), KILLS)
def test_a_killed_update_leaves_one_bundle_and_the_next_applies_once(
    kill_at: str, in_use: int, published: Published, hub: HubServer, tmp_path: Path
) -> None:
    kiosk = tmp_path / "kiosk"
    shutil.copytree(published.kiosk, kiosk)
    db = kiosk / "kiosk.sqlite"
    argv = python_argv(CHILD, str(kiosk), hub.url, str(published.root), str(STAGE_CHUNK))

    run_killed(argv, kill_at, env=child_env(tmp_path / "home"))

    assert integrity_check(db) == "ok"
    _assert_all_of(db, published, in_use)
    if kill_at.startswith("bundle:staged-chunk"):
        assert staging_tables(db) == 2  # left behind half-filled: the next update copes
    _restart_applies_bundle_2_once(kiosk, db, published, hub)


@pytest.mark.slow
def test_a_kill_during_the_download_keeps_bundle_1(
    published: Published, hub: HubServer, tmp_path: Path
) -> None:
    kiosk = tmp_path / "kiosk"
    shutil.copytree(published.kiosk, kiosk)
    db = kiosk / "kiosk.sqlite"
    hub.stall_targets = True
    child = start_child(
        python_argv(CHILD, str(kiosk), hub.url, str(published.root)),
        child_env(tmp_path / "home"),
    )

    result = kill_when(child, hub.stalled.is_set)

    assert result.killed
    hub.stall_targets = False
    hub.release.set()
    assert integrity_check(db) == "ok"
    _assert_all_of(db, published, 1)
    _restart_applies_bundle_2_once(kiosk, db, published, hub)


def _restart_applies_bundle_2_once(
    kiosk: Path, db: Path, published: Published, hub: HubServer
) -> None:
    store = Store.open(f"sqlite:///{db}")
    try:
        assert store.verify_audit().ok
    finally:
        store.close()
    applied_before = updates_to(db, 2)
    after = update_once(kiosk, hub.url, published.root)
    assert after.ok, after.message
    assert after.version == 2
    assert after.changed == (applied_before == 0)
    again = update_once(kiosk, hub.url, published.root)
    assert again.ok, again.message
    assert not again.changed
    assert integrity_check(db) == "ok"
    _assert_all_of(db, published, 2)
    assert updates_to(db, 2) == 1
    assert count_rows(db, "SELECT count(*) FROM data_bundles WHERE version = 2") == 1
    assert staging_tables(db) == 0
    store = Store.open(f"sqlite:///{db}")
    try:
        assert store.verify_audit().ok
    finally:
        store.close()
