"""Hostile files at every list and register parser: parties or ``ListFormatError``, in time.

tests/lists/test_hostile.py has the named attacks (billion laughs, XXE, deep XML, huge text,
size cap); here every parser gets arbitrary bytes, its own fixture truncated, with bytes
changed or inserted, re-encoded (UTF-16, Latin-1, BOM), and JSON/XML nested deep.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.lists import (
    ListFormatError,
    parse_authorisations_csv,
    parse_authorisations_json,
    parse_eu_fsf,
    parse_ftm,
    parse_g7_csv,
    parse_g7_json,
    parse_kp_csv,
    parse_kp_json,
    parse_ofac_csv,
    parse_ofac_sdn_xml,
    parse_uk_fcdo,
    parse_uk_ofsi,
    parse_un,
    read_ofac_alt,
)
from tests.fuzz.profiles import PER_FORMAT, assert_one_line

FIXTURES = Path(__file__).resolve().parents[1] / "lists" / "fixtures"


def _g7_csv_text() -> bytes:
    """The G7 register fixture as CSV (only JSON is shipped): same records, ';' lists."""
    records = json.loads((FIXTURES / "g7-register.json").read_text("utf-8"))
    header = list(records[0])
    rows = [",".join(header)]
    for record in records:
        cells = []
        for key in header:
            value = record[key]
            value = ";".join(value) if isinstance(value, list) else value
            cells.append("" if value is None else str(value).lower() if isinstance(value, bool)
                         else str(value))  # fmt: skip
        rows.append(",".join(f'"{c}"' for c in cells))
    return ("\n".join(rows) + "\n").encode()


def _un_excerpt() -> bytes:
    """The first three individuals of the UN list (the whole fixture is 2 MB: too slow here)."""
    data = (FIXTURES / "un-consolidated-2026-02-27.xml").read_bytes()
    end = 0
    for _ in range(3):
        end = data.index(b"</INDIVIDUAL>", end) + len(b"</INDIVIDUAL>")
    return data[:end] + b"\n  </INDIVIDUALS>\n</CONSOLIDATED_LIST>\n"


Parser = Callable[[Any], Iterable[object]]

# name -> (parser, a good file of its format)
PARSERS: dict[str, tuple[Parser, bytes]] = {
    "eu-fsf": (parse_eu_fsf, (FIXTURES / "eu-fsf-excerpt-2020.xml").read_bytes()),
    "ofac-sdn": (parse_ofac_sdn_xml, (FIXTURES / "ofac-sdn-excerpt-2020.xml").read_bytes()),
    "ofac-csv": (parse_ofac_csv, (FIXTURES / "ofac-sdn-excerpt.csv").read_bytes()),
    "ofac-alt": (read_ofac_alt, (FIXTURES / "ofac-alt-cut.csv").read_bytes()),
    "un": (parse_un, _un_excerpt()),
    "uk-fcdo": (parse_uk_fcdo, (FIXTURES / "uk-fcdo-sample.xml").read_bytes()),
    "uk-ofsi": (parse_uk_ofsi, (FIXTURES / "uk-ofsi-conlist-excerpt-2020.csv").read_bytes()),
    "ftm": (parse_ftm, (FIXTURES / "opensanctions-ftm-excerpt.json").read_bytes()),
    "kp-csv": (parse_kp_csv, (FIXTURES / "kp-register.csv").read_bytes()),
    "kp-json": (parse_kp_json, b""),
    "g7-csv": (parse_g7_csv, _g7_csv_text()),
    "g7-json": (parse_g7_json, (FIXTURES / "g7-register.json").read_bytes()),
    "authorisations-csv": (
        parse_authorisations_csv,
        (FIXTURES / "authorisations.csv").read_bytes(),
    ),
    "authorisations-json": (parse_authorisations_json, b""),
}


def _as_json(csv_name: str) -> bytes:
    """A CSV register fixture as its JSON twin: the same records, every value as text."""
    text = PARSERS[csv_name][1].decode("utf-8")
    return json.dumps(list(csv.DictReader(io.StringIO(text, newline="")))).encode()


PARSERS["kp-json"] = (parse_kp_json, _as_json("kp-csv"))
PARSERS["authorisations-json"] = (parse_authorisations_json, _as_json("authorisations-csv"))


def _run(name: str, data: bytes) -> int:
    """Parse ``data`` with the named parser; the count of records, or -1 for a clear error."""
    parse = PARSERS[name][0]
    try:
        result = parse(io.BytesIO(data))
        return len(result) if isinstance(result, dict) else sum(1 for _ in result)
    except ListFormatError as exc:
        assert_one_line(str(exc))
        return -1


NAMES = sorted(PARSERS)


@pytest.mark.parametrize("name", NAMES)
def test_every_good_fixture_parses(name: str) -> None:
    assert _run(name, PARSERS[name][1]) > 0


@pytest.mark.parametrize("name", NAMES)
@PER_FORMAT
@given(data=st.binary(max_size=400))
@example(data=b"\xef\xbb\xbf")
@example(data=b"\x00" * 50)
@example(data=b"[" * 50_000)
@example(data=b"<a>" * 50_000)
def test_arbitrary_bytes(name: str, data: bytes) -> None:
    _run(name, data)


@pytest.mark.parametrize("name", NAMES)
@PER_FORMAT
@given(data=st.data())
def test_damaged_fixture(name: str, data: st.DataObject) -> None:
    good = bytearray(PARSERS[name][1])
    how = data.draw(st.sampled_from(["truncate", "flip", "insert", "delete", "duplicate"]))
    at = data.draw(st.integers(0, len(good)))
    if how == "truncate":
        del good[at:]
    elif how == "flip" and at < len(good):
        good[at] ^= data.draw(st.integers(1, 255))
    elif how == "insert":
        good[at:at] = data.draw(
            st.binary(min_size=1, max_size=20)
            | st.sampled_from([b"<", b"&", b'"', b",", b"\n", b"]]>", b"{", b"&lol;", b"\xff"])
        )
    elif how == "delete":
        del good[at : at + data.draw(st.integers(1, 50))]
    else:
        end = data.draw(st.integers(at, len(good)))
        good[at:at] = good[at:end] * 3
    _run(name, bytes(good))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "latin-1", "utf-8-sig", "cp1252"])
def test_other_encodings(name: str, encoding: str) -> None:
    text = PARSERS[name][1].decode("utf-8")
    data = text.encode(encoding, errors="replace")
    _run(name, data)


DEEP_JSON = [b"[" * 100_000, b'[{"number": ' + b"[" * 100_000, b'{"id": ' + b"[" * 100_000]
BIG_NUMBERS = [
    b'[{"number": ' + b"1" * 5000 + b"}]",
    b'{"id": "a", "schema": ' + b"9" * 5000 + b"}\n",
]


@pytest.mark.parametrize("name", ["kp-json", "g7-json", "authorisations-json", "ftm"])
@pytest.mark.parametrize(
    "data", DEEP_JSON + BIG_NUMBERS, ids=["deep1", "deep2", "deep3", "int1", "int2"]
)
def test_deep_json_and_huge_numbers_are_clear_errors(name: str, data: bytes) -> None:
    # These raised RecursionError / ValueError (int digits limit) before.
    assert _run(name, data) == -1


@pytest.mark.parametrize("name", ["eu-fsf", "ofac-sdn", "un", "uk-fcdo"])
def test_quadratic_attribute_blowup_is_bounded(name: str) -> None:
    # Many attributes and one long attribute: no DTD, so this reaches the parser itself.
    attrs = b" ".join(b'a%d="%s"' % (i, b"x" * 1000) for i in range(2000))
    data = b"<?xml version='1.0'?>\n<root " + attrs + b"/>"
    assert _run(name, data) == -1


@pytest.mark.parametrize("name", NAMES)
def test_a_utf8_byte_order_mark_changes_nothing(name: str) -> None:
    # Files saved by Windows tools start with EF BB BF; OFAC CSV refused them before
    # ("ent_num '\ufeff1' is not a number").
    good = PARSERS[name][1]
    assert _run(name, b"\xef\xbb\xbf" + good) == _run(name, good) > 0


XML_PARSERS = ["eu-fsf", "ofac-sdn", "un", "uk-fcdo"]


@pytest.mark.parametrize("name", XML_PARSERS)
@PER_FORMAT
@given(
    encoding=st.sampled_from(["udf-8", "shift_jis", "utf-7", "utf-32", "rot13", "hex", "idna"])
    | st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-_"), min_size=1, max_size=12)
)
@example(encoding="udf-8")  # found by atheris (fuzz/fuzz_lists.py): LookupError escaped
def test_any_declared_xml_encoding(name: str, encoding: str) -> None:
    good = PARSERS[name][1]
    declaration_end = good.index(b"?>") + 2 if good.startswith(b"<?xml") else 0
    data = f'<?xml version="1.0" encoding="{encoding}"?>'.encode() + good[declaration_end:]
    # LookupError (unknown, or not a text encoding) and ValueError (multi-byte) escaped before.
    _run(name, data)
