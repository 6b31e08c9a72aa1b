"""SIGKILL a process that is saving annotations and corrections, again and again.

Goes beyond tests/test_store_crash.py (annotations only, ids only): the child here saves
annotations, corrections, atomic batches of both (``apply_changes``), dictionary words and
reading state, and prints each id only after the call returned. It is killed at random
moments, including while the interpreter is still starting and while the library is being
created. After every kill:

* the library opens and ``reader doctor``'s diagnosis is empty (no torn file anywhere);
* every acknowledged record is there *with the content that was saved*;
* a batch is all-or-nothing, acknowledged or not (its annotation never without its
  correction);
* leftover temporary files never shadow a real file.

The normal run kills 12 times (every kind of save is cut at least twice); the ``slow``
soak (READER_SOAK=1) kills >= 200 times.
"""

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

from reader.store import Library

from faultkit import child_env, damage_after_kill

pytestmark = pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")

#: Words in the article: each correction of the run gets a span of its own.
WORDS = 20000
#: Saves one child may make before it stops by itself (keeps spans distinct per child).
PER_CHILD = 48

WRITER = r"""
import sys
from reader.model import Anchor, Annotation, Correction
from reader.store import Library

path, article_id, kill_no = sys.argv[1], sys.argv[2], int(sys.argv[3])
lib = Library.open(path)
for n in range(int(sys.argv[4])):
    word = kill_no * int(sys.argv[4]) + n          # this save's own word of the text
    start = word * 6                               # "wNNNN " is six characters
    rid = f"k{kill_no}-{n}"
    note = f"note {rid} ‮ [bold] é 漢 " + "x" * (n * 37 % 300)
    op = n % 5
    if op in (0, 3):
        lib.put_annotation(Annotation(rid, article_id, Anchor(start, start + 5, "w"), note=note))
        kind = "ann"
    elif op == 1:
        lib.put_correction(Correction(rid, article_id, start, start + 5, "orig", f"fix-{rid}"))
        kind = "fix"
    elif op == 2:
        lib.apply_changes(
            article_id,
            put_corrections=[Correction(rid, article_id, start, start + 5, "orig", f"fix-{rid}")],
            put_annotations=[Annotation(rid, article_id, Anchor(start, start + 5, "w"), note=note)],
        )
        kind = "batch"
    else:
        lib.add_word(f"word-{rid}")
        lib.set_state(article_id, position=start, by=rid)
        kind = "word"
    sys.stdout.write(f"{kind} {rid}\n")
    sys.stdout.flush()
"""


def _expected_note(rid: str, n: int) -> str:
    return f"note {rid} ‮ [bold] é 漢 " + "x" * (n * 37 % 300)


def _start(db: Path, article_id: str, kill_no: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), article_id, str(kill_no), str(PER_CHILD)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def _kill_once(db: Path, article_id: str, kill_no: int, rng: random.Random) -> tuple[list[tuple[str, str]], bool]:
    """Run one child, SIGKILL it at a random moment; its acknowledged saves, and whether the
    kill landed (a child that finished first is not counted as a kill)."""
    proc = _start(db, article_id, kill_no)
    assert proc.stdout is not None
    acked: list[tuple[str, str]] = []
    target = rng.choice([0, 0, *range(1, 16)])  # one in eight dies while starting or opening
    while len(acked) < target:
        line = proc.stdout.readline()
        if not line:
            break
        kind, rid = line.split()
        acked.append((kind, rid))
    time.sleep(rng.random() * (0.25 if target == 0 else 0.006))
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate()
    for line in rest.splitlines():  # written before the kill: acknowledged too
        kind, rid = line.split()
        acked.append((kind, rid))
    if proc.returncode not in (0, -signal.SIGKILL):
        raise AssertionError(f"writer failed on its own: {err}")
    return acked, proc.returncode == -signal.SIGKILL


def _verify(db: Path, article_id: str, acked: list[tuple[str, str]], after: int) -> None:
    assert damage_after_kill(db) == [], f"after kill {after}: {damage_after_kill(db)}"
    lib = Library.open(db)  # raises if a file were torn
    try:
        notes = {a.id: a.note for a in lib.annotations(article_id)}
        fixes = {c.id: c.replacement for c in lib.corrections(article_id)}
        words = lib.words()
        for kind, rid in acked:
            n = int(rid.rsplit("-", 1)[1])
            if kind in ("ann", "batch"):
                assert notes.get(rid) == _expected_note(rid, n), f"after kill {after}: {kind} {rid} lost or altered"
            if kind in ("fix", "batch"):
                assert fixes.get(rid) == f"fix-{rid}", f"after kill {after}: {kind} {rid} lost or altered"
            if kind == "word":
                assert f"word-{rid}" in words, f"after kill {after}: word of {rid} lost"
        # A batch is atomic whether or not it was acknowledged.
        batch_ids = {rid for rid in fixes if int(rid.rsplit("-", 1)[1]) % 5 == 2}
        for rid in batch_ids:
            assert rid in notes, f"after kill {after}: half a batch on disk ({rid})"
        assert lib.get_text(article_id).startswith("w0000 ")
        assert isinstance(lib.get_state(article_id).get("position", 0), int)
    finally:
        lib.close()


def run_kill_campaign(db: Path, kills: int, seed: int) -> dict[str, float]:
    """Kill writers until ``kills`` kills have landed; verify after each. Returns figures."""
    lib = Library.open(db)
    text = "".join(f"w{n:04d} " for n in range(WORDS))
    article_id = lib.add_article(text, title="Kill target").info.id
    lib.close()
    rng = random.Random(seed)
    acked: list[tuple[str, str]] = []
    landed = runs = 0
    began = time.perf_counter()
    while landed < kills:
        assert (runs + 1) * PER_CHILD <= WORDS, "the article is too short for this many runs"
        got, killed = _kill_once(db, article_id, runs, rng)
        runs += 1
        landed += killed
        acked += got
        _verify(db, article_id, acked, runs)
    temp_files = [p for p in db.parent.rglob("*.tmp")]
    # A killed write can leave its temp file (hidden, never read); never more than one per kill.
    assert len(temp_files) <= landed
    assert all(p.name.startswith(".") for p in temp_files)
    return {"kills": landed, "runs": runs, "acked": len(acked), "seconds": time.perf_counter() - began}


def test_kill_during_annotation_and_correction_saves(lib_db):
    figures = run_kill_campaign(lib_db, kills=12, seed=11)
    assert figures["kills"] == 12 and figures["acked"] > 12


@pytest.mark.slow
def test_kill_soak_200(lib_db, capsys):
    kills = max(200, int(os.environ.get("READER_SOAK_KILLS", "200")))
    figures = run_kill_campaign(lib_db, kills=kills, seed=1234)
    with capsys.disabled():
        print(f"\nsoak: {json.dumps({k: round(v, 1) for k, v in figures.items()})}")
    assert figures["kills"] >= 200
