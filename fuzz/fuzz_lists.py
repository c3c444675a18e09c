"""atheris: the sanctions list and certificate register parsers (first byte picks the parser)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterable

import _harness

MODULES = ("kiosk.lists",)

FILES = (
    "eu-fsf-excerpt-2020.xml", "ofac-sdn-excerpt-2020.xml", "ofac-sdn-excerpt.csv",
    "uk-fcdo-sample.xml", "uk-ofsi-conlist-excerpt-2020.csv", "opensanctions-ftm-excerpt.json",
    "kp-register.csv", "g7-register.json", "authorisations.csv", "ofac-alt-cut.csv",
)  # fmt: skip


def _parsers() -> tuple[Callable[[io.BytesIO], Iterable[object]], ...]:
    import kiosk.lists as lists

    return (
        lists.parse_eu_fsf, lists.parse_ofac_sdn_xml, lists.parse_ofac_csv, lists.parse_uk_fcdo,
        lists.parse_uk_ofsi, lists.parse_ftm, lists.parse_kp_csv, lists.parse_g7_json,
        lists.parse_authorisations_csv, lists.read_ofac_alt, lists.parse_un, lists.parse_kp_json,
        lists.parse_g7_csv, lists.parse_authorisations_json,
    )  # fmt: skip


def one_input(data: bytes) -> None:
    """``data[0]`` picks the parser; the rest is the file, read to its end or refused."""
    from kiosk.lists import ListFormatError

    if not data:
        return
    parsers = _parsers()
    parse = parsers[data[0] % len(parsers)]
    with contextlib.suppress(ListFormatError):
        result = parse(io.BytesIO(data[1:]))
        if not isinstance(result, dict):
            for _ in result:
                pass


def seeds() -> list[bytes]:
    """Each fixture behind the byte that selects its parser."""
    return [bytes([i]) + (_harness.FIXTURES / name).read_bytes() for i, name in enumerate(FILES)]


if __name__ == "__main__":
    _harness.run(one_input, MODULES, seeds)
