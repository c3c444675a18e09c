"""Slip signatures: the kiosk's Ed25519 key, trusted keys, and the signed slip payload."""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import logging
import os
import re
import stat
import tempfile
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from hardware.base import sync_folder
from kiosk.domain.models import IdentifierKind, Inspection, Outcome

log = logging.getLogger(__name__)

#: First part of every payload: format and version.
PAYLOAD_PREFIX = "K1"
#: What is signed is this tag followed by the canonical summary bytes (domain separation).
SIGNATURE_CONTEXT = b"kiosk-slip-v1\n"
#: Longest payload text accepted for verification; anything longer is refused unread.
MAX_PAYLOAD_CHARS = 2000
#: Hex characters of the photo's SHA-256 kept in the payload (8 bytes).
PHOTO_PREFIX_HEX = 16
KEY_ID_HEX = 16
TRUSTED_DIR = "trusted"

_FIELD_SEPARATOR = "|"
_FIELD_COUNT = 12
_SAFE_CHARS = " -._~:/+#()"
_KIOSK_FILE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_B64URL = re.compile(r"[A-Za-z0-9_-]*")
_KEY_ID = re.compile(rf"[0-9a-f]{{{KEY_ID_HEX}}}")
_SECONDS = re.compile(r"0|[1-9][0-9]{0,11}")
_CARATS = re.compile(r"(0|[1-9][0-9]{0,6})(\.[0-9]{1,6})?")
_HEX = re.compile(rf"[0-9a-f]{{{PHOTO_PREFIX_HEX}}}")
_OUTCOME_CODES: dict[Outcome, str] = {
    Outcome.CLEAR: "C",
    Outcome.EXEMPT: "E",
    Outcome.HOLD: "H",
    Outcome.REFUSE: "R",
}
_OUTCOMES_BY_CODE = {code: outcome for outcome, code in _OUTCOME_CODES.items()}


class SigningError(ValueError):
    """A key that cannot be created, read or used; the message says which file and why."""


class PayloadError(ValueError):
    """A slip payload that does not verify; the message says why (one line)."""


def key_id(public_key: Ed25519PublicKey) -> str:
    """The key id: the first 8 bytes of the SHA-256 of the raw public key, as lowercase hex."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:KEY_ID_HEX]


@dataclass(frozen=True, slots=True)
class KioskKey:
    """A kiosk's signing key.

    Attributes:
        kiosk_id: The kiosk the key belongs to.
        private_key: The Ed25519 private key.
        path: The private key file.
    """

    kiosk_id: str
    private_key: Ed25519PrivateKey
    path: Path

    @property
    def public_key(self) -> Ed25519PublicKey:
        """The public half."""
        return self.private_key.public_key()

    @property
    def key_id(self) -> str:
        """The key id (16 hex characters)."""
        return key_id(self.public_key)

    def sign(self, data: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``data``."""
        return self.private_key.sign(data)


def _public_pem(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _check_kiosk_id(kiosk_id: str) -> None:
    if not _KIOSK_FILE_ID.fullmatch(kiosk_id):
        raise SigningError(
            f"the kiosk id {kiosk_id!r} cannot name a key file: use letters, digits, '.', '_' "
            "and '-' only (at most 64, not starting with '.')"
        )


def _write_new(path: Path, data: bytes, mode: int) -> bool:
    """Write ``data`` to ``path`` unless it exists; True when this call created it.

    The file is written and synced under a temporary name, then linked to ``path``: the key
    file is never seen half-written, and two kiosks processes starting at once keep one key.
    """
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp_name, path)
        except FileExistsError:
            return False
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        sync_folder(path.parent)


def _read_private(path: Path) -> Ed25519PrivateKey:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            log.warning("key file %s was readable by others (mode %o): set to 0600", path, mode)
            path.chmod(0o600)
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(f"{path}: cannot read the kiosk key ({exc.strerror or exc})") from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningError(f"{path}: not a PEM private key without password") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path}: not an Ed25519 key ({type(key).__name__})")
    return key


def load_or_create_key(keys_dir: Path, kiosk_id: str) -> KioskKey:
    """The kiosk's signing key, created on first use.

    The private key is ``keys_dir/<kiosk_id>.key`` (PEM, PKCS#8, mode 0600); its public key
    is written next to it as ``<kiosk_id>.pub`` (PEM) and re-written when missing or wrong.

    Args:
        keys_dir: Folder of the keys (``settings.data_dir / "keys"``); created when missing.
        kiosk_id: The kiosk's id, which names the files.

    Returns:
        The key.

    Raises:
        SigningError: When the id cannot name a file, or a key file cannot be written or read.
    """
    _check_kiosk_id(kiosk_id)
    private_path = keys_dir / f"{kiosk_id}.key"
    public_path = keys_dir / f"{kiosk_id}.pub"
    try:
        keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not private_path.exists():
            new_key = Ed25519PrivateKey.generate()
            pem = new_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            if _write_new(private_path, pem, 0o600):
                log.info("created the kiosk signing key %s", private_path)
    except OSError as exc:
        raise SigningError(
            f"{private_path}: cannot create the kiosk key ({exc.strerror or exc})"
        ) from exc
    key = KioskKey(kiosk_id, _read_private(private_path), private_path)
    public_pem = _public_pem(key.public_key)
    try:
        current = public_path.read_bytes() if public_path.exists() else b""
        if current != public_pem:
            with contextlib.suppress(FileNotFoundError):
                public_path.unlink()
            _write_new(public_path, public_pem, 0o644)
    except OSError as exc:
        raise SigningError(
            f"{public_path}: cannot write the kiosk's public key ({exc.strerror or exc})"
        ) from exc
    return key


def read_public_key(path: Path) -> Ed25519PublicKey:
    """An Ed25519 public key from a PEM file or a file of its 32 raw bytes.

    Raises:
        SigningError: When the file cannot be read or holds no Ed25519 public key.
    """
    try:
        data = path.read_bytes()[:10_000]
    except OSError as exc:
        raise SigningError(f"{path}: cannot read the public key ({exc.strerror or exc})") from exc
    if len(data) == 32:
        return Ed25519PublicKey.from_public_bytes(data)
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise SigningError(f"{path}: not a PEM public key or 32 raw bytes") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError(f"{path}: not an Ed25519 public key ({type(key).__name__})")
    return key


def trusted_keys(keys_dir: Path, own: KioskKey | None = None) -> dict[str, Ed25519PublicKey]:
    """The public keys verification trusts, by key id.

    These are every ``keys_dir/trusted/*.pub`` (filled by data updates) plus ``own``, the
    kiosk's own key. A trusted file that cannot be read is logged and skipped.

    Args:
        keys_dir: Folder of the keys.
        own: The kiosk's own key, when it has one.

    Returns:
        Key id to public key.
    """
    keys: dict[str, Ed25519PublicKey] = {}
    folder = keys_dir / TRUSTED_DIR
    paths = sorted(folder.glob("*.pub")) if folder.is_dir() else []
    for path in paths:
        try:
            public = read_public_key(path)
        except SigningError as exc:
            log.warning("trusted key skipped: %s", exc)
            continue
        keys[key_id(public)] = public
    if own is not None:
        keys[own.key_id] = own.public_key
    return keys


@dataclass(frozen=True, slots=True)
class SlipSummary:
    """What a slip's QR code vouches for.

    Attributes:
        inspection_id: The inspection.
        post: The post's code.
        kiosk_id: The kiosk that decided and signed.
        decided_at: When the verdict was given (UTC, whole seconds).
        outcome: The verdict of the checks.
        override_outcome: The supervisor's outcome, when the verdict was overridden.
        measured_ct: The weight measured, when there was one.
        kp_number: The KP certificate number, when known.
        mrn: The customs declaration's MRN, when scanned.
        rule_ids: The rules that gave a reason, in order.
        data_version: The reference data version in use.
        photo_sha256_prefix: The first 16 hex digits of the photo's SHA-256, when there is one.
    """

    inspection_id: str
    post: str
    kiosk_id: str
    decided_at: datetime
    outcome: Outcome
    override_outcome: Outcome | None = None
    measured_ct: Decimal | None = None
    kp_number: str = ""
    mrn: str = ""
    rule_ids: tuple[str, ...] = ()
    data_version: str = ""
    photo_sha256_prefix: str = ""

    @property
    def final_outcome(self) -> Outcome:
        """The outcome that stands."""
        return self.override_outcome if self.override_outcome is not None else self.outcome


def summary_of(
    inspection: Inspection, *, post: str, kiosk_id: str, data_version: str = ""
) -> SlipSummary:
    """The summary of a decided inspection, as its slip's QR code carries it.

    Raises:
        SigningError: When the inspection has no verdict.
    """
    verdict = inspection.verdict
    if verdict is None:
        raise SigningError(f"inspection {inspection.id} has no verdict to sign")
    kp = ""
    if inspection.declaration is not None and inspection.declaration.kp_number:
        kp = inspection.declaration.kp_number
    else:
        ident = inspection.identifier(IdentifierKind.KP_CERTIFICATE)
        kp = ident.value if ident is not None else ""
    mrn = inspection.identifier(IdentifierKind.MRN)
    measured = inspection.reading.carats if inspection.reading is not None else None
    photo = inspection.photo
    return SlipSummary(
        inspection_id=inspection.id,
        post=post,
        kiosk_id=kiosk_id,
        decided_at=verdict.decided_at.astimezone(UTC).replace(microsecond=0),
        outcome=verdict.outcome,
        override_outcome=inspection.override.new_outcome if inspection.override else None,
        measured_ct=measured,
        kp_number=kp,
        mrn=mrn.value if mrn is not None else "",
        rule_ids=tuple(reason.rule_id for reason in verdict.reasons),
        data_version=data_version or verdict.data_version,
        photo_sha256_prefix=photo.sha256.lower()[:PHOTO_PREFIX_HEX] if photo else "",
    )


def _quote(text: str) -> str:
    return urllib.parse.quote(text, safe=_SAFE_CHARS)


def _fmt_carats(value: Decimal) -> str:
    if not value.is_finite():
        raise SigningError(f"the measured weight is not a number: {value}")
    try:
        text = f"{value.quantize(Decimal('0.000001')).normalize():f}"
    except InvalidOperation as exc:
        raise SigningError(f"the measured weight is out of range: {value}") from exc
    return "0" if text in ("-0", "0") else text


def canonical_bytes(summary: SlipSummary) -> bytes:
    """The summary's canonical encoding: twelve ``|``-separated, percent-escaped UTF-8 fields.

    Raises:
        SigningError: When a value cannot be encoded (naive time, negative weight, ...).
    """
    at = summary.decided_at
    if at.tzinfo is None or at.utcoffset() is None:
        raise SigningError("the decision time must be timezone-aware")
    seconds = int(at.timestamp())
    if seconds < 0:
        raise SigningError("the decision time is before 1970")
    carats = ""
    if summary.measured_ct is not None:
        if summary.measured_ct < 0:
            raise SigningError(f"the measured weight is negative: {summary.measured_ct}")
        carats = _fmt_carats(summary.measured_ct)
    fields = [
        _quote(summary.inspection_id),
        _quote(summary.post),
        _quote(summary.kiosk_id),
        str(seconds),
        _OUTCOME_CODES[summary.outcome],
        _OUTCOME_CODES[summary.override_outcome] if summary.override_outcome is not None else "",
        carats,
        _quote(summary.kp_number),
        _quote(summary.mrn),
        ",".join(_quote(rule) for rule in summary.rule_ids),
        _quote(summary.data_version),
        summary.photo_sha256_prefix,
    ]
    return _FIELD_SEPARATOR.join(fields).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str, what: str) -> bytes:
    """Strict base64url without padding: only the canonical spelling of some bytes is accepted."""
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise PayloadError(f"malformed payload: the {what} is not base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise PayloadError(f"malformed payload: the {what} is not base64url") from exc
    if _b64(data) != text:
        raise PayloadError(f"malformed payload: the {what} is not canonical base64url")
    return data


def sign_summary(summary: SlipSummary, key: KioskKey) -> str:
    """The payload text of a summary: ``K1.<summary>.<signature>.<key id>``.

    Raises:
        SigningError: When the summary cannot be encoded.
    """
    body = canonical_bytes(summary)
    signature = key.sign(SIGNATURE_CONTEXT + body)
    return ".".join((PAYLOAD_PREFIX, _b64(body), _b64(signature), key.key_id))


def _unquote(text: str, what: str) -> str:
    try:
        value = urllib.parse.unquote(text, errors="strict")
    except UnicodeDecodeError as exc:
        raise PayloadError(f"malformed payload: the {what} is not UTF-8") from exc
    if _quote(value) != text:
        raise PayloadError(f"malformed payload: the {what} is not canonically escaped")
    return value


def parse_summary(body: bytes) -> SlipSummary:
    """The summary from its canonical bytes (the inverse of ``canonical_bytes``).

    Raises:
        PayloadError: When the bytes are not the canonical encoding of a summary.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PayloadError("malformed payload: the summary is not UTF-8") from exc
    fields = text.split(_FIELD_SEPARATOR)
    if len(fields) != _FIELD_COUNT:
        raise PayloadError(
            f"malformed payload: {len(fields)} summary fields instead of {_FIELD_COUNT}"
        )
    ident, post, kiosk, seconds, outcome, override, carats, kp, mrn, rules, data, photo = fields
    if not _SECONDS.fullmatch(seconds):
        raise PayloadError("malformed payload: the decision time is not a number of seconds")
    if outcome not in _OUTCOMES_BY_CODE:
        raise PayloadError(f"malformed payload: unknown outcome {outcome!r}")
    if override and override not in _OUTCOMES_BY_CODE:
        raise PayloadError(f"malformed payload: unknown override outcome {override!r}")
    if carats and not _CARATS.fullmatch(carats):
        raise PayloadError("malformed payload: the measured weight is not a number")
    if photo and not _HEX.fullmatch(photo):
        raise PayloadError("malformed payload: the photo hash is not 16 hex digits")
    try:
        decided_at = datetime.fromtimestamp(int(seconds), UTC)
        measured = Decimal(carats) if carats else None
    except (OverflowError, OSError, ValueError, InvalidOperation) as exc:
        raise PayloadError("malformed payload: a time or weight is out of range") from exc
    summary = SlipSummary(
        inspection_id=_unquote(ident, "inspection id"),
        post=_unquote(post, "post"),
        kiosk_id=_unquote(kiosk, "kiosk id"),
        decided_at=decided_at,
        outcome=_OUTCOMES_BY_CODE[outcome],
        override_outcome=_OUTCOMES_BY_CODE[override] if override else None,
        measured_ct=measured,
        kp_number=_unquote(kp, "KP number"),
        mrn=_unquote(mrn, "MRN"),
        rule_ids=tuple(_unquote(rule, "rule id") for rule in rules.split(",")) if rules else (),
        data_version=_unquote(data, "data version"),
        photo_sha256_prefix=photo,
    )
    try:
        canonical = canonical_bytes(summary)
    except SigningError as exc:
        raise PayloadError(f"malformed payload: {exc}") from exc
    if canonical != body:
        raise PayloadError("malformed payload: the summary is not in canonical form")
    return summary


@dataclass(frozen=True, slots=True)
class VerifiedSlip:
    """A payload whose signature checked out.

    Attributes:
        summary: What the slip vouches for.
        key_id: The id of the key that signed it.
    """

    summary: SlipSummary
    key_id: str


def verify_payload(payload: str, trusted: Mapping[str, Ed25519PublicKey]) -> VerifiedSlip:
    """Check a payload's signature against the trusted keys and decode its summary.

    Args:
        payload: The text of the slip's QR code (surrounding whitespace is ignored).
        trusted: Key id to public key (see ``trusted_keys``).

    Returns:
        The decoded, verified summary.

    Raises:
        PayloadError: When the payload is malformed, signed by an unknown key, or its
            signature does not match.
    """
    text = payload.strip()
    if len(text) > MAX_PAYLOAD_CHARS:
        raise PayloadError(f"malformed payload: longer than {MAX_PAYLOAD_CHARS} characters")
    parts = text.split(".")
    if len(parts) != 4:
        raise PayloadError("malformed payload: expected K1.<summary>.<signature>.<key id>")
    prefix, body_text, signature_text, kid = parts
    if prefix != PAYLOAD_PREFIX:
        raise PayloadError(f"malformed payload: unknown format {prefix[:10]!r}")
    if not _KEY_ID.fullmatch(kid):
        raise PayloadError("malformed payload: the key id is not 16 lowercase hex digits")
    body = _unb64(body_text, "summary")
    signature = _unb64(signature_text, "signature")
    if len(signature) != 64:
        raise PayloadError("malformed payload: the signature is not 64 bytes")
    public = trusted.get(kid)
    if public is None:
        raise PayloadError(f"unknown key {kid}: not this kiosk's nor a trusted key")
    try:
        public.verify(signature, SIGNATURE_CONTEXT + body)
    except InvalidSignature:
        raise PayloadError(f"bad signature: the payload was not signed by key {kid}") from None
    return VerifiedSlip(parse_summary(body), kid)


__all__ = [
    "KioskKey",
    "PayloadError",
    "SigningError",
    "SlipSummary",
    "VerifiedSlip",
    "canonical_bytes",
    "key_id",
    "load_or_create_key",
    "parse_summary",
    "read_public_key",
    "sign_summary",
    "summary_of",
    "trusted_keys",
    "verify_payload",
]
