"""Reference data: strict loading, one-transaction replacement, lookups, first-start seeding."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.models import IdentifierKind, ListedParty
from kiosk.domain.names import normalise_name
from kiosk.store import ReferenceData, ReferenceDataError, Store, load_reference_dir
from store.helpers import SAMPLE_DIR

PUBLISHED = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled sample folder."""
    return Path(shutil.copytree(SAMPLE_DIR, tmp_path / "sample"))


@pytest.fixture
def loaded(store: Store) -> Store:
    store.replace_reference(load_reference_dir(SAMPLE_DIR), "sample", "v1", PUBLISHED)
    return store


def _edit(folder: Path, file: str, change: Any) -> None:
    path = folder / file
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _set(index: int, key: str, value: object) -> Any:
    def change(data: list[dict[str, object]]) -> None:
        data[index][key] = value

    return change


def _drop(index: int, key: str) -> Any:
    def change(data: list[dict[str, object]]) -> None:
        del data[index][key]

    return change


@pytest.mark.parametrize(
    ("file", "change", "message"),
    [
        (
            "kp_certificates.json",
            _set(2, "expires_on", "2025-02-30"),
            "kp_certificates.json, record 3 (ZA2025077610), field 'expires_on': "
            "expected a date YYYY-MM-DD, got '2025-02-30'",
        ),
        (
            "declarations.json",
            _drop(0, "declared_carats"),
            "declarations.json, record 1 (DO-ANR-2026-00001), field 'declared_carats': is missing",
        ),
        (
            "declarations.json",
            _set(1, "declared_carats", 842.15),
            "record 2 (DO-ANR-2026-00002), field 'declared_carats': write decimals as strings",
        ),
        (
            "declarations.json",
            lambda d: d[0]["stones"][1].__setitem__("stones", "many"),
            "field 'stones[1].stones': expected a whole number, got 'many'",
        ),
        (
            "sanctions.json",
            _set(0, "listed_on", "3 January 2024"),
            "sanctions.json, record 1 (PJSC ALROSA), field 'listed_on': expected a date",
        ),
        (
            "kp_certificates.json",
            _set(0, "number", "ZA2026004417"),
            "field 'number': must start with the issuing country BW",
        ),
        (
            "users.json",
            _set(0, "pin", 1234),
            "users.json, record 1 (inspector), field 'pin': expected non-empty text",
        ),
        (
            "users.json",
            _set(0, "pin_hash", "1234"),
            "users.json, record 1 (inspector), field 'pin_hash': expected an argon2id hash",
        ),
        (
            "kp_participants.json",
            lambda d: d.append(dict(d[0])),
            "kp_participants.json, record 61 (AO), field 'code': duplicate code 'AO'",
        ),
    ],
)
def test_a_malformed_file_names_file_record_and_field(
    sample_copy: Path, file: str, change: Any, message: str
) -> None:
    _edit(sample_copy, file, change)
    with pytest.raises(ReferenceDataError) as caught:
        load_reference_dir(sample_copy)
    assert message in str(caught.value)
    assert caught.value.file == file


def test_not_json_and_missing_file(sample_copy: Path) -> None:
    (sample_copy / "declarations.json").write_text('[{"reference": "x",', encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"declarations.json: not valid JSON: .* line 1"):
        load_reference_dir(sample_copy)
    (sample_copy / "declarations.json").unlink()
    with pytest.raises(ReferenceDataError, match=r"declarations\.json: file not found"):
        load_reference_dir(sample_copy)
    shutil.copy(SAMPLE_DIR / "declarations.json", sample_copy / "declarations.json")
    (sample_copy / "sanctions.json").write_text('{"not": "a list"}', encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"sanctions\.json: expected a JSON list"):
        load_reference_dir(sample_copy)


def test_a_bad_update_leaves_the_loaded_data_in_place(loaded: Store, sample_copy: Path) -> None:
    before = (
        loaded.kp_certificate("BW2026004417"),
        loaded.data_version(),
        loaded.kp_participants(),
    )
    _edit(sample_copy, "kp_certificates.json", _set(0, "issued_on", "yesterday"))
    with pytest.raises(ReferenceDataError):
        loaded.replace_reference(load_reference_dir(sample_copy), "hub", "v2", PUBLISHED)
    # A bad record that only the database refuses (duplicate key) rolls back everything too.
    good = load_reference_dir(SAMPLE_DIR)
    broken = ReferenceData(
        certificates=good.certificates,
        participants=good.participants,
        declarations=(*good.declarations, good.declarations[0]),
        listed_parties=good.listed_parties,
    )
    with pytest.raises(Exception, match=r"UNIQUE constraint failed: declarations\.reference"):
        loaded.replace_reference(broken, "hub", "v3", PUBLISHED)
    after = (loaded.kp_certificate("BW2026004417"), loaded.data_version(), loaded.kp_participants())
    assert after == before
    assert before[0] is not None
    assert before[1] is not None
    assert before[1].version == "v1"


def test_replace_swaps_everything_and_records_the_version(loaded: Store) -> None:
    version = loaded.data_version()
    assert version is not None
    assert (version.version, version.source, version.published_at) == ("v1", "sample", PUBLISHED)
    assert version.counts == {
        "certificates": 8,
        "participants": 60,
        "declarations": 9,
        "listed_parties": 5,
    }
    smaller = ReferenceData(
        certificates=(),
        participants=load_reference_dir(SAMPLE_DIR).participants[:3],
        declarations=(),
        listed_parties=(ListedParty("EU", "X1", "Test Party"),),
    )
    loaded.replace_reference(smaller, "hub", "v2", PUBLISHED)
    assert loaded.kp_certificate("BW2026004417") is None
    assert len(loaded.kp_participants()) == 3
    assert loaded.listed_parties_named(["alrosa"]) == []
    assert [p.name for p in loaded.listed_parties_named([normalise_name("TEST PARTY")])] == [
        "Test Party"
    ]
    latest = loaded.data_version()
    assert latest is not None
    assert latest.version == "v2"


def test_lookups(loaded: Store) -> None:
    cert = loaded.kp_certificate("bw 2026004417")
    assert cert is not None
    assert (cert.issuing_country, str(cert.carats), cert.expires_on.isoformat()) == (
        "BW",
        "1250.40",
        "2030-12-31",
    )
    assert loaded.kp_certificate("CA2026990001") is None
    participants = loaded.kp_participants()
    assert {"EU", "RU", "BW", "AE"} <= participants
    assert "BE" not in participants  # Belgium is in the EU participant

    by_kp = loaded.declaration_for(IdentifierKind.KP_CERTIFICATE, "RU2026118832")
    by_mrn = loaded.declaration_for(IdentifierKind.MRN, "26BEDO2026000002J2")
    by_awb = loaded.declaration_for(IdentifierKind.AWB, "057-3120074 6")
    assert by_kp is not None
    assert by_kp == by_mrn == by_awb
    assert by_kp.reference == "DO-ANR-2026-00002"
    assert loaded.declaration_for(IdentifierKind.SEAL, "SL41002006") is None
    assert loaded.declaration_for(IdentifierKind.MRN, "26BEDO2026000099J0") is None


def test_listed_parties_by_normalised_names_and_aliases(loaded: Store) -> None:
    hits = loaded.listed_parties_named([normalise_name("Alrosa, PJSC")])
    assert {(p.list_name, p.list_id) for p in hits} == {
        ("EU", "EU-269-2024-ALROSA"),
        ("OFAC", "34644"),
        ("UK", "RUS1229"),
    }
    eu = next(p for p in hits if p.list_name == "EU")
    assert "АЛРОСА" in eu.aliases
    assert eu.listed_on is not None
    assert eu.listed_on.isoformat() == "2024-01-03"
    person = loaded.listed_parties_named([normalise_name("Павел Алексеевич Маринычев")])
    assert [p.name for p in person] == ["Pavel Alekseevich MARINYCHEV"]
    assert loaded.listed_parties_named([normalise_name("Schelde Rough Trading BV")]) == []
    assert loaded.listed_parties_named([]) == []


def test_seeding_happens_on_first_start_only(store: Store) -> None:
    assert store.seed_sample_data_if_empty(SAMPLE_DIR) is True
    assert [u.username for u in store.users()] == ["inspector", "inspector2", "supervisor", "tech"]
    assert store.verify_pin("supervisor", "5678", PUBLISHED).ok
    assert store.verify_pin("tech", "0000", PUBLISHED).ok
    version = store.data_version()
    assert version is not None
    assert (version.version, version.source) == ("sample-2026.11.1", "sample")
    # The sample manifest names no publication time: the data is stamped when it is loaded,
    # so the demo never runs on "stale" data.
    assert abs((version.loaded_at - version.published_at).total_seconds()) < 5
    assert store.seed_sample_data_if_empty(SAMPLE_DIR) is False
    assert len(store.users()) == 4


def test_seeding_a_malformed_folder_loads_nothing(store: Store, sample_copy: Path) -> None:
    _edit(sample_copy, "users.json", _set(3, "role", "admin"))
    with pytest.raises(ReferenceDataError, match=r"users.json, record 4 \(tech\), field 'role'"):
        store.seed_sample_data_if_empty(sample_copy)
    assert store.users() == []
    assert store.data_version() is None
