"""Small pty devices for the hardware tests (real ptys, scripted answers)."""

from __future__ import annotations

from pathlib import Path

from hardware.sim.pty import PtyDevice


class ScriptedDevice(PtyDevice):
    """Answers each command line with the next scripted reply (bytes, sent as given)."""

    def __init__(self, link_path: Path, replies: list[bytes]) -> None:
        super().__init__(link_path, name="scripted")
        self.replies = list(replies)

    def handle(self, line: bytes) -> None:
        if self.replies:
            self.send(self.replies.pop(0))


class EchoDevice(PtyDevice):
    """Sends every command line back with CR LF."""

    def handle(self, line: bytes) -> None:
        self.send(line + b"\r\n")
