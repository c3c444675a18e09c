"""Slip signatures: kiosk keys on disk, the signed payload, and tampering with it."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.models import Outcome
from kiosk.slips.signing import (
    MAX_PAYLOAD_CHARS,
    KioskKey,
    PayloadError,
    SigningError,
    SlipSummary,
    canonical_bytes,
    key_id,
    load_or_create_key,
    parse_summary,
    sign_summary,
    summary_of,
    trusted_keys,
    verify_payload,
)
from slips.factories import DECIDED_AT, INSPECTION_ID, make_inspection, make_override, make_reason

KIOSK = "ANR-DO-01"

FULL = SlipSummary(
    inspection_id="ANR-DO-01-20261126-0042",
    post="BE-ANR-DO",
    kiosk_id=KIOSK,
    decided_at=datetime(2026, 11, 26, 17, 33, 40, tzinfo=UTC),
    outcome=Outcome.HOLD,
    override_outcome=Outcome.CLEAR,
    measured_ct=Decimal("12.345"),
    kp_number="BE-2026-000123",
    mrn="26BE000123456789A1",
    rule_ids=("R3", "R7", "K1"),
    data_version="2026-11-20.1",
    photo_sha256_prefix="0123456789abcdef",
)


@pytest.fixture(scope="module")
def module_key(tmp_path_factory: pytest.TempPathFactory) -> KioskKey:
    """One key for the many signing cases of this module (key generation is cheap but not free)."""
    return load_or_create_key(tmp_path_factory.mktemp("keys"), KIOSK)


@pytest.fixture(scope="module")
def module_payload(module_key: KioskKey) -> str:
    """A signed payload of the full summary."""
    return sign_summary(FULL, module_key)


def _trusted(key: KioskKey) -> dict[str, Ed25519PublicKey]:
    return {key.key_id: key.public_key}


# ---- keys


def test_key_created_once_with_mode_0600_and_reused(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    first = load_or_create_key(keys, KIOSK)
    private, public = keys / f"{KIOSK}.key", keys / f"{KIOSK}.pub"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert public.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    before = private.read_bytes()
    second = load_or_create_key(keys, KIOSK)
    assert private.read_bytes() == before
    assert second.key_id == first.key_id
    assert [p.name for p in keys.iterdir() if p.name.startswith(".")] == []


def test_key_id_is_sha256_prefix_of_raw_public_key(module_key: KioskKey) -> None:
    import hashlib

    raw = module_key.public_key.public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert module_key.key_id == hashlib.sha256(raw).hexdigest()[:16]


def test_missing_public_key_is_rewritten_and_loose_mode_tightened(tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path, KIOSK)
    (tmp_path / f"{KIOSK}.pub").unlink()
    os.chmod(tmp_path / f"{KIOSK}.key", 0o644)
    again = load_or_create_key(tmp_path, KIOSK)
    assert again.key_id == key.key_id
    assert (tmp_path / f"{KIOSK}.pub").is_file()
    assert stat.S_IMODE((tmp_path / f"{KIOSK}.key").stat().st_mode) == 0o600


def test_bad_key_file_and_bad_kiosk_id_are_clear_errors(tmp_path: Path) -> None:
    (tmp_path / f"{KIOSK}.key").write_bytes(b"not a key")
    with pytest.raises(SigningError, match="not a PEM private key"):
        load_or_create_key(tmp_path, KIOSK)
    with pytest.raises(SigningError, match="cannot name a key file"):
        load_or_create_key(tmp_path, "../evil")


def test_trusted_keys_are_the_folder_plus_own_key(tmp_path: Path) -> None:
    own = load_or_create_key(tmp_path, KIOSK)
    other = Ed25519PrivateKey.generate().public_key()
    trusted_dir = tmp_path / "trusted"
    trusted_dir.mkdir()
    (trusted_dir / "ANR-DO-02.pub").write_bytes(
        other.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    raw = Ed25519PrivateKey.generate().public_key()
    (trusted_dir / "raw.pub").write_bytes(
        raw.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    (trusted_dir / "broken.pub").write_bytes(b"garbage")
    keys = trusted_keys(tmp_path, own)
    assert set(keys) == {own.key_id, key_id(other), key_id(raw)}
    assert set(trusted_keys(tmp_path)) == {key_id(other), key_id(raw)}


# ---- payload


def test_round_trip_and_size(module_key: KioskKey, module_payload: str) -> None:
    assert module_payload.startswith("K1.")
    assert module_payload.endswith("." + module_key.key_id)
    assert len(module_payload) <= 300, len(module_payload)
    verified = verify_payload(module_payload, _trusted(module_key))
    assert verified.summary == FULL
    assert verified.key_id == module_key.key_id
    assert verified.summary.final_outcome is Outcome.CLEAR


def test_summary_of_inspection_takes_the_fields_the_slip_vouches_for(
    module_key: KioskKey,
) -> None:
    inspection = make_inspection(
        Outcome.HOLD,
        reasons=(make_reason("R5", Outcome.HOLD), make_reason("K1", Outcome.HOLD)),
        override=make_override(Outcome.CLEAR),
    )
    summary = summary_of(inspection, post="BE-ANR-DO", kiosk_id=KIOSK)
    assert summary.inspection_id == INSPECTION_ID
    assert summary.decided_at == DECIDED_AT
    assert (summary.outcome, summary.override_outcome) == (Outcome.HOLD, Outcome.CLEAR)
    assert summary.measured_ct == Decimal("125.388")
    assert summary.kp_number
    assert summary.mrn == "26BE000000012345A0"
    assert summary.rule_ids == ("R5", "K1")
    assert summary.data_version == "2026.03.14-1"
    payload = sign_summary(summary, module_key)
    assert verify_payload(payload, _trusted(module_key)).summary == summary


def test_awkward_values_are_escaped_and_round_trip(module_key: KioskKey) -> None:
    summary = SlipSummary(
        inspection_id="A|B,C%D",
        post="BE ANR",
        kiosk_id="k\u00e9",
        decided_at=datetime(1970, 1, 1, tzinfo=UTC),
        outcome=Outcome.REFUSE,
        rule_ids=("R,1", "R|2"),
        measured_ct=Decimal("0"),
    )
    payload = sign_summary(summary, module_key)
    assert verify_payload(payload, _trusted(module_key)).summary == summary


def test_values_that_cannot_be_signed_are_clear_errors() -> None:
    naive = SlipSummary("X", "P", "K", datetime(2026, 1, 1), Outcome.CLEAR)
    with pytest.raises(SigningError, match="timezone-aware"):
        canonical_bytes(naive)
    negative = SlipSummary("X", "P", "K", DECIDED_AT, Outcome.CLEAR, measured_ct=Decimal("-1"))
    with pytest.raises(SigningError, match="negative"):
        canonical_bytes(negative)


def _flip(payload: str, index: int, replacement: str) -> str:
    return payload[:index] + replacement + payload[index + 1 :]


@pytest.mark.parametrize(
    ("part", "expected"),
    [(1, "bad signature|malformed"), (2, "bad signature|malformed"), (3, "unknown key")],
)
def test_tampered_part_is_invalid(
    module_key: KioskKey, module_payload: str, part: int, expected: str
) -> None:
    parts = module_payload.split(".")
    text = parts[part]
    middle = len(text) // 2
    parts[part] = _flip(text, middle, "0" if text[middle] != "0" else "1")
    with pytest.raises(PayloadError, match=expected):
        verify_payload(".".join(parts), _trusted(module_key))


def test_changed_summary_resigned_by_another_key_is_invalid(
    module_key: KioskKey, tmp_path: Path
) -> None:
    other = load_or_create_key(tmp_path, "OTHER")
    forged = sign_summary(FULL, other)
    with pytest.raises(PayloadError, match="unknown key"):
        verify_payload(forged, _trusted(module_key))
    # The forger's key id swapped for the kiosk's: the signature no longer matches.
    swapped = forged.rsplit(".", 1)[0] + "." + module_key.key_id
    with pytest.raises(PayloadError, match="bad signature"):
        verify_payload(swapped, _trusted(module_key))


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("", "malformed"),
        ("hello", "malformed"),
        ("K2.AA.AA.0123456789abcdef", "unknown format"),
        ("K1.A.AA.0123456789abcdef", "not base64url"),
        ("K1.AA.AA.0123456789ABCDEF", "key id"),
        ("K1.AA.AA.0123456789abcdef", "64 bytes"),
        ("K1." + "A" * MAX_PAYLOAD_CHARS + ".AA.0123456789abcdef", "longer than"),
    ],
)
def test_malformed_payloads_are_one_line_errors(
    module_key: KioskKey, payload: str, expected: str
) -> None:
    with pytest.raises(PayloadError, match=expected) as info:
        verify_payload(payload, _trusted(module_key))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "body",
    [
        b"a|b",
        b"X|P|K|0123|C|||||||",
        b"X|P|K|1|Z|||||||",
        b"X|P|K|1|C|Q||||||",
        b"X|P|K|1|C||1.50000000|||||",
        b"X|P|K|1|C||1.50|||||",
        b"X|P|K|1|C||01|||||",
        b"X|P|K|1|C|||||||abc",
        b"%41|P|K|1|C|||||||",
        b"\xff|P|K|1|C|||||||",
    ],
)
def test_non_canonical_summaries_are_refused(body: bytes) -> None:
    parse_summary(b"X|P|K|1|C|||||||")  # the smallest valid summary
    with pytest.raises(PayloadError, match="malformed"):
        parse_summary(body)


PAYLOAD_ALPHABET = st.characters(codec="utf-8", exclude_characters="\x00")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_changed_character_makes_the_payload_invalid(
    module_key: KioskKey, module_payload: str, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(module_payload) - 1), label="index")
    replacement = data.draw(
        st.one_of(
            st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_."),
            PAYLOAD_ALPHABET,
        ).filter(lambda ch: ch != module_payload[index]),
        label="replacement",
    )
    tampered = _flip(module_payload, index, replacement)
    with pytest.raises(PayloadError):
        verify_payload(tampered, _trusted(module_key))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_arbitrary_text_is_never_valid_and_never_crashes(text: str) -> None:
    key = Ed25519PrivateKey.generate().public_key()
    with pytest.raises(PayloadError):
        verify_payload(text, {key_id(key): key})


@settings(max_examples=300, deadline=None)
@given(body=st.binary(max_size=300))
def test_arbitrary_summary_bytes_parse_or_fail_cleanly(body: bytes) -> None:
    try:
        summary = parse_summary(body)
    except PayloadError as exc:
        message = str(exc)
    else:
        assert canonical_bytes(summary) == body
        return
    assert message.startswith("malformed payload")


TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
SUMMARIES = st.builds(
    SlipSummary,
    inspection_id=TEXT,
    post=TEXT,
    kiosk_id=TEXT,
    decided_at=st.datetimes(
        min_value=datetime(1970, 1, 2),  # hypothesis bounds are naive
        max_value=datetime(2200, 1, 1),
        timezones=st.just(UTC),
    ).map(lambda at: at.replace(microsecond=0)),
    outcome=st.sampled_from(Outcome),
    override_outcome=st.none() | st.sampled_from(Outcome),
    measured_ct=st.none()
    | st.decimals(min_value=0, max_value=999_999, places=3, allow_nan=False).map(
        lambda d: d.normalize()
    ),
    kp_number=TEXT,
    mrn=TEXT,
    rule_ids=st.lists(TEXT.filter(bool), max_size=5).map(tuple),
    data_version=TEXT,
    photo_sha256_prefix=st.just("") | st.text("0123456789abcdef", min_size=16, max_size=16),
)


@settings(max_examples=200, deadline=None)
@given(summary=SUMMARIES)
def test_any_summary_round_trips_through_its_canonical_bytes(summary: SlipSummary) -> None:
    parsed = parse_summary(canonical_bytes(summary))
    assert parsed == summary
