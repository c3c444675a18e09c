"""``kiosk-hub publish``: official files -> a data bundle -> signed TUF metadata in a repository.

The sources folder holds the official list files and register files, optionally a
``sources.toml`` naming each file's format, a ``users.json`` and a ``certificate-uses.jsonl``.
Without ``sources.toml`` each file's format is told from its name and first bytes.

The repository (served as static files under ``<hub>/tuf/``)::

    REPO/metadata/1.root.json, N.root.json    every root version (from the keys folder)
    REPO/metadata/N.targets.json              consistent snapshots: every version kept
    REPO/metadata/N.snapshot.json
    REPO/metadata/timestamp.json              written last: it makes a publish visible
    REPO/targets/<sha256>.kiosk-data.jsonl.gz the bundles, by content hash

Each publish bumps the bundle, targets, snapshot and timestamp versions by one and signs
them with the online keys; the root key is not needed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

from kiosk import lists
from kiosk.domain.bundle import (
    BundleManifest,
    BundleRecord,
    BundleSource,
    BundleUser,
    CertificateUse,
    KioskKey,
    RevokedBadge,
)
from kiosk.hub.keys import HubKeys, load_keys
from kiosk.lists import ListFormatError
from kiosk.sync.bundle import BundleWriter, manifest_to_dict, normalise_certificate

BUNDLE_TARGET = "kiosk-data.jsonl.gz"
"""The TUF target name of the data bundle (its file is stored under its SHA-256)."""

USERS_FILE = "users.json"
USES_FILE = "certificate-uses.jsonl"
MANIFEST_FILE = "sources.toml"
DEFAULT_EXPIRES_DAYS = 7.0


class PublishError(Exception):
    """A publish that cannot go ahead; the message is one line naming the file."""


@dataclass(frozen=True)
class SourceFile:
    """One input file and its format (``eu-fsf``, ``kp``, ``users``, ``uses``...)."""

    path: Path
    format: str
    alt: Path | None = None


@dataclass(frozen=True)
class PublishResult:
    """What a publish wrote."""

    version: int
    bundle: Path
    bytes: int
    sha256: str
    manifest: BundleManifest
    expires_at: datetime


# ---- Finding the sources --------------------------------------------------------------------


def _sniff(path: Path) -> str | None:
    name = path.name.lower()
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise PublishError(f"{path}: cannot read: {exc.strerror}") from None
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    if name.endswith(".xml"):
        for marker, fmt in (
            ("fsd/export", "eu-fsf"),
            ("<sdnList", "ofac-sdn"),
            ("<CONSOLIDATED_LIST", "un"),
            ("<Designations", "uk"),
        ):
            if marker in text:
                return fmt
        return None
    first = text.splitlines()[0] if text.splitlines() else ""
    if name.endswith(".csv"):
        if first.startswith("Last Updated"):
            return "uk-ofsi"
        if first.startswith("number,issuing_country") or "issuing_country" in first:
            return "kp"
        if "issuer_node" in first:
            return "g7"
        if "holder" in first and "valid_from" in first:
            return "authorisations"
        if "sdn" in name and "alt" not in name:
            return "ofac-csv"
        return None
    if name.endswith((".json", ".jsonl", ".ftm")):
        if '"schema"' in first and '"properties"' in first:
            return "ftm"
        for prefix, fmt in (("kp", "kp"), ("g7", "g7"), ("authorisation", "authorisations")):
            if name.startswith(prefix):
                return fmt
    return None


def find_sources(sources_dir: Path) -> list[SourceFile]:
    """The files to publish, from ``sources.toml`` or told by name and content.

    ``sources.toml``: ``[[source]]`` tables with ``file``, ``format`` and, for ``ofac-csv``,
    ``alt``. ``users.json`` and ``certificate-uses.jsonl`` are found by name either way.

    Raises:
        PublishError: No such folder, an unknown format, a file that cannot be told.
    """
    if not sources_dir.is_dir():
        raise PublishError(f"{sources_dir}: not a folder")
    found: list[SourceFile] = []
    manifest = sources_dir / MANIFEST_FILE
    known = set(lists.LIST_FORMATS) | set(lists.REGISTER_FORMATS)
    if manifest.is_file():
        try:
            doc = tomllib.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise PublishError(f"{manifest}: not readable TOML: {exc}") from None
        entries = doc.get("source", [])
        if not isinstance(entries, list):
            raise PublishError(f"{manifest}: expected [[source]] tables")
        for i, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                raise PublishError(f"{manifest}: source {i}: a file name is needed")
            fmt = entry.get("format")
            if fmt not in known:
                raise PublishError(
                    f"{manifest}: source {i}: format {fmt!r} is not one of "
                    f"{', '.join(sorted(known))}"
                )
            path = sources_dir / entry["file"]
            if not path.is_file():
                raise PublishError(f"{manifest}: source {i}: {path} not found")
            alt = entry.get("alt")
            found.append(
                SourceFile(path, str(fmt), sources_dir / alt if isinstance(alt, str) else None)
            )
    else:
        files = sorted(p for p in sources_dir.iterdir() if p.is_file())
        alts = [p for p in files if p.suffix.lower() == ".csv" and "alt" in p.name.lower()]
        for path in files:
            if path.name in (USERS_FILE, USES_FILE) or path in alts or path.name.startswith("."):
                continue
            fmt = _sniff(path)
            if fmt is None:
                raise PublishError(f"{path}: cannot tell its format; name it in {MANIFEST_FILE}")
            found.append(SourceFile(path, fmt, alts[0] if fmt == "ofac-csv" and alts else None))
    for name, fmt in ((USERS_FILE, "users"), (USES_FILE, "uses")):
        if (sources_dir / name).is_file():
            found.append(SourceFile(sources_dir / name, fmt))
    if not found:
        raise PublishError(f"{sources_dir}: no source files")
    return found


# ---- Reading them ---------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            sha.update(chunk)
    return sha.hexdigest()


def _list_parties(source: SourceFile, summary: lists.ListFile) -> Iterator[Any]:
    parsers: dict[str, Callable[..., Iterator[Any]]] = {
        "eu-fsf": lists.parse_eu_fsf,
        "ofac-sdn": lists.parse_ofac_sdn_xml,
        "un": lists.parse_un,
        "uk": lists.parse_uk_fcdo,
        "uk-ofsi": lists.parse_uk_ofsi,
        "ftm": lists.parse_ftm,
    }
    if source.format == "ofac-csv":
        return lists.parse_ofac_csv(source.path, source.alt, summary)
    return parsers[source.format](source.path, summary)


def _register_records(source: SourceFile) -> Iterator[Any]:
    as_json = source.path.suffix.lower() == ".json"
    parse = {
        ("kp", False): lists.parse_kp_csv,
        ("kp", True): lists.parse_kp_json,
        ("g7", False): lists.parse_g7_csv,
        ("g7", True): lists.parse_g7_json,
        ("authorisations", False): lists.parse_authorisations_csv,
        ("authorisations", True): lists.parse_authorisations_json,
    }[(source.format, as_json)]
    return parse(source.path)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PublishError(f"{path}: not readable JSON: {exc}") from None


def _users(path: Path) -> list[BundleRecord]:
    """Users, revoked badges and kiosk keys of ``users.json`` (a clear ``pin`` is hashed)."""
    from kiosk.store.pins import hash_pin

    doc = _read_json(path)
    if not isinstance(doc, dict):
        raise PublishError(f"{path}: expected an object with users, revoked_badges, kiosk_keys")
    out: list[BundleRecord] = []
    try:
        for u in doc.get("users", []):
            pin_hash = str(u.get("pin_hash") or "")
            if not pin_hash and u.get("pin"):
                pin_hash = hash_pin(str(u["pin"]))
            out.append(
                BundleUser(
                    username=str(u["username"]),
                    display_name=str(u["display_name"]),
                    role=str(u["role"]),
                    badge=str(u["badge"]) if u.get("badge") else None,
                    active=bool(u.get("active", True)),
                    pin_hash=pin_hash,
                )
            )
        for b in doc.get("revoked_badges", []):
            out.append(
                RevokedBadge(
                    badge=str(b["badge"]),
                    username=str(b["username"]) if b.get("username") else None,
                    revoked_at=datetime.fromisoformat(str(b["revoked_at"])).astimezone(UTC),
                    revoked_by=str(b["revoked_by"]),
                    reason=str(b.get("reason", "")),
                )
            )
        for k in doc.get("kiosk_keys", []):
            out.append(
                KioskKey(
                    kiosk_id=str(k["kiosk_id"]),
                    post=str(k["post"]),
                    public_key_pem=str(k["public_key_pem"]),
                )
            )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PublishError(f"{path}: malformed entry: {exc!r}") from None
    return out


def _uses(path: Path) -> Iterator[CertificateUse]:
    try:
        handle = path.open("r", encoding="utf-8")
    except OSError as exc:
        raise PublishError(f"{path}: cannot read: {exc.strerror}") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                u = json.loads(line)
                kind = str(u["kind"]).lower()
                if kind not in ("kp", "g7"):
                    raise ValueError(f"kind {kind!r} is not kp or g7")
                yield CertificateUse(
                    kind=kind,
                    number=normalise_certificate(str(u["number"])),
                    post=str(u["post"]),
                    used_on=date.fromisoformat(str(u.get("used_on") or u["date"])[:10]),
                    inspection_id=str(u["inspection_id"]),
                )
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise PublishError(f"{path} line {number}: {exc!r}") from None


def build_bundle(
    sources: Iterable[SourceFile], out: Path, version: int, published_at: datetime
) -> BundleManifest:
    """Read every source with the kiosk's own parsers and write the bundle file ``out``.

    Raises:
        PublishError: A malformed source (nothing is written).
    """
    with BundleWriter(out, version, published_at) as writer:
        for source in sources:
            try:
                _add_source(writer, source)
            except ListFormatError as exc:
                raise PublishError(f"{source.path}: {exc}") from None
        return writer.close()


def _add_source(writer: BundleWriter, source: SourceFile) -> None:
    digest = _sha256(source.path)
    if source.format in lists.LIST_FORMATS:
        summary = lists.ListFile(source.format)
        name = lists.LIST_FORMATS[source.format]
        parties = 0
        for party in _list_parties(source, summary):
            writer.write(party)
            parties += 1
        writer.add_source(
            BundleSource(
                name,
                "list",
                source.format,
                source.path.name,
                digest,
                summary.published,
                {"parties": parties},
            )
        )
        return
    if source.format in lists.REGISTER_FORMATS:
        count = 0
        for record in _register_records(source):
            writer.write(record)
            count += 1
        writer.add_source(
            BundleSource(
                f"register:{source.format}",
                "register",
                source.format,
                source.path.name,
                digest,
                None,
                {"records": count},
            )
        )
        return
    if source.format == "users":
        records = _users(source.path)
        for record in records:
            writer.write(record)
        writer.add_source(
            BundleSource(
                "users", "users", "users", source.path.name, digest, None, {"records": len(records)}
            )
        )
        return
    count = 0
    for use in _uses(source.path):
        writer.write(use)
        count += 1
    writer.add_source(
        BundleSource(
            "certificate-uses", "uses", "uses", source.path.name, digest, None, {"records": count}
        )
    )


# ---- Signing --------------------------------------------------------------------------------


def _write_meta(metadata: Metadata[Any], path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    metadata.to_file(str(tmp), JSONSerializer(compact=True))
    os.replace(tmp, path)


def current_version(repo: Path) -> int:
    """The version of the newest published targets metadata (0 for a new repository)."""
    timestamp = repo / "metadata" / "timestamp.json"
    if not timestamp.is_file():
        return 0
    try:
        meta = Metadata[Timestamp].from_file(str(timestamp))
    except Exception as exc:  # one line whatever python-tuf raises
        raise PublishError(f"{timestamp}: unreadable: {exc}") from None
    return int(meta.signed.version)


def _copy_roots(repo: Path, root: Metadata[Root], keys_dir: Path) -> None:
    """Make sure every root version up to the keys folder's is in the repository."""
    target = repo / "metadata" / f"{root.signed.version}.root.json"
    if not target.exists():
        shutil.copyfile(keys_dir / "root.json", target)


def sign_bundle(
    repo: Path,
    keys: HubKeys,
    bundle: Path,
    manifest: BundleManifest,
    *,
    now: datetime,
    expires: timedelta,
) -> tuple[Path, datetime]:
    """Store ``bundle`` as the TUF target and sign new targets, snapshot and timestamp.

    The version of each is ``manifest.version``; ``timestamp.json`` is replaced last.

    Returns:
        The stored bundle's path and the metadata expiry.
    """
    version = manifest.version
    expires_at = (now + expires).replace(microsecond=0)
    (repo / "targets").mkdir(parents=True, exist_ok=True)
    target = TargetFile.from_file(BUNDLE_TARGET, str(bundle), ["sha256"])
    target.unrecognized_fields["custom"] = manifest_to_dict(manifest)
    stored = repo / "targets" / f"{target.hashes['sha256']}.{BUNDLE_TARGET}"
    os.replace(bundle, stored)
    targets = Metadata(
        Targets(version=version, expires=expires_at, targets={BUNDLE_TARGET: target})
    )
    targets.sign(keys.signers["targets"])
    _write_meta(targets, repo / "metadata" / f"{version}.targets.json")
    snapshot = Metadata(
        Snapshot(version=version, expires=expires_at, meta={"targets.json": MetaFile(version)})
    )
    snapshot.sign(keys.signers["snapshot"])
    _write_meta(snapshot, repo / "metadata" / f"{version}.snapshot.json")
    timestamp = Metadata(
        Timestamp(version=version, expires=expires_at, snapshot_meta=MetaFile(version))
    )
    timestamp.sign(keys.signers["timestamp"])
    _write_meta(timestamp, repo / "metadata" / "timestamp.json")
    return stored, expires_at


def publish(
    sources_dir: Path,
    repo: Path,
    keys_dir: Path,
    *,
    expires_days: float = DEFAULT_EXPIRES_DAYS,
    now: datetime | None = None,
) -> PublishResult:
    """Build a bundle from ``sources_dir`` and publish it, signed, into ``repo``.

    Raises:
        PublishError: A source, the repository or the keys cannot be used (the repository
            is unchanged: the timestamp is written last).
        HubKeyError: The keys cannot be read.
    """
    if expires_days <= 0:
        raise PublishError(f"--expires-days must be above 0, got {expires_days}")
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    keys = load_keys(keys_dir)
    sources = find_sources(sources_dir)
    (repo / "metadata").mkdir(parents=True, exist_ok=True)
    _copy_roots(repo, keys.root, keys_dir)
    version = current_version(repo) + 1
    work = repo / "targets" / f".building-{version}.jsonl.gz"
    work.parent.mkdir(parents=True, exist_ok=True)
    try:
        manifest = build_bundle(sources, work, version, now)
        size = work.stat().st_size
        stored, expires_at = sign_bundle(
            repo, keys, work, manifest, now=now, expires=timedelta(days=expires_days)
        )
    finally:
        work.unlink(missing_ok=True)
    return PublishResult(
        version=version,
        bundle=stored,
        bytes=size,
        sha256=stored.name.split(".", 1)[0],
        manifest=manifest,
        expires_at=expires_at,
    )
