"""The signed QR code on a rendered slip, and `kiosk slip verify` on PDFs and payloads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from kiosk.cli import main
from kiosk.domain.models import Outcome
from kiosk.slips import render_slip
from kiosk.slips.layout import PRINTABLE_WIDTH_PT, PRINTER_DOT_PT, LayoutError, fitted_qr
from kiosk.slips.qrread import QrReadError, read_slip_qr
from kiosk.slips.signing import KioskKey, load_or_create_key, trusted_keys, verify_payload
from slips.factories import (
    INSPECTION_ID,
    make_context,
    make_inspection,
    make_override,
    make_reason,
    rasterise,
    write_photo,
)
from slips.helpers import pdf_text

KIOSK = "ANR-DO-01"  # the default settings' kiosk id


@pytest.fixture
def kiosk_key() -> KioskKey:
    """The kiosk's own key, in the isolated user data directory the command reads."""
    from kiosk.settings import Settings

    return load_or_create_key(Settings().data_dir / "keys", KIOSK)


@pytest.fixture
def signed_pdf(tmp_path: Path, kiosk_key: KioskKey) -> Path:
    """A signed slip of an overridden HOLD with a photo."""
    photo = write_photo(tmp_path / "parcel.jpg")
    inspection = make_inspection(
        Outcome.HOLD,
        reasons=(make_reason("R5", Outcome.HOLD),),
        override=make_override(Outcome.CLEAR),
        photo=photo,
    )
    pdf = render_slip(inspection, make_context(signing_key=kiosk_key, supervisor_name="Jan"))
    path = tmp_path / f"{INSPECTION_ID}.pdf"
    path.write_bytes(pdf)
    return path


def test_unsigned_slip_has_no_qr(tmp_path: Path) -> None:
    pdf = render_slip(make_inspection(), make_context())
    assert "Verify" not in pdf_text(pdf)
    path = tmp_path / "plain.pdf"
    path.write_bytes(pdf)
    assert read_slip_qr(path) == []


def test_qr_on_rendered_slip_decodes_and_verifies(
    signed_pdf: Path, kiosk_key: KioskKey, preview_dir: Path
) -> None:
    assert "Verify: kiosk slip verify" in pdf_text(signed_pdf.read_bytes())
    rasterise(signed_pdf.read_bytes(), preview_dir, "signed-qr")
    payloads = read_slip_qr(signed_pdf)
    assert len(payloads) == 1
    assert len(payloads[0]) <= 300
    verified = verify_payload(payloads[0], trusted_keys(kiosk_key.path.parent, kiosk_key))
    summary = verified.summary
    assert summary.inspection_id == INSPECTION_ID
    assert (summary.outcome, summary.override_outcome) == (Outcome.HOLD, Outcome.CLEAR)
    assert summary.rule_ids == ("R5",)
    assert len(summary.photo_sha256_prefix) == 16


def test_qr_fits_the_roll_in_whole_dots() -> None:
    code = fitted_qr("K1." + "x" * 290)
    assert code.width <= PRINTABLE_WIDTH_PT
    assert code.dots_per_module >= 3
    assert code.width == pytest.approx(code.modules * code.dots_per_module * PRINTER_DOT_PT)
    assert code.width < 50 * mm
    with pytest.raises(LayoutError, match="too"):
        fitted_qr("x" * 2500)
    with pytest.raises(LayoutError):
        fitted_qr("")


def test_command_on_pdf_is_valid(signed_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["slip", "verify", str(signed_pdf)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"VALID: {INSPECTION_ID} CLEAR (checks: HOLD, overridden)")
    assert "rules=R5" in out
    assert "measured_ct=125.388" in out
    assert main(["slip", "verify", str(signed_pdf), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["valid"] is True
    assert record["outcome"] == "CLEAR"
    assert record["inspection_id"] == INSPECTION_ID


def test_command_on_payload_valid_and_tampered(
    signed_pdf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (payload,) = read_slip_qr(signed_pdf)
    assert main(["slip", "verify", payload]) == 0
    assert capsys.readouterr().out.startswith("VALID: ")
    body_index = 10
    tampered = payload[:body_index] + ("B" if payload[body_index] != "B" else "C") + payload[11:]
    assert main(["slip", "verify", tampered]) == 1
    out = capsys.readouterr().out
    assert out.startswith("INVALID: ")
    assert out.count("\n") == 1


def test_command_on_payload_of_unknown_key(
    signed_pdf: Path, capsys: pytest.CaptureFixture[str], kiosk_key: KioskKey
) -> None:
    (payload,) = read_slip_qr(signed_pdf)
    kiosk_key.path.with_suffix(".pub").unlink()
    assert main(["slip", "verify", payload]) == 1
    assert capsys.readouterr().out.startswith("INVALID: unknown key")


def test_command_on_pdf_without_qr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plain.pdf"
    path.write_bytes(render_slip(make_inspection(), make_context()))
    assert main(["slip", "verify", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"INVALID: no QR code found in {path}\n"
    assert main(["slip", "verify", str(path), "--json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record == {"valid": False, "source": str(path), "error": f"no QR code found in {path}"}


def test_command_on_missing_or_broken_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["slip", "verify", str(tmp_path / "nope.pdf")]) == 1
    assert "cannot read the file" in capsys.readouterr().out
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nonsense")
    assert main(["slip", "verify", str(broken)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("INVALID: ")
    assert out.count("\n") == 1
    with pytest.raises(QrReadError):
        read_slip_qr(broken)
