"""Reading a slip's QR code back from its PDF: rendered with pdftoppm, decoded with zxing-cpp."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kiosk.slips.signing import PAYLOAD_PREFIX

#: Rendering resolution: that of the kiosk's thermal printer head.
RENDER_DPI = 203
RENDER_TIMEOUT_S = 60.0
MAX_PDF_BYTES = 50 * 1024 * 1024


class QrReadError(ValueError):
    """A PDF whose QR code cannot be read; the message says why (one line)."""


def _decode_png(png: Path) -> list[str]:
    import cv2
    import zxingcpp

    image = cv2.imread(str(png), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise QrReadError(f"{png.name}: the rendered page cannot be read")
    results = zxingcpp.read_barcodes(image)
    return [
        result.text
        for result in results
        if result.valid and result.format == zxingcpp.BarcodeFormat.QRCode
    ]


def read_slip_qr(pdf: Path, *, dpi: int = RENDER_DPI) -> list[str]:
    """The texts of the slip QR codes (those starting with ``K``) on every page of a PDF.

    Args:
        pdf: The slip PDF.
        dpi: Rendering resolution.

    Returns:
        The payload texts found, page by page; empty when there is none.

    Raises:
        QrReadError: When the file cannot be read or rendered.
    """
    try:
        size = pdf.stat().st_size
    except OSError as exc:
        raise QrReadError(f"{pdf}: cannot read the file ({exc.strerror or exc})") from exc
    if size > MAX_PDF_BYTES:
        raise QrReadError(f"{pdf}: larger than {MAX_PDF_BYTES} bytes, not a slip")
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise QrReadError("pdftoppm is not installed (poppler-utils): cannot render the PDF")
    with tempfile.TemporaryDirectory(prefix="kiosk-slip-") as tmp:
        out = Path(tmp)
        try:
            done = subprocess.run(
                [tool, "-r", str(dpi), "-gray", "-png", str(pdf), str(out / "page")],
                capture_output=True,
                timeout=RENDER_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise QrReadError(
                f"{pdf}: rendering took longer than {RENDER_TIMEOUT_S:.0f} s"
            ) from exc
        pages = sorted(out.glob("page*.png"))
        if done.returncode != 0 or not pages:
            first = done.stderr.decode("utf-8", "replace").strip().splitlines()
            why = first[0] if first else f"pdftoppm exit status {done.returncode}"
            raise QrReadError(f"{pdf}: not a readable PDF ({why})")
        texts: list[str] = []
        for page in pages:
            texts += [t for t in _decode_png(page) if t.startswith(PAYLOAD_PREFIX[0])]
        return texts


__all__ = ["QrReadError", "read_slip_qr"]
