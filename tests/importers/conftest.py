"""Fixtures for the importer tests: a local HTTP server (see importer_server.py)."""

from importer_server import feed_state, server  # noqa: F401  (pytest fixtures)
