"""Sample domain objects and stand-in services, to preview each screen alone and drive tests.

``python -m kiosk.ui.screens.sign_in``, ``python -m kiosk.ui.screens.inspection`` and
``python -m kiosk.ui.main_window`` show a screen with this data. The stand-ins are in-memory
QObjects with the signals of ``kiosk.ui.ports``; they touch no device, database or file.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import count

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QApplication

from kiosk.domain.devices import DetectedPort, DeviceStatus
from kiosk.domain.models import (
    NEW_SEAL_NOTE,
    Declaration,
    Identifier,
    IdentifierKind,
    InputSource,
    Inspection,
    InspectionState,
    KpCertificate,
    Outcome,
    Override,
    OverrideCode,
    Photo,
    Reason,
    User,
    Verdict,
    WeightReading,
    WeightState,
)
from kiosk.domain.sync import DataSourceStatus, SyncStatus
from kiosk.ui.ports import SettingsView

NOW = datetime(2026, 11, 20, 9, 41, tzinfo=UTC)
WRONG_PIN = "Wrong PIN. 4 tries left before the kiosk locks for 5 minutes."
PREVIEW_PIN = "1234"

USERS: tuple[User, ...] = (
    User("jpeeters", "Jan Peeters", "inspector", badge="04A1B2C3"),
    User("sdubois", "Sophie Dubois", "inspector"),
    User("mweber", "Markus Weber", "supervisor"),
    User("lschmidt", "Lena Schmidt", "technician", badge="04C0FFEE01"),
    User("oldadmin", "Former technician", "technician", active=False),
)
REVOKED_BADGE = "04DEADBEEF"
"""A badge the preview controller refuses as revoked."""
BADGE_REVOKED = "This badge has been revoked and cannot sign in."
BADGE_UNKNOWN = "This badge is not known at this kiosk."

IDENTIFIERS: tuple[Identifier, ...] = (
    Identifier(IdentifierKind.KP_CERTIFICATE, "BW0123456", InputSource.SCANNER, "]C0", "BW0123456"),
    Identifier(
        IdentifierKind.MRN, "26BE000012345678A1", InputSource.SCANNER, raw="26BE000012345678A1"
    ),
    Identifier(IdentifierKind.AWB, "176-12345675", InputSource.TYPED, raw="176 12345675"),
    Identifier(
        IdentifierKind.SEAL,
        "SEAL-88341",
        InputSource.RFID,
        raw="SEAL-88341",
        problem="seal number not on the KP certificate",
    ),
)

DECLARATION = Declaration(
    reference="DO-2026-118734",
    kp_number="BW0123456",
    cn_code="7102 31 00",
    exporter="Okavango Diamond Company (Pty) Ltd, Gaborone",
    importer="Hoveniers Rough Trading BV, Antwerpen",
    origin_countries=("BW",),
    export_country="BW",
    declared_carats=Decimal("1234.560"),
    parcel_count=2,
    mrn="26BE000012345678A1",
    awb="176-12345675",
    seal_numbers=("SEAL-88340", "SEAL-88341"),
)

CERTIFICATE = KpCertificate(
    number="BW0123456",
    issuing_country="BW",
    authority="Ministry of Minerals and Energy, Botswana",
    issued_on=date(2026, 11, 2),
    expires_on=date(2027, 1, 2),
    exporter="Okavango Diamond Company (Pty) Ltd",
    importer="Hoveniers Rough Trading BV",
    origin_countries=("BW",),
    provenance_country="BW",
    mixed=False,
    carats=Decimal("1234.560"),
    value_usd=Decimal("2150000.00"),
    parcel_count=2,
    hs_code="7102.31",
)

READING = WeightReading(
    carats=Decimal("1234.562"),
    state=WeightState.STABLE,
    raw="S S    1234.562 ct",
    taken_at=NOW,
    scale_id="MT-XPR-0042",
)

PHOTO = Photo("photos/INS-2026-000123.jpg", "0" * 64, 1280, 720, NOW)

REASONS: dict[Outcome, tuple[Reason, ...]] = {
    Outcome.CLEAR: (
        Reason(
            "R01",
            Outcome.CLEAR,
            "Reg. (EC) 2368/2002 Art. 3",
            "KP certificate BW0123456 is valid, issued by a participant and not expired",
        ),
        Reason(
            "R05",
            Outcome.CLEAR,
            "Reg. (EU) 833/2014 Art. 3p(1)",
            "Origin Botswana: not Russian, not exported from or through Russia",
        ),
        Reason(
            "R09",
            Outcome.CLEAR,
            "Reg. (EU) 269/2014; Reg. (EU) 833/2014 Art. 5aa",
            "Exporter and importer screened against EU, OFAC, UK and UN lists: no match",
        ),
        Reason(
            "R11",
            Outcome.CLEAR,
            "Reg. (EC) 2368/2002 Art. 5",
            "Weight 1234.562 ct matches the certificate (difference +0.002 ct, tolerance 0.010 ct)",
        ),
    ),
    Outcome.EXEMPT: (
        Reason(
            "R14",
            Outcome.EXEMPT,
            "Reg. (EU) 833/2014 Art. 3p(5)(a)",
            "Personal-use exemption: traveller's own jewellery, not for sale; declaration signed",
        ),
        Reason(
            "R09",
            Outcome.CLEAR,
            "Reg. (EU) 269/2014",
            "Traveller screened against EU, OFAC, UK and UN lists: no match",
        ),
    ),
    Outcome.HOLD: (
        Reason(
            "R12",
            Outcome.HOLD,
            "Reg. (EC) 2368/2002 Art. 3, Art. 5(2)",
            "Seal SEAL-88341 is not listed on the KP certificate: verify the container before "
            "release and record the new seal numbers",
        ),
        Reason(
            "R11",
            Outcome.HOLD,
            "Reg. (EC) 2368/2002 Art. 5",
            "Weight differs from the certificate by +0.042 ct (tolerance 0.010 ct)",
        ),
        Reason(
            "R05",
            Outcome.CLEAR,
            "Reg. (EU) 833/2014 Art. 3p(1)",
            "Origin Botswana: not Russian, not exported from or through Russia",
        ),
    ),
    Outcome.REFUSE: (
        Reason(
            "R02",
            Outcome.REFUSE,
            "Reg. (EU) 833/2014 Art. 3p(1)",
            "KP certificate RU0456789 was issued by the Russian Federation: import prohibited "
            "since 1 January 2024",
        ),
        Reason(
            "R09",
            Outcome.REFUSE,
            "Reg. (EU) 269/2014 Annex I (listed 3 January 2024)",
            "Exporter 'AO Alrosa' matches listed party PJSC ALROSA (score 0.97)",
        ),
        Reason(
            "R01",
            Outcome.CLEAR,
            "Reg. (EC) 2368/2002 Art. 3",
            "KP certificate is within its validity period",
        ),
    ),
}


@dataclass(frozen=True, slots=True)
class SampleDataVersion:
    """A data version as the status bar shows it."""

    version: str
    published_at: datetime
    loaded_at: datetime


DATA_VERSION = SampleDataVersion("2026.11.1", NOW - timedelta(hours=3), NOW - timedelta(hours=2))
SETTINGS = SettingsView()


def sample_inspection(
    outcome: Outcome | None = None, *, inspection_id: str = "INS-2026-000123"
) -> Inspection:
    """A parcel's inspection with identifiers, weight, photo and declaration.

    Args:
        outcome: The verdict to carry (``None``: still collecting).
        inspection_id: The inspection's id.
    """
    base = Inspection(
        id=inspection_id,
        post="BE-ANR-DO",
        inspector="jpeeters",
        started_at=NOW - timedelta(minutes=6),
        identifiers=IDENTIFIERS,
        reading=READING,
        photo=PHOTO,
        declaration=DECLARATION,
    )
    if outcome is None:
        return base
    verdict = Verdict(outcome, REASONS[outcome], "article3p-2026.3", NOW, "2026.11.1")
    return replace(base, state=InspectionState.DECIDED, verdict=verdict)


def sample_frame(width: int = 1280, height: int = 720, label: str = "") -> QImage:
    """A synthetic camera picture: a tray with a parcel on it (painted, no file)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        gradient = QLinearGradient(QPointF(0, 0), QPointF(0, height))
        gradient.setColorAt(0.0, QColor("#3f4a5a"))
        gradient.setColorAt(1.0, QColor("#1c2330"))
        painter.fillRect(image.rect(), gradient)
        tray = QRectF(width * 0.12, height * 0.18, width * 0.76, height * 0.64)
        painter.setBrush(QColor("#e9e4d8"))
        painter.setPen(QPen(QColor("#9b9484"), 6))
        painter.drawRoundedRect(tray, 24, 24)
        parcel = QRectF(width * 0.3, height * 0.3, width * 0.4, height * 0.4)
        painter.setBrush(QColor("#f8f8f4"))
        painter.setPen(QPen(QColor("#6b6b6b"), 4))
        painter.drawRect(parcel)
        painter.setPen(QPen(QColor("#c0392b"), 10))
        painter.drawLine(parcel.topLeft(), parcel.bottomRight())
        painter.drawLine(parcel.topRight(), parcel.bottomLeft())
        font = QFont()
        font.setPixelSize(max(12, height // 18))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        painter.drawText(parcel, Qt.AlignmentFlag.AlignCenter, label or "BW0123456")
    finally:
        painter.end()
    return image


class PreviewController(QObject):
    """An in-memory stand-in for ``InspectionController`` (PIN ``1234`` signs anyone in)."""

    signed_in = Signal(object)
    sign_in_failed = Signal(str)
    signed_out = Signal()
    inspection_changed = Signal(object)
    declaration_found = Signal(object)
    certificate_found = Signal(object)
    verdict_ready = Signal(object)
    printed = Signal(str)
    print_failed = Signal(str)
    error_occurred = Signal(str)
    data_status_changed = Signal(object)
    busy_changed = Signal(bool)
    ready = Signal()
    override_recorded = Signal(object)
    override_refused = Signal(str)
    sign_in_delayed = Signal(float)
    badge_identified = Signal(object)
    badge_refused = Signal(str)
    locked = Signal(object)
    unlocked = Signal(object)
    database_failed = Signal(str)

    def __init__(self, users: Sequence[User] = USERS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users = list(users)
        self._locked = False
        self.wrong_pin_delay_s = 0.0
        """Seconds ``sign_in_delayed`` asks to wait after a wrong PIN (0: none)."""
        self.database_up = True
        """False: ``retry_database`` fails again."""
        self._user: User | None = None
        self._current: Inspection | None = None
        self._ids = count(123)
        self._outcomes = [Outcome.CLEAR, Outcome.HOLD, Outcome.REFUSE, Outcome.EXEMPT]
        self.calls: list[tuple[str, tuple[object, ...]]] = []
        self.languages: dict[str, str] = {}
        """The language each user chose (what the database keeps in the kiosk)."""

    @property
    def user(self) -> User | None:
        """The signed-in user."""
        return self._user

    @property
    def current(self) -> Inspection | None:
        """The inspection under way."""
        return self._current

    def users(self) -> list[User]:
        """All users, active or not (the screen filters)."""
        return list(self._users)

    def user_language(self, username: str) -> str | None:
        """The language remembered for ``username`` (kept in memory here)."""
        return self.languages.get(username)

    def remember_language(self, username: str, language: str) -> None:
        """Remember ``language`` for ``username`` (in memory)."""
        self.languages[username] = language

    @property
    def is_locked(self) -> bool:
        """True while locked."""
        return self._locked

    def sign_in(self, username: str, pin: str) -> None:
        """Sign in with PIN ``1234``; anything else fails. Locked: unlock or take over."""
        self.calls.append(("sign_in", (username, pin)))
        user = next((u for u in self._users if u.username == username), None)
        if user is None or pin != PREVIEW_PIN:
            self.sign_in_failed.emit(WRONG_PIN)
            if self.wrong_pin_delay_s > 0:
                self.sign_in_delayed.emit(self.wrong_pin_delay_s)
            return
        locked_user = self._user if self._locked else None
        self._locked = False
        if locked_user is not None and (
            user.username == locked_user.username or user.role == "supervisor"
        ):
            self.unlocked.emit(locked_user)
            return
        self._user = user
        self.signed_in.emit(user)
        self.data_status_changed.emit(DATA_VERSION)
        if user.role == "technician":
            return
        if self._current is not None and self._current.state is not InspectionState.CLOSED:
            self._set(self._current)  # the unfinished parcel, as it was
        else:
            self._start_parcel()

    def sign_out(self) -> None:
        """Sign out (the parcel under way is kept for the next sign-in)."""
        self.calls.append(("sign_out", ()))
        self._user = None
        self._locked = False
        self.signed_out.emit()

    def prepare(self) -> None:
        """Nothing to warm up in the preview."""

    def identify_badge(self, badge: str) -> None:
        """Find a badge's holder among the users; ``REVOKED_BADGE`` is refused."""
        self.calls.append(("identify_badge", (badge,)))
        if badge.strip() == REVOKED_BADGE:
            self.badge_refused.emit(BADGE_REVOKED)
            return
        user = next((u for u in self._users if u.badge == badge.strip() and u.active), None)
        if user is None:
            self.badge_refused.emit(BADGE_UNKNOWN)
        else:
            self.badge_identified.emit(user)

    def lock(self) -> None:
        """Lock the session."""
        self.calls.append(("lock", ()))
        if self._user is None or self._locked:
            return
        self._locked = True
        self.locked.emit(self._user)

    def retry_database(self) -> None:
        """``ready`` when ``database_up``, else ``database_failed`` again."""
        self.calls.append(("retry_database", ()))
        if self.database_up:
            self.ready.emit()
        else:
            self.database_failed.emit("The database cannot be opened: disk I/O error")

    def record_kiosk_exit(self) -> bool:
        """Allowed for a technician."""
        self.calls.append(("record_kiosk_exit", ()))
        return self._user is not None and self._user.role == "technician"

    def add_typed_identifier(self, text: str) -> None:
        """Add a typed identifier (classified as unknown here)."""
        self.calls.append(("add_typed_identifier", (text,)))
        if self._current is None:
            self.error_occurred.emit("No inspection is open: sign in first.")
            return
        ident = Identifier(IdentifierKind.UNKNOWN, text.upper(), InputSource.TYPED, raw=text)
        self._set(
            replace(
                self._current,
                identifiers=(*self._current.identifiers, ident),
                state=InspectionState.COLLECTING,
            )
        )

    def check_now(self) -> None:
        """Decide with the next sample outcome in turn."""
        self.calls.append(("check_now", ()))
        if self._current is None:
            return
        outcome = self._outcomes.pop(0)
        self._outcomes.append(outcome)
        decided = sample_inspection(outcome, inspection_id=self._current.id)
        self._current = decided
        self.verdict_ready.emit(decided)

    def print_slip(self) -> None:
        """Pretend to print."""
        self.calls.append(("print_slip", ()))
        if self._current is None or self._current.verdict is None:
            self.print_failed.emit("Nothing to print: check the parcel first.")
            return
        self._set(replace(self._current, state=InspectionState.PRINTED, printed_at=NOW))
        self.printed.emit(f"slip {self._current.id} sent to the folder printer")

    def reprint_slip(self) -> None:
        """Pretend to print the stored slip again."""
        self.calls.append(("reprint_slip", ()))
        if self._current is None or self._current.printed_at is None:
            self.error_occurred.emit("The slip has not been printed yet: press Print slip.")
            return
        self.printed.emit(f"slip {self._current.id} reprinted")

    def enter_declaration(self, declaration: object) -> None:
        """Take a typed declaration as the parcel's."""
        self.calls.append(("enter_declaration", (declaration,)))
        if self._current is None or not isinstance(declaration, Declaration):
            return
        self._set(replace(self._current, declaration=declaration))
        self.declaration_found.emit(declaration)

    def apply_new_seal(self, seal: str) -> None:
        """Record the new seal in the parcel's notes."""
        self.calls.append(("apply_new_seal", (seal,)))
        if self._current is None:
            return
        notes = (*self._current.notes, f"{NEW_SEAL_NOTE}{seal.strip().upper()}")
        self._set(replace(self._current, notes=notes))

    def next_parcel(self) -> None:
        """Start the next parcel."""
        self.calls.append(("next_parcel", ()))
        self._start_parcel()

    def request_override(self, supervisor: str, pin: str, code: OverrideCode, text: str) -> None:
        """Override the current HOLD as ``supervisor`` with PIN ``1234`` (two-person rule)."""
        self.calls.append(("request_override", (supervisor, pin, code, text)))
        current = self._current
        user = next((u for u in self._users if u.username == supervisor), None)
        verdict = current.verdict if current is not None else None
        if current is None or verdict is None or verdict.outcome is not Outcome.HOLD:
            self.override_refused.emit("Only a HOLD can be overridden.")
        elif self._user is not None and supervisor == self._user.username:
            self.override_refused.emit("The supervisor must be a different person.")
        elif user is None or user.role != "supervisor":
            self.override_refused.emit(f"{supervisor!r} is not an active supervisor.")
        elif pin != PREVIEW_PIN:
            self.override_refused.emit(WRONG_PIN)
        elif not text.strip():
            self.override_refused.emit("An override needs a reason text.")
        else:
            override = Override(supervisor, code, text.strip(), Outcome.CLEAR, NOW)
            done = replace(current, override=override, state=InspectionState.OVERRIDDEN)
            self._set(done)
            self.override_recorded.emit(done)

    def _start_parcel(self) -> None:
        inspection = sample_inspection(None, inspection_id=f"INS-2026-{next(self._ids):06d}")
        self._set(inspection)
        self.declaration_found.emit(DECLARATION)
        self.certificate_found.emit(CERTIFICATE)

    def _set(self, inspection: Inspection) -> None:
        self._current = inspection
        self.inspection_changed.emit(inspection)


class PreviewDevices(QObject):
    """An in-memory stand-in for ``DeviceHub``: a settling weight and a painted picture.

    Nothing happens until ``start()``; a GUI-thread QTimer then drives it (no threads).
    """

    weight_changed = Signal(object)
    weight_accepted = Signal(object)
    identifier_scanned = Signal(object)
    frame_ready = Signal(QImage)
    still_saved = Signal(object)
    device_state_changed = Signal(str, str, str)
    printed = Signal(str)
    print_failed = Signal(str)
    status_changed = Signal(object)
    scale_command_done = Signal(str)
    scale_command_failed = Signal(str)
    scale_read = Signal(object)
    test_printed = Signal(str)
    test_print_failed = Signal(str)
    snapshot_saved = Signal(object)
    snapshot_failed = Signal(str)
    ports_detected = Signal(object)
    detection_failed = Signal(str)

    TICK_INTERVAL_MS = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._tick = 0
        self.calls: list[str] = []
        self.preview_size: tuple[int, int] | None = None
        self._statuses: dict[str, DeviceStatus] = {
            "scale": DeviceStatus(
                "scale", "starting", "", "serial",
                "/dev/serial/by-id/usb-Mettler_Toledo_XS205-if00", "XS205", "B912345678",
            ),
            "reader": DeviceStatus(
                "reader", "starting", "", "serial", "/dev/serial/by-id/usb-Honeywell-if00",
                "line scanner",
            ),
            "camera": DeviceStatus(
                "camera", "starting", "", "opencv", "/dev/v4l/by-id/usb-Logitech_C920", "1280x720"
            ),
            "printer": DeviceStatus("printer", "starting", "", "folder", "/var/spool/kiosk-slips"),
        }

    def start(self) -> None:
        """Report every device connected and start the weight and picture."""
        for device, detail in (
            ("scale", "MT-SICS on /dev/pts/3, 9600 8N1"),
            ("reader", "line reader on /dev/pts/4"),
            ("camera", "simulated camera 1280x720"),
            ("printer", "folder printer"),
        ):
            self.set_state(device, "ok", detail)
        self._timer.start()

    def set_state(self, device: str, state: str, detail: str = "") -> None:
        """Report a device's state (tests unplug the scale with this)."""
        self._set(device, state=state, detail=detail)
        self.device_state_changed.emit(device, state, detail)

    def statuses(self) -> dict[str, DeviceStatus]:
        """Every device's status."""
        return dict(self._statuses)

    def read_scale(self) -> None:
        """Report the sample reading."""
        self.calls.append("read_scale")
        self._set("scale", last_reading=READING, last_at=READING.taken_at)
        self.scale_read.emit(READING)

    def test_print(self) -> None:
        """Pretend to print a test slip."""
        self.calls.append("test_print")
        self._set("printer", last_value="/var/spool/kiosk-slips/TEST.pdf", last_at=NOW)
        self.test_printed.emit("/var/spool/kiosk-slips/TEST.pdf")

    def take_snapshot(self) -> None:
        """Pretend to take a snapshot."""
        self.calls.append("take_snapshot")
        photo = dataclasses.replace(PHOTO, path="photos/snapshots/snapshot-1.jpg")
        self._set("camera", last_value=photo.path, last_at=NOW)
        self.snapshot_saved.emit(photo)

    def set_preview_size(self, width: int, height: int) -> None:
        """Remember the view's size (the painted picture keeps its own)."""
        self.preview_size = (width, height)

    def detect_ports(self) -> None:
        """Report two sample ports."""
        self.calls.append("detect_ports")
        self.ports_detected.emit(
            [
                DetectedPort(
                    "/dev/ttyUSB0",
                    "/dev/serial/by-id/usb-Mettler_Toledo_XS205-if00",
                    "FT232R USB UART",
                    ("in use by the kiosk's scale",),
                ),
                DetectedPort("/dev/ttyUSB1", None, "USB-Serial", ("scale ad FX-300i SN 14A0",)),
                DetectedPort("/dev/ttyS0", None, "ttyS0", (), ("could not open port",)),
            ]
        )

    def _set(self, device: str, **changes: object) -> None:
        status = dataclasses.replace(self._statuses[device], **changes)  # type: ignore[arg-type]
        self._statuses[device] = status
        self.status_changed.emit(status)

    def stop(self) -> None:
        """Stop the timer."""
        self._timer.stop()

    def zero_scale(self) -> None:
        """Pretend to zero."""
        self.calls.append("zero_scale")
        self._tick = 0
        self.scale_command_done.emit("zero")

    def tare_scale(self) -> None:
        """Pretend to tare."""
        self.calls.append("tare_scale")
        self._tick = 0
        self.scale_command_done.emit("tare")

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._tick += 1
        settling = self._tick % 8 < 3
        carats = READING.carats + (Decimal("0.137") / self._tick if settling else Decimal(0))
        state = WeightState.DYNAMIC if settling else WeightState.STABLE
        self.weight_changed.emit(
            dataclasses.replace(READING, carats=carats, state=state, taken_at=datetime.now(UTC))
        )
        self.frame_ready.emit(sample_frame(640, 360))


SOURCES: tuple[DataSourceStatus, ...] = (
    DataSourceStatus("EU Financial Sanctions File", "2026-11-19", NOW - timedelta(hours=20), 5213),
    DataSourceStatus("OFAC SDN", "2026-11-18", NOW - timedelta(days=2, hours=3), 17402),
    DataSourceStatus("UK Sanctions List", "2026-11-19", NOW - timedelta(hours=26), 4021),
    DataSourceStatus("UN Consolidated List", "2026-11-12", NOW - timedelta(days=8), 1012),
    DataSourceStatus("KP certificates", "2026.11.1", NOW - timedelta(hours=3), 1830),
    DataSourceStatus("Rule set", "article3p-2026.3", NOW - timedelta(days=30), 18),
)


class PreviewSync(QObject):
    """An in-memory stand-in for the sync service (``SyncPort``): Sync now succeeds or fails.

    Signals:
        status_changed(SyncStatus): after ``sync_now`` and ``finish``.
    """

    status_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = SyncStatus(
            enabled=True,
            hub_url="https://hub.diamonds.fgov.example",
            data_version="2026.11.1",
            data_published_at=NOW - timedelta(hours=3),
            data_expires_at=NOW + timedelta(days=6),
            sources=SOURCES,
            last_attempt_at=NOW - timedelta(minutes=12),
            last_success_at=NOW - timedelta(hours=2),
            last_error="data: Data up to date (bundle 12).; records: the hub's answer is not JSON",
            records_waiting=7,
            records_failing=2,
        )
        self.calls: list[str] = []
        self.fail_next = False
        """True: the next ``finish`` reports a failure."""

    def status(self) -> SyncStatus:
        """The status now."""
        return self._status

    def sync_now(self) -> None:
        """Start a cycle: ``syncing`` until ``finish``."""
        self.calls.append("sync_now")
        if self._status.syncing:
            return
        self._status = replace(self._status, syncing=True)
        self.status_changed.emit(self._status)

    def finish(self) -> None:
        """End the running cycle (a success unless ``fail_next``)."""
        if self.fail_next:
            self._status = replace(
                self._status, syncing=False, last_attempt_at=NOW, last_error="hub said 503"
            )
        else:
            self._status = replace(
                self._status,
                syncing=False,
                last_attempt_at=NOW,
                last_success_at=NOW,
                last_error=None,
                records_waiting=0,
                records_failing=0,
            )
        self.status_changed.emit(self._status)


# ---- Preview entry points (``python -m kiosk.ui.screens.<screen>``) ---------------------


def _app() -> QApplication:
    from kiosk.ui.theme import apply_theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    apply_theme(app)
    return app


def preview_sign_in() -> None:
    """Show the sign-in screen with the sample users (PIN 1234 is not checked here)."""
    from kiosk.ui.screens.sign_in import SignInScreen

    app = _app()
    screen = SignInScreen()
    screen.set_users(USERS)
    screen.sign_in_requested.connect(
        lambda user, pin: screen.show_error(f"Preview: {user} asked to sign in ({len(pin)} digits)")
    )
    screen.resize(1280, 800)
    screen.show()
    sys.exit(app.exec())


def preview_inspection(outcome: Outcome | None = Outcome.HOLD) -> None:
    """Show the inspection screen with a sample parcel decided as ``outcome``."""
    from kiosk.ui.screens.inspection import InspectionScreen

    app = _app()
    screen = InspectionScreen(tolerance_ct=SETTINGS.carat_tolerance_ct)
    screen.show_inspection(sample_inspection(outcome))
    screen.show_declaration(DECLARATION)
    screen.show_certificate(CERTIFICATE)
    screen.show_weight(READING)
    screen.show_frame(sample_frame())
    screen.resize(1280, 800)
    screen.show()
    sys.exit(app.exec())


def preview_main_window() -> None:
    """Show the whole window with stand-in services (sign in with PIN 1234)."""
    from kiosk.ui.main_window import MainWindow

    app = _app()
    controller = PreviewController()
    devices = PreviewDevices()
    window = MainWindow(controller, devices, SETTINGS)
    window.present()
    devices.start()
    sys.exit(app.exec())


def preview_devices(control: bool = True) -> None:
    """Show the devices screen as a technician sees it, with stand-in devices."""
    from kiosk.ui.screens.devices import DevicesScreen

    app = _app()
    devices = PreviewDevices()
    screen = DevicesScreen(devices)
    screen.set_control(control)
    screen.resize(1280, 800)
    screen.show()
    devices.start()
    sys.exit(app.exec())


def preview_sync() -> None:
    """Show the sync screen with a stand-in sync service (Sync now starts a cycle)."""
    from kiosk.ui.screens.sync import SyncScreen

    app = _app()
    sync = PreviewSync()
    screen = SyncScreen(sync, clock=lambda: NOW)
    sync.status_changed.connect(
        lambda status: QTimer.singleShot(1500, sync.finish) if status.syncing else None
    )
    screen.resize(1280, 800)
    screen.show()
    sys.exit(app.exec())
