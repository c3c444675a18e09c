"""What the UI needs from the services, as duck-typed Protocols, so it never imports them.

``kiosk.services`` provides ``InspectionController`` and ``DeviceHub``; any object with these
signals and methods works, which lets the tests and the screen previews drive the UI with small
stand-ins. All signals must be emitted on the GUI thread (house rule 6).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from PySide6.QtCore import SignalInstance

from kiosk.domain.devices import DeviceStatus
from kiosk.domain.models import Inspection, OverrideCode, User
from kiosk.domain.sync import SyncStatus
from kiosk.settings import Settings


class DataVersionLike(Protocol):
    """The reference data in use (lists, certificates, rules), as the status bar shows it."""

    @property
    def version(self) -> str:
        """The bundle version, e.g. ``"2026.11.1"``."""

    @property
    def published_at(self) -> datetime:
        """When the hub published it (timezone-aware UTC)."""

    @property
    def loaded_at(self) -> datetime:
        """When this kiosk loaded it (timezone-aware UTC)."""


class ControllerPort(Protocol):
    """The inspection controller as the UI uses it.

    Signals:
        signed_in(User), sign_in_failed(str), signed_out(),
        inspection_changed(Inspection), declaration_found(Declaration | None),
        certificate_found(KpCertificate | None), verdict_ready(Inspection),
        printed(str), print_failed(str), error_occurred(str),
        data_status_changed(DataVersionLike | None), busy_changed(bool),
        override_recorded(Inspection), override_refused(str),
        sign_in_delayed(float seconds), badge_identified(User), badge_refused(str),
        locked(User), unlocked(User), database_failed(str).
    """

    @property
    def signed_in(self) -> SignalInstance:
        """Emitted with the ``User`` after a successful sign-in."""

    @property
    def sign_in_failed(self) -> SignalInstance:
        """Emitted with a message fit for the user (wrong PIN, locked out)."""

    @property
    def signed_out(self) -> SignalInstance:
        """Emitted after sign-out (by the user or by the idle lock)."""

    @property
    def inspection_changed(self) -> SignalInstance:
        """Emitted with the current ``Inspection`` after every recorded step."""

    @property
    def declaration_found(self) -> SignalInstance:
        """Emitted with the ``Declaration`` found for the identifiers, or ``None``."""

    @property
    def certificate_found(self) -> SignalInstance:
        """Emitted with the ``KpCertificate`` found in the register, or ``None``."""

    @property
    def verdict_ready(self) -> SignalInstance:
        """Emitted with the ``Inspection`` once it carries a new verdict."""

    @property
    def printed(self) -> SignalInstance:
        """Emitted with where the slip went (queue or file)."""

    @property
    def print_failed(self) -> SignalInstance:
        """Emitted with a message fit for the user."""

    @property
    def error_occurred(self) -> SignalInstance:
        """Emitted with a message fit for the user."""

    @property
    def data_status_changed(self) -> SignalInstance:
        """Emitted with the data version in use (``DataVersionLike``) or ``None``."""

    @property
    def busy_changed(self) -> SignalInstance:
        """Emitted with ``True`` while a check or a print runs, then ``False``."""

    @property
    def ready(self) -> SignalInstance:
        """Emitted once the database is open and the users are known."""

    @property
    def override_recorded(self) -> SignalInstance:
        """Emitted with the overridden ``Inspection`` (its slip re-written)."""

    @property
    def override_refused(self) -> SignalInstance:
        """Emitted with why a supervisor override was refused (a message for the user)."""

    @property
    def sign_in_delayed(self) -> SignalInstance:
        """Emitted with the seconds before the next PIN try is allowed (wait or lock-out)."""

    @property
    def badge_identified(self) -> SignalInstance:
        """Emitted with the ``User`` whose badge was presented; the PIN comes next."""

    @property
    def badge_refused(self) -> SignalInstance:
        """Emitted with why a badge signs nobody in (revoked, unknown, disabled holder)."""

    @property
    def locked(self) -> SignalInstance:
        """Emitted with the ``User`` whose session was locked; the inspection stays."""

    @property
    def unlocked(self) -> SignalInstance:
        """Emitted with the ``User`` whose locked session goes on."""

    @property
    def database_failed(self) -> SignalInstance:
        """Emitted with a message when the database cannot be used (fault screen)."""

    @property
    def is_locked(self) -> bool:
        """True while the session is locked."""

    @property
    def user(self) -> User | None:
        """The signed-in user, or ``None``."""

    @property
    def current(self) -> Inspection | None:
        """The inspection under way, or ``None``."""

    def prepare(self) -> None:
        """Get ready for the first verdict in the background (a user is signing in)."""

    def sign_in(self, username: str, pin: str) -> None:
        """Try to sign in; answers with ``signed_in`` or ``sign_in_failed``."""

    def sign_out(self) -> None:
        """Sign out; answers with ``signed_out``."""

    def identify_badge(self, badge: str) -> None:
        """Look a presented badge up; answers ``badge_identified`` or ``badge_refused``."""

    def lock(self) -> None:
        """Lock the session (idle); answers ``locked``. ``sign_in`` then unlocks or takes over."""

    def retry_database(self) -> None:
        """Try the database again after ``database_failed``; answers ``ready`` when it works."""

    def record_kiosk_exit(self) -> bool:
        """Record (audit) that the signed-in technician leaves kiosk mode; False if refused."""

    def users(self) -> list[User]:
        """The users who may sign in at this kiosk."""

    def user_language(self, username: str) -> str | None:
        """The language the user last chose at this kiosk, or ``None``."""

    def remember_language(self, username: str, language: str) -> None:
        """Record (in the database) the language the user chose, for their next sign-in."""

    def add_typed_identifier(self, text: str) -> None:
        """Add an identifier the inspector typed."""

    def check_now(self) -> None:
        """Run the checks on the current inspection."""

    def print_slip(self) -> None:
        """Print the clearance slip of the current inspection."""

    def next_parcel(self) -> None:
        """Close the current inspection and start a new one."""

    def reprint_slip(self) -> None:
        """Print the stored slip again (recorded as a reprint)."""

    def enter_declaration(self, declaration: object) -> None:
        """Record a ``Declaration`` typed in because none was found."""

    def apply_new_seal(self, seal: str) -> None:
        """Record the seal applied to the parcel after the inspection."""

    def request_override(
        self, supervisor: str, pin: str, code: OverrideCode, text: str
    ) -> None:
        """Ask a supervisor's override of the current HOLD; answers with a signal."""


class DevicesPort(Protocol):
    """The device hub as the UI uses it.

    Signals:
        weight_changed(WeightReading), weight_accepted(WeightReading),
        identifier_scanned(Identifier), frame_ready(QImage), still_saved(Photo),
        device_state_changed(str device, str state, str detail), printed(str),
        print_failed(str), status_changed(DeviceStatus), scale_command_done(str),
        scale_command_failed(str), scale_read(WeightReading), test_printed(str),
        test_print_failed(str), snapshot_saved(Photo), snapshot_failed(str),
        ports_detected(list[DetectedPort]), detection_failed(str).
    """

    @property
    def weight_changed(self) -> SignalInstance:
        """Emitted with every ``WeightReading`` the balance sends."""

    @property
    def frame_ready(self) -> SignalInstance:
        """Emitted with the latest camera ``QImage``."""

    @property
    def device_state_changed(self) -> SignalInstance:
        """Emitted with (device, state, detail) when a device connects, fails or recovers."""

    def zero_scale(self) -> None:
        """Ask the balance to zero."""

    def tare_scale(self) -> None:
        """Ask the balance to tare."""

    @property
    def status_changed(self) -> SignalInstance:
        """Emitted with a device's ``DeviceStatus`` after any change."""

    @property
    def scale_command_done(self) -> SignalInstance:
        """Emitted with ``"zero"`` or ``"tare"`` when the balance did it."""

    @property
    def scale_command_failed(self) -> SignalInstance:
        """Emitted with why a read, zero or tare failed."""

    @property
    def scale_read(self) -> SignalInstance:
        """Emitted with the ``WeightReading`` of ``read_scale``."""

    @property
    def test_printed(self) -> SignalInstance:
        """Emitted with where a test slip went."""

    @property
    def test_print_failed(self) -> SignalInstance:
        """Emitted with why a test slip could not be printed."""

    @property
    def snapshot_saved(self) -> SignalInstance:
        """Emitted with the ``Photo`` of ``take_snapshot``."""

    @property
    def snapshot_failed(self) -> SignalInstance:
        """Emitted with why a snapshot could not be taken."""

    @property
    def ports_detected(self) -> SignalInstance:
        """Emitted with a ``list[DetectedPort]`` when ``detect_ports`` is done."""

    @property
    def detection_failed(self) -> SignalInstance:
        """Emitted with why port detection could not run."""

    def statuses(self) -> dict[str, DeviceStatus]:
        """Every device's status now, by name (scale, reader, camera, printer)."""

    def read_scale(self) -> None:
        """Read the balance once."""

    def test_print(self) -> None:
        """Print a test slip."""

    def take_snapshot(self) -> None:
        """Take a test picture (never part of an inspection)."""

    def set_preview_size(self, width: int, height: int) -> None:
        """Send camera frames at most ``width`` x ``height`` (the view's size), aspect kept."""

    def detect_ports(self) -> None:
        """Probe the serial ports for balances in the background."""


@dataclass(frozen=True, slots=True)
class SettingsView:
    """The few settings the UI needs, taken from ``Settings`` once at start-up."""

    post: str = "BE-ANR-DO"
    post_name: str = "Antwerp Diamond Office"
    kiosk_id: str = "ANR-DO-01"
    fullscreen: bool = False
    max_data_age_h: float = 72.0
    carat_tolerance_ct: Decimal = Decimal("0.010")
    idle_lock_s: float = 300.0
    scale_fault_after_s: float = 10.0

    @classmethod
    def from_settings(cls, settings: Settings) -> SettingsView:
        """The UI's view of the kiosk settings."""
        return cls(
            post=settings.kiosk.post,
            post_name=settings.kiosk.post_name,
            kiosk_id=settings.kiosk.kiosk_id,
            fullscreen=settings.ui.fullscreen,
            max_data_age_h=settings.data.max_data_age_h,
            carat_tolerance_ct=settings.checks.carat_tolerance_ct,
            idle_lock_s=float(settings.ui.idle_lock_s),
        )


class SyncPort(Protocol):
    """The sync service as the UI uses it (``kiosk.services.sync.SyncService``).

    Signals:
        status_changed(SyncStatus): after every change (cycle started, finished, record queued).
    """

    @property
    def status_changed(self) -> SignalInstance:
        """Emitted on the GUI thread with the new ``SyncStatus``."""

    def status(self) -> SyncStatus:
        """The status now (cheap; no I/O on the GUI thread)."""

    def sync_now(self) -> None:
        """Start a sync cycle in the background (no-op while one runs)."""
