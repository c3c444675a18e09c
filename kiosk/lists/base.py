"""What every list importer shares: the error type, the file summary, size caps and helpers."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO, cast

from kiosk.domain.countries import ISO_3166_ALPHA2

MAX_FILE_BYTES = 512 * 1024 * 1024
"""The largest list file accepted (the EU file is ~26 MB, OpenSanctions' sanctions set ~323 MB)."""

MAX_TEXT_CHARS = 64 * 1024
"""The longest text of one XML element or CSV field (remarks run to a few KB)."""

MAX_NAMES_PER_PARTY = 5_000
"""The most names, aliases, dates, countries or identifiers one party may carry."""

MAX_LINE_CHARS = 1024 * 1024
"""The longest line of a CSV or JSON-lines file."""

Source = BinaryIO | Path


class ListFormatError(Exception):
    """A list file that cannot be imported: names the file, the line (and column) and why.

    Attributes:
        file: The file name (or ``"<stream>"``).
        line: The 1-based line, or ``None`` when the problem is the whole file.
        reason: What is wrong, in words fit for the user.
        column: The 1-based column when known.
    """

    def __init__(self, file: str, line: int | None, reason: str, column: int | None = None) -> None:
        where = file
        if line is not None:
            where += f", line {line}"
            if column is not None:
                where += f", column {column}"
        super().__init__(f"{where}: {reason}")
        self.file = file
        self.line = line
        self.reason = reason
        self.column = column


@dataclass(slots=True)
class ListFile:
    """What a parse found in a file, filled in while it streams (complete once exhausted).

    ``published`` is the publication date the file states (EU ``generationDate``, OFAC
    ``Publish_Date``, UN ``dateGenerated``, UK ``DateGenerated``/``Last Updated``).
    """

    format: str
    file: str = ""
    published: date | None = None
    parties: int = 0
    aliases: int = 0
    weak_aliases: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def count(self, party_kind: str, aliases: int, weak_aliases: int) -> None:
        """Count one party of ``party_kind`` with its alias numbers."""
        self.parties += 1
        self.aliases += aliases
        self.weak_aliases += weak_aliases
        self.kinds[party_kind] = self.kinds.get(party_kind, 0) + 1

    def as_dict(self) -> dict[str, object]:
        """The summary as plain JSON-able values."""
        return {
            "format": self.format,
            "file": self.file,
            "published": self.published.isoformat() if self.published else None,
            "parties": self.parties,
            "aliases": self.aliases,
            "weak_aliases": self.weak_aliases,
            "kinds": dict(self.kinds),
        }


def source_name(source: Source) -> str:
    """The file name of a path or an open binary file (``"<stream>"`` when it has none)."""
    if isinstance(source, Path):
        return source.name
    name = getattr(source, "name", None)
    return Path(name).name if isinstance(name, str) else "<stream>"


@contextmanager
def open_source(source: Source) -> Iterator[BinaryIO]:
    """Open a path (size-checked) or wrap an open binary file so it stops at the size cap.

    Raises:
        ListFormatError: When the file is missing, unreadable or larger than ``MAX_FILE_BYTES``.
    """
    name = source_name(source)
    if not isinstance(source, Path):
        yield cast(BinaryIO, io.BufferedReader(CappedReader(source, name)))
        return
    try:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ListFormatError(name, None, f"file is {size} bytes, over {MAX_FILE_BYTES}")
        handle = source.open("rb")
    except FileNotFoundError:
        raise ListFormatError(name, None, f"file not found: {source}") from None
    except IsADirectoryError:
        raise ListFormatError(name, None, f"is a folder, not a file: {source}") from None
    except OSError as exc:
        raise ListFormatError(name, None, f"cannot read: {exc.strerror}") from None
    with handle:
        yield handle


class CappedReader(io.RawIOBase):
    """A binary reader that refuses to go past ``MAX_FILE_BYTES`` (for streams of unknown size)."""

    def __init__(self, raw: BinaryIO, name: str, limit: int | None = None) -> None:
        super().__init__()
        self._raw = raw
        self._name = name
        self._limit = MAX_FILE_BYTES if limit is None else limit
        self.count = 0

    def readable(self) -> bool:
        """Always readable."""
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        """Read into ``buffer``, counting bytes; over the cap raises ``ListFormatError``."""
        data = self._raw.read(len(buffer))
        n = len(data)
        self.count += n
        if self.count > self._limit:
            raise ListFormatError(self._name, None, f"file is over {self._limit} bytes")
        buffer[:n] = data
        return n


_NAME_OF_COUNTRY: dict[str, str] = {}


def _load_countries() -> dict[str, str]:
    if not _NAME_OF_COUNTRY:
        from kiosk.lists.country_names import COUNTRY_NAMES

        for code, names in COUNTRY_NAMES.items():
            for n in names.split("|"):
                _NAME_OF_COUNTRY[fold(n)] = code
    return _NAME_OF_COUNTRY


def fold(text: str) -> str:
    """Lower case, letters and digits only, single spaces (a key for country names)."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def country_code(text: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code of a code or an English country name, else ``None``.

    ``00``, ``UNKNOWN`` and blanks give ``None``.
    """
    if not text:
        return None
    value = text.strip()
    if len(value) == 2 and value.upper() in ISO_3166_ALPHA2:
        return value.upper()
    return _load_countries().get(fold(value))


def unique(
    values: list[str] | tuple[str, ...], exclude: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """The non-blank values in first-seen order, without repeats or excluded ones."""
    seen: set[str] = set(exclude)
    out: list[str] = []
    for v in values:
        v = " ".join(v.split())
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return tuple(out)


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


def partial_date(text: str) -> str | None:
    """An ISO date or partial date ("1962", "1962-05") from the common list spellings.

    Accepts ``1962-05-12``, ``12/05/1962``, ``00/05/1962``, ``00/00/1962``, ``12 May 1962``,
    ``May 1962``, ``1962``; anything else gives ``None``.
    """
    t = text.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", t)
    if m:
        y, mo, d = m.groups()
        return _iso(int(y), int(mo or 0), int(d or 0))
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", t)
    if m:
        return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(?:(\d{1,2}) )?([A-Za-z]{3})[a-z]* (\d{4})", t)
    if m and m.group(2).lower() in _MONTHS:
        return _iso(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1) or 0))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1800 <= year <= 2100:
        return None
    if not 1 <= month <= 12:
        return f"{year:04d}"
    if not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


def iso_date(text: str | None) -> date | None:
    """A full date from ``YYYY-MM-DD`` (a time part after it is ignored) or ``DD/MM/YYYY``.

    ``None`` when blank, partial or unreadable.
    """
    if not text:
        return None
    p = partial_date(text.strip()[:10])
    if p is None or len(p) != 10:
        return None
    return date.fromisoformat(p)
