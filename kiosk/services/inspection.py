"""The inspection workflow: device events and user intents in, saved steps and verdicts out."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from hardware.base import DeviceError, utc_now
from kiosk.crashpoints import crash_point
from kiosk.domain.identifiers import classify
from kiosk.domain.models import (
    Declaration,
    Identifier,
    IdentifierKind,
    InputSource,
    Inspection,
    InspectionState,
    Outcome,
    Override,
    OverrideCode,
    Photo,
    User,
    Verdict,
    WeightReading,
    WeightState,
)
from kiosk.domain.roles import Permission, may, may_unlock
from kiosk.domain.rules import RuleSetError, override_problem
from kiosk.domain.workflow import IllegalTransitionError
from kiosk.services.checking import Checker, CheckError, Lookup, inspection_date
from kiosk.services.tasks import TaskRunner, TaskRunnerClosedError
from kiosk.settings import RESOURCES
from kiosk.slips.errors import SlipError
from kiosk.store.database import StoreError, database_failure
from kiosk.store.reference import ReferenceDataError
from kiosk.store.repository import DataVersion, PinCheck, Store

if TYPE_CHECKING:
    from kiosk.services.devices import DeviceHub
    from kiosk.settings import Settings
    from kiosk.slips.signing import KioskKey

log = logging.getLogger(__name__)

WARM_UP_AFTER_SIGN_IN_MS = 500
"""Delay of the warm-up after a sign-in (when no user choice asked for it before)."""

SAMPLE_DIR = RESOURCES / "sample"
"""The bundled sample data, loaded into an empty database when ``[data] sample_data``."""

_STATE_WORDS = {
    "collecting": "still collecting",
    "decided": "decided",
    "overridden": "overridden",
    "printed": "printed",
    "closed": "closed",
    "voided": "voided",
}


class WorkflowError(Exception):
    """A user action that does not fit the inspection's state; the message is for the user."""


class OverrideError(WorkflowError):
    """A supervisor override that is refused; the message is for the supervisor."""


def override_outcome(verdict: Verdict) -> Outcome:
    """The outcome a supervisor's override of a HOLD sets.

    The override lifts the hold, so the parcel is released: EXEMPT when one of the verdict's
    reasons already found an exception applies (grandfathering, temporary import; the slip
    must keep saying the parcel passes under that exception), CLEAR otherwise. The reason
    code records why the hold was lifted; it does not change the outcome.

    Args:
        verdict: The HOLD verdict being overridden.

    Returns:
        ``Outcome.EXEMPT`` or ``Outcome.CLEAR``.
    """
    if any(r.outcome is Outcome.EXEMPT for r in verdict.reasons):
        return Outcome.EXEMPT
    return Outcome.CLEAR


def user_message(exc: BaseException) -> str:
    """A one-line message for the screen about a failed step.

    Args:
        exc: What a task raised.

    Returns:
        A sentence an inspector can act on.
    """
    if isinstance(exc, IllegalTransitionError):
        state = _STATE_WORDS.get(exc.state.value, exc.state.value)
        if exc.state.value == "printed":
            return "This parcel's slip is printed: press Next parcel to start a new inspection."
        return f"Not possible now: the inspection is {state} ({exc})."
    if isinstance(
        exc,
        WorkflowError | CheckError | StoreError | SlipError | DeviceError | ReferenceDataError,
    ):
        return str(exc)
    if isinstance(exc, RuleSetError):
        return f"The rule set is not valid: {exc}"
    if isinstance(exc, OSError):
        return f"A file could not be written: {exc}"
    return f"Unexpected error ({type(exc).__name__}): {exc}"


# ---- The blocking work (runs in the task thread only) --------------------------------------


@dataclass(frozen=True, slots=True)
class Startup:
    """What the controller learns when the database is open."""

    users: tuple[User, ...]
    data_version: DataVersion | None
    seeded: bool
    languages: dict[str, str] = field(default_factory=dict)
    """The language each user last chose (by username)."""


@dataclass(frozen=True, slots=True)
class StepResult:
    """A saved step: the fresh inspection, what its identifiers found, and whether it decided."""

    inspection: Inspection
    lookup: Lookup | None = None
    decided: bool = False
    ignored: bool = False


@dataclass(frozen=True, slots=True)
class BadgeResult:
    """Who a presented badge belongs to, or why it signs nobody in (a message for the screen)."""

    user: User | None
    message: str = ""


BADGE_REVOKED = (
    "This badge has been revoked and cannot sign in. Hand it to a supervisor; "
    "choose your name to sign in with your PIN."
)
BADGE_UNKNOWN = "This badge is not known at this kiosk. Choose your name to sign in with your PIN."
BADGE_DISABLED = "{name} is disabled and cannot sign in. Ask a supervisor."


@dataclass
class InspectionWork:
    """The blocking half of the controller: store, checks and slips. Plain Python, no Qt.

    Every method runs in the task thread, one at a time, in submission order; this object
    is the only one that touches the store. The current inspection's id lives here so that
    an input queued right after a sign-in lands on the inspection that sign-in opened.
    """

    settings: Settings
    clock: Callable[[], datetime] = utc_now
    store: Store | None = None
    sample_dir: Path = SAMPLE_DIR
    current_id: str | None = None
    checker: Checker | None = None
    _owns_store: bool = field(default=False, init=False)
    _kiosk_key: KioskKey | None = field(default=None, init=False)
    _store_warm: bool = field(default=False, init=False)

    # ---- life cycle ------------------------------------------------------------------------

    def open(self) -> Startup:
        """Open (and migrate) the database, seed the sample data, load the rule set."""
        seeded = False
        self._store_warm = False
        if self.store is None:
            self.store = Store.open(self.settings.database_url)
            self._owns_store = True
        if self.settings.data.sample_data:
            seeded = self.store.seed_sample_data_if_empty(self.sample_dir)
        self.store.note_settings(settings_digest(self.settings), self.settings.source, self.clock())
        self.checker = Checker.from_settings(self.store, self.settings)
        for folder in (self.settings.photos_path, self.settings.slips_path):
            folder.mkdir(parents=True, exist_ok=True)
            _remove_partial_files(folder)
        return Startup(
            tuple(self.store.users()),
            self.store.data_version(),
            seeded,
            self.store.user_languages(),
        )

    def set_user_language(self, username: str, language: str) -> None:
        """Remember the language a user chose at the kiosk."""
        self._store().set_user_language(username, language, self.clock())

    def warm_up(self) -> bool:
        """Load the slip renderer, build the screening index, run the look-ups and read the
        open inspection.

        Runs in the task thread, kept out of the start-up path so the sign-in screen is ready
        sooner, and done before the first verdict so that verdict is not slower than the
        others (the index takes about a second per 100,000 listed names; the inspector is
        typing a PIN meanwhile). What is loaded already is not loaded again.

        Reading the open inspection once makes SQLAlchemy build (and cache) the statements
        that read an inspection with its identifiers, readings, verdicts and slips: the first
        such read took 14-21 ms of pure Python, later ones 4-6 ms. Left to the first scan of
        the shift, it holds the GIL while the screen shows that scan and the GUI thread waits
        for it (in ``benchmarks/gui_stall.py``, where the first parcel comes at once after the
        PIN, that scan gave the longest GUI-thread stall of the shift, 25-41 ms).

        Returns:
            Whether the inspection reads are warm: ``False`` while no inspection is open
            (before the first sign-in), so the controller asks again after the sign-in.
        """
        import kiosk.slips.slip  # noqa: F401

        try:
            self._signing_key()
        except SlipError:
            log.exception("the slip signing key is not ready; slips cannot be signed")
        if self.checker is not None:
            self.checker.warm_up()
        if not self._store_warm and self.current_id is not None:
            self._store().get(self.current_id)
            self._store_warm = True
        return self._store_warm

    def reload_data(self) -> DataVersion | None:
        """Build a checker on the reference data now in the store, then use it (task thread).

        The new checker reads the rule set and builds its name index before it replaces the
        old one, so a check that runs before the swap uses the old data whole and every check
        after it the new data whole (checks run in this same thread, one at a time).

        Returns:
            The data version now in use, for the status bar.
        """
        store = self._store()
        checker = Checker.from_settings(store, self.settings)
        checker.name_index()
        self.checker = checker
        return store.data_version()

    def close(self) -> None:
        """Close the database if this object opened it."""
        if self.store is not None and self._owns_store:
            self.store.close()
        self.store = None

    # ---- people ----------------------------------------------------------------------------

    def sign_in(self, username: str, pin: str) -> PinCheck:
        """Check a user's PIN."""
        return self._store().verify_pin(username, pin, self.clock())

    def sign_out(self) -> None:
        """Forget the current inspection (it stays unfinished in the database)."""
        self.current_id = None

    def identify_badge(self, badge: str) -> BadgeResult:
        """The user holding ``badge``; a revoked or unknown badge is refused and recorded."""
        store = self._store()
        badge = badge.strip()
        now = self.clock()
        user = store.user_by_badge(badge, now)  # records a revoked badge's use
        if user is not None:
            if not user.active:
                return BadgeResult(None, BADGE_DISABLED.format(name=user.display_name))
            return BadgeResult(user)
        if any(revoked[0] == badge for revoked in store.revoked_badges()):
            return BadgeResult(None, BADGE_REVOKED)
        store.record_event("unknown_badge_presented", {"badge": badge}, now=now)
        return BadgeResult(None, BADGE_UNKNOWN)

    def record(
        self, kind: str, detail: dict[str, Any], actor: str | None = None
    ) -> None:
        """Append an event to the audit chain (lock, unlock, kiosk mode left)."""
        self._store().record_event(
            kind, detail, actor=actor, inspection_id=self.current_id, now=self.clock()
        )

    # ---- inspections -----------------------------------------------------------------------

    def resume_or_create(self, user: User) -> StepResult:
        """Reopen this kiosk's unfinished inspection, or start a new one for ``user``.

        A reopened inspection is first brought to where its last saved step leads, in case the
        kiosk stopped half-way through a step (power cut, crash): complete inputs that were
        not checked yet are checked (the declaration recorded, the verdict and slip made), and
        a decided inspection whose slip is missing or older than its verdict or override gets
        its slip written again. Nothing already recorded is recorded a second time.
        """
        store = self._store()
        kiosk = self.settings.kiosk
        found = store.unfinished(kiosk.post, kiosk.kiosk_id)
        if found is None:
            found = store.create_inspection(kiosk.post, kiosk.kiosk_id, user.username, self.clock())
            self.current_id = found.id
            return StepResult(found, self._checker().lookup(found))
        self.current_id = found.id
        name = self._display_name(found.inspector, user)
        if found.state is InspectionState.COLLECTING:
            if _has_inputs(found):
                return self._after_input(found, name)
            return StepResult(found, self._checker().lookup(found))
        lookup = self._checker().lookup(found)
        if found.verdict is not None and self._slip_is_stale(found):
            log.warning("inspection %s: slip missing or out of date, written again", found.id)
            supervisor_name = None
            if found.override is not None:
                supervisor = store.user(found.override.supervisor)
                supervisor_name = (
                    supervisor.display_name if supervisor is not None else found.override.supervisor
                )
            found = self._write_slip(
                found,
                lookup,
                name,
                ruleset_version=found.verdict.ruleset_version,
                supervisor_name=supervisor_name,
            )
        return StepResult(found, lookup, decided=found.verdict is not None)

    def _display_name(self, username: str, user: User) -> str:
        """The display name of ``username`` (the inspection's inspector) for its slip."""
        if username == user.username:
            return user.display_name
        found = self._store().user(username)
        return found.display_name if found is not None else username

    def _slip_is_stale(self, inspection: Inspection) -> bool:
        """True when the slip is missing or older than the verdict, override or unprinted seal."""
        if inspection.slip_path is None or not Path(inspection.slip_path).is_file():
            return True
        last_slip = last_change = -1
        for index, event in enumerate(self._store().events(inspection.id)):
            if event.kind == "slip":
                last_slip = index
            elif event.kind in ("decide", "override") or (
                # a new seal re-writes a slip not printed yet (set_new_seal)
                event.kind == "seal_applied"
                and event.detail.get("from") in ("decided", "overridden")
            ):
                last_change = index
        return last_slip < last_change

    def next_parcel(self, user: User) -> StepResult:
        """Close the current inspection (it must be decided) and start a new one."""
        store = self._store()
        kiosk = self.settings.kiosk
        if self.current_id is not None:
            current = store.get(self.current_id)
            if current.state.value == "collecting":
                if _has_inputs(current):
                    raise WorkflowError(
                        "This parcel has no verdict yet: press Check now first, then Next parcel."
                    )
                # Nothing recorded yet: this empty inspection serves the next parcel.
                return StepResult(current, self._checker().lookup(current))
            store.close_inspection(current.id, self.clock())
        created = store.create_inspection(kiosk.post, kiosk.kiosk_id, user.username, self.clock())
        self.current_id = created.id
        return StepResult(created, Lookup(None, None, None))

    def add_identifier(self, identifier: Identifier, inspector_name: str) -> StepResult:
        """Save a scanned or typed identifier, then check if everything is there."""
        saved, added = self._store().add_new_identifier(
            self._current_id(), identifier, self.clock()
        )
        if not added:  # scanned before: nothing recorded, the verdict (if any) stands
            return StepResult(saved, self._checker().lookup(saved), ignored=True)
        return self._after_input(saved, inspector_name)

    def set_reading(self, reading: WeightReading, inspector_name: str) -> StepResult:
        """Save an accepted weight, then check if everything is there."""
        saved = self._store().set_reading(self._current_id(), reading, self.clock())
        return self._after_input(saved, inspector_name)

    def set_photo(
        self, photo: Photo, inspection_id: str | None, inspector_name: str
    ) -> StepResult:
        """Save a still of the parcel, then check if everything is there."""
        store = self._store()
        current_id = self._current_id()
        if inspection_id is not None and inspection_id != current_id:
            # Taken for a parcel that has moved on (next parcel pressed meanwhile): not this
            # parcel's photo, so it is not recorded; the file stays in the photos folder.
            log.warning("photo %s for inspection %s dropped", photo.path, inspection_id)
            return StepResult(store.get(current_id), ignored=True)
        saved = store.set_photo(current_id, photo, self.clock())
        return self._after_input(saved, inspector_name)

    def check_now(self, inspector_name: str) -> StepResult:
        """Decide with what is there; missing inputs become reasons."""
        store = self._store()
        current = store.get(self._current_id())
        lookup = self._checker().lookup(current)
        current = self._record_declaration(current, lookup)
        return self._decide(current, lookup, inspector_name)

    def override(
        self,
        supervisor: str,
        pin: str,
        code: OverrideCode,
        text: str,
        inspector_name: str,
    ) -> Inspection:
        """Record a supervisor's override of the current HOLD and re-write its slip.

        The checks that need no PIN come first (a reason text, a current HOLD, the override
        policy of the rule set, the supervisor's role), so a refused override does not spend
        one of the supervisor's PIN attempts; then the PIN is verified (a wrong PIN counts
        towards the lock-out as at sign-in); the store checks the two-person rule again.

        Args:
            supervisor: The supervisor's username.
            pin: The supervisor's PIN.
            code: Why the hold is lifted.
            text: The supervisor's written reason (required).
            inspector_name: The inspector's display name, for the slip.

        Returns:
            The overridden inspection, with the re-written slip's path.

        Raises:
            OverrideError: When the override is refused; the message says why.
        """
        store = self._store()
        current = store.get(self._current_id())
        reason = text.strip()
        if not reason:
            raise OverrideError("Write why the hold is lifted: a reason text is required.")
        verdict = current.verdict
        if current.override is not None:
            raise OverrideError("This parcel's verdict has already been overridden.")
        if verdict is None or current.state not in (
            InspectionState.DECIDED,
            InspectionState.PRINTED,
        ):
            raise OverrideError("There is no verdict to override: check the parcel first.")
        problem = override_problem(
            self._checker().ruleset,
            verdict,
            inspection_date(current),
            current.inspector,
            supervisor,
        )
        if problem is not None:
            raise OverrideError(f"Override refused: {problem}.")
        user = store.user(supervisor)
        if user is None:
            raise OverrideError(f"Override refused: unknown user {supervisor!r}.")
        if user.role != "supervisor" or not user.active:
            raise OverrideError(
                f"Override refused: {user.display_name} is not an active supervisor."
            )
        check = store.verify_pin(supervisor, pin, self.clock())
        if not check.ok:
            raise OverrideError(check.message)
        now = self.clock()
        override = Override(supervisor, code, reason, override_outcome(verdict), now)
        overridden = store.set_override(current.id, override, now)
        crash_point("work:overridden")
        lookup = self._checker().lookup(overridden)
        return self._write_slip(
            overridden,
            lookup,
            inspector_name,
            ruleset_version=verdict.ruleset_version,
            supervisor_name=user.display_name,
        )

    def mark_printed(self, inspection_id: str, *, reprint: bool = False) -> Inspection:
        """Record that the slip of an inspection was printed (``reprint``: printed again)."""
        return self._store().mark_printed(inspection_id, self.clock(), reprint=reprint)

    def set_typed_declaration(
        self, declaration: Declaration, inspector_name: str
    ) -> StepResult:
        """Record a declaration typed at the kiosk (none was found), then check if ready.

        Raises:
            WorkflowError: A declaration is on file for the parcel's identifiers: that one
                counts, a typed one would be replaced by it.
        """
        store = self._store()
        current = store.get(self._current_id())
        on_file = self._checker().lookup(replace(current, declaration=None)).declaration
        if on_file is not None:
            raise WorkflowError(
                f"Declaration {on_file.reference} is on file for this parcel: it is used "
                "instead of a typed one."
            )
        saved = store.set_declaration(current.id, declaration, self.clock())
        return self._after_input(saved, inspector_name)

    def set_new_seal(self, seal: str, actor: str, inspector_name: str) -> StepResult:
        """Record the seal applied to the parcel after the inspection.

        A slip not yet printed is re-written to carry it; a printed slip stays as printed
        (the seal is in the record and the audit trail).
        """
        store = self._store()
        saved = store.set_new_seal(self._current_id(), seal, self.clock(), actor)
        lookup = self._checker().lookup(saved)
        verdict = saved.verdict
        if (
            verdict is not None
            and saved.slip_path is not None
            and saved.state in (InspectionState.DECIDED, InspectionState.OVERRIDDEN)
        ):
            supervisor = store.user(saved.override.supervisor) if saved.override else None
            saved = self._write_slip(
                saved,
                lookup,
                inspector_name,
                ruleset_version=verdict.ruleset_version,
                supervisor_name=supervisor.display_name if supervisor is not None else None,
            )
        return StepResult(saved, lookup)

    # ---- internals -------------------------------------------------------------------------

    def _after_input(self, inspection: Inspection, inspector_name: str) -> StepResult:
        lookup = self._checker().lookup(inspection)
        inspection = self._record_declaration(inspection, lookup)
        if _ready(inspection, lookup):
            return self._decide(inspection, lookup, inspector_name)
        return StepResult(inspection, lookup)

    def _record_declaration(self, inspection: Inspection, lookup: Lookup) -> Inspection:
        if lookup.declaration is not None and lookup.declaration != inspection.declaration:
            return self._store().set_declaration(inspection.id, lookup.declaration, self.clock())
        return inspection

    def _decide(self, inspection: Inspection, lookup: Lookup, inspector_name: str) -> StepResult:
        store = self._store()
        now = self.clock()
        result = self._checker().check(inspection, now)
        decided = store.set_verdict(inspection.id, result.verdict, now)
        crash_point("work:decided")
        with_slip = self._write_slip(
            decided, result.lookup, inspector_name, ruleset_version=result.verdict.ruleset_version
        )
        return StepResult(with_slip, result.lookup, decided=True)

    def _write_slip(
        self,
        inspection: Inspection,
        lookup: Lookup,
        inspector_name: str,
        *,
        ruleset_version: str,
        supervisor_name: str | None = None,
    ) -> Inspection:
        store = self._store()
        version = store.data_version()
        kiosk = self.settings.kiosk
        from kiosk.slips.slip import SlipContext, write_slip

        signing_key = self._signing_key()
        ctx = SlipContext(
            post_code=kiosk.post,
            post_name=kiosk.post_name,
            kiosk_id=kiosk.kiosk_id,
            inspector_name=inspector_name or inspection.inspector,
            supervisor_name=supervisor_name,
            data_version=version.version if version is not None else "",
            data_published_at=version.published_at if version is not None else None,
            ruleset_version=ruleset_version,
            kp_certificate=lookup.certificate,
            signing_key=signing_key,
        )
        path = write_slip(inspection, ctx, self.settings.slips_path)
        return store.set_slip(inspection.id, str(path), self.clock())

    def _signing_key(self) -> KioskKey:
        """The kiosk's slip signing key, created on first use (``<data dir>/keys``)."""
        if self._kiosk_key is None:
            from kiosk.slips.signing import SigningError, load_or_create_key

            try:
                self._kiosk_key = load_or_create_key(
                    self.settings.data_dir / "keys", self.settings.kiosk.kiosk_id
                )
            except SigningError as exc:
                raise SlipError(f"The slip cannot be signed: {exc}") from exc
        return self._kiosk_key

    def _store(self) -> Store:
        if self.store is None:
            raise WorkflowError("The database is not open.")
        return self.store

    def _checker(self) -> Checker:
        if self.checker is None:
            raise WorkflowError("The checks are not ready: the rule set did not load.")
        return self.checker

    def _current_id(self) -> str:
        if self.current_id is None:
            raise WorkflowError("No inspection is open: sign in first.")
        return self.current_id


def settings_digest(settings: Settings) -> str:
    """The SHA-256 of the settings file in use, or of the effective settings when defaults."""
    import hashlib
    import json

    source = Path(settings.source)
    if settings.source != "defaults" and source.is_file():
        try:
            return hashlib.sha256(source.read_bytes()).hexdigest()
        except OSError:
            log.warning("cannot read %s to record its digest", source)
    body = json.dumps(settings.to_dict(), sort_keys=True, default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


PARTIAL_FILE_PATTERN = ".*.tmp"
"""Temporary files of photos and slips being written (``save_jpeg``, ``write_slip``)."""


def _remove_partial_files(folder: Path) -> None:
    """Delete what a write cut short left behind: ``.<name>.<random>.tmp`` files.

    Photos and slips are written under a temporary name, synced, then renamed; a temporary
    file still there when the kiosk starts was never renamed, so nothing refers to it.
    """
    for partial in folder.glob(PARTIAL_FILE_PATTERN):
        try:
            partial.unlink()
            log.warning("removed %s, left by an interrupted write", partial)
        except OSError as exc:
            log.warning("cannot remove %s: %s", partial, exc)


def _has_inputs(inspection: Inspection) -> bool:
    return bool(inspection.identifiers) or inspection.reading is not None or (
        inspection.photo is not None
    )


def _ready(inspection: Inspection, lookup: Lookup) -> bool:
    """Everything for an automatic check: a KP number or declaration, a stable weight, a photo."""
    identified = (
        inspection.identifier(IdentifierKind.KP_CERTIFICATE) is not None
        or lookup.declaration is not None
    )
    weighed = inspection.reading is not None and inspection.reading.state is WeightState.STABLE
    return identified and weighed and inspection.photo is not None


# ---- The controller (GUI thread) -----------------------------------------------------------


class InspectionController(QObject):
    """The inspection workflow for the screens, on top of a ``TaskRunner``.

    All store, check and slip work runs in the task thread, in order; every signal is
    emitted on the GUI thread. Device events (from a ``DeviceHub``) are saved as they come:
    a scanned identifier, an accepted weight (which also takes a still), the still. When the
    inspection has a KP number (or an MRN/AWB that finds a declaration), a stable weight and
    a photo, the checks run and the slip is written in the same task.

    Signals:
        signed_in(object): the ``User`` who signed in.
        sign_in_failed(str): why a sign-in was refused (one line for the screen).
        signed_out(): the user signed out.
        inspection_changed(object): the current ``Inspection`` after every saved step.
        declaration_found(object): the ``Declaration`` found for the identifiers, or None.
        certificate_found(object): the ``KpCertificate`` from the register, or None.
        verdict_ready(object): the ``Inspection`` with its verdict and slip path.
        printed(str): the slip was printed (where it went) and recorded as printed.
        print_failed(str): the slip could not be printed; why, in one line.
        error_occurred(str): a step failed; a one-line message for the screen.
        data_status_changed(object): the ``DataVersion`` in use, or None.
        busy_changed(bool): True while steps are queued or running.
        ready(): the database is open and ``users()`` is filled.
        override_recorded(object): the overridden ``Inspection``, its slip re-written.
        override_refused(str): why a supervisor override was refused (one line).
        sign_in_delayed(float): after a refused PIN, seconds before the next try is allowed
            (a growing wait or a lock-out); emitted right after ``sign_in_failed``.
        badge_identified(object): the ``User`` whose badge was presented (PIN next).
        badge_refused(str): a badge that signs nobody in (revoked, unknown, disabled user).
        locked(object): the session of this ``User`` was locked (idle); the inspection stays.
        unlocked(object): the locked session goes on, as this ``User``.
        database_failed(str): the database cannot be used now (a fault screen with Retry).
        warmed_up(): a warm-up is done: the slip renderer, signing key and name index are
            loaded, and the open inspection read if there was one (the objects made so far
            live as long as the kiosk). A warm-up before the first sign-in is followed by one
            after it.
    """

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
    warmed_up = Signal()

    def __init__(
        self,
        settings: Settings,
        devices: DeviceHub | None = None,
        *,
        store: Store | None = None,
        runner: TaskRunner | None = None,
        clock: Callable[[], datetime] = utc_now,
        sample_dir: Path = SAMPLE_DIR,
        parent: QObject | None = None,
    ) -> None:
        """Create the controller; nothing is opened until ``start()``.

        Args:
            settings: The kiosk settings.
            devices: The device hub whose events feed the inspection (None: typed input only).
            store: An open store to use (default: open ``settings.database_url`` at start).
            runner: The task runner to use (default: one of its own, shut down with it).
            clock: The current UTC instant (tests pass a fixed clock).
            sample_dir: Sample data loaded into an empty database when the settings ask.
            parent: The Qt parent.
        """
        super().__init__(parent)
        self._settings = settings
        self._devices = devices
        self._owns_runner = runner is None
        self._runner = runner if runner is not None else TaskRunner(name="inspection-tasks")
        self._work = InspectionWork(settings, clock=clock, store=store, sample_dir=sample_dir)
        self._users: list[User] = []
        self._languages: dict[str, str] = {}
        self._user: User | None = None
        self._current: Inspection | None = None
        self._data_version: DataVersion | None = None
        self._shown_lookup: tuple[object, object] | None = None
        self._session = 0
        self._warm_up_requested = False
        self._still_for: str | None = None
        self._printing_id: str | None = None
        self._printing_reprint = False
        self._closed = False
        self._started = False
        self._opened = False
        self._locked = False
        self._runner.busy_changed.connect(self._on_runner_busy_changed)
        if devices is not None:
            devices.identifier_scanned.connect(self._on_devices_identifier_scanned)
            devices.weight_accepted.connect(self._on_devices_weight_accepted)
            devices.still_saved.connect(self._on_devices_still_saved)
            devices.still_failed.connect(self._on_devices_still_failed)
            devices.printed.connect(self._on_devices_printed)
            devices.print_failed.connect(self._on_devices_print_failed)

    # ---- Properties ------------------------------------------------------------------------

    @property
    def user(self) -> User | None:
        """The signed-in user, or None."""
        return self._user

    @property
    def current(self) -> Inspection | None:
        """The current inspection as last saved, or None."""
        return self._current

    @property
    def data_version(self) -> DataVersion | None:
        """The reference data in use (read at start, again after ``reload_data``)."""
        return self._data_version

    @property
    def busy(self) -> bool:
        """True while steps are queued or running."""
        return self._runner.busy

    def users(self) -> list[User]:
        """The users who may sign in (read at start)."""
        return list(self._users)

    def user_language(self, username: str) -> str | None:
        """The language ``username`` last chose at this kiosk, or ``None`` (read at start)."""
        return self._languages.get(username)

    @Slot(str, str)
    def remember_language(self, username: str, language: str) -> None:
        """Record the language ``username`` chose; their next sign-in starts in it."""
        if self._languages.get(username) == language:
            return
        self._languages[username] = language

        def failed(exc: BaseException) -> None:  # a preference: logged, never in the way
            log.warning("the language of %s was not saved: %s", username, exc)

        self._submit(
            lambda: self._work.set_user_language(username, language),
            None,
            name="remember language",
            on_error=failed,
        )

    @property
    def is_locked(self) -> bool:
        """True while the signed-in user's session is locked (idle lock)."""
        return self._locked

    # ---- Life cycle ------------------------------------------------------------------------

    def start(self, wait_s: float = 30.0) -> None:
        """Open the database (in the task thread), seed sample data, load the rule set.

        Args:
            wait_s: Wait up to this long for it, so that ``users()`` is filled on return;
                0 returns at once (then wait for ``ready``).
        """
        if self._started:
            return
        self._started = True
        self._submit_open()
        if wait_s > 0 and not self._runner.drain(wait_s):
            self.error_occurred.emit("The database is taking long to open; please wait.")

    def shutdown(self, timeout_s: float = 30.0) -> None:
        """Finish queued steps, close the database and stop the task thread (if owned)."""
        if self._closed:
            return
        self._submit(self._work.close, None, name="close")
        self._closed = True
        if self._owns_runner:
            self._runner.shutdown(timeout_s)
        else:
            self._runner.drain(timeout_s)

    # ---- User intents ----------------------------------------------------------------------

    @Slot(str, str)
    def sign_in(self, username: str, pin: str) -> None:
        """Check the PIN; on success, resume the unfinished inspection or start one."""
        self._submit(
            lambda: self._work.sign_in(username, pin),
            self._on_sign_in_done,
            name="sign in",
            on_error=lambda exc: self.sign_in_failed.emit(user_message(exc)),
        )

    @Slot(str)
    def identify_badge(self, badge: str) -> None:
        """Find the user of a presented badge: ``badge_identified`` or ``badge_refused``."""
        if not badge.strip():
            return
        self._submit(
            lambda: self._work.identify_badge(badge),
            self._on_badge_done,
            name="identify badge",
        )

    @Slot()
    def lock(self) -> None:
        """Lock the signed-in user's session (idle); the inspection stays as it is.

        While locked, device inputs are not added to the inspection, a presented badge is
        looked up, and ``sign_in`` either unlocks (the same user, or a supervisor for them)
        or signs another user in, who finds the unfinished inspection as it was.
        """
        user = self._user
        if user is None or self._locked:
            return
        self._locked = True
        self._submit(
            lambda: self._work.record("session_locked", {"username": user.username}, user.username),
            None,
            name="record lock",
        )
        self.locked.emit(user)

    @Slot()
    def reload_data(self) -> None:
        """Use the reference data now in the database (after the sync applied a bundle).

        The rule set and the name index are rebuilt in the task thread, then swapped in;
        ``data_status_changed`` reports the new data version.
        """
        if not self._opened or self._closed:
            return

        def failed(exc: BaseException) -> None:
            log.error("the new reference data could not be loaded", exc_info=exc)
            self.error_occurred.emit(f"The new reference data cannot be used: {user_message(exc)}")

        self._submit(
            self._work.reload_data, self._on_reload_done, name="reload data", on_error=failed
        )

    @Slot()
    def _on_sync_data_changed(self) -> None:
        self.reload_data()

    @Slot()
    def retry_database(self) -> None:
        """Try the database again after ``database_failed``; ``ready`` when it answers."""
        self._submit_open()

    def record_kiosk_exit(self) -> bool:
        """Record that the signed-in technician left kiosk mode; False if not allowed."""
        user = self._user
        if user is None or user.role != "technician" or self._locked:
            return False
        self._submit(
            lambda: self._work.record(
                "kiosk_mode_left", {"username": user.username}, user.username
            ),
            None,
            name="record kiosk exit",
        )
        return True

    @Slot()
    def sign_out(self) -> None:
        """Sign out; the inspection stays unfinished and is resumed at the next sign-in."""
        if self._user is None:
            return
        self._session += 1
        self._locked = False
        self._user = None
        self._current = None
        self._shown_lookup = None
        self._still_for = None
        self._printing_id = None
        self._submit(self._work.sign_out, None, name="sign out")
        self.signed_out.emit()

    @Slot()
    def start_inspection(self) -> None:
        """Resume the unfinished inspection of this kiosk or start a new one."""
        user = self._require_user()
        if user is None:
            return
        self._submit_step(lambda: self._work.resume_or_create(user), "start inspection")

    @Slot(str)
    def add_typed_identifier(self, text: str) -> None:
        """Classify and save an identifier typed by the inspector."""
        if self._require_user() is None:
            return
        if not text.strip():
            self.error_occurred.emit("Type an identifier first.")
            return
        identifier = classify(text, None, InputSource.TYPED)
        if identifier.problem is not None:
            self.error_occurred.emit(f"{text.strip()}: {identifier.problem}")
        self._add_identifier(identifier)

    @Slot()
    def check_now(self) -> None:
        """Decide now with what is there (missing inputs are reasons)."""
        user = self._require_user()
        if user is None:
            return
        name = user.display_name
        self._submit_step(lambda: self._work.check_now(name), "check")

    @Slot()
    def print_slip(self) -> None:
        """Send the current slip to the printer; it is marked printed only on success."""
        if self._require_user() is None:
            return
        current = self._current
        if current is None or current.slip_path is None or current.verdict is None:
            self.error_occurred.emit("There is no slip to print yet: check the parcel first.")
            return
        if self._devices is None:
            self.print_failed.emit("No printer is set up.")
            return
        self._printing_id = current.id
        # The same stored slip printed again is a reprint (its own audit entry); a slip
        # re-written by an override is a new slip, printed as such.
        self._printing_reprint = current.state is InspectionState.PRINTED
        self._devices.print_pdf(Path(current.slip_path))

    @Slot()
    def reprint_slip(self) -> None:
        """Print the stored slip again; recorded as a ``reprint`` in the audit trail."""
        if self._require_user() is None:
            return
        current = self._current
        if current is None or current.printed_at is None:
            self.error_occurred.emit("The slip has not been printed yet: press Print slip.")
            return
        self.print_slip()

    @Slot(object)
    def enter_declaration(self, declaration: object) -> None:
        """Record a declaration the inspector typed in because none was found."""
        user = self._require_user()
        if user is None or not isinstance(declaration, Declaration):
            return
        name = user.display_name
        self._submit_step(
            lambda: self._work.set_typed_declaration(declaration, name), "save declaration"
        )

    @Slot(str)
    def apply_new_seal(self, seal: str) -> None:
        """Record the new seal applied to the parcel after the inspection."""
        user = self._require_user()
        if user is None:
            return
        if not seal.strip():
            self.error_occurred.emit("Type or scan the new seal's number first.")
            return
        username, name = user.username, user.display_name
        self._submit_step(
            lambda: self._work.set_new_seal(seal, username, name), "save new seal"
        )

    def request_override(
        self, supervisor: str, pin: str, code: OverrideCode, text: str
    ) -> None:
        """Ask to override the current HOLD as ``supervisor`` (two-person rule, R18).

        Runs in the task thread: the supervisor's PIN is verified, the override policy is
        checked, the override is recorded with the new outcome (``override_outcome``) and the
        slip is re-written with both names. Answers with ``override_recorded(Inspection)``
        (after ``inspection_changed``) or ``override_refused(str)``. The inspector stays
        signed in either way.

        Args:
            supervisor: The supervisor's username.
            pin: The supervisor's PIN.
            code: The reason code.
            text: The written reason (required).
        """
        user = self._user
        if user is None:
            self.override_refused.emit("Sign in first.")
            return
        if self._current is None:
            self.override_refused.emit("There is no inspection to override.")
            return
        if not text.strip():
            self.override_refused.emit("Write why the hold is lifted: a reason text is required.")
            return
        name = user.display_name
        session = self._session

        def done(result: object) -> None:
            assert isinstance(result, Inspection)
            if session != self._session:
                return  # signed out meanwhile: recorded, but not shown
            self._show(StepResult(result))
            self.override_recorded.emit(result)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, WorkflowError | IllegalTransitionError | StoreError):
                log.error("override failed", exc_info=exc)
            self.override_refused.emit(user_message(exc))

        self._submit(
            lambda: self._work.override(supervisor, pin, code, text, name),
            done,
            name="override",
            on_error=failed,
        )

    @Slot()
    def next_parcel(self) -> None:
        """Close the decided inspection and start a new one."""
        user = self._require_user()
        if user is None:
            return
        self._submit_step(lambda: self._work.next_parcel(user), "next parcel")

    # ---- Device events (GUI thread) --------------------------------------------------------

    @Slot(object)
    def _on_devices_identifier_scanned(self, identifier: object) -> None:
        if self._closed or not isinstance(identifier, Identifier):
            return
        if self._user is None or self._locked:
            # Nobody at work: a badge on the reader (or a code on the scanner) signs in.
            # The camera sees codes all the time, so it never presents a badge.
            if identifier.source is not InputSource.CAMERA and self._opened:
                self.identify_badge(identifier.raw.strip() or identifier.value)
            return
        self._add_identifier(identifier)

    @Slot(object)
    def _on_devices_weight_accepted(self, reading: object) -> None:
        user = self._user
        if (
            user is None
            or self._locked
            or self._closed
            or not isinstance(reading, WeightReading)
        ):
            return
        name = user.display_name
        self._submit_step(
            lambda: self._work.set_reading(reading, name), "save weight", then=self._take_still
        )

    @Slot(object)
    def _on_devices_still_saved(self, photo: object) -> None:
        user = self._user
        if user is None or self._closed or not isinstance(photo, Photo):
            return
        target, self._still_for = self._still_for, None
        name = user.display_name
        self._submit_step(lambda: self._work.set_photo(photo, target, name), "save photo")

    @Slot(str)
    def _on_devices_still_failed(self, message: str) -> None:
        if self._user is not None and not self._closed:
            self._still_for = None
            self.error_occurred.emit(message)

    @Slot(str)
    def _on_devices_printed(self, destination: str) -> None:
        inspection_id, self._printing_id = self._printing_id, None
        if inspection_id is None or self._closed:
            return
        session = self._session

        def done(result: object) -> None:
            assert isinstance(result, Inspection)
            if session == self._session:
                self._show(StepResult(result))
            self.printed.emit(destination)

        reprint, self._printing_reprint = self._printing_reprint, False
        self._submit(
            lambda: self._work.mark_printed(inspection_id, reprint=reprint),
            done,
            name="mark printed",
        )

    @Slot(str)
    def _on_devices_print_failed(self, message: str) -> None:
        if self._printing_id is None:
            return
        self._printing_id = None
        self.print_failed.emit(message)

    @Slot(bool)
    def _on_runner_busy_changed(self, busy: bool) -> None:
        self.busy_changed.emit(busy)

    # ---- Internals -------------------------------------------------------------------------

    def _require_user(self) -> User | None:
        if self._user is None:
            self.error_occurred.emit("Sign in first.")
        return self._user

    def _add_identifier(self, identifier: Identifier) -> None:
        user = self._user
        assert user is not None
        name = user.display_name
        self._submit_step(lambda: self._work.add_identifier(identifier, name), "save identifier")

    def _take_still(self, step: StepResult) -> None:
        if self._devices is None:
            return
        inspection = step.inspection
        stamp = utc_now().strftime("%Y%m%dT%H%M%S%f")
        self._still_for = inspection.id
        self._devices.capture_still(self._settings.photos_path / f"{inspection.id}-{stamp}.jpg")

    def _submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        *,
        name: str,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        def failed(exc: BaseException) -> None:
            if not isinstance(exc, WorkflowError | IllegalTransitionError):
                log.error("%s failed", name, exc_info=exc)
            self.error_occurred.emit(user_message(exc))

        handler = on_error or failed

        def failed_or_unavailable(exc: BaseException) -> None:
            unavailable = database_failure(exc)
            if unavailable is None:
                handler(exc)
                return
            log.error("%s failed: the database is unavailable", name, exc_info=exc)
            self.database_failed.emit(f"The database cannot be used: {unavailable}")

        try:
            self._runner.submit(fn, on_done=on_done, on_error=failed_or_unavailable, name=name)
        except TaskRunnerClosedError:
            log.warning("%s ignored: the controller is shut down", name)

    def _submit_step(
        self,
        fn: Callable[[], StepResult],
        name: str,
        then: Callable[[StepResult], None] | None = None,
    ) -> None:
        session = self._session

        def done(result: object) -> None:
            assert isinstance(result, StepResult)
            if session != self._session:
                return  # signed out meanwhile: the step is saved, but not shown
            self._show(result)
            if then is not None and not result.ignored:
                then(result)

        self._submit(fn, done, name=name)

    def _show(self, step: StepResult) -> None:
        inspection = step.inspection
        if self._current is not None and inspection.id != self._current.id:
            self._shown_lookup = None
        self._current = inspection
        self.inspection_changed.emit(inspection)
        if step.lookup is not None:
            shown = (step.lookup.declaration, step.lookup.certificate)
            if shown != self._shown_lookup:
                self._shown_lookup = shown
                self.declaration_found.emit(step.lookup.declaration)
                self.certificate_found.emit(step.lookup.certificate)
        if step.decided:
            self.verdict_ready.emit(inspection)

    def _submit_open(self) -> None:
        def failed(exc: BaseException) -> None:
            log.error("the database could not be opened", exc_info=exc)
            self.database_failed.emit(f"The database cannot be opened: {user_message(exc)}")

        self._submit(self._work.open, self._on_open_done, name="open", on_error=failed)
        self._warm_up_requested = False

    @Slot()
    def prepare(self) -> None:
        """Warm up for the first parcel (slip renderer, signing key, name index, inspection reads).

        Asked for when a user is chosen on the sign-in screen (the PIN takes seconds to type)
        and after every sign-in, not at start-up: queued before the sign-in it would hold the
        sign-in up behind it (tasks run one at a time), by a second per 100,000 listed names.
        Done once; a warm-up that found no open inspection to read is done again at the next
        request (the one after the sign-in), which then loads only what is still cold.
        """
        if self._warm_up_requested:
            return
        self._warm_up_requested = True
        self._submit(
            self._work.warm_up,
            self._on_warm_up_done,
            name="warm up",
            on_error=lambda _exc: None,
        )

    def _on_warm_up_done(self, result: object) -> None:
        if not result:
            # No inspection was open yet (a user was chosen before the first sign-in): the
            # warm-up asked for after the sign-in reads the one it opens.
            self._warm_up_requested = False
        self.warmed_up.emit()

    def _on_badge_done(self, result: object) -> None:
        assert isinstance(result, BadgeResult)
        if result.user is None:
            self.badge_refused.emit(result.message)
        else:
            self.badge_identified.emit(result.user)
            self.prepare()

    def _on_open_done(self, result: object) -> None:
        assert isinstance(result, Startup)
        self._opened = True
        self._users = list(result.users)
        self._languages = dict(result.languages)
        self._data_version = result.data_version
        if result.seeded:
            log.info("sample data loaded into the empty database")
        self.data_status_changed.emit(result.data_version)
        self.ready.emit()

    def _on_reload_done(self, result: object) -> None:
        assert result is None or isinstance(result, DataVersion)
        self._data_version = result
        self.data_status_changed.emit(result)

    def _on_sign_in_done(self, result: object) -> None:
        assert isinstance(result, PinCheck)
        if not result.ok or result.user is None:
            self.sign_in_failed.emit(result.message)
            if result.retry_after_s > 0:
                self.sign_in_delayed.emit(float(result.retry_after_s))
            return
        user = result.user
        locked_user = self._user if self._locked else None
        if locked_user is not None and may_unlock(
            locked_user.role, locked_user.username, user.username, user.role
        ):
            self._locked = False
            self._submit(
                lambda: self._work.record(
                    "session_unlocked",
                    {"username": locked_user.username, "by": user.username},
                    user.username,
                ),
                None,
                name="record unlock",
            )
            self.unlocked.emit(locked_user)
            return
        if locked_user is not None:
            # Someone else takes over: the locked session ends, the inspection stays open.
            self._submit(
                lambda: self._work.record(
                    "session_taken_over",
                    {"username": locked_user.username, "by": user.username},
                    user.username,
                ),
                None,
                name="record take-over",
            )
        self._locked = False
        self._session += 1
        self._user = user
        self._current = None
        self._shown_lookup = None
        self.signed_in.emit(user)
        if may(user.role, Permission.INSPECT):
            # A technician opens no inspection: the parcel under way waits for an inspector.
            self._submit_step(lambda: self._work.resume_or_create(user), "open inspection")
        # A moment later, so that the warm-up does not compete with showing the inspection
        # screen (a parcel is not presented within half a second; a check before it would
        # build the index itself).
        QTimer.singleShot(WARM_UP_AFTER_SIGN_IN_MS, self, self.prepare)

