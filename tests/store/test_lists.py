"""Store: list imports replace one list atomically, stream back whole; registers; status."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from kiosk.domain.models import ListedParty
from kiosk.domain.names import normalise_name
from kiosk.lists import (
    ListFile,
    ListFormatError,
    parse_authorisations_csv,
    parse_eu_fsf,
    parse_g7_json,
    parse_kp_csv,
    parse_ofac_csv,
    parse_un,
)
from kiosk.store import Store
from kiosk.store.database import alembic_config
from kiosk.store.migrations import HEAD_REVISION
from store.helpers import SAMPLE_DIR

FIXTURES = Path(__file__).resolve().parents[1] / "lists" / "fixtures"


def _party(list_id: str, name: str, list_name: str = "EU", **kw: object) -> ListedParty:
    return ListedParty(list_name=list_name, list_id=list_id, name=name, **kw)  # type: ignore[arg-type]


def test_import_round_trips_every_field(store: Store) -> None:
    alrosa = _party(
        "1",
        "PJSC Alrosa",
        aliases=("AK ALROSA PAO",),
        weak_aliases=("Diamonds of Yakutia",),
        kind="entity",
        programmes=("RUS",),
        listed_on=date(2024, 1, 3),
        birth_dates=(),
        countries=("RU",),
        identifiers=(("taxid", "1433000147"),),
        owners=(),
        source_file="eu.xml",
        published=date(2026, 8, 1),
    )
    usa = _party("2", "Alrosa USA Inc.", owners=("1",), birth_dates=("1962-05",))
    result = store.import_list("EU", [alrosa, usa], "v1", date(2026, 8, 1), file_format="eu-fsf")
    assert (result.records, result.aliases, result.weak_aliases) == (2, 1, 1)
    assert result.published_at == datetime(2026, 8, 1, tzinfo=UTC)
    assert list(store.iter_listed_parties()) == [alrosa, usa]
    assert store.listed_parties_by_ids(["1"]) == [alrosa]
    assert store.listed_parties_by_ids(["2"], list_name="OFAC") == []
    # A weak alias alone never finds a party by exact name; a strong one does.
    assert store.listed_parties_named([normalise_name("Diamonds of Yakutia")]) == []
    assert store.listed_parties_named([normalise_name("AK ALROSA PAO")]) == [alrosa]


def test_reimport_replaces_only_that_list(store: Store) -> None:
    store.import_list("EU", [_party("1", "A"), _party("2", "B")], "v1", None)
    store.import_list("OFAC", [_party("9", "Z", list_name="OFAC")], "v1", None)
    store.import_list("EU", [_party("3", "C")], "v2", None)
    names = sorted(p.name for p in store.iter_listed_parties())
    assert names == ["C", "Z"]
    assert [p.name for p in store.iter_listed_parties(["OFAC"])] == ["Z"]


def test_a_failing_import_leaves_the_list_in_use(store: Store) -> None:
    store.import_list("EU", [_party("1", "Kept")], "v1", None)

    def broken() -> Iterator[ListedParty]:
        yield _party("2", "New")
        raise ListFormatError("eu.xml", 12, "not well-formed XML: mismatched tag")

    with pytest.raises(ListFormatError, match="line 12"):
        store.import_list("EU", broken(), "v2", None)
    assert [p.name for p in store.iter_listed_parties()] == ["Kept"]
    statuses = {s.source: s for s in store.data_status()}
    assert statuses["EU"].version == "v1"


def test_a_truncated_real_file_leaves_the_list_in_use(store: Store, tmp_path: Path) -> None:
    store.import_list("EU", parse_eu_fsf(FIXTURES / "eu-fsf-excerpt-2020.xml"), "v1", None)
    data = (FIXTURES / "eu-fsf-excerpt-2020.xml").read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: len(data) * 3 // 4])
    with pytest.raises(ListFormatError, match="truncated"):
        store.import_list("EU", parse_eu_fsf(cut), "v2", None)
    assert len(list(store.iter_listed_parties())) == 6  # 7 entities, one id twice: merged


def test_a_party_of_another_list_is_refused(store: Store) -> None:
    from kiosk.store import StoreError

    with pytest.raises(StoreError, match="belongs to list 'OFAC'"):
        store.import_list("EU", [_party("1", "X", list_name="OFAC")], "v1", None)


def test_duplicate_list_ids_are_merged(store: Store) -> None:
    parties = [_party("7", "First"), _party("7", "Second", weak_aliases=("W",))]
    result = store.import_list("EU", parties, "v1", None)
    (merged,) = store.iter_listed_parties()
    assert result.records == 1
    assert merged.name == "First"
    assert merged.aliases == ("Second",)
    assert merged.weak_aliases == ("W",)


def test_streamed_import_of_many_parties_in_batches(store: Store) -> None:
    count = 5_000

    def many() -> Iterator[ListedParty]:
        for i in range(count):
            yield _party(str(i), f"Party {i}", aliases=(f"Alias {i}",), weak_aliases=(f"W{i}",))

    result = store.import_list("EU", many(), "v1", None)
    assert (result.records, result.names) == (count, 3 * count)
    streamed = list(store.iter_listed_parties(page_size=700))
    assert len(streamed) == count
    assert streamed[4_321].aliases == ("Alias 4321",)


def test_real_lists_and_published_date_from_the_parser(store: Store) -> None:
    summary = ListFile("un")
    result = store.import_list(
        "UN",
        parse_un(FIXTURES / "un-consolidated-2026-02-27.xml", summary),
        "2026-02-27",
        lambda: summary.published,
        file_format="un",
        source_file="un.xml",
    )
    assert result.records == 1003
    assert result.published_at == datetime(2026, 2, 27, tzinfo=UTC)
    (oumar,) = store.listed_parties_by_ids(["CFi.006"])
    assert oumar.birth_dates == ("1970-04-02",)
    store.import_list(
        "OFAC",
        parse_ofac_csv(FIXTURES / "ofac-sdn-alrosa.csv", FIXTURES / "ofac-alt-cut.csv"),
        "x",
        None,
    )
    (alrosa,) = store.listed_parties_by_ids(["34644"])
    assert alrosa.weak_aliases == ("ALROSA",)
    assert "PJSC ALROSA" in alrosa.aliases


def test_the_sample_bundle_leaves_imported_lists_alone(store: Store) -> None:
    store.import_list("EU", [_party("X1", "Imported Party")], "v1", None)
    assert store.seed_sample_data_if_empty(SAMPLE_DIR)
    lists = {p.list_name for p in store.iter_listed_parties()}
    eu = [p.name for p in store.iter_listed_parties(["EU"])]
    assert eu == ["Imported Party"]
    assert "OFAC" in lists


def test_registers_import_and_lookups(store: Store) -> None:
    kp = store.import_register("kp", parse_kp_csv(FIXTURES / "kp-register.csv"), "r1")
    assert kp.records == 2
    cert = store.kp_certificate("BW2026004417")
    assert cert is not None
    assert cert.value_usd == Decimal("1830000.00")
    assert cert.hs_code == "7102.10"
    store.import_register("g7", parse_g7_json(FIXTURES / "g7-register.json"), "r1")
    g7 = store.g7_certificate("G7-BE-2026-000123")
    assert g7 is not None
    assert g7.kp_numbers == ("BW2026004417",)
    assert g7.stones == 5120
    assert store.g7_certificate("nope") is None
    store.import_register(
        "authorisations", parse_authorisations_csv(FIXTURES / "authorisations.csv"), "r1"
    )
    assert store.authorisations_in_force(date(2026, 6, 1)) == frozenset({"BE-3P7-2026-0001"})
    assert store.authorisations_in_force(date(2025, 6, 30)) == frozenset({"BE-3P7-2025-0007"})
    assert len(store.authorisations()) == 2
    sources = {s.source: s for s in store.data_status()}
    assert sources["register:kp"].counts == {"records": 2}
    assert sources["register:g7"].kind == "register"


def test_a_bad_register_file_changes_nothing(store: Store, tmp_path: Path) -> None:
    store.import_register("kp", parse_kp_csv(FIXTURES / "kp-register.csv"), "r1")
    bad = tmp_path / "kp.csv"
    good = (FIXTURES / "kp-register.csv").read_text()
    bad.write_text(good.replace("BW2026004417,BW,", "BW2026009999,BW,") + "XX1,XX,,,,,,,,,,,,\n")
    with pytest.raises(ListFormatError, match="line 4"):
        store.import_register("kp", parse_kp_csv(bad), "r2")
    assert store.kp_certificate("BW2026009999") is None


def test_upgrade_from_0001_keeps_parties(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO listed_parties (id, list_name, list_id, name, kind, programmes) "
                "VALUES (1, 'EU', '5', 'Old Party', 'entity', '[]')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO listed_names (party_id, name, normalised, is_alias) "
                "VALUES (1, 'Old Alias', 'old alias', 1)"
            )
        )
    engine.dispose()
    with Store.open(url) as store:
        (party,) = store.iter_listed_parties()
        assert party.aliases == ("Old Alias",)
        assert party.weak_aliases == ()
        assert party.birth_dates == ()
        with store.database.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == HEAD_REVISION
