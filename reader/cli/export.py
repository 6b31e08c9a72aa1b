"""Export commands: ``export`` (annotated copies in several formats) and
``import-annotations`` (a W3C Web Annotation file back into the library)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from reader.cli.common import add_db_option_to, open_library
from reader.errors import InputError, ReaderError


def register(sub: argparse._SubParsersAction) -> None:
    from reader.export import FORMATS

    p = sub.add_parser(
        "export",
        help="export annotated copies (md, html, json, txt, critic, brat, jsonl)",
        description=(
            "Export articles with their corrections and annotations. File names come from the "
            "titles; existing files are never overwritten without --force. "
            "Formats: " + "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values())
        ),
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="article id, id prefix or list number")
    p.add_argument("--all", action="store_true", help="export every article")
    p.add_argument("--format", "-f", required=True, choices=list(FORMATS), help="output format")
    p.add_argument("-o", "--output", default=".", metavar="DIR|-", help="output folder (default: here), or - for stdout")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument("--appendix", action="store_true", help="md: add entities and corrections after the text")
    p.add_argument("--highlights-only", action="store_true", help="md: only the highlights, notes and tags")
    add_db_option_to(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import-annotations",
        help="import a W3C Web Annotation JSON file",
        description=(
            "Read annotations (and corrections) from a W3C Web Annotation file written by "
            "`reader export --format json`. Annotations whose positions no longer hold their "
            "quote are re-anchored by the quote and its context; the rest are kept as orphans."
        ),
    )
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--article", metavar="ID", help="attach everything to this article (for files from elsewhere)")
    add_db_option_to(p)
    p.set_defaults(func=cmd_import)




def cmd_export(args: argparse.Namespace) -> int:
    from reader.export import ExportOptions, build_doc, get_format, safe_stem
    from reader.storage import atomic_write_bytes

    fmt = get_format(args.format)
    if args.highlights_only and fmt.name != "md":
        raise ReaderError("--highlights-only applies to --format md")
    if args.appendix and fmt.name != "md":
        raise ReaderError("--appendix applies to --format md")
    lib = open_library(args)
    if args.all == bool(args.ids):
        raise ReaderError("give article ids or --all (not both)")
    ids = [i.id for i in lib.list_articles()] if args.all else list(dict.fromkeys(lib.resolve_id(r) for r in args.ids))
    if not ids:
        raise ReaderError("the library has no articles to export")
    options = ExportOptions(appendix=args.appendix, highlights_only=args.highlights_only)
    rendered = [(build_doc(lib, i), None) for i in ids]
    outputs = [(doc, fmt.render(doc, options)) for doc, _ in rendered]

    if args.output == "-":
        if len(fmt.suffixes) > 1:
            raise ReaderError(f"{fmt.name} writes {len(fmt.suffixes)} files; give a folder with -o DIR")
        if len(outputs) > 1 and not fmt.combined:
            raise ReaderError(f"-o - writes one {fmt.name} document; export one article, or give a folder")
        for _, files in outputs:
            for content in files.values():
                sys.stdout.write(content)
        sys.stdout.flush()
        return 0

    out_dir = Path(args.output)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir} is not a folder")
    plan: list[tuple[Path, str]] = []
    if fmt.combined and len(outputs) > 1:
        plan.append((out_dir / f"articles{fmt.suffixes[0]}", "".join(c for _, f in outputs for c in f.values())))
    else:
        used: set[str] = set()
        for doc, files in outputs:
            stem = safe_stem(doc.title, doc.article.id)
            if stem.casefold() in used:
                stem = f"{stem}-{doc.article.id}"
            used.add(stem.casefold())
            for suffix, content in files.items():
                plan.append((out_dir / f"{stem}{suffix}", content))
    existing = [p for p, _ in plan if p.exists()]
    if existing and not args.force:
        names = ", ".join(str(p) for p in existing[:3]) + (" ..." if len(existing) > 3 else "")
        raise ReaderError(f"not overwriting {names} (pass --force to replace)")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {out_dir}: {exc.strerror}") from None
    mode = _file_mode()
    for path, content in plan:
        atomic_write_bytes(path, content.encode("utf-8", "surrogatepass"))
        try:
            os.chmod(path, mode)  # temp files are private; an export is an ordinary file
        except OSError:
            pass
        print(path)
    return 0


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def cmd_import(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from reader.errors import NotFoundError
    from reader.export.w3c import read_collection

    path = Path(args.file)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"{path}: not a readable JSON file ({exc.__class__.__name__})") from None
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
                ids[ref] = lib.resolve_id(ref)
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
    for g in groups:
        aid = article_of(g.article_ref)
        anns = [replace(a, article_id=aid) for a in g.annotations]
        from reader.corrections import overlaps

        have = lib.corrections(aid)
        new_fixes = []
        for c in g.corrections:
            c = replace(c, article_id=aid)
            if any(h.id == c.id for h in have) or not any(overlaps(h.start, h.end, c.start, c.end) for h in have):
                new_fixes.append(c)
        lib.apply_changes(aid, put_annotations=anns, put_corrections=new_fixes)
        total += len(anns)
        fixes += len(new_fixes)
        moved += g.reanchored
        orphans += g.orphans
    print(f"{total} annotations and {fixes} corrections imported ({moved} re-anchored by quote, {orphans} orphans)")
    return 0
