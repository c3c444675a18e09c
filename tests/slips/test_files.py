"""Writing slips to disk: named after the inspection, atomically, nothing left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.domain.models import Outcome
from kiosk.slips import SlipError, render_slip, slip_file_name, write_slip
from slips.factories import INSPECTION_ID, make_context, make_inspection


def test_write_slip_names_the_file_after_the_inspection(tmp_path: Path) -> None:
    folder = tmp_path / "slips" / "2026"
    path = write_slip(make_inspection(), make_context(), folder)
    assert path == folder / f"{INSPECTION_ID}.pdf"
    assert path.read_bytes() == render_slip(make_inspection(), make_context())
    assert sorted(os.listdir(folder)) == [f"{INSPECTION_ID}.pdf"]


def test_write_slip_replaces_an_earlier_slip(tmp_path: Path) -> None:
    write_slip(make_inspection(Outcome.CLEAR), make_context(), tmp_path)
    path = write_slip(make_inspection(Outcome.HOLD), make_context(), tmp_path)
    assert path.read_bytes() == render_slip(make_inspection(Outcome.HOLD), make_context())
    assert os.listdir(tmp_path) == [path.name]


@pytest.mark.parametrize("bad_id", ["../escape", ".hidden", "a/b", "with space", ""])
def test_unsafe_ids_are_refused_and_nothing_is_written(tmp_path: Path, bad_id: str) -> None:
    with pytest.raises(SlipError):
        write_slip(make_inspection(id=bad_id), make_context(), tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert list(tmp_path.parent.glob("escape*")) == []


def test_a_failed_render_leaves_the_old_slip_alone(tmp_path: Path) -> None:
    path = write_slip(make_inspection(), make_context(), tmp_path)
    before = path.read_bytes()
    with pytest.raises(SlipError, match="no verdict"):
        write_slip(make_inspection(verdict=None), make_context(), tmp_path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == [path.name]


def test_unwritable_folder_raises_and_leaves_no_temp_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(FileExistsError):
        write_slip(make_inspection(), make_context(), blocker)
    assert sorted(os.listdir(tmp_path)) == ["not-a-folder"]


def test_slip_file_name() -> None:
    assert slip_file_name("INS-1.a_b") == "INS-1.a_b.pdf"
    with pytest.raises(SlipError, match="cannot name a slip file"):
        slip_file_name("a\\b")
