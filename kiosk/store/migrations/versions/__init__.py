"""Migration scripts, one per schema version (a package so that they ship when installed)."""
