"""The rule table R1-R18 and K1-K4, case by case, at the boundary dates and thresholds."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from domain.builders import (
    DECIDED_AT,
    RULESET_PATH,
    certificate,
    clean_input,
    reading,
    rough_declaration,
)
from kiosk.domain.identifiers import classify
from kiosk.domain.models import (
    Exemption,
    ListedParty,
    Outcome,
    ScreeningHit,
    StoneBand,
    Verdict,
    WeightState,
)
from kiosk.domain.rules import (
    OK_REASON_ID,
    CheckInput,
    RuleSet,
    evaluate,
    override_problem,
    parse_ruleset,
)
from kiosk.domain.screening import parties_of, screen_exact

D = Decimal
BAN = date(2024, 1, 1)
ONE_CT = date(2024, 3, 1)
HALF_CT = date(2024, 9, 1)
MIXED = date(2025, 3, 1)
TRACE = date(2026, 1, 1)
DAY = timedelta(days=1)


def verdict(ruleset: RuleSet, inp: CheckInput) -> Verdict:
    return evaluate(ruleset, inp, DECIDED_AT, data_version="lists-2026-11-26")


def fired(ruleset: RuleSet, inp: CheckInput) -> dict[str, list[Outcome]]:
    """Rule id -> outcomes of the reasons it gave."""
    result: dict[str, list[Outcome]] = {}
    for reason in verdict(ruleset, inp).reasons:
        result.setdefault(reason.rule_id, []).append(reason.outcome)
    return result


def polished(at: date, **changes: Any) -> CheckInput:
    """Polished diamonds (7102 39) cut in India; no KP certificate (not rough)."""
    decl = rough_declaration(
        cn_code="7102 39 00",
        kp_number=None,
        processed_in="IN",
        origin_countries=("BW",),
        export_country="IN",
        seal_numbers=(),
        declared_carats=D("12.00"),
        stones=(StoneBand(D("0.30"), D("0.50"), 30, D("12.00")),),
    )
    decl = dataclasses.replace(decl, **changes)
    return clean_input(
        at,
        declaration=decl,
        kp_certificate=None,
        kp_number=None,
        identifiers=(),
        reading=reading(str(decl.declared_carats)),
    )


# ---- The clean parcel ---------------------------------------------------------------------------


@pytest.mark.parametrize("at", [date(2023, 12, 31), BAN, ONE_CT, HALF_CT, MIXED, TRACE])
def test_clean_rough_parcel_is_clear_with_one_ok_reason(ruleset: RuleSet, at: date) -> None:
    result = verdict(ruleset, clean_input(at))
    assert result.outcome is Outcome.CLEAR
    assert [r.rule_id for r in result.reasons] == [OK_REASON_ID]
    assert result.reasons[0].message == "OK: all checks passed"
    assert result.ruleset_version == "article3p 2026.11.2"
    assert result.data_version == "lists-2026-11-26"
    assert result.decided_at == DECIDED_AT


def test_decided_at_must_be_aware_and_is_recorded_in_utc(ruleset: RuleSet) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        evaluate(ruleset, clean_input(), datetime(2026, 6, 1, 9, 30))
    brussels = datetime(2026, 6, 1, 11, 30, tzinfo=timezone(timedelta(hours=2)))
    assert evaluate(ruleset, clean_input(), brussels).decided_at == DECIDED_AT
    assert evaluate(ruleset, clean_input(), brussels).decided_at.tzinfo is UTC


def test_verdict_is_the_worst_reason_and_reasons_are_listed_worst_first(ruleset: RuleSet) -> None:
    inp = clean_input(photo=None, declaration=rough_declaration(export_country="RU"))
    result = verdict(ruleset, inp)
    assert result.outcome is Outcome.REFUSE
    outcomes = [r.outcome for r in result.reasons]
    assert outcomes == sorted(outcomes, reverse=True)
    assert {r.rule_id for r in result.reasons} == {"R2", "K2"}
    assert all(r.legal_basis for r in result.reasons)
    assert all("{" not in r.message for r in result.reasons)


# ---- R2: Russian origin, export, transit, KP ----------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "evidence"),
    [
        ({"declaration": rough_declaration(origin_countries=("BW", "RU"))}, "mining origin RU"),
        ({"declaration": rough_declaration(export_country="RU")}, "exported from RU"),
        ({"declaration": rough_declaration(route=("AE", "RU"))}, "transited RU"),
        ({"kp_certificate": certificate(issuing_country="RU")}, "KP certificate issued by RU"),
        ({"kp_certificate": certificate(provenance_country="RU")}, "KP provenance RU"),
        ({"kp_certificate": certificate(origin_countries=("RU",))}, "KP origin RU"),
        ({"kp_number": "RU 0000123", "kp_certificate": None}, "KP certificate number RU 0000123"),
    ],
)
def test_r2_russian_link_refuses_from_the_ban_date(
    ruleset: RuleSet, changes: dict[str, Any], evidence: str
) -> None:
    before = fired(ruleset, clean_input(BAN - DAY, **changes))
    assert "R2" not in before
    result = verdict(ruleset, clean_input(BAN, **changes))
    assert result.outcome is Outcome.REFUSE
    r2 = [r for r in result.reasons if r.rule_id == "R2"]
    assert len(r2) == 1
    assert evidence in r2[0].message
    assert r2[0].legal_basis == "Reg. (EU) 833/2014 Art. 3p(1)-(2)"
    assert ("countries", "RU") in r2[0].details


def test_r2_russian_input_cut_elsewhere_is_not_r2_but_cut_in_russia_is(ruleset: RuleSet) -> None:
    cut_in_india = polished(HALF_CT, origin_countries=("RU",))
    assert "R2" not in fired(ruleset, cut_in_india)
    cut_in_russia = polished(HALF_CT, origin_countries=("RU",), processed_in="RU")
    assert fired(ruleset, cut_in_russia)["R2"] == [Outcome.REFUSE]


# ---- R3/R4: third-country processing, per-stone thresholds --------------------------------------


def _bands(low: str, high: str | None, stones: int = 10) -> tuple[StoneBand, ...]:
    carats = D(low) * stones
    return (StoneBand(D(low), None if high is None else D(high), stones, carats),)


def _russian_polished(at: date, bands: tuple[StoneBand, ...], cn: str = "7102 39 00") -> CheckInput:
    total = sum((b.carats for b in bands), D(0))
    return polished(at, cn_code=cn, origin_countries=("RU",), stones=bands, declared_carats=total)


@pytest.mark.parametrize(
    ("at", "low", "high", "expected"),
    [
        (ONE_CT - DAY, "1.0", "2.0", set()),
        (ONE_CT, "1.0", "2.0", {"R3"}),
        (ONE_CT, "0.9", "1.0", set()),  # max is exclusive: every stone is below 1.0 ct
        (ONE_CT, "0.9", "1.01", {"R3"}),
        (ONE_CT, "0.5", "1.0", set()),
        (HALF_CT - DAY, "0.5", "1.0", set()),
        (HALF_CT, "0.5", "1.0", {"R4"}),
        (HALF_CT, "0.3", "0.5", set()),  # 0.5 ct = 0.1 g exactly, and max is exclusive
        (HALF_CT, "0.3", "0.51", {"R4"}),
        (HALF_CT, "1.0", None, {"R3", "R4"}),
    ],
)
def test_r3_r4_thresholds_by_date(
    ruleset: RuleSet, at: date, low: str, high: str | None, expected: set[str]
) -> None:
    got = fired(ruleset, _russian_polished(at, _bands(low, high)))
    assert {r for r in got if r in {"R3", "R4"}} == expected
    if expected:
        assert verdict(ruleset, _russian_polished(at, _bands(low, high))).outcome is Outcome.REFUSE


def test_r4_message_names_threshold_in_carats_and_grams(ruleset: RuleSet) -> None:
    result = verdict(ruleset, _russian_polished(HALF_CT, _bands("0.5", "1.0")))
    r4 = next(r for r in result.reasons if r.rule_id == "R4")
    assert "0.5 ct or 0.1 g" in r4.message
    assert r4.message.startswith("Cut in IN from RU diamonds")
    assert dict(r4.details)["processed_in"] == "IN"
    assert r4.legal_basis == "Reg. (EU) 833/2014 Art. 3p(4)"


def test_r4_covers_lab_grown_part_b_from_half_ct_date_and_r3_never(ruleset: RuleSet) -> None:
    lab = _bands("1.0", "2.0")
    assert "R3" not in fired(ruleset, _russian_polished(ONE_CT, lab, cn="7104 21 00"))
    assert fired(ruleset, _russian_polished(HALF_CT, lab, cn="7104 21 00"))["R4"] == [
        Outcome.REFUSE
    ]


def test_r3_fires_on_measured_average_even_when_bands_claim_small_stones(
    ruleset: RuleSet,
) -> None:
    # 10 stones declared under 0.5 ct, but the parcel weighs 15 ct: the average is 1.5 ct
    inp = _russian_polished(ONE_CT, _bands("0.3", "0.5"))
    inp = dataclasses.replace(inp, reading=reading("15.000"))
    got = verdict(ruleset, inp)
    r3 = next(r for r in got.reasons if r.rule_id == "R3")
    assert "measured average 1.500 ct" in r3.message
    assert "R5" in {r.rule_id for r in got.reasons}  # and the bands are implausible


def test_threshold_in_grams_applies_when_lower_than_carats(ruleset: RuleSet) -> None:
    data = json.loads(RULESET_PATH.read_text(encoding="utf-8"))
    r4 = next(r for r in data["rules"] if r["id"] == "R4")
    r4["params"]["threshold_ct"] = "1.0"  # only the 0.1 g limit (= 0.5 ct) is then binding
    custom = parse_ruleset(json.dumps(data))
    assert "R4" in fired(custom, _russian_polished(HALF_CT, _bands("0.5", "0.9")))
    r4["params"]["threshold_g"] = "0.2"  # 1.0 ct
    custom = parse_ruleset(json.dumps(data))
    assert "R4" not in fired(custom, _russian_polished(HALF_CT, _bands("0.5", "0.9")))


# ---- R5: stone sizes and origin evidence --------------------------------------------------------


def test_r5_no_stone_sizes_declared_holds(ruleset: RuleSet) -> None:
    inp = clean_input(ONE_CT, declaration=rough_declaration(stones=()))
    assert fired(ruleset, inp)["R5"] == [Outcome.HOLD]
    assert "R5" not in fired(ruleset, clean_input(ONE_CT - DAY, declaration=inp.declaration))


@pytest.mark.parametrize(
    ("at", "low", "high", "holds"),
    [
        (HALF_CT - DAY, "0.5", "1.0", False),  # 1.0 ct limit then
        (HALF_CT - DAY, "1.0", "2.0", True),
        (HALF_CT, "0.5", "1.0", True),  # 0.5 ct limit from 2024-09-01
        (HALF_CT, "0.3", "0.5", False),
    ],
)
def test_r5_stones_over_the_threshold_without_origin_evidence(
    ruleset: RuleSet, at: date, low: str, high: str, holds: bool
) -> None:
    bands = _bands(low, high)
    total = bands[0].carats
    decl = rough_declaration(
        origin_evidence=False, stones=bands, declared_carats=total, g7_certificate=None
    )
    inp = clean_input(
        at,
        declaration=decl,
        reading=reading(str(total)),
        kp_certificate=certificate(carats=total, expires_on=date(2099, 1, 1)),
    )
    assert ("R5" in fired(ruleset, inp)) is holds


def test_r5_plausibility_of_declared_bands_against_measured_carats(ruleset: RuleSet) -> None:
    # 370 stones between 0.10 and 1.00 ct weigh 37 to 370 ct: 30 ct is impossible
    light = clean_input(reading=reading("30.000"))
    reasons = [r for r in verdict(ruleset, light).reasons if r.rule_id == "R5"]
    assert len(reasons) == 1
    assert "measured 30.000 ct" in reasons[0].message
    assert "370 stones" in reasons[0].message
    # a band whose carats cannot fit its stone count
    bad_band = rough_declaration(
        stones=(
            StoneBand(D("0.10"), D("0.50"), 300, D("155.40")),
            StoneBand(D("0.50"), D("1.00"), 70, D("-30.00")),
        )
    )
    problems = [r.message for r in verdict(ruleset, clean_input(declaration=bad_band)).reasons]
    assert any("cannot weigh 155.40 ct" in m for m in problems)


def test_r5_bands_must_add_up_to_the_declared_carats(ruleset: RuleSet) -> None:
    inp = clean_input(declaration=rough_declaration(declared_carats=D("125.50")))
    messages = [r.message for r in verdict(ruleset, inp).reasons if r.rule_id == "R5"]
    assert any("add up to 125.40 ct, declared 125.50 ct" in m for m in messages)


# ---- R6: Part C, off until the Council sets a date ----------------------------------------------


def test_r6_part_c_is_off_until_activated(ruleset: RuleSet) -> None:
    jewellery = polished(
        TRACE, cn_code="7113 19 00", origin_countries=("RU",), stones=_bands("0.1", "0.2")
    )
    assert "R6" not in fired(ruleset, jewellery)
    data = json.loads(RULESET_PATH.read_text(encoding="utf-8"))
    next(r for r in data["rules"] if r["id"] == "R6")["params"]["active"] = True
    assert fired(parse_ruleset(json.dumps(data)), jewellery)["R6"] == [Outcome.REFUSE]


# ---- R7: traceability, with the superseded sunrise ends -----------------------------------------


def test_r7_traceability_from_2026_without_g7_certificate(ruleset: RuleSet) -> None:
    no_g7 = rough_declaration(g7_certificate=None)
    assert "R7" not in fired(ruleset, clean_input(TRACE - DAY, declaration=no_g7))
    assert fired(ruleset, clean_input(TRACE, declaration=no_g7))["R7"] == [Outcome.HOLD]
    assert "R7" not in fired(ruleset, clean_input(TRACE))
    scanned = clean_input(
        TRACE,
        declaration=no_g7,
        identifiers=(*clean_input().identifiers, classify("G7-BE-2026-000123")),
    )
    assert "R7" not in fired(ruleset, scanned)
    bad_g7 = rough_declaration(g7_certificate="G7-XX-1")
    assert "R7" in fired(ruleset, clean_input(TRACE, declaration=bad_g7))


def test_r7_small_stones_only_need_no_g7_certificate(ruleset: RuleSet) -> None:
    small = _bands("0.1", "0.5", stones=100)
    decl = rough_declaration(g7_certificate=None, stones=small, declared_carats=small[0].carats)
    inp = clean_input(
        TRACE,
        declaration=decl,
        reading=reading("10.000"),
        kp_certificate=certificate(carats=D("10.0"), expires_on=date(2099, 1, 1)),
    )
    assert "R7" not in fired(ruleset, inp)


@pytest.mark.parametrize(
    ("at", "sunrise_end"),
    [
        (date(2024, 5, 1), date(2024, 8, 31)),
        (date(2024, 6, 24), date(2025, 2, 28)),
        (date(2025, 2, 24), date(2025, 12, 31)),
        (date(2026, 11, 26), date(2025, 12, 31)),
    ],
)
def test_r7_versions_keep_the_superseded_sunrise_ends(
    ruleset: RuleSet, at: date, sunrise_end: date
) -> None:
    rule = ruleset.rule("R7", at)
    assert rule is not None
    assert rule.params.date("sunrise_end") == sunrise_end
    assert ruleset.rule("R7", date(2024, 2, 29)) is None


def test_replay_uses_the_rules_of_the_inspection_date(ruleset: RuleSet) -> None:
    no_g7 = rough_declaration(g7_certificate=None)
    # 2024-10-01: the 14th package had moved the sunrise end to 2025-02-28: no R7
    assert "R7" not in fired(ruleset, clean_input(date(2024, 10, 1), declaration=no_g7))
    one = ruleset.rule("R5", date(2024, 8, 31))
    half = ruleset.rule("R5", HALF_CT)
    assert one is not None
    assert half is not None
    assert one.params.decimal("threshold_ct") == D("1.0")
    assert half.params.decimal("threshold_ct") == D("0.5")
    assert half.params.decimal("threshold_g") == D("0.1")


# ---- R8: KP certificate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {
                "kp_number": None,
                "declaration": rough_declaration(kp_number=None),
                "identifiers": (),
            },
            "no KP certificate was presented",
        ),
        ({"kp_certificate": None}, "not in the KP certificate register"),
        ({"kp_participants": frozenset({"ZA"})}, "issuer BW is not a KP participant"),
        (
            {"kp_certificate": certificate(issuing_country="ZA", expires_on=date(2099, 1, 1))},
            "number prefix BW is not the issuing country ZA",
        ),
        ({"kp_number": "XX 123456"}, "XX is not an ISO 3166-1 country code"),
        ({"kp_number": "BW 7777777"}, "the declaration names certificate BW0123456"),
    ],
)
def test_r8_kp_certificate_problems_hold(
    ruleset: RuleSet, changes: dict[str, Any], problem: str
) -> None:
    result = verdict(ruleset, clean_input(**changes))
    r8 = [r for r in result.reasons if r.rule_id == "R8"]
    assert problem in [dict(r.details)["problem"] for r in r8]
    assert result.outcome is Outcome.HOLD
    assert r8[0].legal_basis == "Reg. (EC) 2368/2002 Arts 3 and 5"


def test_r8_expiry_is_checked_on_the_inspection_date(ruleset: RuleSet) -> None:
    at = date(2026, 6, 1)
    on_the_day = certificate(issued_on=date(2026, 4, 2), expires_on=at)
    assert "R8" not in fired(ruleset, clean_input(at, kp_certificate=on_the_day))
    result = verdict(ruleset, clean_input(at + DAY, kp_certificate=on_the_day))
    assert [r.message for r in result.reasons if r.rule_id == "R8"] == [
        "KP certificate BW0123456: expired on 2026-06-01"
    ]
    future = certificate(issued_on=at + DAY, expires_on=date(2099, 1, 1))
    assert "R8" in fired(ruleset, clean_input(at, kp_certificate=future))


def test_r8_does_not_apply_to_polished_goods(ruleset: RuleSet) -> None:
    assert "R8" not in fired(ruleset, polished(TRACE))


# ---- R9: seals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seals", "identifiers", "problem"),
    [
        (("SL 0012345",), (), "no seal was scanned"),
        ((), ("SL 0012345",), "the documents give no seal number"),
        (("SL 0012345", "SL 0012346"), ("SL 0012345",), "seal 0012346 not found on the parcel"),
        (("SL 0012345",), ("SL 0012345", "SEAL 0099999"), "seal 0099999 is not in the documents"),
    ],
)
def test_r9_seals_must_match_the_documents(
    ruleset: RuleSet, seals: tuple[str, ...], identifiers: tuple[str, ...], problem: str
) -> None:
    inp = clean_input(
        declaration=rough_declaration(seal_numbers=seals),
        identifiers=(classify("BW 0123456"), *(classify(s) for s in identifiers)),
    )
    problems = [
        dict(r.details)["problem"] for r in verdict(ruleset, inp).reasons if r.rule_id == "R9"
    ]
    assert problem in problems


def test_r9_seal_numbers_written_differently_still_match(ruleset: RuleSet) -> None:
    inp = clean_input(
        declaration=rough_declaration(seal_numbers=("SEAL-0012345",)),
        identifiers=(classify("sl0012345"),),
    )
    assert "R9" not in fired(ruleset, inp)


# ---- R10: mixed certificates --------------------------------------------------------------------


@pytest.mark.parametrize("origins", [(), ("XX",), ("BW", "MIXED")])
def test_r10_mixed_certificate_must_name_every_origin_from_2025_03_01(
    ruleset: RuleSet, origins: tuple[str, ...]
) -> None:
    cert = certificate(mixed=True, origin_countries=origins, expires_on=date(2099, 1, 1))
    no_g7 = rough_declaration(g7_certificate=None)
    assert "R10" not in fired(
        ruleset, clean_input(MIXED - DAY, kp_certificate=cert, declaration=no_g7)
    )
    assert fired(ruleset, clean_input(MIXED, kp_certificate=cert, declaration=no_g7))["R10"] == [
        Outcome.HOLD
    ]
    assert "R10" not in fired(ruleset, clean_input(MIXED, kp_certificate=cert))  # G7-verified


def test_r10_mixed_certificate_naming_every_country_passes(ruleset: RuleSet) -> None:
    cert = certificate(mixed=True, origin_countries=("BW", "NA", "ZA"), expires_on=date(2099, 1, 1))
    no_g7 = rough_declaration(g7_certificate=None)
    assert "R10" not in fired(ruleset, clean_input(MIXED, kp_certificate=cert, declaration=no_g7))


# ---- R11: carats and parcel count ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("measured", "holds"),
    [("125.410", False), ("125.390", False), ("125.411", True), ("125.389", True)],
)
def test_r11_measured_carats_against_tolerance(
    ruleset: RuleSet, measured: str, holds: bool
) -> None:
    inp = clean_input(reading=reading(measured))
    assert ("R11" in fired(ruleset, inp)) is holds


def test_r11_reports_both_documents_and_the_difference(ruleset: RuleSet) -> None:
    inp = clean_input(reading=reading("124.000"))
    reasons = [r for r in verdict(ruleset, inp).reasons if r.rule_id == "R11"]
    assert [dict(r.details)["problem"] for r in reasons] == [
        "weight differs from the KP certificate",
        "weight differs from the declaration",
    ]
    assert reasons[0].message == (
        "weight differs from the KP certificate: 124.000 ct against 125.400 ct "
        "(difference -1.400 ct, tolerance 0.010 ct)"
    )


def test_r11_documents_disagree_and_parcel_count(ruleset: RuleSet) -> None:
    cert = certificate(carats=D("126.00"), parcel_count=2, expires_on=date(2099, 1, 1))
    problems = [
        dict(r.details)["problem"]
        for r in verdict(ruleset, clean_input(kp_certificate=cert)).reasons
        if r.rule_id == "R11"
    ]
    assert "declared carats differ from the KP certificate" in problems
    assert "parcel count differs from the KP certificate" in problems
    tolerant = clean_input(
        kp_certificate=certificate(parcel_count=2, expires_on=date(2099, 1, 1)),
        parcel_count_tolerance=1,
    )
    assert "R11" not in fired(ruleset, tolerant)


def test_r11_needs_a_stable_reading_else_k1(ruleset: RuleSet) -> None:
    inp = clean_input(reading=reading("99.000", WeightState.DYNAMIC))
    got = fired(ruleset, inp)
    assert "R11" not in got
    assert got["K1"] == [Outcome.HOLD]


# ---- R12: sanctions -----------------------------------------------------------------------------

ALROSA = ListedParty("EU 269/2014", "EU.8282.49", "PJSC Alrosa", aliases=("АЛРОСА",))


def _hits(exporter: str) -> tuple[ScreeningHit, ...]:
    return screen_exact(parties_of(rough_declaration(exporter=exporter), None), [ALROSA])


def test_r12_listed_party_refuses(ruleset: RuleSet) -> None:
    result = verdict(ruleset, clean_input(sanction_hits=_hits("Alrosa, PJSC")))
    assert result.outcome is Outcome.REFUSE
    r12 = next(r for r in result.reasons if r.rule_id == "R12")
    assert r12.legal_basis == "Reg. (EU) 269/2014 Art. 2"
    assert dict(r12.details)["list_id"] == "EU.8282.49"
    assert "freeze and escalate" in r12.message
    assert "Alrosa, PJSC" in r12.message


def test_r12_review_scores_hold_and_low_scores_are_ignored(ruleset: RuleSet) -> None:
    (hit,) = _hits("Alrosa")
    review = dataclasses.replace(hit, score=0.85)
    low = dataclasses.replace(hit, score=0.5)
    assert fired(ruleset, clean_input(sanction_hits=(review,)))["R12"] == [Outcome.HOLD]
    assert "R12" not in fired(ruleset, clean_input(sanction_hits=(low,)))


def test_r12_is_never_set_aside_by_an_exemption_or_transit(ruleset: RuleSet) -> None:
    for exemption in (Exemption.TRANSIT, Exemption.PERSONAL_USE):
        decl = rough_declaration(exemption=exemption, cn_code="7113 19 00")
        result = verdict(ruleset, clean_input(declaration=decl, sanction_hits=_hits("Alrosa")))
        assert result.outcome is Outcome.REFUSE


# ---- R13-R17: exemptions and transit ------------------------------------------------------------


def _jewellery(at: date, exemption: Exemption | None, evidence: str | None = None) -> CheckInput:
    return polished(
        at,
        cn_code="7113 19 00",
        origin_countries=("RU",),
        processed_in=None,
        export_country="RU",
        exemption=exemption,
        exemption_evidence=evidence,
    )


def test_r13_personal_use_sets_aside_r2_only_from_the_ban_date(ruleset: RuleSet) -> None:
    assert verdict(ruleset, _jewellery(BAN, None)).outcome is Outcome.REFUSE
    result = verdict(ruleset, _jewellery(BAN, Exemption.PERSONAL_USE))
    assert result.outcome is Outcome.EXEMPT
    (r13,) = result.reasons
    assert r13.rule_id == "R13"
    assert ("set_aside", "R2") in r13.details
    assert "accepted" in r13.message


def test_r13_refused_for_goods_it_does_not_cover(ruleset: RuleSet) -> None:
    rough = clean_input(
        declaration=rough_declaration(exemption=Exemption.PERSONAL_USE, export_country="RU")
    )
    got = fired(ruleset, rough)
    assert got["R13"] == [Outcome.HOLD]
    assert got["R2"] == [Outcome.REFUSE]


@pytest.mark.parametrize(
    ("at", "evidence", "outcome"),
    [
        (date(2024, 6, 23), "2023-12-15 stock declaration", Outcome.REFUSE),  # not yet in force
        (date(2024, 6, 24), "2024-02-29 stock declaration", Outcome.EXEMPT),  # polished: < 03-01
        (date(2024, 6, 24), "2024-03-01 stock declaration", Outcome.REFUSE),
        (date(2024, 6, 24), "stock declaration", Outcome.REFUSE),
        (date(2024, 6, 24), "2024-02-30", Outcome.REFUSE),
    ],
)
def test_r14_grandfathering_evidence_must_predate_the_ban(
    ruleset: RuleSet, at: date, evidence: str, outcome: Outcome
) -> None:
    result = verdict(ruleset, _jewellery(at, Exemption.GRANDFATHERED, evidence))
    assert result.outcome is outcome
    if at >= date(2024, 6, 24) and outcome is Outcome.REFUSE:
        assert fired(ruleset, _jewellery(at, Exemption.GRANDFATHERED, evidence))["R14"] == [
            Outcome.HOLD
        ]


def test_r14_rough_uses_the_earlier_ban_date(ruleset: RuleSet) -> None:
    decl = rough_declaration(
        exemption=Exemption.GRANDFATHERED, exemption_evidence="2024-01-15", export_country="RU"
    )
    r14 = next(
        r for r in verdict(ruleset, clean_input(declaration=decl)).reasons if r.rule_id == "R14"
    )
    assert r14.outcome is Outcome.HOLD
    assert dict(r14.details)["ban_date"] == "2024-01-01"


def test_r15_temporary_import_needs_evidence_and_starts_2024_06_24(ruleset: RuleSet) -> None:
    fair = _jewellery(date(2024, 6, 24), Exemption.TEMPORARY_IMPORT, "ATA carnet BE/2024/123")
    assert verdict(ruleset, fair).outcome is Outcome.EXEMPT
    early = _jewellery(date(2024, 6, 23), Exemption.TEMPORARY_IMPORT, "ATA carnet")
    assert verdict(ruleset, early).outcome is Outcome.REFUSE
    bare = _jewellery(date(2024, 6, 24), Exemption.TEMPORARY_IMPORT)
    assert fired(ruleset, bare)["R15"] == [Outcome.HOLD]


def test_r16_authorisation_must_be_in_the_register(ruleset: RuleSet) -> None:
    claimed = _jewellery(TRACE, Exemption.AUTHORISATION, "BE-3P7-2025-0042")
    assert fired(ruleset, claimed)["R16"] == [Outcome.HOLD]
    known = dataclasses.replace(claimed, authorisations=frozenset({"BE-3P7-2025-0042"}))
    assert verdict(ruleset, known).outcome is Outcome.EXEMPT


def test_r17_declared_transit_with_intact_seals_skips_kp_import_checks(ruleset: RuleSet) -> None:
    decl = rough_declaration(exemption=Exemption.TRANSIT)
    transit = clean_input(declaration=decl, kp_certificate=None, reading=reading("124.000"))
    result = verdict(ruleset, transit)
    assert result.outcome is Outcome.CLEAR
    (r17,) = result.reasons
    assert r17.rule_id == "R17"
    assert ("set_aside", "R8, R11") in r17.details


def test_r17_transit_with_a_broken_seal_gets_full_kp_checks(ruleset: RuleSet) -> None:
    decl = rough_declaration(exemption=Exemption.TRANSIT, seal_numbers=("SL 0099999",))
    got = fired(ruleset, clean_input(declaration=decl, kp_certificate=None))
    assert got["R17"] == [Outcome.HOLD]
    assert "R8" in got
    assert "R9" in got


def test_r17_does_not_set_aside_article_3p(ruleset: RuleSet) -> None:
    decl = rough_declaration(exemption=Exemption.TRANSIT, origin_countries=("RU",))
    assert verdict(ruleset, clean_input(declaration=decl)).outcome is Outcome.REFUSE


# ---- R1: outside Annex XXXVIIIA -----------------------------------------------------------------


def test_r1_industrial_rough_skips_3p_but_not_kp(ruleset: RuleSet) -> None:
    decl = rough_declaration(cn_code="7102 21 00", origin_countries=("RU",), stones=())
    result = verdict(ruleset, clean_input(declaration=decl, kp_certificate=None))
    got = {r.rule_id: r for r in result.reasons}
    assert "R2" not in got
    assert "R5" not in got
    assert got["R1"].outcome is Outcome.CLEAR
    assert "Y872" in got["R1"].message
    assert dict(got["R1"].details)["set_aside"] == "R2"
    assert got["R8"].outcome is Outcome.HOLD
    assert result.outcome is Outcome.HOLD


# ---- K1-K4: kiosk procedure ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "rule", "text"),
    [
        ({"reading": None}, "K1", "No stable weight reading (no reading)"),
        ({"reading": reading("125.40", WeightState.OVERLOAD)}, "K1", "(overload)"),
        ({"photo": None}, "K2", "No photo"),
        ({"data_stale": True}, "K3", "out of date"),
        ({"declaration": None}, "K4", "identifiers: kp BW0123456, seal SL0012345"),
    ],
)
def test_kiosk_rules_hold(ruleset: RuleSet, changes: dict[str, Any], rule: str, text: str) -> None:
    result = verdict(ruleset, clean_input(**changes))
    reasons = [r for r in result.reasons if r.rule_id == rule]
    assert len(reasons) == 1
    assert text in reasons[0].message
    assert result.outcome is Outcome.HOLD


# ---- R18: overrides -----------------------------------------------------------------------------


def test_r18_override_only_on_hold_never_on_origin_or_sanctions(ruleset: RuleSet) -> None:
    at = date(2026, 6, 1)
    hold = verdict(ruleset, clean_input(photo=None))
    assert override_problem(ruleset, hold, at, "inspector1", "super1") is None
    same_person = override_problem(ruleset, hold, at, "inspector1", "Inspector1 ")
    assert same_person == "the supervisor must be a different person from the inspector"
    assert override_problem(ruleset, hold, at, "inspector1", " ") is not None
    clear = verdict(ruleset, clean_input())
    assert "CLEAR verdict cannot be overridden" in (
        override_problem(ruleset, clear, at, "i", "s") or ""
    )
    refuse = verdict(ruleset, clean_input(sanction_hits=_hits("Alrosa")))
    assert "cannot be overridden" in (override_problem(ruleset, refuse, at, "i", "s") or "")
    review_hit = dataclasses.replace(_hits("Alrosa")[0], score=0.8)
    held_on_r12 = verdict(ruleset, clean_input(sanction_hits=(review_hit,)))
    assert held_on_r12.outcome is Outcome.HOLD
    assert override_problem(ruleset, held_on_r12, at, "i", "s") == (
        "rule R12 can never be overridden (FPS Economy practice (AH-4311): two-person rule)"
    )
    assert "no override policy" in (
        override_problem(ruleset, hold, date(2000, 1, 1), "i", "s") or ""
    )


def test_policy_rules_are_not_evaluated_against_a_parcel(ruleset: RuleSet) -> None:
    assert all(r.rule_id != "R18" for r in verdict(ruleset, clean_input(photo=None)).reasons)


# ---- Many rules at once -------------------------------------------------------------------------


def test_everything_wrong_at_once(ruleset: RuleSet) -> None:
    inp = CheckInput(at=TRACE, kp_number="RU 0000123", data_stale=True)
    result = verdict(ruleset, inp)
    assert result.outcome is Outcome.REFUSE
    assert {r.rule_id for r in result.reasons} == {"R2", "R8", "K1", "K2", "K3", "K4"}
