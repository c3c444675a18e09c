"""The end-of-shift report (A4 PDF: text and a rendered page) and the KP monthly report (CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from store.history_data import Generated, generate_inspections

from kiosk.domain.models import KpCertificate, Outcome
from kiosk.services.history_work import HistoryWork, month_period
from kiosk.settings import Settings, with_overrides
from kiosk.slips.reports import KP_CSV_FIELDS, kp_report_csv, render_shift_report
from kiosk.store import Store
from slips.factories import rasterise
from slips.helpers import flat, page_sizes_mm, pdf_text

START = datetime(2026, 11, 2, 6, 0, tzinfo=UTC)


@pytest.fixture
def work(tmp_path: Path) -> Iterator[tuple[HistoryWork, list[Generated]]]:
    """A store with 120 inspections over 4 days of November 2026, and the history work."""
    settings = with_overrides(
        Settings(), data={"database": str(tmp_path / "kiosk.sqlite"), "sample_data": False}
    )
    store = Store.open(settings.database_url)
    store.add_user("apeeters", "An Peeters", "inspector", "1234")
    store.add_user("mdubois", "Marc Dubois", "supervisor", "5678")
    made = generate_inspections(store, 120, start=START, span=timedelta(days=4))
    history = HistoryWork(settings, store=store)
    yield history, made
    store.close()


def test_shift_report_lists_everything_on_a4(
    work: tuple[HistoryWork, list[Generated]], preview_dir: Path
) -> None:
    history, made = work
    since, until = START, START + timedelta(days=1)
    report = history.shift_report(since, until)
    mine = [
        g for g in made if g.kiosk_id == "ANR-DO-01" and since <= g.started_at < until
    ]
    assert [ln.inspection.id for ln in report.lines] == [g.id for g in mine]
    pdf = render_shift_report(report)
    sizes = page_sizes_mm(pdf)
    assert all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in sizes)
    text = pdf_text(pdf)
    squashed = flat(text)
    assert "END-OF-SHIFT REPORT" in text
    assert "BE-ANR-DO" in text
    assert "kiosk ANR-DO-01" in text
    assert "Data version: 2026.10.1" in text
    for g in mine:
        assert g.id in squashed
    counts = report.counts()
    assert sum(counts[o.label] for o in Outcome) == len(mine)
    for label in ("CLEAR", "EXEMPT", "HOLD", "REFUSE", "OVERRIDDEN"):
        assert f"{label}{counts[label]}" in squashed
    overridden = [g for g in mine if g.overridden]
    assert overridden
    assert f"Overrides ({len(overridden)})" in text
    assert "weighing_error" in text
    assert "Re-weighedonthesecondbalance" in squashed
    held = [g for g in mine if g.outcome in (Outcome.HOLD, Outcome.REFUSE)]
    assert f"Holds and refusals ({len(held)})" in text
    assert "Marc Dubois" in text  # display names, not usernames

    pages = rasterise(pdf, preview_dir, "shift-report", dpi=100)
    assert pages
    with Image.open(pages[0]) as image:
        assert image.size[0] == 827  # A4 at 100 dpi
        assert abs(image.size[1] - 1169) <= 1
        dark = sum(image.convert("L").histogram()[:128])
        assert dark > 20_000  # text was drawn


def test_shift_report_of_an_empty_period(work: tuple[HistoryWork, list[Generated]]) -> None:
    history, _ = work
    report = history.shift_report(START - timedelta(days=10), START - timedelta(days=9))
    text = pdf_text(render_shift_report(report))
    assert "No inspection in this period." in text
    assert "Inspector(s): none" in text


def test_kp_monthly_csv_has_the_article_10_fields(
    work: tuple[HistoryWork, list[Generated]], tmp_path: Path
) -> None:
    history, made = work
    store = history.store
    assert store is not None
    # One certificate is in the register: its register data is reported.
    target = next(g for g in made if g.post == "BE-ANR-DO")
    certificate = KpCertificate(
        number=target.kp_number,
        issuing_country=target.kp_number[:2],
        authority="Diamond Hub",
        issued_on=date(2026, 10, 20),
        expires_on=date(2026, 12, 20),
        exporter="Exporter Ltd",
        importer="Importer BV",
        origin_countries=("BW", "NA"),
        provenance_country="BW",
        mixed=True,
        carats=Decimal("1250.40"),
        value_usd=Decimal("812000.00"),
        parcel_count=2,
        hs_code="7102.31",
    )
    _add_certificate(store, certificate)

    path = history.write_kp_monthly("2026-11", tmp_path / "kp.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert tuple(rows[0].keys()) == KP_CSV_FIELDS
    expected = sorted({g.kp_number for g in made if g.post == "BE-ANR-DO"})
    assert [r["certificate_number"] for r in rows] == expected
    row = next(r for r in rows if r["certificate_number"] == target.kp_number)
    assert row["in_register"] == "yes"
    assert row["issuing_participant"] == target.kp_number[:2]
    assert row["issuing_authority"] == "Diamond Hub"
    assert (row["issued_on"], row["expires_on"]) == ("2026-10-20", "2026-12-20")
    assert row["origin_countries"] == "BW;NA"
    assert (row["provenance_country"], row["mixed"]) == ("BW", "yes")
    assert (row["carats"], row["value_usd"], row["parcel_count"]) == ("1250.40", "812000.00", "2")
    assert row["hs_code"] == "7102.31"
    assert row["post"] == "BE-ANR-DO"
    assert row["direction"] == "import"
    assert row["inspection_id"] == target.id
    assert row["verified_on"] == target.started_at.date().isoformat()
    other = next(r for r in rows if r["certificate_number"] != target.kp_number)
    assert other["in_register"] == "no"
    assert other["carats"] == ""
    assert other["issuing_participant"] == other["certificate_number"][:2]


def test_month_period_is_belgian_time() -> None:
    since, until = month_period("2026-12")
    assert since.isoformat() == "2026-12-01T00:00:00+01:00"
    assert until.isoformat() == "2027-01-01T00:00:00+01:00"
    assert kp_report_csv([]).splitlines() == [",".join(KP_CSV_FIELDS)]


def _add_certificate(store: Store, certificate: KpCertificate) -> None:
    from kiosk.store.reference import ReferenceData

    data = ReferenceData(
        certificates=(certificate,), participants=(), declarations=(), listed_parties=()
    )
    store.replace_reference(data, "test", "2026.11.1", START)
