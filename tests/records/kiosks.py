"""A kiosk for the sync tests: settings, a real SQLite store, finished inspections with files."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from kiosk.domain.models import (
    Identifier,
    IdentifierKind,
    InputSource,
    Outcome,
    Photo,
    Reason,
    Verdict,
    WeightReading,
    WeightState,
)
from kiosk.settings import DataSettings, KioskSettings, Settings, SyncSettings
from kiosk.store import Store
from kiosk.store.audit import GENESIS_HASH, entry_hash

T0 = datetime(2026, 11, 26, 9, 0, 0, tzinfo=UTC)
# A small real JPEG is not needed by the hub; these bytes stand for the photo and the slip.
PHOTO_BYTES = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40 + b"\xff\xd9"
SLIP_BYTES = b"%PDF-1.4\n% slip\n" + b"0" * 3000 + b"\n%%EOF\n"


@dataclass
class KioskUnderTest:
    """A kiosk's settings and store, and a counter for its inspections."""

    settings: Settings
    store: Store
    folder: Path
    made: int = 0
    # Inspection ids carry the time to the second: kiosks sharing a hub start apart.
    offset_s: int = dataclasses.field(default_factory=lambda: secrets.randbelow(36_000))

    @property
    def kiosk_id(self) -> str:
        """The kiosk's id."""
        return self.settings.kiosk.kiosk_id

    def finish(self, kp: str = "BW2026004417", *, void: bool = False) -> str:
        """Record a whole inspection (KP number, weight, photo, verdict, slip) and close it."""
        self.made += 1
        now = T0 + timedelta(seconds=self.offset_s, minutes=self.made)
        store = self.store
        ins = store.create_inspection(
            self.settings.kiosk.post, self.kiosk_id, "apeeters", now
        )
        store.add_identifier(
            ins.id,
            Identifier(IdentifierKind.KP_CERTIFICATE, kp, InputSource.SCANNER, "]C0", f"]C0{kp}"),
            now,
        )
        if void:
            store.void_inspection(ins.id, "parcel withdrawn by the trader", now)
            return ins.id
        store.set_reading(
            ins.id,
            WeightReading(
                Decimal("1250.404"), WeightState.STABLE, "S S 1250.404 ct", now, "ct",
                Decimal("1250.404"), "MT-1",
            ),
            now,
        )
        photo_path = self.folder / "photos" / f"{ins.id}.jpg"
        photo_path.parent.mkdir(parents=True, exist_ok=True)
        photo_path.write_bytes(PHOTO_BYTES + ins.id.encode())
        digest = hashlib.sha256(photo_path.read_bytes()).hexdigest()
        store.set_photo(ins.id, Photo(str(photo_path), digest, 1280, 720, now), now)
        verdict = Verdict(
            Outcome.CLEAR,
            (Reason("R11", Outcome.CLEAR, "Reg. (EC) 2368/2002", "Weight matches"),),
            "article3p-2025-07-20",
            now,
            "sample-1",
        )
        store.set_verdict(ins.id, verdict, now)
        slip_path = self.folder / "slips" / f"{ins.id}.pdf"
        slip_path.parent.mkdir(parents=True, exist_ok=True)
        slip_path.write_bytes(SLIP_BYTES)
        store.set_slip(ins.id, str(slip_path), now)
        store.close_inspection(ins.id, now)
        return ins.id


def make_kiosk(
    folder: Path, hub_url: str, token: str, kiosk_id: str = "ANR-DO-01"
) -> KioskUnderTest:
    """A kiosk with its own database under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    token_file = folder / "hub.token"
    token_file.write_text(token + "\n", encoding="utf-8")
    settings = Settings(
        kiosk=KioskSettings(kiosk_id=kiosk_id),
        data=DataSettings(database=str(folder / "kiosk.sqlite"), sample_data=False),
        sync=SyncSettings(hub_url=hub_url, token_file=str(token_file), timeout_s=10.0),
    )
    return KioskUnderTest(settings, Store.open(settings.database_url), folder)


def rewrite_history(db_file: Path, seq: int) -> None:
    """What a forger with the database file does: change an entry and re-hash the chain."""
    con = sqlite3.connect(db_file)
    try:
        con.execute("DROP TRIGGER IF EXISTS events_append_only_update")
        rows = con.execute(
            "SELECT id, seq, at, kind, inspection_id, actor, detail FROM events ORDER BY seq"
        ).fetchall()
        prev = GENESIS_HASH
        for row_id, row_seq, at, kind, inspection_id, actor, detail in rows:
            body = json.loads(detail)
            if row_seq == seq:
                body["identifier"]["value"] = "RU2026000666"
            digest = entry_hash(row_seq, at, kind, inspection_id, actor, body, prev)
            con.execute(
                "UPDATE events SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (json.dumps(body), prev, digest, row_id),
            )
            prev = digest
        con.commit()
    finally:
        con.close()


def identifier_event_seq(db_file: Path, inspection_id: str) -> int:
    """The audit sequence number of the event that recorded the inspection's identifier."""
    con = sqlite3.connect(db_file)
    try:
        rows = con.execute(
            "SELECT seq, detail FROM events WHERE inspection_id = ? ORDER BY seq", (inspection_id,)
        ).fetchall()
    finally:
        con.close()
    return next(int(seq) for seq, detail in rows if "identifier" in json.loads(detail or "{}"))
