"""The database schema: SQLAlchemy 2 typed declarative tables (migrations/versions mirror it).

Decimals are stored as exact text (``DecimalText``), instants as UTC ISO 8601 text
(``UtcDateTime``, sortable as text), so SQLite keeps every digit and every offset.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from kiosk.store.codec import instant_text, parse_instant

ROLES: tuple[str, ...] = ("inspector", "supervisor", "technician")
STATES: tuple[str, ...] = ("collecting", "decided", "overridden", "printed", "closed", "voided")
OUTCOMES: tuple[str, ...] = ("CLEAR", "EXEMPT", "HOLD", "REFUSE")

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class DecimalText(TypeDecorator[Decimal]):
    """A ``Decimal`` stored as its exact text (``"12.340"`` stays ``"12.340"``)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        """Text of a finite ``Decimal``; floats are refused because they are inexact."""
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"a Decimal is needed, got {type(value).__name__} {value!r}")
        if not value.is_finite():
            raise ValueError(f"a finite Decimal is needed, got {value}")
        return str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        """The ``Decimal`` of the stored text."""
        if value is None:
            return None
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"stored decimal is corrupt: {value!r}") from None


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant stored as UTC ISO 8601 text; naive datetimes are refused."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        """UTC text of an aware ``datetime``."""
        if value is None:
            return None
        return instant_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """The aware UTC ``datetime`` of the stored text."""
        if value is None:
            return None
        return parse_instant(str(value), "stored instant")


class Base(DeclarativeBase):
    """The declarative base of every table, with stable constraint names for migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# ---- Users ----------------------------------------------------------------------------------


class UserRow(Base):
    """A kiosk user; the PIN is kept only as an argon2id hash (older ones: scrypt)."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role IN {ROLES!r}", name="role"),)

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str] = mapped_column(String(200))
    badge: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    retry_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class UserPreferenceRow(Base):
    """What a user chose at the kiosk for themselves: the language of their screens.

    Kept apart from ``users`` (which data bundles from the hub replace): a choice made at
    this kiosk stays when the hub sends the user list again.
    """

    __tablename__ = "user_preferences"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    language: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RevokedBadgeRow(Base):
    """A badge that never signs in again (lost, stolen, its holder gone)."""

    __tablename__ = "revoked_badges"

    badge: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str | None] = mapped_column(String(64))
    revoked_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)


# ---- Inspections ----------------------------------------------------------------------------


class InspectionRow(Base):
    """One parcel's inspection; its steps live in the child tables below."""

    __tablename__ = "inspections"
    __table_args__ = (
        CheckConstraint(f"state IN {STATES!r}", name="state"),
        Index(None, "post", "kiosk_id", "state"),
        Index(None, "post", "started_at"),
        Index(None, "inspector", "started_at"),
    )

    id: Mapped[str] = mapped_column(String(24), primary_key=True)
    post: Mapped[str] = mapped_column(String(40))
    kiosk_id: Mapped[str] = mapped_column(String(40))
    inspector: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    slip_path: Mapped[str | None] = mapped_column(Text)
    declaration: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    void_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)

    identifiers: Mapped[list[IdentifierRow]] = relationship(
        order_by="IdentifierRow.seq", cascade="all, delete-orphan", lazy="selectin"
    )
    readings: Mapped[list[WeightReadingRow]] = relationship(
        order_by="WeightReadingRow.seq", cascade="all, delete-orphan", lazy="selectin"
    )
    photos: Mapped[list[PhotoRow]] = relationship(
        order_by="PhotoRow.seq", cascade="all, delete-orphan", lazy="selectin"
    )
    verdicts: Mapped[list[VerdictRow]] = relationship(
        order_by="VerdictRow.seq", cascade="all, delete-orphan", lazy="selectin"
    )
    overrides: Mapped[list[OverrideRow]] = relationship(
        order_by="OverrideRow.id", cascade="all, delete-orphan", lazy="selectin"
    )


class IdentifierRow(Base):
    """An identifier scanned or typed for an inspection, in arrival order."""

    __tablename__ = "inspection_identifiers"
    __table_args__ = (Index(None, "value", "inspection_id"),)

    inspection_id: Mapped[str] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(200), index=True)
    source: Mapped[str] = mapped_column(String(20))
    symbology: Mapped[str | None] = mapped_column(String(10))
    raw: Mapped[str] = mapped_column(Text, default="")
    problem: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class WeightReadingRow(Base):
    """A stable reading accepted for an inspection; the newest one stands."""

    __tablename__ = "weight_readings"

    inspection_id: Mapped[str] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    carats: Mapped[Decimal] = mapped_column(DecimalText)
    state: Mapped[str] = mapped_column(String(20))
    raw: Mapped[str] = mapped_column(Text)
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime)
    unit: Mapped[str] = mapped_column(String(8))
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
    scale_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class PhotoRow(Base):
    """A still of the parcel; the newest one stands."""

    __tablename__ = "photos"

    inspection_id: Mapped[str] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class VerdictRow(Base):
    """A verdict; a later input supersedes it (kept for the record, no longer current)."""

    __tablename__ = "verdicts"
    __table_args__ = (
        UniqueConstraint("inspection_id", "seq"),
        CheckConstraint(f"outcome IN {OUTCOMES!r}", name="outcome"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inspection_id: Mapped[str] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(10))
    ruleset_version: Mapped[str] = mapped_column(String(100))
    data_version: Mapped[str] = mapped_column(String(100), default="")
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    reasons: Mapped[list[ReasonRow]] = relationship(
        order_by="ReasonRow.seq", cascade="all, delete-orphan", lazy="selectin"
    )


class ReasonRow(Base):
    """One reason of a verdict."""

    __tablename__ = "verdict_reasons"
    __table_args__ = (CheckConstraint(f"outcome IN {OUTCOMES!r}", name="outcome"),)

    verdict_id: Mapped[int] = mapped_column(
        ForeignKey("verdicts.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(10))
    legal_basis: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    details: Mapped[list[list[str]]] = mapped_column(JSON, default=list)


class OverrideRow(Base):
    """A supervisor's override of a HOLD verdict."""

    __tablename__ = "overrides"
    __table_args__ = (CheckConstraint(f"new_outcome IN {OUTCOMES!r}", name="new_outcome"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inspection_id: Mapped[str] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    verdict_id: Mapped[int] = mapped_column(ForeignKey("verdicts.id"))
    supervisor: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    new_outcome: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


# ---- Reference data -------------------------------------------------------------------------


class KpParticipantRow(Base):
    """A Kimberley Process participant (the EU counts as one, ``"EU"``)."""

    __tablename__ = "kp_participants"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class KpCertificateRow(Base):
    """A KP certificate of the register."""

    __tablename__ = "kp_certificates"

    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    issuing_country: Mapped[str] = mapped_column(String(2))
    authority: Mapped[str] = mapped_column(String(200))
    issued_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    exporter: Mapped[str] = mapped_column(String(300))
    importer: Mapped[str] = mapped_column(String(300))
    origin_countries: Mapped[list[str]] = mapped_column(JSON)
    provenance_country: Mapped[str] = mapped_column(String(2))
    mixed: Mapped[bool] = mapped_column(Boolean)
    carats: Mapped[Decimal] = mapped_column(DecimalText)
    value_usd: Mapped[Decimal] = mapped_column(DecimalText)
    parcel_count: Mapped[int] = mapped_column(Integer)
    hs_code: Mapped[str] = mapped_column(String(20))


class DeclarationRow(Base):
    """A trader's declaration for a parcel, found by KP number, MRN or air waybill."""

    __tablename__ = "declarations"

    reference: Mapped[str] = mapped_column(String(60), primary_key=True)
    kp_number: Mapped[str | None] = mapped_column(String(40), index=True)
    mrn: Mapped[str | None] = mapped_column(String(18), index=True)
    awb: Mapped[str | None] = mapped_column(String(11), index=True)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)


class ListedPartyRow(Base):
    """A party on a sanctions list."""

    __tablename__ = "listed_parties"
    __table_args__ = (UniqueConstraint("list_name", "list_id"), Index(None, "list_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    list_name: Mapped[str] = mapped_column(String(40))
    list_id: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    programmes: Mapped[list[str]] = mapped_column(JSON, default=list)
    listed_on: Mapped[date | None] = mapped_column(Date)
    birth_dates: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    countries: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    identifiers: Mapped[list[list[str]]] = mapped_column(JSON, default=list, server_default="[]")
    owners: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    source_file: Mapped[str] = mapped_column(String(300), default="", server_default="")
    published: Mapped[date | None] = mapped_column(Date)

    names: Mapped[list[ListedNameRow]] = relationship(
        order_by="ListedNameRow.id", cascade="all, delete-orphan", lazy="selectin"
    )


class ListedNameRow(Base):
    """A name or alias of a listed party with its normalised comparison key (indexed)."""

    __tablename__ = "listed_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    party_id: Mapped[int] = mapped_column(
        ForeignKey("listed_parties.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    normalised: Mapped[str] = mapped_column(String(300), index=True)
    is_alias: Mapped[bool] = mapped_column(Boolean)
    weak: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class DataVersionRow(Base):
    """One load of reference data: where it came from, which version, what it held."""

    __tablename__ = "data_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(100))
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    loaded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    counts: Mapped[dict[str, int]] = mapped_column(JSON)


class DataImportRow(Base):
    """One import of a sanctions list or a certificate register (the newest per source stands).

    ``source`` is the list name (``"EU"``, ``"OFAC"``...) or ``"register:kp"``,
    ``"register:g7"``, ``"register:authorisations"``; ``kind`` is ``list`` or ``register``.
    """

    __tablename__ = "data_imports"
    __table_args__ = (
        CheckConstraint("kind IN ('list', 'register')", name="kind"),
        Index(None, "source", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))
    format: Mapped[str] = mapped_column(String(20))
    version: Mapped[str] = mapped_column(String(100))
    source_file: Mapped[str] = mapped_column(String(300))
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    loaded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    counts: Mapped[dict[str, int]] = mapped_column(JSON)


class G7CertificateRow(Base):
    """A G7 diamond traceability certificate of the register."""

    __tablename__ = "g7_certificates"

    number: Mapped[str] = mapped_column(String(60), primary_key=True)
    issuer_node: Mapped[str] = mapped_column(String(100))
    issued_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    exporter: Mapped[str] = mapped_column(String(300))
    importer: Mapped[str] = mapped_column(String(300))
    carats: Mapped[Decimal] = mapped_column(DecimalText)
    stones: Mapped[int | None] = mapped_column(Integer)
    origin_countries: Mapped[list[str]] = mapped_column(JSON)
    kp_numbers: Mapped[list[str]] = mapped_column(JSON)


class AuthorisationRow(Base):
    """An authorisation under Art. 3p(7) of Reg. 833/2014."""

    __tablename__ = "authorisations"

    number: Mapped[str] = mapped_column(String(60), primary_key=True)
    holder: Mapped[str] = mapped_column(String(300))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(Text)
    goods_codes: Mapped[list[str]] = mapped_column(JSON)


# ---- Audit ----------------------------------------------------------------------------------


class EventRow(Base):
    """The append-only, hash-chained log of every step (SQLite triggers refuse UPDATE, DELETE).

    ``seq``, ``prev_hash`` and ``hash`` chain the entries (see ``kiosk.store.audit``).
    """

    __tablename__ = "events"
    __table_args__ = (Index(None, "seq", unique=True), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    seq: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# ---- Data bundles from the hub (issue #5) ---------------------------------------------------


class DataBundleRow(Base):
    """A signed data bundle applied from the hub (the newest row is the data in use).

    ``expires_at`` is the TUF timestamp's expiry as last verified and ``checked_at`` when the
    hub last confirmed that this bundle is still the newest; both move without a new bundle.
    """

    __tablename__ = "data_bundles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version: Mapped[int] = mapped_column(Integer, index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    checked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    manifest: Mapped[dict[str, Any]] = mapped_column(JSON)


class CertificateUseRow(Base):
    """A KP or G7 certificate presented at a post, as the hub's records say (from the bundle)."""

    __tablename__ = "certificate_uses"
    __table_args__ = (
        CheckConstraint("kind IN ('kp', 'g7')", name="kind"),
        Index(None, "kind", "number"),
    )

    kind: Mapped[str] = mapped_column(String(2), primary_key=True)
    number: Mapped[str] = mapped_column(String(60), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(String(24), primary_key=True)
    post: Mapped[str] = mapped_column(String(40))
    used_on: Mapped[date] = mapped_column(Date)


class KioskKeyRow(Base):
    """Another kiosk's slip-signing public key, from the bundle."""

    __tablename__ = "kiosk_keys"

    kiosk_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    post: Mapped[str] = mapped_column(String(40))
    public_key_pem: Mapped[str] = mapped_column(Text)


# ---- Sync -----------------------------------------------------------------------------------


class OutboxRow(Base):
    """A finished inspection waiting for the hub's confirmation (``sent_at`` set once confirmed).

    The row is written in the transaction that closes or voids the inspection, so a finished
    inspection is never missing from the queue.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), unique=True)
    enqueued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    receipt: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class SyncStateRow(Base):
    """A named value of the sync (last attempt, last success, audit entries the hub holds...)."""

    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
