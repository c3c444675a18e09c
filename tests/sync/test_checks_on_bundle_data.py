"""The Checker on a real store with an applied bundle: its age, its expiry, certificate uses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from kiosk.domain.bundle import BundleManifest, BundleSource, CertificateUse
from kiosk.domain.models import Declaration, Identifier, IdentifierKind, InputSource, Inspection
from kiosk.services.checking import Checker
from kiosk.settings import Settings, with_overrides
from kiosk.store import Store

PUBLISHED = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def _apply(store: Store, *, version: int = 1, expires_at: datetime | None = None) -> None:
    manifest = BundleManifest(
        version=version,
        published_at=PUBLISHED,
        sources=(
            BundleSource("certificate-uses", "uses", "uses", "certificate-uses.jsonl", "", None),
        ),
    )
    uses = [
        CertificateUse("kp", "BW2026004417", "BE-BRU-AP", date(2026, 11, 19), "INS-A"),
        CertificateUse("kp", "BW2026004417", "BE-ANR-DO", date(2026, 11, 19), "INS-B"),
        CertificateUse("g7", "G7BE2026000123", "BE-OST-PT", date(2026, 11, 18), "INS-C"),
    ]
    store.apply_bundle(manifest, uses, sha256="ab" * 32, expires_at=expires_at, now=PUBLISHED)


def _inspection(inspection_id: str = "INS-NOW") -> Inspection:
    kp = Identifier(IdentifierKind.KP_CERTIFICATE, "BW2026004417", InputSource.TYPED)
    declaration = Declaration(
        reference="D-1",
        kp_number="BW2026004417",
        cn_code="71021000",
        exporter="Okavango Diamond Company",
        importer="Antwerp Rough NV",
        origin_countries=("BW",),
        export_country="BW",
        declared_carats=Decimal("1250.40"),
        g7_certificate="G7-BE-2026-000123",
    )
    return Inspection(
        id=inspection_id,
        post="BE-ANR-DO",
        inspector="inspector",
        started_at=PUBLISHED + timedelta(hours=1),
        identifiers=(kp,),
        declaration=declaration,
    )


def _checker(store: Store, max_age_h: float = 72.0) -> Checker:
    settings = with_overrides(Settings(), data={"max_data_age_h": max_age_h})
    return Checker.from_settings(store, settings)


def test_bundle_age_counts_from_publication(store: Store) -> None:
    _apply(store, expires_at=PUBLISHED + timedelta(days=7))
    checker = _checker(store)
    assert checker.data_freshness(PUBLISHED + timedelta(hours=71)) == (False, "")
    stale, why = checker.data_freshness(PUBLISHED + timedelta(hours=73))
    assert stale
    assert why == "kiosk data older than 72 h (bundle 1 published 2026-11-20 08:00 UTC)"


def test_expired_signed_timestamp_is_out_of_date(store: Store) -> None:
    _apply(store, expires_at=PUBLISHED + timedelta(hours=24))
    stale, why = _checker(store).data_freshness(PUBLISHED + timedelta(hours=25))
    assert stale
    assert why == "the hub's signed data (bundle 1) expired on 2026-11-21 08:00 UTC"


def test_stale_bundle_data_holds_with_k3(store: Store) -> None:
    _apply(store, expires_at=PUBLISHED + timedelta(days=30))
    result = _checker(store).check(
        _inspection(), PUBLISHED + timedelta(hours=80), own_declaration=True
    )
    k3 = [r for r in result.verdict.reasons if r.rule_id == "K3"]
    assert len(k3) == 1
    assert "older than 72 h" in k3[0].message
    assert result.data_stale
    assert result.verdict.data_version == "bundle-1"


def test_certificates_used_at_other_posts_hold_with_k5(store: Store) -> None:
    _apply(store, expires_at=PUBLISHED + timedelta(days=30))
    result = _checker(store).check(_inspection(), PUBLISHED + timedelta(hours=1))
    k5 = sorted(r.message for r in result.verdict.reasons if r.rule_id == "K5")
    assert k5 == [
        "G7 certificate G7BE2026000123 already used at BE-OST-PT on 2026-11-18 (inspection INS-C)",
        "KP certificate BW2026004417 already used at BE-BRU-AP on 2026-11-19 (inspection INS-A)",
    ]  # the use at this post (INS-B) is left out


def test_own_record_coming_back_is_not_a_second_use(store: Store) -> None:
    _apply(store, expires_at=PUBLISHED + timedelta(days=30))
    result = _checker(store).check(_inspection("INS-A"), PUBLISHED + timedelta(hours=1))
    assert not any("BE-BRU-AP" in r.message for r in result.verdict.reasons)
