"""Store methods for signed data bundles from the hub (mixed into ``Store``).

``apply_bundle`` stages the new lists beside the live ones (short write transactions, copied
inside SQLite from the attached bundle database), then swaps everything in one write
transaction: the staged lists renamed into place, the registers, users, revoked badges, kiosk
keys and certificate uses the bundle names, the record of the applied bundle and an audit
event. If the records raise half way (a bundle that reads badly) the transaction rolls back,
the staging tables are dropped and the previous data stays in use. Readers (WAL) see the old
data or the new, never a mix.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, select, text, update
from sqlalchemy.orm import Session

from kiosk.crashpoints import crash_point
from kiosk.domain.bundle import (
    BUNDLE_FORMAT,
    BundleManifest,
    BundleRecord,
    BundleUser,
    CertificateUse,
    KioskKey,
    RevokedBadge,
)
from kiosk.domain.models import Authorisation, G7Certificate, KpCertificate, ListedParty
from kiosk.store.database import Database, StoreError
from kiosk.store.lists import BATCH_PARTIES, REGISTER_KINDS, _register_row
from kiosk.store.tables import (
    ROLES,
    AuthorisationRow,
    CertificateUseRow,
    DataBundleRow,
    DataImportRow,
    DataVersionRow,
    G7CertificateRow,
    KioskKeyRow,
    KpCertificateRow,
    ListedNameRow,
    ListedPartyRow,
    RevokedBadgeRow,
    UserRow,
)

UPDATE_EVENT = "data.update"
UPDATE_FAILED_EVENT = "data.update_failed"
BUNDLE_SOURCE = "bundle"
NO_PIN_HASH = "!"
"""The PIN hash of a user the hub sent without one and this kiosk never had: no PIN matches."""

_REGISTER_TABLES: dict[str, Any] = {
    "kp": KpCertificateRow,
    "g7": G7CertificateRow,
    "authorisations": AuthorisationRow,
}
_REGISTER_TYPES: dict[type[Any], str] = {
    KpCertificate: "kp",
    G7Certificate: "g7",
    Authorisation: "authorisations",
}


class BundleRejectedError(StoreError):
    """A bundle that the store refuses (older than the one applied, inconsistent records)."""


@dataclass(frozen=True, slots=True)
class AppliedBundle:
    """The bundle in use: its version, digest, publication and TUF validity."""

    version: int
    sha256: str
    published_at: datetime
    applied_at: datetime
    expires_at: datetime | None
    checked_at: datetime | None
    manifest: Mapping[str, Any] = field(default_factory=dict)

    @property
    def data_version(self) -> str:
        """The data version label that verdicts and slips carry."""
        return bundle_label(self.version)


def bundle_label(version: int) -> str:
    """The data version label of bundle ``version`` (``"bundle-12"``)."""
    return f"{BUNDLE_SOURCE}-{version}"


def _applied(row: DataBundleRow) -> AppliedBundle:
    return AppliedBundle(
        version=row.version,
        sha256=row.sha256,
        published_at=row.published_at,
        applied_at=row.applied_at,
        expires_at=row.expires_at,
        checked_at=row.checked_at,
        manifest=dict(row.manifest),
    )


@dataclass(slots=True)
class _Counts:
    parties: dict[str, dict[str, int]] = field(default_factory=dict)
    registers: dict[str, int] = field(default_factory=dict)
    users: int = 0
    revoked: int = 0
    keys: int = 0
    uses: int = 0

    def as_dict(self) -> dict[str, int]:
        out = {f"list:{k}": v["parties"] for k, v in self.parties.items()}
        out.update({f"register:{k}": v for k, v in self.registers.items()})
        out.update(users=self.users, revoked_badges=self.revoked, kiosk_keys=self.keys)
        out["certificate_uses"] = self.uses
        return out


STAGE_CHUNK = 20_000
"""Parties copied per write transaction while staging the new lists."""

_STAGING = ("listed_names_next", "listed_parties_next")


@dataclass(frozen=True, slots=True)
class _Staged:
    """New lists built beside the live ones; ``marker`` is the newest list import then."""

    marker: int


def _raw(connection: Connection) -> sqlite3.Connection:
    raw = connection.connection.dbapi_connection
    if not isinstance(raw, sqlite3.Connection):
        raise StoreError("data bundles with lists need a SQLite database")
    return raw


@contextmanager
def _raw_transaction(raw: sqlite3.Connection) -> Iterator[None]:
    raw.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        raw.execute("ROLLBACK")
        raise
    raw.execute("COMMIT")


def _drop_staging(connection: Connection) -> None:
    """Remove staging tables left by this or an earlier, interrupted update."""
    try:
        raw = _raw(connection)
        with _raw_transaction(raw):
            for table in _STAGING:
                raw.execute(f"DROP TABLE IF EXISTS {table}")
    except (sqlite3.Error, StoreError):
        pass  # the next update tries again; the live tables are never touched here


def _staging_ddl(raw: sqlite3.Connection) -> list[str]:
    """CREATE statements of the staging tables and their indexes, from the live schema.

    The tables copy the live definitions (so a later migration's columns come along); the
    indexes too, under alternate names (``<name>__alt`` and back), since SQLite cannot rename
    an index and the live one still holds its name until the swap.
    """
    statements: list[str] = []
    renames = {"listed_parties": "listed_parties_next", "listed_names": "listed_names_next"}
    for live, staged in renames.items():
        row = raw.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (live,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no table {live} in the database")
        ddl, found = re.subn(rf'^CREATE TABLE "?{live}"?', f"CREATE TABLE {staged}", row[0])
        if live == "listed_names":
            ddl = re.sub(
                r'REFERENCES "?listed_parties"?\s*\(', "REFERENCES listed_parties_next (", ddl
            )
        if found != 1:
            raise StoreError(f"unexpected definition of table {live}")
        statements.append(ddl)
    for name, table, sql in raw.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('listed_parties', 'listed_names')"
    ).fetchall():
        new_name = name.removesuffix("__alt") if name.endswith("__alt") else f"{name}__alt"
        pattern = rf'^CREATE (UNIQUE )?INDEX "?{re.escape(name)}"? ON "?{table}"?'
        match = re.match(pattern, sql)
        found = 0 if match is None else 1
        if match is not None:
            unique = match.group(1) or ""
            ddl = f"CREATE {unique}INDEX {new_name} ON {renames[table]}" + sql[match.end() :]
        if found != 1:
            raise StoreError(f"unexpected definition of index {name}")
        statements.append(ddl)
    return statements


class BundleStoreMixin:
    """Signed data bundles; ``Store`` inherits these methods."""

    _db: Database

    if TYPE_CHECKING:

        @staticmethod
        def _event(
            session: Session,
            kind: str,
            at: datetime,
            detail: Mapping[str, Any],
            inspection_id: str | None = None,
            actor: str | None = None,
        ) -> None: ...

    @contextmanager
    def _bundle_write(self) -> Iterator[Session]:
        with Session(self._db.write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def _bundle_read(self) -> Iterator[Session]:
        with Session(self._db.engine, expire_on_commit=False) as session, session.begin():
            yield session

    # ---- Reading ------------------------------------------------------------------------------

    def applied_bundle(self) -> AppliedBundle | None:
        """The newest bundle applied, or ``None`` when the data never came from the hub."""
        with self._bundle_read() as session:
            row = session.scalar(select(DataBundleRow).order_by(DataBundleRow.id.desc()).limit(1))
            return _applied(row) if row is not None else None

    def certificate_uses(self, kind: str, number: str) -> list[CertificateUse]:
        """The recorded uses of a KP (``kind="kp"``) or G7 certificate, oldest first.

        ``number`` is compared without spaces or dashes, in upper case.
        """
        key = number.replace(" ", "").replace("-", "").upper()
        with self._bundle_read() as session:
            rows = session.scalars(
                select(CertificateUseRow)
                .where(CertificateUseRow.kind == kind, CertificateUseRow.number == key)
                .order_by(CertificateUseRow.used_on, CertificateUseRow.inspection_id)
            )
            return [
                CertificateUse(
                    kind=r.kind,
                    number=r.number,
                    post=r.post,
                    used_on=r.used_on,
                    inspection_id=r.inspection_id,
                )
                for r in rows
            ]

    def kiosk_keys(self) -> list[KioskKey]:
        """The other kiosks' slip-signing public keys from the bundle."""
        with self._bundle_read() as session:
            return [
                KioskKey(kiosk_id=r.kiosk_id, post=r.post, public_key_pem=r.public_key_pem)
                for r in session.scalars(select(KioskKeyRow).order_by(KioskKeyRow.kiosk_id))
            ]

    # ---- Writing ------------------------------------------------------------------------------

    def note_bundle_checked(self, version: int, expires_at: datetime | None, now: datetime) -> None:
        """The hub confirmed (signed timestamp) that bundle ``version`` is still the newest."""
        with self._bundle_write() as session:
            session.execute(
                update(DataBundleRow)
                .where(DataBundleRow.version == version)
                .values(expires_at=expires_at, checked_at=now.astimezone(UTC))
            )

    def note_data_update_failed(
        self, message: str, now: datetime, detail: Mapping[str, Any] | None = None
    ) -> None:
        """Record a failed or refused update in the audit trail (the data in use stays)."""
        with self._bundle_write() as session:
            self._event(
                session,
                UPDATE_FAILED_EVENT,
                now.astimezone(UTC),
                {"message": message[:500], **(detail or {})},
            )

    def apply_bundle(
        self,
        manifest: BundleManifest,
        records: Iterable[BundleRecord],
        *,
        lists_db: Path | None = None,
        sha256: str,
        expires_at: datetime | None,
        now: datetime,
    ) -> AppliedBundle:
        """Swap the reference data for the bundle's, in one transaction.

        Lists and registers named in the manifest are replaced whole (others stay); users,
        revoked badges and kiosk keys are applied when the manifest names a ``users`` source,
        certificate uses when it names a ``uses`` source. Users the hub does not send are
        deactivated (their records stay); a user sent without a PIN hash keeps this kiosk's
        hash (a new one gets none that matches until a PIN is set). Revoked badges are added,
        never lifted.

        The listed parties come from ``lists_db``, the bundle's checked SQLite file (tables
        ``parties`` and ``names`` in the kiosk's column formats): it is attached and copied
        with ``INSERT ... SELECT``, inside SQLite, in the same transaction.

        Args:
            manifest: The bundle's manifest.
            records: Its other records, streamed; an exception from it rolls everything back.
            lists_db: The bundle database with the parties (``None``: the bundle has none).
            sha256: The SHA-256 of the bundle file (from the signed TUF metadata).
            expires_at: The TUF timestamp's expiry.
            now: The current time (aware).

        Returns:
            The bundle now in use.

        Raises:
            BundleRejectedError: A version not newer than the one applied, a record of a
                source the manifest does not name, a bad role.
            Exception: Whatever ``records`` raises (nothing changes).
        """
        now = now.astimezone(UTC)
        lists = manifest.source_names("list")
        registers = {n.removeprefix("register:") for n in manifest.source_names("register")}
        unknown = registers - set(REGISTER_KINDS)
        if unknown:
            raise BundleRejectedError(f"bundle names unknown registers: {sorted(unknown)}")
        counts = _Counts()
        if lists and lists_db is None:
            raise BundleRejectedError("the manifest names lists but the bundle has none")
        current = self.applied_bundle()
        if current is not None and manifest.version <= current.version:
            raise BundleRejectedError(
                f"bundle version {manifest.version} is not newer than version "
                f"{current.version} in use (rollback refused)"
            )
        with self._bundle_connection(lists_db) as connection:
            staged = (
                self._stage_lists(connection, lists, counts)
                if lists and lists_db is not None
                else None
            )
            try:
                applied = self._apply_in_one_transaction(
                    connection,
                    manifest,
                    records,
                    staged,
                    counts,
                    sha256=sha256,
                    expires_at=expires_at,
                    now=now,
                )
            except BaseException:
                if staged is not None:
                    _drop_staging(connection)
                raise
        crash_point("bundle:after-swap-commit")
        return applied

    def _apply_in_one_transaction(
        self,
        connection: Connection,
        manifest: BundleManifest,
        records: Iterable[BundleRecord],
        staged: _Staged | None,
        counts: _Counts,
        *,
        sha256: str,
        expires_at: datetime | None,
        now: datetime,
    ) -> AppliedBundle:
        """The swap: staged lists renamed into place, everything else written, one commit."""
        registers = {n.removeprefix("register:") for n in manifest.source_names("register")}
        with_users = bool(manifest.source_names("users"))
        with_uses = bool(manifest.source_names("uses"))
        with Session(connection, expire_on_commit=False) as session, session.begin():
            current = session.scalar(select(func.max(DataBundleRow.version)))
            if current is not None and manifest.version <= current:
                raise BundleRejectedError(
                    f"bundle version {manifest.version} is not newer than version {current} "
                    "in use (rollback refused)"
                )
            if staged is not None:
                self._swap_lists(session, staged)
            self._clear_for_bundle(session, frozenset(), registers, with_uses, with_users)
            users: list[BundleUser] = []
            revoked: list[RevokedBadge] = []
            for record in records:
                if isinstance(record, ListedParty):
                    raise BundleRejectedError("a party among the records (parties are tables)")
                if isinstance(record, KpCertificate | G7Certificate | Authorisation):
                    kind = _REGISTER_TYPES[type(record)]
                    if kind not in registers:
                        raise BundleRejectedError(f"a {kind} record, but no {kind} register named")
                    session.merge(_register_row(record))
                    counts.registers[kind] = counts.registers.get(kind, 0) + 1
                    if counts.registers[kind] % BATCH_PARTIES == 0:
                        session.flush()
                        session.expunge_all()
                elif isinstance(record, BundleUser):
                    users.append(record)
                elif isinstance(record, RevokedBadge):
                    revoked.append(record)
                elif isinstance(record, KioskKey):
                    if not with_users:
                        raise BundleRejectedError("kiosk keys, but no users source named")
                    session.merge(
                        KioskKeyRow(
                            kiosk_id=record.kiosk_id,
                            post=record.post,
                            public_key_pem=record.public_key_pem,
                        )
                    )
                    counts.keys += 1
                else:
                    if not with_uses:
                        raise BundleRejectedError("certificate uses, but no uses source named")
                    session.merge(
                        CertificateUseRow(
                            kind=record.kind,
                            number=record.number,
                            inspection_id=record.inspection_id,
                            post=record.post,
                            used_on=record.used_on,
                        )
                    )
                    counts.uses += 1
                    if counts.uses % BATCH_PARTIES == 0:
                        session.flush()
                        session.expunge_all()
            if (users or revoked) and not with_users:
                raise BundleRejectedError("users or revoked badges, but no users source named")
            if with_users:
                self._apply_users(session, users, revoked, counts, now)
            self._record_bundle(session, manifest, counts, sha256, expires_at, now)
            row = session.scalar(select(DataBundleRow).order_by(DataBundleRow.id.desc()).limit(1))
            assert row is not None  # just added
            crash_point("bundle:before-swap-commit")
            return _applied(row)

    # ---- Helpers ------------------------------------------------------------------------------

    @staticmethod
    def _clear_for_bundle(
        session: Session,
        lists: frozenset[str],
        registers: set[str],
        with_uses: bool,
        with_users: bool,
    ) -> None:
        if lists:
            ids = select(ListedPartyRow.id).where(ListedPartyRow.list_name.in_(sorted(lists)))
            session.execute(delete(ListedNameRow).where(ListedNameRow.party_id.in_(ids)))
            session.execute(
                delete(ListedPartyRow).where(ListedPartyRow.list_name.in_(sorted(lists)))
            )
        for kind in sorted(registers):
            session.execute(delete(_REGISTER_TABLES[kind]))
        if with_uses:
            session.execute(delete(CertificateUseRow))
        if with_users:
            session.execute(delete(KioskKeyRow))

    @contextmanager
    def _bundle_connection(self, lists_db: Path | None) -> Iterator[Connection]:
        """A write connection with the bundle database attached as ``bundle`` (if any).

        SQLite cannot attach inside a transaction: the attachment is made on the raw
        connection before the caller's ``BEGIN IMMEDIATE`` and removed after its end.
        """
        with self._db.write_engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            if lists_db is not None:
                if raw is None or not isinstance(raw, sqlite3.Connection):
                    raise StoreError("data bundles with lists need a SQLite database")
                raw.execute("ATTACH DATABASE ? AS bundle", (str(lists_db),))
            try:
                yield connection
            finally:
                if lists_db is not None and isinstance(raw, sqlite3.Connection):
                    raw.execute("DETACH DATABASE bundle")

    @staticmethod
    def _stage_lists(connection: Connection, lists: frozenset[str], counts: _Counts) -> _Staged:
        """Build the new lists in ``listed_parties_next`` / ``listed_names_next``.

        The kept lists (those the bundle does not name) are copied from the live tables, then
        the bundle's parties and names (ids shifted past the kept ones), in short write
        transactions of ``STAGE_CHUNK`` parties: inspection steps written meanwhile wait
        for one chunk at most, not for the whole copy. The live tables are untouched until
        ``_swap_lists`` renames the new ones into place.
        """
        raw = _raw(connection)
        names = json.dumps(sorted(lists))
        _drop_staging(connection)
        with _raw_transaction(raw):
            marker = raw.execute("SELECT coalesce(max(id), 0) FROM data_imports").fetchone()[0]
            for statement in _staging_ddl(raw):
                raw.execute(statement)
        live_max = raw.execute("SELECT coalesce(max(id), 0) FROM listed_parties").fetchone()[0]
        for low in range(0, live_max, STAGE_CHUNK):
            with _raw_transaction(raw):
                raw.execute(
                    "INSERT INTO listed_parties_next SELECT * FROM listed_parties "
                    "WHERE id > ? AND id <= ? "
                    "AND list_name NOT IN (SELECT value FROM json_each(?))",
                    (low, low + STAGE_CHUNK, names),
                )
                raw.execute(
                    "INSERT INTO listed_names_next SELECT * FROM listed_names "
                    "WHERE party_id > ? AND party_id <= ? "
                    "AND party_id IN (SELECT id FROM listed_parties_next WHERE id > ? AND id <= ?)",
                    (low, low + STAGE_CHUNK, low, low + STAGE_CHUNK),
                )
            crash_point("bundle:staged-chunk")
        base = raw.execute("SELECT coalesce(max(id), 0) FROM listed_parties_next").fetchone()[0]
        bundle_max = raw.execute("SELECT coalesce(max(id), 0) FROM bundle.parties").fetchone()[0]
        for low in range(0, bundle_max, STAGE_CHUNK):
            with _raw_transaction(raw):
                raw.execute(
                    "INSERT INTO listed_parties_next (id, list_name, list_id, name, kind, "
                    "programmes, listed_on, birth_dates, countries, identifiers, owners, "
                    "source_file, published) SELECT id + ?, list_name, list_id, name, kind, "
                    "programmes, listed_on, birth_dates, countries, identifiers, owners, "
                    "source_file, published FROM bundle.parties WHERE id > ? AND id <= ? "
                    "ORDER BY id",
                    (base, low, low + STAGE_CHUNK),
                )
                raw.execute(
                    "INSERT INTO listed_names_next (party_id, name, normalised, is_alias, weak) "
                    "SELECT party_id + ?, name, normalised, is_alias, weak FROM bundle.names "
                    "WHERE party_id > ? AND party_id <= ?",
                    (base, low, low + STAGE_CHUNK),
                )
            crash_point("bundle:staged-chunk")
        parties_per_list: dict[str, int] = dict(
            raw.execute("SELECT list_name, count(*) FROM bundle.parties GROUP BY list_name")
        )
        names_per_list = {
            row[0]: row[1:]
            for row in raw.execute(
                "SELECT p.list_name, count(*), sum(n.is_alias AND NOT n.weak), sum(n.weak) "
                "FROM bundle.names n JOIN bundle.parties p ON p.id = n.party_id "
                "GROUP BY p.list_name"
            )
        }
        for list_name, parties in parties_per_list.items():
            total, aliases, weak = names_per_list.get(list_name, (0, 0, 0))
            counts.parties[str(list_name)] = {
                "parties": int(parties),
                "names": int(total),
                "aliases": int(aliases or 0),
                "weak_aliases": int(weak or 0),
            }
        return _Staged(marker=int(marker))

    @staticmethod
    def _swap_lists(session: Session, staged: _Staged) -> None:
        """Rename the staged tables into place (in the caller's write transaction)."""
        marker = session.scalar(text("SELECT coalesce(max(id), 0) FROM data_imports"))
        if marker != staged.marker:
            raise StoreError("a list was imported during the data update; it is tried again later")
        for statement in (
            "DROP TABLE listed_names",
            "DROP TABLE listed_parties",
            "ALTER TABLE listed_parties_next RENAME TO listed_parties",
            "ALTER TABLE listed_names_next RENAME TO listed_names",
        ):
            session.execute(text(statement))

    def _apply_users(
        self,
        session: Session,
        users: list[BundleUser],
        revoked: list[RevokedBadge],
        counts: _Counts,
        now: datetime,
    ) -> None:
        names = [u.username for u in users]
        if len(set(names)) != len(names):
            raise BundleRejectedError("a user appears twice in the bundle")
        badges = [u.badge for u in users if u.badge]
        if len(set(badges)) != len(badges):
            raise BundleRejectedError("a badge is given to two users in the bundle")
        for user in users:
            if user.role not in ROLES:
                raise BundleRejectedError(f"user {user.username!r}: unknown role {user.role!r}")
        for entry in revoked:
            if session.get(RevokedBadgeRow, entry.badge) is None:
                session.add(
                    RevokedBadgeRow(
                        badge=entry.badge,
                        username=entry.username,
                        revoked_at=entry.revoked_at,
                        revoked_by=entry.revoked_by,
                        reason=entry.reason,
                    )
                )
        session.flush()
        gone = set(session.scalars(select(RevokedBadgeRow.badge)))
        # Free every badge first so that badges may move between users in one bundle.
        session.execute(update(UserRow).values(badge=None))
        existing = {row.username: row for row in session.scalars(select(UserRow))}
        for user in users:
            badge = user.badge if user.badge and user.badge not in gone else None
            row = existing.get(user.username)
            if row is None:
                session.add(
                    UserRow(
                        username=user.username,
                        display_name=user.display_name,
                        role=user.role,
                        pin_hash=user.pin_hash or NO_PIN_HASH,
                        badge=badge,
                        active=user.active,
                        failed_attempts=0,
                        locked_until=None,
                        created_at=now,
                    )
                )
            else:
                row.display_name = user.display_name
                row.role = user.role
                row.badge = badge
                row.active = user.active
                if user.pin_hash:
                    row.pin_hash = user.pin_hash
        for username, row in existing.items():
            if username not in set(names):
                row.active = False
        counts.users = len(users)
        counts.revoked = len(revoked)
        session.flush()

    def _record_bundle(
        self,
        session: Session,
        manifest: BundleManifest,
        counts: _Counts,
        sha256: str,
        expires_at: datetime | None,
        now: datetime,
    ) -> None:
        label = bundle_label(manifest.version)
        for source in manifest.sources:
            if source.kind not in ("list", "register"):
                continue
            if source.kind == "list":
                written = counts.parties.get(source.name, {"parties": 0})
                stored: dict[str, int] = dict(written)
            else:
                stored = {"records": counts.registers.get(source.name.removeprefix("register:"), 0)}
            published = (
                datetime.combine(source.published, datetime.min.time(), tzinfo=UTC)
                if source.published
                else None
            )
            session.add(
                DataImportRow(
                    source=source.name,
                    kind=source.kind,
                    format=source.format[:20],
                    version=label,
                    source_file=source.file[:300],
                    published_at=published,
                    loaded_at=now,
                    counts=stored,
                )
            )
        summary = counts.as_dict()
        session.add(
            DataVersionRow(
                source=BUNDLE_SOURCE,
                version=label,
                published_at=manifest.published_at,
                loaded_at=now,
                counts=summary,
            )
        )
        session.add(
            DataBundleRow(
                version=manifest.version,
                sha256=sha256,
                published_at=manifest.published_at,
                applied_at=now,
                expires_at=expires_at,
                checked_at=now,
                manifest={
                    "bundle": BUNDLE_FORMAT,
                    "sources": [
                        {"name": s.name, "kind": s.kind, "file": s.file, "sha256": s.sha256}
                        for s in manifest.sources
                    ],
                    "counts": dict(manifest.counts),
                },
            )
        )
        self._event(
            session,
            UPDATE_EVENT,
            now,
            {
                "version": manifest.version,
                "sha256": sha256,
                "published_at": manifest.published_at.isoformat(),
                "counts": summary,
            },
        )
        session.flush()
