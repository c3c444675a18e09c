"""PIN hashing with argon2id (memory-hard); older scrypt hashes are still checked.

New hashes are argon2's standard text (``$argon2id$v=19$m=65536,t=3,p=1$salt$hash``). Hashes
written before (``scrypt$n$r$p$salt_b64$hash_b64``) verify too and :func:`needs_rehash` says to
replace them with argon2id at the next successful sign-in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from argon2 import PasswordHasher, Type, exceptions, extract_parameters

ARGON2_MEMORY_KIB = 64 * 1024
"""64 MiB, one pass, one lane: one check takes about 80 ms on the reference kiosk (2 cores).

Above OWASP's argon2id minimum (46 MiB, 1 pass). Three passes (RFC 9106's second option) took
~190 ms at every sign-in, unlock and supervisor override and bought little for a PIN: its few
digits fall to an offline guesser either way; what protects a PIN is the growing wait and the
lock-out after wrong tries, and the database staying on the kiosk. Hashes with other
parameters verify and are replaced at the next sign-in (``needs_rehash``)."""
ARGON2_TIME_COST = 1
ARGON2_PARALLELISM = 1
ARGON2_HASH_BYTES = 32
SALT_BYTES = 16
# A stored hash asking for more than this is refused unchecked (no memory or time bomb).
_MAX_MEMORY_KIB = 1024 * 1024
_MAX_TIME_COST = 20

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
HASH_BYTES = 32
_MAX_N = 2**20

_HASHER = PasswordHasher(
    time_cost=ARGON2_TIME_COST,
    memory_cost=ARGON2_MEMORY_KIB,
    parallelism=ARGON2_PARALLELISM,
    hash_len=ARGON2_HASH_BYTES,
    salt_len=SALT_BYTES,
    type=Type.ID,
)


def hash_pin(pin: str) -> str:
    """The storable argon2id hash of ``pin`` with a fresh random 16-byte salt."""
    return _HASHER.hash(pin)


def hash_pin_scrypt(pin: str, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A scrypt hash as kiosks before schema 0003 wrote them (kept to test the upgrade path)."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, n, r, p)
    return "$".join(("scrypt", str(n), str(r), str(p), _b64(salt), _b64(digest)))


def check_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches the stored argon2id or scrypt hash (constant-time compare).

    A malformed stored hash, or one with absurd cost parameters, never matches (and never
    raises).
    """
    if stored.startswith("$argon2id$"):
        return _check_argon2(pin, stored)
    return _check_scrypt(pin, stored)


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` is not an argon2id hash with the current parameters."""
    if not stored.startswith("$argon2id$"):
        return True
    try:
        return _HASHER.check_needs_rehash(stored)
    except (exceptions.InvalidHashError, ValueError):
        return True


def _check_argon2(pin: str, stored: str) -> bool:
    try:
        params = extract_parameters(stored)
    except (exceptions.InvalidHashError, ValueError):
        return False
    if params.memory_cost > _MAX_MEMORY_KIB or params.time_cost > _MAX_TIME_COST:
        return False
    try:
        return _HASHER.verify(stored, pin)
    except (exceptions.VerificationError, exceptions.InvalidHashError, ValueError):
        return False


def _check_scrypt(pin: str, stored: str) -> bool:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        expected = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return False
    if not (
        1 < n <= _MAX_N
        and n & (n - 1) == 0
        and 0 < r <= 32
        and 0 < p <= 16
        and 16 <= len(expected) <= 64
    ):
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p, len(expected)), expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int = HASH_BYTES) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=dklen
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
