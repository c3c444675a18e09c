"""The hub's TUF signing keys: Ed25519 for root (offline), targets, snapshot and timestamp.

``init_keys(DIR)`` writes::

    DIR/root/root.key          the root private key: move it OFFLINE (USB stick in a safe)
    DIR/root/README.txt        that warning
    DIR/online/<role>.key      targets, snapshot, timestamp private keys (PEM PKCS#8, 0600)
    DIR/public.json            every role's public key (securesystemslib key dicts)
    DIR/root.json              version 1 of the signed root: kiosks ship and pin this file

Publishing needs only ``online/``, ``public.json`` and ``root.json``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from securesystemslib.signer import CryptoSigner, SSlibKey
from tuf.api.metadata import Metadata, Root
from tuf.api.serialization.json import JSONSerializer

ROLES: tuple[str, ...] = ("root", "targets", "snapshot", "timestamp")
ONLINE_ROLES: tuple[str, ...] = ("targets", "snapshot", "timestamp")
ROOT_EXPIRES = timedelta(days=365)

ROOT_WARNING = """\
This folder holds the TUF ROOT private key of the Inspection Kiosk hub.

Move root.key OFFLINE now (an encrypted USB stick in a safe, two copies) and delete it from
this machine. Whoever has it can make every kiosk trust any data. It is needed again only to
sign a new root.json (to replace the online keys or extend the root's expiry).
"""


class HubKeyError(Exception):
    """Keys that cannot be made or read; the message is one line."""


@dataclass(frozen=True)
class HubKeys:
    """The online signers and the trusted root of one hub."""

    signers: dict[str, CryptoSigner]
    root: Metadata[Root]


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def init_keys(keys_dir: Path, *, now: datetime | None = None) -> Path:
    """Make the four Ed25519 keys and the signed initial ``root.json``.

    Args:
        keys_dir: An empty or missing folder.
        now: The signing time (for tests).

    Returns:
        The path of ``root.json`` (the file kiosks pin: ``[sync] tuf_root``).

    Raises:
        HubKeyError: The folder already holds keys.
    """
    if (keys_dir / "public.json").exists() or (keys_dir / "root").exists():
        raise HubKeyError(f"{keys_dir}: already holds keys; refusing to overwrite them")
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    signers = {role: CryptoSigner.generate_ed25519() for role in ROLES}
    root = Root(expires=now + ROOT_EXPIRES, consistent_snapshot=True)
    for role, signer in signers.items():
        root.add_key(signer.public_key, role)
    metadata = Metadata(root)
    metadata.sign(signers["root"])
    try:
        _write_private(keys_dir / "root" / "root.key", signers["root"].private_bytes)
        (keys_dir / "root" / "README.txt").write_text(ROOT_WARNING, encoding="utf-8")
        for role in ONLINE_ROLES:
            _write_private(keys_dir / "online" / f"{role}.key", signers[role].private_bytes)
        public = {
            role: signer.public_key.to_dict() | {"keyid": signer.public_key.keyid}
            for role, signer in signers.items()
        }
        (keys_dir / "public.json").write_text(json.dumps(public, indent=2), encoding="utf-8")
        root_path = keys_dir / "root.json"
        metadata.to_file(str(root_path), JSONSerializer(compact=False))
    except OSError as exc:
        raise HubKeyError(f"{keys_dir}: cannot write keys: {exc.strerror or exc}") from None
    return root_path


def _public_keys(keys_dir: Path) -> dict[str, SSlibKey]:
    try:
        raw: Any = json.loads((keys_dir / "public.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HubKeyError(f"{keys_dir}: no public.json (run kiosk-hub keys init)") from None
    except (OSError, ValueError) as exc:
        raise HubKeyError(f"{keys_dir}/public.json: unreadable: {exc}") from None
    out: dict[str, SSlibKey] = {}
    for role in ROLES:
        entry = raw.get(role) if isinstance(raw, dict) else None
        if not isinstance(entry, dict):
            raise HubKeyError(f"{keys_dir}/public.json: no key for {role}")
        entry = dict(entry)
        keyid = entry.pop("keyid", None)
        try:
            out[role] = SSlibKey.from_dict(str(keyid), entry)
        except (KeyError, ValueError, TypeError) as exc:
            raise HubKeyError(f"{keys_dir}/public.json: bad {role} key: {exc}") from None
    return out


def load_keys(keys_dir: Path) -> HubKeys:
    """The online signers (targets, snapshot, timestamp) and the root of ``keys_dir``.

    Raises:
        HubKeyError: A key file is missing, unreadable or does not match ``public.json``.
    """
    public = _public_keys(keys_dir)
    signers: dict[str, CryptoSigner] = {}
    for role in ONLINE_ROLES:
        path = keys_dir / "online" / f"{role}.key"
        if not path.is_file():
            raise HubKeyError(f"{path}: missing (run kiosk-hub keys init)")
        try:
            signer = CryptoSigner.from_priv_key_uri(f"file2:{path}", public[role])
        except Exception as exc:  # securesystemslib raises many kinds here
            raise HubKeyError(f"{path}: not the {role} key of public.json: {exc}") from None
        assert isinstance(signer, CryptoSigner)
        signers[role] = signer
    try:
        root = Metadata[Root].from_file(str(keys_dir / "root.json"))
    except Exception as exc:  # file or format error: one line either way
        raise HubKeyError(f"{keys_dir}/root.json: unreadable: {exc}") from None
    for role in ONLINE_ROLES:
        if public[role].keyid not in root.signed.roles[role].keyids:
            raise HubKeyError(f"{keys_dir}: the {role} key is not trusted by root.json")
    return HubKeys(signers=signers, root=root)
