"""K3 (data out of date) and K5 (certificate used at another post) turn a CLEAR into a HOLD."""

from __future__ import annotations

from datetime import date

from domain.builders import DECIDED_AT, clean_input
from kiosk.domain.bundle import CertificateUse
from kiosk.domain.models import Outcome
from kiosk.domain.rules import RuleSet, evaluate


def test_clean_parcel_clears(ruleset: RuleSet) -> None:
    assert evaluate(ruleset, clean_input(), DECIDED_AT).outcome is Outcome.CLEAR


def test_stale_data_holds_and_says_why(ruleset: RuleSet) -> None:
    why = "kiosk data older than 72 h (bundle 4 published 2026-05-27 08:00 UTC)"
    result = evaluate(ruleset, clean_input(data_stale=True, data_stale_why=why), DECIDED_AT)
    assert result.outcome is Outcome.HOLD
    (reason,) = result.reasons
    assert reason.rule_id == "K3"
    assert reason.message.endswith(f"out of date: {why}")
    assert "maximum data age" in reason.legal_basis


def test_certificate_used_at_another_post_holds(ruleset: RuleSet) -> None:
    use = CertificateUse("kp", "BW0123456", "BE-BRU-AP", date(2026, 5, 30), "INS-20260530-1")
    result = evaluate(ruleset, clean_input(certificate_uses=(use,)), DECIDED_AT)
    assert result.outcome is Outcome.HOLD
    (reason,) = result.reasons
    assert reason.rule_id == "K5"
    assert reason.message == (
        "KP certificate BW0123456 already used at BE-BRU-AP on 2026-05-30 "
        "(inspection INS-20260530-1)"
    )
