"""``reader doctor``: find every kind of damage a library can suffer, and repair it by
moving files aside, never by deleting.

What is checked, file by file (docs/ARCHITECTURE.md, storage):

* the main file, each record file and ``history.json``: a regular file (not a FIFO, a
  device, a folder or a symlink loop), valid JSON nested at most
  :data:`reader.boundedjson.MAX_DEPTH` deep, TinyDB's shape, a schema version (``{}`` is
  damage), and every record against :mod:`reader.schema`;
* every article's text: present, a regular file, UTF-8, and equal to its stored SHA-256;
* hidden ``.tmp`` files a killed write left behind (older than :data:`TMP_AGE_S`, so a
  write running now is not disturbed).

Repairs: an unreadable file is renamed ``NAME.damaged-STAMP`` beside itself; a readable
file with unsound records is copied aside the same way and rewritten without them; an
article whose text is damaged has the text moved aside and leaves the list (its record
file stays, like :meth:`reader.store.Library.remove_article`).
"""

from __future__ import annotations

import copy
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from reader import schema
from reader.errors import LockedLibraryError, StoreError
from reader.storage import AtomicJSONStorage, _reason, atomic_write_bytes, encode_tinydb, fsync_dir

#: A hidden ``.tmp`` file older than this is the leftover of a killed write.
TMP_AGE_S = 600.0

_SHARD_TABLES = ("annotations", "corrections", "ignores")
_SCHEMA0_TABLES = ("articles", "annotations", "dictionary")


@dataclass
class Finding:
    """One problem: ``action`` is "move" (rename aside), "salvage" (copy aside, rewrite
    without unsound records) or "text" (move the text aside, drop the article)."""

    path: Path
    problem: str
    action: str
    article_id: str | None = None

    def __str__(self) -> str:
        text = self.problem
        return text if str(self.path) in text else f"{self.path}: {text}"


@dataclass
class Scan:
    findings: list[Finding] = field(default_factory=list)
    main_data: dict[str, Any] | None = None


def _strip_hint(message: str) -> str:
    return message.split("; run `reader doctor", 1)[0]


def _read(path: Path, required: tuple[str, ...] = ()) -> tuple[dict[str, Any] | None, str | None]:
    """A file's parsed data, or the reason it cannot be read."""
    storage = AtomicJSONStorage(path, required=required)
    try:
        return storage.read(), None
    except StoreError as exc:
        return None, _strip_hint(exc.message)
    finally:
        storage.close()


def _check_main(path: Path, scan: Scan) -> None:
    if not (path.exists() or path.is_symlink()):
        return
    data, problem = _read(path)
    if problem is None and data is not None:
        meta = data.get("meta") or {}
        versions = [d.get("schema") for d in meta.values() if isinstance(d, dict) and "schema" in d]
        if not versions and not any(name in data for name in _SCHEMA0_TABLES):
            problem = f"{path} is damaged: no schema version and no articles"
        elif versions and (not isinstance(versions[0], int) or isinstance(versions[0], bool) or versions[0] < 0):
            problem = f"{path} is damaged: schema version {versions[0]!r}"
        elif versions and versions[0] > 1:
            problem = f"{path} has schema {versions[0]}, newer than this reader's 1"
    if problem is not None or data is None:
        if problem:
            scan.findings.append(Finding(path, problem, "move"))
        return
    scan.main_data = data
    for p in schema.table_problems(data, ("articles", "dictionary", "state", "settings")):
        scan.findings.append(Finding(path, f"{path} is damaged: {p}", "salvage"))
    texts = path.with_name(path.stem + ".d") / "texts"
    for doc in (data.get("articles") or {}).values():
        if schema.article_problems(doc):
            continue
        if "text_file" not in doc:  # (schema-0 files keep texts inline until migrated)
            if versions:
                scan.findings.append(Finding(path, f"{path} is damaged: article {doc['id']} names no text file", "drop", doc["id"]))
            continue
        _check_text(texts / doc["text_file"], doc, scan)


def _check_text(text_path: Path, doc: dict[str, Any], scan: Scan) -> None:
    from reader.store import read_stored_text, text_sha256

    try:
        text = read_stored_text(text_path, doc["id"])
    except StoreError as exc:
        missing = not (text_path.exists() or text_path.is_symlink())
        scan.findings.append(Finding(text_path, _strip_hint(exc.message), "drop" if missing else "text", doc["id"]))
        return
    if doc.get("sha256") and text_sha256(text) != doc["sha256"]:
        scan.findings.append(Finding(
            text_path, f"{text_path} is damaged: the text of article {doc['id']} does not match its stored hash",
            "text", doc["id"],
        ))


def _check_records(folder: Path, scan: Scan) -> None:
    records = folder / "records"
    if not records.is_dir():
        return
    for shard in sorted(records.glob("*.json")):
        data, problem = _read(shard, _SHARD_TABLES)
        if problem:
            scan.findings.append(Finding(shard, problem, "move"))
            continue
        for p in schema.table_problems(data or {}, _SHARD_TABLES):
            scan.findings.append(Finding(shard, f"{shard} is damaged: {p}", "salvage"))


def _check_history(folder: Path, scan: Scan) -> None:
    """The undo history, and the journal of an interrupted batch (a sound journal is no
    problem: the next open finishes the batch)."""
    for name in ("history.json", "pending-batch.json"):
        p = folder / name
        if p.exists() or p.is_symlink():
            _, problem = _read(p)
            if problem:
                scan.findings.append(Finding(p, problem, "move"))


def _check_leftovers(path: Path, folder: Path, scan: Scan) -> None:
    now = time.time()
    for where in (path.parent, folder, folder / "texts", folder / "records"):
        if not where.is_dir():
            continue
        for p in sorted(where.glob(".*.tmp")):
            try:
                old = now - p.lstat().st_mtime > TMP_AGE_S
            except OSError:
                continue
            if old:
                scan.findings.append(Finding(p, f"{p}: a leftover of an interrupted write", "move"))


def scan(path: Path) -> Scan:
    path = Path(path)
    folder = path.with_name(path.stem + ".d")
    result = Scan()
    if path.is_dir() and not path.is_symlink():
        result.findings.append(Finding(path, f"{path} is a folder, not a library file", "move"))
    else:
        _check_main(path, result)
    _check_records(folder, result)
    _check_history(folder, result)
    _check_leftovers(path, folder, result)
    return result


def diagnose(path: Path) -> list[str]:
    """Problems found in the library at ``path`` (empty when it is healthy)."""
    return [str(f) for f in scan(path).findings]


def _aside(p: Path, stamp: str) -> Path:
    target = p.with_name(f"{p.name}.damaged-{stamp}")
    n = 1
    while target.exists() or target.is_symlink():
        n += 1
        target = p.with_name(f"{p.name}.damaged-{stamp}-{n}")
    return target


def repair(path: Path) -> list[str]:
    """Repair what :func:`diagnose` finds (under the library lock); return what was done."""
    path = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    done: list[str] = []
    lock = FileLock(str(path.with_name(path.stem + ".lock")), timeout=10.0)
    try:
        lock.acquire()
    except Timeout:
        raise LockedLibraryError(f"{path} is locked by another reader process; try again later") from None
    except OSError as exc:
        raise StoreError(f"cannot lock the library at {path}: {_reason(exc)}") from exc
    try:
        result = scan(path)
        salvage: dict[Path, str] = {}
        drop: set[str] = set()
        for f in result.findings:
            if f.action in ("move", "text") and (f.path.exists() or f.path.is_symlink()):
                target = _aside(f.path, stamp)
                try:
                    os.replace(f.path, target)
                except OSError as exc:
                    raise StoreError(f"cannot move {f.path} aside: {_reason(exc)}") from exc
                fsync_dir(f.path.parent)
                done.append(f"moved {f.path} aside to {target.name} ({f.problem.split(': ', 1)[-1]})")
            elif f.action == "salvage":
                salvage.setdefault(f.path, f.problem)
            if f.action in ("text", "drop") and f.article_id:
                drop.add(f.article_id)
        if drop and result.main_data is not None:
            salvage.setdefault(path, "articles whose text is damaged or missing")
        for p, why in salvage.items():
            done.append(_salvage(p, stamp, why, drop if p == path else set()))
    finally:
        lock.release()
    return done


def _salvage(p: Path, stamp: str, why: str, drop_articles: set[str]) -> str:
    """Copy ``p`` aside, then rewrite it without its unsound records (and dropped articles)."""
    data, problem = _read(p)
    if data is None:
        return f"could not rewrite {p}: {problem}"
    kept, dropped = schema.drop_unsound(copy.deepcopy(data))
    articles = kept.get("articles") or {}
    for key in [k for k, doc in articles.items() if doc.get("id") in drop_articles]:
        del articles[key]
        dropped += 1
    target = _aside(p, stamp)
    try:
        shutil.copyfile(p, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise StoreError(f"cannot copy {p} aside: {_reason(exc)}") from exc
    atomic_write_bytes(p, encode_tinydb(kept))
    return f"kept a copy of {p} as {target.name}; rewrote it without {dropped} unsound records ({why.split(': ', 1)[-1]})"

