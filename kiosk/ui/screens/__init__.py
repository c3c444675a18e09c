"""The kiosk screens: sign-in and inspection. Each can be previewed alone (``python -m``)."""
