"""``kiosk demo``: a shift on simulated devices and the sample data, through the real GUI.

With ``--auto`` a script signs in on the PIN pad, presents every sample parcel (its codes go
through the scanner simulator's pty, its weight through the balance simulator's), waits for the
verdict on screen, saves a screenshot and the slip, prints the slip, and moves to the next
parcel. One JSON line per parcel goes to stdout; the exit status is 0 when every verdict was the
one the sample data expects. Everything is written under ``--out``; the user's own database is
never touched. With ``--screenshots`` every screen is also grabbed in every language under
``--out/screens/<language>/`` (see ``kiosk.screenshots``), one JSON line per shot.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer, SignalInstance
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from kiosk.app import Kiosk, route_qt_messages_to_log, show_simulator_panel
from kiosk.domain.models import Inspection, Outcome
from kiosk.screenshots import LanguageShots
from kiosk.services.simulation import SimulatedPost, sample_parcels
from kiosk.settings import Settings, with_overrides

DEMO_USER = "inspector"
DEMO_PIN = "1234"
STEP_TIMEOUT_MS = 20_000


class DemoError(Exception):
    """The scripted shift could not go on; the message says where it stopped."""


def demo_settings(settings: Settings, out_dir: Path) -> Settings:
    """The user's settings with simulated devices and all data under ``out_dir``."""
    return with_overrides(
        settings,
        data={
            "database": str(out_dir / "demo.sqlite"),
            "photos_dir": str(out_dir / "photos"),
            "slips_dir": str(out_dir / "slips"),
            "sample_data": True,
        },
        scale={"backend": "simulated"},
        reader={"backend": "simulated"},
        camera={"backend": "simulated"},
        printer={"backend": "folder", "folder": str(out_dir / "printed")},
        ui={"fullscreen": False},
    )


def _fresh_database(out_dir: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        (out_dir / f"demo.sqlite{suffix}").unlink(missing_ok=True)
    for sub in ("photos", "slips", "printed"):
        shutil.rmtree(out_dir / sub, ignore_errors=True)


def wait_for(
    signal: SignalInstance,
    timeout_ms: int,
    what: str,
    accept: Callable[..., bool] = lambda *_: True,
    trigger: Callable[[], object] | None = None,
) -> tuple[Any, ...]:
    """Run the event loop until ``signal`` fires with arguments ``accept`` likes.

    ``trigger`` (a click, say) runs after the signal is connected, so a quick answer is not
    missed.
    """
    loop = QEventLoop()
    got: list[tuple[Any, ...]] = []

    def _on_signal(*args: Any) -> None:
        if not got and accept(*args):
            got.append(args)
            loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    signal.connect(_on_signal)
    timer.start(timeout_ms)
    try:
        if trigger is not None:
            trigger()
        if not got:
            loop.exec()
    finally:
        timer.stop()
        signal.disconnect(_on_signal)
    if not got:
        raise DemoError(f"timed out after {timeout_ms / 1000:.0f} s waiting for {what}")
    return got[0]


def wait_until(condition: Callable[[], bool], timeout_ms: int, what: str) -> None:
    """Run the event loop until ``condition()`` holds.

    Uses ``QEventLoop.exec``, which lets other Python threads run (``QTest.qWait`` keeps the
    GIL and starved the kiosk's task thread).
    """
    if condition():
        return
    deadline = time.monotonic() + timeout_ms / 1000
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(10)

    def _on_timer_timeout() -> None:
        if condition() or time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(_on_timer_timeout)
    timer.start()
    try:
        loop.exec()
    finally:
        timer.stop()
    if not condition():
        raise DemoError(f"timed out after {timeout_ms / 1000:.0f} s waiting for {what}")


def process_events_for(duration_ms: int) -> None:
    """Run the event loop for ``duration_ms`` (other threads keep running)."""
    loop = QEventLoop()
    QTimer.singleShot(duration_ms, loop.quit)
    loop.exec()


@dataclass(frozen=True)
class ParcelResult:
    """What the demo did with one parcel."""

    label: str
    inspection: str
    verdict: str
    expected: str
    slip: str
    screenshot: str
    printed: str

    def as_json(self) -> str:
        """One JSON line for stdout."""
        return json.dumps(
            {
                "inspection": self.inspection,
                "verdict": self.verdict,
                "expected": self.expected,
                "parcel": self.label,
                "slip": self.slip,
                "screenshot": self.screenshot,
                "printed": self.printed,
            },
            ensure_ascii=False,
        )


class AutoShift:
    """Signs in, inspects every sample parcel through the GUI, signs out."""

    def __init__(
        self,
        kiosk: Kiosk,
        post: SimulatedPost,
        out_dir: Path,
        delay_ms: int,
        shots: LanguageShots | None = None,
    ) -> None:
        self._kiosk = kiosk
        self._post = post
        self._out = out_dir
        self._delay_ms = delay_ms
        self._shots = shots
        self._override_shot = False

    def _pause(self) -> None:
        process_events_for(max(self._delay_ms, 30))

    def _click(self, button: QPushButton, what: str) -> None:
        if not button.isVisible() or not button.isEnabled():
            raise DemoError(f"the {what} button is not available")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self._pause()

    def sign_in(self) -> None:
        """Choose the demo inspector and type the PIN on the pad."""
        window = self._kiosk.window
        screen = window.sign_in_screen
        wait_until(lambda: DEMO_USER in screen.user_buttons(), STEP_TIMEOUT_MS, "the user list")
        if self._shots is not None:
            self._report(self._shots.take("sign-in"))
        self._click(screen.user_buttons()[DEMO_USER], f"user {DEMO_USER}")
        pad = screen.pad_buttons()
        for digit in DEMO_PIN:
            self._click(pad[digit], f"PIN key {digit}")
        controller = self._kiosk.controller
        self._click(pad["OK"], "PIN OK")
        wait_until(lambda: controller.user is not None, STEP_TIMEOUT_MS, "sign-in")
        wait_until(lambda: controller.current is not None, STEP_TIMEOUT_MS, "a new inspection")
        wait_until(
            lambda: (
                self._kiosk.devices.state("scale")[0] == "ok"
                and self._kiosk.devices.state("reader")[0] == "ok"
            ),
            STEP_TIMEOUT_MS,
            "the simulated scale and scanner",
        )
        if self._shots is not None:
            process_events_for(150)
            self._report(self._shots.take("inspection-waiting"))

    def inspect(self, number: int) -> ParcelResult:
        """Present sample parcel ``number`` and record what the kiosk decided."""
        parcel = self._post.parcels[number]
        controller = self._kiosk.controller
        window = self._kiosk.window
        screen = window.inspection_screen
        current = controller.current
        if current is None:
            raise DemoError("no inspection is open")
        inspection_id = current.id

        def _decided(inspection: Inspection) -> bool:
            return inspection.id == inspection_id and inspection.verdict is not None

        (decided,) = wait_for(
            controller.verdict_ready,
            STEP_TIMEOUT_MS,
            f"the verdict on parcel {number + 1}",
            _decided,
            trigger=lambda: self._post.present(number),
        )
        self._pause()
        process_events_for(150)  # let the last frames and the banner paint
        verdict = decided.verdict.outcome.label
        shot = self._out / f"{number + 1:02d}-{verdict.lower()}.png"
        if not window.grab().save(str(shot)):
            raise DemoError(f"could not save the screenshot {shot}")
        if self._shots is not None:
            self._report(self._shots.take(f"{number + 1:02d}-inspection-{verdict.lower()}"))
            self._shots.seen_screens.add("inspection")
            if decided.verdict.outcome is Outcome.HOLD and not self._override_shot:
                self._shoot_override()

        problems: list[str] = []
        controller.error_occurred.connect(problems.append)
        controller.print_failed.connect(problems.append)
        try:
            (printed_to,) = wait_for(
                controller.printed,
                STEP_TIMEOUT_MS,
                "the slip to print",
                trigger=lambda: self._click(screen.print_button, "Print slip"),
            )
        except DemoError as exc:
            raise DemoError(f"{exc} ({'; '.join(problems) or 'no message'})") from None
        finally:
            controller.error_occurred.disconnect(problems.append)
            controller.print_failed.disconnect(problems.append)
        slip_src = Path(decided.slip_path or "")
        if not slip_src.is_file():
            raise DemoError(f"the slip of {inspection_id} was not written")
        slip = self._out / f"{number + 1:02d}-{verdict.lower()}-{inspection_id}.pdf"
        shutil.copyfile(slip_src, slip)

        self._click(screen.next_button, "Next parcel")
        wait_until(
            lambda: controller.current is not None and controller.current.id != inspection_id,
            STEP_TIMEOUT_MS,
            "the next parcel's inspection",
        )
        return ParcelResult(
            label=parcel.label,
            inspection=inspection_id,
            verdict=verdict,
            expected=parcel.expected.label,
            slip=str(slip),
            screenshot=str(shot),
            printed=str(printed_to),
        )

    @staticmethod
    def _report(records: list[dict[str, object]]) -> None:
        for record in records:
            print(json.dumps(record, ensure_ascii=False), flush=True)

    def _shoot_override(self) -> None:
        """Open the override screen on the HOLD shown, grab it, cancel."""
        assert self._shots is not None
        window = self._kiosk.window
        button = window.inspection_screen.override_button
        if not button.isVisible() or not button.isEnabled():
            return
        self._click(button, "Override")
        wait_until(
            lambda: window.current_screen is window.override_screen,
            STEP_TIMEOUT_MS,
            "the override screen",
        )
        self._report(self._shots.take("override"))
        self._click(window.override_screen.cancel_button, "Cancel override")
        wait_until(
            lambda: window.current_screen is window.inspection_screen,
            STEP_TIMEOUT_MS,
            "the inspection screen after the override",
        )
        self._override_shot = True

    def shoot_remaining_screens(self) -> None:
        """Grab every screen not seen during the shift, then the locked screen, in every
        language."""
        if self._shots is None:
            return
        self._report(self._shots.take_remaining_screens())
        controller = self._kiosk.controller
        lock = getattr(controller, "lock", None)
        if not callable(lock):
            return
        screen = self._kiosk.window.sign_in_screen
        lock()
        wait_until(lambda: getattr(controller, "is_locked", False), STEP_TIMEOUT_MS, "the lock")
        process_events_for(100)
        self._report(self._shots.take("lock"))
        pad = screen.pad_buttons()
        for digit in DEMO_PIN:
            self._click(pad[digit], f"PIN key {digit}")
        self._click(pad["OK"], "PIN OK")
        wait_until(
            lambda: not getattr(controller, "is_locked", False), STEP_TIMEOUT_MS, "the unlock"
        )

    def sign_out(self) -> None:
        """Press Sign out and wait for the sign-in screen."""
        controller = self._kiosk.controller
        self._click(self._kiosk.window.inspection_screen.sign_out_button, "Sign out")
        wait_until(lambda: controller.user is None, STEP_TIMEOUT_MS, "sign-out")


def run_demo(
    settings: Settings,
    out_dir: Path,
    *,
    auto: bool,
    delay_ms: int = 0,
    screenshots: bool = False,
) -> int:
    """Run the demo; with ``auto`` script a whole shift and return 0 if every verdict was right.

    With ``screenshots`` (and ``auto``) every screen is grabbed in every language too.
    """
    out_dir = out_dir.expanduser().resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    _fresh_database(out_dir)
    route_qt_messages_to_log()
    kiosk = Kiosk(demo_settings(settings, out_dir))
    parcels = sample_parcels()
    post = SimulatedPost(kiosk.devices, parcels)
    if not auto:
        kiosk.app.aboutToQuit.connect(kiosk.stop)
        kiosk.start()
        kiosk.window.present()
        show_simulator_panel(kiosk, post)
        status = kiosk.app.exec()
        kiosk.stop()
        return status

    if not parcels:
        print("kiosk: demo: no sample parcels in resources/sample/parcels.json", file=sys.stderr)
        return 1
    wrong = 0
    try:
        kiosk.start()
        kiosk.window.resize(1280, 800)
        kiosk.window.present()
        shots = LanguageShots(kiosk.window, out_dir / "screens") if screenshots else None
        shift = AutoShift(kiosk, post, out_dir, delay_ms, shots)
        shift.sign_in()
        for number in range(len(parcels)):
            result = shift.inspect(number)
            print(result.as_json(), flush=True)
            if result.verdict != result.expected:
                wrong += 1
        shift.shoot_remaining_screens()
        shift.sign_out()
    except (DemoError, OSError) as exc:
        print(f"kiosk: demo stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        kiosk.stop()
    if wrong:
        print(f"kiosk: demo: {wrong} verdict(s) differ from the sample data", file=sys.stderr)
        return 1
    return 0
