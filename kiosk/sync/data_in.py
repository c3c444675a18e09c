"""Signed data updates in: the TUF client that fetches the newest bundle and applies it.

``DataUpdater.run_once()`` is blocking (network, database): the sync service calls it from its
worker thread. It never raises for network, trust or format faults: the result says what
happened in one line, the failure is written to the audit trail, and the data in use stays.

The hub serves its TUF repository under ``<hub_url>/tuf/``: metadata in ``/tuf/metadata/``,
targets in ``/tuf/targets/`` (see docs/sync.md). The trust anchor is the ``root.json`` the
kiosk ships with (``[sync] tuf_root``); newer roots are fetched and verified by python-tuf.
"""

from __future__ import annotations

import dataclasses
import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import urllib3.exceptions
from tuf.api import exceptions as tuf_errors
from tuf.api.metadata import Metadata, Timestamp
from tuf.ngclient import Updater, UpdaterConfig, Urllib3Fetcher

from kiosk.crashpoints import crash_point
from kiosk.domain.sync import DataSourceStatus, SyncStatus
from kiosk.store import AppliedBundle, BundleRejectedError, StoreError
from kiosk.sync.bundle import BundleFormatError, BundleReader

if TYPE_CHECKING:
    from tuf.ngclient.fetcher import FetcherInterface

    from kiosk.settings import Settings
    from kiosk.store import Store

log = logging.getLogger(__name__)

BUNDLE_TARGET = "kiosk-data.jsonl.gz"
"""The TUF target name of the data bundle (``kiosk.hub.publish`` writes it)."""

USER_AGENT = "inspection-kiosk/0.1"


@dataclass(frozen=True, slots=True)
class DataUpdateResult:
    """The outcome of one update attempt.

    Attributes:
        ok: The hub was reached and its data verified (applied, or already in use).
        changed: A new bundle was applied.
        version: The bundle version in use afterwards (``None`` if none ever applied).
        message: One line for the user and the log.
        published_at: When the bundle in use was published.
        expires_at: When the hub's signed timestamp runs out (the data is then out of date).
    """

    ok: bool
    changed: bool
    version: int | None
    message: str
    published_at: datetime | None = None
    expires_at: datetime | None = None


def with_data_status(status: SyncStatus, store: Store) -> SyncStatus:
    """``status`` with the data fields filled from the store (for the sync service and UI).

    Sets ``data_version`` (``bundle-N``), ``data_published_at``, ``data_expires_at`` (the
    hub's signed timestamp expiry as last verified) and one ``DataSourceStatus`` per list and
    register in use. Blocking (database reads): call it off the GUI thread.
    """
    applied = store.applied_bundle()
    version = store.data_version()
    sources = tuple(
        DataSourceStatus(
            name=s.source,
            version=s.version,
            published_at=s.published_at,
            count=sum(v for k, v in s.counts.items() if k in ("parties", "records")),
        )
        for s in store.data_status()
    )
    return dataclasses.replace(
        status,
        data_version=version.version if version is not None else None,
        data_published_at=version.published_at if version is not None else None,
        data_expires_at=applied.expires_at if applied is not None else None,
        sources=sources,
    )


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]


class DataUpdater:
    """Fetches, verifies and applies the newest data bundle from the hub.

    Args:
        settings: ``settings.sync`` (hub URL, pinned root, metadata folder, timeout).
        store: Where the bundle is applied.
        clock: The current time (aware UTC), for records and messages.
        fetcher: A python-tuf fetcher (default: urllib3 with ``settings.sync.timeout_s``).
    """

    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        clock: Callable[[], datetime] = _utc_now,
        fetcher: FetcherInterface | None = None,
    ) -> None:
        self._settings = settings
        self._store = store
        self._clock = clock
        self._fetcher = fetcher

    @property
    def metadata_dir(self) -> Path:
        """Where the TUF client keeps its trusted metadata."""
        sync = self._settings.sync
        if sync.metadata_dir:
            return Path(sync.metadata_dir).expanduser()
        return self._settings.data_dir / "tuf"

    def _fail(self, message: str, version: int | None = None) -> DataUpdateResult:
        log.warning("data update failed: %s", message)
        try:
            self._store.note_data_update_failed(message, self._clock(), {"offered": version})
        except StoreError as exc:  # the database itself is the trouble: say so, go on
            log.error("cannot record the failed data update: %s", exc)
        applied = self._applied_quietly()
        kept = f"; kept bundle {applied.version}" if applied is not None else ""
        return DataUpdateResult(
            ok=False,
            changed=False,
            version=applied.version if applied is not None else None,
            message=f"{message}{kept}",
            published_at=applied.published_at if applied is not None else None,
            expires_at=applied.expires_at if applied is not None else None,
        )

    def _applied_quietly(self) -> AppliedBundle | None:
        try:
            return self._store.applied_bundle()
        except StoreError:
            return None

    def _updater(self, target_dir: Path) -> Updater:
        sync = self._settings.sync
        root = Path(sync.tuf_root).expanduser().read_bytes()
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        base = sync.hub_url.rstrip("/") + "/tuf"
        fetcher = self._fetcher
        if fetcher is None:
            fetcher = Urllib3Fetcher(
                socket_timeout=max(1, round(sync.timeout_s)), app_user_agent=USER_AGENT
            )
        return Updater(
            metadata_dir=str(self.metadata_dir),
            metadata_base_url=f"{base}/metadata/",
            target_dir=str(target_dir),
            target_base_url=f"{base}/targets/",
            fetcher=fetcher,
            config=UpdaterConfig(app_user_agent=USER_AGENT),
            bootstrap=root,
        )

    def _write_trusted_keys(self) -> None:
        """Write the bundle's kiosk public keys where ``kiosk slip verify`` trusts them.

        ``<data dir>/keys/trusted/<kiosk_id>.pub`` (``kiosk.slips.signing.TRUSTED_DIR``); keys
        no longer in the bundle are removed. A failure is logged: slips stay verifiable by
        the keys already there, and the data update itself stands.
        """
        folder = self._settings.data_dir / "keys" / "trusted"
        try:
            keys = self._store.kiosk_keys()
            folder.mkdir(parents=True, exist_ok=True)
            wanted = {f"{k.kiosk_id}.pub" for k in keys}
            for key in keys:
                (folder / f"{key.kiosk_id}.pub").write_text(key.public_key_pem, encoding="ascii")
            for stale in folder.glob("*.pub"):
                if stale.name not in wanted:
                    stale.unlink()
        except (OSError, StoreError, UnicodeEncodeError) as exc:
            log.error("cannot write the trusted kiosk keys to %s: %s", folder, exc)

    def _timestamp_expiry(self) -> datetime | None:
        try:
            meta = Metadata[Timestamp].from_file(str(self.metadata_dir / "timestamp.json"))
        except Exception:  # verified a moment ago; unreadable now means no expiry to show
            return None
        return meta.signed.expires.astimezone(UTC)

    def run_once(self) -> DataUpdateResult:
        """Check the hub once; apply a newer bundle if there is one.

        Returns:
            What happened; ``ok`` is False for an unreachable hub, metadata that fails
            verification (bad signature, rollback, expiry), a download cut short, a bundle
            that reads badly or a store that refuses it. The data in use never changes then.
        """
        sync = self._settings.sync
        if not sync.hub_url:
            return DataUpdateResult(False, False, None, "No hub configured ([sync] hub_url).")
        if not sync.tuf_root:
            return self._fail("No pinned TUF root configured ([sync] tuf_root)")
        with tempfile.TemporaryDirectory(prefix="kiosk-bundle-") as work:
            try:
                return self._run(Path(work))
            except tuf_errors.ExpiredMetadataError as exc:
                return self._fail(f"Hub data has expired ({_one_line(exc)})")
            except tuf_errors.BadVersionNumberError as exc:
                return self._fail(f"Hub data is older than data already seen ({_one_line(exc)})")
            except tuf_errors.UnsignedMetadataError as exc:
                return self._fail(f"Hub data is not signed by trusted keys ({_one_line(exc)})")
            except tuf_errors.LengthOrHashMismatchError as exc:
                return self._fail(f"Data bundle does not match its signature ({_one_line(exc)})")
            except tuf_errors.RepositoryError as exc:
                return self._fail(f"Hub data rejected ({_one_line(exc)})")
            except (tuf_errors.DownloadError, urllib3.exceptions.HTTPError) as exc:
                return self._fail(f"Hub not reached or download cut off ({_one_line(exc)})")
            except BundleFormatError as exc:
                return self._fail(f"Data bundle unreadable: {_one_line(exc)}")
            except BundleRejectedError as exc:
                return self._fail(f"Data bundle refused: {_one_line(exc)}")
            except StoreError as exc:
                return self._fail(f"Data bundle not applied: {_one_line(exc)}")
            except OSError as exc:
                return self._fail(f"Data update failed: {_one_line(exc)}")
            except ValueError as exc:  # e.g. a malformed root file or URL
                return self._fail(f"Data update failed: {_one_line(exc)}")
            except Exception as exc:  # the contract: never raise, keep the data in use
                # Anything else (a raw driver error from the staging SQL, say) is a bug to
                # fix, but the kiosk keeps its data and says so rather than stopping its sync.
                log.exception("unexpected error in a data update")
                return self._fail(f"Data update failed unexpectedly: {_one_line(exc)}")

    def _run(self, work: Path) -> DataUpdateResult:
        updater = self._updater(work)
        updater.refresh()
        info = updater.get_targetinfo(BUNDLE_TARGET)
        expires_at = self._timestamp_expiry()
        if info is None:
            return self._fail("The hub publishes no data bundle")
        custom = info.custom
        offered = custom.get("version") if isinstance(custom, dict) else None
        if not isinstance(offered, int) or isinstance(offered, bool):
            return self._fail("The hub's bundle carries no version")
        sha256 = str(info.hashes.get("sha256", ""))
        applied = self._store.applied_bundle()
        now = self._clock()
        if applied is not None and offered == applied.version and sha256 == applied.sha256:
            self._store.note_bundle_checked(applied.version, expires_at, now)
            return DataUpdateResult(
                ok=True,
                changed=False,
                version=applied.version,
                message=f"Data up to date (bundle {applied.version}).",
                published_at=applied.published_at,
                expires_at=expires_at,
            )
        if applied is not None and offered <= applied.version:
            return self._fail(
                f"Hub offers bundle {offered}, not newer than bundle {applied.version} in use "
                "(rollback refused)",
                offered,
            )
        path = Path(updater.download_target(info, filepath=str(work / "bundle.jsonl.gz")))
        crash_point("sync:downloaded")
        with BundleReader(path) as reader:
            if reader.manifest.version != offered:
                return self._fail(
                    f"Bundle says version {reader.manifest.version}, its signature says {offered}",
                    offered,
                )
            result = self._store.apply_bundle(
                reader.manifest,
                reader.records(),
                lists_db=reader.lists_db,
                sha256=sha256,
                expires_at=expires_at,
                now=now,
            )
        log.info("data bundle %s applied (%s)", result.version, sha256[:12])
        self._write_trusted_keys()
        return DataUpdateResult(
            ok=True,
            changed=True,
            version=result.version,
            message=f"Data updated to bundle {result.version}.",
            published_at=result.published_at,
            expires_at=expires_at,
        )
