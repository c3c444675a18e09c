"""Simulated devices that speak the real wire protocols on pseudo-terminals."""
