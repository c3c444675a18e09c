"""The kiosk's four languages: Qt translators installed and switched at run time.

English is the source language (the texts in the code). Dutch, French and German come from
Qt Linguist sources in ``resources/translations/kiosk_<lang>.ts``, compiled to ``.qm`` files
next to them by ``make translations`` (pyside6-lrelease). The ``.qm`` files are build output and
not in git: they are rebuilt from the ``.ts`` sources whenever those are newer, by the Makefile
and, if the tool is present, by :func:`ensure_compiled` when the kiosk starts.

Switching language removes the installed translators and installs the new ones; Qt then sends
``QEvent.LanguageChange`` to every widget, and each screen's ``changeEvent`` calls its
``retranslate()``. The default ``QLocale`` is switched too, so numbers and dates follow
(see ``kiosk.ui.formatting``).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from kiosk.ui.theme import RESOURCES_DIR

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
SOURCE_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "nl", "fr", "de")
"""The kiosk's languages, in the order of the picker."""

TRANSLATED_LANGUAGES: tuple[str, ...] = ("nl", "fr", "de")

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "nl": "Nederlands",
    "fr": "Fran\u00e7ais",
    "de": "Deutsch",
}
"""Each language in its own words (never translated)."""

LOCALE_NAMES: dict[str, str] = {"en": "en_GB", "nl": "nl_BE", "fr": "fr_BE", "de": "de_BE"}
"""The locale of numbers and dates per language (English: British conventions)."""

LRELEASE_TIMEOUT_S = 60.0


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark ``text`` for translation in ``context`` (found by lupdate) and return it unchanged.

    The typed stand-in for PySide6's own (whose stub returns ``object``): keep English sources
    in tables and translate them where shown, with ``QCoreApplication.translate(context, text)``.
    """
    del context
    return text


class TranslationError(Exception):
    """A language the kiosk does not have."""


def ts_path(language: str) -> Path:
    """The Linguist source of a language: ``resources/translations/kiosk_<lang>.ts``."""
    return TRANSLATIONS_DIR / f"kiosk_{language}.ts"


def qm_path(language: str) -> Path:
    """The compiled translation of a language, next to its source."""
    return TRANSLATIONS_DIR / f"kiosk_{language}.qm"


def find_tool(name: str) -> str | None:
    """A PySide6 Linguist tool (``lrelease``, ``lupdate``): next to Python, on PATH, or in PySide6.

    Returns:
        The command to run, or ``None`` when the tool is not installed.
    """
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    on_path = shutil.which(f"pyside6-{name}")
    if on_path:
        return on_path
    try:
        import PySide6

        bundled = Path(PySide6.__file__).parent / name
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return None
    return str(bundled) if bundled.exists() else None


def outdated_languages(languages: Sequence[str] = TRANSLATED_LANGUAGES) -> list[str]:
    """The languages whose ``.qm`` is missing or older than its ``.ts``."""
    out = []
    for lang in languages:
        ts, qm = ts_path(lang), qm_path(lang)
        if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            out.append(lang)
    return out


def compile_translations(languages: Sequence[str] = TRANSLATED_LANGUAGES) -> list[str]:
    """Compile the given languages' ``.ts`` files to ``.qm`` with pyside6-lrelease.

    Returns:
        The languages compiled.

    Raises:
        TranslationError: lrelease is not installed or failed (the message says which file).
    """
    tool = find_tool("lrelease")
    if tool is None:
        raise TranslationError("pyside6-lrelease not found: install pyside6-essentials")
    done = []
    for lang in languages:
        try:
            result = subprocess.run(
                [tool, "-silent", str(ts_path(lang)), "-qm", str(qm_path(lang))],
                capture_output=True,
                text=True,
                timeout=LRELEASE_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise TranslationError(f"could not run {tool}: {exc}") from None
        if result.returncode != 0:
            first = (result.stderr or result.stdout).strip().splitlines()[:1]
            raise TranslationError(
                f"{ts_path(lang).name}: lrelease failed: {first[0] if first else result.returncode}"
            )
        done.append(lang)
    return done


def ensure_compiled() -> list[str]:
    """Compile missing or outdated ``.qm`` files if the tool is there; never raises.

    Returns:
        The languages compiled now (an empty list when all were current or nothing could run).
    """
    stale = outdated_languages()
    if not stale:
        return []
    try:
        return compile_translations(stale)
    except TranslationError as exc:
        log.warning("translations not compiled (%s): these languages show English", exc)
        return []


def normalise_language(language: str) -> str:
    """``"NL"``, ``"nl_BE"``, ``"nl-BE"`` → ``"nl"``.

    Raises:
        TranslationError: not one of the kiosk's languages.
    """
    code = language.strip().lower().replace("-", "_").split("_")[0]
    if code not in LANGUAGES:
        raise TranslationError(
            f"unknown language {language!r}: expected one of {', '.join(LANGUAGES)}"
        )
    return code


def locale_for(language: str) -> QLocale:
    """The QLocale of a kiosk language (``nl`` → ``nl_BE``)."""
    return QLocale(LOCALE_NAMES[normalise_language(language)])


class Translations(QObject):
    """The installed translators of the application and the language in use.

    Only one exists per application (see :func:`translations`). ``set_language`` swaps the
    kiosk's and Qt's own (qtbase: standard dialogs, context menus) translators.

    Signals:
        language_changed(str): the new language code, after the translators are swapped.
    """

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []

    @property
    def language(self) -> str:
        """The language in use (``en``, ``nl``, ``fr``, ``de``)."""
        return self._language

    def set_language(self, language: str) -> bool:
        """Use ``language`` from now on; every widget gets a ``LanguageChange`` event.

        A language whose ``.qm`` is missing (lrelease absent) falls back to English texts
        with that language's number and date conventions, and is logged.

        Returns:
            True when the kiosk's own translation for the language was loaded (always True
            for English).

        Raises:
            TranslationError: not one of the kiosk's languages.
        """
        code = normalise_language(language)
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                QCoreApplication.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(locale_for(code))
        loaded = code == SOURCE_LANGUAGE
        if code != SOURCE_LANGUAGE:
            ours = QTranslator(self)
            if ours.load(str(qm_path(code))):
                self._installed.append(ours)
                loaded = True
            else:
                log.warning("no compiled translation %s: showing English", qm_path(code))
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = QTranslator(self)
            if qtbase.load(f"qtbase_{code}", qt_dir):
                self._installed.append(qtbase)
        self._language = code
        if app is not None:
            for translator in self._installed:
                QCoreApplication.installTranslator(translator)
            if not self._installed:  # nothing installed: tell the widgets all the same
                QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
            # Widgets get their LanguageChange posted: deliver now, so the switch is done here.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language_changed.emit(code)
        return loaded


_TRANSLATIONS: Translations | None = None


def translations() -> Translations:
    """The application's translations (created, in English, on first use)."""
    global _TRANSLATIONS
    if _TRANSLATIONS is None:
        _TRANSLATIONS = Translations()
    return _TRANSLATIONS


def set_language(language: str) -> bool:
    """Switch the whole application to ``language`` (see ``Translations.set_language``)."""
    return translations().set_language(language)


def current_language() -> str:
    """The language in use."""
    return translations().language


def install(language: str) -> None:
    """At start-up: compile outdated translations if possible, then switch to ``language``.

    Raises:
        TranslationError: not one of the kiosk's languages (the settings check this first).
    """
    ensure_compiled()
    set_language(language)
