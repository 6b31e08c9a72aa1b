"""Helpers for the fault-injection suite: run the real ``reader`` command in a child
process, check that an error is one clean line, and build small libraries.

Why child processes: a crash, a kill or a second writer are only real across process
boundaries, and "no traceback" is only proven by reading the stderr a user would see.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.store import Library

#: Article used by most tests: a title, two paragraphs and a word that repeats.
SAMPLE_TEXT = (
    "A harbour at dawn\n\n"
    "The boats came in early on Tuesday, and the harbour master counted every crate.\n\n"
    "Nobody in the harbour expected the storm that followed the boats.\n"
)


#: A cache folder shared by the session's child processes (set by conftest), so each child
#: does not rebuild the derived lexicon cache from scratch (seconds per process).
SHARED_CACHE: Path | None = None


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child ``reader``: no bytecode writes, no colour, plain width."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", "COLUMNS": "120", "TERM": "dumb"}
    if SHARED_CACHE is not None:
        env["READER_CACHE"] = str(SHARED_CACHE)
    env.update(extra)
    return env


def run_reader(*args: str | Path, db: Path | None = None, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m reader ARGS`` (with ``--db`` when given) and capture its output."""
    argv = [sys.executable, "-m", "reader"]
    if db is not None:
        argv += ["--db", str(db)]
    argv += [str(a) for a in args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=child_env(**env),
                          errors="surrogateescape")


def assert_clean_error(status: int, err: str, *, code: int = 2, contains: str | None = None) -> None:
    """An error a user caused: the documented status, one ``reader: error:`` line, no traceback.

    ``reader add`` reports each failed file on its own line and then a summary line
    ("0 added, ... 1 failed"); that summary may follow the error.
    """
    assert status == code, f"status {status}, stderr: {err!r}"
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("reader: error:")]
    if lines and " added, " in lines[-1] and lines[-1].endswith(" failed"):
        lines = lines[:-1]  # reader add's summary line
    assert len(errors) == 1 and lines[-1] == errors[0], err
    if contains is not None:
        assert contains in errors[0], err


def make_library(db: Path, text: str = SAMPLE_TEXT, title: str = "A harbour at dawn") -> str:
    """A library holding one article with one annotation and one correction; its id."""
    from reader.model import Anchor, Annotation, Correction

    lib = Library.open(db)
    try:
        article_id = lib.add_article(text, title=title).info.id
        start = text.index("harbour master")
        lib.put_annotation(Annotation("seed-note", article_id, Anchor(start, start + 14, "harbour master")))
        at = text.index("Tuesday")
        lib.put_correction(Correction("seed-fix", article_id, at, at + 7, "Tuesday", "Monday"))
    finally:
        lib.close()
    return article_id


def tree_snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with its bytes (``None`` for folders): what 'unchanged' means."""
    out: dict[str, bytes | None] = {}
    for p in sorted(folder.rglob("*")):
        if p.name.endswith(".lock"):
            continue  # the lock file is created and left by design
        out[str(p.relative_to(folder))] = None if p.is_dir() else p.read_bytes()
    return out


def damage_after_kill(db: Path) -> list[str]:
    """What ``reader doctor`` finds, but the hidden temporary files of killed writes: a
    kill may leave one (never read, never at a real name), and doctor moves such files
    aside once they are old, so they are expected here, not damage."""
    from reader.doctor import diagnose

    return [p for p in diagnose(db) if "leftover of an interrupted write" not in p]
