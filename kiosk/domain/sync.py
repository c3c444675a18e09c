"""What the kiosk knows about its data and its uploads, as the sync screen and status bar show it.

Plain values: the sync service (``kiosk.services.sync``) builds them, the UI displays them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class DataSourceStatus:
    """One source of reference data (a sanctions list, a certificate register, the rule set)."""

    name: str                      # e.g. "EU Financial Sanctions File", "KP certificates"
    version: str                   # the source's own version or publication id
    published_at: datetime | None  # when the source was published (timezone-aware UTC)
    count: int                     # parties, certificates, rules... in use


@dataclass(frozen=True)
class SyncStatus:
    """The state of data updates in and records out at one moment."""

    enabled: bool                          # False when no hub is configured
    hub_url: str = ""
    data_version: str | None = None        # the applied bundle's version
    data_published_at: datetime | None = None
    data_expires_at: datetime | None = None  # the TUF timestamp's expiry, if known
    sources: tuple[DataSourceStatus, ...] = field(default_factory=tuple)
    last_attempt_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error: str | None = None          # one line, fit for the user
    records_waiting: int = 0               # finished inspections not yet confirmed by the hub
    records_failing: int = 0               # of which the last attempt failed
    syncing: bool = False                  # a cycle is running now
    audit_flag: str | None = None          # the hub found this kiosk's audit chain broken (why)
