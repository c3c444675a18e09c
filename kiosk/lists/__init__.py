"""Parsers of the official sanctions lists and certificate registers into domain objects."""

from kiosk.lists.base import MAX_FILE_BYTES, ListFile, ListFormatError
from kiosk.lists.eu_fsf import parse_eu_fsf
from kiosk.lists.ftm import parse_ftm
from kiosk.lists.ofac import parse_ofac_csv, parse_ofac_sdn_xml, read_ofac_alt
from kiosk.lists.registers import (
    parse_authorisations_csv,
    parse_authorisations_json,
    parse_g7_csv,
    parse_g7_json,
    parse_kp_csv,
    parse_kp_json,
)
from kiosk.lists.uk import parse_uk_fcdo, parse_uk_ofsi
from kiosk.lists.un import parse_un

LIST_FORMATS: dict[str, str] = {
    "eu-fsf": "EU",
    "ofac-sdn": "OFAC",
    "ofac-csv": "OFAC",
    "un": "UN",
    "uk": "UK",
    "uk-ofsi": "UK",
    "ftm": "OpenSanctions",
}
"""Each list format and the list its parties belong to."""

REGISTER_FORMATS: tuple[str, ...] = ("kp", "g7", "authorisations")

__all__ = [
    "LIST_FORMATS",
    "MAX_FILE_BYTES",
    "REGISTER_FORMATS",
    "ListFile",
    "ListFormatError",
    "parse_authorisations_csv",
    "parse_authorisations_json",
    "parse_eu_fsf",
    "parse_ftm",
    "parse_g7_csv",
    "parse_g7_json",
    "parse_kp_csv",
    "parse_kp_json",
    "parse_ofac_csv",
    "parse_ofac_sdn_xml",
    "parse_uk_fcdo",
    "parse_uk_ofsi",
    "parse_un",
    "read_ofac_alt",
]
