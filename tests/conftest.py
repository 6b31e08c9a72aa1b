"""Shared fixtures: every test gets its own library path; nothing touches the user's data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One derived-data cache (lexicon, suggestion index) for the whole run, shared by the
    xdist workers (their temp folders have one parent): building it costs seconds of CPU,
    and every spawned analysis process and child ``reader`` would otherwise rebuild it.
    Cache writes are atomic (``os.replace``), so workers may race to write it. A test about
    the cache itself sets its own ``READER_CACHE``."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    path = root / "reader-cache"
    path.mkdir(exist_ok=True)
    from filelock import FileLock

    # One worker builds the cache while the other waits and then loads it (both building
    # at once costs twice the CPU on a 2-core machine).
    with FileLock(str(root / "reader-cache.lock")):
        if not (path / "warm").exists():
            previous = os.environ.get("READER_CACHE")
            os.environ["READER_CACHE"] = str(path)
            try:
                from reader.analysis import AnalysisContext, analyze

                analyze("The goverment met in Oslo on Monday.\n", AnalysisContext())
            finally:
                if previous is None:
                    del os.environ["READER_CACHE"]
                else:
                    os.environ["READER_CACHE"] = previous
            (path / "warm").touch()
    return path


@pytest.fixture(autouse=True)
def _no_fsync_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process tests skip ``fsync`` (about 9,000 calls, 5 ms each on this disk: ~45 s
    of a run spent waiting). Durability only shows across a crash, which an in-process test
    cannot cause; the crash and kill tests run ``reader`` in child processes, which keep
    the real ``fsync``. Tests that make ``fsync`` fail patch it again themselves."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_cache: Path) -> None:
    monkeypatch.setenv("READER_DB", str(tmp_path / "lib" / "library.json"))
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("READER_CACHE", str(shared_cache))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the default exports folder
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "lib" / "library.json"


@pytest.fixture
def library(db_path: Path):
    from reader.store import Library

    lib = Library.open(db_path)
    yield lib
    lib.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` (soak tests) run only when ``READER_SOAK=1``."""
    if os.environ.get("READER_SOAK") == "1":
        return
    skip = pytest.mark.skip(reason="soak test: set READER_SOAK=1 to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run ``reader ARGS...`` in-process; returns ``(exit_status, stdout, stderr)``."""
    from reader.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            status = main(list(args))
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            status = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return status, out, err

    return run
