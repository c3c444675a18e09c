"""Each list importer on real published excerpts: counts, names, aliases, dates, countries."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from kiosk.domain.models import ListedParty
from kiosk.lists import (
    ListFile,
    parse_eu_fsf,
    parse_ftm,
    parse_ofac_csv,
    parse_ofac_sdn_xml,
    parse_uk_fcdo,
    parse_uk_ofsi,
    parse_un,
    read_ofac_alt,
)


def _by_id(parties: list[ListedParty]) -> dict[str, ListedParty]:
    return {p.list_id: p for p in parties}


def test_eu_fsf_excerpt(fixtures: Path) -> None:
    summary = ListFile("eu-fsf")
    parties = list(parse_eu_fsf(fixtures / "eu-fsf-excerpt-2020.xml", summary))
    assert len(parties) == 7
    assert summary.published == date(2020, 4, 15)
    assert summary.parties == 7
    assert summary.kinds == {"person": 7}
    first = parties[0]
    assert first.list_name == "EU"
    assert first.list_id == "5295"
    assert first.name == "Abid Hammadou"
    assert "Abdelhamid Abou Zeid" in first.aliases
    assert first.birth_dates == ("1965-12-12", "1958")
    assert first.countries == ("DZ",)
    assert first.programmes == ("TAQA",)
    assert first.listed_on == date(2008, 7, 3)
    assert first.source_file == "eu-fsf-excerpt-2020.xml"
    assert first.published == date(2020, 4, 15)
    aouadi = _by_id(parties)["927"]
    assert ("passport", "L191609") in aouadi.identifiers
    assert aouadi.countries == ("TN",)


def test_eu_fsf_weak_alias_from_the_strong_flag() -> None:
    xml = b"""<?xml version="1.0"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-08-01T10:00:00+02:00">
  <sanctionEntity logicalId="1" designationDate="2024-01-03">
    <regulation programme="RUS"/>
    <subjectType code="enterprise" classificationCode="E"/>
    <nameAlias wholeName="PJSC Alrosa" strong="true"/>
    <nameAlias wholeName="Alrosa" strong="false"/>
    <identification number="1433000147" identificationTypeCode="taxid"/>
    <address countryIso2Code="RU"/>
  </sanctionEntity>
</export>"""
    (party,) = parse_eu_fsf(io.BytesIO(xml))
    assert party.kind == "entity"
    assert party.name == "PJSC Alrosa"
    assert party.aliases == ()
    assert party.weak_aliases == ("Alrosa",)
    assert party.identifiers == (("taxid", "1433000147"),)
    assert party.countries == ("RU",)
    assert party.published == date(2026, 8, 1)
    assert party.source_file == "<stream>"


def test_ofac_sdn_xml_strong_and_weak_akas(fixtures: Path) -> None:
    summary = ListFile("ofac-sdn")
    parties = _by_id(list(parse_ofac_sdn_xml(fixtures / "ofac-sdn-excerpt-2020.xml", summary)))
    assert len(parties) == 8
    assert summary.published == date(2020, 4, 22)
    saeed = parties["10689"]
    assert saeed.name == "Muhammad SAEED"
    assert saeed.kind == "person"
    assert "Hafiz Muhammad SAEED" in saeed.aliases
    assert saeed.weak_aliases == ("HAFIZ SAHIB", "TATA JI")
    assert saeed.birth_dates == ("1950-06-05",)
    assert saeed.countries == ("PK",)
    assert ("Passport", "BE5978421") in saeed.identifiers
    assert parties["19187"].kind == "entity"
    assert parties["19187"].countries == ("PA",)


def test_ofac_csv_with_alt_and_weak_akas_in_remarks(fixtures: Path) -> None:
    summary = ListFile("ofac-csv")
    parties = _by_id(
        list(
            parse_ofac_csv(
                fixtures / "ofac-sdn-excerpt.csv", fixtures / "ofac-alt-cut.csv", summary
            )
        )
    )
    assert len(parties) == 17
    assert summary.kinds == {"person": 4, "entity": 7, "aircraft": 2, "vessel": 4}
    khoroshev = parties["48603"]
    assert khoroshev.weak_aliases == ("LOCKBITSUPP",)
    assert khoroshev.birth_dates == ("1993-04-17",)
    assert khoroshev.countries == ("RU",)
    assert "KHOROSHEV, Dmitriy Yurevich" in khoroshev.aliases
    makran = parties["40716"]
    assert makran.kind == "vessel"
    assert makran.weak_aliases == ("MAKRAN",)
    assert parties["10278"].birth_dates == ("1963-07-28",)
    assert parties["11195"].programmes == ("NPWMD", "IFSR", "IRAN-CON-ARMS-EO")
    assert parties["28603"].aliases == ()  # "-0-" fields are blanks, not names


def test_ofac_csv_alrosa_aliases_strong_from_alt_weak_from_remarks(fixtures: Path) -> None:
    (alrosa,) = parse_ofac_csv(fixtures / "ofac-sdn-alrosa.csv", fixtures / "ofac-alt-cut.csv")
    assert alrosa.list_id == "34644"
    assert alrosa.aliases == ("AK ALROSA PAO", "PJSC ALROSA", "ALROSA GROUP")
    assert alrosa.weak_aliases == ("ALROSA",)
    assert alrosa.programmes == ("RUSSIA-EO14024",)


def test_full_alt_csv_counts(fixtures: Path) -> None:
    aliases = read_ofac_alt(fixtures / "ofac-alt-2025.csv")
    assert sum(len(v) for v in aliases.values()) == 19486
    assert aliases["34644"] == ["AK ALROSA PAO", "PJSC ALROSA", "ALROSA GROUP"]


def test_un_full_list(fixtures: Path) -> None:
    summary = ListFile("un")
    parties = _by_id(list(parse_un(fixtures / "un-consolidated-2026-02-27.xml", summary)))
    assert summary.kinds == {"person": 730, "entity": 273}
    assert summary.weak_aliases == 615
    assert summary.published == date(2026, 2, 27)
    oumar = parties["CFi.006"]
    assert oumar.name == "OUMAR YOUNOUS ABDOULAY"
    assert oumar.kind == "person"
    assert "Oumar Younous" in oumar.aliases
    assert oumar.birth_dates == ("1970-04-02",)
    assert oumar.countries[0] == "SD"
    assert "CF" in oumar.countries
    assert oumar.programmes == ("CAR",)
    assert oumar.listed_on == date(2015, 8, 20)
    entities = [p for p in parties.values() if p.kind == "entity"]
    assert all(p.name for p in entities)  # entity names come from FIRST_NAME


def test_uk_ofsi_groups_rows_by_group_id(fixtures: Path) -> None:
    summary = ListFile("uk-ofsi")
    parties = _by_id(list(parse_uk_ofsi(fixtures / "uk-ofsi-conlist-excerpt-2020.csv", summary)))
    assert len(parties) == 6
    assert summary.published == date(2020, 4, 27)
    so = parties["11039"]
    assert so.name == "Sang-kuk SO"
    assert so.aliases == ("Sang Kuk SO",)
    assert sorted(so.birth_dates) == ["1932", "1933", "1934", "1935", "1936", "1937", "1938"]
    hubarieva = parties["13063"]
    assert hubarieva.birth_dates == ("1983-07-05", "1983", "1984-04")
    assert parties["9215"].countries == ("PK",)
    assert "Игорь Венедиктович ПЛОТНИЦКИЙ" in parties["13017"].aliases


def test_uk_fcdo_layout(fixtures: Path) -> None:
    summary = ListFile("uk")
    parties = _by_id(list(parse_uk_fcdo(fixtures / "uk-fcdo-sample.xml", summary)))
    assert summary.published == date(2026, 9, 15)
    assert summary.kinds == {"entity": 1, "person": 1, "vessel": 1}
    alrosa = parties["RUS0263"]
    assert alrosa.name == "PJSC ALROSA"
    assert alrosa.aliases == ("ALROSA", "ПАО АЛРОСА")
    assert alrosa.weak_aliases == ("ALROSA GROUP",)
    assert alrosa.countries == ("RU",)
    assert alrosa.identifiers == (("regnumber", "1433000147"),)
    assert alrosa.listed_on == date(2022, 3, 24)
    ceo = parties["RUS1713"]
    assert ceo.name == "Pavel Alekseevich MARINYCHEV"
    assert ceo.aliases == ("Pavel MARINICHEV",)
    assert ceo.birth_dates == ("1976",)
    assert ceo.countries == ("RU",)
    ship = parties["RUS2001"]
    assert ship.identifiers == (("imo", "9000001"),)
    assert ship.countries == ("PA",)


def test_ftm_names_and_ownership(fixtures: Path) -> None:
    summary = ListFile("ftm")
    parties = _by_id(list(parse_ftm(fixtures / "opensanctions-ftm-excerpt.json", summary)))
    assert len(parties) == 6  # the Address entity is not a party
    kuzmenko = parties["NK-2Ka3UvopqbpZmVDFjWd4LA"]
    assert kuzmenko.kind == "person"
    assert kuzmenko.birth_dates == ("1971-01-22",)
    assert kuzmenko.countries == ("RU",)
    assert ("taxNumber", "366510784303") in kuzmenko.identifiers
    lines = b"\n".join(
        [
            b'{"id":"a","schema":"Company","properties":{"name":["PJSC Alrosa"],'
            b'"weakAlias":["Alrosa"]},"last_change":"2026-01-02T00:00:00"}',
            b'{"id":"b","schema":"Company","properties":{"name":["Alrosa USA Inc."]}}',
            b'{"id":"c","schema":"Company","properties":{"name":["Minor Holding"]}}',
            b'{"id":"o1","schema":"Ownership","properties":{"owner":["a"],"asset":["b"],'
            b'"percentage":["100"]}}',
            b'{"id":"o2","schema":"Ownership","properties":{"owner":["a"],"asset":["c"],'
            b'"percentage":["20"]}}',
        ]
    )
    made = _by_id(list(parse_ftm(io.BytesIO(lines))))
    assert made["a"].weak_aliases == ("Alrosa",)
    assert made["b"].owners == ("a",)
    assert made["c"].owners == ()
    assert made["b"].published == date(2026, 1, 2)


@pytest.mark.parametrize(
    ("parse", "name"),
    [
        (parse_eu_fsf, "eu-fsf-excerpt-2020.xml"),
        (parse_ofac_sdn_xml, "ofac-sdn-excerpt-2020.xml"),
        (parse_un, "un-consolidated-2026-02-27.xml"),
        (parse_uk_fcdo, "uk-fcdo-sample.xml"),
    ],
)
def test_xml_parsers_take_an_open_binary_file(parse: object, name: str, fixtures: Path) -> None:
    assert callable(parse)
    with (fixtures / name).open("rb") as handle:
        parties = list(parse(handle))
    assert parties
    assert all(p.source_file == name for p in parties)
