"""Damage ``doctor`` must find, commands must refuse cleanly, and ``--repair`` must move
aside (never delete): texts that no longer match their hash, records of the wrong shape
(strings for numbers, missing ids, negative offsets, integer notes, ``../../x`` ids),
``{}`` for a whole file, nesting 100,000 deep, symlink loops, FIFOs and leftover ``.tmp``
files of killed writes (issue 19).

Commands run in this process (fast); the suite's SIGALRM guard (conftest) turns a hang on
a FIFO into a failure.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from faultkit import SAMPLE_TEXT, assert_clean_error, make_library

DEEP = b"[" * 100_000 + b"]" * 100_000


def _folder(db: Path) -> Path:
    return db.with_name(db.stem + ".d")


def _shard(db: Path, aid: str) -> Path:
    return _folder(db) / "records" / f"{aid}.json"


def _text(db: Path, aid: str) -> Path:
    [path] = (_folder(db) / "texts").glob(f"{aid}.*.txt")
    return path


def _edit_json(path: Path, change: Callable[[dict], None]) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def _first(table: dict) -> dict:
    return next(iter(table.values()))


# ---------------------------------------------------------------- damage kinds
def text_random_bytes(db, aid):
    _text(db, aid).write_bytes(os.urandom(len(SAMPLE_TEXT)))
    return "text of article"


def text_truncated(db, aid):
    p = _text(db, aid)
    p.write_bytes(p.read_bytes()[:20])
    return "text of article"


def article_words_string(db, aid):
    _edit_json(db, lambda d: _first(d["articles"]).update(words="many"))
    return "words"


def article_missing_id(db, aid):
    _edit_json(db, lambda d: _first(d["articles"]).pop("id"))
    return "id"


def article_id_traversal(db, aid):
    _edit_json(db, lambda d: _first(d["articles"]).update(id="../../x"))
    return "id"


def word_integer(db, aid):
    _edit_json(db, lambda d: d.setdefault("dictionary", {}).update({"1": {"word": 42}}))
    return "word"


def annotation_negative_offset(db, aid):
    _edit_json(_shard(db, aid), lambda d: _first(d["annotations"])["anchor"].update(start=-5))
    return "start"


def annotation_integer_note(db, aid):
    _edit_json(_shard(db, aid), lambda d: _first(d["annotations"]).update(note=7))
    return "note"


def annotation_missing_id(db, aid):
    _edit_json(_shard(db, aid), lambda d: _first(d["annotations"]).pop("id"))
    return "id"


def correction_string_offset(db, aid):
    _edit_json(_shard(db, aid), lambda d: _first(d["corrections"]).update(start="12"))
    return "start"


def main_empty_object(db, aid):
    db.write_text("{}")
    return "schema"


def shard_empty_object(db, aid):
    _shard(db, aid).write_text("{}")
    return "tables"


def main_deep(db, aid):
    db.write_bytes(DEEP)
    return "deep"


def shard_deep(db, aid):
    _shard(db, aid).write_bytes(DEEP)
    return "deep"


def history_deep(db, aid):
    (_folder(db) / "history.json").write_bytes(DEEP)
    return "deep"


IN_PROCESS = [
    text_random_bytes, text_truncated, article_words_string, article_missing_id, article_id_traversal,
    word_integer, annotation_negative_offset, annotation_integer_note, annotation_missing_id,
    correction_string_offset, main_empty_object, shard_empty_object, main_deep, shard_deep, history_deep,
]


def _main(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    from reader.cli import main

    status = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _all_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.is_symlink() and not p.name.endswith(".lock")}


@pytest.mark.parametrize("damage", IN_PROCESS, ids=lambda f: f.__name__)
def test_doctor_finds_commands_refuse_repair_moves_aside(damage, tmp_path: Path, capsys):
    db = tmp_path / "lib" / "library.json"
    aid = make_library(db)
    (_folder(db) / "history.json").write_text('{"history": {}}')
    field = damage(db, aid)
    before = _all_files(db.parent)

    status, out, err = _main(capsys, db, "doctor")
    assert status == 1, (out, err)
    assert "problem:" in out and field in out, out
    assert _all_files(db.parent) == before  # doctor without --repair touches nothing

    for args in (["list"], ["show", aid], ["notes"], ["fix", aid]):
        status, out, err = _main(capsys, db, *args)
        if status != 0:
            assert_clean_error(status, err)
    # (history damage only affects undo; the commands above may succeed)

    status, out, err = _main(capsys, db, "doctor", "--repair")
    assert status == 0, (out, err)
    assert "moved" in out or "kept a copy" in out, out
    after = _all_files(db.parent)
    kept = set(after.values())
    assert all(data in kept for data in before.values()), "repair deleted or changed a file's bytes"
    status, out, _ = _main(capsys, db, "doctor")
    assert status == 0, out
    for args in (["list"], ["notes"]):
        status, out, err = _main(capsys, db, *args)
        assert status == 0, (args, err)


def test_record_files_keep_their_sound_records_after_repair(tmp_path: Path, capsys):
    db = tmp_path / "lib" / "library.json"
    aid = make_library(db)
    correction_string_offset(db, aid)
    status, out, _ = _main(capsys, db, "doctor", "--repair")
    assert status == 0, out
    from reader.store import Library

    lib = Library.open(db)
    assert [a.id for a in lib.annotations(aid)] == ["seed-note"]  # the sound record stays
    assert lib.corrections(aid) == []
    lib.close()


# ---------------------------------------------------------------- files that could hang
def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _loop(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.name)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("where", ["main", "shard", "text"])
@pytest.mark.parametrize("kind", [_fifo, _loop], ids=["fifo", "symlink-loop"])
def test_fifos_and_symlink_loops_never_hang(where, kind, tmp_path: Path, capsys):
    db = tmp_path / "lib" / "library.json"
    aid = make_library(db)
    target = {"main": db, "shard": _shard(db, aid), "text": _text(db, aid)}[where]
    kind(target)
    failed = 0
    for args in (["show", aid], ["notes"]):  # show reads the text, notes the records
        status, out, err = _main(capsys, db, *args)
        if status != 0:
            assert_clean_error(status, err)
            failed += 1
    assert failed >= 1
    status, out, err = _main(capsys, db, "doctor")
    assert status == 1 and target.name in out, out + err
    status, out, err = _main(capsys, db, "doctor", "--repair")
    assert status == 0, out + err
    assert list(target.parent.glob(f"{target.name}.damaged-*")), "moved aside, not deleted"
    assert _main(capsys, db, "list")[0] == 0


def test_leftover_tmp_files_are_reported_and_moved_aside(tmp_path: Path, capsys):
    db = tmp_path / "lib" / "library.json"
    aid = make_library(db)
    old = time.time() - 3600
    leftovers = [db.parent / ".library.json.abc123.tmp", _folder(db) / "records" / f".{aid}.json.x9.tmp",
                 _folder(db) / "texts" / f".{aid}.0123456789ab.txt.q1.tmp"]
    for p in leftovers:
        p.write_bytes(b"half a write")
        os.utime(p, (old, old))
    fresh = db.parent / ".library.json.fresh1.tmp"  # may belong to a writer running now
    fresh.write_bytes(b"in progress")
    status, out, _ = _main(capsys, db, "doctor")
    assert status == 1 and all(p.name in out for p in leftovers) and fresh.name not in out, out
    status, out, _ = _main(capsys, db, "doctor", "--repair")
    assert status == 0, out
    assert not any(p.exists() for p in leftovers) and fresh.exists()
    assert all(list(p.parent.glob(f"{p.name}.damaged-*")) for p in leftovers)
    assert _main(capsys, db, "doctor")[0] == 0
