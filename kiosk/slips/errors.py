"""The slip's error type, importable without loading reportlab."""


class SlipError(ValueError):
    """An inspection or context that cannot be printed as a slip; the message says why."""
