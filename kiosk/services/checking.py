"""The checks of one inspection: look up the references, screen the parties, apply the rules."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kiosk.domain.bundle import CertificateUse
from kiosk.domain.models import (
    Declaration,
    G7Certificate,
    IdentifierKind,
    Inspection,
    KpCertificate,
    ScreeningHit,
    Verdict,
)
from kiosk.domain.name_index import NameIndex
from kiosk.domain.names import normalise_name
from kiosk.domain.rules import CheckInput, RuleSet, RuleSetError, evaluate, parse_ruleset
from kiosk.domain.screening import (
    merge_hits,
    parties_of,
    screen,
    screen_exact,
    with_screening_thresholds,
)

if TYPE_CHECKING:
    from kiosk.settings import Settings
    from kiosk.store.repository import DataVersion, Store

log = logging.getLogger(__name__)

LEGAL_TIMEZONE = ZoneInfo("Europe/Brussels")
"""Dates in the regulation are Belgian calendar dates."""

CHECK_ATTEMPTS = 3
"""Runs of the checks at most when the reference data keeps changing under them."""

LOOKUP_ORDER: tuple[IdentifierKind, ...] = (
    IdentifierKind.KP_CERTIFICATE,
    IdentifierKind.MRN,
    IdentifierKind.AWB,
)
"""Which identifier finds the declaration, in order of preference."""


class CheckError(Exception):
    """The checks cannot run (no rule set, unreadable rule file); the message is for the user."""


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the reference data says about an inspection's identifiers."""

    declaration: Declaration | None
    kp_number: str | None
    certificate: KpCertificate | None


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of the checks with everything that was looked up to reach it."""

    verdict: Verdict
    lookup: Lookup
    hits: tuple[ScreeningHit, ...]
    data_stale: bool


def load_ruleset(path: Path) -> RuleSet:
    """Read and validate the rule-set file.

    Args:
        path: The JSON rule-set file (``Settings.ruleset_path``).

    Returns:
        The parsed rule set.

    Raises:
        CheckError: The file cannot be read or is not a valid rule set.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckError(f"Cannot read the rule set {path}: {exc}") from None
    try:
        return parse_ruleset(text)
    except RuleSetError as exc:
        raise CheckError(f"The rule set {path} is not valid: {exc}") from None


def inspection_date(inspection: Inspection) -> date:
    """The legal date of an inspection: the Belgian calendar date it started on."""
    return inspection.started_at.astimezone(LEGAL_TIMEZONE).date()


class Checker:
    """Runs the checks of an inspection against the local reference data (plain Python).

    Blocking (database reads): call it from the task thread, never the GUI thread.
    """

    def __init__(self, store: Store, ruleset: RuleSet, settings: Settings) -> None:
        """Create the checker.

        Args:
            store: The repository with the reference data.
            ruleset: The rules (``load_ruleset(settings.ruleset_path)``).
            settings: Tolerances and the maximum data age.
        """
        self._store = store
        checks = settings.checks
        self._ruleset = with_screening_thresholds(
            ruleset, float(checks.screening_match), float(checks.screening_review)
        )
        self._settings = settings
        self._index: NameIndex | None = None
        self._index_key: object = None

    @classmethod
    def from_settings(cls, store: Store, settings: Settings) -> Checker:
        """A checker with the rule set named in the settings; raises ``CheckError``."""
        return cls(store, load_ruleset(settings.ruleset_path), settings)

    @property
    def ruleset(self) -> RuleSet:
        """The rule set in use."""
        return self._ruleset

    def name_index(self) -> NameIndex:
        """The name index of the listed parties in use, built again when the lists change.

        The first call after a list import reads every listed party (about a second per
        100,000 names); later calls reuse the index.
        """
        key = self._lists_key()
        if self._index is None or key != self._index_key:
            self._index = NameIndex.build(self._store.iter_listed_parties())
            self._index_key = key
        return self._index

    def _lists_key(self) -> object:
        """What identifies the lists in use: the data version and each list's load."""
        version = self._store.data_version()
        statuses = tuple(
            (s.source, s.version, s.loaded_at, tuple(sorted(s.counts.items())))
            for s in self._store.data_status()
            if s.kind == "list"
        )
        return (version.version, version.loaded_at) if version else None, statuses

    def warm_up(self) -> None:
        """Build the name index and run each look-up once, on a value nothing has.

        SQLAlchemy builds a statement the first time it runs and reuses it after: done here
        (the task thread, before the first parcel), the first scan of a shift does not spend
        milliseconds of Python building them while the screen shows that scan.
        """
        self.name_index()
        for kind in LOOKUP_ORDER:
            self._store.declaration_for(kind, "")
        self._store.kp_certificate("")

    def lookup(self, inspection: Inspection, *, own_declaration: bool = False) -> Lookup:
        """Find the declaration (by KP number, else MRN, else AWB) and the KP certificate.

        Args:
            inspection: The inspection with its identifiers so far.
            own_declaration: Use the declaration the inspection carries (a desk check of a
                declaration file) instead of looking one up.

        Returns:
            What was found; the KP number is the presented one, else the declaration's.
        """
        declaration: Declaration | None = inspection.declaration if own_declaration else None
        for kind in () if own_declaration else LOOKUP_ORDER:
            ident = inspection.identifier(kind)
            if ident is None:
                continue
            declaration = self._store.declaration_for(kind, ident.value)
            if declaration is not None:
                break
        if declaration is None:
            declaration = inspection.declaration
        presented = inspection.identifier(IdentifierKind.KP_CERTIFICATE)
        kp_number = presented.value if presented is not None else None
        if kp_number is None and declaration is not None:
            kp_number = declaration.kp_number
        certificate = self._store.kp_certificate(kp_number) if kp_number else None
        return Lookup(declaration=declaration, kp_number=kp_number, certificate=certificate)

    def data_stale(self, now: datetime, version: DataVersion | None = None) -> bool:
        """True when there is no reference data or it is out of date (see ``data_freshness``).

        Args:
            now: The current instant (timezone-aware UTC).
            version: The data version, if already read (else it is read from the store).
        """
        return self.data_freshness(now, version)[0]

    def data_freshness(self, now: datetime, version: DataVersion | None = None) -> tuple[bool, str]:
        """Whether the reference data is out of date, and why (one line, for K3's reason).

        Data from a hub bundle counts from the bundle's publication: older than
        ``max_data_age_h``, or past the expiry of the hub's signed TUF timestamp, it is out
        of date however recently it was fetched. Data loaded by hand (sample data,
        ``kiosk data import``) counts from when this kiosk loaded it: official lists are not
        republished daily.

        Args:
            now: The current instant (timezone-aware UTC).
            version: The data version, if already read (else it is read from the store).
        """
        max_age_h = self._settings.data.max_data_age_h
        max_age = timedelta(hours=max_age_h)
        limit = f"{max_age_h:g} h"
        bundle = self._store.applied_bundle()
        if bundle is not None:
            if bundle.expires_at is not None and now > bundle.expires_at:
                return True, (
                    f"the hub's signed data (bundle {bundle.version}) expired on "
                    f"{bundle.expires_at:%Y-%m-%d %H:%M} UTC"
                )
            if now - bundle.published_at > max_age:
                return True, (
                    f"kiosk data older than {limit} (bundle {bundle.version} published "
                    f"{bundle.published_at:%Y-%m-%d %H:%M} UTC)"
                )
            return False, ""
        if version is None:
            version = self._store.data_version()
        if version is None:
            return True, "no reference data loaded"
        if now - version.loaded_at > max_age:
            return True, (
                f"kiosk data older than {limit} (loaded {version.loaded_at:%Y-%m-%d %H:%M} UTC)"
            )
        return False, ""

    def certificate_uses_elsewhere(
        self, inspection: Inspection, kp_number: str | None, g7_number: str | None
    ) -> tuple[CertificateUse, ...]:
        """Earlier uses, at other posts, of this parcel's KP and G7 certificates (K5).

        Uses at this post or by this very inspection are left out (the hub sends every
        post's records back, this kiosk's own among them).
        """
        post = self._settings.kiosk.post
        found: list[CertificateUse] = []
        for kind, number in (("kp", kp_number), ("g7", g7_number)):
            if not number:
                continue
            found += [
                use
                for use in self._store.certificate_uses(kind, number)
                if use.inspection_id != inspection.id and use.post != post
            ]
        return tuple(found)

    def check(
        self, inspection: Inspection, now: datetime, *, own_declaration: bool = False
    ) -> CheckResult:
        """Run every check on what the inspection has now (missing inputs become reasons).

        Args:
            inspection: The inspection to decide.
            now: The decision instant (timezone-aware UTC).
            own_declaration: See ``lookup``.

        Returns:
            The verdict with what was looked up and the screening hits.

        The checks read the store several times; when the sync applies new data between
        those reads (another connection), they run again, so that a verdict never rests on
        a mix of the old and the new data.
        """
        for _ in range(CHECK_ATTEMPTS - 1):
            before = self._lists_key()
            result = self._check_once(inspection, now, own_declaration=own_declaration)
            if self._lists_key() == before:
                return result
            log.info("reference data changed during a check; checking again")
        return self._check_once(inspection, now, own_declaration=own_declaration)

    def _check_once(
        self, inspection: Inspection, now: datetime, *, own_declaration: bool
    ) -> CheckResult:
        found = self.lookup(inspection, own_declaration=own_declaration)
        parties = parties_of(found.declaration, found.certificate)
        hits: tuple[ScreeningHit, ...] = ()
        if parties:
            keys = {normalise_name(name) for _, name in parties}
            listed = self._store.listed_parties_named(sorted(k for k in keys if k))
            checks = self._settings.checks
            hits = merge_hits(
                screen_exact(parties, listed),
                screen(
                    parties,
                    self.name_index(),
                    float(checks.screening_match),
                    float(checks.screening_review),
                ),
            )
        version = self._store.data_version()
        stale, stale_why = self.data_freshness(now, version)
        g7 = self._g7_record(inspection, found.declaration)
        checks = self._settings.checks
        inp = CheckInput(
            at=inspection_date(inspection),
            declaration=found.declaration,
            identifiers=inspection.identifiers,
            reading=inspection.reading,
            kp_certificate=found.certificate,
            kp_number=found.kp_number,
            kp_participants=self._store.kp_participants(),
            sanction_hits=hits,
            photo=inspection.photo,
            carat_tolerance_ct=checks.carat_tolerance_ct,
            parcel_count_tolerance=checks.parcel_count_tolerance,
            data_stale=stale,
            authorisations=self._store.authorisations_in_force(inspection_date(inspection)),
            g7_certificate=g7,
            data_stale_why=stale_why,
            certificate_uses=self.certificate_uses_elsewhere(
                inspection, found.kp_number, self._g7_number(inspection, found.declaration)
            ),
        )
        verdict = evaluate(
            self._ruleset,
            inp,
            decided_at=now,
            data_version=version.version if version is not None else "",
        )
        return CheckResult(verdict=verdict, lookup=found, hits=hits, data_stale=stale)

    @staticmethod
    def _g7_number(inspection: Inspection, declaration: Declaration | None) -> str | None:
        """The scanned, else the declared, G7 certificate number."""
        scanned = inspection.identifier(IdentifierKind.G7_CERTIFICATE)
        number = scanned.value if scanned is not None else None
        if number is None and declaration is not None:
            number = declaration.g7_certificate
        return number

    def _g7_record(
        self, inspection: Inspection, declaration: Declaration | None
    ) -> G7Certificate | None:
        """The G7 register's record for the scanned, else the declared, G7 number."""
        number = self._g7_number(inspection, declaration)
        return self._store.g7_certificate(number) if number else None

    def verdict(self, inspection: Inspection, now: datetime) -> Verdict:
        """Only the verdict of ``check``."""
        return self.check(inspection, now).verdict
