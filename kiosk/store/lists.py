"""Store methods for sanctions lists and certificate registers (mixed into ``Store``).

A list import replaces one list's parties in one transaction, streamed in batches so that a
million aliases never sit in memory at once; a failure (a malformed file raising mid-stream)
rolls everything back and the list in use stays as it was. Registers are merged by number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Table, delete, func, select
from sqlalchemy.orm import Session

from kiosk.crashpoints import crash_point
from kiosk.domain.models import Authorisation, G7Certificate, KpCertificate, ListedParty
from kiosk.domain.names import normalise_name
from kiosk.store.database import Database, StoreError
from kiosk.store.tables import (
    AuthorisationRow,
    DataImportRow,
    DataVersionRow,
    G7CertificateRow,
    KpCertificateRow,
    ListedNameRow,
    ListedPartyRow,
)

BATCH_PARTIES = 2_000
"""Parties written per batch during a list import (and read per page when streaming)."""

_PARTIES = Table("listed_parties", ListedPartyRow.metadata, extend_existing=False)
_NAMES = Table("listed_names", ListedNameRow.metadata, extend_existing=False)

REGISTER_KINDS: tuple[str, ...] = ("kp", "g7", "authorisations")

Published = datetime | date | None
RegisterRecord = KpCertificate | G7Certificate | Authorisation


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What a list or register import wrote."""

    source: str
    records: int
    names: int = 0
    aliases: int = 0
    weak_aliases: int = 0
    published_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """One source of reference data in use: a list, a register, or the reference bundle."""

    source: str
    kind: str
    format: str
    version: str
    source_file: str
    published_at: datetime | None
    loaded_at: datetime
    counts: dict[str, int] = field(default_factory=dict)


def _instant(value: Published) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"a timezone-aware time is needed, got naive {value.isoformat()}")
        return value.astimezone(UTC)
    return datetime.combine(value, time(0, 0), tzinfo=UTC)


def party_from_row(row: ListedPartyRow, names: Sequence[ListedNameRow]) -> ListedParty:
    """The domain ``ListedParty`` of a row and its name rows (in id order)."""
    return ListedParty(
        list_name=row.list_name,
        list_id=row.list_id,
        name=row.name,
        aliases=tuple(n.name for n in names if n.is_alias and not n.weak),
        weak_aliases=tuple(n.name for n in names if n.weak),
        kind=row.kind,
        programmes=tuple(row.programmes),
        listed_on=row.listed_on,
        birth_dates=tuple(row.birth_dates or ()),
        countries=tuple(row.countries or ()),
        identifiers=tuple((str(t), str(n)) for t, n in (row.identifiers or ())),
        owners=tuple(row.owners or ()),
        source_file=row.source_file or "",
        published=row.published,
    )


def _party_values(party: ListedParty) -> dict[str, Any]:
    return {
        "list_name": party.list_name,
        "list_id": party.list_id[:60],
        "name": party.name[:300],
        "kind": party.kind,
        "programmes": list(party.programmes),
        "listed_on": party.listed_on,
        "birth_dates": list(party.birth_dates),
        "countries": list(party.countries),
        "identifiers": [list(i) for i in party.identifiers],
        "owners": list(party.owners),
        "source_file": party.source_file[:300],
        "published": party.published,
    }


def _name_values(party_id: int, party: ListedParty, primary: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    named = [(party.name, not primary, False)] + [(a, True, False) for a in party.aliases]
    named += [(w, True, True) for w in party.weak_aliases]
    for name, is_alias, weak in named:
        rows.append(
            {
                "party_id": party_id,
                "name": name[:300],
                "normalised": normalise_name(name)[:300],
                "is_alias": is_alias,
                "weak": weak,
            }
        )
    return rows


class ListStoreMixin:
    """Sanctions lists and registers; ``Store`` inherits these methods."""

    _db: Database

    @staticmethod
    def _event(
        session: Session,
        kind: str,
        at: datetime,
        detail: Mapping[str, Any],
        inspection_id: str | None = None,
        actor: str | None = None,
    ) -> None:
        """Append an audit event in the caller's transaction (``Store._event``)."""
        raise NotImplementedError

    @contextmanager
    def _list_read(self) -> Iterator[Session]:
        with Session(self._db.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def _list_write(self) -> Iterator[Session]:
        with Session(self._db.write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    # ---- Lists ----------------------------------------------------------------------------------

    def import_list(
        self,
        source: str,
        parties: Iterable[ListedParty],
        version: str,
        published_at: Published | Callable[[], Published],
        *,
        file_format: str = "",
        source_file: str = "",
    ) -> ImportResult:
        """Replace every party of list ``source`` with ``parties``, in one transaction.

        ``parties`` is consumed lazily in batches of ``BATCH_PARTIES``; a party repeated
        under the same list id has its names merged into the first. Other lists are left
        alone. If ``parties`` raises (a malformed file), nothing changes.

        Args:
            source: The list name every party must carry (``"EU"``, ``"OFAC"``...).
            parties: The parties, typically a parser's generator.
            version: A label of this load (e.g. the file's date or hash).
            published_at: The publication instant or date, or a callable giving it once
                ``parties`` is exhausted (a streaming parser learns it on the way).
            file_format: The file format (``eu-fsf``...), for the status.
            source_file: The file name, for the status.

        Returns:
            The counts written.

        Raises:
            StoreError: A party of another list, or a database failure.
            ListFormatError: Whatever the parser raises (nothing is changed).
        """
        if not source or len(source) > 40:
            raise StoreError(f"list name must be 1 to 40 characters, got {source!r}")
        now = datetime.now(UTC)
        seen: dict[str, int] = {}
        counts = {"parties": 0, "names": 0, "aliases": 0, "weak_aliases": 0}
        with self._list_write() as session:
            ids = select(ListedPartyRow.id).where(ListedPartyRow.list_name == source)
            session.execute(delete(ListedNameRow).where(ListedNameRow.party_id.in_(ids)))
            session.execute(delete(ListedPartyRow).where(ListedPartyRow.list_name == source))
            next_id = [(session.scalar(select(func.max(ListedPartyRow.id))) or 0) + 1]
            batch: list[ListedParty] = []
            for party in parties:
                if party.list_name != source:
                    raise StoreError(
                        f"party {party.list_id} belongs to list {party.list_name!r}, not {source!r}"
                    )
                batch.append(party)
                if len(batch) >= BATCH_PARTIES:
                    self._write_batch(session, batch, seen, counts, next_id)
                    batch = []
            self._write_batch(session, batch, seen, counts, next_id)
            published = _instant(published_at() if callable(published_at) else published_at)
            session.add(
                DataImportRow(
                    source=source,
                    kind="list",
                    format=file_format,
                    version=version[:100],
                    source_file=source_file[:300],
                    published_at=published,
                    loaded_at=now,
                    counts=dict(counts),
                )
            )
            self._event(
                session,
                "list_imported",
                now,
                {"list": source, "version": version[:100], "file": source_file[:300], **counts},
            )
        return ImportResult(
            source=source,
            records=counts["parties"],
            names=counts["names"],
            aliases=counts["aliases"],
            weak_aliases=counts["weak_aliases"],
            published_at=published,
        )

    @staticmethod
    def _write_batch(
        session: Session,
        batch: list[ListedParty],
        seen: dict[str, int],
        counts: dict[str, int],
        next_id: list[int],
    ) -> None:
        """Write one batch with Core executemany; ids are assigned here (the write lock is held)."""
        if not batch:
            return
        fresh: dict[str, ListedParty] = {}
        names: list[dict[str, Any]] = []
        for party in batch:
            key = party.list_id[:60]
            if key in seen:
                names += _name_values(seen[key], party, primary=False)
            elif key in fresh:
                fresh[key] = _merge(fresh[key], party)
            else:
                fresh[key] = party
        rows: list[dict[str, Any]] = []
        for key, party in fresh.items():
            party_id = next_id[0]
            next_id[0] += 1
            seen[key] = party_id
            rows.append({"id": party_id, **_party_values(party)})
            names += _name_values(party_id, party, primary=True)
        connection = session.connection()
        if rows:
            connection.execute(_PARTIES.insert(), rows)
            counts["parties"] += len(rows)
        counts["names"] += len(names)
        counts["aliases"] += sum(1 for n in names if n["is_alias"] and not n["weak"])
        counts["weak_aliases"] += sum(1 for n in names if n["weak"])
        if names:
            connection.execute(_NAMES.insert(), names)
        crash_point("store:import-batch")

    def iter_listed_parties(
        self, lists: Iterable[str] | None = None, page_size: int = BATCH_PARTIES
    ) -> Iterator[ListedParty]:
        """Stream every listed party (of ``lists``, or of all lists in use), in load order.

        Reads page by page in short transactions, so memory stays flat; a list replaced
        while streaming may show its old parties on pages already read.
        """
        wanted = sorted(set(lists)) if lists is not None else None
        last_id = 0
        while True:
            with self._list_read() as session:
                query = (
                    select(ListedPartyRow)
                    .where(ListedPartyRow.id > last_id)
                    .order_by(ListedPartyRow.id)
                    .limit(page_size)
                )
                if wanted is not None:
                    query = query.where(ListedPartyRow.list_name.in_(wanted))
                rows = list(session.scalars(query).unique())
                if not rows:
                    return
                parties = [party_from_row(r, r.names) for r in rows]
            last_id = rows[-1].id
            yield from parties

    def listed_parties_by_ids(
        self, ids: Iterable[str], list_name: str | None = None
    ) -> list[ListedParty]:
        """The parties whose list id is in ``ids`` (of any list, or only of ``list_name``)."""
        keys = sorted({i for i in ids if i})
        found: list[ListedParty] = []
        with self._list_read() as session:
            for start in range(0, len(keys), 500):
                query = select(ListedPartyRow).where(
                    ListedPartyRow.list_id.in_(keys[start : start + 500])
                )
                if list_name is not None:
                    query = query.where(ListedPartyRow.list_name == list_name)
                found += [party_from_row(r, r.names) for r in session.scalars(query).unique()]
        return sorted(found, key=lambda p: (p.list_name, p.list_id))

    def imported_lists(self) -> frozenset[str]:
        """The names of the lists loaded by ``import_list`` (the reference bundle leaves them)."""
        with self._list_read() as session:
            return frozenset(
                session.scalars(
                    select(DataImportRow.source).where(DataImportRow.kind == "list").distinct()
                )
            )

    # ---- Registers ------------------------------------------------------------------------------

    def import_register(
        self,
        kind: str,
        records: Iterable[RegisterRecord],
        version: str,
        *,
        file_format: str = "",
        source_file: str = "",
    ) -> ImportResult:
        """Add or update register records by number (``kind``: kp, g7 or authorisations).

        All records are written in one transaction: if ``records`` raises, nothing changes.

        Raises:
            StoreError: An unknown kind or a record of another kind.
        """
        if kind not in REGISTER_KINDS:
            raise StoreError(f"unknown register {kind!r}; use one of {', '.join(REGISTER_KINDS)}")
        expected: type[Any] = {
            "kp": KpCertificate,
            "g7": G7Certificate,
            "authorisations": Authorisation,
        }[kind]
        now = datetime.now(UTC)
        written = 0
        with self._list_write() as session:
            for record in records:
                if not isinstance(record, expected):
                    raise StoreError(f"a {type(record).__name__} is not a {kind} record")
                session.merge(_register_row(record))
                written += 1
                if written % BATCH_PARTIES == 0:
                    session.flush()
                    session.expunge_all()
            session.add(
                DataImportRow(
                    source=f"register:{kind}",
                    kind="register",
                    format=file_format,
                    version=version[:100],
                    source_file=source_file[:300],
                    published_at=None,
                    loaded_at=now,
                    counts={"records": written},
                )
            )
            self._event(
                session,
                "register_imported",
                now,
                {
                    "register": kind,
                    "version": version[:100],
                    "file": source_file[:300],
                    "records": written,
                },
            )
        return ImportResult(source=f"register:{kind}", records=written)

    def g7_certificate(self, number: str) -> G7Certificate | None:
        """The register's G7 certificate (spaces, dashes and case ignored), or ``None``."""
        key = number.replace(" ", "").replace("-", "").upper()
        with self._list_read() as session:
            row = session.get(G7CertificateRow, key)
            if row is None:
                return None
            return G7Certificate(
                number=row.number,
                issuer_node=row.issuer_node,
                issued_on=row.issued_on,
                expires_on=row.expires_on,
                exporter=row.exporter,
                importer=row.importer,
                carats=row.carats,
                stones=row.stones,
                origin_countries=tuple(row.origin_countries),
                kp_numbers=tuple(row.kp_numbers),
            )

    def authorisations(self) -> list[Authorisation]:
        """Every Article 3p(7) authorisation of the register, by number."""
        with self._list_read() as session:
            rows = session.scalars(select(AuthorisationRow).order_by(AuthorisationRow.number))
            return [
                Authorisation(
                    number=r.number,
                    holder=r.holder,
                    valid_from=r.valid_from,
                    valid_to=r.valid_to,
                    scope=r.scope,
                    goods_codes=tuple(r.goods_codes),
                )
                for r in rows
            ]

    def authorisations_in_force(self, on: date) -> frozenset[str]:
        """The numbers of the authorisations valid on ``on`` (both ends inclusive)."""
        with self._list_read() as session:
            rows = session.scalars(
                select(AuthorisationRow.number).where(
                    AuthorisationRow.valid_from <= on,
                    (AuthorisationRow.valid_to.is_(None)) | (AuthorisationRow.valid_to >= on),
                )
            )
            return frozenset(rows)

    # ---- Status ---------------------------------------------------------------------------------

    def data_status(self) -> list[SourceStatus]:
        """The newest import of every list and register, and the reference bundle in use."""
        out: list[SourceStatus] = []
        with self._list_read() as session:
            newest = (
                select(func.max(DataImportRow.id)).group_by(DataImportRow.source).scalar_subquery()
            )
            for row in session.scalars(
                select(DataImportRow)
                .where(DataImportRow.id.in_(newest))
                .order_by(DataImportRow.kind, DataImportRow.source)
            ):
                counts = dict(row.counts)
                if row.kind == "list":
                    counts["parties_now"] = (
                        session.scalar(
                            select(func.count())
                            .select_from(ListedPartyRow)
                            .where(ListedPartyRow.list_name == row.source)
                        )
                        or 0
                    )
                out.append(
                    SourceStatus(
                        source=row.source,
                        kind=row.kind,
                        format=row.format,
                        version=row.version,
                        source_file=row.source_file,
                        published_at=row.published_at,
                        loaded_at=row.loaded_at,
                        counts=counts,
                    )
                )
            ref = session.scalar(select(DataVersionRow).order_by(DataVersionRow.id.desc()))
            if ref is not None:
                out.append(
                    SourceStatus(
                        source=ref.source,
                        kind="reference",
                        format="bundle",
                        version=ref.version,
                        source_file="",
                        published_at=ref.published_at,
                        loaded_at=ref.loaded_at,
                        counts=dict(ref.counts),
                    )
                )
        return out


def _merge(first: ListedParty, other: ListedParty) -> ListedParty:
    from dataclasses import replace

    names = {first.name, *first.aliases}
    extra = tuple(n for n in (other.name, *other.aliases) if n not in names)
    return replace(
        first,
        aliases=first.aliases + extra,
        weak_aliases=first.weak_aliases
        + tuple(w for w in other.weak_aliases if w not in first.weak_aliases),
        birth_dates=first.birth_dates
        + tuple(b for b in other.birth_dates if b not in first.birth_dates),
        countries=first.countries + tuple(c for c in other.countries if c not in first.countries),
    )


def _register_row(record: RegisterRecord) -> KpCertificateRow | G7CertificateRow | AuthorisationRow:
    if isinstance(record, KpCertificate):
        return KpCertificateRow(
            number=record.number,
            issuing_country=record.issuing_country,
            authority=record.authority,
            issued_on=record.issued_on,
            expires_on=record.expires_on,
            exporter=record.exporter,
            importer=record.importer,
            origin_countries=list(record.origin_countries),
            provenance_country=record.provenance_country,
            mixed=record.mixed,
            carats=record.carats,
            value_usd=record.value_usd,
            parcel_count=record.parcel_count,
            hs_code=record.hs_code,
        )
    if isinstance(record, G7Certificate):
        return G7CertificateRow(
            number=record.number,
            issuer_node=record.issuer_node,
            issued_on=record.issued_on,
            expires_on=record.expires_on,
            exporter=record.exporter,
            importer=record.importer,
            carats=record.carats,
            stones=record.stones,
            origin_countries=list(record.origin_countries),
            kp_numbers=list(record.kp_numbers),
        )
    return AuthorisationRow(
        number=record.number,
        holder=record.holder,
        valid_from=record.valid_from,
        valid_to=record.valid_to,
        scope=record.scope,
        goods_codes=list(record.goods_codes),
    )
