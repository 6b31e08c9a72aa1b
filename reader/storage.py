"""A crash-safe TinyDB storage: atomic replace on write, cheap re-reads, deferred writes.

TinyDB's own ``JSONStorage`` rewrites the file in place, so a crash mid-write tears it. This
storage writes a temporary file in the same folder, flushes and fsyncs it, then
``os.replace``-s it over the old one and fsyncs the folder: after a ``kill -9`` at any
moment the file holds either the old or the new data, and a write that returned is on disk.

Reads are cached by the file's stat signature (inode, size, mtime, ctime), so an unchanged
file is not re-parsed while a file replaced by another process is. An inode number can be
reused once its file is gone, so on POSIX the storage keeps the file it cached open (a
"pin"): while the pin is held no other file can get that inode, and an equal signature
really means the same file. Only :mod:`reader.store` uses this module.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from pathlib import Path
from collections.abc import Callable
from typing import Any

from tinydb.storages import Storage

from reader import boundedjson
from reader.errors import CorruptLibraryError, StoreError

#: Holding a file open blocks ``os.replace`` over it on Windows, so pin only on POSIX.
_PIN_FILES = os.name == "posix"

Signature = tuple[int, int, int, int]


def _signature(st: os.stat_result) -> Signature:
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


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is exceeded"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return exc.strerror or str(exc)


def follow_link(path: Path) -> Path:
    """The file a symlinked ``path`` points to (so a write replaces the target and keeps
    the link); ``path`` itself when it is no link. A loop or a link into a missing folder
    is a :class:`StoreError`."""
    if not os.path.islink(path):
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        target = Path(os.path.realpath(path))
        if target.parent.is_dir():
            return target  # a dangling link to a file not yet written: write it there
        raise StoreError(f"cannot write {path}: it is a link to a missing folder") from None
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {_reason(exc)} (a symlink loop?)") from None


def open_regular(path: Path) -> int:
    """A read descriptor of ``path`` if it is a regular file (never blocks on a FIFO).

    :class:`FileNotFoundError` when absent; :class:`CorruptLibraryError` for a FIFO,
    device, socket or folder; other :class:`OSError` (a symlink loop) propagates.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "a pipe (FIFO)" if stat.S_ISFIFO(mode) else "a device or socket"
            raise CorruptLibraryError(f"{path} is damaged: it is {kind}, not a regular file")
    except BaseException:
        os.close(fd)
        raise
    return fd


def _read_error(path: Path, exc: OSError) -> StoreError:
    if exc.errno == errno.ELOOP:
        return CorruptLibraryError(f"{path} is damaged: it is a symlink loop")
    return StoreError(f"cannot read {path}: {_reason(exc)}")


def write_atomic_fd(path: Path, data: bytes) -> int:
    """Write ``data`` to ``path`` atomically and durably; return an open read fd of it.

    The caller owns (and must close) the returned descriptor. Nothing half-written is ever
    left at ``path``; the temporary file is removed on error, which is reported as a
    one-line :class:`StoreError` (disk full, read-only, permission denied...). A symlink
    at ``path`` is followed: its target is replaced, the link stays.
    """
    path = follow_link(path)
    folder = path.parent
    try:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except FileNotFoundError:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {_reason(exc)}") from exc
    try:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        os.fsync(fd)
        os.replace(tmp, path)
    except BaseException as exc:
        os.close(fd)
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise StoreError(f"cannot write {path}: {_reason(exc)}") from exc
        raise
    fsync_dir(folder)
    return fd


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and durably; raise :class:`StoreError` on failure."""
    os.close(write_atomic_fd(path, data))


def validate_tinydb_shape(data: Any, path: Path, required: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """Check that parsed JSON is a TinyDB document: ``{table: {doc_id: {...}}}``, holding
    at least one of the ``required`` tables when given (``{}`` is damage, not "empty")."""
    if required and isinstance(data, dict) and not any(name in data for name in required):
        raise CorruptLibraryError(
            f"{path} is damaged: it holds none of the tables {', '.join(required)} (an empty object is no record file)"
        )
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


def _read_fd(fd: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def parse_tinydb_bytes(raw: bytes, path: Path, required: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """Parse and validate a TinyDB file's bytes; :class:`CorruptLibraryError` if damaged."""
    if not raw.strip():
        raise CorruptLibraryError(f"{path} is damaged: the file is empty")
    try:
        data = boundedjson.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CorruptLibraryError(f"{path} is damaged: not valid JSON ({exc})") from None
    return validate_tinydb_shape(data, path, required)


def encode_tinydb(data: dict[str, Any]) -> bytes:
    """Compact JSON; ASCII-escaped so any string (even a lone surrogate) round-trips."""
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"), check_circular=False).encode("ascii")


def _encode_value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"), check_circular=False)


class _RecordEncoder:
    """Encodes a TinyDB document, re-using the JSON of records that did not change.

    A save into a shard of n records changes one of them; re-encoding all n costs O(n)
    in the C encoder. This keeps each record's JSON keyed by the record object's identity
    (holding the object, so the identity cannot be reused) and encodes only new objects.
    Valid only where records are replaced, never mutated in place: the store's shard
    writes (``_upsert_by_id``) guarantee that. The bytes equal :func:`encode_tinydb`'s.
    """

    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, str]] = {}

    def encode(self, data: dict[str, Any]) -> bytes:
        known, fresh = self._known, {}
        tables = []
        for name, table in data.items():
            items = []
            for key, doc in table.items():
                hit = known.get(id(doc))
                if hit is None or hit[0] is not doc:
                    hit = (doc, _encode_value(doc))
                fresh[id(doc)] = hit
                key = str(key)
                items.append(f'"{key}":{hit[1]}' if key.isdigit() else f"{_encode_value(key)}:{hit[1]}")
            tables.append(f"{_encode_value(name)}:{{{','.join(items)}}}")
        self._known = fresh
        return ("{" + ",".join(tables) + "}").encode("ascii")

    def forget(self) -> None:
        self._known = {}


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, durable writes and stat-validated read caching.

    ``defer()``/``commit()`` batch several TinyDB operations into one file write; the
    caller (the store) holds the library lock around such a batch, and ``defer`` re-reads
    the file if another process replaced it, so the batch starts from the newest data.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        create: bool = True,
        *,
        hint: str = "",
        records_replaced_not_mutated: bool = False,
        required: tuple[str, ...] = (),
        validator: Callable[[dict[str, Any]], list[str]] | None = None,
    ) -> None:
        self.path = Path(path)
        #: Checks every record once per parse of the file (not per lookup); its first
        #: problem makes the file damaged (reader.schema).
        self.validator = validator
        self.required = required  # tables of which the file must hold one (see validate_tinydb_shape)
        # Only for files whose records are always replaced by new objects (see _RecordEncoder).
        self._encoder = _RecordEncoder() if records_replaced_not_mutated else None
        self.hint = hint  # appended to messages about a damaged file (what to do about it)
        self._cache: dict[str, Any] | None = None
        self._sig: Signature | None = None
        self._pin: int | None = None
        self._deferred = False
        self._dirty = False
        self.reads = 0  # files parsed (for tests and benchmarks)
        self.writes = 0  # files written

    # -- reading -----------------------------------------------------------------
    def read(self) -> dict[str, Any] | None:
        """The parsed file (``None`` if absent); :class:`CorruptLibraryError` if damaged."""
        if self._deferred and self._cache is not None:
            return self._cache
        try:
            return self._read()
        except CorruptLibraryError as exc:
            if self.hint and self.hint not in exc.message:
                raise CorruptLibraryError(f"{exc.message}; {self.hint}") from None
            raise

    def _read(self) -> dict[str, Any] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self.invalidate()
            return None
        except OSError as exc:
            raise _read_error(self.path, exc) from None
        if stat.S_ISDIR(st.st_mode):
            raise CorruptLibraryError(f"{self.path} is a folder, not a library file")
        if self._cache is not None and _signature(st) == self._sig:
            return self._cache
        try:
            fd = open_regular(self.path)
        except FileNotFoundError:
            self.invalidate()
            return None
        except OSError as exc:
            raise _read_error(self.path, exc) from None
        try:
            sig = _signature(os.fstat(fd))  # the signature of exactly the file we read
            raw = _read_fd(fd)
            data = parse_tinydb_bytes(raw, self.path, self.required)
            problems = self.validator(data) if self.validator else ()
            if problems:
                raise CorruptLibraryError(f"{self.path} is damaged: {problems[0]}")
        except OSError as exc:
            os.close(fd)
            raise StoreError(f"cannot read {self.path}: {_reason(exc)}") from exc
        except BaseException:
            os.close(fd)
            raise
        self.reads += 1
        self._remember(data, sig, fd)
        return self._cache

    def _remember(self, data: dict[str, Any], sig: Signature, fd: int) -> None:
        self._release_pin()
        self._cache, self._sig = data, sig
        if _PIN_FILES:
            self._pin = fd
        else:
            os.close(fd)

    def _release_pin(self) -> None:
        if self._pin is not None:
            try:
                os.close(self._pin)
            except OSError:
                pass
            self._pin = None

    # -- writing -----------------------------------------------------------------
    def write(self, data: dict[str, Any]) -> None:
        self._cache = data
        if self._deferred:
            self._dirty = True
            return
        self._flush(data)

    def _flush(self, data: dict[str, Any]) -> None:
        try:
            payload = self._encoder.encode(data) if self._encoder else encode_tinydb(data)
            fd = write_atomic_fd(self.path, payload)
        except BaseException:
            self.invalidate()
            raise
        try:
            sig = _signature(os.fstat(fd))
        except OSError:
            os.close(fd)
            self.invalidate()
            return
        self.writes += 1
        self._remember(data, sig, fd)

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
        """Drop a batch: TinyDB edits the cached dict in place, so forget it entirely."""
        self._deferred = False
        self._dirty = False
        self.invalidate()

    def invalidate(self) -> None:
        """Forget the cached content so the next read parses the file again."""
        self._cache, self._sig = None, None
        self._release_pin()
        if self._encoder:
            self._encoder.forget()

    def close(self) -> None:
        self.invalidate()
