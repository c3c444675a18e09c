"""PIN hashing with scrypt (memory-hard), stored as ``scrypt$n$r$p$salt_b64$hash_b64``."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
_MAX_N = 2**20


def hash_pin(pin: str, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """The storable scrypt hash of ``pin`` with a fresh random 16-byte salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, n, r, p)
    return "$".join(("scrypt", str(n), str(r), str(p), _b64(salt), _b64(digest)))


def check_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches the stored hash (constant-time compare).

    A malformed stored hash never matches (and never raises).
    """
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
