"""Settings: one TOML file, loaded once into one frozen object.

Where the file is: ``--config PATH``, else ``$KIOSK_CONFIG``, else ``config.toml`` in the user
config directory. A missing file gives the defaults, which run the demo: simulated devices, a
SQLite file under the user data directory and the bundled sample data.

A bad setting raises ``SettingsError`` with a one-line message naming the key.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import platformdirs

APP_NAME = "inspection-kiosk"
SCHEMA_VERSION = 1

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


class SettingsError(Exception):
    """A setting that cannot be used; the message is one line naming the key."""


@dataclass(frozen=True)
class KioskSettings:
    """Where this kiosk stands."""

    post: str = "BE-ANR-DO"
    post_name: str = "Antwerp Diamond Office"
    kiosk_id: str = "ANR-DO-01"
    language: str = "en"


@dataclass(frozen=True)
class DataSettings:
    """Where records and reference data live."""

    database: str = ""
    photos_dir: str = ""
    slips_dir: str = ""
    sample_data: bool = True
    max_data_age_h: float = 72.0


@dataclass(frozen=True)
class ChecksSettings:
    """Parameters of the checks that the law leaves to the administration."""

    ruleset: str = ""
    carat_tolerance_ct: Decimal = Decimal("0.010")
    parcel_count_tolerance: int = 0
    screening_match: Decimal = Decimal("0.92")
    screening_review: Decimal = Decimal("0.75")


@dataclass(frozen=True)
class ScaleSettings:
    """The carat balance: ``simulated`` runs the real driver against a simulator on a pty."""

    backend: str = "simulated"
    port: str = ""
    protocol: str = "mt-sics"
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: int = 1
    xonxoff: bool = False
    stable_count: int = 3
    poll_interval_ms: int = 150
    timeout_s: float = 1.0


@dataclass(frozen=True)
class ReaderSettings:
    """The barcode or RFID reader on a serial/USB-CDC port."""

    backend: str = "simulated"
    port: str = ""
    kind: str = "line"
    baudrate: int = 9600
    dedupe_s: float = 2.0
    wedge_gap_ms: float = 30.0


@dataclass(frozen=True)
class CameraSettings:
    """The parcel camera: an index, a device path, a file or a URL; ``simulated`` = test pattern."""

    backend: str = "simulated"
    source: str = "0"
    width: int = 1280
    height: int = 720
    fps: int = 30
    decode_codes: bool = True


@dataclass(frozen=True)
class PrinterSettings:
    """Where slips go: ``folder`` (PDF files), ``cups`` (an ``lp`` queue) or ``escpos``.

    ``target`` of an ESC/POS printer is ``tcp://HOST[:PORT]`` or a serial device path.
    """

    backend: str = "folder"
    folder: str = ""
    queue: str = ""
    media: str = "Custom.80x140mm"
    target: str = ""


@dataclass(frozen=True)
class UiSettings:
    """Screen behaviour."""

    fullscreen: bool = False
    idle_lock_s: int = 300


@dataclass(frozen=True)
class SyncSettings:
    """Data updates in and records out, through the hub (issue #5); empty ``hub_url``: no sync."""

    hub_url: str = ""                 # e.g. "https://hub.example.be"; "" = offline post, no sync
    interval_s: int = 300             # background sync period
    tuf_root: str = ""                # the pinned TUF root.json shipped with the kiosk
    metadata_dir: str = ""            # where the TUF client keeps metadata; default under data dir
    token: str = ""                   # this kiosk's upload credential ("kiosk-hub kiosks add")
    token_file: str = ""              # or a file holding it (preferred: not in the config file)
    upload_batch: int = 50            # records sent per sync cycle at most
    backoff_max_s: int = 900          # longest wait between retries of a failed upload
    timeout_s: float = 30.0           # one HTTP request


@dataclass(frozen=True)
class Settings:
    """All settings of the kiosk."""

    kiosk: KioskSettings = field(default_factory=KioskSettings)
    data: DataSettings = field(default_factory=DataSettings)
    checks: ChecksSettings = field(default_factory=ChecksSettings)
    scale: ScaleSettings = field(default_factory=ScaleSettings)
    reader: ReaderSettings = field(default_factory=ReaderSettings)
    camera: CameraSettings = field(default_factory=CameraSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)
    schema_version: int = SCHEMA_VERSION
    source: str = "defaults"

    # ---- Derived paths ------------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        """The directory for the database, photos and slips unless set otherwise."""
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))

    @property
    def database_url(self) -> str:
        """The SQLAlchemy URL of the database."""
        db = self.data.database
        if "://" in db:
            return db
        path = Path(db).expanduser() if db else self.data_dir / "kiosk.sqlite"
        return f"sqlite:///{path}"

    @property
    def photos_path(self) -> Path:
        """Where parcel photos are stored."""
        return (
            Path(self.data.photos_dir).expanduser()
            if self.data.photos_dir
            else (self.data_dir / "photos")
        )

    @property
    def slips_path(self) -> Path:
        """Where slip PDFs are stored."""
        return (
            Path(self.data.slips_dir).expanduser()
            if self.data.slips_dir
            else (self.data_dir / "slips")
        )

    @property
    def printer_folder(self) -> Path:
        """Where the folder printer writes."""
        return (
            Path(self.printer.folder).expanduser()
            if self.printer.folder
            else (self.data_dir / "printed")
        )

    @property
    def ruleset_path(self) -> Path:
        """The rule-set file in force."""
        if self.checks.ruleset:
            return Path(self.checks.ruleset).expanduser()
        return RESOURCES / "rules" / "article3p.json"

    def to_dict(self) -> dict[str, Any]:
        """The effective settings as plain data (for ``kiosk config show``)."""
        out: dict[str, Any] = {"schema_version": self.schema_version, "source": self.source}
        for f in fields(self):
            value = getattr(self, f.name)
            if dataclasses.is_dataclass(value) and not isinstance(value, type):
                out[f.name] = {
                    k: (str(v) if isinstance(v, Decimal) else v)
                    for k, v in dataclasses.asdict(value).items()
                }
        out["paths"] = {
            "database_url": self.database_url,
            "photos": str(self.photos_path),
            "slips": str(self.slips_path),
            "printer_folder": str(self.printer_folder),
            "ruleset": str(self.ruleset_path),
        }
        return out


_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("scale", "backend"): ("simulated", "serial"),
    ("scale", "protocol"): ("mt-sics", "ad", "sbi", "ohaus"),
    ("scale", "parity"): ("N", "E", "O", "M", "S"),
    ("reader", "backend"): ("simulated", "serial", "none"),
    ("reader", "kind"): ("line", "em4100", "chafon"),
    ("camera", "backend"): ("simulated", "opencv", "none"),
    ("printer", "backend"): ("folder", "cups", "escpos", "none"),
    ("kiosk", "language"): ("en", "nl", "fr", "de"),
}


def default_config_path() -> Path:
    """The config file used when neither ``--config`` nor ``KIOSK_CONFIG`` is given."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def _convert(section: str, key: str, raw: object, target: Any) -> object:
    where = f"[{section}] {key}"
    origin = get_origin(target)
    if target is bool:
        if not isinstance(raw, bool):
            raise SettingsError(f"{where}: expected true or false, got {raw!r}")
        return raw
    if target is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise SettingsError(f"{where}: expected a whole number, got {raw!r}")
        if raw < 0:
            raise SettingsError(f"{where}: must not be negative, got {raw}")
        return raw
    if target is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise SettingsError(f"{where}: expected a number, got {raw!r}")
        if raw < 0:
            raise SettingsError(f"{where}: must not be negative, got {raw}")
        return float(raw)
    if target is Decimal:
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise SettingsError(f"{where}: expected a decimal number, got {raw!r}")
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise SettingsError(f"{where}: expected a decimal number, got {raw!r}") from None
        if not value.is_finite() or value < 0:
            raise SettingsError(f"{where}: expected a non-negative number, got {raw!r}")
        return value
    if target is str or origin is None:
        if not isinstance(raw, str | int) or isinstance(raw, bool):
            raise SettingsError(f"{where}: expected text, got {raw!r}")
        text = str(raw)
        choices = _CHOICES.get((section, key))
        if choices is not None and text not in choices:
            raise SettingsError(f"{where}: {text!r} is not one of {', '.join(choices)}")
        return text
    raise SettingsError(f"{where}: unsupported setting type")  # pragma: no cover


def _section(section: str, cls: type[Any], raw: object) -> Any:
    if not isinstance(raw, dict):
        raise SettingsError(f"[{section}]: expected a table of settings")
    hints = get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    values: dict[str, object] = {}
    for key, value in raw.items():
        if key not in known:
            raise SettingsError(
                f"[{section}] {key}: unknown setting (known: {', '.join(sorted(known))})"
            )
        values[key] = _convert(section, key, value, hints[key])
    return cls(**values)


def _migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring an older file's layout up to ``SCHEMA_VERSION`` (version 1 is the first)."""
    version = doc.pop("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or version < 1 or version > SCHEMA_VERSION:
        raise SettingsError(f"schema_version: {version!r} is not supported by this kiosk")
    return doc


def parse(text: str, source: str = "<text>") -> Settings:
    """Settings from TOML text; raises ``SettingsError`` on any bad value."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{source}: not valid TOML: {exc}") from None
    except RecursionError:
        raise SettingsError(f"{source}: not valid TOML: nested too deeply") from None
    except ValueError:  # an integer of more than 4300 digits
        raise SettingsError(f"{source}: not valid TOML: a number is too long") from None
    doc = _migrate(doc)
    hints = get_type_hints(Settings)
    sections: dict[str, Any] = {}
    for name, value in doc.items():
        cls = hints.get(name)
        if cls is None or not dataclasses.is_dataclass(cls) or get_args(cls):
            raise SettingsError(f"[{name}]: unknown section")
        sections[name] = _section(name, cls, value)  # type: ignore[arg-type]
    settings = Settings(**sections, source=source)
    _check(settings)
    return settings


def _check(settings: Settings) -> None:
    if settings.scale.backend == "serial" and not settings.scale.port:
        raise SettingsError('[scale] port: required when backend = "serial"')
    if settings.reader.backend == "serial" and not settings.reader.port:
        raise SettingsError('[reader] port: required when backend = "serial"')
    if settings.reader.dedupe_s < 0:
        raise SettingsError(f"[reader] dedupe_s: must be 0 or more, got {settings.reader.dedupe_s}")
    if not 0 < settings.reader.wedge_gap_ms <= 1000:
        raise SettingsError(
            f"[reader] wedge_gap_ms: must be above 0 and at most 1000, got "
            f"{settings.reader.wedge_gap_ms}"
        )
    if settings.scale.bytesize not in (5, 6, 7, 8):
        raise SettingsError(
            f"[scale] bytesize: must be 5, 6, 7 or 8, got {settings.scale.bytesize}"
        )
    if settings.scale.stopbits not in (1, 2):
        raise SettingsError(f"[scale] stopbits: must be 1 or 2, got {settings.scale.stopbits}")
    if settings.scale.stable_count < 1:
        raise SettingsError("[scale] stable_count: must be at least 1")
    if settings.printer.backend == "cups" and not settings.printer.queue:
        raise SettingsError('[printer] queue: required when backend = "cups"')
    if settings.printer.backend == "escpos" and not (
        settings.printer.target.startswith("tcp://") or settings.printer.target.startswith("/")
    ):
        raise SettingsError(
            '[printer] target: tcp://HOST[:PORT] or a serial device path required when '
            'backend = "escpos"'
        )
    if settings.sync.hub_url and not settings.sync.hub_url.startswith(("http://", "https://")):
        raise SettingsError(
            f"[sync] hub_url: must start with http:// or https://, got {settings.sync.hub_url!r}"
        )
    if settings.sync.hub_url and settings.sync.interval_s < 10:
        raise SettingsError(
            f"[sync] interval_s: must be at least 10, got {settings.sync.interval_s}"
        )
    if not settings.kiosk.post.strip():
        raise SettingsError("[kiosk] post: must not be empty")
    if not 0 < settings.checks.screening_review <= settings.checks.screening_match <= 1:
        raise SettingsError(
            "[checks] screening_review and screening_match: need 0 < review <= match <= 1, got "
            f"{settings.checks.screening_review} and {settings.checks.screening_match}"
        )


def load(path: str | os.PathLike[str] | None = None) -> Settings:
    """Load settings from ``path``, ``$KIOSK_CONFIG`` or the default location."""
    explicit = path is not None or bool(os.environ.get("KIOSK_CONFIG"))
    chosen = Path(
        path if path is not None else os.environ.get("KIOSK_CONFIG") or default_config_path()
    )
    if not chosen.exists():
        if explicit:
            raise SettingsError(f"{chosen}: config file not found")
        return Settings()
    try:
        text = chosen.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{chosen}: cannot read: {exc}") from None
    return parse(text, source=str(chosen))


def with_overrides(settings: Settings, **sections: dict[str, Any]) -> Settings:
    """A copy of ``settings`` with some values of some sections replaced (for tests and demo)."""
    changes = {
        name: dataclasses.replace(getattr(settings, name), **values)
        for name, values in sections.items()
    }
    return dataclasses.replace(settings, **changes)
