"""The central side: publishes signed data bundles (TUF), receives inspection records."""
