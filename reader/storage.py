"""A crash-safe TinyDB storage: atomic replace on write, cheap re-reads, deferred writes.

TinyDB's own ``JSONStorage`` rewrites the file in place, so a crash mid-write tears it. This
storage writes a temporary file in the same folder, flushes and fsyncs it, then
``os.replace``-s it over the old one and fsyncs the folder: after a ``kill -9`` at any
moment the file holds either the old or the new data, and a write that returned is on disk.

Reads are cached by the file's stat signature, so an unchanged file is not re-parsed, while
a file replaced by another process (a new inode, size or mtime) is. Only :mod:`reader.store`
uses this module.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from reader.errors import CorruptLibraryError, StoreError


def _signature(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and durably; raise :class:`StoreError` on failure.

    Nothing half-written is ever left at ``path``; the temporary file is removed on error.
    """
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise StoreError(f"cannot write {path}: {_reason(exc)}") from exc
    fsync_dir(folder)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return exc.strerror or str(exc)


def validate_tinydb_shape(data: Any, path: Path) -> dict[str, dict[str, Any]]:
    """Check that parsed JSON is a TinyDB document: ``{table: {doc_id: {...}}}``."""
    if not isinstance(data, dict):
        raise CorruptLibraryError(
            f"{path} is damaged: expected a JSON object of tables, found {type(data).__name__}"
        )
    for name, table in data.items():
        if not isinstance(table, dict):
            raise CorruptLibraryError(f"{path} is damaged: table {name!r} is not an object")
        for doc_id, doc in table.items():
            if not str(doc_id).isdigit() or not isinstance(doc, dict):
                raise CorruptLibraryError(
                    f"{path} is damaged: table {name!r} has a malformed record {doc_id!r}"
                )
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, durable writes and stat-validated read caching.

    ``defer()``/``commit()`` batch several TinyDB operations into one file write; the
    caller (the store) holds the library lock around such a batch.
    """

    def __init__(self, path: str | os.PathLike[str], create: bool = True) -> None:
        self.path = Path(path)
        self._cache: dict[str, Any] | None = None
        self._sig: tuple[int, int, int, int] | None = None
        self._deferred = False
        self._dirty = False
        if not self.path.exists() and create:
            self.path.parent.mkdir(parents=True, exist_ok=True)

    # -- reading -----------------------------------------------------------------
    def read(self) -> dict[str, Any] | None:
        if self._deferred and self._cache is not None:
            return self._cache
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._cache, self._sig = None, None
            return None
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {_reason(exc)}") from exc
        sig = _signature(st)
        if self._cache is not None and sig == self._sig:
            return self._cache
        if self.path.is_dir():
            raise CorruptLibraryError(f"{self.path} is a folder, not a library file")
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {_reason(exc)}") from exc
        if not raw.strip():
            raise CorruptLibraryError(f"{self.path} is damaged: the file is empty")
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise CorruptLibraryError(f"{self.path} is damaged: not valid JSON ({exc})") from exc
        self._cache = validate_tinydb_shape(data, self.path)
        self._sig = sig
        return self._cache

    # -- writing -----------------------------------------------------------------
    def write(self, data: dict[str, Any]) -> None:
        self._cache = data
        if self._deferred:
            self._dirty = True
            return
        self._flush(data)

    def _flush(self, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            atomic_write_bytes(self.path, payload)
        except BaseException:
            self.invalidate()
            raise
        try:
            self._sig = _signature(os.stat(self.path))
        except OSError:
            self.invalidate()

    def defer(self) -> None:
        """Hold writes in memory until :meth:`commit` (one file write for a batch)."""
        self.read()
        self._deferred = True
        self._dirty = False

    def commit(self) -> None:
        self._deferred = False
        if self._dirty and self._cache is not None:
            self._dirty = False
            self._flush(self._cache)

    def rollback(self) -> None:
        self._deferred = False
        self._dirty = False
        self.invalidate()

    def invalidate(self) -> None:
        """Forget the cached content so the next read parses the file again."""
        self._cache, self._sig = None, None

    def close(self) -> None:
        self.invalidate()
