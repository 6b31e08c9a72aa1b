"""Run the chunk checks in two processes for very long inputs (the CLI's big files).

The machine's second core is otherwise idle while one process tokenises and judges a
million words. The checks are pure functions of the text, so a forked child (which
inherits the loaded lexicon and index copy-on-write) takes chunks from the front of the
list while the parent first finds entities and then takes chunks from the back; a shared
pair of counters under a lock hands out each chunk exactly once, so the two finish
together however long the entity pass takes. The child sends its findings back through a
pipe. The result is identical to a sequential run; without ``os.fork`` (or when asked
not to) everything runs in this process.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
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
