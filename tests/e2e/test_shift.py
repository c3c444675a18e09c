"""End to end: the whole kiosk (real GUI, real drivers on simulator ptys, a real SQLite file)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.demo import AutoShift, demo_settings, wait_until
from kiosk.domain.models import IdentifierKind, InspectionState
from kiosk.services.simulation import SimulatedPost, sample_parcels
from kiosk.settings import Settings
from kiosk.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def kiosk(tmp_path: Path, qtbot: QtBot) -> Iterator[Kiosk]:
    k = Kiosk(demo_settings(Settings(), tmp_path))
    k.start()
    k.window.resize(1280, 800)
    k.window.present()
    yield k
    k.stop()


def _parcel_index(label_start: str) -> int:
    for i, parcel in enumerate(sample_parcels()):
        if parcel.label.startswith(label_start):
            return i
    raise AssertionError(f"no sample parcel {label_start!r}")


def test_one_shift_clear_and_refuse(kiosk: Kiosk, tmp_path: Path) -> None:
    post = SimulatedPost(kiosk.devices, sample_parcels())
    shift = AutoShift(kiosk, post, tmp_path, delay_ms=0)
    shift.sign_in()
    assert kiosk.window.current_screen is kiosk.window.inspection_screen

    clear = shift.inspect(_parcel_index("Botswana rough, weight within"))
    assert clear.verdict == "CLEAR"
    text = "\n".join(page.extract_text() for page in PdfReader(clear.slip).pages)
    assert clear.inspection in text
    assert "CLEAR" in text
    assert "BW2026004417" in text
    assert "An Peeters" in text
    assert Path(clear.screenshot).stat().st_size > 10_000

    refuse = shift.inspect(_parcel_index("Russian rough"))
    assert refuse.verdict == "REFUSE"
    text = "\n".join(page.extract_text() for page in PdfReader(refuse.slip).pages)
    assert "R2" in text
    assert "833/2014" in text

    shift.sign_out()
    assert kiosk.window.current_screen is kiosk.window.sign_in_screen

    store = Store.open(kiosk.settings.database_url)
    try:
        first = store.get(clear.inspection)
        assert first.state is InspectionState.CLOSED
        assert first.printed_at is not None
        assert first.reading is not None
        assert str(first.reading.carats) == "1250.404"
        assert first.photo is not None
        assert Path(first.photo.path).is_file()
        kinds = {i.kind for i in first.identifiers}
        assert {IdentifierKind.KP_CERTIFICATE, IdentifierKind.MRN, IdentifierKind.AWB} <= kinds
    finally:
        store.close()


def test_wrong_pin_is_shown_on_the_sign_in_screen(kiosk: Kiosk) -> None:
    screen = kiosk.window.sign_in_screen
    wait_until(lambda: "inspector" in screen.user_buttons(), 20_000, "users")
    screen.user_buttons()["inspector"].click()
    pad = screen.pad_buttons()
    for digit in "9999":
        pad[digit].click()
    pad["OK"].click()
    wait_until(lambda: "Wrong PIN" in screen.error_text(), 20_000, "the wrong-PIN message")
    assert kiosk.controller.user is None
    assert kiosk.window.current_screen is screen


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kiosk.app import Kiosk
    from kiosk.demo import demo_settings, wait_until
    from kiosk.settings import Settings
    k = Kiosk(demo_settings(Settings(), Path(sys.argv[1])))
    k.start()
    c = k.controller
    c.sign_in("inspector", "1234")
    wait_until(lambda: c.current is not None, 20000, "an inspection")
    wait_until(lambda: k.devices.simulators.reader is not None
               and k.devices.state("reader")[0] == "ok", 20000, "the reader")
    k.devices.simulators.reader.scan("BW2026004417")
    wait_until(lambda: c.current is not None and len(c.current.identifiers) == 1, 20000, "a scan")
    print("SAVED", c.current.id, flush=True)
    wait_until(lambda: False, 60000, "the kill")
    """
)


def test_killed_kiosk_reopens_the_unfinished_inspection(tmp_path: Path, qtbot: QtBot) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
        assert line[:1] == ["SAVED"], f"child said {line!r}"
        inspection_id = line[1]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    k = Kiosk(demo_settings(Settings(), tmp_path))
    try:
        k.start()
        k.controller.sign_in("inspector", "1234")
        wait_until(lambda: k.controller.current is not None, 20_000, "the resumed inspection")
        current = k.controller.current
        assert current is not None
        assert current.id == inspection_id
        assert [i.value for i in current.identifiers] == ["BW2026004417"]
    finally:
        k.stop()
