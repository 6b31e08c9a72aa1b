"""A damaged, newer or unwritable library: one clear line, exit 2, bytes untouched, doctor."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from reader.errors import CorruptLibraryError, StoreError
from reader.model import Anchor, Annotation
from reader.store import Library


def _truncate(p: Path) -> None:
    p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2])


def _not_json(p: Path) -> None:
    p.write_bytes(b"this is not json at all {")


def _wrong_shape(p: Path) -> None:
    p.write_text(json.dumps([1, 2, 3]))


def _wrong_table_shape(p: Path) -> None:
    p.write_text(json.dumps({"articles": {"1": "a string, not a record"}}))


def _newer_schema(p: Path) -> None:
    p.write_text(json.dumps({"meta": {"1": {"schema": 99}}}))


def _zero_bytes(p: Path) -> None:
    p.write_bytes(b"")


def _folder(p: Path) -> None:
    p.unlink()
    p.mkdir()
    (p / "inside.txt").write_text("x")


DAMAGE = [_truncate, _not_json, _wrong_shape, _wrong_table_shape, _newer_schema, _zero_bytes, _folder]


def _snapshot(p: Path) -> bytes | list[str]:
    return sorted(x.name for x in p.iterdir()) if p.is_dir() else p.read_bytes()


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
def test_damaged_main_file(damage, run_cli, db_path):
    assert run_cli("list")[0] == 0  # a healthy library with the samples
    damage(db_path)
    before = _snapshot(db_path)
    status, out, err = run_cli("list")
    assert status == 2 and out == ""
    assert err.count("\n") == 1, err
    assert str(db_path) in err and "reader doctor --repair" in err
    assert _snapshot(db_path) == before  # never overwritten
    status, out, _ = run_cli("doctor")
    assert status == 1 and "problem:" in out
    assert _snapshot(db_path) == before
    status, out, _ = run_cli("doctor", "--repair")
    assert status == 0 and "moved" in out
    kept = [p for p in db_path.parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and _snapshot(kept[0]) == before  # moved aside, not deleted
    assert run_cli("list")[0] == 0


@pytest.mark.parametrize("damage", [_truncate, _not_json, _zero_bytes], ids=lambda f: f.__name__.strip("_"))
def test_damaged_record_shard(damage, run_cli, library):
    article_id = library.add_article("Title\n\nbody text here", title="Title").info.id
    library.put_annotation(Annotation("a1", article_id, Anchor(0, 5, "Title")))
    shard = library.records_dir / f"{article_id}.json"
    damage(shard)
    before = shard.read_bytes()
    status, _, err = run_cli("list")
    assert status == 2 and str(shard) in err and "reader doctor --repair" in err
    with pytest.raises(CorruptLibraryError):
        library.put_annotation(Annotation("a2", article_id, Anchor(0, 5, "Title")))
    assert shard.read_bytes() == before
    assert run_cli("doctor", "--repair")[0] == 0
    assert run_cli("list")[0] == 0
    library.put_annotation(Annotation("a3", article_id, Anchor(0, 5, "Title")))
    assert [a.id for a in library.annotations(article_id)] == ["a3"]


def test_newer_schema_is_refused_by_the_api(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_text(json.dumps({"meta": {"1": {"schema": 2}}}))
    with pytest.raises(StoreError, match="newer reader"):
        Library.open(db_path)


def _fail_with(err: int):
    def fail(*args, **kwargs):
        raise OSError(err, os.strerror(err))

    return fail


@pytest.mark.parametrize(
    ("err", "words"),
    [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only"), (errno.EACCES, "permission denied")],
)
def test_write_failure_is_a_store_error_and_leaves_the_old_file(library, monkeypatch, err, words):
    article_id = library.add_article("Title\n\nbody", title="Title").info.id
    library.put_annotation(Annotation("a1", article_id, Anchor(0, 5, "Title")))
    shard = library.records_dir / f"{article_id}.json"
    before = shard.read_bytes()
    monkeypatch.setattr("reader.storage.os.fsync", _fail_with(err))
    with pytest.raises(StoreError, match=words) as info:
        library.put_annotation(Annotation("a2", article_id, Anchor(0, 5, "Title")))
    assert "\n" not in info.value.message
    monkeypatch.undo()
    assert shard.read_bytes() == before
    assert not [p for p in shard.parent.iterdir() if p.name.endswith(".tmp")]
    assert [a.id for a in library.annotations(article_id)] == ["a1"]  # the cache was dropped
    library.put_annotation(Annotation("a3", article_id, Anchor(0, 5, "Title")))
    assert [a.id for a in library.annotations(article_id)] == ["a1", "a3"]


def test_cli_reports_a_full_disk_in_one_line(run_cli, monkeypatch):
    run_cli("list")
    monkeypatch.setattr("reader.storage.os.fsync", _fail_with(errno.ENOSPC))
    status, _, err = run_cli("dict", "add", "word")
    assert status == 2 and err.count("\n") == 1 and "disk is full" in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_read_only_library_folder(run_cli, db_path):
    run_cli("list")
    folders = [db_path.parent, db_path.parent / "library.d", db_path.parent / "library.d" / "records"]
    for f in folders:
        f.mkdir(exist_ok=True)
        f.chmod(0o555)
    try:
        assert run_cli("list")[0] == 0  # reading still works
        status, _, err = run_cli("dict", "add", "word")
        assert status == 2 and "permission denied" in err
    finally:
        for f in folders:
            f.chmod(0o755)


def test_missing_text_file_is_reported(library, run_cli):
    article_id = library.add_article("Title\n\nbody", title="Title").info.id
    for p in library.texts_dir.iterdir():
        p.unlink()
    fresh = Library.open(library.path)
    with pytest.raises(CorruptLibraryError, match="missing"):
        fresh.get_text(article_id)
    status, out, _ = run_cli("doctor")
    assert status == 1 and "missing" in out
