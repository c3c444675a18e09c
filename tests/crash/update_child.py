"""One data update (``DataUpdater.run_once``) in a child process, for the kill tests.

Run as a script (``python update_child.py FOLDER HUB_URL ROOT [STAGE_CHUNK]``) it opens the
kiosk database ``FOLDER/kiosk.sqlite`` (TUF metadata in ``FOLDER/tuf``), checks the hub once
and prints the result's message. With ``STAGE_CHUNK`` the lists are staged in chunks of that
many parties (instead of 20,000), so that a small bundle is copied in several transactions.
With ``KIOSK_TEST_KILL_AT`` set it dies at that point.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":  # run as a script: the checkout is on PYTHONPATH
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.settings import Settings, with_overrides
from kiosk.store import Store, bundles
from kiosk.sync.data_in import DataUpdater, DataUpdateResult


def update_settings(folder: Path, hub_url: str, root: Path) -> Settings:
    """Settings that sync ``folder``'s database with ``hub_url``, pinning ``root``."""
    return with_overrides(
        Settings(),
        data={"database": str(folder / "kiosk.sqlite"), "sample_data": False},
        sync={
            "hub_url": hub_url,
            "tuf_root": str(root),
            "metadata_dir": str(folder / "tuf"),
            "timeout_s": 5.0,
        },
    )


def update_once(folder: Path, hub_url: str, root: Path) -> DataUpdateResult:
    """Open the database, run one update, close it (the test process's restart too)."""
    settings = update_settings(folder, hub_url, root)
    store = Store.open(settings.database_url)
    try:
        return DataUpdater(settings, store).run_once()
    finally:
        store.close()


def main(argv: list[str]) -> int:
    folder, hub_url, root = Path(argv[0]), argv[1], Path(argv[2])
    if len(argv) > 3:
        bundles.STAGE_CHUNK = int(argv[3])
    result = update_once(folder, hub_url, root)
    print(result.message, flush=True)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
