"""The Library API: records round trip, caches stay correct, migration keeps a backup."""

from __future__ import annotations

import json

import pytest

from reader.errors import NotFoundError, StoreError
from reader.model import Anchor, Annotation, Correction, Ignore
from reader.store import SCHEMA_VERSION, Library


def ann(aid: str, n: int, note: str = "") -> Annotation:
    return Annotation(f"a{n}", aid, Anchor(n, n + 1, "x"), note=note)


@pytest.fixture
def article(library) -> str:
    return library.add_article("Title\n\n" + "word " * 50, title="Title", source="/src/a.txt").info.id


def test_records_round_trip(library, article):
    library.put_annotation(ann(article, 1, "first"))
    library.put_annotations(article, [ann(article, 2), ann(article, 3)])
    library.put_annotation(ann(article, 1, "edited"))  # replace by id
    library.delete_annotation(article, "a2")
    assert [(a.id, a.note) for a in library.annotations(article)] == [("a1", "edited"), ("a3", "")]
    corr = Correction("c1", article, 0, 5, "Title", "Titel")
    library.put_correction(corr)
    library.put_ignore(Ignore("i1", article, "word"))
    assert library.corrections(article) == [corr]
    assert library.record_counts(article) == {"annotations": 2, "corrections": 1, "ignores": 1}
    library.apply_changes(article, delete_corrections=["c1"], put_annotations=[ann(article, 4)], delete_ignores=["i1"])
    assert library.record_counts(article) == {"annotations": 3, "corrections": 0, "ignores": 0}


def test_annotation_save_touches_only_the_article_shard(library, article):
    watched = [library.path, *library.texts_dir.iterdir()]
    before = {p: p.stat().st_mtime_ns for p in watched}
    library.put_annotation(ann(article, 1))
    assert {p: p.stat().st_mtime_ns for p in watched} == before
    assert (library.records_dir / f"{article}.json").exists()


def test_shard_file_is_readable_by_plain_tinydb(library, article):
    from tinydb import TinyDB

    library.put_annotations(article, [ann(article, n) for n in range(5)])
    library.delete_annotation(article, "a4")
    library.put_annotation(ann(article, 9))
    db = TinyDB(library.records_dir / f"{article}.json")
    table = db.table("annotations")
    assert sorted(d["id"] for d in table.all()) == ["a0", "a1", "a2", "a3", "a9"]
    table.insert({"id": "a10", "article_id": article, "anchor": {"start": 0, "end": 1, "quote": "x"}})
    db.close()
    assert "a10" in {a.id for a in library.annotations(article)}


def test_a_second_library_object_sees_writes_at_once(library, article):
    other = Library.open(library.path)
    for n in range(30):  # many replacements in a row: a stale cache would show
        other.put_annotation(ann(article, n))
        assert len(library.annotations(article)) == n + 1
        library.set_state(article, position=n)
        assert other.get_state(article)["position"] == n
    other.close()


def test_articles_state_settings_and_words(library, article):
    assert library.resolve_id(article[:4]) == article
    assert library.resolve_id("1") == article
    with pytest.raises(NotFoundError):
        library.resolve_id("nope")
    library.set_article_meta(article, author="Sunneva")
    assert library.get_info(article).meta["author"] == "Sunneva"
    library.set_state(article, position=10)
    library.set_state(article, progress=0.5)
    assert library.get_state(article) == {"position": 10, "progress": 0.5}
    library.set_setting("theme", "dark")
    assert library.get_setting("theme") == "dark" and library.get_setting("nope", 3) == 3
    assert library.add_word("Klaksvík") and not library.add_word("Klaksvík")
    assert library.words() == {"Klaksvík"}
    with pytest.raises(StoreError):
        library.add_word("  ")
    removed = library.remove_article(article)
    assert library.list_articles() == []
    library.restore_article(removed)
    assert library.get_state(article)["position"] == 10
    assert library.get_text(article).startswith("Title")


def test_invalid_article_ids_never_reach_the_file_system(library):
    for bad in ("../x", "a/b", ".hidden", "", "c:x"):
        with pytest.raises(NotFoundError):
            library.record_counts(bad)
        with pytest.raises(NotFoundError):
            library.put_annotation(ann(bad, 1))


def test_many_shards_do_not_exhaust_file_descriptors(library):
    ids = [f"art{n:04d}" for n in range(150)]
    for aid in ids:
        library.put_annotation(ann(aid, 0))
    assert all(library.record_counts(aid)["annotations"] == 1 for aid in ids)
    assert len(library._shards) <= 64


def _write_v0(path, text: str) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "articles": {"1": {"id": "old1", "title": "Old", "source": "/x.txt", "added": "2025-01-01T00:00:00+00:00", "text": text}},
        "annotations": {
            "1": {"id": "n1", "article_id": "old1", "anchor": {"start": 0, "end": 3, "quote": "Old"}, "note": "kept"},
            "2": {"id": "n2", "article_id": "old1", "anchor": {"start": 4, "end": 8, "quote": "text"}},
        },
        "dictionary": {"1": {"word": "Tórshavn"}},
    }
    raw = json.dumps(data).encode()
    path.write_bytes(raw)
    return raw


def test_migration_from_schema_0_keeps_a_backup(db_path):
    raw = _write_v0(db_path, "Old text body\n")
    lib = Library.open(db_path)
    assert lib.schema_version() == SCHEMA_VERSION
    backups = list(db_path.parent.glob("library.json.schema0-*.bak"))
    assert len(backups) == 1 and backups[0].read_bytes() == raw
    assert lib.get_text("old1") == "Old text body\n"
    assert lib.get_info("old1").words == 3
    assert [(a.id, a.note) for a in lib.annotations("old1")] == [("n1", "kept"), ("n2", "")]
    assert lib.words() == {"Tórshavn"}
    assert "text" not in json.loads(db_path.read_text())["articles"]["1"]  # texts moved out
    lib.close()
    again = Library.open(db_path)  # a second open does not migrate (or back up) again
    assert len(list(db_path.parent.glob("*.bak"))) == 1
    assert len(again.annotations("old1")) == 2


def test_interrupted_migration_runs_again_without_duplicates(db_path, monkeypatch):
    _write_v0(db_path, "Old text body\n")
    lib = Library(db_path)
    real = lib._main.write

    def crash(data):
        raise KeyboardInterrupt  # dies after texts and shards, before the main file

    monkeypatch.setattr(lib._main, "write", crash)
    with pytest.raises(KeyboardInterrupt):
        lib._initialise(migrate=True)
    monkeypatch.setattr(lib._main, "write", real)
    assert "text" in json.loads(db_path.read_text())["articles"]["1"]  # still schema 0
    lib = Library.open(db_path)
    assert [a.id for a in lib.annotations("old1")] == ["n1", "n2"]


def test_open_without_migrate_refuses_old_schema(db_path):
    _write_v0(db_path, "x")
    with pytest.raises(StoreError, match="migrating"):
        Library.open(db_path, migrate=False)


def test_a_held_lock_gives_a_clear_error_not_a_hang(library, article):
    from filelock import FileLock

    from reader.errors import LockedLibraryError

    impatient = Library(library.path, lock_timeout=0.2)
    holder = FileLock(str(library.path.with_name("library.lock")))
    with holder:
        with pytest.raises(LockedLibraryError, match="locked by another reader process"):
            impatient.put_annotation(ann(article, 1))
        assert impatient.annotations(article) == []  # reading needs no lock
    impatient.put_annotation(ann(article, 1))
    assert len(library.annotations(article)) == 1


def test_states_reads_every_article_state_as_get_state_does(library, article):
    other = library.add_article("Other\n\n" + "text " * 20, title="Other", source="/src/b.txt").info.id
    unread = library.add_article("Unread\n\n" + "more " * 20, title="Unread", source="/src/c.txt").info.id
    library.set_state(article, position=10, progress=0.5)
    library.set_state(other, progress=1.0)
    states = library.states()
    assert states == {article: {"position": 10, "progress": 0.5}, other: {"progress": 1.0}}
    for aid in (article, other, unread):
        assert states.get(aid, {}) == library.get_state(aid)
