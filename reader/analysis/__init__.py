"""Analysis: ``(text, lexicon, library context) -> findings + entities``.

A pure function (docs/ARCHITECTURE.md, Principles 2): no I/O beyond loading packaged word lists once
(and their optional cache), no UI, deterministic. The reading view and ``reader check``
both call :func:`analyze`; :func:`analyze_many` analyses several texts together so that
name variants are found across them.

Each finding kind has its own module in :mod:`reader.analysis.checks`; they run on
paragraph-aligned chunks and need nothing but the text, so for a very long input the CLI
may run half of the chunks in a forked worker while this process finds entities and
variants (:mod:`reader.analysis.parallel`). The results are then combined: findings on
names are left to the name checks, and a span gets one finding, the most specific kind
winning (:data:`PRIORITY`). For ``reader check`` on long inputs,
:mod:`reader.analysis.streaming` gives the same results chunk by chunk, so memory follows a
chunk rather than the whole input.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from reader import kinds
from reader.model import Analysis, Entity, Finding


@dataclass(frozen=True)
class AnalysisContext:
    """What the analysis may know beyond the text itself.

    ``dictionary``: the personal dictionary (never flagged). ``ignored``: words accepted for
    this article. ``known_names``: entity spellings from other articles checked together or
    stored in the library (for cross-article variant findings). ``preferred``: remembered
    corrections, word -> fix, offered as the first suggestion. ``kinds``: when set, only
    these finding kinds are reported. ``min_confidence``: findings the confidence model
    scores below this are dropped; ``None`` means the balanced default
    (the shipped model's ``balanced`` level), 0 keeps every candidate.
    """

    dictionary: frozenset[str] = frozenset()
    ignored: frozenset[str] = frozenset()
    known_names: tuple[str, ...] = ()
    preferred: dict[str, str] = field(default_factory=dict)
    kinds: frozenset[str] | None = None
    story_names: dict[str, str] = field(default_factory=dict)
    min_confidence: float | None = None


#: When findings of different kinds overlap, the earlier kind here wins (from the kinds
#: registry, :mod:`reader.kinds`).
PRIORITY = kinds.PRIORITY
#: Entity labels whose capitalised words belong to the name checks, not to spelling.
NAME_LABELS = frozenset(("PERSON", "ORG", "PLACE"))
#: Texts longer than this (characters, all inputs together) may use a second process.
PARALLEL_MIN_CHARS = 1_500_000


def analyze(text: str, context: AnalysisContext | None = None) -> Analysis:
    """Find suspected errors and named entities in ``text``."""
    return analyze_many([text], context)[0]


def analyze_many(
    texts: Sequence[str], context: AnalysisContext | None = None, *, parallel: bool = False
) -> list[Analysis]:
    """Analyse several texts; name variants are looked for across all of them.

    ``parallel`` lets a long input be split with a forked worker process (only for
    single-threaded callers such as the CLI; the result is identical either way).
    """
    from reader.analysis.entities import find_entities
    from reader.analysis.parallel import run_split
    from reader.analysis.variants import find_variants

    ctx = context or AnalysisContext()
    texts = list(texts)
    lexicon, suggester, silenced = tools(ctx)

    def checks(jobs, shared):
        return check_chunks(texts, jobs, lexicon, suggester, silenced, shared)

    def names():
        entities = [sorted(find_entities(t, lexicon), key=lambda e: (e.start, e.end)) for t in texts]
        variants = find_variants(list(zip(texts, entities)), lexicon, known_names=ctx.known_names)
        if ctx.story_names:
            from reader.stories.checks import story_variants

            variants = [story_variants(t, v, ctx.story_names) for t, v in zip(texts, variants)]
        return entities, variants

    jobs = chunk_jobs(texts)
    use_fork = parallel and sum(map(len, texts)) >= PARALLEL_MIN_CHARS
    per_text, (entities, variants) = run_split(checks, names, jobs, use_fork)

    out = []
    for t, text in enumerate(texts):
        found = combine(text, per_text.get(t, []), entities[t], variants[t], silenced, ctx.kinds,
                        ctx.min_confidence)
        out.append(Analysis(findings=tuple(found), entities=tuple(entities[t])))
    return out


def combine(text: str, found: list[Finding], entities: Sequence[Entity],
            variants: Sequence[Finding], silenced: frozenset[str], kinds,
            min_confidence: float | None = None) -> list[Finding]:
    """The final findings of ``text`` (or of a stretch of it: :mod:`reader.analysis.streaming`
    passes one chunk's findings, entities and variants at a time): check findings on names
    dropped, variant findings added, each scored by the confidence model and those below
    ``min_confidence`` dropped, overlaps resolved, sorted."""
    from reader.analysis.confidence import levels, model, score_findings

    found.extend(f for f in variants if text[f.start:f.end] == f.text)
    found = score_findings(text, found, entities)
    found = _drop_on_names(found, entities, scored=model()["weights"] is not None)
    floor = levels()["balanced"] if min_confidence is None else min_confidence
    if floor > 0:
        found = [f for f in found if f.confidence >= floor]
    return _resolve(found, silenced, kinds)


def tools(ctx: AnalysisContext):
    """``(lexicon, suggester, silenced words)`` for an analysis under ``ctx``."""
    from reader.analysis.lexicon import get_lexicon
    from reader.analysis.suggest import Suggester

    lexicon = get_lexicon()
    suggester = Suggester(lexicon, known_names=ctx.known_names, preferred=ctx.preferred)
    silenced = frozenset(w.casefold().replace("’", "'") for w in (*ctx.dictionary, *ctx.ignored))
    return lexicon, suggester, silenced


def chunk_jobs(texts: Sequence[str]) -> list[tuple[int, int, int]]:
    """(text index, start, end) of every chunk of every text."""
    from reader.analysis.doc import chunk_bounds

    return [(t, start, end) for t, text in enumerate(texts) for start, end in chunk_bounds(text)]


def check_chunks(
    texts, jobs, lexicon, suggester, silenced, shared=None
) -> dict[int, list[Finding]]:
    """Run every check on the given chunks: text index -> findings (whole-text offsets)."""
    from reader.analysis.doc import Doc

    shared = {} if shared is None else shared  # per-form caches, reused across chunks
    out: dict[int, list[Finding]] = {}
    for t, start, end in jobs:
        doc = Doc.make(texts[t][start:end], lexicon, suggester, [], silenced,
                       base=start, shared=shared)
        suggester.note_words(doc.unique)  # the article's own names and words
        out.setdefault(t, []).extend(run_checks(doc))
    return out


def run_checks(doc) -> list[Finding]:
    """Every check's findings on one chunk: each module ``X`` of
    :mod:`reader.analysis.checks` that defines ``find_X(doc)`` is a check, so a new
    finding kind needs no list here (docs/ARCHITECTURE.md)."""
    findings: list[Finding] = []
    for check in check_functions():
        findings.extend(check(doc))
    return findings


@cache
def check_functions() -> tuple[Callable[..., list[Finding]], ...]:
    """The ``find_X`` function of every module ``X`` in :mod:`reader.analysis.checks`,
    by module name."""
    import importlib
    import pkgutil

    import reader.analysis.checks as package

    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        check = getattr(module, f"find_{info.name}", None)
        if callable(check):
            found.append(check)
    return tuple(found)


def _drop_on_names(findings: list[Finding], entities: Sequence[Entity],
                   scored: bool = False) -> list[Finding]:
    """Capitalised words inside a name are the variant check's business, and words of a
    name are not foreign text ("Palais des Nations"). Capitalised word findings that
    arrive already scored (the confidence model weighs entity membership itself) stay."""
    if not entities:
        return list(findings)
    import bisect

    starts = [e.start for e in entities]
    kept = []
    for f in findings:
        if f.kind in ("misspelling", "ocr", "foreign"):
            i = bisect.bisect_right(starts, f.start) - 1
            ent = next(
                (entities[j] for j in (i, i + 1)
                 if 0 <= j < len(entities) and entities[j].start < f.end and f.start < entities[j].end),
                None,
            )
            if ent is not None and (
                f.kind == "foreign" or (ent.label in NAME_LABELS and f.text[:1].isupper()
                                        and not scored)
            ):
                continue
        kept.append(f)
    return kept


def _resolve(findings: list[Finding], silenced: frozenset[str], kinds) -> list[Finding]:
    """One finding per span: sorted, deduplicated, non-overlapping, higher priority first."""
    import bisect

    rank = {k: i for i, k in enumerate(PRIORITY)}
    ordered = sorted(
        findings, key=lambda f: (rank.get(f.kind, len(PRIORITY)), f.start, -(f.end - f.start))
    )
    kept: list[Finding] = []
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping spans already kept
    for f in ordered:
        if f.end <= f.start:
            continue
        if silenced and f.text.casefold().replace("’", "'") in silenced:
            continue
        if kinds is not None and f.kind not in kinds:
            continue
        j = bisect.bisect_left(taken, (f.start, f.start))
        if (j < len(taken) and taken[j][0] < f.end) or (j > 0 and taken[j - 1][1] > f.start):
            continue
        taken.insert(j, (f.start, f.end))
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end, f.kind))
    return kept


__all__ = ["Analysis", "AnalysisContext", "Entity", "Finding", "analyze", "analyze_many"]
