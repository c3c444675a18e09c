"""Exact screening of declared parties against listed parties."""

from __future__ import annotations

from datetime import date

from domain.builders import certificate, rough_declaration
from kiosk.domain.models import ListedParty
from kiosk.domain.screening import EXACT_SCORE, parties_of, screen_exact

ALROSA = ListedParty(
    list_name="EU 269/2014",
    list_id="EU.8282.49",
    name="PJSC Alrosa",
    aliases=("AK ALROSA PAO", "АЛРОСА", "ALROSA GROUP"),
    listed_on=date(2024, 1, 3),
)
MARINYCHEV = ListedParty(
    list_name="EU 269/2014",
    list_id="EU.9001.12",
    name="Pavel Alekseevich MARINYCHEV",
    kind="person",
)
ALMAZ_ANTEY = ListedParty("OFAC SDN", "12345", "JSC Concern VKO Almaz-Antey")


def test_listed_name_matches_after_normalisation() -> None:
    hits = screen_exact([("exporter", "Alrosa, PJSC")], [ALMAZ_ANTEY, ALROSA])
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.party_role, hit.party_name, hit.listed, hit.score) == (
        "exporter",
        "Alrosa, PJSC",
        ALROSA,
        EXACT_SCORE,
    )
    assert hit.matched_name == "PJSC Alrosa"
    assert "EU 269/2014" in hit.explanation
    assert "EU.8282.49" in hit.explanation
    assert "listed name" in hit.explanation


def test_alias_matches_and_explanation_names_the_alias() -> None:
    hits = screen_exact([("importer", "Alrosa Group Ltd")], [ALROSA])
    assert [h.matched_name for h in hits] == ["ALROSA GROUP"]
    assert 'alias "ALROSA GROUP"' in hits[0].explanation


def test_cyrillic_and_word_order() -> None:
    hits = screen_exact(
        [("exporter", "ПАО АЛРОСА"), ("KP exporter", "Маринычев Павел Алексеевич")],
        [ALROSA, MARINYCHEV],
    )
    assert [(h.party_role, h.listed.list_id) for h in hits] == [
        ("exporter", "EU.8282.49"),
        ("KP exporter", "EU.9001.12"),
    ]


def test_one_hit_per_party_and_listing_even_when_several_aliases_match() -> None:
    listed = ListedParty("UK", "RUS0001", "Alrosa", aliases=("PJSC ALROSA", "ALROSA PAO"))
    assert len(screen_exact([("exporter", "alrosa")], [listed])) == 1


def test_no_hit_for_near_names_or_empty_names() -> None:
    parties = [("exporter", "Almaz Trading LLC"), ("importer", ""), ("importer", "PJSC")]
    assert screen_exact(parties, [ALMAZ_ANTEY, ALROSA]) == ()
    assert screen_exact([], [ALROSA]) == ()


def test_listed_parties_are_read_once_from_an_iterator() -> None:
    hits = screen_exact([("exporter", "Alrosa"), ("importer", "alrosa pjsc")], iter([ALROSA]))
    assert [h.party_role for h in hits] == ["exporter", "importer"]


def test_parties_of_declaration_and_certificate() -> None:
    decl = rough_declaration(exporter="Alrosa, PJSC", importer="Antwerp Rough Trading NV")
    cert = certificate(exporter="ALROSA PJSC", importer="Diamcor Antwerp BVBA")
    assert parties_of(decl, cert) == [
        ("exporter", "Alrosa, PJSC"),
        ("importer", "Antwerp Rough Trading NV"),
        ("KP importer", "Diamcor Antwerp BVBA"),
    ]
    assert parties_of(None, cert) == [
        ("KP exporter", "ALROSA PJSC"),
        ("KP importer", "Diamcor Antwerp BVBA"),
    ]
    assert parties_of(None, None) == []
    assert parties_of(rough_declaration(importer="  "), None) == [
        ("exporter", "Okavango Diamond Company")
    ]
