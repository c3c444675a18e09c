"""The status bar's data age: green, then amber ("update due"), then red ("STALE")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui import preview as pv
from kiosk.ui.theme import load_stylesheet
from kiosk.ui.widgets.status_bar import StatusBar

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
DUE = "\u25d4 Data 2026.11.1 \u00b7 2 d old \u00b7 update due"


@pytest.mark.parametrize(
    ("age_h", "level", "text", "rgb"),
    [
        (10, "ok", "Data 2026.11.1 \u00b7 10 h old", (0x86, 0xEF, 0xAC)),
        (60, "ageing", DUE, (0xFC, 0xD3, 0x4D)),
        (96, "stale", "\u26a0 Data 2026.11.1 \u00b7 4 d old \u00b7 STALE", (0xFC, 0xA5, 0xA5)),
    ],
)
def test_data_age_goes_amber_then_red(
    qtbot: QtBot, tmp_path: Path, age_h: int, level: str, text: str, rgb: tuple[int, int, int]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    bar = StatusBar("Post", "K1", max_data_age_h=72, clock=lambda: NOW)
    bar.setStyleSheet(load_stylesheet())
    qtbot.addWidget(bar)
    bar.set_data_version(pv.SampleDataVersion("2026.11.1", NOW - timedelta(hours=age_h), NOW))
    label = bar.findChild(type(bar.device_label("scale")), "StatusData")
    assert label is not None
    assert label.property("level") == level
    assert bar.texts()["data"] == text
    bar.resize(1280, 80)
    bar.show()
    label.ensurePolished()
    color = label.palette().color(label.foregroundRole())
    assert (color.red(), color.green(), color.blue()) == rgb
    bar.grab().save(str(tmp_path / f"status-{level}.png"))
    assert (tmp_path / f"status-{level}.png").stat().st_size > 0
