"""InspectionController end to end: real SQLite file, sample data, simulated devices, real slip."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from kiosk.domain.identifiers import classify
from kiosk.domain.models import (
    Declaration,
    IdentifierKind,
    Inspection,
    InspectionState,
    Outcome,
    StoneBand,
    User,
)
from kiosk.services.devices import DeviceHub
from kiosk.services.inspection import SAMPLE_DIR, InspectionController, InspectionWork
from kiosk.settings import Settings, with_overrides
from kiosk.store.repository import Store

PARCELS: list[dict[str, Any]] = json.loads((SAMPLE_DIR / "parcels.json").read_text("utf-8"))


def parcel(expected: str, label_part: str = "") -> dict[str, Any]:
    return next(p for p in PARCELS if p["expected"] == expected and label_part in p["label"])


def kiosk_settings(tmp_path: Path, **sections: dict[str, object]) -> Settings:
    base = with_overrides(
        Settings(),
        data={
            "database": str(tmp_path / "kiosk.sqlite"),
            "photos_dir": str(tmp_path / "photos"),
            "slips_dir": str(tmp_path / "slips"),
        },
        scale={"stable_count": 3, "poll_interval_ms": 20, "timeout_s": 0.5},
        camera={"width": 320, "height": 240},
        printer={"folder": str(tmp_path / "printed")},
    )
    return with_overrides(base, **sections) if sections else base


@dataclass
class Kiosk:
    settings: Settings
    hub: DeviceHub
    controller: InspectionController
    inspections: list[Inspection]
    verdicts: list[Inspection]
    errors: list[str]


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[Kiosk]:
    settings = kiosk_settings(tmp_path)
    hub = DeviceHub(settings)
    controller = InspectionController(settings, hub)
    k = Kiosk(settings, hub, controller, [], [], [])
    controller.inspection_changed.connect(k.inspections.append)
    controller.verdict_ready.connect(k.verdicts.append)
    controller.error_occurred.connect(k.errors.append)
    try:
        controller.start()
        hub.start()
        # A scan sent before the reader opened its port is lost, as on a real line.
        qtbot.waitUntil(
            lambda: all(hub.state(d)[0] == "ok" for d in ("scale", "reader", "camera")),
            timeout=10000,
        )
        yield k
    finally:
        controller.shutdown()
        hub.stop()


def sign_in(qtbot: QtBot, k: Kiosk, username: str = "inspector", pin: str = "1234") -> User:
    with qtbot.waitSignal(k.controller.signed_in, timeout=10000) as blocker:
        k.controller.sign_in(username, pin)
    qtbot.waitUntil(lambda: k.controller.current is not None, timeout=5000)
    user = blocker.args[0]
    assert isinstance(user, User)
    return user


def scan_all(qtbot: QtBot, k: Kiosk, p: dict[str, Any]) -> None:
    sim = k.hub.simulators.reader
    assert sim is not None
    for s in p["scans"]:
        sim.scan(s["value"], s["symbology"])
    qtbot.waitUntil(
        lambda: k.controller.current is not None
        and len(k.controller.current.identifiers) == len(p["scans"]),
        timeout=10000,
    )


def weigh(qtbot: QtBot, k: Kiosk, weight_ct: str) -> Inspection:
    sim = k.hub.simulators.scale
    assert sim is not None
    with qtbot.waitSignal(k.controller.verdict_ready, timeout=15000) as blocker:
        sim.set_weight(Decimal(weight_ct))
    result = blocker.args[0]
    assert isinstance(result, Inspection)
    return result


def print_and_wait(qtbot: QtBot, k: Kiosk) -> None:
    """Press Print slip and wait until the inspection is recorded as printed."""
    with qtbot.waitSignal(k.controller.printed, timeout=10000):
        k.controller.print_slip()
    qtbot.waitUntil(
        lambda: k.controller.current is not None
        and k.controller.current.state is InspectionState.PRINTED,
        timeout=5000,
    )


def test_users_are_loaded_at_start(kiosk: Kiosk) -> None:
    names = [u.username for u in kiosk.controller.users()]
    assert names == ["inspector", "inspector2", "supervisor", "tech"]
    assert kiosk.controller.data_version is not None


def test_a_wrong_pin_is_refused_with_a_message(qtbot: QtBot, kiosk: Kiosk) -> None:
    with qtbot.waitSignal(kiosk.controller.sign_in_failed, timeout=10000) as blocker:
        kiosk.controller.sign_in("inspector", "9999")
    assert blocker.args[0] == "Wrong PIN. 4 attempts left."
    assert kiosk.controller.user is None


def test_scan_weigh_photo_gives_a_clear_verdict_and_a_slip(qtbot: QtBot, kiosk: Kiosk) -> None:
    user = sign_in(qtbot, kiosk)
    assert user.display_name == "An Peeters"
    p = parcel("CLEAR", "Botswana rough")
    found: list[object] = []
    kiosk.controller.certificate_found.connect(found.append)
    scan_all(qtbot, kiosk, p)
    assert found
    assert getattr(found[-1], "number", None) == p["scans"][0]["value"]
    result = weigh(qtbot, kiosk, p["weight_ct"])

    assert result.verdict is not None
    assert result.verdict.outcome is Outcome.CLEAR
    assert result.state is InspectionState.DECIDED
    assert result.reading is not None
    assert result.reading.carats == Decimal(p["weight_ct"])
    assert result.photo is not None
    assert Path(result.photo.path).is_file()
    assert result.declaration is not None
    kp = result.identifier(IdentifierKind.KP_CERTIFICATE)
    assert kp is not None
    assert kp.value == p["scans"][0]["value"]
    assert result.slip_path is not None
    slip = Path(result.slip_path)
    assert slip.parent == kiosk.settings.slips_path
    text = "".join(page.extract_text() for page in PdfReader(slip).pages)
    assert result.id in text
    assert "CLEAR" in text
    assert "An Peeters" in text
    assert kiosk.verdicts == [result]
    assert kiosk.errors == []


def test_refuse_then_print_then_next_parcel(qtbot: QtBot, kiosk: Kiosk) -> None:
    sign_in(qtbot, kiosk)
    p = parcel("REFUSE", "Russian")
    scan_all(qtbot, kiosk, p)
    result = weigh(qtbot, kiosk, p["weight_ct"])
    assert result.verdict is not None
    assert result.verdict.outcome is Outcome.REFUSE
    assert "R2" in {r.rule_id for r in result.verdict.reasons}

    with qtbot.waitSignal(kiosk.controller.printed, timeout=10000) as blocker:
        kiosk.controller.print_slip()
    destination = Path(blocker.args[0])
    assert destination.parent == kiosk.settings.printer_folder
    assert destination.read_bytes()[:5] == b"%PDF-"
    current = kiosk.controller.current
    assert current is not None
    assert current.state is InspectionState.PRINTED
    assert current.printed_at is not None

    # A printed inspection takes no more input: the user is told what to do.
    kiosk.controller.add_typed_identifier("SL41002006X")
    qtbot.waitUntil(lambda: any("Next parcel" in e for e in kiosk.errors), timeout=5000)

    first_id = current.id
    with qtbot.waitSignal(kiosk.controller.inspection_changed, timeout=10000) as changed:
        kiosk.controller.next_parcel()
    fresh = changed.args[0]
    assert isinstance(fresh, Inspection)
    assert fresh.id != first_id
    assert fresh.state is InspectionState.COLLECTING
    assert fresh.identifiers == ()


def test_check_now_decides_with_missing_inputs_as_reasons(qtbot: QtBot, kiosk: Kiosk) -> None:
    sign_in(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.controller.verdict_ready, timeout=10000) as blocker:
        kiosk.controller.add_typed_identifier("BW 2026004417")
        kiosk.controller.check_now()
    result = blocker.args[0]
    assert isinstance(result, Inspection)
    assert result.verdict is not None
    assert result.verdict.outcome is Outcome.HOLD
    rules = {r.rule_id for r in result.verdict.reasons}
    assert {"K1", "K2"} <= rules  # no weight, no photo
    assert result.slip_path is not None
    assert Path(result.slip_path).is_file()


def test_a_new_input_after_a_verdict_reruns_the_checks(qtbot: QtBot, kiosk: Kiosk) -> None:
    sign_in(qtbot, kiosk)
    p = parcel("CLEAR", "Botswana rough")
    sim = kiosk.hub.simulators.reader
    assert sim is not None
    sim.scan(p["scans"][0]["value"], "]C0")
    first = weigh(qtbot, kiosk, p["weight_ct"])
    assert first.verdict is not None
    with qtbot.waitSignal(kiosk.controller.verdict_ready, timeout=10000) as blocker:
        kiosk.controller.add_typed_identifier(p["scans"][3]["value"])
    again = blocker.args[0]
    assert isinstance(again, Inspection)
    assert again.id == first.id
    assert again.verdict is not None
    assert again.verdict.decided_at >= first.verdict.decided_at
    assert len(again.identifiers) == 2


def test_actions_before_sign_in_are_refused(qtbot: QtBot, kiosk: Kiosk) -> None:
    with qtbot.waitSignal(kiosk.controller.error_occurred, timeout=2000) as blocker:
        kiosk.controller.check_now()
    assert blocker.args[0] == "Sign in first."
    sim = kiosk.hub.simulators.reader
    assert sim is not None
    with qtbot.waitSignal(kiosk.hub.identifier_scanned, timeout=5000):
        sim.scan("BW2026004417", "]C0")  # ignored: nobody is signed in
    assert kiosk.controller.current is None


def test_print_before_a_verdict_is_refused(qtbot: QtBot, kiosk: Kiosk) -> None:
    sign_in(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.controller.error_occurred, timeout=2000) as blocker:
        kiosk.controller.print_slip()
    assert "check the parcel first" in blocker.args[0]


def test_the_unfinished_inspection_is_resumed_after_a_restart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = kiosk_settings(tmp_path)
    first = InspectionController(settings)
    try:
        first.start()
        with qtbot.waitSignal(first.signed_in, timeout=10000):
            first.sign_in("inspector", "1234")
        qtbot.waitUntil(lambda: first.current is not None, timeout=5000)
        first.add_typed_identifier("26BEDO2026000001J3")
        qtbot.waitUntil(
            lambda: first.current is not None and len(first.current.identifiers) == 1,
            timeout=5000,
        )
        assert first.current is not None
        started_id = first.current.id
    finally:
        first.shutdown()

    second = InspectionController(settings)
    try:
        second.start()
        with qtbot.waitSignal(second.signed_in, timeout=10000):
            second.sign_in("inspector2", "2468")
        qtbot.waitUntil(lambda: second.current is not None, timeout=5000)
        assert second.current is not None
        assert second.current.id == started_id
        assert [i.kind for i in second.current.identifiers] == [IdentifierKind.MRN]
    finally:
        second.shutdown()


def test_sign_out_forgets_the_user_and_busy_is_reported(qtbot: QtBot, kiosk: Kiosk) -> None:
    busy: list[bool] = []
    kiosk.controller.busy_changed.connect(busy.append)
    sign_in(qtbot, kiosk)
    assert busy[:1] == [True]
    qtbot.waitUntil(lambda: busy[-1] is False, timeout=5000)
    with qtbot.waitSignal(kiosk.controller.signed_out, timeout=2000):
        kiosk.controller.sign_out()
    assert kiosk.controller.user is None
    assert kiosk.controller.current is None


# ---- A typed declaration, the new seal, a reprint ---------------------------------------


UNKNOWN_KP = "CA2026990777"


def typed_declaration(kp_number: str = UNKNOWN_KP) -> Declaration:
    return Declaration(
        reference="typed at the kiosk",
        kp_number=kp_number,
        cn_code="7102.10.00",
        exporter="Northern Lights Rough Inc.",
        importer="Schelde Rough Trading BV",
        origin_countries=("CA",),
        export_country="CA",
        declared_carats=Decimal("100.000"),
        stones=(StoneBand(Decimal("0"), Decimal("0.5"), 400, Decimal("100.000")),),
    )


def test_a_typed_declaration_is_recorded_and_used_for_the_verdict(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    sign_in(qtbot, kiosk)
    kiosk.controller.add_typed_identifier(UNKNOWN_KP)
    qtbot.waitUntil(
        lambda: kiosk.controller.current is not None
        and len(kiosk.controller.current.identifiers) == 1,
        timeout=10000,
    )
    found: list[object] = []
    kiosk.controller.declaration_found.connect(found.append)
    declaration = typed_declaration()
    kiosk.controller.enter_declaration(declaration)
    qtbot.waitUntil(
        lambda: kiosk.controller.current is not None
        and kiosk.controller.current.declaration is not None,
        timeout=10000,
    )
    assert kiosk.controller.current is not None
    assert kiosk.controller.current.declaration == declaration
    assert found == [declaration]  # the screen is told, as for one found in the register
    result = weigh(qtbot, kiosk, "100.000")
    assert result.declaration == declaration
    assert result.verdict is not None
    # The declared exporter and the stones are what the rules saw: no "no declaration" hold.
    assert kiosk.errors == []
    with Store.open(kiosk.settings.database_url) as store:
        saved = store.get(result.id)
        kinds = [e.kind for e in store.events(result.id)]
    assert saved.declaration == declaration
    assert "input" in kinds

    # A new seal applied before printing goes onto the slip (re-written).
    with qtbot.waitSignal(kiosk.controller.inspection_changed, timeout=10000) as changed:
        kiosk.controller.apply_new_seal("SL41008888")
    sealed = changed.args[0]
    assert isinstance(sealed, Inspection)
    assert sealed.state is InspectionState.DECIDED
    assert sealed.slip_path is not None
    text = "".join(page.extract_text() for page in PdfReader(sealed.slip_path).pages)
    assert "SL41008888" in "".join(text.split())


def test_a_typed_declaration_gives_way_to_one_on_file(qtbot: QtBot, kiosk: Kiosk) -> None:
    sign_in(qtbot, kiosk)
    p = parcel("CLEAR", "Botswana rough")
    scan_all(qtbot, kiosk, p)
    with qtbot.waitSignal(kiosk.controller.error_occurred, timeout=10000) as blocker:
        kiosk.controller.enter_declaration(typed_declaration(p["scans"][0]["value"]))
    assert "is on file for this parcel" in blocker.args[0]
    current = kiosk.controller.current
    assert current is not None
    assert current.declaration is None or current.declaration.exporter != (
        "Northern Lights Rough Inc."
    )


def test_reprint_and_new_seal_are_recorded_in_the_audit_trail(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    sign_in(qtbot, kiosk)
    p = parcel("CLEAR", "Botswana rough")
    scan_all(qtbot, kiosk, p)
    decided = weigh(qtbot, kiosk, p["weight_ct"])

    with qtbot.waitSignal(kiosk.controller.error_occurred, timeout=5000) as refused:
        kiosk.controller.reprint_slip()  # nothing printed yet
    assert "press Print slip" in refused.args[0]

    print_and_wait(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.controller.printed, timeout=10000):
        kiosk.controller.reprint_slip()

    printed = kiosk.controller.current
    assert printed is not None
    with qtbot.waitSignal(kiosk.controller.inspection_changed, timeout=10000) as changed:
        kiosk.controller.apply_new_seal(" sl41009999 ")
    sealed = changed.args[0]
    assert isinstance(sealed, Inspection)
    assert sealed.new_seal == "SL41009999"
    assert sealed.verdict == printed.verdict  # the verdict stands
    assert sealed.slip_path == printed.slip_path  # a printed slip is not re-written
    assert sealed.state is InspectionState.PRINTED

    with Store.open(kiosk.settings.database_url) as store:
        events = store.events(decided.id)
    kinds = [e.kind for e in events]
    assert kinds.count("print") == 1
    assert kinds.count("reprint") == 1
    seal = next(e for e in events if e.kind == "seal_applied")
    assert seal.detail["new_seal"] == "SL41009999"
    assert seal.actor == "inspector"
    assert kiosk.errors == ["The slip has not been printed yet: press Print slip."]


def test_after_the_warm_up_the_first_scan_has_no_query_to_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The first read of an inspection and the first look-ups made SQLAlchemy build their
    # statements (14-21 ms of Python holding the GIL, while the screen showed the scan); the
    # warm-up runs them before the inspector's first scan. Writes are still built then.
    work = InspectionWork(kiosk_settings(tmp_path))
    work.open()
    try:
        assert work.store is not None
        user = work.store.user("inspector")
        assert user is not None
        assert work.warm_up() is False  # before the sign-in: no inspection to read yet
        work.resume_or_create(user)
        assert work.warm_up() is True
        caplog.set_level(logging.INFO, logger="sqlalchemy.engine.Engine")
        work.add_identifier(classify("BW2026004417"), user.display_name)  # the first scan
        logged = [r.getMessage() for r in caplog.records]
        # SQLAlchemy logs each statement, then "[generated in ...]" when it had to build it
        # or "[cached since ...]" when it had it already.
        built = [sql for sql, then in itertools.pairwise(logged) if "[generated in" in then]
        assert any("[cached since" in m for m in logged), "the check cannot see a build"
        assert [sql for sql in built if sql.lstrip().upper().startswith("SELECT")] == []
    finally:
        work.close()


def test_a_warm_up_before_the_sign_in_is_done_again_for_the_inspection_it_opens(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    with qtbot.waitSignal(kiosk.controller.warmed_up, timeout=10000):
        kiosk.controller.prepare()  # a user was chosen on the sign-in screen
    with qtbot.waitSignal(kiosk.controller.warmed_up, timeout=10000):
        sign_in(qtbot, kiosk)
    qtbot.waitUntil(lambda: not kiosk.controller.busy, timeout=5000)
    kiosk.controller.prepare()  # warm now: nothing is asked of the task thread again
    assert not kiosk.controller.busy


def test_a_code_scanned_again_is_not_recorded_again_even_after_printing(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    sign_in(qtbot, kiosk)
    p = next(p for p in PARCELS if p["expected"] == "CLEAR")
    scan_all(qtbot, kiosk, p)
    decided = weigh(qtbot, kiosk, p["weight_ct"])
    first = p["scans"][0]
    sim = kiosk.hub.simulators.reader
    assert sim is not None
    with qtbot.waitSignal(kiosk.controller.inspection_changed, timeout=10000) as again:
        sim.scan(first["value"], first["symbology"])
    repeated = again.args[0]
    assert isinstance(repeated, Inspection)
    assert repeated.identifiers == decided.identifiers
    assert repeated.verdict == decided.verdict  # the verdict stands: nothing new came in
    assert repeated.state is InspectionState.DECIDED

    print_and_wait(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.controller.inspection_changed, timeout=10000) as after:
        sim.scan(first["value"], first["symbology"])
    assert isinstance(after.args[0], Inspection)
    assert after.args[0].state is InspectionState.PRINTED
    assert kiosk.errors == []  # ignored, not refused as an input after printing

    with Store.open(kiosk.settings.database_url) as store:
        inputs = [e for e in store.events(decided.id) if e.kind == "input"]
    assert len([e for e in inputs if "identifier" in e.detail]) == len(p["scans"])
