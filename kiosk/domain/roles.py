"""Who may do what at the kiosk: the three roles and the screens and actions each one opens."""

from __future__ import annotations

from enum import Enum


class Permission(Enum):
    """Something a signed-in user may open or do."""

    INSPECT = "inspect"                  # the inspection screen: identify, weigh, decide, print
    HISTORY = "history"                  # past inspections
    OVERRIDE = "override"                # lift a HOLD (second person, R18)
    DEVICES_VIEW = "devices_view"        # device states, ports, models, last readings
    DEVICES_CONTROL = "devices_control"  # read/zero/tare, test print, snapshot, detect ports
    SYNC = "sync"                        # data versions, uploads waiting, Sync now
    EXIT_KIOSK = "exit_kiosk"            # leave full-screen kiosk mode


ROLES: tuple[str, ...] = ("inspector", "supervisor", "technician")
"""The roles a user can have."""

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "inspector": frozenset(
        {Permission.INSPECT, Permission.HISTORY, Permission.DEVICES_VIEW, Permission.SYNC}
    ),
    "supervisor": frozenset(
        {
            Permission.INSPECT,
            Permission.HISTORY,
            Permission.OVERRIDE,
            Permission.DEVICES_VIEW,
            Permission.SYNC,
        }
    ),
    "technician": frozenset(
        {
            Permission.DEVICES_VIEW,
            Permission.DEVICES_CONTROL,
            Permission.SYNC,
            Permission.EXIT_KIOSK,
        }
    ),
}
"""What each role may open; an unknown role may open nothing."""


def permissions(role: str) -> frozenset[Permission]:
    """The permissions of ``role`` (none for an unknown role)."""
    return ROLE_PERMISSIONS.get(role, frozenset())


def may(role: str, permission: Permission) -> bool:
    """Whether ``role`` has ``permission``."""
    return permission in permissions(role)


def may_unlock(locked_role: str, locked_username: str, username: str, role: str) -> bool:
    """Whether ``username`` may unlock the session ``locked_username`` left locked.

    The same person always may; a supervisor may unlock anyone's session (the session then
    goes on as the person who left it, and the unlock is recorded with the supervisor's name).
    """
    del locked_role
    return username == locked_username or role == "supervisor"
