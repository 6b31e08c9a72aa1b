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


@pytest.fixture(autouse=True)
def _shared_cache_in_process(_shared_child_cache, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process commands use the same derived cache: build the lexicon once per session."""
    import faultkit

    monkeypatch.setenv("READER_CACHE", str(faultkit.SHARED_CACHE))


#: No fault test may run this long: a command blocked on a FIFO, a device or a server
#: fails its test instead of hanging the suite (soak tests excepted).
HANG_LIMIT_S = 300


@pytest.fixture(autouse=True)
def _no_hang(request: pytest.FixtureRequest):
    """Every command of the fault matrix runs under a timeout: child processes through
    ``faultkit.run_reader``'s, in-process commands through SIGALRM, which interrupts a
    blocking open or read."""
    import signal
    import threading

    if (request.node.get_closest_marker("slow") or not hasattr(signal, "SIGALRM")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def hung(signum, frame):
        raise TimeoutError(f"{request.node.name} ran for more than {HANG_LIMIT_S} s (a hang?)")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_LIMIT_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
