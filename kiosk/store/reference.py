"""Reference data from a folder of JSON files (the bundled sample), parsed strictly.

A malformed file raises ``ReferenceDataError`` naming the file, the record and the field, and
nothing is returned, so a bad folder never half-replaces the data in use.

Files (all UTF-8 JSON; see ``resources/sample/README.md``):
``kp_participants.json``, ``kp_certificates.json``, ``declarations.json``, ``sanctions.json``,
``users.json``, optional ``manifest.json``; ``parcels.json`` is the demo script, read by
``load_parcels``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from kiosk.domain.models import Declaration, KpCertificate, ListedParty, Outcome
from kiosk.store.codec import (
    FieldError,
    Record,
    certificate_from_dict,
    declaration_from_dict,
    listed_party_from_dict,
)

T = TypeVar("T")

MAX_FILE_BYTES = 20 * 1024 * 1024
ROLES: tuple[str, ...] = ("inspector", "supervisor", "technician")
PIN_PATTERN = re.compile(r"^[0-9]{4,12}$")


class ReferenceDataError(Exception):
    """A reference file that cannot be used.

    Attributes:
        file: The file name.
        record: Which record (``"record 3 (BW2026004417)"``), or ``None`` for the whole file.
        field: The field inside the record, or ``None``.
    """

    def __init__(
        self, file: str, problem: str, record: str | None = None, field: str | None = None
    ) -> None:
        where = file
        if record is not None:
            where += f", {record}"
        if field is not None:
            where += f", field {field!r}"
        # One line whatever the file holds: a record label taken from the data may carry
        # line breaks or other control characters (hypothesis found a newline in a code).
        text = f"{where}: {problem}"
        super().__init__("".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text))
        self.file = file
        self.record = record
        self.field = field
        self.problem = problem


@dataclass(frozen=True, slots=True)
class SeedUser:
    """A user to create on first start (demo users carry their PIN in clear in users.json)."""

    username: str
    display_name: str
    role: str
    pin: str
    badge: str | None = None
    pin_hash: str | None = None
    """The PIN's argon2id hash, shipped so a first start need not hash every sample PIN."""


@dataclass(frozen=True, slots=True)
class KpParticipant:
    """A Kimberley Process participant: ISO code (``"EU"`` for the Union) and name."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class ReferenceData:
    """Everything the checks look up, loaded and replaced as one unit."""

    certificates: tuple[KpCertificate, ...]
    participants: tuple[KpParticipant, ...]
    declarations: tuple[Declaration, ...]
    listed_parties: tuple[ListedParty, ...]
    users: tuple[SeedUser, ...] = ()
    version: str | None = None
    published_at: datetime | None = None
    synthetic: bool = False

    @property
    def counts(self) -> dict[str, int]:
        """How many records of each kind (stored with the data version)."""
        return {
            "certificates": len(self.certificates),
            "participants": len(self.participants),
            "declarations": len(self.declarations),
            "listed_parties": len(self.listed_parties),
        }


@dataclass(frozen=True, slots=True)
class DemoScan:
    """One scan as a serial scanner sends it: the payload and its AIM symbology identifier."""

    value: str
    symbology: str


@dataclass(frozen=True, slots=True)
class DemoParcel:
    """One scripted parcel of the demo: what is scanned, what the balance shows, the verdict.

    ``reference`` names the parcel's declaration in ``declarations.json``.
    """

    label: str
    scans: tuple[DemoScan, ...]
    weight_ct: Decimal
    expected: Outcome
    why: str
    reference: str | None = None


def read_json(path: Path) -> Any:
    """The decoded JSON of ``path``.

    Raises:
        ReferenceDataError: When the file is missing, too large, not UTF-8 or not JSON.
    """
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReferenceDataError(name, f"file not found in {path.parent}") from None
    except OSError as exc:
        raise ReferenceDataError(name, f"cannot read: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise ReferenceDataError(name, f"file is {size} bytes, more than {MAX_FILE_BYTES}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ReferenceDataError(name, "not UTF-8 text") from None
    except OSError as exc:
        raise ReferenceDataError(name, f"cannot read: {exc.strerror}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReferenceDataError(
            name, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except RecursionError:
        raise ReferenceDataError(name, "not valid JSON: nested too deeply") from None
    except ValueError:  # a number of more than 4300 digits
        raise ReferenceDataError(name, "not valid JSON: a number is too long") from None


def _records(
    path: Path, parse: Callable[[object], T], label: Callable[[object], str] | None = None
) -> tuple[T, ...]:
    data = read_json(path)
    if not isinstance(data, list):
        raise ReferenceDataError(path.name, "expected a JSON list of records")
    out: list[T] = []
    for i, item in enumerate(data, start=1):
        record = f"record {i}"
        if label is not None:
            key = label(item)
            if key:
                record += f" ({key})"
        try:
            out.append(parse(item))
        except FieldError as exc:
            raise ReferenceDataError(path.name, exc.problem, record, exc.field) from None
    return tuple(out)


def _key(field: str) -> Callable[[object], str]:
    def get(item: object) -> str:
        if isinstance(item, dict):
            value = item.get(field)
            if isinstance(value, str):
                return value
        return ""

    return get


def _unique(file: str, items: tuple[T, ...], key: Callable[[T], str], what: str) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items, start=1):
        k = key(item)
        if k in seen:
            raise ReferenceDataError(file, f"duplicate {what} {k!r}", f"record {i} ({k})", what)
        seen.add(k)


def _participant(data: object) -> KpParticipant:
    rec = Record(data)
    code = rec.text("code")
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise FieldError("code", f"expected an ISO 3166-1 alpha-2 code or EU, got {code!r}")
    return KpParticipant(code=code, name=rec.text("name"))


def _user(data: object) -> SeedUser:
    rec = Record(data)
    username = rec.text("username")
    if not re.fullmatch(r"[a-z][a-z0-9._-]{1,63}", username):
        raise FieldError(
            "username", f"use 2-64 lower-case letters, digits, . _ -; got {username!r}"
        )
    role = rec.text("role")
    if role not in ROLES:
        raise FieldError("role", f"{role!r} is not one of {', '.join(ROLES)}")
    pin = rec.text("pin")
    if not PIN_PATTERN.fullmatch(pin):
        raise FieldError("pin", "expected 4 to 12 digits written as a string")
    pin_hash = rec.opt_text("pin_hash")
    if pin_hash is not None and not pin_hash.startswith("$argon2id$"):
        raise FieldError("pin_hash", "expected an argon2id hash ($argon2id$...)")
    return SeedUser(
        username=username,
        display_name=rec.text("display_name"),
        role=role,
        pin=pin,
        badge=rec.opt_text("badge"),
        pin_hash=pin_hash,
    )


def _scan(rec: Record) -> DemoScan:
    symbology = rec.text("symbology")
    if not re.fullmatch(r"\][A-Za-z][0-9A-Za-z]", symbology):
        raise FieldError(
            rec.path("symbology"), f"expected an AIM identifier like ]C0, got {symbology!r}"
        )
    return DemoScan(value=rec.text("value"), symbology=symbology)


def _parcel(data: object) -> DemoParcel:
    rec = Record(data)
    scans = tuple(_scan(s) for s in rec.records("scans"))
    if not scans:
        raise FieldError("scans", "needs at least one scan")
    return DemoParcel(
        label=rec.text("label"),
        scans=scans,
        weight_ct=rec.decimal("weight_ct"),
        expected=rec.outcome("expected"),
        why=rec.text("why"),
        reference=rec.opt_text("reference"),
    )


def load_reference_dir(path: Path) -> ReferenceData:
    """Parse every reference file of a folder strictly into one ``ReferenceData``.

    ``users.json`` and ``manifest.json`` are optional; the other four files are required.

    Raises:
        ReferenceDataError: Naming the file, the record and the field of the first problem.
    """
    if not path.is_dir():
        raise ReferenceDataError(str(path), "reference data folder not found")
    participants = _records(path / "kp_participants.json", _participant, _key("code"))
    _unique("kp_participants.json", participants, lambda p: p.code, "code")
    certificates = _records(path / "kp_certificates.json", certificate_from_dict, _key("number"))
    _unique("kp_certificates.json", certificates, lambda c: c.number, "number")
    declarations = _records(path / "declarations.json", declaration_from_dict, _key("reference"))
    _unique("declarations.json", declarations, lambda d: d.reference, "reference")
    parties = _records(path / "sanctions.json", listed_party_from_dict, _key("name"))
    _unique("sanctions.json", parties, lambda p: f"{p.list_name}/{p.list_id}", "list_id")
    users: tuple[SeedUser, ...] = ()
    if (path / "users.json").exists():
        users = _records(path / "users.json", _user, _key("username"))
        _unique("users.json", users, lambda u: u.username, "username")
        _unique("users.json", tuple(u for u in users if u.badge), lambda u: u.badge or "", "badge")
    version: str | None = None
    published_at: datetime | None = None
    synthetic = False
    if (path / "manifest.json").exists():
        try:
            manifest = Record(read_json(path / "manifest.json"))
            version = manifest.text("version")
            published_at = manifest.opt_instant("published_at")
            synthetic = manifest.boolean("synthetic", default=False)
        except FieldError as exc:
            raise ReferenceDataError("manifest.json", exc.problem, None, exc.field) from None
    return ReferenceData(
        certificates=certificates,
        participants=participants,
        declarations=declarations,
        listed_parties=parties,
        users=users,
        version=version,
        published_at=published_at,
        synthetic=synthetic,
    )


def load_parcels(path: Path) -> tuple[DemoParcel, ...]:
    """The demo's scripted parcels from ``parcels.json`` (a file or the folder holding it).

    Raises:
        ReferenceDataError: Naming the record and field of the first problem.
    """
    file = path / "parcels.json" if path.is_dir() else path
    return _records(file, _parcel, _key("label"))
