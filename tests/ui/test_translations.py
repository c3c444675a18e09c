"""The four languages: every UI text translated, every screen switched at run time, numbers
and dates in the locale, reason texts translated with the legal basis untouched."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.models import ListedParty, Outcome, Reason
from kiosk.domain.screening import screen_exact
from kiosk.ui import formatting as f
from kiosk.ui import i18n
from kiosk.ui import preview as pv
from kiosk.ui.main_window import MainWindow
from kiosk.ui.reasons import REASON_TEMPLATES, reason_message, template_for
from kiosk.ui.screens.history import HistoryScreen, short_date_format
from kiosk.ui.screens.sync import SyncScreen
from kiosk.ui.theme import RESOURCES_DIR

UI_SOURCES = Path(i18n.__file__).resolve().parent
PLACEHOLDER = re.compile(r"%\d|\{[a-z_]+\}")
LUPDATE_TIMEOUT_S = 120


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    """The .qm files exist and are current (as ``make translations`` leaves them)."""
    if i18n.outdated_languages():
        i18n.compile_translations(i18n.outdated_languages())


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """Every test leaves the application in English, as the other UI tests expect it."""
    yield
    i18n.set_language("en")


@cache
def _catalog(language: str) -> dict[tuple[str, str], str]:
    """(context, source) → translation, from the language's .ts file."""
    root = ET.parse(i18n.ts_path(language)).getroot()
    out: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message.findtext("translation") or ""
    return out


# ---- The catalogues ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", i18n.TRANSLATED_LANGUAGES)
def test_every_text_in_the_ui_code_is_translated(tmp_path: Path, language: str) -> None:
    """lupdate over kiosk/ui into a copy of the .ts: nothing new, nothing gone, nothing empty."""
    tool = i18n.find_tool("lupdate")
    assert tool is not None, "pyside6-lupdate is part of pyside6-essentials"
    copy = tmp_path / i18n.ts_path(language).name
    shutil.copyfile(i18n.ts_path(language), copy)
    subprocess.run(
        [tool, "-extensions", "py", "-locations", "none", str(UI_SOURCES), "-ts", str(copy)],
        check=True,
        capture_output=True,
        timeout=LUPDATE_TIMEOUT_S,
    )
    problems = []
    for context in ET.parse(copy).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            text = translation.text or ""
            if kind in ("unfinished", "vanished", "obsolete"):
                problems.append(f"{name}: {source!r} is {kind}")
            elif not text.strip():
                problems.append(f"{name}: {source!r} has an empty translation")
            elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{name}: {source!r} -> {text!r}: placeholders differ")
    assert not problems, "\n".join(problems)


def test_compiled_translations_load_and_switch_the_locale() -> None:
    assert i18n.set_language("nl")
    assert f.tr("Do not release yet") == "Nog niet vrijgeven"
    assert f.format_carats(Decimal("512.4504")) == "512,450 ct"
    assert f.format_date(date(2026, 11, 27)) == "27/11/2026"
    assert i18n.set_language("de")
    assert f.format_date(date(2026, 11, 27)) == "27.11.2026"
    assert f.format_signed_carats(Decimal("-0.0104")) == "\u22120,010 ct"
    assert i18n.set_language("fr")
    assert f.format_carats(Decimal("2104.66")) == "2104,660 ct"
    assert i18n.set_language("EN")
    assert f.format_carats(Decimal("2104.66")) == "2104.660 ct"
    assert f.format_date(date(2026, 11, 27)) == "27/11/2026"


def test_an_unknown_language_is_refused_in_one_line() -> None:
    with pytest.raises(i18n.TranslationError, match="unknown language 'xx': expected one of"):
        i18n.set_language("xx")
    assert i18n.current_language() == "en"


def test_a_missing_compiled_file_is_built_from_its_source(tmp_path: Path) -> None:
    qm = i18n.qm_path("de")
    saved = tmp_path / "kiosk_de.qm"
    shutil.move(qm, saved)
    try:
        assert "de" in i18n.outdated_languages()
        assert i18n.ensure_compiled() == ["de"]
        assert qm.stat().st_size > 1000
        assert i18n.set_language("de")
    finally:
        if not qm.exists():
            shutil.move(saved, qm)


# ---- Reason texts -----------------------------------------------------------------------------


def test_reason_texts_are_translated_and_the_legal_basis_is_not() -> None:
    reason = Reason(
        "R9",
        Outcome.HOLD,
        "Regulation (EC) 2368/2002 Art. 4",
        "Seals: no seal was scanned (documents: S-1; scanned: none)",
        (("problem", "no seal was scanned"), ("declared", "S-1"), ("scanned", "none")),
    )
    i18n.set_language("nl")
    text = reason_message(reason)
    assert text.startswith("Zegels: er werd geen zegel gescand")
    assert "S-1" in text
    assert reason.legal_basis == "Regulation (EC) 2368/2002 Art. 4"
    i18n.set_language("en")
    assert reason_message(reason) == reason.message


def test_detail_phrases_with_data_are_translated_and_localised() -> None:
    reason = Reason(
        "R8",
        Outcome.HOLD,
        "Reg. (EC) 2368/2002 Arts 3 and 5",
        "KP certificate ZA2025077610: expired on 2025-06-01",
        (("kp_number", "ZA2025077610"), ("problem", "expired on 2025-06-01")),
    )
    i18n.set_language("de")
    assert reason_message(reason) == "KP-Zertifikat ZA2025077610: abgelaufen am 01.06.2025"
    quantities = Reason(
        "R11",
        Outcome.HOLD,
        "Reg. (EC) 2368/2002 Art. 4",
        "weight differs from the KP certificate: 512.450 ct against 512.000 ct "
        "(difference +0.450 ct, tolerance 0.010 ct)",
        (
            ("problem", "weight differs from the KP certificate"),
            ("found", "512.450 ct"),
            ("expected", "512.000 ct"),
            ("difference", "+0.450 ct"),
            ("tolerance", "0.010 ct"),
        ),
    )
    i18n.set_language("fr")
    assert reason_message(quantities) == (
        "le poids diffère du certificat PK : 512,450 ct contre 512,000 ct "
        "(écart +0,450 ct, tolérance 0,010 ct)"
    )


def test_a_reworded_rule_is_shown_as_published() -> None:
    """A rule set whose wording no longer matches the known template is not mistranslated."""
    reason = Reason("K2", Outcome.HOLD, "Kiosk procedure", "No photo of the parcel, opened")
    i18n.set_language("fr")
    assert reason_message(reason) == "No photo of the parcel, opened"
    assert reason_message(replace(reason, message=REASON_TEMPLATES["K2"])) != REASON_TEMPLATES["K2"]


# ---- Every screen in every language ---------------------------------------------------------


def _visible_texts(root: QWidget) -> list[str]:
    # Widgets replaced on a language change (deleteLater) are gone before anyone looks.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        texts.append(widget.toolTip())
        texts.append(widget.accessibleName())
    return [t for t in texts if t.strip()]


@cache
def _data_texts() -> frozenset[str]:
    """Texts that come from the (English) sample data, not from the UI: names, parties,
    published reason messages and legal bases."""
    out: set[str] = {
        pv.SETTINGS.post_name,
        f"{pv.SETTINGS.post_name} \u00b7 {pv.SETTINGS.kiosk_id}",
    }
    out |= {u.display_name for u in pv.PreviewController().users()}
    for outcome in (None, *Outcome):
        inspection = pv.sample_inspection(outcome)
        if inspection.verdict is not None:
            for reason in inspection.verdict.reasons:
                out |= {reason.message, reason.legal_basis}
    for record in (pv.DECLARATION, pv.CERTIFICATE):
        out |= {str(getattr(record, field.name)) for field in fields(record)}
    out |= set(i18n.LANGUAGE_NAMES.values())
    out |= {source.name for source in pv.SOURCES}  # published list names (hub preview)
    # Device backends as written in the settings, and the model the reader service reports.
    out |= {"folder", "opencv", "serial", "simulated", "cups", "escpos", "line scanner"}
    return frozenset(out)


WORDS = re.compile(r"[^\W\d_]{3,}")
PATH = re.compile(r"\S*/\S*")
"""A path, port or address (``/dev/serial/by-id/...``, ``https://hub...``): data, not UI."""


@cache
def _allowed_words(language: str) -> frozenset[str]:
    """Words that may stay as in English: from the sample data, language names, and texts
    whose translation is the English word itself (OK, MRN, Camera in Dutch...)."""
    same = {src for (_, src), tr in _catalog(language).items() if tr == src}
    return frozenset(w.lower() for text in same | _data_texts() for w in WORDS.findall(text))


@cache
def _english_only_words(language: str) -> frozenset[str]:
    """Words of the English sources that no translation into ``language`` uses ("seal",
    "number", "not" for German): one of them in a translated screen is English left over."""
    catalog = _catalog(language)
    english = {w.lower() for (_, src) in catalog for w in WORDS.findall(src)}
    target = {w.lower() for tr in catalog.values() for w in WORDS.findall(tr)}
    return frozenset(english - target - _allowed_words(language))


def _english_left(english: list[str], translated: list[str], language: str) -> list[str]:
    """Texts shown the same in English and in ``language`` with a word that should change,
    and translated texts with an English word in them (a part left untranslated)."""
    allowed = _allowed_words(language)
    english_only = _english_only_words(language)
    same = {
        t
        for t in set(translated) & set(english)
        if not PATH.fullmatch(t.replace("\u200b", ""))
        and any(w.lower() not in allowed for w in WORDS.findall(PATH.sub("", t)))
    }
    mixed = {
        t
        for t in set(translated) - set(english)
        if any(w.lower() in english_only for w in WORDS.findall(PATH.sub("", t)))
    }
    return sorted(same | mixed)


_DEVICES: list[pv.PreviewDevices] = []


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[tuple[MainWindow, pv.PreviewController]]:
    controller, devices = pv.PreviewController(), pv.PreviewDevices()
    _DEVICES[:] = [devices]
    win = MainWindow(
        controller,
        devices,
        pv.SETTINGS,
        sync=pv.PreviewSync(),
        clock=lambda: pv.NOW,
        language="en",
    )
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win, controller
    devices.stop()


def _sign_in_states(win: MainWindow, controller: pv.PreviewController) -> Iterator[str]:
    yield "sign-in"
    win.sign_in_screen.select_user("jpeeters")
    yield "sign-in-user"
    win.sign_in_screen.submit()  # no PIN: the screen's own message
    yield "sign-in-error"


def _inspection_states(win: MainWindow, controller: pv.PreviewController) -> Iterator[str]:
    controller.sign_in("jpeeters", pv.PREVIEW_PIN)
    assert win.current_screen is win.inspection_screen
    win.status_bar.set_data_version(pv.DATA_VERSION)
    for outcome in (None, *Outcome):
        win.inspection_screen.show_inspection(pv.sample_inspection(outcome))
        win.inspection_screen.show_weight(pv.READING)
        yield f"inspection-{outcome}"
    # Texts of the domain and the services: a problem shown while typing, a refusal.
    win.inspection_screen.identifiers.input.setText("SL 123")
    win.inspection_screen.show_message("There is no slip to print yet: check the parcel first.")
    yield "inspection-typing"
    win.inspection_screen.identifiers.input.clear()
    win.inspection_screen.message.clear()


def _override_states(win: MainWindow, controller: pv.PreviewController) -> Iterator[str]:
    controller.sign_in("jpeeters", pv.PREVIEW_PIN)
    for _ in range(4):  # the preview controller cycles through the outcomes
        controller.check_now()
        current = controller.current
        if current is not None and current.verdict and current.verdict.outcome is Outcome.HOLD:
            break
    win.inspection_screen.override_button.click()
    assert win.current_screen is win.override_screen
    yield "override"
    win.override_screen.submit()
    yield "override-error"


def _rail_states(win: MainWindow, controller: pv.PreviewController) -> Iterator[str]:
    """Every other screen of the navigation rail, as a technician sees it."""
    controller.sign_out()
    controller.sign_in("lschmidt", pv.PREVIEW_PIN)
    _DEVICES[0].read_scale()  # the devices screen shows the reading and its state
    for key in win.allowed_screens():
        if key != "inspection":
            assert win.show_screen(key), key
            yield key
    win.show_screen("inspection")
    win.inspection_screen.show_inspection(pv.sample_inspection(None))
    win.set_menu_open(True)
    yield "menu"


def _states(win: MainWindow, controller: pv.PreviewController) -> Iterator[str]:
    yield from _sign_in_states(win, controller)
    yield from _inspection_states(win, controller)
    yield from _override_states(win, controller)
    yield from _rail_states(win, controller)


@pytest.mark.parametrize("language", i18n.TRANSLATED_LANGUAGES)
def test_every_screen_switches_language_at_run_time(
    window: tuple[MainWindow, pv.PreviewController], language: str
) -> None:
    """Each state is seen in English, then switched at run time: no English text is left."""
    win, controller = window
    left: dict[str, list[str]] = {}
    for state in _states(win, controller):
        english = _visible_texts(win)
        i18n.set_language(language)
        translated = _visible_texts(win)
        i18n.set_language("en")
        assert _visible_texts(win) == english, f"{state}: not the same after switching back"
        if found := _english_left(english, translated, language):
            left[state] = found
    assert not left, left


def test_the_picker_switches_the_whole_window(
    qtbot: QtBot, window: tuple[MainWindow, pv.PreviewController]
) -> None:
    win, _ = window
    title = win.sign_in_screen.findChild(QLabel, "SignInTitle")
    assert title is not None
    buttons = win.sign_in_screen.language_buttons()
    assert list(buttons) == ["en", "nl", "fr", "de"]
    assert all(b.height() >= 48 and b.width() >= 48 for b in buttons.values())
    qtbot.mouseClick(buttons["de"], Qt.MouseButton.LeftButton)
    assert i18n.current_language() == "de"
    assert title.text() == "Kontrollterminal \u2014 Anmeldung"
    assert buttons["de"].isChecked()
    assert not buttons["en"].isChecked()
    assert win.status_bar.texts()["user"] == "Nicht angemeldet"
    qtbot.mouseClick(buttons["en"], Qt.MouseButton.LeftButton)
    assert title.text() == "Inspection Kiosk \u2014 sign in"


def test_the_language_chosen_is_remembered_for_the_user(
    window: tuple[MainWindow, pv.PreviewController],
) -> None:
    win, controller = window
    win.sign_in_screen.select_user("jpeeters")
    win.sign_in_screen.language_buttons()["fr"].click()
    controller.sign_in("jpeeters", pv.PREVIEW_PIN)
    assert i18n.current_language() == "fr"
    controller.sign_out()
    assert i18n.current_language() == "en"  # the kiosk's default for the next person
    win.sign_in_screen.select_user("jpeeters")
    assert i18n.current_language() == "fr"


def test_status_bar_words_follow_the_language(
    window: tuple[MainWindow, pv.PreviewController],
) -> None:
    win, _ = window
    win.status_bar.set_data_version(pv.DATA_VERSION)
    win.status_bar.set_device_state("scale", "disconnected", "")
    i18n.set_language("de")
    texts = win.status_bar.texts()
    assert texts["user"] == "Nicht angemeldet"
    assert texts["scale"].endswith("Waage: getrennt")
    assert texts["data"] == "Daten 2026.11.1 \u00b7 vor 3 h"


def test_history_dates_follow_the_locale_with_a_four_digit_year(qtbot: QtBot) -> None:
    i18n.set_language("en")  # as the kiosk starts: British conventions for English
    screen = HistoryScreen(today=lambda: date(2026, 11, 27))
    qtbot.addWidget(screen)
    assert screen.from_input.text() == "27/11/2026"
    i18n.set_language("fr")
    assert screen.from_input.displayFormat() == "dd/MM/yyyy"  # fr_BE's own: d/MM/yy
    i18n.set_language("de")
    assert screen.from_input.displayFormat() == "dd.MM.yyyy"
    assert screen.to_input.text() == "27.11.2026"
    i18n.set_language("nl")
    assert screen.from_input.text() == "27/11/2026"
    assert short_date_format().count("y") == 4


def test_sync_dates_and_ages_are_written_in_the_language(qtbot: QtBot) -> None:
    screen = SyncScreen(pv.PreviewSync(), clock=lambda: pv.NOW)
    qtbot.addWidget(screen)
    screen.show()
    i18n.set_language("fr")
    texts = screen.texts()
    assert "il y a 12 min" in texts["attempt"], texts
    assert "geleden" not in texts["attempt"]
    assert "ago" not in texts["attempt"]
    assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d \(il y a 3 h\)", texts["data"]), texts
    i18n.set_language("nl")
    assert "(12 min geleden)" in screen.texts()["attempt"]
    assert screen.source_rows()[1][2].count("/") == 2  # dd/mm/yyyy, not ISO


def test_every_rule_of_the_rule_set_has_its_wording_translated() -> None:
    """A rule added or reworded in the rule set fails here until reasons.py knows it."""
    rules = json.loads((RESOURCES_DIR / "rules" / "article3p.json").read_text("utf-8"))["rules"]
    stale = {r["id"]: r["message"] for r in rules if template_for(r["id"]) != r["message"]}
    assert not stale, stale


def test_an_exact_sanctions_match_is_explained_in_the_language() -> None:
    listed = [ListedParty("EU FSF", "EU.123.45", "ALROSA PJSC", aliases=("Alrosa",))]
    hits = screen_exact([("KP exporter", "Alrosa"), ("importer", "Alrosa PJSC")], listed)
    assert len(hits) == 2
    message = REASON_TEMPLATES["R12"]
    for hit in hits:
        reason = Reason(
            "R12",
            Outcome.REFUSE,
            "Reg. (EU) 269/2014 Art. 2",
            message.format(explanation=hit.explanation),
            (("explanation", hit.explanation),),
        )
        i18n.set_language("de")
        shown = reason_message(reason)
        assert shown.startswith(
            (
                "Sanktionierte Partei: KP-Ausführer „Alrosa“ entspricht EU FSF",
                "Sanktionierte Partei: Einführer „Alrosa PJSC“ entspricht EU FSF",
            )
        ), shown
        assert " matches " not in shown
        i18n.set_language("en")
        assert reason_message(reason) == reason.message
