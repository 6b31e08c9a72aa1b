"""``reader check``: suspected errors and entities in files or stored articles, no UI.

A PATH that names an existing file is read from disk (no library is opened or created for
it); otherwise it names a stored article the way every command does (a row number of
``reader list``, else an id or unique id prefix), in a library that must already exist.
When a library is used (for ids, or named with ``--db``), its personal dictionary
silences findings. Files are analysed together, so name variants are found across them.
A stored article reports its open findings as the reading view shows them
(:class:`reader.session.ArticleSession`): over its corrected text, without what the person
ignored or added to the dictionary, with the entities as the person labelled them; line
and column are those of the corrected text.
Exit status: 0 no findings, 1 findings, 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import FINDING_KINDS, ID_HELP, command, db_path, warn
from reader.errors import InputError, ReaderError
from reader.termsafe import json_text, safe_stream


def register(sub: argparse._SubParsersAction) -> None:
    with command(
        sub, "check", cmd_check,
        help="report suspected errors and names in files or stored articles",
        description=(
            "Analyse files (or stored articles by id) and print suspected errors. "
            "Exit status: 0 none found, 1 findings, 2 bad usage or unreadable input."
        ),
    ) as p:
        p.add_argument("paths", nargs="+", metavar="PATH", help="a text file, or an article: " + ID_HELP)
        p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        p.add_argument(
            "--kinds",
            metavar="KIND,...",
            help=f"only report these finding kinds (comma-separated: {', '.join(FINDING_KINDS)})",
        )
        p.add_argument(
            "--min-confidence",
            metavar="X",
            type=_confidence,
            help="only report findings whose confidence is at least X (0-1), or one of "
                 "strict, balanced, thorough (default: balanced)",
        )


def _confidence(raw: str) -> float:
    """A threshold: a number from 0 to 1, or a named sensitivity level."""
    from reader.analysis.confidence import levels

    named = levels()
    if raw.strip().lower() in named:
        return named[raw.strip().lower()]
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{raw!r} is not a number from 0 to 1 nor one of {', '.join(named)}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{raw!r} is not between 0 and 1")
    return value


def _parse_kinds(raw: str | None) -> frozenset[str] | None:
    if not raw:
        return None
    kinds = frozenset(k.strip() for k in raw.split(",") if k.strip())
    unknown = sorted(kinds - set(FINDING_KINDS))
    if unknown:
        raise ReaderError(f"unknown finding kind {unknown[0]!r} (known: {', '.join(FINDING_KINDS)})")
    return kinds


def _load_inputs(args: argparse.Namespace):
    """(display path, title, text, article id or None) for every PATH, in order, and the
    library if one was opened (for article ids, or because ``--db`` was given)."""
    from reader.textio import read_text_file, title_of

    inputs = []
    lib = None
    if getattr(args, "db", None) and db_path(args).exists():
        lib = _open_existing_library(args, args.db)
    for raw in args.paths:
        path = Path(raw)
        if path.exists() or "/" in raw or "\\" in raw or "." in Path(raw).name:
            decoded = read_text_file(path)
            if decoded.warning:
                warn(decoded.warning)
            inputs.append((raw, title_of(decoded.text, path.stem), decoded.text, None))
            continue
        if lib is None:
            lib = _open_existing_library(args, raw)
        article_id = lib.resolve_id(raw)
        inputs.append((raw, lib.get_info(article_id).title, "", article_id))
    return inputs, lib


def _open_existing_library(args: argparse.Namespace, ref: str):
    from reader.store import Library

    path = db_path(args)
    if not path.exists():
        raise InputError(f"{ref}: no such file, and no library at {path} to look it up in")
    return Library.open(path, create=False)


def _context(lib, kinds, min_confidence=None):
    """The personal dictionary silences findings when a library is in use."""
    from reader.analysis import AnalysisContext

    words = frozenset(lib.words()) if lib is not None else frozenset()
    return AnalysisContext(dictionary=words, kinds=kinds, min_confidence=min_confidence)


def cmd_check(args: argparse.Namespace) -> int:
    from reader.analysis.streaming import StreamedAnalysis

    kinds = _parse_kinds(args.kinds)
    inputs, lib = _load_inputs(args)
    try:
        context = _context(lib, kinds, args.min_confidence)
        stored = _stored_articles(lib, [aid for *_, aid in inputs if aid], kinds, args.min_confidence)
    finally:
        if lib is not None:
            lib.close()
    texts: list[str] = []  # the files', analysed together
    sources: list[tuple[str, object]] = []  # per input: ("file", stream index) or ("stored", results)
    shown = []
    for path, title, text, aid in inputs:
        if aid is None:
            sources.append(("file", len(texts)))
            texts.append(text)
        else:
            text, findings, entities = stored[aid]
            sources.append(("stored", (findings, entities)))
        shown.append((path, title, text))
    out = safe_stream(sys.stdout)
    with _progress(sum(map(len, texts))) as progress, \
            StreamedAnalysis(texts, context, parallel=True, progress=progress) as run:
        write = _write_json if args.format == "json" else _write_text
        total = write(out, shown, _Results(run, sources))
    out.flush()
    return 1 if total else 0


def _stored_articles(lib, article_ids, kinds, min_confidence=None) -> dict:
    """Article id -> (corrected text, open findings, effective entities), each from an
    ArticleSession (one library memory shared by all): what the reading view shows, at
    the library's sensitivity; ``--min-confidence`` can only make it stricter."""
    from reader.review import LibraryMemory
    from reader.session import ArticleSession

    out: dict = {}
    if lib is None or not article_ids:
        return out
    memory = LibraryMemory(lib)
    for aid in dict.fromkeys(article_ids):
        session = ArticleSession.open(lib, aid, memory=memory)
        findings = [f for f in session.findings if (kinds is None or f.kind in kinds)
                    and (min_confidence is None or f.confidence >= min_confidence)]
        out[aid] = (session.corrected_text, findings, session.entities)
    return out


class _Results:
    """The findings and entities of input ``t``, in batches: streamed for files, the
    session's for stored articles."""

    def __init__(self, run, sources) -> None:
        self.run, self.sources = run, sources

    def findings(self, t: int):
        where, value = self.sources[t]
        return self.run.findings(value) if where == "file" else iter([value[0]])

    def entities(self, t: int):
        where, value = self.sources[t]
        return self.run.entities(value) if where == "file" else iter([value[1]])


def _write_json(out, inputs, run) -> int:
    """The JSON document, written piece by piece as the findings arrive; byte for byte
    what ``json.dumps`` of the whole document would give. Returns the finding count.

    A stored article's entities are the ones its reader sees: an entity a person
    relabelled or removed (``reader label``, ``l`` in the app) stays as they said."""
    total = 0
    out.write('{"articles": [')
    for t, (path, title, _) in enumerate(inputs):
        out.write(", " if t else "")
        out.write(f'{{"path": {_dumps(path)}, "title": {_dumps(title)}, "findings": [')
        total += _write_items(out, run.findings(t))
        out.write('], "entities": [')
        _write_items(out, run.entities(t))
        out.write("]}")
    out.write("]}\n")
    return total


def _write_items(out, batches) -> int:
    """Write the JSON objects of every batch, comma-separated; returns how many."""
    count = 0
    for batch in batches:
        if not batch:
            continue
        if count:
            out.write(", ")
        out.write(_dumps([item.to_json() for item in batch])[1:-1])
        count += len(batch)
    return count


def _dumps(value) -> str:
    return json_text(value)


def _write_text(out, inputs, run) -> int:
    """One ``path:line:col: kind: text -> fix`` line per finding, as they arrive."""
    total = 0
    for t, (path, _, text) in enumerate(inputs):
        line, counted_to = 1, 0
        for batch in run.findings(t):
            lines = []
            for f in batch:
                line += text.count("\n", counted_to, f.start)
                counted_to = f.start
                col = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
                fix = f.suggestions[0] if f.suggestions else "?"
                lines.append(f"{path}:{line}:{col}: {f.kind}: {_one_line(f.text)} -> {_one_line(fix)}\n")
            out.write("".join(lines))
            total += len(batch)
    return total


#: Inputs at least this long (characters, all together) show a progress bar.
PROGRESS_MIN_CHARS = 2_000_000


class _progress:
    """A rich progress bar on stderr for long inputs, only when stderr is a terminal
    (never on stdout, which may be the JSON document). Used as a context manager that
    gives the ``progress(stage, chars)`` callback, or ``None`` when there is no bar."""

    STAGES = {"names": "finding names", "checks": "checking"}

    def __init__(self, total_chars: int) -> None:
        self.total = 2 * total_chars  # the names pass, then the checks
        self.bar = None
        self.task = None
        if total_chars >= PROGRESS_MIN_CHARS and _stderr_is_terminal():
            from reader.termsafe import console
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, \
                TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description:<14}"), BarColumn(),
                                TaskProgressColumn(), TimeRemainingColumn(),
                                console=console(stderr=True), transient=True)

    def __enter__(self):
        return None if self.bar is None else self.advance

    def advance(self, stage: str, chars: int) -> None:
        if self.task is None:
            # Started on the first report, which comes after the analysis has forked its
            # worker: the bar's refresh thread never exists in a forked process.
            self.bar.start()
            self.task = self.bar.add_task(self.STAGES["names"], total=self.total)
        self.bar.update(self.task, advance=chars, description=self.STAGES.get(stage, stage))

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _one_line(s: str) -> str:
    """Findings never span lines in practice; make sure a terminal line stays one line."""
    return s.replace("\n", "⏎").replace("\t", " ")
