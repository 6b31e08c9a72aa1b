"""AtomicJSONStorage: atomic replace, stat-validated cache, deferred batches."""

from __future__ import annotations

import json
import os

import pytest

from reader.errors import CorruptLibraryError, StoreError
from reader.storage import AtomicJSONStorage, atomic_write_bytes


def test_write_then_read_round_trips_any_string(tmp_path):
    s = AtomicJSONStorage(tmp_path / "db.json")
    data = {"t": {"1": {"note": "lone \ud800 surrogate, Tórshavn, \x1b"}}}
    s.write(data)
    assert AtomicJSONStorage(tmp_path / "db.json").read() == data
    assert (tmp_path / "db.json").read_bytes().isascii()


def test_unchanged_file_is_not_parsed_again(tmp_path):
    s = AtomicJSONStorage(tmp_path / "db.json")
    s.write({"t": {}})
    other = AtomicJSONStorage(tmp_path / "db.json")
    for _ in range(5):
        other.read()
    assert other.reads == 1


def test_replacement_by_another_writer_is_seen_every_time(tmp_path):
    """Same size, same second, maybe the same inode number: the pinned file makes a stale
    cache impossible (the old inode cannot be reused while it is held open)."""
    path = tmp_path / "db.json"
    writer, reader = AtomicJSONStorage(path), AtomicJSONStorage(path)
    for n in range(200):
        writer.write({"t": {"1": {"n": n % 10}}})  # same size every time
        assert reader.read() == {"t": {"1": {"n": n % 10}}}


def test_in_place_edit_of_the_same_size_is_seen(tmp_path):
    path = tmp_path / "db.json"
    s = AtomicJSONStorage(path)
    s.write({"t": {"1": {"n": 1}}})
    s.read()
    with open(path, "r+b") as fh:  # someone edits the file in place, same length
        fh.write(json.dumps({"t": {"1": {"n": 2}}}).replace(" ", "").encode())
    os.utime(path, ns=(1, 1))  # even with an old mtime: ctime changes
    assert s.read()["t"]["1"]["n"] == 2


def test_deferred_batch_writes_once_and_rollback_forgets(tmp_path):
    s = AtomicJSONStorage(tmp_path / "db.json")
    s.write({"t": {}})
    s.defer()
    for n in range(5):
        data = s.read()
        data["t"][str(n + 1)] = {"n": n}
        s.write(data)
    assert s.writes == 1
    s.commit()
    assert s.writes == 2 and len(AtomicJSONStorage(tmp_path / "db.json").read()["t"]) == 5
    s.defer()
    s.read()["t"]["99"] = {"n": 99}
    s.rollback()
    assert "99" not in s.read()["t"]


@pytest.mark.parametrize(
    ("raw", "words"),
    [(b"", "empty"), (b"{nope", "not valid JSON"), (b"[]", "JSON object"), (b'{"t": []}', "not an object"),
     (b'{"t": {"x": {}}}', "malformed record"), (b"\xff\xfe", "not valid JSON")],
)
def test_damaged_files_raise_with_the_hint(tmp_path, raw, words):
    path = tmp_path / "db.json"
    path.write_bytes(raw)
    with pytest.raises(CorruptLibraryError, match=words) as info:
        AtomicJSONStorage(path, hint="do X").read()
    assert info.value.message.endswith("; do X") and str(path) in info.value.message
    assert path.read_bytes() == raw


def test_failed_write_leaves_no_temp_file_and_the_old_content(tmp_path, monkeypatch):
    path = tmp_path / "f.txt"
    atomic_write_bytes(path, b"old")

    def boom(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.storage.os.replace", boom)
    with pytest.raises(StoreError, match="disk is full"):
        atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_missing_folder_is_created_on_first_write(tmp_path):
    path = tmp_path / "a" / "b" / "db.json"
    AtomicJSONStorage(path).write({"t": {}})
    assert json.loads(path.read_text()) == {"t": {}}


def test_record_reusing_encoder_writes_the_same_bytes(tmp_path):
    from reader.storage import encode_tinydb

    path = tmp_path / "db.json"
    s = AtomicJSONStorage(path, records_replaced_not_mutated=True)
    data = {"annotations": {str(n): {"id": f"a{n}", "note": "é\ud800"} for n in range(1, 50)}, "ignores": {}}
    s.write(data)
    assert path.read_bytes() == encode_tinydb(data)
    data["annotations"]["7"] = {"id": "a7", "note": "replaced"}
    data["annotations"]["60"] = {"id": "a60"}
    s.write(data)
    assert path.read_bytes() == encode_tinydb(data)
    assert AtomicJSONStorage(path).read() == data
