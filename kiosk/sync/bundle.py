"""The data bundle file: gzip'd JSON lines, a manifest first, a sealed end line last.

Line 1 is the manifest (``{"bundle": "inspection-kiosk-data", "format": 1, "version": N,
"published_at": ..., "sources": [...], "counts": {...}}``); then one record per line, tagged
by ``"t"``: ``party``, ``kp``, ``g7``, ``auth``, ``user``, ``revoked``, ``key``, ``use``; the last
line is ``{"t": "end", "records": N, "sha256": ...}``, the SHA-256 of every record line before
it (bytes and newlines). A bundle that stops early, has a line too many or a changed line does
not read to its end. See docs/sync.md.

The reader treats the file as hostile: bounded line length and total size, every field
type-checked; a fault raises ``BundleFormatError`` naming the line.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

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

MAX_LINE_BYTES = 1_000_000
"""The longest record line read (a party with thousands of aliases fits)."""

MAX_BUNDLE_BYTES = 4 * 1024**3
"""The most decompressed bytes read from one bundle (a gzip bomb stops here)."""


class BundleFormatError(Exception):
    """A bundle that cannot be read; ``str()`` is one line naming the line and the reason."""

    def __init__(self, line: int | None, reason: str) -> None:
        self.line = line
        self.reason = reason
        super().__init__(f"bundle line {line}: {reason}" if line else f"bundle: {reason}")


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


def _line(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


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
    }


class BundleWriter:
    """Writes a bundle: records first go to a temporary file, the manifest heads the result.

    Use as a context manager; ``close()`` (or leaving the block without an error) writes
    ``path`` atomically (temporary name, then rename).
    """

    def __init__(self, path: Path, version: int, published_at: datetime) -> None:
        self._path = path
        self._version = version
        self._published_at = published_at.astimezone(UTC)
        self._sources: list[BundleSource] = []
        self._counts: dict[str, int] = {}
        self._sha = hashlib.sha256()
        self._records = 0
        self._spool: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self._done = False

    def add_source(self, source: BundleSource) -> None:
        """Name one source in the manifest."""
        self._sources.append(source)

    def write(self, record: BundleRecord) -> None:
        """Append one record."""
        obj = encode_record(record)
        line = _line(obj)
        self._sha.update(line)
        self._spool.write(line)
        self._records += 1
        tag = str(obj["t"])
        self._counts[tag] = self._counts.get(tag, 0) + 1

    @property
    def manifest(self) -> BundleManifest:
        """The manifest as it stands (complete after the last ``write``)."""
        return BundleManifest(
            version=self._version,
            published_at=self._published_at,
            sources=tuple(self._sources),
            counts=dict(self._counts),
        )

    def close(self) -> BundleManifest:
        """Write the bundle file and return its manifest."""
        if self._done:
            return self.manifest
        self._done = True
        manifest = self.manifest
        tmp = self._path.with_name(self._path.name + ".tmp")
        try:
            self._spool.seek(0)
            with (
                tmp.open("wb") as raw,
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0) as out,
            ):
                out.write(_line(manifest_to_dict(manifest)))
                while chunk := self._spool.read(1024 * 1024):
                    out.write(chunk)
                end = {"t": "end", "records": self._records, "sha256": self._sha.hexdigest()}
                out.write(_line(end))
            os.replace(tmp, self._path)
        finally:
            self._spool.close()
            tmp.unlink(missing_ok=True)
        return manifest

    def abort(self) -> None:
        """Drop what was written; no file is made."""
        self._done = True
        self._spool.close()

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
    return KioskKey(
        kiosk_id=f.text("kiosk_id", max_len=40), post=f.text("post", max_len=40), public_key_pem=pem
    )


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
    "party": _party,
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
    )


class BundleReader:
    """Reads a bundle file: ``manifest`` at once, then ``records()`` streams the rest.

    The records iterator raises ``BundleFormatError`` on any fault, including at its very end
    when the end line is missing or its count or SHA-256 disagree: a consumer that applies
    records inside a transaction rolls back on that error.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._file: gzip.GzipFile | None = None
        self._read_bytes = 0
        try:
            self._file = gzip.open(path, "rb")  # noqa: SIM115 - closed in close()
            self.manifest = _manifest(self._json(self._next_line(), 1))
        except BaseException:
            self.close()
            raise

    def _next_line(self) -> bytes:
        assert self._file is not None
        try:
            line = self._file.readline(MAX_LINE_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise BundleFormatError(None, f"not a readable gzip file ({exc})") from None
        if len(line) > MAX_LINE_BYTES:
            raise BundleFormatError(None, f"a line longer than {MAX_LINE_BYTES} bytes")
        self._read_bytes += len(line)
        if self._read_bytes > MAX_BUNDLE_BYTES:
            raise BundleFormatError(None, f"more than {MAX_BUNDLE_BYTES} bytes decompressed")
        return line

    @staticmethod
    def _json(line: bytes, number: int) -> Any:
        if not line:
            raise BundleFormatError(number, "the bundle ends early (no end line)")
        try:
            return json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            raise BundleFormatError(number, f"not JSON ({exc})") from None

    def records(self) -> Iterator[BundleRecord]:
        """Every record, decoded; the end line is checked after the last one."""
        sha = hashlib.sha256()
        number = 1
        count = 0
        while True:
            number += 1
            line = self._next_line()
            obj = self._json(line, number)
            if not isinstance(obj, dict):
                raise BundleFormatError(number, "expected a JSON object")
            tag = obj.get("t")
            if tag == "end":
                if obj.get("records") != count or obj.get("sha256") != sha.hexdigest():
                    raise BundleFormatError(
                        number, "the end line does not match the records (changed or cut)"
                    )
                if self._next_line():
                    raise BundleFormatError(number + 1, "data after the end line")
                return
            decoder = _DECODERS.get(tag) if isinstance(tag, str) else None
            if decoder is None:
                raise BundleFormatError(number, f"unknown record type {tag!r:.40}")
            sha.update(line)
            count += 1
            yield decoder(_Fields(obj, number))

    def close(self) -> None:
        """Close the file."""
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
