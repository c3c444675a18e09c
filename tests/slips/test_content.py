"""What a slip says, read back from the PDF with pypdf."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from kiosk.domain.models import InspectionState, Outcome, WeightReading, WeightState
from kiosk.slips import SlipContext, SlipError, render_slip
from slips.factories import (
    DECIDED_AT,
    INSPECTION_ID,
    make_context,
    make_declaration,
    make_inspection,
    make_override,
    make_reason,
)
from slips.helpers import flat, page_sizes_mm, pdf_text


def test_clear_slip_prints_the_essentials() -> None:
    pdf = render_slip(make_inspection(Outcome.CLEAR), make_context())
    text = pdf_text(pdf)
    for expected in (
        INSPECTION_ID,
        "Antwerp Diamond Office",
        "BE-ANR-DO",
        "ANR-DO-01",
        "DIAMOND PARCEL INSPECTION",
        "Els Vermeulen",
        "CLEAR",
        "BW-2026-004711",
        "26BE000000012345A0",
        "020-12345675",
        "SEAL-0099",
        "125.400 ct",
        "125.388 ct",
        "-0.012 ct",
        "S S     125.388 ct",
        "2026.03.14-1",
        "2026-03-14 06:00:00 UTC",
        "RS-2026-01",
    ):
        assert expected in text, expected
    assert "Supervisor" not in text  # no override, no supervisor line


def test_invalid_identifier_is_marked() -> None:
    text = pdf_text(render_slip(make_inspection(), make_context()))
    assert "[INVALID] Seal: SEAL-0099" in text
    assert "seal number differs from the documents" in text
    assert "[INVALID] KP" not in text


def test_old_declared_and_new_seals_are_printed() -> None:
    inspection = make_inspection(
        declaration=make_declaration(seal_numbers=("SEAL-0098",)),
        notes=("New seal: SL41009999",),
    )
    text = flat(pdf_text(render_slip(inspection, make_context())))
    assert flat("Old seal (found): SEAL-0099") in text
    assert flat("Declared: SEAL-0098") in text
    assert flat("New seal (applied): SL41009999") in text
    unsealed = flat(pdf_text(render_slip(make_inspection(), make_context())))
    assert flat("New seal (applied): not recorded") in unsealed


def test_page_is_an_80_mm_roll_fitted_to_the_content() -> None:
    sizes = page_sizes_mm(render_slip(make_inspection(), make_context()))
    assert len(sizes) == 1
    width_mm, height_mm = sizes[0]
    assert width_mm == pytest.approx(80.0, abs=0.01)
    assert 120 < height_mm < 400


def test_times_are_local_with_zone_and_utc() -> None:
    winter = pdf_text(render_slip(make_inspection(), make_context()))
    assert "2026-03-15 14:02:11 CET +01:00" in winter
    assert "2026-03-15 13:02:11 UTC" in winter
    summer_verdict = make_inspection().verdict
    assert summer_verdict is not None
    from dataclasses import replace

    summer = make_inspection(
        verdict=replace(summer_verdict, decided_at=datetime(2026, 7, 1, 8, 0, tzinfo=UTC))
    )
    text = pdf_text(render_slip(summer, make_context(timezone="Europe/Brussels")))
    assert "2026-07-01 10:00:00 CEST +02:00" in text
    assert "2026-07-01 08:00:00 UTC" in text


@pytest.mark.parametrize("outcome", list(Outcome))
def test_each_outcome_word_is_printed(outcome: Outcome) -> None:
    reasons = () if outcome is Outcome.CLEAR else (make_reason("R2", outcome),)
    text = pdf_text(render_slip(make_inspection(outcome, reasons), make_context()))
    assert outcome.label in text.split()


def test_hold_lists_every_reason_with_its_legal_basis() -> None:
    reasons = (
        make_reason(
            "R11",
            Outcome.HOLD,
            message="Measured carats differ from the certificate beyond tolerance.",
            details=(("tolerance", "0.010 ct"),),
        ),
        make_reason("R9", Outcome.HOLD, message="Seal number differs from the documents."),
    )
    text = pdf_text(render_slip(make_inspection(Outcome.HOLD, reasons), make_context()))
    assert "REASONS (2)" in text
    for reason in reasons:
        assert reason.rule_id in text
        assert flat(reason.legal_basis) in flat(text)
        assert flat(reason.message) in flat(text)
    assert "tolerance: 0.010 ct" in text


def test_refuse_slip() -> None:
    reason = make_reason(
        "R2",
        Outcome.REFUSE,
        legal_basis="Reg. (EU) 833/2014 Art. 3p(1)-(2)",
        message="Mining origin RU declared on the KP certificate.",
    )
    inspection = make_inspection(
        Outcome.REFUSE, (reason,), declaration=make_declaration(origin_countries=("RU",))
    )
    text = pdf_text(render_slip(inspection, make_context()))
    assert "REFUSE" in text
    assert "Art. 3p(1)-(2)" in text
    assert "Origin: RU" in text


def test_override_block_names_supervisor_code_and_both_outcomes() -> None:
    inspection = make_inspection(
        Outcome.HOLD,
        (make_reason("R11", Outcome.HOLD),),
        override=make_override(Outcome.CLEAR),
        state=InspectionState.OVERRIDDEN,
    )
    text = pdf_text(render_slip(inspection, make_context(supervisor_name="Jan Peeters")))
    assert "SUPERVISOR OVERRIDE" in text
    assert "Supervisor: Jan Peeters (jpeeters)" in text
    assert "Reason code: documents produced" in text
    assert flat("Original packing list produced by the agent; carats reconciled.") in flat(text)
    assert "Original outcome: HOLD" in text
    assert "New outcome: CLEAR" in text
    # The box shows the outcome that stands, and says what it replaced.
    assert "overridden to CLEAR" in text
    assert text.index("CLEAR") < text.index("REASONS")


def test_override_without_display_name_uses_the_user_name() -> None:
    inspection = make_inspection(Outcome.HOLD, override=make_override(Outcome.CLEAR))
    text = pdf_text(render_slip(inspection, make_context()))
    assert "Supervisor: jpeeters" in text


def test_long_reason_list_grows_the_page_and_keeps_every_reason() -> None:
    few = render_slip(
        make_inspection(Outcome.HOLD, (make_reason("R1", Outcome.HOLD),)), make_context()
    )
    reasons = tuple(
        make_reason(
            f"R{n:03d}",
            Outcome.HOLD,
            message=f"Finding number {n}: " + "the documents disagree on this point. " * 3,
        )
        for n in range(1, 11)
    )
    many = render_slip(make_inspection(Outcome.HOLD, reasons), make_context())
    ((_, few_h),) = page_sizes_mm(few)
    sizes = page_sizes_mm(many)
    assert len(sizes) == 1
    assert sizes[0][1] > few_h + 150
    text = flat(pdf_text(many))
    for reason in reasons:
        assert flat(reason.legal_basis) in text
        assert flat(reason.message) in text
    assert "Rulesetversion" not in text  # sanity: the data block is a labelled line
    assert flat("Rule set: RS-2026-01") in text


def test_very_long_slip_is_split_over_pages_not_clipped() -> None:
    reasons = tuple(
        make_reason(f"R{n:03d}", Outcome.HOLD, message="A long finding. " * 20)
        for n in range(1, 121)
    )
    pdf = render_slip(make_inspection(Outcome.HOLD, reasons), make_context())
    sizes = page_sizes_mm(pdf)
    assert len(sizes) >= 2
    for width_mm, height_mm in sizes:
        assert width_mm == pytest.approx(80.0, abs=0.01)
        assert height_mm <= 600.0 + 0.01
    text = pdf_text(pdf)
    for reason in reasons:
        assert f"{reason.rule_id} - HOLD" in text
    assert f"page {len(sizes)}/{len(sizes)}" in text
    assert flat("Keep this slip with the parcel documents.") in flat(text)


def test_long_unbroken_values_wrap_instead_of_running_off() -> None:
    word = "X" * 180
    inspection = make_inspection(
        Outcome.HOLD, (make_reason("R9", Outcome.HOLD, message=f"Seal {word} unknown."),)
    )
    text = pdf_text(render_slip(inspection, make_context()))
    assert word in flat(text)


def test_cyrillic_and_accented_names_render_as_text() -> None:
    decl = make_declaration(exporter="ООО «Алмазы Якутии»", importer="Société Anversoise Müller")
    text = pdf_text(
        render_slip(make_inspection(declaration=decl), make_context(inspector_name="Zoë Ñúñez"))
    )
    assert "Алмазы Якутии" in text
    assert "Société Anversoise Müller" in text
    assert "Zoë Ñúñez" in text


def test_unstable_reading_and_control_characters_are_shown() -> None:
    reading = WeightReading(
        carats=Decimal("3.5"),
        state=WeightState.DYNAMIC,
        raw="SI D       3.500 ct\r\n",
        taken_at=DECIDED_AT,
    )
    text = pdf_text(render_slip(make_inspection(reading=reading), make_context()))
    assert "3.500 ct" in text
    assert flat("NOT STABLE (dynamic)") in flat(text)
    assert "<CR><LF>" in text


def test_missing_weights_are_said_not_guessed() -> None:
    inspection = make_inspection(reading=None, declaration=None)
    text = pdf_text(render_slip(inspection, make_context(kp_certificate=None)))
    assert "Measured: not weighed" in text
    assert "Declared: not declared" in text
    assert "no KP certificate on file" in text
    assert "No declaration was recorded." in text


def test_context_versions_fall_back_to_the_verdict() -> None:
    ctx = make_context(data_version="", ruleset_version="", data_published_at=None)
    text = pdf_text(render_slip(make_inspection(), ctx))
    assert "Data version: 2026.03.14-1" in text
    assert "Rule set: RS-2026-01" in text
    assert "Data published: unknown" in text


def test_rendering_is_deterministic() -> None:
    inspection, ctx = (
        make_inspection(Outcome.HOLD, (make_reason("R5", Outcome.HOLD),)),
        make_context(),
    )
    assert render_slip(inspection, ctx) == render_slip(inspection, ctx)


def test_inspection_without_verdict_is_refused_clearly() -> None:
    with pytest.raises(SlipError, match="no verdict yet"):
        render_slip(make_inspection(verdict=None), make_context())


def test_naive_datetime_is_refused_clearly() -> None:
    verdict = make_inspection().verdict
    assert verdict is not None
    from dataclasses import replace

    naive = make_inspection(verdict=replace(verdict, decided_at=datetime(2026, 3, 15, 13, 0)))
    with pytest.raises(SlipError, match="timezone-aware"):
        render_slip(naive, make_context())


def test_id_that_cannot_be_a_barcode_is_refused_clearly() -> None:
    with pytest.raises(SlipError, match="printable ASCII"):
        render_slip(make_inspection(id="INSP-Ж-1"), make_context())
    with pytest.raises(SlipError, match="too long"):
        render_slip(make_inspection(id="X" * 120), make_context())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"timezone": "Mars/Olympus_Mons"}, "unknown time zone"),
        ({"post_code": " "}, "post_code must not be empty"),
        ({"data_published_at": datetime(2026, 3, 14)}, "timezone-aware"),
    ],
)
def test_bad_context_is_refused_clearly(changes: dict[str, object], message: str) -> None:
    with pytest.raises(SlipError, match=message):
        make_context(**changes)


def test_context_defaults_to_brussels() -> None:
    ctx = SlipContext("BE-BRU", "Brussels Airport", "BRU-01", "A. Inspector")
    assert ctx.timezone == "Europe/Brussels"
    assert ctx.supervisor_name is None
