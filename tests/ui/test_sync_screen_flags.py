"""SyncScreen: a hub-flagged audit break is shown in words; old source rows vanish at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.ui import preview as pv
from kiosk.ui.screens.sync import SyncScreen

FLAG = "entry 2 rewritten: its hash differs from the one received before"


def test_an_audit_break_flagged_by_the_hub_is_shown_in_words(
    qtbot: QtBot, tmp_path: Path
) -> None:
    sync = pv.PreviewSync()
    screen = SyncScreen(sync, clock=lambda: pv.NOW)
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    assert not screen.audit_flag.isVisible()
    assert screen.texts()["audit"] == ""

    screen.show_status(replace(sync.status(), audit_flag=FLAG))

    text = screen.texts()["audit"]
    assert text.startswith("\u2716 AUDIT BREAK")  # a symbol and words, not colour alone
    assert FLAG in text
    assert "supervisor" in text
    assert screen.audit_flag.isVisible()
    assert screen.audit_flag.property("level") == "bad"
    qtbot.wait(50)  # let the new source rows be shown, as before the next paint
    screen.grab().save(str(tmp_path / "sync-audit-flag.png"))

    screen.show_status(replace(sync.status(), audit_flag=None))
    assert not screen.audit_flag.isVisible()


def test_refilled_sources_leave_no_old_row_on_screen(qtbot: QtBot) -> None:
    sync = pv.PreviewSync()
    screen = SyncScreen(sync, clock=lambda: pv.NOW)
    qtbot.addWidget(screen)
    screen.show()
    table = screen.source_rows()
    assert len(table) > 2
    grid_owner = screen._grid.parentWidget()
    assert grid_owner is not None

    screen.show_status(replace(sync.status(), sources=sync.status().sources[:1]))

    # Before the event loop deletes the old labels (and shows the new ones), no old row
    # may still be visible under the new ones.
    gone = table[2][0]
    assert gone not in {cell for row in screen.source_rows() for cell in row}
    shown = {
        label.text()
        for label in grid_owner.findChildren(QLabel)
        if label.isVisibleTo(grid_owner)
    }
    assert gone not in shown
    qtbot.waitUntil(lambda: screen.source_rows() == table[:2])
