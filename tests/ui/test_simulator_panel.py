"""The simulator panel of `make run`: its buttons drive the simulated post."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pytestqt.qtbot import QtBot

from kiosk.ui.simulator_panel import SimulatorPanel


@dataclass
class _Parcel:
    label: str
    weight_ct: Decimal


@dataclass
class _Post:
    parcels: list[_Parcel]
    calls: list[tuple[str, object]] = field(default_factory=list)

    def present(self, index: int) -> None:
        self.calls.append(("present", index))

    def scan(self, value: str, symbology: str | None = "]C0") -> bool:
        self.calls.append(("scan", value))
        return True

    def put_on_scale(self, weight_ct: Decimal | str) -> bool:
        self.calls.append(("weigh", str(weight_ct)))
        return True

    def empty_scale(self) -> bool:
        self.calls.append(("empty", None))
        return True


def test_buttons_drive_the_simulated_post(qtbot: QtBot) -> None:
    post = _Post([_Parcel("Botswana rough", Decimal("1250.404")), _Parcel("Russian", Decimal(1))])
    panel = SimulatorPanel(post)
    qtbot.addWidget(panel)
    panel.show()
    assert [b.text() for b in panel.parcel_buttons] == ["Present 1", "Present 2"]
    panel.parcel_buttons[1].click()
    panel.scan_edit.setText("BW2026004417")
    panel.scan_edit.returnPressed.emit()
    panel.weight_edit.setText("12,5")
    panel.weight_edit.returnPressed.emit()
    assert post.calls == [("present", 1), ("scan", "BW2026004417"), ("weigh", "12.5")]
    assert panel.scan_edit.text() == ""
