"""Runs the analyzer for the app: context from the library, a cache per text, and chunked
analysis of long texts so the reading view can show progress and fill highlights in.

No textual here: the screens call :meth:`AnalysisService.run` from a worker thread.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from dataclasses import dataclass

from reader.analysis import AnalysisContext
from reader.review import sensitivity_threshold
from reader.model import Analysis, Entity, Finding

Analyzer = Callable[[str, AnalysisContext | None], Analysis]

#: Texts longer than this are analysed in paragraph-aligned chunks of about this size,
#: so progress can be shown; cross-chunk checks (repetition across a chunk boundary,
#: in-article name variants) then only see one chunk at a time.
CHUNK_CHARS = 200_000


def chunks(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` pieces of ``text``, each ending at a paragraph break if possible."""
    size = size or CHUNK_CHARS
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind("\n", start + size // 2, end)
            if cut > start:
                end = cut + 1
        out.append((start, end))
        start = end
    return out


def shift(analysis: Analysis, by: int) -> Analysis:
    if not by:
        return analysis
    return Analysis(
        tuple(Finding(f.start + by, f.end + by, f.text, f.kind, f.message, f.suggestions, f.confidence)
              for f in analysis.findings),
        tuple(Entity(e.start + by, e.end + by, e.text, e.label, e.canonical) for e in analysis.entities),
    )


def analyze_in_child(text: str, context: AnalysisContext) -> Analysis:
    """Runs in the analysis process (imports reader.analysis there, never textual)."""
    from reader.analysis import analyze

    return analyze(text, context)


class AnalyzerClosed(Exception):
    """The analyzer was closed (the app is quitting): calls fail at once, none waits."""


#: How often (seconds) a call waiting for the analysis process checks for :meth:`close`.
POLL_S = 0.1


class ProcessAnalyzer:
    """The default analyzer, run in one spawned worker process.

    Why a process: loading the word lists and some analysis steps are long C calls that
    hold the GIL (a 0.4 s stall measured on the first call), which would freeze the UI if
    the analysis ran in a thread. A process keeps the screen live; it is started on first
    use and terminated when the app closes.

    Why :meth:`close` is final: a thread still waiting on a terminated pool never wakes,
    and the interpreter joins such threads at exit, so quitting would hang. Waiting calls
    therefore poll for close and raise :class:`AnalyzerClosed`, and no call after close
    starts a new process.
    """

    def __init__(self) -> None:
        self._pool = None
        self._lock = threading.Lock()
        self._closed = threading.Event()

    @property
    def running(self) -> bool:
        """Whether the analysis process is up."""
        return self._pool is not None

    def start(self) -> None:
        """Start the process. Call before the app runs: once Textual has replaced
        ``sys.stderr``, starting a process fails (its ``fileno()`` is not a real fd)."""
        with self._lock:
            if self._closed.is_set():
                raise AnalyzerClosed("the analyzer was closed")
            if self._pool is None:
                self._pool = multiprocessing.get_context("spawn").Pool(1)

    def __call__(self, text: str, context: AnalysisContext | None = None) -> Analysis:
        self.start()
        with self._lock:
            pool = self._pool
        try:
            if pool is None:
                raise ValueError("closed")
            pending = pool.apply_async(analyze_in_child, (text, context or AnalysisContext()))
        except ValueError:  # the pool was closed between start() and here
            raise AnalyzerClosed("the analyzer was closed") from None
        while True:
            try:
                return pending.get(timeout=POLL_S)
            except multiprocessing.TimeoutError:
                if self._closed.is_set():
                    raise AnalyzerClosed("the analyzer was closed") from None

    def close(self) -> None:
        """Stop the process for good; calls waiting on it raise :class:`AnalyzerClosed`."""
        self._closed.set()
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    partial: Analysis


class AnalysisService:
    """Analyses article texts with the analyzer given to the app, caching by text hash."""

    def __init__(self, library, analyzer: Analyzer | None = None) -> None:
        self.library = library
        self._analyzer = analyzer
        self._cache: dict[str, Analysis] = {}
        self._lock = threading.Lock()
        self._closed = False

    @property
    def analyzer(self) -> Analyzer:
        """The injected analyzer (run in the calling thread), else
        :func:`reader.analysis.analyze` in a worker process (:class:`ProcessAnalyzer`)."""
        if self._analyzer is None:
            self._analyzer = ProcessAnalyzer()
            if self._closed:  # closed before first use: never start a process now
                self._analyzer.close()
        return self._analyzer

    def start(self) -> None:
        """Start the analysis process now (the default analyzer only)."""
        if isinstance(self.analyzer, ProcessAnalyzer):
            self.analyzer.start()

    def close(self) -> None:
        """Stop the analysis process, if one was started; later runs raise
        :class:`AnalyzerClosed` instead of starting another."""
        self._closed = True
        if isinstance(self._analyzer, ProcessAnalyzer):
            self._analyzer.close()
        with self._lock:
            self._cache.clear()

    def cached(self, key: str) -> Analysis | None:
        """The cached analysis under ``key`` (``"sha256:min_confidence"``)."""
        with self._lock:
            return self._cache.get(key)

    def context(self, article_id: str | None) -> AnalysisContext:
        words = frozenset(self.library.words())
        ignored: frozenset[str] = frozenset()
        if article_id:
            ignored = frozenset(i.text for i in self.library.ignores(article_id) if i.start is None)
        return AnalysisContext(dictionary=words, ignored=ignored,
                               min_confidence=sensitivity_threshold(self.library))

    def run(
        self,
        text: str,
        sha256: str,
        context: AnalysisContext,
        on_progress: Callable[[Progress], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Analysis | None:
        """Analyse ``text`` (chunked when long); ``None`` if cancelled part way."""
        if self._closed:
            raise AnalyzerClosed("the analyzer was closed")
        key = f"{sha256}:{context.min_confidence}"  # one cache entry per sensitivity
        found = self.cached(key)
        if found is not None:
            return found
        pieces = chunks(text)
        findings: list[Finding] = []
        entities: list[Entity] = []
        for i, (start, end) in enumerate(pieces):
            if cancelled() or self._closed:
                return None
            part = shift(self.analyzer(text[start:end], context), start)
            findings.extend(part.findings)
            entities.extend(part.entities)
            if on_progress is not None and len(pieces) > 1:
                on_progress(Progress(i + 1, len(pieces), part))
        result = Analysis(
            tuple(sorted(findings, key=lambda f: (f.start, f.end))),
            tuple(sorted(entities, key=lambda e: (e.start, e.end))),
        )
        with self._lock:
            self._cache[key] = result
        return result

