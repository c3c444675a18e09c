"""Slips as a 203 dpi printer would print them: the barcode decodes, previews are kept."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest
from pypdf import PdfReader

from kiosk.domain.models import Inspection, InspectionState, Outcome
from kiosk.slips import SlipContext, render_slip
from slips.factories import (
    INSPECTION_ID,
    decode_code128,
    make_context,
    make_declaration,
    make_inspection,
    make_override,
    make_reason,
    rasterise,
    write_photo,
)
from slips.helpers import pdf_text


def _cases(tmp_path: Path) -> dict[str, tuple[Inspection, SlipContext]]:
    """One inspection per kind of slip the kiosk prints."""
    photo = write_photo(tmp_path / "parcel.jpg")
    hold_reasons = (
        make_reason(
            "R11",
            Outcome.HOLD,
            legal_basis="Reg. (EC) 2368/2002 Arts 4-5",
            message="Measured carats differ from the certificate beyond the 0.010 ct tolerance.",
            details=(("certificate", "125.400 ct"), ("measured", "125.388 ct")),
        ),
        make_reason(
            "R9",
            Outcome.HOLD,
            legal_basis="Reg. (EC) 2368/2002 Art. 3",
            message="Seal SEAL-0099 is not the seal named in the documents.",
        ),
    )
    refuse_reasons = (
        make_reason(
            "R12",
            Outcome.REFUSE,
            legal_basis="Reg. (EU) 269/2014 Art. 2",
            message="Exporter matches a listed party: PJSC ALROSA (EU list, score 0.97).",
        ),
        make_reason(
            "R2",
            Outcome.REFUSE,
            legal_basis="Reg. (EU) 833/2014 Art. 3p(1)-(2)",
            message="Mining origin RU declared.",
        ),
    )
    return {
        "clear": (make_inspection(Outcome.CLEAR, photo=photo), make_context()),
        "exempt": (
            make_inspection(
                Outcome.EXEMPT,
                (make_reason("R13", Outcome.EXEMPT, message="Traveller's own jewellery."),),
            ),
            make_context(),
        ),
        "hold": (make_inspection(Outcome.HOLD, hold_reasons, photo=photo), make_context()),
        "refuse": (
            make_inspection(
                Outcome.REFUSE,
                refuse_reasons,
                declaration=make_declaration(exporter="ПАО «АЛРОСА»", origin_countries=("RU",)),
            ),
            make_context(),
        ),
        "override": (
            make_inspection(
                Outcome.HOLD,
                hold_reasons,
                override=make_override(Outcome.CLEAR),
                state=InspectionState.OVERRIDDEN,
                photo=photo,
            ),
            make_context(supervisor_name="Jan Peeters"),
        ),
        "long": (
            make_inspection(
                Outcome.HOLD,
                tuple(
                    make_reason(f"R{n:03d}", Outcome.HOLD, message="A long finding. " * 12)
                    for n in range(1, 36)
                ),
            ),
            make_context(),
        ),
        "cyrillic": (
            make_inspection(
                declaration=make_declaration(
                    exporter="ООО «Алмазы Якутии»", importer="Société Anversoise Müller"
                ),
            ),
            make_context(inspector_name="Зоя Ковалёва"),
        ),
        "no-photo": (make_inspection(photo=None), make_context()),
        "uuid-id": (
            make_inspection(id="550e8400-e29b-41d4-a716-446655440000"),
            make_context(),
        ),
    }


CASE_NAMES = [
    "clear",
    "exempt",
    "hold",
    "refuse",
    "override",
    "long",
    "cyrillic",
    "no-photo",
    "uuid-id",
]


@pytest.mark.parametrize("case", CASE_NAMES)
def test_barcode_decodes_at_203_dpi(case: str, tmp_path: Path, preview_dir: Path) -> None:
    inspection, ctx = _cases(tmp_path)[case]
    pdf = render_slip(inspection, ctx)
    pages = rasterise(pdf, preview_dir, case)
    assert pages, "pdftoppm wrote no page"
    # The barcode sits at the top of the first page; it must decode to the id, exactly once.
    assert decode_code128(pages[0]) == [inspection.id]
    assert decode_code128(pages[0], threshold=128) == [inspection.id]
    first = cv2.imread(str(pages[0]), cv2.IMREAD_GRAYSCALE)
    assert first is not None
    assert first.shape[1] == pytest.approx(80 / 25.4 * 203, abs=2)  # 80 mm at 203 dpi


def test_photo_is_embedded_and_no_photo_is_said(tmp_path: Path) -> None:
    photo = write_photo(tmp_path / "parcel.jpg")
    with_photo = render_slip(make_inspection(photo=photo), make_context())
    reader = PdfReader(__import__("io").BytesIO(with_photo))
    images = list(reader.pages[0].images)
    assert len(images) == 1
    assert "NO PHOTO" not in pdf_text(with_photo)
    without = render_slip(make_inspection(photo=None), make_context())
    assert "NO PHOTO: no photo was taken" in pdf_text(without)


def test_photo_jpeg_passes_through_unchanged(tmp_path: Path) -> None:
    photo = write_photo(tmp_path / "parcel.jpg", width=1280, height=720)
    pdf = render_slip(make_inspection(photo=photo), make_context())
    # A JPEG is embedded as DCT data, not re-encoded: the slip stays small.
    assert b"/DCTDecode" in pdf
    assert len(pdf) < len(Path(photo.path).read_bytes()) + 120_000


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("missing", "cannot be read"),
        ("garbage", "not a readable image"),
        ("altered", "does not match its recorded SHA-256"),
    ],
)
def test_unreadable_photo_gives_a_clear_line(tmp_path: Path, damage: str, message: str) -> None:
    photo = write_photo(tmp_path / "parcel.jpg")
    path = Path(photo.path)
    if damage == "missing":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"this is not a jpeg at all" * 10)
        photo = type(photo)(photo.path, "", photo.width, photo.height, photo.taken_at)
    else:
        path.write_bytes(path.read_bytes() + b"\0")
    pdf = render_slip(make_inspection(photo=photo), make_context())
    text = "".join(pdf_text(pdf).split())
    assert "NOPHOTO:" in text
    assert "".join(message.split()) in text
    assert b"/DCTDecode" not in pdf


def test_typical_slip_barcode_uses_two_dot_bars() -> None:
    from kiosk.slips.layout import PRINTABLE_WIDTH_PT, PRINTER_DOT_PT, fitted_code128

    code = fitted_code128(INSPECTION_ID)
    assert code.barWidth == pytest.approx(2 * PRINTER_DOT_PT)
    assert code.width <= PRINTABLE_WIDTH_PT
    assert code.lquiet >= 10 * code.barWidth
