"""Reusable kiosk widgets: camera, weight, verdict, reasons, identifiers, documents, status."""
