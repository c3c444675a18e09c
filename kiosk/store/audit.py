"""The hash-chained audit trail: canonical entry encoding, entry hashes and chain verification.

Each ``events`` row carries ``seq`` (1, 2, 3, ... with no gap), ``prev_hash`` (the ``hash`` of
the entry before it, :data:`GENESIS_HASH` for the first) and ``hash``: the SHA-256, in lower-case
hex, of the canonical encoding of ``seq``, ``at`` (the stored UTC text), ``kind``,
``inspection_id``, ``actor``, ``detail`` and ``prev_hash`` -- a JSON object with sorted keys, no
spaces, non-ASCII kept as UTF-8. Anyone holding the rows can recompute the chain; the hub
compares the head (``seq``, ``hash``) it was sent with the kiosk's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

GENESIS_HASH = "0" * 64
"""What the first entry chains from."""

Breach = Literal["altered", "removed", "reordered"]


@dataclass(frozen=True, slots=True)
class ChainEntry:
    """One audit entry as stored (``at`` is the stored text, ``detail`` the decoded JSON).

    ``seq``, ``prev_hash`` and ``hash`` are ``None`` only when someone wrote a row past the
    Store; such an entry never verifies.
    """

    seq: int | None
    at: str
    kind: str
    inspection_id: str | None
    actor: str | None
    detail: Any
    prev_hash: str | None
    hash: str | None


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The outcome of a chain check.

    Attributes:
        ok: True when every entry verifies.
        count: How many entries were read.
        head_seq: The last entry's ``seq`` (0 for an empty log).
        head_hash: The last entry's ``hash`` (:data:`GENESIS_HASH` for an empty log).
        first_bad: The position (1-based, equal to the ``seq`` expected there) of the first
            entry that does not verify, or ``None``.
        why: ``"altered"`` (hash mismatch), ``"removed"`` (an entry is missing) or
            ``"reordered"`` (entries out of order), or ``None`` when ``ok``.
    """

    ok: bool
    count: int
    head_seq: int
    head_hash: str
    first_bad: int | None = None
    why: Breach | None = None

    @property
    def message(self) -> str:
        """One line for the screen or the terminal."""
        if self.ok:
            return f"audit chain intact: {self.count} entries, head {self.head_hash}"
        return f"audit chain broken at entry {self.first_bad}: {self.why}"


def canonical(
    seq: int,
    at: str,
    kind: str,
    inspection_id: str | None,
    actor: str | None,
    detail: Any,
    prev_hash: str,
) -> bytes:
    """The canonical UTF-8 encoding of an entry that its hash covers."""
    body = {
        "seq": seq,
        "at": at,
        "kind": kind,
        "inspection_id": inspection_id,
        "actor": actor,
        "detail": detail,
        "prev_hash": prev_hash,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def entry_hash(
    seq: int,
    at: str,
    kind: str,
    inspection_id: str | None,
    actor: str | None,
    detail: Any,
    prev_hash: str,
) -> str:
    """The SHA-256 (lower-case hex) of the canonical encoding of an entry."""
    return hashlib.sha256(
        canonical(seq, at, kind, inspection_id, actor, detail, prev_hash)
    ).hexdigest()


def normalised_detail(detail: Mapping[str, Any]) -> Any:
    """``detail`` as it reads back from the JSON column (tuples become lists, keys text)."""
    return json.loads(json.dumps(dict(detail)))


def _recomputed(entry: ChainEntry) -> str | None:
    if entry.seq is None or entry.prev_hash is None:
        return None
    try:
        return entry_hash(
            entry.seq,
            entry.at,
            entry.kind,
            entry.inspection_id,
            entry.actor,
            entry.detail,
            entry.prev_hash,
        )
    except (TypeError, ValueError):  # a detail that is not JSON any more
        return None


def verify_chain(
    rows: Iterable[ChainEntry], expected_head: tuple[int, str] | None = None
) -> AuditReport:
    """Check a log in storage order and name the first entry that breaks the chain.

    Checks at each position, in this order: the ``seq`` is the next one (a lower or repeated
    one, or a higher one whose missing numbers appear later, means ``reordered``; missing
    numbers that never appear mean ``removed``); the entry's own hash (``altered``); its link
    to the entry before (``removed``: something between was taken out and the rest renumbered).

    Args:
        rows: The entries in the order they were stored (by row id).
        expected_head: A head known from elsewhere (the hub, a printed report): a log that
            ends before it lost its newest entries (``removed``), one whose entry at that
            ``seq`` has another hash was rewritten (``altered``).
    """
    entries: Sequence[ChainEntry] = rows if isinstance(rows, Sequence) else list(rows)
    later_seqs: dict[int, int] = {}
    for position, entry in enumerate(entries, start=1):
        if entry.seq is not None:
            later_seqs.setdefault(entry.seq, position)
    prev_hash = GENESIS_HASH
    head_seq = 0
    by_seq: dict[int, str | None] = {}

    def broken(position: int, why: Breach) -> AuditReport:
        return AuditReport(False, len(entries), head_seq, prev_hash, position, why)

    for position, entry in enumerate(entries, start=1):
        expected = position
        if entry.seq is None or entry.seq != expected:
            if entry.seq is not None and entry.seq < expected:
                return broken(position, "reordered")
            if entry.seq is not None and later_seqs.get(expected, 0) > position:
                return broken(position, "reordered")
            if entry.seq is not None:
                return broken(position, "removed")
            return broken(position, "altered")
        if entry.hash is None or _recomputed(entry) != entry.hash:
            return broken(position, "altered")
        if entry.prev_hash != prev_hash:
            return broken(position, "removed")
        prev_hash = entry.hash
        head_seq = entry.seq
        by_seq[entry.seq] = entry.hash
    if expected_head is not None:
        seq, digest = expected_head
        if seq > head_seq:
            return broken(head_seq + 1, "removed")
        if seq > 0 and by_seq.get(seq) != digest:
            return broken(seq, "altered")
    return AuditReport(True, len(entries), head_seq, prev_hash)
