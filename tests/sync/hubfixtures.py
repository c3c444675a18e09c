"""A real TUF repository published to a folder and served over HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kiosk.settings import Settings, with_overrides

FIXTURES = Path(__file__).resolve().parent.parent / "lists" / "fixtures"

USERS = {
    "users": [
        {
            "username": "inspector",
            "display_name": "An Peeters",
            "role": "inspector",
            "badge": "04A1B2C3D4",
        },
        {
            "username": "hubsuper",
            "display_name": "Hub Supervisor",
            "role": "supervisor",
            "pin": "8642",
            "badge": "04FFEE0001",
        },
    ],
    "revoked_badges": [
        {
            "badge": "04DEAD0001",
            "username": "gone",
            "revoked_at": "2026-11-01T08:00:00+00:00",
            "revoked_by": "admin",
            "reason": "lost",
        }
    ],
    "kiosk_keys": [],  # filled by make_sources (a fresh Ed25519 key)
}


def _public_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate().public_key()
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


USES = [
    {
        "kind": "kp",
        "number": "BW2026004417",
        "post": "BE-BRU-AP",
        "date": "2026-11-20",
        "inspection_id": "INS-20261120-101500-AB12",
    }
]


def make_sources(
    folder: Path,
    *,
    users: bool = True,
    uses: bool = True,
    pins: bool = False,
    kiosk_id: str = "BRU-AP-02",
) -> Path:
    """A small sources folder: an EU excerpt, the KP and G7 registers, users, certificate uses.

    With ``pins`` the hub user carries a clear PIN (hashed at publish: argon2id, ~0.3 s).
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("eu-fsf-excerpt-2020.xml", "kp-register.csv", "g7-register.json"):
        shutil.copyfile(FIXTURES / name, folder / name)
    if users:
        doc = json.loads(json.dumps(USERS))
        if not pins:
            for user in doc["users"]:
                user.pop("pin", None)
        doc["kiosk_keys"] = [
            {"kiosk_id": kiosk_id, "post": "BE-BRU-AP", "public_key_pem": _public_pem()}
        ]
        (folder / "users.json").write_text(json.dumps(doc), encoding="utf-8")
    if uses:
        (folder / "certificate-uses.jsonl").write_text(
            "".join(json.dumps(u) + "\n" for u in USES), encoding="utf-8"
        )
    return folder


class HubServer:
    """Serves ``repo`` under ``/tuf/``; ``cut_targets`` closes bundle downloads half way.

    With ``stall_targets`` a bundle download sends half its bytes, sets ``stalled`` and then
    waits (for ``release``, 10 s at most) before closing: a client is caught mid-download.
    """

    def __init__(self, repo: Path) -> None:
        self.repo = repo
        self.cut_targets = False
        self.stall_targets = False
        self.stalled = threading.Event()
        self.release = threading.Event()
        self.requests: list[str] = []
        hub = self

        class Handler(SimpleHTTPRequestHandler):
            def translate_path(self, path: str) -> str:
                rel = path.split("?", 1)[0].removeprefix("/tuf/")
                return str(hub.repo / rel)

            def do_GET(self) -> None:
                hub.requests.append(self.path)
                if (hub.cut_targets or hub.stall_targets) and "/targets/" in self.path:
                    local = Path(self.translate_path(self.path))
                    if local.is_file():
                        body = local.read_bytes()
                        self.send_response(200)
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body[: len(body) // 2])
                        self.wfile.flush()
                        if hub.stall_targets:
                            hub.stalled.set()
                            hub.release.wait(10)
                        self.close_connection = True
                        return
                super().do_GET()

            def log_message(self, fmt: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="test-hub")

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@contextmanager
def serving(repo: Path) -> Iterator[HubServer]:
    """A hub server on a free port for the duration of the block."""
    server = HubServer(repo)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def kiosk_settings(hub_url: str, root: Path, metadata_dir: Path, **data: Any) -> Settings:
    """Kiosk settings that sync with ``hub_url`` and pin ``root``."""
    sections: dict[str, dict[str, Any]] = {
        "sync": {
            "hub_url": hub_url,
            "tuf_root": str(root),
            "metadata_dir": str(metadata_dir),
            "timeout_s": 5.0,
        }
    }
    if data:
        sections["data"] = data
    return with_overrides(Settings(), **sections)
