"""Hostile settings files, declaration files (``kiosk check``) and slip QR payloads."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from hypothesis import example, given
from hypothesis import strategies as st

from kiosk import settings as kiosk_settings
from kiosk.cli import main
from kiosk.slips.signing import (
    PAYLOAD_PREFIX,
    SIGNATURE_CONTEXT,
    KioskKey,
    PayloadError,
    load_or_create_key,
    verify_payload,
)
from tests.fuzz.profiles import HOSTILE, assert_one_line

ROOT = Path(__file__).resolve().parents[2]

# ---- Settings (TOML) --------------------------------------------------------------------------

SECTIONS = st.sampled_from(
    ["kiosk", "data", "checks", "scale", "reader", "camera", "printer", "ui", "sync", "nope"]
)
KEYS = st.sampled_from(
    ["post", "kiosk_id", "language", "database", "sample_data", "max_data_age_h", "ruleset",
     "carat_tolerance_ct", "parcel_count_tolerance", "screening_match", "screening_review",
     "backend", "port", "protocol", "baudrate", "bytesize", "parity", "stopbits", "xonxoff",
     "stable_count", "poll_interval_ms", "kind", "device", "width", "height", "fps", "name",
     "folder", "hub_url", "interval_s", "tuf_root", "token", "timeout_s", "schema_version"]
)  # fmt: skip
TOML_VALUES = st.one_of(
    st.booleans().map(lambda b: "true" if b else "false"),
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(
        ["nan", "inf", "-inf", "1e400", "0.0", "-0", "1979-05-27", "[]", "{}", "[1, 'a']",
         '"\\u0000"', '"' + "x" * 5000 + '"', '"0.92"', '"-1"', '"NaN"', '"1e999999"',
         '"/dev/null"', '"simulated"', '"serial"']
    ),
    st.text(max_size=20).map(json.dumps),
)


@HOSTILE
@given(st.lists(st.tuples(SECTIONS, KEYS, TOML_VALUES), max_size=6))
@example([("checks", "screening_match", '"NaN"')])
@example([("scale", "stable_count", str(2**70))])
@example([("kiosk", "schema_version", "nan")])
def test_settings_from_hostile_toml(items: list[tuple[str, str, str]]) -> None:
    text = "".join(f"[{section}]\n{key} = {value}\n" for section, key, value in items)
    try:
        kiosk_settings.parse(text)
    except kiosk_settings.SettingsError as exc:
        assert_one_line(str(exc))


@HOSTILE
@given(st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
@example("[" * 5000)
@example("a = [" * 2000)
@example("[scale]\nstable_count = " + "[" * 5000)  # RecursionError escaped tomllib
@example("[scale]\nstable_count = " + "1" * 5000)  # ValueError (int digits limit) escaped
def test_settings_from_any_text(text: str) -> None:
    try:
        kiosk_settings.parse(text)
    except kiosk_settings.SettingsError as exc:
        assert_one_line(str(exc))


@pytest.mark.parametrize("data", [b"\xff\xfe[kiosk]", b'[kiosk]\npost = "\xe9"', b"\x00" * 10])
def test_settings_file_in_another_encoding(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(data)
    with pytest.raises(kiosk_settings.SettingsError) as caught:
        kiosk_settings.load(path)
    assert_one_line(str(caught.value))


# ---- Declaration files (kiosk check) --------------------------------------------------------

SAMPLE = json.loads((ROOT / "resources" / "sample" / "declarations.json").read_text("utf-8"))[0]


def _with(**fields: object) -> dict[str, Any]:
    return {"declaration": SAMPLE, **fields}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[" * 200_000, "nested too deeply"),
        (b'{"declaration": ' + b"1" * 5000 + b"}", "a number is too long"),
        (b"\xff\xfe{}", "cannot read"),
        (b"", "not JSON"),
        (json.dumps([SAMPLE]).encode(), "expected a JSON object"),
        (json.dumps(_with(measured_ct="NaN")).encode(), "measured_ct"),
        (json.dumps(_with(measured_ct="-5")).encode(), "measured_ct"),
        (json.dumps(_with(measured_ct="Infinity")).encode(), "measured_ct"),
        (json.dumps(_with(measured_ct="1e999999")).encode(), "measured_ct"),
        (json.dumps(_with(measured_ct=True)).encode(), "measured_ct"),
        (json.dumps(_with(identifiers=5)).encode(), "identifiers"),
        (json.dumps(_with(identifiers="BW2026004417")).encode(), "identifiers"),
        (json.dumps(_with(identifiers=[1])).encode(), "identifiers[0]"),
        (json.dumps(_with(at="2026-02-30")).encode(), "not a date"),
        (json.dumps({"declaration": {**SAMPLE, "declared_carats": "1e999999"}}).encode(), "digits"),
        (json.dumps({"declaration": {**SAMPLE, "stones": [{"min_ct": "NaN"}]}}).encode(), "min_ct"),
        (json.dumps({"declaration": "x"}).encode(), "expected an object"),
    ],
    ids=lambda v: v.decode("utf-8", "replace")[:20] if isinstance(v, bytes) else None,
)
def test_kiosk_check_refuses_a_hostile_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "declaration.json"
    path.write_bytes(content)
    assert main(["check", str(path), "--documents-only"]) == 1
    err = capsys.readouterr().err.strip()
    assert_one_line(err)
    assert err.startswith("kiosk: ")
    assert " failed: " not in err, f"an unexpected exception reached the CLI: {err}"
    assert message in err


# ---- Slip QR payloads: validly signed, hostile inside -----------------------------------------


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> KioskKey:
    """One kiosk key for the module."""
    return load_or_create_key(tmp_path_factory.mktemp("keys"), "FUZZ-01")


def _b64(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@HOSTILE
@given(
    st.binary(max_size=400)
    | st.lists(st.text(max_size=30), max_size=12).map(lambda parts: "\n".join(parts).encode())
)
@example(b"")
@example(b"K1\n" * 100)
def test_signed_garbage_is_refused_after_the_signature_check(key: KioskKey, body: bytes) -> None:
    # The signature is good, so this reaches the summary parser a forger never could.
    payload = ".".join(
        (PAYLOAD_PREFIX, _b64(body), _b64(key.sign(SIGNATURE_CONTEXT + body)), key.key_id)
    )
    trusted: dict[str, Ed25519PublicKey] = {key.key_id: key.public_key}
    try:
        verify_payload(payload, trusted)
    except PayloadError as exc:
        assert_one_line(str(exc))


# ---- Reference data folder (kiosk data seed / the bundled sample) -----------------------------

SAMPLE_DIR = ROOT / "resources" / "sample"
REFERENCE_FILES = sorted(
    p.name for p in SAMPLE_DIR.glob("*.json") if p.name not in ("parcels.json", "manifest.json")
)


def _load_reference(files: dict[str, bytes]) -> None:
    from kiosk.store.reference import ReferenceDataError, load_reference_dir

    with tempfile.TemporaryDirectory(prefix="kiosk-ref-") as tmp:
        for path in SAMPLE_DIR.iterdir():
            if path.is_file():
                (Path(tmp) / path.name).write_bytes(files.get(path.name, path.read_bytes()))
        try:
            load_reference_dir(Path(tmp))
        except ReferenceDataError as exc:
            assert_one_line(str(exc))


@pytest.mark.parametrize("name", REFERENCE_FILES)
@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000, b"[" + b"9" * 5000 + b"]", b"\xff\xfe[]", b"", b"{}", b"[null]"],
    ids=["deep", "huge-int", "utf16", "empty", "object", "null-record"],
)
def test_reference_file_replaced_by_hostile_content(name: str, content: bytes) -> None:
    # "deep" and "huge-int" raised RecursionError / ValueError before.
    _load_reference({name: content})


@HOSTILE
@given(st.sampled_from(REFERENCE_FILES), st.data())
def test_reference_record_with_one_field_replaced(name: str, data: st.DataObject) -> None:
    records = json.loads((SAMPLE_DIR / name).read_text("utf-8"))
    record = records[data.draw(st.integers(0, len(records) - 1))]
    key = data.draw(st.sampled_from([*sorted(record), "unknown"]))
    record[key] = data.draw(
        st.sampled_from(["NaN", "1e999999", "-1", "", "٣", None, [], {}, 10**30, "2026-02-30"])
        | st.text(max_size=10)
    )
    _load_reference({name: json.dumps(records).encode()})


def test_a_line_break_in_a_record_label_stays_one_line() -> None:
    # hypothesis found it: a code "\n" (or "0\n") is the record's label in the message
    records = json.loads((SAMPLE_DIR / "kp_participants.json").read_text("utf-8"))
    records[0]["code"] = "0\n"
    _load_reference({"kp_participants.json": json.dumps(records).encode()})


# ---- Slip PDFs given to the QR reader ---------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b"%PDF-1.4\n", b"%PDF-1.4\n" + bytes(range(256)) * 8, b"\x89PNG\r\n\x1a\n"],
    ids=["empty", "header-only", "garbage-body", "png"],
)
def test_qr_reader_refuses_a_hostile_pdf_in_one_line(tmp_path: Path, content: bytes) -> None:
    from kiosk.slips.qrread import QrReadError, read_slip_qr

    pdf = tmp_path / "slip.pdf"
    pdf.write_bytes(content)
    with pytest.raises(QrReadError) as caught:
        read_slip_qr(pdf)
    assert_one_line(str(caught.value))
