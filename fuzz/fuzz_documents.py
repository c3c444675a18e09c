"""atheris: declaration JSON, rule sets, settings TOML, slip payloads, names (first byte picks)."""

from __future__ import annotations

import contextlib
import json

import _harness

MODULES = ("kiosk.store.codec", "kiosk.domain.rules", "kiosk.settings", "kiosk.slips.signing",
           "kiosk.domain.names")  # fmt: skip


def one_input(data: bytes) -> None:
    """``data[0]`` picks the document kind; only that parser's own error may pass."""
    from kiosk.domain import names
    from kiosk.domain.rules import RuleSetError, parse_ruleset
    from kiosk.settings import SettingsError, parse
    from kiosk.slips.signing import PayloadError, parse_summary, verify_payload
    from kiosk.store.codec import FieldError, declaration_from_dict

    if not data:
        return
    kind, body = data[0] % 6, data[1:]
    text = body.decode("utf-8", "replace")
    if kind == 0:
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            return
        with contextlib.suppress(FieldError):
            declaration_from_dict(doc.get("declaration", doc) if isinstance(doc, dict) else doc)
    elif kind == 1:
        with contextlib.suppress(RuleSetError):
            parse_ruleset(text)
    elif kind == 2:
        with contextlib.suppress(SettingsError):
            parse(text)
    elif kind == 3:
        with contextlib.suppress(PayloadError):
            parse_summary(body)
    elif kind == 4:
        with contextlib.suppress(PayloadError):
            verify_payload(text, {})
    else:
        names.normalise_name(text)
        names.name_parts(text, person=True)
        names.phonetic_key(text)
        names.spelling_key(text)


def seeds() -> list[bytes]:
    """A sample declaration, the rule set, a settings file, a slip summary and a name."""
    root = _harness.ROOT
    declaration = json.loads((root / "resources/sample/declarations.json").read_text("utf-8"))[0]
    settings = b'[kiosk]\npost = "BE-ANR-DO"\n[scale]\nbackend = "simulated"\nstable_count = 3\n'
    return [
        b"\x00" + json.dumps({"declaration": declaration}).encode(),
        b"\x01" + (root / "resources/rules/article3p.json").read_bytes(),
        b"\x02" + settings,
        b"\x03K1\nid=INS-1\npost=BE-ANR-DO\n",
        b"\x04K1.c3VtbWFyeQ.c2ln.0123456789abcdef",
        "\x05Public Joint Stock Company ALROSA (ПАО АЛРОСА)".encode(),
    ]


if __name__ == "__main__":
    _harness.run(one_input, MODULES, seeds)
