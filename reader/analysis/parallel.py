"""Run the chunk checks in two processes for very long inputs (the CLI's big files).

The machine's second core is otherwise idle while one process tokenises and judges a
million words. The checks are pure functions of the text, so a forked child (which
inherits the loaded lexicon and index copy-on-write) takes chunks from the front of the
list while the parent first finds entities and then takes chunks from the back; a shared
pair of counters under a lock hands out each chunk exactly once, so the two finish
together however long the entity pass takes. The child sends its findings back through a
pipe. The result is identical to a sequential run; without ``os.fork`` (or when asked
not to) everything runs in this process.

:class:`OrderedRuns` is the streaming variant for ``reader check``: the same two processes
share the chunks, but the results come back one chunk at a time, in order, so the caller
can write them out and forget them; the worker spools its results to an unlinked temporary
file (never a pipe that would stall it while this process is busy elsewhere).
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

from reader.model import Finding

#: ``checks(jobs, shared) -> {text index: findings}``; ``shared`` holds per-form caches.
Checks = Callable[[list, dict], dict]


def run_split(checks: Checks, names: Callable[[], Any], jobs: list,
              use_fork: bool) -> tuple[dict, Any]:
    """``(checks(jobs), names())``, with part of ``checks`` in a child when ``use_fork``."""
    if not use_fork or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or len(jobs) < 2:
        return checks(jobs, {}), names()
    from multiprocessing import Lock, RawArray

    lock = Lock()
    bounds = RawArray("i", [0, len(jobs)])  # next job from the front; end of the untaken

    def take(front: bool) -> int | None:
        with lock:
            if bounds[0] >= bounds[1]:
                return None
            if front:
                bounds[0] += 1
                return bounds[0] - 1
            bounds[1] -= 1
            return bounds[1]

    def work(front: bool) -> dict:
        shared: dict = {}
        out: dict = {}
        while (i := take(front)) is not None:
            for t, found in checks([jobs[i]], shared).items():
                out.setdefault(t, []).extend(found)
        return out

    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns into the caller's code
        status = 0
        try:
            os.close(rfd)
            result = {t: [_flat(f) for f in found] for t, found in work(True).items()}
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(wfd, "wb") as out:
                out.write(data)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(wfd)
    try:
        named = names()
        own = work(False)
        with os.fdopen(rfd, "rb") as inp:
            data = inp.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return checks(jobs, {}), named  # the worker failed: do it all here
    for t, found in pickle.loads(data).items():
        own.setdefault(t, []).extend(Finding(*f) for f in found)
    return own, named


def _flat(f: Finding) -> tuple:
    """A finding as a plain tuple: pickles several times faster than the dataclass."""
    return (f.start, f.end, f.text, f.kind, f.message, f.suggestions)


#: The parent holds at most this many finished chunks while waiting for the worker's.
MAX_AHEAD = 4
_HEADER = struct.Struct("<qq")  # job index, payload length


class OrderedRuns:
    """``compute(i, shared)`` for every ``i`` in ``range(n)``, yielded in order of ``i``.

    With ``use_fork`` a forked worker takes jobs as soon as :meth:`start` is called, so it
    works while the caller does something else (the entity pass); iterating then takes
    jobs in this process too. Jobs are handed out in increasing order from one shared
    counter, so each process's results are in order and only a few finished chunks are
    ever held here (:data:`MAX_AHEAD`). If the worker fails, the jobs it took are done
    here: the results never depend on who computed them. Use as a context manager (or
    call :meth:`close`) so the worker is stopped and reaped even on an error.
    """

    def __init__(self, n: int, compute: Callable[[int, dict], list[Finding]], use_fork: bool):
        self.n = n
        self.compute = compute
        self.use_fork = use_fork and hasattr(os, "fork") and (os.cpu_count() or 1) >= 2 and n >= 2
        self.pid = 0
        self._shared: dict = {}
        self._next = 0  # next job, when there is no worker
        self._counter = None  # the shared next job, once a worker was started
        self._notify = -1

    # -- worker ----------------------------------------------------------------------

    def start(self) -> OrderedRuns:
        if not self.use_fork or self.pid:
            return self
        from multiprocessing import Lock, RawValue

        try:
            spool = tempfile.TemporaryFile(prefix="reader-check-")
        except OSError:
            self.use_fork = False
            return self
        self._lock = Lock()
        self._counter = RawValue("q", 0)
        self._spool = spool
        self._read_at = 0
        self._ready = 0  # records announced and not yet read
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: never returns into the caller's code
            status = 0
            try:
                os.close(rfd)
                self._work(spool.fileno(), wfd)
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        os.close(wfd)
        self.pid, self._notify = pid, rfd
        return self

    def _take(self) -> int | None:
        if self._counter is None:
            if self._next >= self.n:
                return None
            self._next += 1
            return self._next - 1
        with self._lock:
            i = self._counter.value
            if i >= self.n:
                return None
            self._counter.value = i + 1
            return i

    def _work(self, fd: int, notify: int) -> None:
        shared: dict = {}
        while (i := self._take()) is not None:
            found = [_flat(f) for f in self.compute(i, shared)]
            data = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
            record = memoryview(_HEADER.pack(i, len(data)) + data)
            while record:
                record = record[os.write(fd, record):]
            os.write(notify, b"\x01")

    def _worker_record(self, block: bool) -> tuple[int, list[Finding]] | None:
        """The worker's next result, if one is ready (or, with ``block``, once it is);
        ``None`` when there is none now or the worker has gone."""
        if not self.pid or self._notify < 0:
            return None
        while not self._ready:
            if not block and not select.select([self._notify], [], [], 0)[0]:
                return None
            got = os.read(self._notify, 4096)
            if not got:  # the worker exited and everything it announced has been read
                self._reap()
                return None
            self._ready += len(got)
        self._ready -= 1
        fd = self._spool.fileno()
        i, size = _HEADER.unpack(os.pread(fd, _HEADER.size, self._read_at))
        data = os.pread(fd, size, self._read_at + _HEADER.size)
        self._read_at += _HEADER.size + size
        return i, [Finding(*f) for f in pickle.loads(data)]

    # -- results in order ------------------------------------------------------------

    def __iter__(self) -> Iterator[tuple[int, list[Finding]]]:
        mine: dict[int, list[Finding]] = {}
        theirs: tuple[int, list[Finding]] | None = None
        emit = 0
        while emit < self.n:
            if emit in mine:
                yield emit, mine.pop(emit)
                emit += 1
                continue
            if theirs is None:
                theirs = self._worker_record(block=False)
            if theirs is not None and theirs[0] <= emit:
                if theirs[0] == emit:
                    yield theirs
                    emit += 1
                theirs = None
                continue
            if len(mine) < MAX_AHEAD and (i := self._take()) is not None:
                mine[i] = self.compute(i, self._shared)
                continue
            if theirs is None and self.pid and self._notify >= 0:
                theirs = self._worker_record(block=True)  # the worker is on job ``emit``
                continue
            mine[emit] = self.compute(emit, self._shared)  # the worker failed: do it here

    # -- shutdown --------------------------------------------------------------------

    def _reap(self) -> None:
        if self._notify >= 0:
            os.close(self._notify)
            self._notify = -1
        if self.pid:
            os.waitpid(self.pid, 0)
            self.pid = 0
            self._spool.close()

    def close(self) -> None:
        """Stop the worker after its current job, reap it and drop its spool."""
        if self.pid:
            with self._lock:
                self._counter.value = self.n
            self._reap()

    def __enter__(self) -> OrderedRuns:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()
