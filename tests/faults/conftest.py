"""Fixtures of the fault-injection suite (helpers live in ``faultkit``).

The ``slow`` marker (soak tests) is skipped unless ``READER_SOAK=1`` by tests/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def lib_db(tmp_path: Path) -> Path:
    return tmp_path / "lib" / "library.json"


@pytest.fixture(scope="session", autouse=True)
def _shared_child_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    import faultkit

    faultkit.SHARED_CACHE = tmp_path_factory.mktemp("reader-cache")


@pytest.fixture(autouse=True)
def _shared_cache_in_process(_shared_child_cache, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process commands use the same derived cache: build the lexicon once per session."""
    import faultkit

    monkeypatch.setenv("READER_CACHE", str(faultkit.SHARED_CACHE))
