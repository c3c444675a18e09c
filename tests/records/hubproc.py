"""A real hub process on 127.0.0.1 for the sync tests and the upload benchmark."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def hub_command(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``kiosk-hub ARGS`` (as ``python -m kiosk.hub``) and return its outcome."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk.hub", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )


def add_kiosk(db_url: str, kiosk_id: str, post: str = "BE-ANR-DO", *, cli: bool = False) -> str:
    """Register a kiosk and return its token: in this process, or with ``kiosk-hub kiosks add``
    (``cli``), which prints it."""
    if not cli:
        from kiosk.hub.db import HubDatabase

        db = HubDatabase.open(db_url)
        try:
            return db.add_kiosk(kiosk_id, post)
        finally:
            db.close()
    done = hub_command("kiosks", "add", kiosk_id, "--post", post, "--db", db_url)
    assert done.returncode == 0, done.stderr
    token = json.loads(done.stdout)["token"]
    assert isinstance(token, str)
    return token


class HubProcess:
    """``kiosk-hub serve`` in a subprocess; ``start()`` waits until it answers."""

    def __init__(self, db_url: str, repo: Path, port: int | None = None) -> None:
        self.db_url = db_url
        self.repo = repo
        self.port = port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The hub's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 30.0) -> None:
        """Start the server and wait for its health answer."""
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kiosk.hub",
                "serve",
                "--db",
                self.db_url,
                "--repo",
                str(self.repo),
                "--port",
                str(self.port),
            ],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise RuntimeError(f"hub exited with {self.proc.returncode}: {err}")
            try:
                with urllib.request.urlopen(self.url + "/api/v1/health", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("hub did not answer in time")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL) and wait for it."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if self.proc.stderr is not None:
            self.proc.stderr.close()
        self.proc = None
