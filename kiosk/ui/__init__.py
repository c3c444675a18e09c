"""The kiosk's screens and widgets (PySide6): views that show domain objects and emit intents."""
