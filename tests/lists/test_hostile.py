"""Hostile and malformed files are refused with the file, line and reason, never a hang."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kiosk.lists import (
    ListFormatError,
    parse_eu_fsf,
    parse_ftm,
    parse_ofac_csv,
    parse_ofac_sdn_xml,
    parse_uk_ofsi,
    parse_un,
)
from kiosk.lists.base import MAX_TEXT_CHARS

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity logicalId="1">
<nameAlias wholeName="&lol9;" strong="true"/></sanctionEntity></export>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE sdnList [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sdnList><sdnEntry><uid>1</uid><lastName>&xxe;</lastName></sdnEntry></sdnList>"""

ENTITY_ONLY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY a "b">]>
<CONSOLIDATED_LIST/>"""


def _run(parse: object, data: bytes) -> ListFormatError:
    assert callable(parse)
    with pytest.raises(ListFormatError) as caught:
        list(parse(io.BytesIO(data)))
    return caught.value


def test_billion_laughs_is_refused() -> None:
    err = _run(parse_eu_fsf, BILLION_LAUGHS)
    assert err.line == 2
    assert "DTDs and entities are not allowed" in err.reason


def test_xxe_is_refused_and_nothing_is_read() -> None:
    err = _run(parse_ofac_sdn_xml, XXE)
    assert err.line == 2
    assert "refused" in err.reason
    assert "root:" not in str(err)


def test_any_dtd_is_refused() -> None:
    err = _run(parse_un, ENTITY_ONLY)
    assert "DTD" in err.reason


def test_huge_element_is_refused() -> None:
    big = b"A" * (MAX_TEXT_CHARS + 1)
    data = (
        b'<?xml version="1.0"?>\n<sdnList>\n<sdnEntry><uid>1</uid>\n<lastName>'
        + big
        + b"</lastName></sdnEntry></sdnList>"
    )
    err = _run(parse_ofac_sdn_xml, data)
    assert err.line == 4
    assert "over" in err.reason
    assert "<lastName>" in err.reason


def test_deep_nesting_is_refused() -> None:
    data = b"<CONSOLIDATED_LIST>" + b"<a>" * 100 + b"</a>" * 100 + b"</CONSOLIDATED_LIST>"
    err = _run(parse_un, data)
    assert "nested" in err.reason


def test_truncated_file_names_the_line(fixtures: Path) -> None:
    data = (fixtures / "eu-fsf-excerpt-2020.xml").read_bytes()
    cut = data[: len(data) // 2]
    err = _run(parse_eu_fsf, cut)
    assert err.line == cut.count(b"\n") + 1
    assert "truncated" in err.reason
    assert str(err).startswith("<stream>, line ")


def test_malformed_xml_gives_line_and_column() -> None:
    data = b'<?xml version="1.0"?>\n<sdnList>\n  <sdnEntry><uid>1</uid></sdnEntryX>\n</sdnList>'
    err = _run(parse_ofac_sdn_xml, data)
    assert err.line == 3
    assert err.column is not None
    assert "mismatched tag" in err.reason


def test_wrong_root_is_refused(fixtures: Path) -> None:
    with pytest.raises(ListFormatError, match="expected a <export> file, found <sdnList>"):
        list(parse_eu_fsf(fixtures / "ofac-sdn-excerpt-2020.xml"))


def test_empty_and_missing_files(tmp_path: Path) -> None:
    err = _run(parse_un, b"")
    assert "truncated" in err.reason or "no element" in err.reason
    with pytest.raises(ListFormatError, match="file not found"):
        list(parse_un(tmp_path / "nope.xml"))


def test_malformed_ofac_csv_names_the_line() -> None:
    rows = b'1,"A",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n2,"B",-0- ,"X",-0- ,-0- \r\n'
    err = _run(parse_ofac_csv, rows)
    assert err.line == 2
    assert "expected 12 comma-separated fields, found 6" in err.reason


def test_ofac_csv_bad_entity_number_and_encoding() -> None:
    err = _run(parse_ofac_csv, b'X1,"A",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')
    assert "ent_num 'X1' is not a number" in err.reason
    err = _run(parse_ofac_csv, b'1,"\xff",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')
    assert "not UTF-8" in err.reason


def test_malformed_ofsi_csv() -> None:
    err = _run(parse_uk_ofsi, b"Name 6,Group ID\nX,1\n")
    assert err.line == 1
    assert "Last Updated" in err.reason
    err = _run(parse_uk_ofsi, b"Last Updated,27/04/2020\nName 6,Group ID\nX,1\n")
    assert err.line == 2
    assert "missing column" in err.reason


def test_malformed_ftm_line() -> None:
    data = b'{"id":"a","schema":"Person","properties":{"name":["A"]}}\n{"id": broken\n'
    err = _run(parse_ftm, data)
    assert err.line == 2
    assert "not valid JSON" in err.reason


def test_a_stream_over_the_size_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import kiosk.lists.base as base
    import kiosk.lists.xml as xml

    monkeypatch.setattr(base, "MAX_FILE_BYTES", 10_000)
    monkeypatch.setattr(xml, "MAX_FILE_BYTES", 10_000)
    rows = b'1,"A",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n' * 1000
    with pytest.raises(ListFormatError, match="over 10000 bytes"):
        list(parse_ofac_csv(io.BytesIO(rows)))
    big = b"<sdnList>" + b"<sdnEntry><uid>1</uid><lastName>A</lastName></sdnEntry>" * 500
    with pytest.raises(ListFormatError, match="over 10000 bytes"):
        list(parse_ofac_sdn_xml(io.BytesIO(big + b"</sdnList>")))
