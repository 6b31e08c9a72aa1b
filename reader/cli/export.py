"""Export commands: ``export`` (annotated copies in several formats) and
``import-annotations`` (a W3C Web Annotation file back into the library)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader import boundedjson
from reader.cli.common import ID_HELP, command, open_library
from reader.errors import InputError, ReaderError
from reader.termsafe import out, write_text
from reader.wording import counted


def register(sub: argparse._SubParsersAction) -> None:
    from reader.export import FORMATS

    with command(
        sub, "export", cmd_export,
        help="export annotated copies (md, html, json, txt, critic, brat, jsonl)",
        description=(
            "Export articles with their corrections and annotations. File names come from the "
            "titles; existing files are never overwritten without --force. "
            "Formats: " + "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values())
        ),
    ) as p:
        p.add_argument("ids", nargs="*", metavar="ID", help=ID_HELP)
        p.add_argument("--all", action="store_true", help="export every article")
        p.add_argument("--format", "-f", required=True, choices=list(FORMATS), help="output format")
        p.add_argument("-o", "--output", default=".", metavar="DIR|-", help="output folder (default: here), or - for stdout")
        p.add_argument("--force", action="store_true", help="overwrite existing files")
        p.add_argument("--appendix", action="store_true", help="md: add entities and corrections after the text")
        p.add_argument("--highlights-only", action="store_true", help="md: only the highlights, notes and tags")

    with command(
        sub, "import-annotations", cmd_import,
        help="import a W3C Web Annotation JSON file",
        description=(
            "Read annotations (and corrections) from a W3C Web Annotation file written by "
            "`reader export --format json`. Annotations whose positions no longer hold their "
            "quote are re-anchored by the quote and its context; the rest are kept as orphans."
        ),
    ) as p:
        p.add_argument("file", metavar="FILE.json")
        p.add_argument("--article", metavar="ID", help="attach everything to this article (for files from elsewhere)")


def cmd_export(args: argparse.Namespace) -> int:
    from reader.export import ExportOptions, get_format
    from reader.export.run import check_options, plan_files, render_articles, write_files

    fmt = get_format(args.format)
    options = ExportOptions(appendix=args.appendix, highlights_only=args.highlights_only)
    check_options(fmt, options)
    lib = open_library(args)
    if args.all == bool(args.ids):
        raise ReaderError("give article ids or --all (not both)")
    ids = [i.id for i in lib.list_articles()] if args.all else list(dict.fromkeys(lib.resolve_id(r) for r in args.ids))
    if not ids:
        raise ReaderError("the library has no articles to export")
    outputs = render_articles(lib, ids, fmt, options)

    if args.output == "-":
        if len(fmt.suffixes) > 1:
            raise ReaderError(f"{fmt.name} writes {counted(len(fmt.suffixes), 'file')}; give a folder with -o DIR")
        if len(outputs) > 1 and not fmt.combined:
            raise ReaderError(f"-o - writes one {fmt.name} document; export one article, or give a folder")
        for _, files in outputs:
            for content in files.values():
                write_text(content)
        sys.stdout.flush()
        return 0

    out_dir = Path(args.output)
    for path in write_files(plan_files(fmt, outputs, out_dir), out_dir, force=args.force):
        out(path)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from reader.corrections import overlaps
    from reader.errors import NotFoundError
    from reader.export.w3c import read_collection
    from reader.textio import read_limited_bytes

    path = Path(args.file)
    try:
        data = boundedjson.loads(read_limited_bytes(path).decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: not a readable JSON file ({exc})") from None
    lib = open_library(args)
    forced = lib.resolve_id(args.article) if args.article else None
    texts: dict[str, str] = {}
    ids: dict[str | None, str] = {}

    def article_of(ref: str | None) -> str:
        if forced:
            return forced
        if ref not in ids:
            if not ref:
                raise InputError(f"{path}: a target names no article; pass --article ID")
            try:
                ids[ref] = lib.resolve_id(ref, rows=False)  # ids in a file are never rows
            except NotFoundError:
                raise InputError(f"{path}: no article {ref!r} in the library; pass --article ID") from None
        return ids[ref]

    def text_of(ref: str | None) -> str:
        aid = article_of(ref)
        if aid not in texts:
            texts[aid] = lib.get_text(aid)
        return texts[aid]

    groups = read_collection(data, text_of)
    total = moved = orphans = fixes = 0
    batch: dict[str, list] = {}
    planned: dict[str, list] = {}  # corrections already planned per article (no overlaps)
    for g in groups:
        aid = article_of(g.article_ref)
        anns = [replace(a, article_id=aid) for a in g.annotations]
        have = [*lib.corrections(aid), *planned.setdefault(aid, [])]
        new_fixes = []
        for c in g.corrections:
            c = replace(c, article_id=aid)
            if any(h.id == c.id for h in have) or not any(overlaps(h.start, h.end, c.start, c.end) for h in have):
                new_fixes.append(c)
        planned[aid] += new_fixes
        changes = batch.setdefault(aid, [])
        changes.append(("annotations", [a.to_record() for a in anns], []))
        changes.append(("corrections", [c.to_record() for c in new_fixes], []))
        total += len(anns)
        fixes += len(new_fixes)
        moved += g.reanchored
        orphans += g.orphans
    lib.apply_batch(batch)  # the whole file, all or nothing
    out(f"{counted(total, 'annotation')} and {counted(fixes, 'correction')} imported "
        f"({moved} re-anchored by quote, {counted(orphans, 'orphan')})")
    return 0
