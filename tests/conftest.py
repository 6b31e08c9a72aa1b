"""Shared fixtures: every test gets its own library path; nothing touches the user's data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_DB", str(tmp_path / "lib" / "library.json"))
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "cache"))
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
