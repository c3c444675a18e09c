"""Real inspections built from the domain models, and helpers to read slips back."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

from kiosk.domain.models import (
    Declaration,
    Identifier,
    IdentifierKind,
    InputSource,
    Inspection,
    InspectionState,
    KpCertificate,
    Outcome,
    Override,
    OverrideCode,
    Photo,
    Reason,
    Verdict,
    WeightReading,
    WeightState,
)
from kiosk.slips import SlipContext

PREVIEW_DIR = Path("/tmp/slip-previews")
DECIDED_AT = datetime(2026, 3, 15, 13, 2, 11, tzinfo=UTC)
INSPECTION_ID = "ANR-DO-01-20260315-0042"


def make_context(**changes: object) -> SlipContext:
    """A slip context for the Antwerp Diamond Office."""
    values: dict[str, object] = {
        "post_code": "BE-ANR-DO",
        "post_name": "Antwerp Diamond Office",
        "kiosk_id": "ANR-DO-01",
        "inspector_name": "Els Vermeulen",
        "supervisor_name": None,
        "data_version": "2026.03.14-1",
        "data_published_at": datetime(2026, 3, 14, 6, 0, tzinfo=UTC),
        "ruleset_version": "RS-2026-01",
        "kp_certificate": make_certificate(),
    }
    values.update(changes)
    return SlipContext(**values)  # type: ignore[arg-type]


def make_certificate() -> KpCertificate:
    """The KP certificate on file for the test parcel."""
    return KpCertificate(
        number="BW-2026-004711",
        issuing_country="BW",
        authority="Government Diamond Valuator",
        issued_on=datetime(2026, 3, 1, tzinfo=UTC).date(),
        expires_on=datetime(2026, 4, 30, tzinfo=UTC).date(),
        exporter="Okavango Diamond Company",
        importer="Antwerp Rough Traders NV",
        origin_countries=("BW",),
        provenance_country="BW",
        mixed=False,
        carats=Decimal("125.400"),
        value_usd=Decimal("812000"),
        parcel_count=1,
        hs_code="7102.31",
    )


def make_declaration(**changes: object) -> Declaration:
    """A declared parcel of Botswana rough."""
    values: dict[str, object] = {
        "reference": "DECL-2026-7781",
        "kp_number": "BW-2026-004711",
        "cn_code": "7102 31 00",
        "exporter": "Okavango Diamond Company",
        "importer": "Antwerp Rough Traders NV",
        "origin_countries": ("BW",),
        "export_country": "BW",
        "declared_carats": Decimal("125.400"),
    }
    values.update(changes)
    return Declaration(**values)  # type: ignore[arg-type]


def make_reason(rule_id: str, outcome: Outcome, **changes: object) -> Reason:
    """A reason with a legal basis that names its rule."""
    values: dict[str, object] = {
        "rule_id": rule_id,
        "outcome": outcome,
        "legal_basis": f"Basis-{rule_id}: Reg. (EU) 833/2014 Art. 3p",
        "message": f"Rule {rule_id} fired for this parcel.",
    }
    values.update(changes)
    return Reason(**values)  # type: ignore[arg-type]


def make_inspection(
    outcome: Outcome = Outcome.CLEAR,
    reasons: tuple[Reason, ...] = (),
    **changes: object,
) -> Inspection:
    """A decided inspection with identifiers, a declaration and a stable reading."""
    verdict = Verdict(
        outcome=outcome,
        reasons=reasons,
        ruleset_version="RS-2026-01",
        decided_at=DECIDED_AT,
        data_version="2026.03.14-1",
    )
    values: dict[str, object] = {
        "id": INSPECTION_ID,
        "post": "BE-ANR-DO",
        "inspector": "evermeulen",
        "started_at": DECIDED_AT - timedelta(minutes=4),
        "state": InspectionState.DECIDED,
        "identifiers": (
            Identifier(IdentifierKind.KP_CERTIFICATE, "BW-2026-004711", InputSource.SCANNER),
            Identifier(IdentifierKind.MRN, "26BE000000012345A0", InputSource.SCANNER),
            Identifier(IdentifierKind.AWB, "020-12345675", InputSource.TYPED),
            Identifier(
                IdentifierKind.SEAL,
                "SEAL-0099",
                InputSource.RFID,
                problem="seal number differs from the documents",
            ),
        ),
        "reading": WeightReading(
            carats=Decimal("125.388"),
            state=WeightState.STABLE,
            raw="S S     125.388 ct",
            taken_at=DECIDED_AT - timedelta(minutes=1),
            scale_id="MT-XPR-1234",
        ),
        "declaration": make_declaration(),
        "verdict": verdict,
    }
    values.update(changes)
    return Inspection(**values)  # type: ignore[arg-type]


def make_override(new_outcome: Outcome = Outcome.CLEAR) -> Override:
    """A supervisor's override of a HOLD."""
    return Override(
        supervisor="jpeeters",
        code=OverrideCode.DOCUMENTS_PRODUCED,
        text="Original packing list produced by the agent; carats reconciled.",
        new_outcome=new_outcome,
        at=DECIDED_AT + timedelta(minutes=9),
    )


def write_photo(path: Path, width: int = 640, height: int = 480) -> Photo:
    """Write a synthetic JPEG of a parcel and describe it as the camera service would."""
    image = np.full((height, width, 3), 235, dtype=np.uint8)
    cv2.rectangle(
        image, (width // 6, height // 5), (5 * width // 6, 4 * height // 5), (40, 40, 40), 6
    )
    cv2.circle(image, (width // 2, height // 2), min(width, height) // 6, (90, 60, 30), -1)
    cv2.putText(image, "PARCEL", (width // 6 + 12, height // 5 + 40), 0, 1.2, (0, 0, 0), 3)
    assert cv2.imwrite(str(path), image)
    return Photo(
        path=str(path),
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        width=width,
        height=height,
        taken_at=DECIDED_AT - timedelta(minutes=2),
    )


def rasterise(pdf: bytes, out_dir: Path, name: str, dpi: int = 203) -> list[Path]:
    """Render every page like a 203 dpi thermal head would (``pdftoppm -gray -png``)."""
    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) is needed for the slip tests"
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf_path = out_dir / f"{name}.pdf"
    pdf_path.write_bytes(pdf)
    for old in out_dir.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf_path), str(out_dir / name)],
        check=True,
        timeout=30,
    )
    return sorted(out_dir.glob(f"{name}*.png"))


def decode_code128(png: Path, threshold: int | None = None) -> list[str]:
    """The texts of all Code 128 symbols zxing-cpp finds in an image.

    With ``threshold``, the image is first made black and white, as a thermal head prints it.
    """
    image = cv2.imread(str(png), cv2.IMREAD_GRAYSCALE)
    assert image is not None
    if threshold is not None:
        _, image = cv2.threshold(image, threshold, 255, cv2.THRESH_BINARY)
    return [
        r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.Code128
    ]
