"""The Library: the only module that talks to TinyDB.

Layout on disk, for a library file ``library.json``::

    library.json              TinyDB: meta (schema), articles, dictionary, state, settings
    library.d/texts/          one file per article text version, written once, never rewritten
    library.d/records/ID.json TinyDB per article: annotations, corrections, ignores
    library.lock              the write lock (filelock)

Why this shape: TinyDB rewrites a whole file on every write, so the cost of saving one
annotation is the size of the file it lands in. Article texts are large and never change,
so they live outside every TinyDB file; annotations and corrections are split per article,
so a save rewrites one article's records, not the library's. Every write is atomic and
durable (:mod:`reader.storage`), and every mutation runs under an inter-process lock with a
fresh read of the file, so two processes never lose each other's writes.
"""

from __future__ import annotations

import copy
import hashlib
import os
import shutil
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import Query, TinyDB

from reader.errors import CorruptLibraryError, LockedLibraryError, NotFoundError, StoreError
from reader.model import Annotation, ArticleInfo, Article, Correction, Ignore
from reader import schema
from reader.storage import AtomicJSONStorage, _read_error, _reason, atomic_write_bytes, encode_tinydb, fsync_dir, open_regular
from reader.textio import word_count

#: The schema this code writes. Older files are migrated (with a backup); newer refused.
SCHEMA_VERSION = 1

LOCK_TIMEOUT_S = 10.0

#: Appended to every message about a damaged file.
REPAIR_HINT = "run `reader doctor --repair` to move it aside and start a new library"

def read_stored_text(path: Path, article_id: str) -> str:
    """An article's text file (a regular file, UTF-8); damage is a one-line error."""
    try:
        fd = open_regular(path)
    except FileNotFoundError:
        raise CorruptLibraryError(f"the text of article {article_id} is missing ({path}); {REPAIR_HINT}") from None
    except OSError as exc:
        raise _read_error(path, exc) from None
    try:
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise _read_error(path, exc) from None
    try:
        return raw.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise CorruptLibraryError(f"{path} is damaged: the text of article {article_id} is not UTF-8; {REPAIR_HINT}") from None


def _check_main_records(data: dict[str, Any]) -> list[str]:
    return schema.table_problems(data, ("articles", "dictionary", "state", "settings"))


def _check_shard_records(data: dict[str, Any]) -> list[str]:
    return schema.table_problems(data, _SHARD_TABLES)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Library.add_article` did: ``status`` is added, duplicate or updated."""

    info: ArticleInfo
    status: str
    old_text: str | None = None


@dataclass(frozen=True, slots=True)
class RemovedArticle:
    """Everything :meth:`Library.remove_article` took away, so it can be put back."""

    info: ArticleInfo
    record: dict[str, Any]
    state: dict[str, Any] = field(default_factory=dict)


_SHARD_TABLES = ("annotations", "corrections", "ignores")
#: Tables a library file from before schema versions were stored holds.
_SCHEMA0_TABLES = ("articles", "annotations", "dictionary")

#: Record shards kept open (each holds a cached parse and one pinned file descriptor).
_MAX_OPEN_SHARDS = 64


def _upsert_by_id(data: dict[str, Any], table: str, records: list[dict[str, Any]], deletes: list[str] = ()) -> None:
    """Insert or replace records (matched on their ``id`` field) and delete ids, in place,
    in TinyDB's file layout (``{table: {doc_id: record}}``).

    One pass over the table, instead of TinyDB's scan per record, so a batch of k records
    into a table of n costs O(n + k), not O(n * k). Doc ids follow TinyDB's rule (one more
    than the largest), so TinyDB reads the result as it would its own.
    """
    raw = data.get(table)
    if raw is None:
        raw = data[table] = {}
    index = {doc.get("id"): key for key, doc in raw.items()}
    for rid in deletes:
        key = index.pop(rid, None)
        if key is not None:
            del raw[key]
    next_id = max((int(k) for k in raw), default=0) + 1
    for rec in records:
        key = index.get(rec["id"])
        if key is None:
            key = str(next_id)
            next_id += 1
            index[rec["id"]] = key
        raw[key] = dict(rec)


class Library:
    """A library of articles and the standoff records people add to them.

    Open one with :meth:`Library.open`. All methods are safe to call from one thread at a
    time (the UI calls them from its main thread); several processes may share a library.
    """

    def __init__(self, path: Path, *, lock_timeout: float = LOCK_TIMEOUT_S) -> None:
        self.path = Path(path)
        self.folder = self.path.with_name(self.path.stem + ".d")
        self.texts_dir = self.folder / "texts"
        self.records_dir = self.folder / "records"
        self._lock = FileLock(str(self.path.with_name(self.path.stem + ".lock")), timeout=lock_timeout)
        self._main = AtomicJSONStorage(self.path, hint=REPAIR_HINT, validator=_check_main_records)
        self._history = AtomicJSONStorage(self.folder / "history.json", hint=REPAIR_HINT)
        self._shards: OrderedDict[str, AtomicJSONStorage] = OrderedDict()
        self._text_cache: dict[str, str] = {}

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: Path, *, create: bool = True, migrate: bool = True, samples: bool = False) -> Library:
        """Open (and if asked create) the library at ``path``; a library created with
        ``samples`` records that its samples are still to be added (:meth:`add_samples`).

        Raises :class:`CorruptLibraryError` for a damaged file, which is left untouched,
        and :class:`StoreError` for one written by a newer version of reader.
        """
        path = Path(path)
        if path.is_dir():
            raise CorruptLibraryError(f"{path} is a folder, not a library file; {REPAIR_HINT}")
        if not path.exists() and not create:
            raise NotFoundError(f"no library at {path}")
        lib = cls(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the library folder {path.parent}: {_reason(exc)}") from exc
        lib._initialise(migrate=migrate, samples=samples)
        lib._finish_pending_batch()
        return lib

    def _initialise(self, *, migrate: bool, samples: bool = False) -> None:
        data = self._main.read()
        if data is None:
            with self._locked():
                if self._main.read() is None:
                    meta = {"schema": SCHEMA_VERSION, "created": now_iso()}
                    if samples:
                        meta["samples"] = "pending"
                    self._main.write({"meta": {"1": meta}})
            return
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer reader (schema {version}; this one "
                f"reads up to {SCHEMA_VERSION}); upgrade reader, or {REPAIR_HINT}"
            )
        if version < SCHEMA_VERSION:
            if not migrate:
                raise StoreError(f"{self.path} needs migrating from schema {version}")
            self._migrate()

    def schema_version(self) -> int:
        """The schema of the file on disk: 0 for files from before versions were stored."""
        data = self._main.read() or {}
        meta = data.get("meta") or {}
        for doc in meta.values():
            if "schema" in doc:
                value = doc["schema"]
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise CorruptLibraryError(
                        f"{self.path} is damaged: schema version {value!r}; {REPAIR_HINT}"
                    )
                return value
        if not any(name in data for name in _SCHEMA0_TABLES):
            # ``{}`` (or a file of unknown tables) is damage: "migrating" it would empty
            # the library while its texts stay on disk.
            raise CorruptLibraryError(f"{self.path} is damaged: no schema version and no articles; {REPAIR_HINT}")
        return 0

    def _migrate(self) -> None:
        """Bring an older library up to :data:`SCHEMA_VERSION`, keeping a backup copy.

        Runs under the lock and re-reads the version there, so two processes opening an
        old library at once migrate it once. Each step is idempotent (texts are content
        addressed, records are upserted by id) and the main file is replaced last, so a
        crash mid-migration leaves the old file, and the next open simply runs it again.
        """
        with self._locked():
            self._main.invalidate()
            version = self.schema_version()
            if version >= SCHEMA_VERSION:
                return
            stamp = time.strftime("%Y%m%d-%H%M%S")
            backup = self.path.with_name(f"{self.path.name}.schema{version}-{stamp}.bak")
            try:
                shutil.copy2(self.path, backup)
                fsync_dir(backup.parent)
            except OSError as exc:
                raise StoreError(
                    f"cannot back up {self.path} before migrating it: {exc.strerror or exc}"
                ) from exc
            data = copy.deepcopy(self._main.read() or {})
            if version == 0:
                data = self._migrate_0_to_1(data)
            data["meta"] = {
                "1": {"schema": SCHEMA_VERSION, "migrated_from": version, "backup": backup.name, "migrated": now_iso()}
            }
            self._main.write(data)

    def _migrate_0_to_1(self, data: dict[str, Any]) -> dict[str, Any]:
        """Schema 0 kept each article's text inline and all annotations in one table."""
        articles = data.get("articles", {})
        for doc in articles.values():
            if not isinstance(doc.get("id"), str):
                raise CorruptLibraryError(f"{self.path} is damaged: an article has no id; {REPAIR_HINT}")
            text = doc.pop("text", None)
            if isinstance(text, str):
                doc.setdefault("sha256", text_sha256(text))
                doc.setdefault("words", word_count(text))
                doc.setdefault("chars", len(text))
                doc.setdefault("added", now_iso())
                doc["text_file"] = self._write_text(doc["id"], text)
        old_anns = data.pop("annotations", {})
        by_article: dict[str, list[dict[str, Any]]] = {}
        for n, doc in enumerate(old_anns.values()):
            rec = dict(doc)
            rec.setdefault("id", f"m{n:06d}")
            by_article.setdefault(str(rec.get("article_id", "")), []).append(rec)
        for article_id, recs in by_article.items():
            if article_id:
                self._put(article_id, "annotations", recs)
        return data

    def close(self) -> None:
        self._main.close()
        self._history.close()
        for shard in self._shards.values():
            shard.close()
        self._shards.clear()

    # ------------------------------------------------------------------ locking
    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the library's inter-process write lock (re-entrant within a process)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        except Timeout:
            raise LockedLibraryError(
                f"{self.path} is locked by another reader process; try again when it has finished"
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot write the library at {self.path}: {_reason(exc)}") from exc
        try:
            yield
        finally:
            self._lock.release()

    def locked(self):
        """The library's write lock, for a read-modify-write spanning several calls (the
        undo history): re-entrant, so the calls inside take it again freely."""
        return self._locked()

    @contextmanager
    def _transaction(self, storage: AtomicJSONStorage) -> Iterator[TinyDB]:
        """Lock, read fresh, run TinyDB operations, then write the file once."""
        with self._locked():
            storage.defer()
            try:
                yield TinyDB(storage=lambda: storage)
            except BaseException:
                storage.rollback()
                raise
            storage.commit()

    def _db(self, storage: AtomicJSONStorage) -> TinyDB:
        """A TinyDB over ``storage`` for reading (fresh tables: no stale query cache)."""
        return TinyDB(storage=lambda: storage)

    def _shard(self, article_id: str) -> AtomicJSONStorage:
        """The record shard of one article (kept open, least recently used closed first)."""
        shard = self._shards.get(article_id)
        if shard is None:
            if (
                not isinstance(article_id, str)
                or not article_id
                or any(ch in article_id for ch in "/\\\0:")
                or article_id.startswith(".")
            ):
                raise NotFoundError(f"invalid article id {article_id!r}")
            shard = AtomicJSONStorage(
                self.records_dir / f"{article_id}.json", hint=REPAIR_HINT, records_replaced_not_mutated=True,
                required=_SHARD_TABLES, validator=_check_shard_records,
            )
            self._shards[article_id] = shard
            while len(self._shards) > _MAX_OPEN_SHARDS:
                _, old = self._shards.popitem(last=False)
                old.close()
        else:
            self._shards.move_to_end(article_id)
        return shard

    # ------------------------------------------------------------------ articles
    def _write_text(self, article_id: str, text: str) -> str:
        digest = text_sha256(text)
        name = f"{article_id}.{digest[:12]}.txt"
        target = self.texts_dir / name
        if not target.exists():
            self.texts_dir.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, text.encode("utf-8", "surrogatepass"))
        return name

    def _info(self, doc: dict[str, Any]) -> ArticleInfo:
        # Records were checked against reader.schema when the file was read.
        return ArticleInfo(
            id=doc["id"],
            title=doc.get("title") or "Untitled",
            source=doc.get("source"),
            sha256=doc.get("sha256", ""),
            added=doc.get("added", ""),
            words=int(doc.get("words", 0)),
            chars=int(doc.get("chars", 0)),
            meta=dict(doc.get("meta") or {}),
        )

    def list_articles(self) -> list[ArticleInfo]:
        """Every article's metadata, oldest first."""
        docs = self._db(self._main).table("articles", cache_size=0).all()
        return sorted((self._info(d) for d in docs), key=lambda i: (i.added, i.id))

    def _article_doc(self, article_id: str) -> dict[str, Any]:
        found = self._db(self._main).table("articles", cache_size=0).get(Query().id == article_id)
        if found is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return dict(found)

    def get_info(self, article_id: str) -> ArticleInfo:
        return self._info(self._article_doc(article_id))

    def get_text(self, article_id: str) -> str:
        doc = self._article_doc(article_id)
        name = doc.get("text_file", "")
        if not isinstance(name, str) or not name:
            raise CorruptLibraryError(f"{self.path} is damaged: article {article_id} names no text file; {REPAIR_HINT}")
        cached = self._text_cache.get(name)
        if cached is not None:
            return cached
        path = self.texts_dir / name
        text = read_stored_text(path, article_id)
        if doc.get("sha256") and text_sha256(text) != doc["sha256"]:
            raise CorruptLibraryError(
                f"{path} is damaged: the text of article {article_id} does not match its stored hash; {REPAIR_HINT}"
            )
        if len(self._text_cache) > 8:
            self._text_cache.clear()
        self._text_cache[name] = text
        return text

    def get_article(self, article_id: str) -> Article:
        return Article(self.get_info(article_id), self.get_text(article_id))

    def resolve_id(self, ref: str, *, rows: bool = True) -> str:
        """The article a person names on the command line, by one rule for every command.
        ``#N`` or a plain number ``N`` is row N of ``reader list`` -- always,
        even when some id starts with those digits (a row was meant far more often than an
        id prefix, and picking the other silently edits the wrong article). Anything else
        is a full id, or a prefix of exactly one id; a prefix of several is refused and
        names them. An id made only of digits is matched when given in full and no row has
        that number. ``rows=False`` (ids read from a file) skips the row numbers."""
        from reader.wording import counted

        ref = ref.strip()
        infos = self.list_articles()
        ids = [i.id for i in infos]
        number = ref[1:] if ref.startswith("#") else ref
        if rows and number.isascii() and number.isdigit():
            n = int(number)
            if 1 <= n <= len(infos):
                return infos[n - 1].id
            if ref in ids:
                return ref
            raise NotFoundError(
                f"no row {number} in `reader list` (the library has {counted(len(infos), 'article')}); "
                "a number is a row, not an id prefix"
            )
        if ref in ids:
            return ref
        matches = [i for i in ids if i.startswith(ref)] if ref else []
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (", ..." if len(matches) > 5 else "")
            raise NotFoundError(f"{ref!r} is the start of {counted(len(matches), 'id')} ({shown}); give more of the id")
        raise NotFoundError(f"no article with id {ref!r} (see `reader list`)")

    def find_by_source(self, source: str) -> ArticleInfo | None:
        doc = self._db(self._main).table("articles", cache_size=0).get(Query().source == source)
        return self._info(doc) if doc else None

    def find_by_hash(self, sha256: str) -> ArticleInfo | None:
        doc = self._db(self._main).table("articles", cache_size=0).get(Query().sha256 == sha256)
        return self._info(doc) if doc else None

    def add_article(
        self,
        text: str,
        *,
        title: str,
        source: str | None = None,
        meta: dict[str, Any] | None = None,
        update: bool = False,
    ) -> AddResult:
        """Store a new article, or find its duplicate, or (``update``) replace the text of
        the article with the same source. Texts are written before the record that names
        them, so a crash never leaves a record without its text."""
        digest = text_sha256(text)
        same = self.find_by_hash(digest)
        if same is not None:
            return AddResult(same, "duplicate")
        previous = self.find_by_source(source) if (update and source) else None
        if previous is not None:
            old_text = self.get_text(previous.id)
            text_file = self._write_text(previous.id, text)
            fields = {
                "sha256": digest,
                "text_file": text_file,
                "title": title,
                "words": word_count(text),
                "chars": len(text),
                "updated": now_iso(),
                "meta": {**previous.meta, **(meta or {})},
            }
            with self._transaction(self._main) as db:
                db.table("articles", cache_size=0).update(fields, Query().id == previous.id)
            return AddResult(self.get_info(previous.id), "updated", old_text)
        article_id = digest[:8]
        existing = {d.get("id") for d in self._db(self._main).table("articles", cache_size=0).all()}
        n = 8
        while article_id in existing:
            n += 2
            article_id = digest[:n]
        text_file = self._write_text(article_id, text)
        doc = {
            "id": article_id,
            "title": title,
            "source": source,
            "sha256": digest,
            "text_file": text_file,
            "added": now_iso(),
            "words": word_count(text),
            "chars": len(text),
            "meta": dict(meta or {}),
        }
        with self._transaction(self._main) as db:
            table = db.table("articles", cache_size=0)
            if table.get(Query().sha256 == digest) is None:
                table.insert(doc)
        found = self.find_by_hash(digest)
        assert found is not None
        return AddResult(found, "added" if found.id == article_id else "duplicate")

    def samples_pending(self) -> bool:
        """Whether this library was created to hold the samples and does not yet."""
        meta = (self._main.read() or {}).get("meta") or {}
        return any(isinstance(d, dict) and d.get("samples") == "pending" for d in meta.values())

    def add_samples(self, items: list[tuple[str, str, str, dict[str, Any]]]) -> int:
        """Add the sample articles ``(text, title, source, meta)`` all at once: texts first,
        then one write of the main file holding every record and "samples done", so a
        kill leaves either none of them (and "pending", so the next open adds them) or all.
        Returns how many were added."""
        docs = []
        for text, title, source, meta in items:
            digest = text_sha256(text)
            article_id = digest[:8]
            docs.append({
                "id": article_id, "title": title, "source": source, "sha256": digest,
                "text_file": self._write_text(article_id, text), "added": now_iso(),
                "words": word_count(text), "chars": len(text), "meta": dict(meta),
            })
        added = 0
        with self._transaction(self._main) as db:
            table = db.table("articles", cache_size=0)
            have = {d.get("sha256") for d in table.all()} | {d.get("id") for d in table.all()}
            for doc in docs:
                if doc["sha256"] not in have and doc["id"] not in have:
                    table.insert(doc)
                    added += 1
            db.table("settings", cache_size=0).upsert({"key": "samples_seeded", "value": True}, Query().key == "samples_seeded")
            metas = db.table("meta", cache_size=0)
            for doc in metas.all():
                if doc.get("samples") == "pending":
                    metas.update({"samples": "done"}, doc_ids=[doc.doc_id])
        return added

    def set_article_meta(self, article_id: str, **values: Any) -> None:
        """Merge ``values`` into an article's ``meta`` (title, source and counts stay)."""
        with self._transaction(self._main) as db:
            table = db.table("articles", cache_size=0)
            doc = table.get(Query().id == article_id)
            if doc is None:
                raise NotFoundError(f"no article with id {article_id!r}")
            table.update({"meta": {**(doc.get("meta") or {}), **values}}, Query().id == article_id)

    def remove_article(self, article_id: str) -> RemovedArticle:
        """Remove an article from the list. Its text files and record shard stay on disk,
        so :meth:`restore_article` can undo it and nothing a person wrote is destroyed."""
        doc = self._article_doc(article_id)
        state = self.get_state(article_id)
        with self._transaction(self._main) as db:
            db.table("articles", cache_size=0).remove(Query().id == article_id)
            db.table("state", cache_size=0).remove(Query().article_id == article_id)
        return RemovedArticle(self._info(doc), doc, state)

    def restore_article(self, removed: RemovedArticle) -> None:
        with self._transaction(self._main) as db:
            table = db.table("articles", cache_size=0)
            if table.get(Query().id == removed.info.id) is None:
                table.insert(removed.record)
            if removed.state:
                db.table("state", cache_size=0).upsert(
                    {"article_id": removed.info.id, **removed.state},
                    Query().article_id == removed.info.id,
                )

    # ------------------------------------------------------------------ shard records
    def _records(self, article_id: str, table: str) -> list[dict[str, Any]]:
        # Checked against reader.schema when the shard was read.
        return [dict(d) for d in self._db(self._shard(article_id)).table(table, cache_size=0).all()]

    def _put(self, article_id: str, table: str, records: list[dict[str, Any]], deletes: list[str] = ()) -> None:
        self._change_shard(article_id, [(table, records, deletes)])

    def _change_shard(self, article_id: str, changes: list[tuple[str, list[dict[str, Any]], list[str]]]) -> None:
        """Apply ``(table, records to put, ids to delete)`` changes to one article's shard:
        under the lock, over a fresh read, in one atomic write (nothing written on error)."""
        if not changes:
            return
        with self._locked():
            shard = self._shard(article_id)
            shard.defer()
            try:
                data = shard.read() or {}
                for table, puts, deletes in changes:
                    _upsert_by_id(data, table, puts, deletes)
                shard.write(data)
            except BaseException:
                shard.rollback()
                raise
            shard.commit()

    def apply_batch(self, batch: dict[str, list[tuple[str, list[dict[str, Any]], list[str]]]]) -> None:
        """Record changes to several articles, all or nothing (``import-annotations`` of a
        file): the whole batch is written to a journal first, then each article's shard,
        then the journal is dropped. A kill in between leaves the journal, and the next
        :meth:`open` applies it again (each change is an idempotent upsert or delete)."""
        batch = {aid: kept for aid, changes in batch.items() if (kept := [c for c in changes if c[1] or c[2]])}
        if not batch:
            return
        with self._locked():
            for aid in batch:
                self._shard(aid)  # refuses an invalid id before anything is written
            atomic_write_bytes(self._journal, encode_tinydb({"batch": {"1": {"changes": batch}}}))
            self._apply_journal(batch)

    @property
    def _journal(self) -> Path:
        return self.folder / "pending-batch.json"

    def _apply_journal(self, batch: dict[str, Any]) -> None:
        for aid, changes in batch.items():
            self._change_shard(aid, [(table, puts, deletes) for table, puts, deletes in changes])
        os.unlink(self._journal)  # the journal is reader's own scratch file, not user data
        fsync_dir(self.folder)

    def _finish_pending_batch(self) -> None:
        if not self._journal.exists():
            return
        with self._locked():
            if not self._journal.exists():
                return
            try:
                data = AtomicJSONStorage(self._journal).read() or {}
                batch = data["batch"]["1"]["changes"]
                if not isinstance(batch, dict):
                    raise TypeError("not a batch")
            except (CorruptLibraryError, KeyError, TypeError) as exc:
                raise CorruptLibraryError(f"{self._journal} is damaged ({exc}); {REPAIR_HINT}") from None
            self._apply_journal(batch)

    def annotations(self, article_id: str | None = None) -> list[Annotation]:
        """Annotations of one article, or of every article, ordered by position."""
        ids = [article_id] if article_id else [i.id for i in self.list_articles()]
        out: list[Annotation] = []
        for aid in ids:
            out += [Annotation.from_record(r) for r in self._records(aid, "annotations")]
        return sorted(out, key=lambda a: (a.article_id, a.anchor.start, a.anchor.end, a.id))

    def put_annotation(self, annotation: Annotation) -> None:
        """Insert or replace (by id) one annotation; on disk when this returns."""
        self._put(annotation.article_id, "annotations", [annotation.to_record()])

    def put_annotations(self, article_id: str, annotations: list[Annotation]) -> None:
        self._put(article_id, "annotations", [a.to_record() for a in annotations])

    def delete_annotation(self, article_id: str, annotation_id: str) -> None:
        self._put(article_id, "annotations", [], [annotation_id])

    def corrections(self, article_id: str) -> list[Correction]:
        recs = self._records(article_id, "corrections")
        return sorted((Correction.from_record(r) for r in recs), key=lambda c: (c.start, c.end))

    def apply_changes(
        self,
        article_id: str,
        *,
        put_corrections: list[Correction] = (),
        delete_corrections: list[str] = (),
        put_ignores: list[Ignore] = (),
        delete_ignores: list[str] = (),
        put_annotations: list[Annotation] = (),
        delete_annotations: list[str] = (),
    ) -> None:
        """Several record changes to one article in a single atomic write (replace-all,
        undo of a batch)."""
        changes = (
            ("corrections", [c.to_record() for c in put_corrections], list(delete_corrections)),
            ("ignores", [i.to_record() for i in put_ignores], list(delete_ignores)),
            ("annotations", [a.to_record() for a in put_annotations], list(delete_annotations)),
        )
        self._change_shard(article_id, [(table, puts, dels) for table, puts, dels in changes if puts or dels])

    def put_correction(self, correction: Correction) -> None:
        self._put(correction.article_id, "corrections", [correction.to_record()])

    def delete_correction(self, article_id: str, correction_id: str) -> None:
        self._put(article_id, "corrections", [], [correction_id])

    def ignores(self, article_id: str) -> list[Ignore]:
        return [Ignore.from_record(r) for r in self._records(article_id, "ignores")]

    def put_ignore(self, ignore: Ignore) -> None:
        self._put(ignore.article_id, "ignores", [ignore.to_record()])

    def delete_ignore(self, article_id: str, ignore_id: str) -> None:
        self._put(article_id, "ignores", [], [ignore_id])

    def record_counts(self, article_id: str) -> dict[str, int]:
        data = self._shard(article_id).read() or {}
        return {name: len(data.get(name, {})) for name in _SHARD_TABLES}

    # ------------------------------------------------------------------ dictionary
    def words(self) -> set[str]:
        """The personal dictionary: words never reported as errors."""
        return {d["word"] for d in self._db(self._main).table("dictionary", cache_size=0).all()}

    def add_word(self, word: str) -> bool:
        """Add ``word``; False if it was there already."""
        word = word.strip()
        if not word:
            raise StoreError("cannot add an empty word to the dictionary")
        with self._transaction(self._main) as db:
            t = db.table("dictionary", cache_size=0)
            if t.contains(Query().word == word):
                return False
            t.insert({"word": word, "added": now_iso()})
            return True

    def remove_word(self, word: str) -> bool:
        with self._transaction(self._main) as db:
            return bool(db.table("dictionary", cache_size=0).remove(Query().word == word.strip()))

    # ------------------------------------------------------------------ state & settings
    def get_state(self, article_id: str) -> dict[str, Any]:
        doc = self._db(self._main).table("state", cache_size=0).get(Query().article_id == article_id)
        return _state_values(doc) if doc else {}

    @staticmethod
    def progress_of(state: dict[str, Any]) -> float:
        """The reading progress (percent) kept in a state record; 0 when absent or odd."""
        try:
            return float(state.get("progress", 0.0) or 0.0)
        except (TypeError, ValueError):
            return 0.0

    def states(self) -> dict[str, dict[str, Any]]:
        """Every article's reading state by article id, in one pass over the table (a
        listing calling :meth:`get_state` per article scans the table once per row)."""
        docs = self._db(self._main).table("state", cache_size=0).all()
        return {doc["article_id"]: _state_values(doc) for doc in docs if "article_id" in doc}

    def set_state(self, article_id: str, **values: Any) -> None:
        """Per-article reading state (position, progress, view options)."""
        with self._transaction(self._main) as db:
            t = db.table("state", cache_size=0)
            cur = t.get(Query().article_id == article_id) or {}
            t.upsert({**dict(cur), **values, "article_id": article_id}, Query().article_id == article_id)

    def get_setting(self, key: str, default: Any = None) -> Any:
        doc = self._db(self._main).table("settings", cache_size=0).get(Query().key == key)
        return doc["value"] if doc else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._transaction(self._main) as db:
            db.table("settings", cache_size=0).upsert({"key": key, "value": value}, Query().key == key)

    def update_setting(self, key: str, change: Callable[[Any], Any], default: Any = None) -> Any:
        """Read, change and write one setting in one locked transaction (no other writer
        can slip in between); returns the new value. Typed access: :mod:`reader.settings`."""
        with self._transaction(self._main) as db:
            table = db.table("settings", cache_size=0)
            doc = table.get(Query().key == key)
            value = change(doc["value"] if doc else default)
            table.upsert({"key": key, "value": value}, Query().key == key)
        return value

    # ------------------------------------------------------------------ undo history
    def get_history(self) -> Any:
        """The saved undo/redo history (kept in its own small file, so saving it after
        every edit does not rewrite the main library file). A damaged history file is
        moved aside (it only holds undo steps; the records themselves are elsewhere)."""
        try:
            doc = self._db(self._history).table("history", cache_size=0).get(Query().key == "history")
        except CorruptLibraryError:
            path = self._history.path
            os.replace(path, path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}"))
            self._history.invalidate()
            return None
        return doc["value"] if doc else None

    def set_history(self, value: Any) -> None:
        with self._transaction(self._history) as db:
            db.table("history", cache_size=0).upsert({"key": "history", "value": value}, Query().key == "history")

    # ------------------------------------------------------------------ maintenance
    def is_empty(self) -> bool:
        return not self._db(self._main).table("articles", cache_size=0).all()


def _state_values(doc: dict[str, Any]) -> dict[str, Any]:
    """A state record without the ``article_id`` key it is stored under."""
    return {key: value for key, value in doc.items() if key != "article_id"}
