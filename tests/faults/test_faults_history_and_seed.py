"""The undo history under concurrent writers and a full disk, a symlinked library file,
and a kill while a new library is seeded with its samples (issue 19)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from faultkit import child_env, make_library
from reader.errors import StoreError
from reader.samples import sample_names
from reader.store import Library

WRITER = r"""
import sys
from reader.editing import Editor
from reader.model import Anchor, Annotation
from reader.store import Library

lib = Library.open(sys.argv[1])
editor = Editor(lib)
article_id, who, count = sys.argv[2], sys.argv[3], int(sys.argv[4])
for n in range(count):
    editor.put_annotation(Annotation(f"{who}-{n:03d}", article_id, Anchor(0, 1, "A"), note=f"{who} {n}"))
"""


def test_four_writers_keep_every_undo_step(tmp_path: Path):
    """4 processes x 50 notes: every note and every one of the 200 undo steps is saved."""
    db = tmp_path / "lib" / "library.json"
    article_id = make_library(db)
    writers, per = 4, 50
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), article_id, f"w{k}", str(per)],
                              stderr=subprocess.PIPE, text=True, env=child_env()) for k in range(writers)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    from reader.editing import Editor

    lib = Library.open(db)
    notes = {a.id for a in lib.annotations(article_id)} - {"seed-note"}
    steps = Editor(lib).history()
    lib.close()
    assert len(notes) == writers * per
    assert len(steps) == writers * per, f"{len(steps)} of {writers * per} undo steps saved"


def test_a_full_disk_while_saving_history_does_not_misreport_the_note(tmp_path: Path, capsys, monkeypatch):
    db = tmp_path / "lib" / "library.json"
    article_id = make_library(db)

    def disk_full(self, value):
        raise StoreError(f"cannot write {self.folder / 'history.json'}: the disk is full")

    monkeypatch.setattr(Library, "set_history", disk_full)
    from reader.cli import main

    status = main(["--db", str(db), "note", article_id, "--quote", "storm", "--note", "kept"])
    err = capsys.readouterr().err
    assert status == 0, err
    assert "warning" in err and "disk is full" in err and "Traceback" not in err
    lib = Library.open(db)
    assert any(a.note == "kept" for a in lib.annotations(article_id))
    lib.close()


def test_a_symlinked_library_file_is_followed(tmp_path: Path):
    real = tmp_path / "real" / "library.json"
    article_id = make_library(real)
    link_dir = tmp_path / "elsewhere"
    link_dir.mkdir()
    link = link_dir / "library.json"
    link.symlink_to(real)
    lib = Library.open(link)
    lib.set_state(article_id, progress=50.0)
    lib.add_word("harbourside")
    lib.close()
    assert link.is_symlink(), "the link was replaced by a plain file"
    assert "harbourside" in real.read_text()


def test_empty_object_as_library_file_is_damage_not_an_empty_library(tmp_path: Path):
    from reader.errors import CorruptLibraryError

    db = tmp_path / "lib" / "library.json"
    make_library(db)
    db.write_text("{}")
    with pytest.raises(CorruptLibraryError, match="no schema version"):
        Library.open(db)
    assert db.read_text() == "{}"  # left as it was for doctor


SEED_CHILD = r"""
import sys
from reader.cli import main
sys.exit(main(["--db", sys.argv[1], "list", "--json"]))
"""


def _sample_count(db: Path) -> int:
    data = json.loads(db.read_text())
    return sum(1 for d in data.get("articles", {}).values() if (d.get("meta") or {}).get("sample"))


def _seed_kill_runs(tmp_path: Path, runs: int, seed: int) -> list[int]:
    """Kill a new library's first command at random moments; the sample counts seen."""
    rng = random.Random(seed)
    seen = []
    for n in range(runs):
        db = tmp_path / f"lib{n}" / "library.json"
        proc = subprocess.Popen([sys.executable, "-c", SEED_CHILD, str(db)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=child_env())
        deadline = time.monotonic() + 30
        while not db.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if db.exists():
            try:
                seen.append(_sample_count(db))
            except ValueError:
                seen.append(-1)  # a torn file: never acceptable
            from reader.cli.common import open_library

            lib = open_library(type("Args", (), {"db": str(db)})())  # what the next command sees
            after = _sample_count(db)
            lib.close()
            assert after == len(sample_names()), f"run {n}: {after} samples after reopening"
    return seen


def test_a_kill_while_seeding_never_leaves_a_partial_sample_set(tmp_path: Path):
    seen = _seed_kill_runs(tmp_path, runs=6, seed=19)
    assert all(count in (0, len(sample_names())) for count in seen), seen


@pytest.mark.slow
def test_a_kill_while_seeding_soak(tmp_path: Path):
    seen = _seed_kill_runs(tmp_path, runs=int(os.environ.get("READER_SOAK_RUNS", "100")), seed=1919)
    assert all(count in (0, len(sample_names())) for count in seen), seen

