"""The GUI-thread garbage collector: full collections stay short, garbage is never kept."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import QUIET_COLLECT_DELAY_MS, GuiThreadCollector


class Node:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[GuiThreadCollector]:
    del qtbot  # a QApplication for the timers
    thresholds = gc.get_threshold()
    found = GuiThreadCollector(interval_ms=5)
    found.start()
    yield found
    found.stop()
    gc.set_threshold(*thresholds)
    assert gc.get_freeze_count() == 0  # stop gives every object back


def test_a_full_collection_freezes_what_survives_so_the_next_walks_only_new_objects(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    before = gc.get_freeze_count()
    gc.set_threshold(1, 0, 0)  # every check collects a generation: soon all of them
    survivor = [Node() for _ in range(100)]
    qtbot.waitUntil(lambda: gc.get_freeze_count() >= before + 100, timeout=2000)
    walked = {id(found) for found in gc.get_objects()}
    assert not any(id(node) in walked for node in survivor)  # no collection walks them now
    assert gc.isenabled() is False  # never on whatever thread allocates
    del survivor


def test_collect_all_reclaims_garbage_that_was_alive_when_frozen(
    collector: GuiThreadCollector,
) -> None:
    node = Node()
    alive = weakref.ref(node)
    gc.freeze()
    del node  # garbage now, but frozen: no ordinary collection looks at it
    gc.collect()
    assert alive() is not None
    collector.collect_all()
    assert alive() is None
    assert gc.get_freeze_count() > 0  # the survivors are frozen again


def test_collect_soon_runs_only_while_collecting(qtbot: QtBot) -> None:
    del qtbot
    idle = GuiThreadCollector()
    idle.collect_soon()  # not started: nothing is scheduled
    assert not idle._quiet.isActive()


@pytest.mark.parametrize("quiet", [True, False])
def test_collect_soon_collects_only_if_still_quiet(qtbot: QtBot, quiet: bool) -> None:
    collector = GuiThreadCollector(quiet=lambda: quiet)
    collector.start()
    try:
        node = Node()
        alive = weakref.ref(node)
        gc.freeze()
        del node
        collector.collect_soon()
        qtbot.wait(QUIET_COLLECT_DELAY_MS + 300)
        assert (alive() is None) is quiet  # someone signed in meanwhile: no full collection
    finally:
        collector.stop()
