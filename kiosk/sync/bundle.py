"""The data bundle file: a gzip'd SQLite database with the lists as tables and the rest as JSON.

Tables (``application_id`` 0x4B42444C, ``user_version`` = the format version):

- ``manifest(body)``: one row, the manifest as JSON (version, publication, sources, counts,
  the fingerprint of the name normaliser that computed ``names.normalised``);
- ``parties`` and ``names``: every listed party and its names with their comparison keys, in
  the columns the kiosk's own tables use, so that applying a million parties is one
  ``INSERT ... SELECT`` inside SQLite (no Python per row, the GIL released);
- ``records(seq, t, body)``: every other record as a JSON object tagged ``kp``, ``g7``,
  ``auth``, ``user``, ``revoked``, ``key`` or ``use``.

The reader treats the file as hostile even after its signature checked: bounded size,
``quick_check``, the exact schema, every party and name row type-checked in SQL, every record
decoded field by field, the counts compared with the manifest. A fault raises
``BundleFormatError`` naming the record. See docs/sync.md.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from kiosk.domain.bundle import (
    BUNDLE_FORMAT,
    BUNDLE_FORMAT_VERSION,
    BundleManifest,
    BundleRecord,
    BundleSource,
    BundleUser,
    CertificateUse,
    KioskKey,
    RevokedBadge,
)
from kiosk.domain.models import Authorisation, G7Certificate, KpCertificate, ListedParty
from kiosk.domain.names import normalise_name

MAX_BUNDLE_BYTES = 4 * 1024**3
"""The most decompressed bytes read from one bundle (a gzip bomb stops here)."""

APPLICATION_ID = 0x4B42444C
_KIOSK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
"""A kiosk id as it may name a file (``<id>.pub``)."""
BATCH_ROWS = 5_000

SCHEMA: dict[str, str] = {
    "manifest": "CREATE TABLE manifest (body TEXT NOT NULL)",
    "parties": (
        "CREATE TABLE parties (id INTEGER PRIMARY KEY, list_name TEXT NOT NULL, "
        "list_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, "
        "programmes TEXT NOT NULL, listed_on TEXT, birth_dates TEXT NOT NULL, "
        "countries TEXT NOT NULL, identifiers TEXT NOT NULL, owners TEXT NOT NULL, "
        "source_file TEXT NOT NULL, published TEXT, UNIQUE (list_name, list_id))"
    ),
    "names": (
        "CREATE TABLE names (party_id INTEGER NOT NULL, name TEXT NOT NULL, "
        "normalised TEXT NOT NULL, is_alias INTEGER NOT NULL, weak INTEGER NOT NULL)"
    ),
    "records": (
        "CREATE TABLE records (seq INTEGER PRIMARY KEY, t TEXT NOT NULL, body TEXT NOT NULL)"
    ),
}

_NORMALISER_PROBES = (
    "Ivanov, Ivan Ivanovich",
    "ИВАНОВ Иван Иванович",
    "Société Générale S.A.",
    "OOO  Almazy-Rossii (ALROSA) PJSC",
    "Müller & Söhne GmbH",
    "Ἀλέξανδρος Παπαδόπουλος",
    "AL-QAIDA",
    "Łukasz Żółć",
)


def normaliser_fingerprint() -> str:
    """A fingerprint of this kiosk's name normaliser (its output on fixed probe names).

    A bundle's ``normalised`` keys are used as they are only when its fingerprint matches;
    otherwise the kiosk computes them again (slower, same result as a list import).
    """
    keys = "\n".join(normalise_name(name) for name in _NORMALISER_PROBES)
    return hashlib.sha256(keys.encode("utf-8")).hexdigest()[:16]


class BundleFormatError(Exception):
    """A bundle that cannot be read; ``str()`` is one line naming the record and the reason."""

    def __init__(self, record: int | None, reason: str) -> None:
        self.line = record
        self.reason = reason
        super().__init__(f"bundle record {record}: {reason}" if record else f"bundle: {reason}")


# ---- Writing --------------------------------------------------------------------------------


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    """Drop empty optional values (``None``, ``""``, ``[]``) to keep lines short."""
    return {k: v for k, v in values.items() if v not in (None, "", [], ())}


def encode_record(record: BundleRecord) -> dict[str, Any]:
    """The JSON object of one record."""
    if isinstance(record, ListedParty):
        return _compact(
            {
                "t": "party",
                "list": record.list_name,
                "id": record.list_id,
                "name": record.name,
                "aliases": list(record.aliases),
                "weak": list(record.weak_aliases),
                "kind": record.kind,
                "programmes": list(record.programmes),
                "listed_on": _iso(record.listed_on),
                "dob": list(record.birth_dates),
                "countries": list(record.countries),
                "ids": [list(i) for i in record.identifiers],
                "owners": list(record.owners),
                "file": record.source_file,
                "published": _iso(record.published),
            }
        )
    if isinstance(record, KpCertificate):
        return {
            "t": "kp",
            "number": record.number,
            "issuing_country": record.issuing_country,
            "authority": record.authority,
            "issued_on": record.issued_on.isoformat(),
            "expires_on": record.expires_on.isoformat(),
            "exporter": record.exporter,
            "importer": record.importer,
            "origin_countries": list(record.origin_countries),
            "provenance_country": record.provenance_country,
            "mixed": record.mixed,
            "carats": str(record.carats),
            "value_usd": str(record.value_usd),
            "parcel_count": record.parcel_count,
            "hs_code": record.hs_code,
        }
    if isinstance(record, G7Certificate):
        return {
            "t": "g7",
            "number": record.number,
            "issuer_node": record.issuer_node,
            "issued_on": record.issued_on.isoformat(),
            "expires_on": _iso(record.expires_on),
            "exporter": record.exporter,
            "importer": record.importer,
            "carats": str(record.carats),
            "stones": record.stones,
            "origin_countries": list(record.origin_countries),
            "kp_numbers": list(record.kp_numbers),
        }
    if isinstance(record, Authorisation):
        return {
            "t": "auth",
            "number": record.number,
            "holder": record.holder,
            "valid_from": record.valid_from.isoformat(),
            "valid_to": _iso(record.valid_to),
            "scope": record.scope,
            "goods_codes": list(record.goods_codes),
        }
    if isinstance(record, BundleUser):
        return {
            "t": "user",
            "username": record.username,
            "display_name": record.display_name,
            "role": record.role,
            "badge": record.badge,
            "active": record.active,
            "pin_hash": record.pin_hash,
        }
    if isinstance(record, RevokedBadge):
        return {
            "t": "revoked",
            "badge": record.badge,
            "username": record.username,
            "revoked_at": record.revoked_at.isoformat(),
            "revoked_by": record.revoked_by,
            "reason": record.reason,
        }
    if isinstance(record, KioskKey):
        return {
            "t": "key",
            "kiosk_id": record.kiosk_id,
            "post": record.post,
            "public_key_pem": record.public_key_pem,
        }
    return {
        "t": "use",
        "kind": record.kind,
        "number": record.number,
        "post": record.post,
        "used_on": record.used_on.isoformat(),
        "inspection_id": record.inspection_id,
    }


def manifest_to_dict(manifest: BundleManifest) -> dict[str, Any]:
    """The manifest as JSON values (also the TUF target's custom field)."""
    return {
        "bundle": BUNDLE_FORMAT,
        "format": BUNDLE_FORMAT_VERSION,
        "version": manifest.version,
        "published_at": manifest.published_at.isoformat(),
        "sources": [
            {
                "name": s.name,
                "kind": s.kind,
                "format": s.format,
                "file": s.file,
                "sha256": s.sha256,
                "published": _iso(s.published),
                "counts": dict(s.counts),
            }
            for s in manifest.sources
        ],
        "counts": dict(manifest.counts),
        "normaliser": manifest.normaliser,
    }


def _json_text(values: Any) -> str:
    return json.dumps(values, ensure_ascii=False)


def _name_rows(party_id: int, party: ListedParty, primary: bool) -> list[tuple[Any, ...]]:
    named = [(party.name, not primary, False)] + [(a, True, False) for a in party.aliases]
    named += [(w, True, True) for w in party.weak_aliases]
    return [
        (party_id, name[:300], normalise_name(name)[:300], int(is_alias), int(weak))
        for name, is_alias, weak in named
    ]


class BundleWriter:
    """Writes a bundle: a SQLite file built in a temporary folder, then gzip'd to ``path``.

    Use as a context manager; ``close()`` (or leaving the block without an error) writes
    ``path`` atomically (temporary name, then rename). A party repeated under the same list
    id has its names added to the first (as a list import does).
    """

    def __init__(self, path: Path, version: int, published_at: datetime) -> None:
        self._path = path
        self._version = version
        self._published_at = published_at.astimezone(UTC)
        self._sources: list[BundleSource] = []
        self._counts: dict[str, int] = {}
        self._dir = tempfile.TemporaryDirectory(prefix="kiosk-bundle-build-")
        self._db_path = Path(self._dir.name) / "bundle.sqlite"
        self._db = sqlite3.connect(self._db_path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        self._db.execute(f"PRAGMA user_version={BUNDLE_FORMAT_VERSION}")
        self._db.execute("BEGIN")
        for ddl in SCHEMA.values():
            self._db.execute(ddl)
        self._ids: dict[tuple[str, str], int] = {}
        self._parties: list[tuple[Any, ...]] = []
        self._names: list[tuple[Any, ...]] = []
        self._seq = 0
        self._done = False

    def add_source(self, source: BundleSource) -> None:
        """Name one source in the manifest."""
        self._sources.append(source)

    def write(self, record: BundleRecord) -> None:
        """Append one record."""
        if isinstance(record, ListedParty):
            self._write_party(record)
            return
        obj = encode_record(record)
        self._seq += 1
        self._db.execute(
            "INSERT INTO records (seq, t, body) VALUES (?, ?, ?)",
            (self._seq, obj["t"], _json_text(obj)),
        )
        self._counts[obj["t"]] = self._counts.get(obj["t"], 0) + 1

    def _write_party(self, party: ListedParty) -> None:
        key = (party.list_name, party.list_id[:60])
        known = self._ids.get(key)
        if known is not None:
            self._names += _name_rows(known, party, primary=False)
        else:
            party_id = len(self._ids) + 1
            self._ids[key] = party_id
            self._parties.append(
                (
                    party_id,
                    party.list_name,
                    party.list_id[:60],
                    party.name[:300],
                    party.kind[:20] or "entity",
                    _json_text(list(party.programmes)),
                    _iso(party.listed_on),
                    _json_text(list(party.birth_dates)),
                    _json_text(list(party.countries)),
                    _json_text([list(i) for i in party.identifiers]),
                    _json_text(list(party.owners)),
                    party.source_file[:300],
                    _iso(party.published),
                )
            )
            self._names += _name_rows(party_id, party, primary=True)
            self._counts["party"] = self._counts.get("party", 0) + 1
        if len(self._parties) >= BATCH_ROWS or len(self._names) >= 3 * BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._parties:
            self._db.executemany(
                "INSERT INTO parties VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self._parties
            )
            self._parties = []
        if self._names:
            self._db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", self._names)
            self._names = []

    @property
    def manifest(self) -> BundleManifest:
        """The manifest as it stands (complete after the last ``write``)."""
        return BundleManifest(
            version=self._version,
            published_at=self._published_at,
            sources=tuple(self._sources),
            counts=dict(self._counts),
            normaliser=normaliser_fingerprint(),
        )

    def close(self) -> BundleManifest:
        """Write the bundle file and return its manifest."""
        manifest = self.manifest
        if self._done:
            return manifest
        self._done = True
        tmp = self._path.with_name(self._path.name + ".tmp")
        try:
            self._flush()
            self._db.execute(
                "INSERT INTO manifest (body) VALUES (?)", (_json_text(manifest_to_dict(manifest)),)
            )
            self._db.execute("COMMIT")
            self._db.close()
            with (
                self._db_path.open("rb") as raw,
                tmp.open("wb") as out_raw,
                gzip.GzipFile(filename="", mode="wb", fileobj=out_raw, mtime=0) as out,
            ):
                shutil.copyfileobj(raw, out, 1024 * 1024)
            os.replace(tmp, self._path)
        finally:
            self._db.close()
            self._dir.cleanup()
            tmp.unlink(missing_ok=True)
        return manifest

    def abort(self) -> None:
        """Drop what was written; no file is made."""
        self._done = True
        self._db.close()
        self._dir.cleanup()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            self.close()
        else:
            self.abort()


# ---- Reading --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Fields:
    """Typed access to one record's fields; every fault names the line and the field."""

    obj: dict[str, Any]
    line: int

    def fail(self, name: str, why: str) -> BundleFormatError:
        return BundleFormatError(self.line, f"{name}: {why}")

    def text(self, name: str, *, required: bool = True, max_len: int = 2000) -> str:
        value = self.obj.get(name)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value):
            raise self.fail(name, f"expected text, got {value!r:.60}")
        if len(value) > max_len:
            raise self.fail(name, f"longer than {max_len} characters")
        return value

    def optional_text(self, name: str) -> str | None:
        return self.text(name, required=False) or None

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.obj.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(name, "expected a list of texts")
        return tuple(value)

    def pairs(self, name: str) -> tuple[tuple[str, str], ...]:
        value = self.obj.get(name, [])
        if not isinstance(value, list) or not all(
            isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)
            for v in value
        ):
            raise self.fail(name, "expected a list of [type, number] pairs")
        return tuple((v[0], v[1]) for v in value)

    def day(self, name: str, *, required: bool = True) -> date | None:
        value = self.obj.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise self.fail(name, f"expected an ISO date, got {value!r:.60}")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(name, f"not an ISO date: {value!r:.60}") from None

    def required_day(self, name: str) -> date:
        found = self.day(name)
        assert found is not None  # required=True never gives None
        return found

    def instant(self, name: str) -> datetime:
        value = self.obj.get(name)
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise self.fail(name, f"expected an ISO time with its offset, got {value!r:.60}")
        return parsed.astimezone(UTC)

    def decimal(self, name: str) -> Decimal:
        value = self.obj.get(name)
        try:
            parsed = Decimal(value) if isinstance(value, str) else None
        except InvalidOperation:
            parsed = None
        if parsed is None or not parsed.is_finite():
            raise self.fail(name, f"expected a decimal number as text, got {value!r:.60}")
        return parsed

    def integer(self, name: str, *, required: bool = True) -> int | None:
        value = self.obj.get(name)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, f"expected a whole number, got {value!r:.60}")
        return value

    def flag(self, name: str, default: bool | None = None) -> bool:
        value = self.obj.get(name, default)
        if not isinstance(value, bool):
            raise self.fail(name, f"expected true or false, got {value!r:.60}")
        return value


def _party(f: _Fields) -> ListedParty:
    return ListedParty(
        list_name=f.text("list", max_len=40),
        list_id=f.text("id", max_len=60),
        name=f.text("name", max_len=300),
        aliases=f.texts("aliases"),
        weak_aliases=f.texts("weak"),
        kind=f.text("kind", required=False, max_len=20) or "entity",
        programmes=f.texts("programmes"),
        listed_on=f.day("listed_on", required=False),
        birth_dates=f.texts("dob"),
        countries=f.texts("countries"),
        identifiers=f.pairs("ids"),
        owners=f.texts("owners"),
        source_file=f.text("file", required=False, max_len=300),
        published=f.day("published", required=False),
    )


def _kp(f: _Fields) -> KpCertificate:
    return KpCertificate(
        number=f.text("number", max_len=40),
        issuing_country=f.text("issuing_country", max_len=2),
        authority=f.text("authority", required=False, max_len=200),
        issued_on=f.required_day("issued_on"),
        expires_on=f.required_day("expires_on"),
        exporter=f.text("exporter", required=False, max_len=300),
        importer=f.text("importer", required=False, max_len=300),
        origin_countries=f.texts("origin_countries"),
        provenance_country=f.text("provenance_country", required=False, max_len=2),
        mixed=f.flag("mixed"),
        carats=f.decimal("carats"),
        value_usd=f.decimal("value_usd"),
        parcel_count=f.integer("parcel_count") or 0,
        hs_code=f.text("hs_code", required=False, max_len=20),
    )


def _g7(f: _Fields) -> G7Certificate:
    return G7Certificate(
        number=f.text("number", max_len=60),
        issuer_node=f.text("issuer_node", required=False, max_len=100),
        issued_on=f.required_day("issued_on"),
        expires_on=f.day("expires_on", required=False),
        exporter=f.text("exporter", required=False, max_len=300),
        importer=f.text("importer", required=False, max_len=300),
        carats=f.decimal("carats"),
        stones=f.integer("stones", required=False),
        origin_countries=f.texts("origin_countries"),
        kp_numbers=f.texts("kp_numbers"),
    )


def _auth(f: _Fields) -> Authorisation:
    return Authorisation(
        number=f.text("number", max_len=60),
        holder=f.text("holder", max_len=300),
        valid_from=f.required_day("valid_from"),
        valid_to=f.day("valid_to", required=False),
        scope=f.text("scope", required=False),
        goods_codes=f.texts("goods_codes"),
    )


def _user(f: _Fields) -> BundleUser:
    return BundleUser(
        username=f.text("username", max_len=64),
        display_name=f.text("display_name", max_len=200),
        role=f.text("role", max_len=20),
        badge=f.optional_text("badge"),
        active=f.flag("active", True),
        pin_hash=f.text("pin_hash", required=False, max_len=200),
    )


def _revoked(f: _Fields) -> RevokedBadge:
    return RevokedBadge(
        badge=f.text("badge", max_len=64),
        username=f.optional_text("username"),
        revoked_at=f.instant("revoked_at"),
        revoked_by=f.text("revoked_by", max_len=64),
        reason=f.text("reason", required=False),
    )


def _key(f: _Fields) -> KioskKey:
    pem = f.text("public_key_pem", max_len=4000)
    if "BEGIN PUBLIC KEY" not in pem:
        raise f.fail("public_key_pem", "not a PEM public key")
    kiosk_id = f.text("kiosk_id", max_len=40)
    if not _KIOSK_ID.fullmatch(kiosk_id):
        raise f.fail("kiosk_id", f"not a kiosk id: {kiosk_id!r}")
    return KioskKey(kiosk_id=kiosk_id, post=f.text("post", max_len=40), public_key_pem=pem)


def _use(f: _Fields) -> CertificateUse:
    kind = f.text("kind", max_len=2)
    if kind not in ("kp", "g7"):
        raise f.fail("kind", f"expected kp or g7, got {kind!r}")
    return CertificateUse(
        kind=kind,
        number=normalise_certificate(f.text("number", max_len=60)),
        post=f.text("post", max_len=40),
        used_on=f.required_day("used_on"),
        inspection_id=f.text("inspection_id", max_len=24),
    )


_DECODERS: dict[str, Callable[[_Fields], BundleRecord]] = {
    "kp": _kp,
    "g7": _g7,
    "auth": _auth,
    "user": _user,
    "revoked": _revoked,
    "key": _key,
    "use": _use,
}


def normalise_certificate(number: str) -> str:
    """A certificate number as compared across posts: no spaces or dashes, upper case."""
    return number.replace(" ", "").replace("-", "").upper()


def _manifest(obj: Any) -> BundleManifest:
    if not isinstance(obj, dict) or obj.get("bundle") != BUNDLE_FORMAT:
        raise BundleFormatError(1, "not a kiosk data bundle (no manifest on the first line)")
    if obj.get("format") != BUNDLE_FORMAT_VERSION:
        raise BundleFormatError(
            1, f"bundle format {obj.get('format')!r}, this kiosk reads {BUNDLE_FORMAT_VERSION}"
        )
    f = _Fields(obj, 1)
    version = f.integer("version")
    if version is None or version < 1:
        raise f.fail("version", "must be 1 or more")
    raw_sources = obj.get("sources")
    if not isinstance(raw_sources, list):
        raise f.fail("sources", "expected a list")
    sources: list[BundleSource] = []
    for raw in raw_sources:
        if not isinstance(raw, dict):
            raise f.fail("sources", "expected objects")
        s = _Fields(raw, 1)
        counts = raw.get("counts", {})
        if not isinstance(counts, dict) or not all(
            isinstance(k, str) and isinstance(v, int) for k, v in counts.items()
        ):
            raise s.fail("counts", "expected a table of whole numbers")
        sources.append(
            BundleSource(
                name=s.text("name", max_len=60),
                kind=s.text("kind", max_len=20),
                format=s.text("format", required=False, max_len=20),
                file=s.text("file", required=False, max_len=300),
                sha256=s.text("sha256", required=False, max_len=64),
                published=s.day("published", required=False),
                counts=dict(counts),
            )
        )
    counts = obj.get("counts", {})
    if not isinstance(counts, dict):
        raise f.fail("counts", "expected a table")
    return BundleManifest(
        version=version,
        published_at=f.instant("published_at"),
        sources=tuple(sources),
        counts={str(k): int(v) for k, v in counts.items() if isinstance(v, int)},
        normaliser=f.text("normaliser", required=False, max_len=64),
    )


_JSON_ARRAY = "(CASE WHEN json_valid({c}) THEN json_type({c}) != 'array' ELSE 1 END)"
_DAY = "({c} IS NOT NULL AND (typeof({c}) != 'text' OR date({c}) IS NOT {c}))"
_TEXT = "(typeof({c}) != 'text' OR length({c}) NOT BETWEEN {lo} AND {hi})"

_BAD_PARTY = " OR ".join(
    [
        _TEXT.format(c="list_name", lo=1, hi=40),
        _TEXT.format(c="list_id", lo=1, hi=60),
        _TEXT.format(c="name", lo=1, hi=300),
        _TEXT.format(c="kind", lo=1, hi=20),
        _TEXT.format(c="source_file", lo=0, hi=300),
        _DAY.format(c="listed_on"),
        _DAY.format(c="published"),
        "list_name NOT IN (SELECT value FROM json_each(?))",
    ]
    + [_JSON_ARRAY.format(c=c) for c in ("programmes", "birth_dates", "countries", "owners")]
    + [_JSON_ARRAY.format(c="identifiers")]
)
_BAD_NAME = " OR ".join(
    [
        "party_id NOT IN (SELECT id FROM parties)",
        _TEXT.format(c="name", lo=1, hi=300),
        _TEXT.format(c="normalised", lo=0, hi=300),
        "is_alias NOT IN (0, 1)",
        "weak NOT IN (0, 1)",
    ]
)


def _decompress(source: Path, target: Path) -> None:
    written = 0
    try:
        with gzip.open(source, "rb") as raw, target.open("wb") as out:
            while chunk := raw.read(1024 * 1024):
                written += len(chunk)
                if written > MAX_BUNDLE_BYTES:
                    raise BundleFormatError(None, f"more than {MAX_BUNDLE_BYTES} bytes unpacked")
                out.write(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise BundleFormatError(None, f"not a readable gzip file ({exc})") from None


class BundleReader:
    """Reads a bundle file: checks it whole, then gives ``manifest``, ``lists_db`` and records.

    ``lists_db`` is the unpacked SQLite file whose ``parties`` and ``names`` tables the store
    copies (``Store.apply_bundle``); ``records()`` decodes every other record. The unpacked
    file lives in a temporary folder until ``close()``.
    """

    def __init__(self, path: Path) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="kiosk-bundle-")
        self.lists_db = Path(self._dir.name) / "bundle.sqlite"
        try:
            _decompress(path, self.lists_db)
            with _connect(self.lists_db) as db:
                self.manifest = _check(db)
                # The store copies names party range by party range: index them (our copy).
                db.execute("CREATE INDEX names_party ON names (party_id)")
        except BaseException:
            self.close()
            raise

    def records(self) -> Iterator[BundleRecord]:
        """Every record other than the parties, decoded, in the order written."""
        with _connect(self.lists_db) as db:
            cursor = db.execute("SELECT seq, t, body FROM records ORDER BY seq")
            while rows := cursor.fetchmany(1000):
                for seq, tag, body in rows:
                    yield _decode(seq, tag, body)

    def close(self) -> None:
        """Remove the unpacked file."""
        self._dir.cleanup()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _connect(path: Path) -> closing[sqlite3.Connection]:
    """A short-lived connection to the unpacked bundle (closed on leaving the block)."""
    return closing(sqlite3.connect(path, isolation_level=None))


def _check(db: sqlite3.Connection) -> BundleManifest:
    """Check the unpacked bundle whole and return its manifest (raises BundleFormatError)."""
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BundleFormatError(None, f"not a bundle database ({exc})") from None
    if app_id != APPLICATION_ID:
        raise BundleFormatError(None, "not a kiosk data bundle")
    if version != BUNDLE_FORMAT_VERSION:
        raise BundleFormatError(
            None, f"bundle format {version}, this kiosk reads {BUNDLE_FORMAT_VERSION}"
        )
    try:
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
        tables = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    except sqlite3.DatabaseError as exc:
        raise BundleFormatError(None, f"damaged bundle database ({exc})") from None
    if verdict != "ok":
        raise BundleFormatError(None, f"damaged bundle database ({verdict})")
    if tables != SCHEMA:
        raise BundleFormatError(None, "unexpected tables in the bundle database")
    rows = db.execute("SELECT body FROM manifest").fetchall()
    if len(rows) != 1:
        raise BundleFormatError(None, "expected one manifest row")
    try:
        manifest = _manifest(json.loads(rows[0][0]))
    except (ValueError, TypeError) as exc:
        raise BundleFormatError(None, f"manifest is not JSON ({exc})") from None
    lists = sorted(manifest.source_names("list"))
    bad = db.execute(
        f"SELECT id, list_id FROM parties WHERE {_BAD_PARTY} LIMIT 1", (json.dumps(lists),)
    ).fetchone()
    if bad is not None:
        raise BundleFormatError(None, f"party {bad[1]!r:.60} (row {bad[0]}): a bad field")
    bad = db.execute(f"SELECT rowid, party_id FROM names WHERE {_BAD_NAME} LIMIT 1").fetchone()
    if bad is not None:
        raise BundleFormatError(None, f"name row {bad[0]} of party row {bad[1]}: a bad field")
    found = dict(db.execute("SELECT t, count(*) FROM records GROUP BY t"))
    found["party"] = db.execute("SELECT count(*) FROM parties").fetchone()[0]
    expected = {k: v for k, v in manifest.counts.items() if v}
    if {k: v for k, v in found.items() if v} != expected:
        raise BundleFormatError(None, f"counts {found} differ from the manifest's {expected}")
    if manifest.normaliser != normaliser_fingerprint():
        # Keys made by another normaliser version: compute them the way this kiosk does.
        db.create_function("kiosk_normalise", 1, normalise_name, deterministic=True)
        db.execute("UPDATE names SET normalised = substr(kiosk_normalise(name), 1, 300)")
    return manifest


def _decode(seq: int, tag: str, body: str) -> BundleRecord:
    try:
        obj = json.loads(body)
    except (ValueError, TypeError) as exc:
        raise BundleFormatError(seq, f"not JSON ({exc})") from None
    if not isinstance(obj, dict) or obj.get("t") != tag:
        raise BundleFormatError(seq, "expected a JSON object of its type")
    decoder = _DECODERS.get(tag)
    if decoder is None:
        raise BundleFormatError(seq, f"unknown record type {tag!r:.40}")
    return decoder(_Fields(obj, seq))
