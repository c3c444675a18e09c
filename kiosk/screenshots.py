"""Screenshots of the kiosk's screens in every language (``kiosk demo --auto --screenshots``).

At each moment of the scripted shift worth seeing (sign-in, every verdict, the override) the
window is grabbed once per language: the language is switched at run time exactly as the
sign-in screen's picker does, so the shots also show that every screen retranslates. After the
shift every screen of the main window's stack not seen yet (devices, history, sync, lock...) is
shown and grabbed too, so a new screen appears without a change here.

Each shot is checked for text that does not fit: a wrapped label shorter than its text needs,
a one-line label cut with "…", or a button whose text is cut. The findings go into the JSON
line printed for the shot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QStackedWidget, QWidget

from kiosk.ui import i18n
from kiosk.ui.widgets.fit_label import ElidedLabel, ShrinkLabel
from kiosk.ui.widgets.touch_button import TouchButton

SETTLE_MS = 60


def _settle(duration_ms: int = SETTLE_MS) -> None:
    loop = QEventLoop()
    QTimer.singleShot(duration_ms, loop.quit)
    loop.exec()


def screen_name(widget: QWidget) -> str:
    """A file-name form of a screen: ``SignInScreen`` → ``sign-in``."""
    name = widget.objectName() or type(widget).__name__
    name = re.sub(r"Screen$", "", name)
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower() or "screen"


def cut_texts(window: QWidget) -> list[str]:
    """Visible texts that do not fit where they are shown (empty when everything fits)."""
    cut: list[str] = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.pixmap() is not None:
            continue
        if isinstance(label, ElidedLabel):
            if label.is_elided():
                cut.append(label.text())
            continue
        if isinstance(label, ShrinkLabel):  # drawn smaller to fit: cut only below its minimum
            metrics = QFontMetrics(label.fitted_font())
            if metrics.horizontalAdvance(label.text()) > label.contentsRect().width():
                cut.append(label.text())
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                cut.append(label.text())
        elif label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width():
            cut.append(label.text())
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text():
            continue
        if isinstance(button, TouchButton):
            if not button.text_fits():
                cut.append(button.text())
        else:
            shown = re.sub(r"&(.)", r"\1", button.text())  # "&&" is one "&", "&S" a mnemonic
            if button.fontMetrics().horizontalAdvance(shown) > button.contentsRect().width():
                cut.append(shown)
    return cut


@dataclass
class LanguageShots:
    """Grabs a window in every kiosk language into ``<out>/<language>/<name>.png``.

    Args:
        window: The main window.
        out_dir: Where the language folders go.
        languages: The languages to shoot (all four by default).
    """

    window: QMainWindow
    out_dir: Path
    languages: tuple[str, ...] = i18n.LANGUAGES
    taken: list[dict[str, object]] = field(default_factory=list)
    seen_screens: set[str] = field(default_factory=set)

    def take(self, name: str) -> list[dict[str, object]]:
        """Grab the window as it is now in each language; the language in use is kept.

        Returns:
            One record per shot: ``screenshot`` path, ``language``, ``screen``, ``size`` of
            the window (it grows when a text needs more than the screen) and ``cut`` (texts
            that do not fit).
        """
        original = i18n.current_language()
        records: list[dict[str, object]] = []
        stack = self.window.findChild(QStackedWidget)
        shown = stack.currentWidget() if stack is not None else None
        if shown is not None:
            self.seen_screens.add(screen_name(shown))
        try:
            for language in self.languages:
                i18n.set_language(language)
                _settle()
                folder = self.out_dir / language
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / f"{name}.png"
                if not self.window.grab().save(str(path)):
                    raise OSError(f"could not save the screenshot {path}")
                record: dict[str, object] = {
                    "screenshot": str(path),
                    "language": language,
                    "screen": name,
                    "size": f"{self.window.width()}x{self.window.height()}",
                    "cut": cut_texts(self.window),
                }
                records.append(record)
        finally:
            i18n.set_language(original)
            _settle()
        self.taken.extend(records)
        return records

    def take_remaining_screens(self) -> list[dict[str, object]]:
        """Show and grab every screen not grabbed yet, then go back to the screen shown.

        A window with a navigation rail (``allowed_screens()`` and ``show_screen(key)``, as
        ``MainWindow``) is walked through it, so each screen opens as a user would open it;
        otherwise every page of the window's stack is shown in turn.

        Returns:
            The records of the shots taken (see ``take``).
        """
        records: list[dict[str, object]] = []
        allowed = getattr(self.window, "allowed_screens", None)
        show = getattr(self.window, "show_screen", None)
        if callable(allowed) and callable(show):
            keys = [k for k in allowed() if isinstance(k, str)]
            for key in keys:
                if key in self.seen_screens:
                    continue
                if show(key):
                    _settle()
                    records += self.take(key)
                    self.seen_screens.add(key)
            if keys:
                show(keys[0])
                _settle()
            return records
        stack = self.window.findChild(QStackedWidget)
        if stack is None:
            return records
        current = stack.currentWidget()
        for index in range(stack.count()):
            widget = stack.widget(index)
            if widget is None or screen_name(widget) in self.seen_screens:
                continue
            stack.setCurrentWidget(widget)
            _settle()
            records += self.take(screen_name(widget))
        if current is not None:
            stack.setCurrentWidget(current)
            _settle()
        return records

    def cut_count(self) -> int:
        """How many shots have text that does not fit."""
        return sum(1 for record in self.taken if record["cut"])
