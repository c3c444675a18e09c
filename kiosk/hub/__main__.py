"""``python -m kiosk.hub``: the ``kiosk-hub`` command."""

import sys

from kiosk.hub.cli import main

sys.exit(main())
