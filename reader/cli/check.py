"""``reader check``: suspected errors and entities in files or stored articles, no UI.

A PATH that names an existing file is read from disk (no library is opened or created for
it); otherwise it is taken as an article id or id prefix in the library, which must already
exist. When a library is used (for ids, or named with ``--db``), its personal dictionary
silences findings. All inputs are analysed together, so name variants are found across them.
Exit status: 0 no findings, 1 findings, 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_right
from pathlib import Path

from reader.errors import InputError, ReaderError

KINDS = ("misspelling", "case", "spacing", "grammar", "repetition", "foreign", "ocr", "variant")


def register(sub: argparse._SubParsersAction) -> None:
    from reader.cli.common import add_db_option_to

    p = sub.add_parser(
        "check",
        help="report suspected errors and names in files or stored articles",
        description=(
            "Analyse files (or stored articles by id) and print suspected errors. "
            "Exit status: 0 none found, 1 findings, 2 bad usage or unreadable input."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a text file, or an article id/prefix")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument(
        "--kinds",
        metavar="KIND,...",
        help=f"only report these finding kinds (comma-separated: {', '.join(KINDS)})",
    )
    add_db_option_to(p)
    p.set_defaults(func=cmd_check)


def _parse_kinds(raw: str | None) -> frozenset[str] | None:
    if not raw:
        return None
    kinds = frozenset(k.strip() for k in raw.split(",") if k.strip())
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise ReaderError(f"unknown finding kind {unknown[0]!r} (known: {', '.join(KINDS)})")
    return kinds


def _load_inputs(args: argparse.Namespace):
    """(display path, title, text) for every PATH, in order, and the library if one was
    opened (for article ids, or because ``--db`` was given)."""
    from reader.textio import read_text_file, title_of

    inputs = []
    lib = None
    if getattr(args, "db", None) and _db_exists(args):
        lib = _open_existing_library(args, args.db)
    for raw in args.paths:
        path = Path(raw)
        if path.exists() or "/" in raw or "\\" in raw or "." in Path(raw).name:
            decoded = read_text_file(path)
            if decoded.warning:
                print(f"reader: warning: {decoded.warning}", file=sys.stderr)
            inputs.append((raw, title_of(decoded.text, path.stem), decoded.text))
            continue
        if lib is None:
            lib = _open_existing_library(args, raw)
        article_id = lib.resolve_id(raw)
        text = lib.get_text(article_id)
        inputs.append((raw, lib.get_info(article_id).title, text))
    return inputs, lib


def _db_exists(args: argparse.Namespace) -> bool:
    from reader.cli.common import db_path

    return db_path(args).exists()


def _open_existing_library(args: argparse.Namespace, ref: str):
    from reader.cli.common import db_path
    from reader.store import Library

    path = db_path(args)
    if not path.exists():
        raise InputError(f"{ref}: no such file, and no library at {path} to look it up in")
    return Library.open(path, create=False)


def _context(lib, kinds):
    """The personal dictionary silences findings when a library is in use."""
    from reader.analysis import AnalysisContext

    words = frozenset(lib.words()) if lib is not None else frozenset()
    return AnalysisContext(dictionary=words, kinds=kinds)


def cmd_check(args: argparse.Namespace) -> int:
    from reader.analysis import analyze_many

    kinds = _parse_kinds(args.kinds)
    inputs, lib = _load_inputs(args)
    try:
        context = _context(lib, kinds)
    finally:
        if lib is not None:
            lib.close()
    results = analyze_many([text for _, _, text in inputs], context, parallel=True)
    total = sum(len(r.findings) for r in results)
    if args.format == "json":
        doc = {
            "articles": [
                {
                    "path": path,
                    "title": title,
                    "findings": [f.to_json() for f in res.findings],
                    "entities": [e.to_json() for e in res.entities],
                }
                for (path, title, _), res in zip(inputs, results)
            ]
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False))
        sys.stdout.write("\n")
    else:
        lines = []
        for (path, _, text), res in zip(inputs, results):
            line_starts = _line_starts(text) if res.findings else []
            for f in res.findings:
                line = bisect_right(line_starts, f.start)
                col = f.start - line_starts[line - 1] + 1
                fix = f.suggestions[0] if f.suggestions else "?"
                lines.append(
                    f"{path}:{line}:{col}: {f.kind}: {_one_line(f.text)} -> {_one_line(fix)}"
                )
        if lines:
            sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    return 1 if total else 0


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _one_line(s: str) -> str:
    """Findings never span lines in practice; make sure a terminal line stays one line."""
    return s.replace("\n", "⏎").replace("\t", " ")
