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

import hashlib
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import Query, TinyDB

from reader.errors import CorruptLibraryError, LockedLibraryError, NotFoundError, StoreError
from reader.model import Annotation, ArticleInfo, Article, Correction, Ignore
from reader.storage import AtomicJSONStorage, atomic_write_bytes
from reader.textio import word_count

#: The schema this code writes. Older files are migrated (with a backup); newer refused.
SCHEMA_VERSION = 1

LOCK_TIMEOUT_S = 10.0

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
        self._main = AtomicJSONStorage(self.path)
        self._shards: dict[str, AtomicJSONStorage] = {}
        self._text_cache: dict[str, str] = {}

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: Path, *, create: bool = True, migrate: bool = True) -> Library:
        """Open (and if asked create) the library at ``path``.

        Raises :class:`CorruptLibraryError` for a damaged file, which is left untouched,
        and :class:`StoreError` for one written by a newer version of reader.
        """
        path = Path(path)
        if path.is_dir():
            raise CorruptLibraryError(
                f"{path} is a folder, not a library file; run `reader doctor --repair` "
                "to move it aside, or pass another --db"
            )
        if not path.exists() and not create:
            raise NotFoundError(f"no library at {path}")
        lib = cls(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the library folder {path.parent}: {exc.strerror}")
        lib._initialise(migrate=migrate)
        return lib

    def _initialise(self, *, migrate: bool) -> None:
        data = self._read_main_checked()
        if data is None:
            with self._locked():
                if self._main.read() is None:
                    self._main.write({"meta": {"1": {"schema": SCHEMA_VERSION, "created": now_iso()}}})
            return
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer reader (schema {version}; this one "
                f"reads up to {SCHEMA_VERSION}); upgrade reader to open it"
            )
        if version < SCHEMA_VERSION:
            if not migrate:
                raise StoreError(f"{self.path} needs migrating from schema {version}")
            self._migrate(version)

    def _read_main_checked(self) -> dict[str, Any] | None:
        try:
            return self._main.read()
        except CorruptLibraryError as exc:
            raise CorruptLibraryError(
                f"{exc.message}. The file was left as it is; run `reader doctor --repair` "
                "to move it aside and start a new library"
            ) from None

    def schema_version(self) -> int:
        data = self._main.read() or {}
        meta = data.get("meta") or {}
        for doc in meta.values():
            if "schema" in doc:
                try:
                    return int(doc["schema"])
                except (TypeError, ValueError):
                    raise CorruptLibraryError(f"{self.path} is damaged: schema version {doc['schema']!r}")
        return 0

    def _migrate(self, version: int) -> None:
        """Bring an older library up to :data:`SCHEMA_VERSION`, keeping a backup copy."""
        with self._locked():
            backup = self.path.with_name(f"{self.path.name}.schema{version}-{int(time.time())}.bak")
            shutil.copy2(self.path, backup)
            data = self._main.read() or {}
            if version == 0:
                data = self._migrate_0_to_1(data)
            data.setdefault("meta", {})
            data["meta"] = {"1": {"schema": SCHEMA_VERSION, "migrated_from": version, "backup": backup.name}}
            self._main.write(data)

    def _migrate_0_to_1(self, data: dict[str, Any]) -> dict[str, Any]:
        """Schema 0 kept each article's text inline and its annotations in one table."""
        articles = data.get("articles", {})
        for doc in articles.values():
            text = doc.pop("text", None)
            if text is not None:
                doc.setdefault("sha256", text_sha256(text))
                doc.setdefault("words", word_count(text))
                doc.setdefault("chars", len(text))
                doc["text_file"] = self._write_text(doc["id"], text)
        old_anns = data.pop("annotations", {})
        by_article: dict[str, list[dict[str, Any]]] = {}
        for doc in old_anns.values():
            by_article.setdefault(doc.get("article_id", ""), []).append(doc)
        for article_id, docs in by_article.items():
            if not article_id:
                continue
            shard = self._shard(article_id)
            db = TinyDB(storage=lambda: shard)
            for doc in docs:
                db.table("annotations", cache_size=0).insert(doc)
        return data

    def close(self) -> None:
        self._main.close()
        for shard in self._shards.values():
            shard.close()
        self._shards.clear()

    # ------------------------------------------------------------------ locking
    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with self._lock:
                yield
        except Timeout:
            raise LockedLibraryError(
                f"{self.path} is locked by another reader process; try again when it has finished"
            ) from None
        except PermissionError as exc:
            raise StoreError(f"cannot write the library at {self.path}: permission denied") from exc

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
        shard = self._shards.get(article_id)
        if shard is None:
            if not article_id or "/" in article_id or "\\" in article_id or article_id.startswith("."):
                raise NotFoundError(f"invalid article id {article_id!r}")
            shard = AtomicJSONStorage(self.records_dir / f"{article_id}.json")
            self._shards[article_id] = shard
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

    @staticmethod
    def _info(doc: dict[str, Any]) -> ArticleInfo:
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
        cached = self._text_cache.get(name)
        if cached is not None:
            return cached
        path = self.texts_dir / name
        try:
            text = path.read_bytes().decode("utf-8", "surrogatepass")
        except FileNotFoundError:
            raise CorruptLibraryError(f"the text of article {article_id} is missing ({path})") from None
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc.strerror}") from exc
        if len(self._text_cache) > 8:
            self._text_cache.clear()
        self._text_cache[name] = text
        return text

    def get_article(self, article_id: str) -> Article:
        return Article(self.get_info(article_id), self.get_text(article_id))

    def resolve_id(self, ref: str) -> str:
        """An article id from a full id, a unique id prefix, or a 1-based list number."""
        ref = ref.strip()
        infos = self.list_articles()
        ids = [i.id for i in infos]
        if ref in ids:
            return ref
        if ref.isdigit() and 1 <= int(ref) <= len(infos) and not any(i.startswith(ref) for i in ids):
            return infos[int(ref) - 1].id
        matches = [i for i in ids if i.startswith(ref)] if ref else []
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise NotFoundError(f"{ref!r} matches several articles: {', '.join(matches[:5])}")
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
        existing = {i.id for i in self.list_articles()}
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
        return [dict(d) for d in self._db(self._shard(article_id)).table(table, cache_size=0).all()]

    def _put(self, article_id: str, table: str, records: list[dict[str, Any]], deletes: list[str] = ()) -> None:
        with self._transaction(self._shard(article_id)) as db:
            t = db.table(table, cache_size=0)
            if deletes:
                gone = set(deletes)
                t.remove(Query().id.one_of(list(gone)))
            for rec in records:
                if t.update(rec, Query().id == rec["id"]) == []:
                    t.insert(rec)

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
        with self._transaction(self._shard(article_id)) as db:
            for table, puts, dels in (
                ("corrections", [c.to_record() for c in put_corrections], delete_corrections),
                ("ignores", [i.to_record() for i in put_ignores], delete_ignores),
                ("annotations", [a.to_record() for a in put_annotations], delete_annotations),
            ):
                if not puts and not dels:
                    continue
                t = db.table(table, cache_size=0)
                if dels:
                    t.remove(Query().id.one_of(list(dels)))
                for rec in puts:
                    if t.update(rec, Query().id == rec["id"]) == []:
                        t.insert(rec)

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
        if not doc:
            return {}
        out = dict(doc)
        out.pop("article_id", None)
        return out

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

    # ------------------------------------------------------------------ maintenance
    def is_empty(self) -> bool:
        return not self._db(self._main).table("articles", cache_size=0).all()


def repair(path: Path) -> list[str]:
    """Move a damaged library file (and damaged record shards) aside; return what was done.

    Nothing is deleted: damaged files get a ``.damaged-TIMESTAMP`` suffix beside them.
    """
    done: list[str] = []
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = Path(path)

    def move_aside(p: Path, why: str) -> None:
        target = p.with_name(f"{p.name}.damaged-{stamp}")
        os.replace(p, target)
        done.append(f"moved {p} aside to {target.name} ({why})")

    if path.is_dir():
        move_aside(path, "a folder stood where the library file belongs")
    elif path.exists():
        try:
            AtomicJSONStorage(path).read()
        except CorruptLibraryError as exc:
            move_aside(path, exc.message.split(": ", 1)[-1])
    records = path.with_name(path.stem + ".d") / "records"
    if records.is_dir():
        for shard in sorted(records.glob("*.json")):
            try:
                AtomicJSONStorage(shard).read()
            except CorruptLibraryError as exc:
                move_aside(shard, exc.message.split(": ", 1)[-1])
    return done


def diagnose(path: Path) -> list[str]:
    """Problems found in the library at ``path`` (empty when it is healthy)."""
    problems: list[str] = []
    path = Path(path)
    if path.is_dir():
        return [f"{path} is a folder, not a library file"]
    if not path.exists():
        return []
    try:
        lib = Library(path)
        lib._main.read()
        version = lib.schema_version()
        if version > SCHEMA_VERSION:
            problems.append(f"{path} has schema {version}, newer than this reader's {SCHEMA_VERSION}")
        for info in lib.list_articles():
            try:
                lib.get_text(info.id)
            except StoreError as exc:
                problems.append(exc.message)
    except CorruptLibraryError as exc:
        problems.append(exc.message)
    records = path.with_name(path.stem + ".d") / "records"
    if records.is_dir():
        for shard in sorted(records.glob("*.json")):
            try:
                AtomicJSONStorage(shard).read()
            except CorruptLibraryError as exc:
                problems.append(exc.message)
    return problems

