"""DataUpdater against a real repository served over HTTP: happy path and every way to fail."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from store.helpers import KIOSK, POST, T0, kp_identifier

from kiosk import lists
from kiosk.domain.models import IdentifierKind
from kiosk.domain.names import normalise_name
from kiosk.domain.sync import SyncStatus
from kiosk.hub.keys import init_keys, load_keys
from kiosk.hub.publish import build_bundle, find_sources, publish, sign_bundle
from kiosk.settings import Settings
from kiosk.slips.signing import trusted_keys
from kiosk.store import Store
from kiosk.store.bundles import NO_PIN_HASH
from kiosk.sync.data_in import DataUpdater, with_data_status
from sync.hubfixtures import FIXTURES, HubServer, kiosk_settings, make_sources, serving


def _updater(
    hub: HubServer, keys: Path, store: Store, tmp_path: Path, name: str = "tuf"
) -> DataUpdater:
    settings = kiosk_settings(hub.url, keys / "root.json", tmp_path / name)
    return DataUpdater(settings, store)


def _kinds(store: Store) -> list[str]:
    return [e.kind for e in store.events()]


def test_happy_path_applies_then_finds_nothing_new(
    hub_keys: Path, sources: Path, repo: Path, hub: HubServer, store: Store, tmp_path: Path
) -> None:
    publish(sources, repo, hub_keys)
    updater = _updater(hub, hub_keys, store, tmp_path)

    first = updater.run_once()
    assert first.ok, first.message
    assert first.changed
    assert first.version == 1
    assert first.expires_at is not None
    assert first.expires_at > datetime.now(UTC)
    applied = store.applied_bundle()
    assert applied is not None
    assert applied.version == 1
    assert store.data_version() is not None
    assert store.data_version().version == "bundle-1"
    assert store.kp_certificate("BW2026004417") is not None
    assert store.g7_certificate("G7-BE-2026-000123") is not None
    assert {s.source for s in store.data_status()} >= {"EU", "register:kp", "register:g7"}
    assert any(p.list_name == "EU" for p in store.iter_listed_parties())
    assert "data.update" in _kinds(store)

    again = updater.run_once()
    assert again.ok
    assert not again.changed
    assert again.message == "Data up to date (bundle 1)."

    status = with_data_status(SyncStatus(enabled=True, hub_url=hub.url), store)
    assert status.data_version == "bundle-1"
    assert status.data_expires_at == first.expires_at
    assert {s.name: s.count for s in status.sources}["register:kp"] == 2

    publish(sources, repo, hub_keys)
    second = updater.run_once()
    assert second.ok
    assert second.changed
    assert second.version == 2
    assert store.verify_audit().ok


def test_users_revoked_badges_and_uses_come_with_the_bundle(
    hub_keys: Path, repo: Path, hub: HubServer, store: Store, tmp_path: Path
) -> None:
    sources = make_sources(tmp_path / "with-pins", pins=True)
    store.add_user("inspector", "An Peeters", "inspector", "1234", badge="04A1B2C3D4")
    store.add_user("olduser", "Old User", "inspector", "5555")
    publish(sources, repo, hub_keys)

    assert _updater(hub, hub_keys, store, tmp_path).run_once().ok

    users = {u.username: u for u in store.users()}
    assert users["olduser"].active is False  # not sent by the hub: deactivated, kept
    assert users["hubsuper"].role == "supervisor"
    assert users["hubsuper"].active
    assert store.verify_pin("inspector", "1234", T0).ok  # no hash in the bundle: local PIN kept
    assert store.verify_pin("hubsuper", "8642", T0).ok  # hashed at the hub, never in clear
    assert "04DEAD0001" in {b[0] for b in store.revoked_badges()}
    trusted = trusted_keys(Settings().data_dir / "keys")
    assert len(trusted) == 1  # BRU-AP-02's key, for kiosk slip verify
    assert [k.kiosk_id for k in store.kiosk_keys()] == ["BRU-AP-02"]
    uses = store.certificate_uses("kp", "BW 2026-004417")
    assert [(u.post, u.used_on.isoformat()) for u in uses] == [("BE-BRU-AP", "2026-11-20")]
    assert NO_PIN_HASH == "!"


def test_hostile_kiosk_id_is_refused(
    hub_keys: Path, repo: Path, hub: HubServer, store: Store, tmp_path: Path
) -> None:
    publish(make_sources(tmp_path / "s", kiosk_id="../../etc"), repo, hub_keys)
    outcome = _updater(hub, hub_keys, store, tmp_path).run_once()
    assert not outcome.ok
    assert "kiosk_id: not a kiosk id" in outcome.message
    assert not (Settings().data_dir / "keys" / "trusted").exists()


def test_tampered_target_is_rejected_and_data_kept(
    hub_keys: Path, sources: Path, repo: Path, hub: HubServer, store: Store, tmp_path: Path
) -> None:
    result = publish(sources, repo, hub_keys)
    data = bytearray(result.bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    result.bundle.write_bytes(bytes(data))

    outcome = _updater(hub, hub_keys, store, tmp_path).run_once()

    assert not outcome.ok
    assert not outcome.changed
    assert "does not match its signature" in outcome.message
    assert "\n" not in outcome.message
    assert store.applied_bundle() is None
    assert store.kp_certificate("BW2026004417") is None
    assert _kinds(store)[-1] == "data.update_failed"


def test_metadata_signed_by_another_key_is_rejected(
    hub_keys: Path, sources: Path, store: Store, tmp_path: Path
) -> None:
    other_keys = tmp_path / "other-keys"
    init_keys(other_keys)
    other_repo = tmp_path / "other-repo"
    publish(sources, other_repo, other_keys)
    with serving(other_repo) as hub:
        outcome = _updater(hub, hub_keys, store, tmp_path).run_once()
    assert not outcome.ok
    assert "not signed by trusted keys" in outcome.message
    assert store.applied_bundle() is None


def test_rollback_to_older_metadata_is_refused(
    hub_keys: Path, sources: Path, repo: Path, hub: HubServer, store: Store, tmp_path: Path
) -> None:
    publish(sources, repo, hub_keys)
    old = tmp_path / "repo-v1"
    shutil.copytree(repo, old)
    publish(sources, repo, hub_keys)
    assert _updater(hub, hub_keys, store, tmp_path).run_once().version == 2

    hub.repo = old  # an attacker (or a stale mirror) serves version 1 again
    outcome = _updater(hub, hub_keys, store, tmp_path).run_once()
    assert not outcome.ok
    assert "older than data already seen" in outcome.message
    assert outcome.version == 2

    # Even with the TUF cache gone (a reinstalled kiosk), the store refuses the older bundle.
    fresh = _updater(hub, hub_keys, store, tmp_path, name="tuf-fresh").run_once()
    assert not fresh.ok
    assert "rollback refused" in fresh.message
    applied = store.applied_bundle()
    assert applied is not None
    assert applied.version == 2


def test_expired_timestamp_is_out_of_date(
    hub_keys: Path, sources: Path, repo: Path, hub: HubServer, store: Store, tmp_path: Path
) -> None:
    publish(sources, repo, hub_keys, expires_days=1, now=datetime.now(UTC) - timedelta(days=3))
    outcome = _updater(hub, hub_keys, store, tmp_path).run_once()
    assert not outcome.ok
    assert "expired" in outcome.message
    assert store.applied_bundle() is None


def test_download_cut_off_half_way_changes_nothing(
    hub_keys: Path, sources: Path, repo: Path, hub: HubServer, store: Store, tmp_path: Path
) -> None:
    publish(sources, repo, hub_keys)
    hub.cut_targets = True
    outcome = _updater(hub, hub_keys, store, tmp_path).run_once()
    assert not outcome.ok
    assert "download cut off" in outcome.message or "does not match" in outcome.message
    assert store.applied_bundle() is None

    hub.cut_targets = False
    assert _updater(hub, hub_keys, store, tmp_path).run_once().changed


def _signed_bundle(
    repo: Path,
    keys: Path,
    sources: Path,
    mutate: str | None = None,
    *,
    truncate: bool = False,
) -> None:
    """Build a real bundle, damage it (SQL on its database, or cut its gzip), sign it."""
    built = repo / "built.gz"
    manifest = build_bundle(find_sources(sources), built, 1, datetime.now(UTC))
    if mutate is not None:
        db_path = repo / "unpacked.sqlite"
        db_path.write_bytes(gzip.decompress(built.read_bytes()))
        db = sqlite3.connect(db_path, isolation_level=None)
        db.execute(mutate)
        db.close()
        built.write_bytes(gzip.compress(db_path.read_bytes()))
        db_path.unlink()
    if truncate:
        data = built.read_bytes()
        built.write_bytes(data[: len(data) // 2])
    (repo / "metadata").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(keys / "root.json", repo / "metadata" / "1.root.json")
    sign_bundle(
        repo, load_keys(keys), built, manifest, now=datetime.now(UTC), expires=timedelta(days=1)
    )


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            "UPDATE parties SET listed_on = 'yesterday' WHERE id = 2",
            "Data bundle unreadable: bundle: party",
        ),
        (
            'UPDATE records SET body = \'{"t": "kp", "number": 5}\' WHERE t = \'kp\'',
            "number: expected text",
        ),
        ("UPDATE names SET weak = 7 WHERE rowid = 3", "name row 3 of party row"),
        ("DELETE FROM records WHERE t = 'g7'", "differ from the manifest"),
        ("CREATE TABLE extra (x)", "unexpected tables"),
    ],
)
def test_signed_bundle_that_reads_badly_changes_nothing(
    hub_keys: Path,
    sources: Path,
    repo: Path,
    hub: HubServer,
    store: Store,
    tmp_path: Path,
    mutate: str,
    message: str,
) -> None:
    _signed_bundle(repo, hub_keys, sources, mutate)

    outcome = _updater(hub, hub_keys, store, tmp_path).run_once()

    assert not outcome.ok
    assert message in outcome.message
    assert "\n" not in outcome.message
    assert store.applied_bundle() is None
    assert not list(store.iter_listed_parties(["EU"]))  # parties copied first: rolled back
    assert store.kp_certificate("BW2026004417") is None


def test_signed_bundle_cut_short_changes_nothing(
    hub_keys: Path, sources: Path, repo: Path, hub: HubServer, store: Store, tmp_path: Path
) -> None:
    _signed_bundle(repo, hub_keys, sources, truncate=True)
    outcome = _updater(hub, hub_keys, store, tmp_path).run_once()
    assert not outcome.ok
    assert "not a readable gzip file" in outcome.message
    assert not list(store.iter_listed_parties(["EU"]))


def test_update_while_an_inspection_is_open(
    hub_keys: Path, sources: Path, repo: Path, hub: HubServer, tmp_path: Path
) -> None:
    db = tmp_path / "kiosk.sqlite"
    store = Store.open(f"sqlite:///{db}")
    try:
        inspection = store.create_inspection(POST, KIOSK, "inspector", T0)
        store.add_identifier(inspection.id, kp_identifier(), T0)
        reader = sqlite3.connect(db, isolation_level=None)
        reader.execute("BEGIN")
        before = reader.execute("SELECT count(*) FROM kp_certificates").fetchone()[0]
        publish(sources, repo, hub_keys)

        assert _updater(hub, hub_keys, store, tmp_path).run_once().changed

        # A reader in the middle of its transaction still sees the old data, whole.
        assert reader.execute("SELECT count(*) FROM kp_certificates").fetchone()[0] == before
        reader.execute("COMMIT")
        assert reader.execute("SELECT count(*) FROM kp_certificates").fetchone()[0] == 2
        reader.close()
        # The inspection goes on.
        store.add_identifier(
            inspection.id, kp_identifier("AE2026001234"), T0 + timedelta(seconds=5)
        )
        assert store.get(inspection.id).identifier(IdentifierKind.KP_CERTIFICATE) is not None
        assert store.kp_certificate("BW2026004417") is not None
    finally:
        store.close()


def test_no_hub_no_root_unreachable(hub_keys: Path, store: Store, tmp_path: Path) -> None:
    no_hub = DataUpdater(kiosk_settings("", hub_keys / "root.json", tmp_path / "m"), store)
    assert no_hub.run_once().message == "No hub configured ([sync] hub_url)."
    with serving(tmp_path / "empty") as hub:
        url = hub.url
    gone = DataUpdater(kiosk_settings(url, hub_keys / "root.json", tmp_path / "m"), store)
    outcome = gone.run_once()
    assert not outcome.ok
    assert "Hub not reached" in outcome.message
    missing_root = DataUpdater(kiosk_settings(url, tmp_path / "nope.json", tmp_path / "m"), store)
    assert "No such file" in missing_root.run_once().message


def test_make_sources_without_users(tmp_path: Path) -> None:
    folder = make_sources(tmp_path / "s", users=False, uses=False)
    assert not (folder / "users.json").exists()


def test_lists_the_bundle_does_not_name_stay_and_staging_is_gone(
    hub_keys: Path, sources: Path, repo: Path, hub: HubServer, store: Store, tmp_path: Path
) -> None:
    ofac = lists.parse_ofac_sdn_xml(FIXTURES / "ofac-sdn-excerpt-2020.xml")
    store.import_list("OFAC", ofac, "ofac-2020", None)
    kept = sorted(p.list_id for p in store.iter_listed_parties(["OFAC"]))
    updater = _updater(hub, hub_keys, store, tmp_path)
    for _ in range(2):  # the second swap renames the indexes back
        publish(sources, repo, hub_keys)
        assert updater.run_once().changed
    assert sorted(p.list_id for p in store.iter_listed_parties(["OFAC"])) == kept
    eu = next(iter(store.iter_listed_parties(["EU"])))
    assert eu in store.listed_parties_named([normalise_name(eu.name)])
    db = sqlite3.connect(store.url.removeprefix("sqlite:///"))
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        indexes = {
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='listed_names'"
            )
        }
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()
    assert not {"listed_parties_next", "listed_names_next"} & tables
    assert {"ix_listed_names_normalised", "ix_listed_names_party_id"} <= indexes
