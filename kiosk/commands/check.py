"""`kiosk check DECLARATION.json [--at DATE] [--json]`: the verdict on a declaration file.

A desk check: the same rules, reference data and screening as at the kiosk, without devices.
The file format is described in docs/declaration.md. ``--at`` evaluates under the rules in force
on another date (a past inspection replayed under the rules of its day).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.cli import CommandError
from kiosk.commands.common import emit
from kiosk.settings import RESOURCES, Settings

if TYPE_CHECKING:
    from kiosk.domain.models import Verdict

MAX_FILE_BYTES = 1_000_000
DEVICE_RULES = ("K1", "K2")


def register(sub: Any) -> None:
    """Add ``kiosk check``."""
    check: argparse.ArgumentParser = sub.add_parser(
        "check", help="the verdict on a declaration file, with every reason"
    )
    check.add_argument("file", metavar="DECLARATION.json", type=Path, nargs="?")
    check.add_argument(
        "--inspection",
        metavar="ID",
        help="re-check a recorded inspection under the rules of its own date instead",
    )
    check.add_argument(
        "--at", metavar="DATE", help="evaluate under the rules in force on this date (YYYY-MM-DD)"
    )
    check.add_argument("--json", action="store_true", help="one JSON object instead of text")
    check.add_argument(
        "--documents-only",
        action="store_true",
        help=f"leave out the kiosk's device rules ({', '.join(DEVICE_RULES)}: weight, photo)",
    )
    check.set_defaults(handler=run)


def _read(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(f"{path}: larger than {MAX_FILE_BYTES} bytes")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise CommandError(
            f"{path}: not JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise CommandError(f"{path}: not JSON: nested too deeply") from None
    except ValueError:  # a number of more than 4300 digits
        raise CommandError(f"{path}: not JSON: a number is too long") from None
    if not isinstance(data, dict):
        raise CommandError(f"{path}: expected a JSON object")
    return data


def _day(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{where}: {text!r} is not a date (YYYY-MM-DD)") from None


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Check the declaration file and print the verdict; 0 whatever the verdict."""
    from kiosk.domain.identifiers import classify
    from kiosk.domain.models import (
        InputSource,
        Inspection,
        Photo,
        WeightReading,
        WeightState,
    )
    from kiosk.services.checking import Checker, CheckError
    from kiosk.store import Store, StoreError
    from kiosk.store.codec import FieldError, declaration_from_dict, parse_decimal

    if args.inspection:
        if args.file is not None:
            raise CommandError("give a declaration file or --inspection, not both")
        return _recheck(settings, args)
    if args.file is None:
        raise CommandError("give a declaration file (see docs/declaration.md) or --inspection ID")
    doc = _read(args.file)
    body = doc.get("declaration", doc)
    try:
        declaration = declaration_from_dict(body, "declaration." if "declaration" in doc else "")
    except FieldError as exc:
        raise CommandError(f"{args.file}: {exc}") from None

    at_text = args.at or doc.get("at")
    at = _day(str(at_text), "--at" if args.at else "at") if at_text else datetime.now(UTC).date()
    when = datetime.combine(at, time(12, 0), tzinfo=UTC)

    identifiers = []
    if not isinstance(doc.get("identifiers", []), list):
        raise CommandError(f"{args.file}: identifiers: expected a list of text")
    for i, text in enumerate(doc.get("identifiers", [])):
        if not isinstance(text, str):
            raise CommandError(f"{args.file}: identifiers[{i}]: expected text")
        identifiers.append(classify(text, source=InputSource.TYPED))
    reading = None
    if doc.get("measured_ct") is not None:
        measured = doc["measured_ct"]
        try:
            # A JSON number is taken as written (1250.404); text goes through the strict check.
            shown = str(measured) if isinstance(measured, float) else measured
            carats = parse_decimal(shown, "measured_ct")
        except FieldError as exc:
            raise CommandError(f"{args.file}: {exc}") from None
        reading = WeightReading(
            carats=carats, state=WeightState.STABLE, raw="(declared by desk check)", taken_at=when
        )
    photo = None
    if doc.get("photo"):
        photo_path = Path(str(doc["photo"]))
        try:
            content = photo_path.read_bytes()
        except OSError as exc:
            raise CommandError(f"photo {photo_path}: cannot read: {exc.strerror or exc}") from None
        photo = Photo(
            path=str(photo_path),
            sha256=hashlib.sha256(content).hexdigest(),
            width=0,
            height=0,
            taken_at=when,
        )

    inspection = Inspection(
        id="DESK-CHECK",
        post=settings.kiosk.post,
        inspector="desk check",
        started_at=when,
        identifiers=tuple(identifiers),
        reading=reading,
        photo=photo,
        declaration=declaration,
    )
    try:
        store = Store.open(settings.database_url)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    try:
        if settings.data.sample_data:
            store.seed_sample_data_if_empty(RESOURCES / "sample")
        checker = Checker.from_settings(store, settings)
        if args.documents_only:
            ruleset = checker.ruleset
            kept = tuple(r for r in ruleset.rules if r.id not in DEVICE_RULES)
            checker = Checker(store, dataclasses.replace(ruleset, rules=kept), settings)
        result = checker.check(inspection, when, own_declaration=True)
    except (CheckError, StoreError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()

    _print_verdict(result.verdict, at, declaration.reference, args.json)
    return 0


def _recheck(settings: Settings, args: argparse.Namespace) -> int:
    """Check a recorded inspection again, under the rules of its own date (a replay)."""
    from kiosk.services.checking import Checker, CheckError, inspection_date
    from kiosk.store import Store, StoreError
    from kiosk.store.repository import InspectionNotFoundError

    try:
        store = Store.open(settings.database_url)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    try:
        inspection = store.get(args.inspection)
        checker = Checker.from_settings(store, settings)
        result = checker.check(inspection, inspection.started_at)
    except InspectionNotFoundError:
        raise CommandError(f"no inspection {args.inspection} in {settings.database_url}") from None
    except (CheckError, StoreError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    recorded = inspection.verdict.outcome.label if inspection.verdict is not None else "none"
    if not args.json:
        print(f"recorded verdict: {recorded}")
    _print_verdict(result.verdict, inspection_date(inspection), inspection.id, args.json)
    return 0


def _print_verdict(verdict: Verdict, at: date, reference: str, as_json: bool) -> None:
    if as_json:
        emit(
            {
                "reference": reference,
                "verdict": verdict.outcome.label,
                "at": at.isoformat(),
                "ruleset": verdict.ruleset_version,
                "data_version": verdict.data_version,
                "reasons": [
                    {
                        "rule": r.rule_id,
                        "outcome": r.outcome.label,
                        "legal_basis": r.legal_basis,
                        "message": r.message,
                        "details": dict(r.details),
                    }
                    for r in verdict.reasons
                ],
            }
        )
        return
    rules = f"rules of {at}, {verdict.ruleset_version}"
    print(f"{verdict.outcome.label}  ({reference}, {rules})")
    for r in verdict.reasons:
        print(f"  {r.outcome.label:<7} {r.rule_id:<4} {r.message}")
        print(f"          basis: {r.legal_basis}")
