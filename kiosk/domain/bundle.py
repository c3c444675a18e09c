"""What a signed data bundle from the hub carries, as plain values (no I/O).

A bundle is the whole reference data of the posts at one moment: sanctions lists, certificate
registers, users with their roles and revoked badges, the kiosks' public keys (to verify each
other's slips) and the certificate uses recorded at every post. ``kiosk.sync.bundle`` reads and
writes its file format; ``kiosk.store`` applies it in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.domain.models import Authorisation, G7Certificate, KpCertificate, ListedParty

BUNDLE_FORMAT = "inspection-kiosk-data"
"""The ``bundle`` value of a manifest."""

BUNDLE_FORMAT_VERSION = 1
"""The format version this kiosk reads and writes."""


@dataclass(frozen=True, slots=True)
class CertificateUse:
    """A KP or G7 certificate presented at a post (from the records the hub received).

    ``kind`` is ``"kp"`` or ``"g7"``; ``number`` is normalised (no spaces or dashes, upper case).
    """

    kind: str
    number: str
    post: str
    used_on: date
    inspection_id: str


@dataclass(frozen=True, slots=True)
class BundleUser:
    """A user as the hub manages them; ``pin_hash`` empty: the kiosk keeps its own PIN hash."""

    username: str
    display_name: str
    role: str
    badge: str | None = None
    active: bool = True
    pin_hash: str = ""


@dataclass(frozen=True, slots=True)
class RevokedBadge:
    """A badge that must never sign in again, at any post."""

    badge: str
    username: str | None
    revoked_at: datetime
    revoked_by: str
    reason: str


@dataclass(frozen=True, slots=True)
class KioskKey:
    """A kiosk's slip-signing public key (PEM, SubjectPublicKeyInfo)."""

    kiosk_id: str
    post: str
    public_key_pem: str


@dataclass(frozen=True, slots=True)
class BundleSource:
    """One official file (or hub register) that went into a bundle."""

    name: str  # "EU", "OFAC", "register:kp", "users", "certificate-uses"...
    kind: str  # "list", "register", "users", "uses"
    format: str  # "eu-fsf", "ofac-sdn", "kp", "users"...
    file: str  # the file name at the hub
    sha256: str  # of that file
    published: date | None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BundleManifest:
    """The first line of a bundle: what it is, when it was published, what it holds."""

    version: int
    published_at: datetime
    sources: tuple[BundleSource, ...]
    counts: dict[str, int] = field(default_factory=dict)
    normaliser: str = ""  # fingerprint of the name normaliser that made the lists' keys

    def source_names(self, kind: str) -> frozenset[str]:
        """The names of the sources of one kind (``list``, ``register``, ``users``, ``uses``)."""
        return frozenset(s.name for s in self.sources if s.kind == kind)


BundleRecord = (
    ListedParty
    | KpCertificate
    | G7Certificate
    | Authorisation
    | BundleUser
    | RevokedBadge
    | KioskKey
    | CertificateUse
)
"""Any record a bundle carries after its manifest."""
