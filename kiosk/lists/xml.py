"""Safe streaming XML: defusedxml's parser (no DTD, no entities), capped sizes, local names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from kiosk.lists.base import (
    MAX_FILE_BYTES,
    MAX_NAMES_PER_PARTY,
    MAX_TEXT_CHARS,
    ListFormatError,
    Source,
    open_source,
    source_name,
)

CHUNK_BYTES = 64 * 1024
MAX_DEPTH = 64


def local(tag: str) -> str:
    """The local name of a possibly namespaced tag (``{ns}sdnEntry`` -> ``sdnEntry``)."""
    return tag.rsplit("}", 1)[-1]


def children(elem: Element, name: str) -> list[Element]:
    """The direct children of ``elem`` with local name ``name``."""
    return [c for c in elem if local(c.tag) == name]


def child(elem: Element, name: str) -> Element | None:
    """The first direct child with local name ``name``, or ``None``."""
    for c in elem:
        if local(c.tag) == name:
            return c
    return None


def text(elem: Element | None, name: str | None = None) -> str:
    """The stripped text of ``elem`` (or of its child ``name``); ``""`` when absent."""
    if elem is not None and name is not None:
        elem = child(elem, name)
    if elem is None or elem.text is None:
        return ""
    return " ".join(elem.text.split())


def descendants(elem: Element, name: str) -> Iterator[Element]:
    """Every element below ``elem`` with local name ``name``."""
    for e in elem.iter():
        if e is not elem and local(e.tag) == name:
            yield e


def records(
    source: Source, root_name: str, record_names: frozenset[str]
) -> Iterator[tuple[Element, Element, int]]:
    """Stream the complete record elements of an XML file, safely.

    The root element must have local name ``root_name``. Yields ``(root, record, line)``
    for every element whose local name is in ``record_names``, once it is complete; the
    record is cleared after the consumer moves on, so memory stays flat.
    The root is yielded as is (with its attributes) for header data.

    Raises:
        ListFormatError: With line and column: not well-formed XML, a DTD or entity
            declaration (XXE, billion laughs), an element text over ``MAX_TEXT_CHARS``,
            nesting deeper than ``MAX_DEPTH``, a record with over ``MAX_NAMES_PER_PARTY``
            children, a file over ``MAX_FILE_BYTES``, a truncated file, or an encoding in
            the XML declaration that expat cannot use.
    """
    name = source_name(source)
    with open_source(source) as handle:
        yield from _records(handle, name, root_name, record_names)


class _Builder(TreeBuilder):
    """A tree builder that checks limits as elements arrive and hands over finished records.

    It runs inside the parser's callbacks, so expat's position is the element's own.
    """

    def __init__(self, name: str, root_name: str, record_names: frozenset[str]) -> None:
        super().__init__()
        self.name = name
        self.root_name = root_name
        self.record_names = record_names
        self.expat: Any = None
        self.root: Element | None = None
        self.stack: list[Element] = []
        self.record_line = 0
        self.text_chars = 0
        self.ready: list[tuple[Element, Element, int]] = []

    def _fail(self, reason: str) -> ListFormatError:
        line = int(self.expat.CurrentLineNumber) if self.expat is not None else None
        column = int(self.expat.CurrentColumnNumber) + 1 if self.expat is not None else None
        return ListFormatError(self.name, line, reason, column)

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        """Open an element: depth, children and root checks."""
        if len(self.stack) >= MAX_DEPTH:
            raise self._fail(f"elements nested over {MAX_DEPTH} deep")
        if self.stack and len(self.stack[-1]) >= MAX_NAMES_PER_PARTY:
            parent = local(self.stack[-1].tag)
            raise self._fail(f"element <{parent}> has over {MAX_NAMES_PER_PARTY} children")
        if self.root is None and local(tag) != self.root_name:
            raise self._fail(f"expected a <{self.root_name}> file, found <{local(tag)}>")
        elem = super().start(tag, attrs)
        if self.root is None:
            self.root = elem
        if local(tag) in self.record_names:
            self.record_line = int(self.expat.CurrentLineNumber) if self.expat is not None else 0
        self.stack.append(elem)
        self.text_chars = 0
        return elem

    def data(self, data: str) -> None:
        """Text: refused once one element's text passes ``MAX_TEXT_CHARS``."""
        self.text_chars += len(data)
        if self.text_chars > MAX_TEXT_CHARS:
            where = local(self.stack[-1].tag) if self.stack else "?"
            raise self._fail(f"element <{where}> holds over {MAX_TEXT_CHARS} characters of text")
        super().data(data)

    def end(self, tag: str) -> Element:
        """Close an element; a finished record is queued with its parent and first line."""
        elem = super().end(tag)
        self.stack.pop()
        self.text_chars = 0
        if self.stack and local(tag) in self.record_names:
            self.ready.append((elem, self.stack[-1], self.record_line))
        return elem


def _records(
    handle: BinaryIO, name: str, root_name: str, record_names: frozenset[str]
) -> Iterator[tuple[Element, Element, int]]:
    builder = _Builder(name, root_name, record_names)
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    builder.expat = parser.parser
    total = 0
    while True:
        chunk = handle.read(CHUNK_BYTES)
        total += len(chunk)
        if total > MAX_FILE_BYTES:
            raise ListFormatError(name, None, f"file is over {MAX_FILE_BYTES} bytes")
        try:
            if chunk:
                parser.feed(chunk)
            else:
                parser.close()
        except ParseError as exc:
            line, column = exc.position
            reason = str(exc).split(":")[0]
            if not chunk:
                reason = f"the file ends early (truncated): {reason}"
            raise ListFormatError(
                name, line, f"not well-formed XML: {reason}", column + 1
            ) from None
        except DefusedXmlException as exc:
            raise builder._fail(
                f"refused: {type(exc).__name__} ({exc}); DTDs and entities are not allowed"
            ) from None
        except (LookupError, ValueError) as exc:
            # The XML declaration names an encoding expat cannot use: unknown ("udf-8"),
            # not a text encoding ("rot13"), or multi-byte ("shift_jis", "utf-7").
            raise builder._fail(
                f"unsupported character encoding in the XML declaration: {exc}"
            ) from None
        ready, builder.ready = builder.ready, []
        for elem, parent, line in ready:
            assert builder.root is not None
            yield builder.root, elem, line
            elem.clear()
            parent.remove(elem)  # finished records leave the tree: memory stays flat
        if not chunk:
            break
    if builder.root is None:
        raise ListFormatError(name, 1, "empty file: no XML element found")
