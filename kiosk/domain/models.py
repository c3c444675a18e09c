"""Value objects of an inspection: what was presented, measured, decided and printed.

Everything here is pure Python and immutable. Weights are ``Decimal`` carats (1 ct = 0.2 g
exactly); dates are ``datetime.date``; instants are timezone-aware UTC ``datetime``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

GRAMS_PER_CARAT = Decimal("0.2")


class Outcome(enum.IntEnum):
    """The four verdicts, ordered by severity: the verdict is the worst of all reasons."""

    CLEAR = 0
    EXEMPT = 1
    HOLD = 2
    REFUSE = 3

    @property
    def label(self) -> str:
        """The verdict as printed: ``"CLEAR"``."""
        return self.name


class IdentifierKind(enum.StrEnum):
    """What a scanned or typed value was recognised as."""

    KP_CERTIFICATE = "kp"
    G7_CERTIFICATE = "g7"
    MRN = "mrn"
    AWB = "awb"
    SSCC = "sscc"
    GTIN = "gtin"
    EPC = "epc"
    SEAL = "seal"
    UNKNOWN = "unknown"


class InputSource(enum.StrEnum):
    """How a value reached the kiosk."""

    SCANNER = "scanner"
    RFID = "rfid"
    CAMERA = "camera"
    TYPED = "typed"


@dataclass(frozen=True, slots=True)
class Identifier:
    """One classified identifier of a parcel.

    ``value`` is the normalised form (upper case, no spaces); ``raw`` what arrived.
    ``problem`` says why an identifier is not valid (``None`` when valid).
    """

    kind: IdentifierKind
    value: str
    source: InputSource = InputSource.TYPED
    symbology: str | None = None
    raw: str = ""
    problem: str | None = None

    @property
    def valid(self) -> bool:
        """True when the value passed its format and check-digit validation."""
        return self.problem is None


class WeightState(enum.StrEnum):
    """States a balance reports; only ``STABLE`` readings are accepted."""

    STABLE = "stable"
    DYNAMIC = "dynamic"
    OVERLOAD = "overload"
    UNDERLOAD = "underload"
    BUSY = "busy"
    ERROR = "error"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True, slots=True)
class WeightReading:
    """A weight as the balance sent it, with the raw reply line kept for audit."""

    carats: Decimal
    state: WeightState
    raw: str
    taken_at: datetime
    unit: str = "ct"
    value: Decimal | None = None
    scale_id: str = ""

    @property
    def grams(self) -> Decimal:
        """The weight in grams (1 ct = 0.2 g exactly)."""
        return self.carats * GRAMS_PER_CARAT


@dataclass(frozen=True, slots=True)
class Photo:
    """A still of the opened parcel, stored as a JPEG file next to the database."""

    path: str
    sha256: str
    width: int
    height: int
    taken_at: datetime


@dataclass(frozen=True, slots=True)
class StoneBand:
    """One line of the declared stone-size distribution (packing list).

    ``min_ct`` inclusive, ``max_ct`` exclusive (``None`` = no upper bound).
    """

    min_ct: Decimal
    max_ct: Decimal | None
    stones: int
    carats: Decimal


class Exemption(enum.StrEnum):
    """Exemptions a declaration may claim (domain brief §1.6, rules R13-R17)."""

    PERSONAL_USE = "personal_use"
    GRANDFATHERED = "grandfathered"
    TEMPORARY_IMPORT = "temporary_import"
    AUTHORISATION = "authorisation"
    TRANSIT = "transit"


@dataclass(frozen=True, slots=True)
class KpCertificate:
    """A Kimberley Process certificate as held in the certificate register."""

    number: str
    issuing_country: str
    authority: str
    issued_on: date
    expires_on: date
    exporter: str
    importer: str
    origin_countries: tuple[str, ...]
    provenance_country: str
    mixed: bool
    carats: Decimal
    value_usd: Decimal
    parcel_count: int
    hs_code: str


@dataclass(frozen=True, slots=True)
class Declaration:
    """What the trader declared for a parcel: the documents the inspector checks against.

    ``origin_countries`` are the mining countries of the stones (or of the inputs, when the
    goods were cut in a third country, which is then ``processed_in``); ``export_country`` is
    where the goods were shipped from; ``route`` lists transit countries.
    """

    reference: str
    kp_number: str | None
    cn_code: str
    exporter: str
    importer: str
    origin_countries: tuple[str, ...]
    export_country: str
    declared_carats: Decimal
    parcel_count: int = 1
    route: tuple[str, ...] = ()
    processed_in: str | None = None
    stones: tuple[StoneBand, ...] = ()
    seal_numbers: tuple[str, ...] = ()
    mrn: str | None = None
    awb: str | None = None
    g7_certificate: str | None = None
    origin_evidence: bool = True
    value_usd: Decimal | None = None
    exemption: Exemption | None = None
    exemption_evidence: str | None = None


@dataclass(frozen=True, slots=True)
class ListedParty:
    """A party on a sanctions list, normalised from whichever published format it came in.

    ``aliases`` are strong aliases (good quality a.k.a.s, which may alert on their own);
    ``weak_aliases`` (low quality) only confirm a hit found otherwise. ``birth_dates`` are ISO
    dates or partial dates ("1962", "1962-05"); ``countries`` ISO 3166 alpha-2 codes
    (citizenship, nationality, registration, address); ``identifiers`` (type, number) pairs;
    ``owners`` list ids of listed parties owning 50% or more of this one.
    """

    list_name: str
    list_id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "entity"
    programmes: tuple[str, ...] = ()
    listed_on: date | None = None
    weak_aliases: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    identifiers: tuple[tuple[str, str], ...] = ()
    owners: tuple[str, ...] = ()
    source_file: str = ""
    published: date | None = None


@dataclass(frozen=True, slots=True)
class ScreeningHit:
    """A declared party that matched a listed party, and why."""

    party_role: str
    party_name: str
    listed: ListedParty
    matched_name: str
    score: float
    explanation: str


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason of a verdict: the rule that fired, its legal basis, and the data behind it."""

    rule_id: str
    outcome: Outcome
    legal_basis: str
    message: str
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision on a parcel: the worst outcome of all reasons, with every reason listed."""

    outcome: Outcome
    reasons: tuple[Reason, ...]
    ruleset_version: str
    decided_at: datetime
    data_version: str = ""


class OverrideCode(enum.StrEnum):
    """Reason codes a supervisor picks when overriding a HOLD."""

    DOCUMENTS_PRODUCED = "documents_produced"
    WEIGHING_ERROR = "weighing_error"
    SEAL_EXPLAINED = "seal_explained"
    DATA_OUTDATED = "data_outdated"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Override:
    """A supervisor's override of a HOLD (two-person rule)."""

    supervisor: str
    code: OverrideCode
    text: str
    new_outcome: Outcome
    at: datetime


class InspectionState(enum.StrEnum):
    """Where an inspection is in its life; moves are checked by ``workflow.transition``."""

    COLLECTING = "collecting"
    DECIDED = "decided"
    OVERRIDDEN = "overridden"
    PRINTED = "printed"
    CLOSED = "closed"
    VOIDED = "voided"


NEW_SEAL_NOTE = "New seal: "
"""Prefix of the note that records the seal applied after the inspection."""


@dataclass(frozen=True, slots=True)
class Inspection:
    """One parcel's inspection as recorded, step by step."""

    id: str
    post: str
    inspector: str
    started_at: datetime
    state: InspectionState = InspectionState.COLLECTING
    identifiers: tuple[Identifier, ...] = ()
    reading: WeightReading | None = None
    photo: Photo | None = None
    declaration: Declaration | None = None
    verdict: Verdict | None = None
    override: Override | None = None
    slip_path: str | None = None
    printed_at: datetime | None = None
    closed_at: datetime | None = None
    notes: tuple[str, ...] = field(default=())

    def identifier(self, kind: IdentifierKind) -> Identifier | None:
        """The most recent valid identifier of a kind, or ``None``."""
        for ident in reversed(self.identifiers):
            if ident.kind is kind and ident.valid:
                return ident
        return None

    @property
    def new_seal(self) -> str | None:
        """The seal applied to the parcel after the inspection (the latest), or ``None``."""
        for note in reversed(self.notes):
            if note.startswith(NEW_SEAL_NOTE):
                return note.removeprefix(NEW_SEAL_NOTE)
        return None

    @property
    def final_outcome(self) -> Outcome | None:
        """The outcome that stands: the override's when there is one, else the verdict's."""
        if self.override is not None:
            return self.override.new_outcome
        return self.verdict.outcome if self.verdict is not None else None


@dataclass(frozen=True, slots=True)
class User:
    """A kiosk user (the PIN hash never leaves the store)."""

    username: str
    display_name: str
    role: str
    badge: str | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class G7Certificate:
    """A G7 diamond traceability certificate as held in the register (a node's issue)."""

    number: str
    issuer_node: str
    issued_on: date
    expires_on: date | None
    exporter: str
    importer: str
    carats: Decimal
    stones: int | None
    origin_countries: tuple[str, ...]
    kp_numbers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Authorisation:
    """An authorisation by a competent authority under Art. 3p(7) of Reg. 833/2014."""

    number: str
    holder: str
    valid_from: date
    valid_to: date | None
    scope: str = ""
    goods_codes: tuple[str, ...] = ()

    def in_force(self, on: date) -> bool:
        """True when the authorisation is valid on ``on`` (both ends inclusive)."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)
