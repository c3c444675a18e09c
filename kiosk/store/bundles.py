"""Store methods for signed data bundles from the hub (mixed into ``Store``).

``apply_bundle`` swaps the reference data in one write transaction: the lists and registers
the bundle names, the users, revoked badges, kiosk keys and certificate uses, plus the record
of the applied bundle and an audit event. Records are streamed: if the record iterator raises
(a bundle that reads badly half way) the transaction rolls back and the previous data stays in
use. Readers (WAL) see the old data or the new, never a mix.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, select, text, update
from sqlalchemy.orm import Session

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
        with_users = bool(manifest.source_names("users"))
        with_uses = bool(manifest.source_names("uses"))
        counts = _Counts()
        with (
            self._bundle_connection(lists_db) as connection,
            Session(connection, expire_on_commit=False) as session,
            session.begin(),
        ):
            current = session.scalar(select(func.max(DataBundleRow.version)))
            if current is not None and manifest.version <= current:
                raise BundleRejectedError(
                    f"bundle version {manifest.version} is not newer than version {current} "
                    "in use (rollback refused)"
                )
            self._clear_for_bundle(session, lists, registers, with_uses, with_users)
            if lists_db is not None:
                self._copy_parties(session, counts)
            elif lists:
                raise BundleRejectedError("the manifest names lists but the bundle has none")
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
                raw.execute("ATTACH DATABASE ? AS bundle", (f"file:{lists_db}?mode=ro",))
            try:
                yield connection
            finally:
                if lists_db is not None and isinstance(raw, sqlite3.Connection):
                    raw.execute("DETACH DATABASE bundle")

    @staticmethod
    def _copy_parties(session: Session, counts: _Counts) -> None:
        """Copy the attached bundle's parties and names, ids shifted past the ones in use."""
        base = session.scalar(select(func.max(ListedPartyRow.id))) or 0
        session.execute(
            text(
                "INSERT INTO main.listed_parties (id, list_name, list_id, name, kind, "
                "programmes, listed_on, birth_dates, countries, identifiers, owners, "
                "source_file, published) SELECT id + :base, list_name, list_id, name, kind, "
                "programmes, listed_on, birth_dates, countries, identifiers, owners, "
                "source_file, published FROM bundle.parties ORDER BY id"
            ),
            {"base": base},
        )
        session.execute(
            text(
                "INSERT INTO main.listed_names (party_id, name, normalised, is_alias, weak) "
                "SELECT party_id + :base, name, normalised, is_alias, weak FROM bundle.names "
                "ORDER BY party_id"
            ),
            {"base": base},
        )
        parties_per_list: dict[str, int] = dict(
            session.execute(
                text("SELECT list_name, count(*) FROM bundle.parties GROUP BY list_name")
            ).all()
        )
        names_per_list = {
            row[0]: row[1:]
            for row in session.execute(
                text(
                    "SELECT p.list_name, count(*), sum(n.is_alias AND NOT n.weak), sum(n.weak) "
                    "FROM bundle.names n JOIN bundle.parties p ON p.id = n.party_id "
                    "GROUP BY p.list_name"
                )
            ).all()
        }
        rows = [
            (name, parties, *names_per_list.get(name, (0, 0, 0)))
            for name, parties in parties_per_list.items()
        ]
        for list_name, parties, names, aliases, weak in rows:
            counts.parties[str(list_name)] = {
                "parties": int(parties),
                "names": int(names),
                "aliases": int(aliases or 0),
                "weak_aliases": int(weak or 0),
            }

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
