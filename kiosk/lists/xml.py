"""Safe streaming XML: defusedxml's parser (no DTD, no entities), capped sizes, local names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError, TreeBuilder, XMLPullParser

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

CHUNK_BYTES = 256 * 1024
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
            children, a file over ``MAX_FILE_BYTES``, or a truncated file.
    """
    name = source_name(source)
    with open_source(source) as handle:
        yield from _records(handle, name, root_name, record_names)


def _records(
    handle: BinaryIO, name: str, root_name: str, record_names: frozenset[str]
) -> Iterator[tuple[Element, Element, int]]:
    parser = DefusedXMLParser(
        target=TreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    pull = XMLPullParser(events=("start", "end"), _parser=parser)
    expat = parser.parser

    def where() -> tuple[int, int]:
        return int(expat.CurrentLineNumber), int(expat.CurrentColumnNumber) + 1

    root: Element | None = None
    depth = 0
    total = 0
    start_line = 0
    while True:
        chunk = handle.read(CHUNK_BYTES)
        total += len(chunk)
        if total > MAX_FILE_BYTES:
            raise ListFormatError(name, None, f"file is over {MAX_FILE_BYTES} bytes")
        try:
            if chunk:
                pull.feed(chunk)
            else:
                pull.close()
            events = list(pull.read_events())
        except ParseError as exc:
            line, column = exc.position
            reason = str(exc).split(":")[0]
            if not chunk:
                reason = f"the file ends early (truncated): {reason}"
            raise ListFormatError(
                name, line, f"not well-formed XML: {reason}", column + 1
            ) from None
        except DefusedXmlException as exc:
            at_line, at_column = where()
            raise ListFormatError(
                name,
                at_line,
                f"refused: {type(exc).__name__} ({exc}); DTDs and entities are not allowed",
                at_column,
            ) from None
        for item in events:
            if not isinstance(item, tuple) or len(item) != 2:  # pragma: no cover - start/end only
                continue
            event, elem = item
            if not isinstance(elem, Element):  # pragma: no cover - start/end only
                continue
            if event == "start":
                depth += 1
                if depth > MAX_DEPTH:
                    line, column = where()
                    raise ListFormatError(
                        name, line, f"elements nested over {MAX_DEPTH} deep", column
                    )
                if root is None:
                    root = elem
                    if local(elem.tag) != root_name:
                        raise ListFormatError(
                            name,
                            where()[0],
                            f"expected a <{root_name}> file, found <{local(elem.tag)}>",
                        )
                if local(elem.tag) in record_names:
                    start_line = where()[0]
                continue
            depth -= 1
            if elem.text is not None and len(elem.text) > MAX_TEXT_CHARS:
                line, column = where()
                raise ListFormatError(
                    name,
                    line,
                    f"element <{local(elem.tag)}> holds {len(elem.text)} characters, "
                    f"over {MAX_TEXT_CHARS}",
                    column,
                )
            if len(elem) > MAX_NAMES_PER_PARTY:
                line, column = where()
                raise ListFormatError(
                    name,
                    line,
                    f"element <{local(elem.tag)}> has over {MAX_NAMES_PER_PARTY} children",
                    column,
                )
            if root is not None and local(elem.tag) in record_names:
                yield root, elem, start_line
                elem.clear()
                # Drop finished records from their parent so memory stays flat.
                for parent in (root, *root):
                    if len(parent) and parent[-1] is elem:
                        parent.remove(elem)
                        break
        if not chunk:
            break
    if root is None:
        raise ListFormatError(name, 1, "empty file: no XML element found")
