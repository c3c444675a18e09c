"""Keyboard-wedge scanners: tell a scanner's burst of keys from a person typing, by timing alone."""

from __future__ import annotations

from dataclasses import dataclass, field

GS = "\x1d"
"""The GS1 group separator; wedge scanners send it as Ctrl+] (or a substitute)."""

TERMINATORS = frozenset({"\r", "\n", "\t"})
"""Keys that end a scan: Enter (CR or LF) and Tab."""

DEFAULT_MAX_GAP_MS = 30.0
"""Longest pause between two keys of one scan; scanners send keys a few ms apart."""

DEFAULT_MIN_CHARS = 3
"""Fewest characters that make a scan; shorter bursts are typing (key roll-over)."""

DEFAULT_IDLE_MS = 100.0
"""A burst without Enter/Tab is a scan once nothing has come for this long."""


@dataclass(frozen=True, slots=True)
class WedgeOutput:
    """What to do after a key (or a timer): the fate of the held keys and of the new key.

    Attributes:
        release: Held characters that turned out to be typing, oldest first: deliver them to
            the widget now, before anything else.
        passthrough: The key just fed goes to the widget (after ``release``).
        scan: A recognised scan (its keys and terminator are swallowed), else ``None``.
    """

    release: str = ""
    passthrough: bool = False
    scan: str | None = None


_NOTHING = WedgeOutput()


@dataclass
class WedgeDecoder:
    """Feed it key presses with their times; it holds keys back while they may be a scan.

    A scan is a burst of at least ``min_chars`` characters, each at most ``max_gap_ms`` after
    the one before, that ends on Enter/Tab or when nothing has come for ``idle_ms``. Keys
    are held while a burst is possible and released as typing as soon as it is not (a gap
    longer than ``max_gap_ms`` in a burst that is still too short, or Enter after too few
    characters). The caller calls ``poll`` at ``deadline_ms`` (a timer) so held keys never
    wait longer than ``max_gap_ms``, and a scan without a terminator completes after
    ``idle_ms``. Pure: no clock of its own, no Qt.

    Attributes:
        max_gap_ms: Longest gap inside a scan.
        min_chars: Fewest characters in a scan.
        idle_ms: Quiet time that ends a scan without a terminator (at least ``max_gap_ms``).
    """

    max_gap_ms: float = DEFAULT_MAX_GAP_MS
    min_chars: int = DEFAULT_MIN_CHARS
    idle_ms: float = DEFAULT_IDLE_MS
    _held: list[str] = field(default_factory=list, init=False, repr=False)
    _last_ms: float = field(default=0.0, init=False, repr=False)

    def __post_init__(self) -> None:
        """Reject settings that cannot tell a scan from typing.

        Raises:
            ValueError: A gap not above 0, fewer than 1 character, or idle below the gap.
        """
        if not self.max_gap_ms > 0:
            raise ValueError(f"wedge: max_gap_ms must be above 0, got {self.max_gap_ms}")
        if self.min_chars < 1:
            raise ValueError(f"wedge: min_chars must be at least 1, got {self.min_chars}")
        if self.idle_ms < self.max_gap_ms:
            raise ValueError(
                f"wedge: idle_ms ({self.idle_ms}) must be at least max_gap_ms ({self.max_gap_ms})"
            )

    @property
    def held(self) -> str:
        """The characters held back now."""
        return "".join(self._held)

    def deadline_ms(self) -> float | None:
        """When ``poll`` should next be called, or ``None`` when nothing is held."""
        if not self._held:
            return None
        if len(self._held) >= self.min_chars:
            return self._last_ms + self.idle_ms
        return self._last_ms + self.max_gap_ms

    def feed(self, char: str, at_ms: float) -> WedgeOutput:
        """Take one key press.

        Args:
            char: The character typed: one character, Enter as "\\r" or "\\n", Tab as "\\t".
            at_ms: When it came, in ms on any steady clock (never going back).

        Returns:
            What to do with the held keys and with this key.

        Raises:
            ValueError: ``char`` is not exactly one character.
        """
        if len(char) != 1:
            raise ValueError(f"wedge: feed one character at a time, got {char!r}")
        before = self._end_burst(at_ms) if self._held else _NOTHING
        if char in TERMINATORS:
            if before.scan is not None:
                # Enter just after a burst that is long enough (a slow suffix): it ends it.
                return before if at_ms - self._last_ms <= self.idle_ms else _with_pass(before)
            if len(self._held) >= self.min_chars:
                text = self.held
                self._held.clear()
                return WedgeOutput(scan=text)
            released = before.release + self.held
            self._held.clear()
            return WedgeOutput(release=released, passthrough=True)
        self._held.append(char)
        self._last_ms = at_ms
        return before

    def poll(self, now_ms: float) -> WedgeOutput:
        """Let time pass: release a burst that is too short, or complete an idle scan.

        Args:
            now_ms: The time now, on the clock given to ``feed``.

        Returns:
            What to do with the held keys (``passthrough`` is always ``False``).
        """
        if not self._held:
            return _NOTHING
        deadline = self.deadline_ms()
        if deadline is None or now_ms < deadline:
            return _NOTHING
        return self._end_burst(now_ms, force=True)

    def flush(self) -> WedgeOutput:
        """Give up on the held keys (a non-text key came): release them as typing."""
        released = self.held
        self._held.clear()
        return WedgeOutput(release=released)

    def _end_burst(self, at_ms: float, force: bool = False) -> WedgeOutput:
        """End the held burst if ``at_ms`` is too late for it to go on."""
        if not force and at_ms - self._last_ms <= self.max_gap_ms:
            return _NOTHING
        text = self.held
        self._held.clear()
        if len(text) >= self.min_chars:
            return WedgeOutput(scan=text)
        return WedgeOutput(release=text)


def _with_pass(output: WedgeOutput) -> WedgeOutput:
    return WedgeOutput(release=output.release, passthrough=True, scan=output.scan)
