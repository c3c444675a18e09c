"""The hub's web server: the TUF repository as static files and the records API.

``GET /tuf/metadata/...`` and ``GET /tuf/targets/...`` (movable) serve ``REPO/metadata`` and
``REPO/targets`` as plain files (any web server or object store could serve them instead).
``POST /api/v1/records`` takes one finished inspection as JSON (photo and slip in base64) with
``Authorization: Bearer <kiosk token>``; the inspection id is the idempotency key: a record
sent twice is stored once and both answers carry the same receipt. ``POST /api/v1/records/batch``
takes ``{"records": [...]}`` (at most ``MAX_BATCH_RECORDS``) in one transaction and answers
``{"results": [...]}``, one entry per record: ``status`` 200 with the fields of a single answer,
or the status and ``detail`` of its refusal. ``GET /api/v1/health`` answers ``{"ok": true}``.

Answers: 200 with ``{"receipt": {...}, "duplicate": bool, "audit": {"head_seq", "head_hash",
"flags", "open_breaks"}}`` (``flags``: audit breaks found in this upload; ``open_breaks``: the
kiosk's breaks not yet acknowledged at the hub, one line each, the newest ten); 400 (bad file
hash), 401 (no or unknown token), 403 (another kiosk's record), 409 (the id is taken by another
kiosk or other content), 413 (body over ``MAX_BODY_BYTES``), 422 (malformed JSON); every error
body is ``{"detail": "one line"}``.
"""

# No ``from __future__ import annotations``: FastAPI reads the endpoints' annotations, which
# name dependencies local to ``create_app``.
import base64
import binascii
import logging
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.types import ASGIApp, Receive, Scope, Send

from kiosk.hub.db import (
    RECORD_FORMAT,
    AuditEntry,
    Blob,
    HubDatabase,
    IncomingRecord,
    Kiosk,
    RecordRejectedError,
)

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 40 * 1024 * 1024
"""The largest request accepted (a photo and a slip in base64, and a backlog of audit entries)."""

MAX_AUDIT_ENTRIES = 20_000
MAX_BATCH_RECORDS = 100
_HEX64 = r"^[0-9a-f]{64}$"


class FileIn(BaseModel):
    """A photo or slip: its bytes in base64 and their SHA-256."""

    model_config = ConfigDict(extra="forbid")

    sha256: str = Field(pattern=_HEX64)
    media_type: str = Field(default="application/octet-stream", max_length=80)
    data_b64: str


class AuditEntryIn(BaseModel):
    """One entry of the kiosk's audit chain, exactly as its hash covers it."""

    model_config = ConfigDict(extra="forbid")

    seq: int = Field(ge=1)
    at: str = Field(max_length=40)
    kind: str = Field(max_length=40)
    inspection_id: str | None = Field(default=None, max_length=24)
    actor: str | None = Field(default=None, max_length=64)
    detail: Any = None
    prev_hash: str = Field(pattern=_HEX64)
    hash: str = Field(pattern=_HEX64)


class AuditHeadIn(BaseModel):
    """The kiosk's audit chain head after the entries sent."""

    model_config = ConfigDict(extra="forbid")

    seq: int = Field(ge=0)
    hash: str = Field(pattern=_HEX64)


class AuditIn(BaseModel):
    """The audit entries the hub does not hold yet, and the head."""

    model_config = ConfigDict(extra="forbid")

    entries: list[AuditEntryIn] = Field(default_factory=list, max_length=MAX_AUDIT_ENTRIES)
    head: AuditHeadIn


class RecordIn(BaseModel):
    """One finished inspection as a kiosk uploads it."""

    model_config = ConfigDict(extra="forbid")

    format: int = Field(ge=RECORD_FORMAT, le=RECORD_FORMAT)
    inspection_id: str = Field(min_length=1, max_length=24)
    kiosk_id: str = Field(min_length=1, max_length=40)
    post: str = Field(max_length=40)
    inspection: dict[str, Any]
    photo: FileIn | None = None
    slip: FileIn | None = None
    audit: AuditIn


class BatchIn(BaseModel):
    """Several records in one request (one transaction at the hub)."""

    model_config = ConfigDict(extra="forbid")

    records: list[RecordIn] = Field(min_length=1, max_length=MAX_BATCH_RECORDS)


def _decoded(name: str, item: FileIn | None) -> Blob | None:
    if item is None:
        return None
    try:
        data = base64.b64decode(item.data_b64, validate=True)
    except (binascii.Error, ValueError):
        raise HTTPException(400, f"the {name} is not valid base64") from None
    return Blob(data=data, sha256=item.sha256)


def _incoming(body: RecordIn) -> IncomingRecord:
    return IncomingRecord(
        inspection_id=body.inspection_id,
        kiosk_id=body.kiosk_id,
        post=body.post,
        inspection=body.inspection,
        photo=_decoded("photo", body.photo),
        slip=_decoded("slip", body.slip),
        audit_entries=[
            AuditEntry(
                seq=e.seq,
                at=e.at,
                kind=e.kind,
                inspection_id=e.inspection_id,
                actor=e.actor,
                detail=e.detail,
                prev_hash=e.prev_hash,
                hash=e.hash,
            )
            for e in body.audit.entries
        ],
        audit_head=(body.audit.head.seq, body.audit.head.hash),
    )


class _BodyLimit:
    """Refuses a request that declares a body larger than ``limit`` bytes, with 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await JSONResponse({"detail": "request too large"}, status_code=413)(
                    scope, receive, send
                )
                return
        await self.app(scope, receive, send)


def create_app(
    db: HubDatabase,
    repo_dir: Path | None = None,
    *,
    metadata_prefix: str = "/tuf/metadata",
    targets_prefix: str = "/tuf/targets",
) -> FastAPI:
    """The hub's ASGI application.

    Args:
        db: The open hub database.
        repo_dir: The TUF repository (``metadata/`` and ``targets/`` inside); ``None``: no files.
        metadata_prefix: The URL path ``REPO/metadata`` is served under.
        targets_prefix: The URL path ``REPO/targets`` is served under.
    """
    app = FastAPI(title="Inspection Kiosk hub", docs_url=None, redoc_url=None, openapi_url=None)

    @app.exception_handler(RequestValidationError)
    async def _on_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = first.get("msg", "invalid request")
        return JSONResponse({"detail": f"{where}: {message}" if where else message}, 422)

    def kiosk_of(authorization: Annotated[str | None, Header()] = None) -> Kiosk:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise HTTPException(401, "a kiosk token is needed (Authorization: Bearer ...)")
        kiosk = db.kiosk_for_token(token.strip())
        if kiosk is None:
            raise HTTPException(401, "unknown or revoked kiosk token")
        return kiosk

    @app.get("/api/v1/health")
    def health() -> dict[str, bool]:
        return {"ok": True}

    @app.post("/api/v1/records")
    def post_record(body: RecordIn, kiosk: Annotated[Kiosk, Depends(kiosk_of)]) -> Any:
        try:
            receipt = db.receive(kiosk, _incoming(body))
        except RecordRejectedError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        return JSONResponse(receipt.to_json())

    @app.post("/api/v1/records/batch")
    def post_records(body: BatchIn, kiosk: Annotated[Kiosk, Depends(kiosk_of)]) -> Any:
        decoded: list[IncomingRecord | HTTPException] = []
        for item in body.records:
            try:
                decoded.append(_incoming(item))
            except HTTPException as exc:
                decoded.append(exc)
        good = [r for r in decoded if isinstance(r, IncomingRecord)]
        outcomes = iter(db.receive_many(kiosk, good))
        results: list[dict[str, Any]] = []
        for item, record in zip(body.records, decoded, strict=True):
            if isinstance(record, HTTPException):
                results.append(
                    {"inspection_id": item.inspection_id, "status": 400, "detail": record.detail}
                )
                continue
            outcome = next(outcomes)
            if isinstance(outcome, RecordRejectedError):
                results.append(
                    {"inspection_id": item.inspection_id, "status": outcome.status,
                     "detail": str(outcome)}
                )
            else:
                results.append(
                    {"inspection_id": item.inspection_id, "status": 200, **outcome.to_json()}
                )
        return JSONResponse({"results": results})

    if repo_dir is not None:
        for prefix, sub in ((metadata_prefix, "metadata"), (targets_prefix, "targets")):
            folder = repo_dir / sub
            folder.mkdir(parents=True, exist_ok=True)
            app.mount(prefix.rstrip("/") or "/", StaticFiles(directory=folder), name=sub)
    app.add_middleware(_BodyLimit, limit=MAX_BODY_BYTES)
    return app


def serve(
    db_url: str,
    repo_dir: Path | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8443,
    metadata_prefix: str = "/tuf/metadata",
    targets_prefix: str = "/tuf/targets",
) -> None:
    """Open the database and serve until interrupted (SIGINT/SIGTERM end it cleanly)."""
    import uvicorn

    db = HubDatabase.open(db_url)
    try:
        app = create_app(
            db, repo_dir, metadata_prefix=metadata_prefix, targets_prefix=targets_prefix
        )
        log.info("hub serving %s on %s:%d, database %s", repo_dir, host, port, db.url)
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    finally:
        db.close()
