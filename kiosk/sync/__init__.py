"""Sync with the hub: signed data updates in (TUF client), inspection records out (outbox)."""
