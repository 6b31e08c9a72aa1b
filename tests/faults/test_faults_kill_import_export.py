"""SIGKILL ``reader add`` and ``reader export`` part-way through, as real processes.

``reader add`` writes each article's text file and then the record naming it; a kill at
any moment must leave a library that opens, where every listed article's text is present,
whole and matching its recorded hash, and re-running the same ``add`` completes the import
with no duplicates. ``reader export`` writes atomically: a kill never leaves a partial
file at a final name — every export file present equals what an uninterrupted run writes.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from faultkit import child_env, damage_after_kill, make_library, run_reader
from reader.store import Library, text_sha256

pytestmark = pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")

FILES = 20


def _sources(folder: Path) -> dict[str, str]:
    """FILES distinct articles of ~20 kB each; text by file name."""
    folder.mkdir(parents=True)
    out = {}
    for n in range(FILES):
        rng = random.Random(n)
        words = " ".join(rng.choice(["harbour", "boat", "storm", "crate", "sea", "Tuesday", "and"]) for _ in range(2000))
        text = f"Article number {n}\n\n{words}\n"
        (folder / f"a{n:02d}.txt").write_text(text, encoding="utf-8")
        out[f"a{n:02d}.txt"] = text
    return out


def _spawn(db: Path, *args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "--db", str(db), *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env(),
    )


def _assert_whole(db: Path, texts: set[str]) -> int:
    """The library opens, doctor finds nothing, every article's text is whole; returns count."""
    assert damage_after_kill(db) == []
    lib = Library.open(db)
    try:
        infos = lib.list_articles()
        samples = 0
        for info in infos:
            text = lib.get_text(info.id)  # raises if the text file is missing
            assert text_sha256(text) == info.sha256 and len(text) == info.chars, info.id
            if text not in texts:
                samples += 1  # a seeded sample article (added when the library is created)
        assert samples <= 3
        return len(infos) - samples
    finally:
        lib.close()


def test_kill_during_reader_add_leaves_no_half_article(tmp_path):
    texts = _sources(tmp_path / "src")
    wanted = set(texts.values())
    began = time.perf_counter()
    full = run_reader("add", tmp_path / "src", db=tmp_path / "full" / "library.json")
    duration = time.perf_counter() - began  # how long an uninterrupted import takes here
    assert full.returncode == 0, full.stderr
    rng = random.Random(5)
    kills, partial = 0, []
    for attempt in range(4):
        db = tmp_path / f"lib{attempt}" / "library.json"  # a new library: creation is cut too
        texts_dir = db.parent / "library.d" / "texts"
        proc = _spawn(db, "add", tmp_path / "src")
        if attempt % 2:  # early: while starting, creating the library or seeding samples
            time.sleep(duration * 0.6 * rng.random())
        else:  # mid-import: once a random number of texts are on disk
            goal = rng.randint(4, FILES)
            while proc.poll() is None and (not texts_dir.is_dir() or len(os.listdir(texts_dir)) < goal):
                time.sleep(0.001)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        kills += proc.returncode == -signal.SIGKILL
        if db.exists():
            partial.append(_assert_whole(db, wanted))
    assert kills >= 3  # the runs were really cut short
    assert any(0 < n < FILES for n in partial), partial  # some kills landed mid-import
    done = run_reader("add", tmp_path / "src", db=db)  # finish the last interrupted import
    assert done.returncode == 0, done.stderr
    assert _assert_whole(db, wanted) == FILES  # all there, none twice
    listed = run_reader("list", "--json", db=db)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr


def test_kill_during_reader_export_leaves_no_partial_file(tmp_path):
    db = tmp_path / "lib" / "library.json"
    make_library(db)
    lib = Library.open(db)
    for n in range(6):
        body = (f"Paragraph {n}: the harbour master counted every crate, twice. " * 15 + "\n\n") * 8
        lib.add_article(f"Export {n}\n\n{body}", title=f"Export {n}")
    lib.close()
    reference = tmp_path / "reference"
    ref = run_reader("export", "--all", "--format", "html", "-o", reference, db=db)
    assert ref.returncode == 0, ref.stderr
    expected = {p.name: p.read_bytes() for p in reference.iterdir()}
    assert len(expected) >= 6 and all(expected.values())
    rng = random.Random(9)
    cut_short = 0
    for attempt in range(3):
        out = tmp_path / f"out{attempt}"
        proc = _spawn(db, "export", "--all", "--format", "html", "-o", out)
        while proc.poll() is None and not out.exists():  # the writing phase has begun
            time.sleep(0.0005)
        time.sleep(rng.random() * 0.01)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        written = [p for p in out.iterdir() if not p.name.startswith(".")] if out.exists() else []
        cut_short += proc.returncode == -signal.SIGKILL and len(written) < len(expected)
        for p in written:  # whatever is at a final name is complete
            assert p.name in expected and p.read_bytes() == expected[p.name], f"partial export {p}"
    assert cut_short >= 1  # the kills really landed while writing
    # A re-run with --force finishes the job over the leftovers of the last killed run.
    again = run_reader("export", "--all", "--format", "html", "-o", out, "--force", db=db)
    assert again.returncode == 0, again.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")} == expected


def test_kill_during_reader_fix_applies_all_suggestions_or_none(tmp_path):
    """`reader fix --apply-suggestions` writes its corrections as one batch: a kill leaves
    none or all of them (and the library whole), never some."""
    import shutil

    db = tmp_path / "lib" / "library.json"
    sentence = "The goverment anounced a new polcy on Wendsday and will recieve the report. "
    text = "Many typos\n\nThe harbour master came on Tuesday.\n\n" + (sentence * 6 + "\n\n") * 12
    make_library(db, text=text, title="Many typos")
    lib = Library.open(db)
    [article_id] = [i.id for i in lib.list_articles()]
    seeded = len(lib.corrections(article_id))
    lib.close()
    whole = tmp_path / "whole"
    shutil.copytree(db.parent, whole)
    done = run_reader("fix", article_id, "--apply-suggestions", "all", db=whole / "library.json")
    assert done.returncode == 0, done.stderr
    full = len(Library.open(whole / "library.json").corrections(article_id))
    assert full > seeded + 100
    rng = random.Random(4)
    outcomes = []
    for attempt in range(3):
        copy = tmp_path / f"try{attempt}"
        shutil.copytree(db.parent, copy)
        proc = _spawn(copy / "library.json", "fix", article_id, "--apply-suggestions", "all")
        time.sleep(0.2 + rng.random() * 0.6)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        assert damage_after_kill(copy / "library.json") == []
        count = len(Library.open(copy / "library.json").corrections(article_id))
        assert count in (seeded, full), f"a kill left {count} of {full} corrections"
        outcomes.append(count)
    assert seeded in outcomes  # some kills landed before the batch was written


def test_kill_during_import_annotations_imports_all_or_none(tmp_path):
    """`reader import-annotations` stores one article's annotations in one write."""
    import shutil

    from reader.model import Anchor, Annotation

    source = tmp_path / "source" / "library.json"
    text = "Notes galore\n\nThe harbour master came on Tuesday.\n\n" + "".join(f"w{n:04d} " for n in range(3000))
    article_id = make_library(source, text=text, title="Notes galore")
    lib = Library.open(source)
    base = text.index("w0000")
    lib.put_annotations(article_id, [
        Annotation(f"imp{n}", article_id, Anchor(base + 6 * n, base + 6 * n + 5, f"w{n:04d}"), note=f"note {n}")
        for n in range(800)
    ])
    lib.close()
    exported = tmp_path / "w3c"
    assert run_reader("export", article_id, "--format", "json", "-o", exported, db=source).returncode == 0
    [w3c] = exported.iterdir()
    target = tmp_path / "target" / "library.json"
    make_library(target, text=text, title="Notes galore")  # same text, only the seed note
    timing = tmp_path / "timing"
    shutil.copytree(target.parent, timing)
    began = time.perf_counter()
    assert run_reader("import-annotations", w3c, "--article", article_id, db=timing / "library.json").returncode == 0
    duration = time.perf_counter() - began
    rng = random.Random(8)
    outcomes = []
    for attempt in range(3):
        copy = tmp_path / f"try{attempt}"
        shutil.copytree(target.parent, copy)
        proc = _spawn(copy / "library.json", "import-annotations", w3c, "--article", article_id)
        time.sleep(duration * (0.15 + 0.5 * rng.random()))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        assert damage_after_kill(copy / "library.json") == []
        count = len(Library.open(copy / "library.json").annotations(article_id))
        assert count in (1, 801), f"a kill left {count} annotations: a partial import"
        outcomes.append(proc.returncode)
    # at least one kill landed while it ran (a loaded machine can make the timed run slow)
    assert outcomes.count(-signal.SIGKILL) >= 1
    assert len(Library.open(timing / "library.json").annotations(article_id)) == 801  # the whole run
