"""`kiosk data ...`: import official sanctions lists and certificate registers, show status.

Every command prints JSON lines (``status`` prints a table unless ``--json``); a malformed
file prints one JSON line naming the file, line and reason, exits 1 and changes nothing
for that file (files named before it on the command line stay imported).
"""

from __future__ import annotations

import argparse
import hashlib
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.commands.common import CommandError, emit

LIST_FORMATS: tuple[str, ...] = ("eu-fsf", "ofac-sdn", "ofac-csv", "un", "uk", "uk-ofsi", "ftm")
REGISTER_FORMATS: tuple[str, ...] = ("kp", "g7", "authorisations")


def register(sub: Any) -> None:
    """Add the ``data`` group to the top-level subparsers."""
    data: argparse.ArgumentParser = sub.add_parser(
        "data", help="sanctions lists and certificate registers: import, status"
    )
    data_sub = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    imp = data_sub.add_parser(
        "import",
        help="import list or register files (one JSON line per file)",
        description=(
            "Import official list files (each replaces its whole list in one transaction) or "
            "register files (CSV, or JSON when the name ends in .json; merged by number)."
        ),
    )
    imp.add_argument(
        "--format", required=True, choices=LIST_FORMATS + REGISTER_FORMATS, dest="file_format"
    )
    imp.add_argument("files", nargs="+", metavar="FILE", type=Path)
    imp.add_argument("--version", dest="data_version", help="version label (default: date+hash)")
    imp.add_argument(
        "--alt", type=Path, metavar="ALT.CSV", help="with --format ofac-csv: the aliases file"
    )
    imp.set_defaults(handler=_cmd_import)
    status = data_sub.add_parser("status", help="each source: published, loaded, counts, age")
    status.add_argument("--json", action="store_true", help="one JSON line per source")
    status.set_defaults(handler=_cmd_status)


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                sha.update(chunk)
    except OSError:
        return "unreadable"
    return sha.hexdigest()[:12]


def _open_store(settings: Any) -> Any:
    from kiosk.store import Store, StoreError

    try:
        return Store.open(settings.database_url)
    except StoreError as exc:
        raise CommandError(str(exc)) from None


def _cmd_import(settings: Any, args: argparse.Namespace) -> int:
    from kiosk.lists import ListFormatError
    from kiosk.store import StoreError

    fmt: str = args.file_format
    if args.alt is not None and fmt != "ofac-csv":
        raise CommandError("--alt goes with --format ofac-csv only")
    for path in args.files:
        if not path.is_file():
            raise CommandError(f"{path}: file not found")
    store = _open_store(settings)
    try:
        for path in args.files:
            started = time.perf_counter()
            try:
                if fmt in REGISTER_FORMATS:
                    record = _import_register(store, fmt, path, args.data_version)
                else:
                    record = _import_list(store, fmt, path, args.alt, args.data_version)
            except ListFormatError as exc:
                emit(
                    {
                        "file": str(path),
                        "format": fmt,
                        "error": "malformed",
                        "line": exc.line,
                        "column": exc.column,
                        "reason": exc.reason,
                    }
                )
                raise CommandError(f"{path}: not imported, nothing changed: {exc}") from None
            except StoreError as exc:
                raise CommandError(f"{path}: not imported: {exc}") from None
            record["seconds"] = round(time.perf_counter() - started, 3)
            emit(record)
    finally:
        store.close()
    return 0


def _import_list(
    store: Any, fmt: str, path: Path, alt: Path | None, version: str | None
) -> dict[str, Any]:
    from kiosk import lists

    summary = lists.ListFile(fmt)
    parsers = {
        "eu-fsf": lists.parse_eu_fsf,
        "ofac-sdn": lists.parse_ofac_sdn_xml,
        "un": lists.parse_un,
        "uk": lists.parse_uk_fcdo,
        "uk-ofsi": lists.parse_uk_ofsi,
        "ftm": lists.parse_ftm,
    }
    if fmt == "ofac-csv":
        parties = lists.parse_ofac_csv(path, alt, summary)
    else:
        parties = parsers[fmt](path, summary)
    list_name = lists.LIST_FORMATS[fmt]
    label = version or f"{path.name}+{_digest(path)}"
    result = store.import_list(
        list_name,
        parties,
        label,
        lambda: summary.published,
        file_format=fmt,
        source_file=path.name,
    )
    return {
        "file": str(path),
        "format": fmt,
        "list": list_name,
        "version": label,
        "published": summary.published.isoformat() if summary.published else None,
        "parties": result.records,
        "aliases": result.aliases,
        "weak_aliases": result.weak_aliases,
        "bytes": path.stat().st_size,
    }


def _import_register(store: Any, fmt: str, path: Path, version: str | None) -> dict[str, Any]:
    from kiosk import lists

    as_json = path.suffix.lower() == ".json"
    parse = {
        ("kp", False): lists.parse_kp_csv,
        ("kp", True): lists.parse_kp_json,
        ("g7", False): lists.parse_g7_csv,
        ("g7", True): lists.parse_g7_json,
        ("authorisations", False): lists.parse_authorisations_csv,
        ("authorisations", True): lists.parse_authorisations_json,
    }[(fmt, as_json)]
    label = version or f"{path.name}+{_digest(path)}"
    result = store.import_register(
        fmt,
        parse(path),
        label,
        file_format="json" if as_json else "csv",
        source_file=path.name,
    )
    return {
        "file": str(path),
        "format": fmt,
        "register": fmt,
        "version": label,
        "published": None,
        "records": result.records,
    }


def _age_h(then: datetime | None, now: datetime) -> float | None:
    if then is None:
        return None
    return round((now - then).total_seconds() / 3600, 1)


def _cmd_status(settings: Any, args: argparse.Namespace) -> int:
    store = _open_store(settings)
    try:
        statuses = store.data_status()
    finally:
        store.close()
    now = datetime.now(UTC)
    rows = [
        {
            "source": s.source,
            "kind": s.kind,
            "format": s.format,
            "version": s.version,
            "file": s.source_file,
            "published": s.published_at.isoformat() if s.published_at else None,
            "loaded_at": s.loaded_at.isoformat(),
            "age_h": _age_h(s.loaded_at, now),
            "published_age_h": _age_h(s.published_at, now),
            "counts": s.counts,
        }
        for s in statuses
    ]
    if args.json:
        for row in rows:
            emit(row)
        return 0
    if not rows:
        print("No lists or registers loaded.")
        return 0
    print(f"{'SOURCE':<24} {'KIND':<9} {'PUBLISHED':<11} {'LOADED (UTC)':<17} {'AGE':>8}  COUNTS")
    for row in rows:
        published = (row["published"] or "-")[:10]
        loaded = str(row["loaded_at"])[:16].replace("T", " ")
        counts = ", ".join(f"{k} {v}" for k, v in row["counts"].items())
        print(
            f"{row['source']:<24} {row['kind']:<9} {published:<11} {loaded:<17} "
            f"{row['age_h']:>7}h  {counts}"
        )
    return 0
