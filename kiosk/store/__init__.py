"""The kiosk's database: schema, migrations, reference data and the Store (sole session holder)."""

from kiosk.store.audit import AuditReport, ChainEntry, verify_chain
from kiosk.store.bundles import AppliedBundle, BundleRejectedError
from kiosk.store.database import Database, StoreError
from kiosk.store.reference import (
    DemoParcel,
    DemoScan,
    KpParticipant,
    ReferenceData,
    ReferenceDataError,
    SeedUser,
    load_parcels,
    load_reference_dir,
)
from kiosk.store.repository import (
    DataVersion,
    InspectionNotFoundError,
    OverrideRefusedError,
    PinCheck,
    Store,
    StoredEvent,
    UserError,
)

__all__ = [
    "AppliedBundle",
    "AuditReport",
    "BundleRejectedError",
    "ChainEntry",
    "DataVersion",
    "Database",
    "DemoParcel",
    "DemoScan",
    "InspectionNotFoundError",
    "KpParticipant",
    "OverrideRefusedError",
    "PinCheck",
    "ReferenceData",
    "ReferenceDataError",
    "SeedUser",
    "Store",
    "StoreError",
    "StoredEvent",
    "UserError",
    "load_parcels",
    "load_reference_dir",
    "verify_chain",
]
