"""The bundled sample data loads and is internally consistent (checked independently here)."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal

import pytest

from kiosk.domain.models import Declaration, KpCertificate, Outcome
from kiosk.domain.names import normalise_name
from kiosk.store import DemoParcel, ReferenceData, load_parcels, load_reference_dir
from kiosk.store.pins import check_pin, needs_rehash
from store.helpers import SAMPLE_DIR

TOLERANCE_CT = Decimal("0.010")
EU_MEMBERS = set(
    re.findall(
        r"[A-Z]{2}",
        "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE",
    )
)
# A=10, then every value but the multiples of 11 (11, 22, 33), as in the brief's table.
_MRN_LETTERS = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (v for v in range(10, 39) if v % 11),
        strict=True,
    )
)


def mrn_valid(mrn: str) -> bool:
    """The MRN layout and check character (written here independently of the domain)."""
    if not re.fullmatch(r"\d{2}[A-Z]{2}[A-Z0-9]{12}[A-Z][0-9]", mrn):
        return False
    total = sum((int(c) if c.isdigit() else _MRN_LETTERS[c]) * 2**i for i, c in enumerate(mrn[:17]))
    return str(total % 11 % 10) == mrn[17]


def awb_valid(awb: str) -> bool:
    """Three-digit prefix, eight-digit serial whose last digit is the first seven mod 7."""
    return bool(re.fullmatch(r"\d{11}", awb)) and int(awb[3:10]) % 7 == int(awb[10])


@pytest.fixture(scope="module")
def data() -> ReferenceData:
    return load_reference_dir(SAMPLE_DIR)


@pytest.fixture(scope="module")
def parcels() -> tuple[DemoParcel, ...]:
    return load_parcels(SAMPLE_DIR)


def _certs(data: ReferenceData) -> dict[str, KpCertificate]:
    return {c.number: c for c in data.certificates}


def _decl(data: ReferenceData, parcel: DemoParcel) -> Declaration:
    found = [d for d in data.declarations if d.reference == parcel.reference]
    assert len(found) == 1, parcel.label
    return found[0]


def test_check_algorithms_themselves() -> None:
    assert mrn_valid("26BEDO2026000001J3")
    assert not mrn_valid("26BEDO2026000001J4")
    assert not mrn_valid("26BEDO2026000001J")
    assert awb_valid("07431100370")
    assert not awb_valid("07431100371")


def test_marked_synthetic(data: ReferenceData) -> None:
    assert data.synthetic
    assert data.version == "sample-2026.11.1"
    assert "synthetic" in (SAMPLE_DIR / "README.md").read_text(encoding="utf-8").lower()


def test_every_mrn_awb_and_seal_is_valid(
    data: ReferenceData, parcels: tuple[DemoParcel, ...]
) -> None:
    for decl in data.declarations:
        assert mrn_valid(decl.mrn or ""), decl.reference
        assert awb_valid(decl.awb or ""), decl.reference
        assert decl.seal_numbers
        assert all(re.fullmatch(r"SL\d{8}", s) for s in decl.seal_numbers), decl.reference
    for parcel in parcels:
        decl = _decl(data, parcel)
        values = [s.value for s in parcel.scans]
        assert all(s.symbology == "]C0" for s in parcel.scans)
        assert values[:3] == [decl.kp_number, decl.mrn, decl.awb], parcel.label
        assert tuple(values[3:]) == decl.seal_numbers, parcel.label


def test_kp_numbers_are_in_the_register_except_the_unknown_one(
    data: ReferenceData, parcels: tuple[DemoParcel, ...]
) -> None:
    certs = _certs(data)
    missing = [p for p in parcels if p.scans[0].value not in certs]
    assert [p.scans[0].value for p in missing] == ["CA2026990001"]
    assert missing[0].expected is Outcome.HOLD
    assert "not in the" in missing[0].label


def test_certificates_agree_with_declarations(
    data: ReferenceData, parcels: tuple[DemoParcel, ...]
) -> None:
    certs = _certs(data)
    participants = {p.code for p in data.participants}
    for cert in data.certificates:
        assert cert.number.startswith(cert.issuing_country)
        assert re.fullmatch(r"[A-Z]{2}\d{10}", cert.number)
        assert cert.issuing_country in participants
        assert cert.issued_on <= cert.expires_on
        assert cert.hs_code == "7102.31"
    for parcel in parcels:
        decl = _decl(data, parcel)
        assert sum((b.carats for b in decl.stones), Decimal(0)) == decl.declared_carats
        for band in decl.stones:
            average = band.carats / band.stones
            assert band.min_ct <= average, (parcel.label, band)
            assert band.max_ct is None or average < band.max_ct, (parcel.label, band)
        assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", decl.cn_code)
        found = certs.get(decl.kp_number or "")
        if found is None:
            continue
        assert found.carats == decl.declared_carats, parcel.label
        assert found.parcel_count == decl.parcel_count, parcel.label
        assert (found.exporter, found.importer) == (decl.exporter, decl.importer), parcel.label
        assert found.origin_countries == decl.origin_countries, parcel.label
        if parcel.expected is Outcome.CLEAR:
            assert found.expires_on == date(2030, 12, 31)
            assert abs(parcel.weight_ct - decl.declared_carats) <= TOLERANCE_CT, parcel.label


def test_the_demo_covers_every_required_case(
    data: ReferenceData, parcels: tuple[DemoParcel, ...]
) -> None:
    certs = _certs(data)
    listed = {normalise_name(n) for p in data.listed_parties for n in (p.name, *p.aliases)}

    def case(expected: Outcome, test: object) -> list[DemoParcel]:
        assert callable(test)
        return [p for p in parcels if p.expected is expected and test(p, _decl(data, p))]

    assert case(
        Outcome.CLEAR,
        lambda p, d: (
            d.origin_countries == ("BW",) and abs(p.weight_ct - d.declared_carats) <= TOLERANCE_CT
        ),
    )
    assert case(Outcome.REFUSE, lambda p, d: certs[d.kp_number].issuing_country == "RU")
    assert case(
        Outcome.HOLD,
        lambda p, d: d.kp_number in certs and certs[d.kp_number].expires_on.year == 2025,
    )
    assert case(
        Outcome.HOLD,
        lambda p, d: d.declared_carats - p.weight_ct == Decimal("0.300"),
    )
    sanctioned = case(
        Outcome.REFUSE,
        lambda p, d: normalise_name(d.exporter) in listed or normalise_name(d.importer) in listed,
    )
    assert [d.exporter for d in (_decl(data, p) for p in sanctioned)] == ["Alrosa, PJSC"]
    # No other trader in the sample is (accidentally) a listed name.
    others = {d.exporter for d in data.declarations} | {d.importer for d in data.declarations}
    assert [n for n in others if normalise_name(n) in listed] == ["Alrosa, PJSC"]


def test_participants_and_users(data: ReferenceData) -> None:
    codes = [p.code for p in data.participants]
    assert len(codes) == len(set(codes))
    assert {"EU", "RU", "BW", "ZA", "NA", "CA", "AO", "AE", "US", "GB", "IN"} <= set(codes)
    assert not EU_MEMBERS & set(codes), "EU members are covered by the EU participant"
    users = {(u.username, u.display_name, u.role, u.pin) for u in data.users}
    assert users == {
        ("inspector", "An Peeters", "inspector", "1234"),
        ("inspector2", "Jonas Maes", "inspector", "2468"),
        ("supervisor", "Marc Dubois", "supervisor", "5678"),
        ("tech", "Lena Schmidt", "technician", "0000"),
    }
    assert all(u.badge for u in data.users)


def test_each_shipped_pin_hash_is_the_users_pin_at_todays_cost(data: ReferenceData) -> None:
    for user in data.users:
        assert user.pin_hash is not None, user.username
        assert check_pin(user.pin, user.pin_hash), f"{user.username}: pin_hash is not its PIN"
        assert not needs_rehash(user.pin_hash), f"{user.username}: pin_hash made at another cost"


def test_files_are_plain_utf8_json_with_string_decimals() -> None:
    floats: list[str] = []
    for path in sorted(SAMPLE_DIR.glob("*.json")):
        json.loads(path.read_text(encoding="utf-8"), parse_float=floats.append)
    assert floats == []
