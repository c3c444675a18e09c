"""Groups of `kiosk` subcommands; each module has ``register(subparsers)`` (see kiosk/cli.py)."""
