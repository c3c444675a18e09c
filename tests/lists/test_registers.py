"""Certificate registers from CSV and JSON, with errors naming the line and field."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kiosk.lists import (
    ListFormatError,
    parse_authorisations_csv,
    parse_authorisations_json,
    parse_g7_csv,
    parse_g7_json,
    parse_kp_csv,
    parse_kp_json,
)


def test_kp_csv(fixtures: Path) -> None:
    certs = list(parse_kp_csv(fixtures / "kp-register.csv"))
    assert [c.number for c in certs] == ["BW2026004417", "AE2026001234"]
    bw, ae = certs
    assert bw.authority == "Botswana Diamond Hub"
    assert bw.carats == Decimal("1250.40")
    assert bw.value_usd == Decimal("1830000.00")
    assert bw.parcel_count == 2
    assert bw.hs_code == "7102.10"
    assert bw.mixed is False
    assert ae.mixed is True
    assert ae.origin_countries == ("BW", "ZA", "NA")
    assert ae.provenance_country == "AE"


def test_kp_json_same_as_csv(fixtures: Path) -> None:
    data = b"""[
  {"number": "BW 2026 004417", "issuing_country": "BW", "authority": "Botswana Diamond Hub",
   "issued_on": "2026-10-01", "expires_on": "2026-12-01", "exporter": "X", "importer": "Y",
   "origin_countries": ["BW"], "provenance_country": "BW", "mixed": false,
   "carats": "1.50", "value_usd": "100", "parcel_count": 1, "hs_code": "7102.10"}
]"""
    (cert,) = parse_kp_json(io.BytesIO(data))
    assert cert.number == "BW2026004417"
    assert cert.carats == Decimal("1.50")


def test_g7_json_and_csv(fixtures: Path) -> None:
    (g7,) = parse_g7_json(fixtures / "g7-register.json")
    assert g7.number == "G7BE2026000123"
    assert g7.stones == 5120
    assert g7.kp_numbers == ("BW2026004417",)
    assert g7.expires_on == date(2027, 10, 2)
    csv_data = (
        b"number,issuer_node,issued_on,expires_on,exporter,importer,carats,stones,"
        b"origin_countries,kp_numbers\n"
        b"G7-1,BE-ANR,2026-01-01,,A,B,10.5,,BW;NA,\n"
    )
    (row,) = parse_g7_csv(io.BytesIO(csv_data))
    assert row.expires_on is None
    assert row.stones is None
    assert row.origin_countries == ("BW", "NA")


def test_authorisations(fixtures: Path) -> None:
    auths = list(parse_authorisations_csv(fixtures / "authorisations.csv"))
    assert [a.number for a in auths] == ["BE-3P7-2026-0001", "BE-3P7-2025-0007"]
    assert auths[0].goods_codes == ("7102", "7113")
    assert auths[0].in_force(date(2026, 6, 1))
    assert not auths[1].in_force(date(2026, 6, 1))
    (one,) = parse_authorisations_json(
        io.BytesIO(b'[{"number": "A1", "holder": "H", "valid_from": "2026-01-01"}]')
    )
    assert one.valid_to is None


@pytest.mark.parametrize(
    ("row", "field", "problem"),
    [
        ("BW1,BW,A,2026-13-01,2026-12-01,E,I,BW,BW,no,1,1,1,7102", "issued_on", "YYYY-MM-DD"),
        ("BW1,XX,A,2026-01-01,2026-12-01,E,I,BW,BW,no,1,1,1,7102", "issuing_country", "ISO"),
        ("BW1,BW,A,2026-01-01,2026-12-01,E,I,BW;QQ,BW,no,1,1,1,7102", "origin_countries", "QQ"),
        ("BW1,BW,A,2026-01-01,2026-12-01,E,I,BW,BW,maybe,1,1,1,7102", "mixed", "true or false"),
        ("BW1,BW,A,2026-01-01,2026-12-01,E,I,BW,BW,no,1.2.3,1,1,7102", "carats", "decimal"),
        ("BW1,BW,A,2026-01-01,2026-12-01,E,I,BW,BW,no,1,1,-1,7102", "parcel_count", "whole"),
        ("BW1,BW,,2026-01-01,2026-12-01,E,I,BW,BW,no,1,1,1,7102", "authority", "blank"),
        ("ZA1,BW,A,2026-01-01,2026-12-01,E,I,BW,BW,no,1,1,1,7102", "number", "issuer"),
        ("BW1,BW,A,2026-12-01,2026-01-01,E,I,BW,BW,no,1,1,1,7102", "expires_on", "before"),
    ],
)
def test_kp_csv_errors_name_line_and_field(row: str, field: str, problem: str) -> None:
    header = (
        "number,issuing_country,authority,issued_on,expires_on,exporter,importer,"
        "origin_countries,provenance_country,mixed,carats,value_usd,parcel_count,hs_code"
    )
    good = "BW0,BW,A,2026-01-01,2026-12-01,E,I,BW,BW,no,1,1,1,7102"
    data = f"{header}\n{good}\n{row}\n".encode()
    with pytest.raises(ListFormatError) as caught:
        list(parse_kp_csv(io.BytesIO(data)))
    assert caught.value.line == 3
    assert f"field {field!r}" in caught.value.reason
    assert problem in caught.value.reason


def test_register_structure_errors() -> None:
    with pytest.raises(ListFormatError, match="missing column"):
        list(parse_authorisations_csv(io.BytesIO(b"number,valid_from\nA,2026-01-01\n")))
    with pytest.raises(ListFormatError, match="appears twice") as caught:
        list(
            parse_authorisations_csv(
                io.BytesIO(b"number,holder,valid_from\nA,H,2026-01-01\nA,H,2026-01-01\n")
            )
        )
    assert caught.value.line == 3
    with pytest.raises(ListFormatError) as caught:
        list(parse_g7_json(io.BytesIO(b'[\n{"number": "A"},\n{"number": }\n]')))
    assert caught.value.line == 2
    assert "issued_on" in caught.value.reason
    with pytest.raises(ListFormatError) as caught:
        list(parse_authorisations_json(io.BytesIO(b'[\n{"number": "A",\n "holder": }\n]')))
    assert caught.value.line == 3
    assert "not valid JSON" in caught.value.reason
    with pytest.raises(ListFormatError, match="expected a JSON list"):
        list(parse_kp_json(io.BytesIO(b'{"number": 1}')))
    with pytest.raises(ListFormatError, match="not as a JSON number"):
        list(
            parse_g7_json(
                io.BytesIO(
                    b'[{"number":"A","issuer_node":"N","issued_on":"2026-01-01",'
                    b'"exporter":"E","importer":"I","carats":1.5,"origin_countries":[]}]'
                )
            )
        )
