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
def _shared_child_cache(shared_cache: Path) -> None:
    """Child ``reader`` processes use the run's shared derived cache (tests/conftest.py)."""
    import faultkit

    faultkit.SHARED_CACHE = shared_cache
