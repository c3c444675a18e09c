"""A kiosk process that sends its outbox once: ``python upload_child.py FOLDER HUB_URL KIOSK_ID``.

The folder holds ``kiosk.sqlite`` and ``hub.token`` (see ``tests/records/kiosks.py``). The
crash tests run it with ``KIOSK_TEST_KILL_AT`` set to one of the ``outbox:`` points.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.settings import DataSettings, KioskSettings, Settings, SyncSettings
from kiosk.store import Store
from kiosk.sync.outbox import Uploader


def main(argv: list[str]) -> int:
    """Run ``Uploader.run_once()`` on the kiosk in ``argv[0]``; print its message."""
    folder, hub_url, kiosk_id = Path(argv[0]), argv[1], argv[2]
    settings = Settings(
        kiosk=KioskSettings(kiosk_id=kiosk_id),
        data=DataSettings(database=str(folder / "kiosk.sqlite"), sample_data=False),
        sync=SyncSettings(
            hub_url=hub_url, token_file=str(folder / "hub.token"), timeout_s=10.0
        ),
    )
    store = Store.open(settings.database_url)
    try:
        result = Uploader(settings, store).run_once(ignore_backoff=True)
    finally:
        store.close()
    print(result.message)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
