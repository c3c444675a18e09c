"""`kiosk slip verify FILE.pdf|PAYLOAD [--json]`: check a slip's signed summary, offline."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.cli import CommandError
from kiosk.commands.common import emit
from kiosk.settings import Settings

if TYPE_CHECKING:
    from kiosk.slips.signing import VerifiedSlip

EXIT_VALID = 0
EXIT_INVALID = 1


def register(sub: Any) -> None:
    """Add ``kiosk slip verify``."""
    slip: argparse.ArgumentParser = sub.add_parser("slip", help="clearance slips")
    slip_sub = slip.add_subparsers(dest="slip_command", metavar="ACTION", required=True)
    verify = slip_sub.add_parser(
        "verify", help="check the signed summary of a slip PDF or of a payload text, offline"
    )
    verify.add_argument(
        "source", metavar="FILE.pdf|PAYLOAD", help="a slip PDF, or the QR code's text (K1....)"
    )
    verify.add_argument("--json", action="store_true", help="one JSON object instead of text")
    verify.set_defaults(handler=run_verify)


def _fields(verified: VerifiedSlip) -> dict[str, Any]:
    s = verified.summary
    return {
        "inspection_id": s.inspection_id,
        "outcome": s.final_outcome.label,
        "checks_outcome": s.outcome.label,
        "override_outcome": s.override_outcome.label if s.override_outcome is not None else None,
        "post": s.post,
        "kiosk_id": s.kiosk_id,
        "decided_at": s.decided_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "measured_ct": f"{s.measured_ct:f}" if s.measured_ct is not None else None,
        "kp_number": s.kp_number or None,
        "mrn": s.mrn or None,
        "rule_ids": list(s.rule_ids),
        "data_version": s.data_version or None,
        "photo_sha256_prefix": s.photo_sha256_prefix or None,
        "key_id": verified.key_id,
    }


def _valid_line(fields: dict[str, Any]) -> str:
    outcome = fields["outcome"]
    if fields["override_outcome"] is not None:
        outcome += f" (checks: {fields['checks_outcome']}, overridden)"
    parts = [f"VALID: {fields['inspection_id']} {outcome}"]
    labels = (
        ("post", "post"),
        ("kiosk_id", "kiosk"),
        ("decided_at", "decided"),
        ("measured_ct", "measured_ct"),
        ("kp_number", "kp"),
        ("mrn", "mrn"),
        ("data_version", "data"),
        ("photo_sha256_prefix", "photo"),
        ("key_id", "key"),
    )
    for name, label in labels:
        if fields[name] is not None:
            parts.append(f"{label}={fields[name]}")
    parts.append("rules=" + (",".join(fields["rule_ids"]) or "none"))
    return " ".join(parts)


def _invalid(why: str, as_json: bool, source: str) -> int:
    if as_json:
        emit({"valid": False, "source": source, "error": why})
    else:
        print(f"INVALID: {why}")
    return EXIT_INVALID


def run_verify(settings: Settings, args: argparse.Namespace) -> int:
    """Verify a slip PDF or payload; exit 0 when valid, 1 otherwise."""
    from kiosk.slips.qrread import QrReadError, read_slip_qr
    from kiosk.slips.signing import (
        PayloadError,
        SigningError,
        key_id,
        read_public_key,
        trusted_keys,
        verify_payload,
    )

    source: str = args.source
    as_json: bool = args.json
    keys_dir = settings.data_dir / "keys"
    trusted = trusted_keys(keys_dir)
    own_public = keys_dir / f"{settings.kiosk.kiosk_id}.pub"
    if own_public.is_file():
        try:
            public = read_public_key(own_public)
        except SigningError as exc:
            raise CommandError(str(exc)) from exc
        trusted[key_id(public)] = public
    payloads: list[str]
    path = Path(source)
    if not source.startswith("K1.") and (source.lower().endswith(".pdf") or path.exists()):
        try:
            payloads = read_slip_qr(path)
        except QrReadError as exc:
            return _invalid(str(exc), as_json, source)
        if not payloads:
            return _invalid(f"no QR code found in {source}", as_json, source)
    else:
        payloads = [source]
    errors: list[str] = []
    for payload in payloads:
        try:
            verified = verify_payload(payload, trusted)
        except PayloadError as exc:
            errors.append(str(exc))
            continue
        fields = _fields(verified)
        if as_json:
            emit({"valid": True, "source": source, **fields})
        else:
            print(_valid_line(fields))
        return EXIT_VALID
    return _invalid("; ".join(dict.fromkeys(errors)), as_json, source)


__all__ = ["register", "run_verify"]
