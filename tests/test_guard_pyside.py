"""Guard against PySide6 6.12.0 on CPython 3.11, which drops None's refcount on every void call."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_void_qt_calls_keep_none_refcount_flat(qapp: QApplication) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))
        label.setObjectName("x")
    after = sys.getrefcount(None)
    # On 3.12+ None is immortal (refcount constant); on an affected 3.11 build it falls by ~4000.
    assert after >= before - 50, f"None refcount fell from {before} to {after}: PySide6 bug"
