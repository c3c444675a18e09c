"""Test-only kill points: the crash-safety tests SIGKILL the kiosk at named places.

Set ``KIOSK_TEST_KILL_AT=<point>`` (or ``<point>#<n>`` for the n-th time the point is
reached, counting from 1) in a kiosk process's environment and the process kills itself with
SIGKILL when it reaches that point, after writing ``killed at <point>#<n>`` to stderr. Nothing
else happens: with the variable unset (always, outside ``tests/crash``) a point costs one
dictionary look-up. The points are placed where a power cut would be hardest to survive:

* ``store:<event kind>:before-commit``: an inspection step's rows and its audit event are
  written but the transaction is not committed (kinds: ``create``, ``input``, ``decide``,
  ``slip``, ``print``, ``override``, ``close``);
* ``work:decided`` and ``work:overridden``: a verdict or an override is committed, its slip
  is not written yet;
* ``slip:before-rename``: the slip PDF is written and synced under its temporary name;
* ``store:import-batch``: a list import has written a batch of parties, not committed;
* ``outbox:before-request``, ``outbox:answered``, ``outbox:marked-sent``: an upload of
  records to the hub before its request is sent, after the hub confirmed them but before
  they are marked sent, and once they are marked sent;
* ``sync:downloaded``: a data update has downloaded and verified the bundle, not applied it;
* ``bundle:staged-chunk``: a data update has committed one chunk of its staged lists
  (``STAGE_CHUNK`` parties) beside the live ones;
* ``bundle:before-swap-commit`` and ``bundle:after-swap-commit``: the swap transaction of a
  data update is written but not committed, or has just been committed.

The harness in ``tests/crash`` adds its own points between a device's file and the step that
records it.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

ENV_VAR = "KIOSK_TEST_KILL_AT"
"""The environment variable naming the kill point."""

_reached: Counter[str] = Counter()


def crash_point(name: str) -> None:
    """SIGKILL this process if ``KIOSK_TEST_KILL_AT`` names ``name`` (test-only hook).

    Args:
        name: The point reached, e.g. ``"store:decide:before-commit"``.
    """
    wanted = os.environ.get(ENV_VAR)
    if not wanted:
        return
    point, _, nth = wanted.partition("#")
    if point != name:
        return
    _reached[name] += 1
    if _reached[name] >= (int(nth) if nth.isdigit() else 1):
        os.write(2, f"killed at {wanted}\n".encode())
        os.kill(os.getpid(), signal.SIGKILL)
