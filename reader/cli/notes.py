"""Annotation commands: ``note`` (add one on a quote) and ``notes`` (list them)."""

from __future__ import annotations

import argparse

from reader.cli.common import ID_HELP, command, open_library, warn
from reader.termsafe import cell, out, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    with command(
        sub, "note", cmd_note,
        help="annotate a quoted passage of an article",
        description=(
            "Add an annotation on the N-th occurrence of a quote in an article's text. "
            "Exit status 2 when the quote (or that occurrence) is not found."
        ),
    ) as p:
        p.add_argument("id", help=ID_HELP)
        p.add_argument("--quote", required=True, metavar="TEXT", help="the exact text to annotate")
        p.add_argument("--nth", type=int, default=1, metavar="N", help="which occurrence (1-based; default 1)")
        p.add_argument("--note", default="", metavar="TEXT", help="the note")
        p.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable; commas split)")
        p.add_argument("--label", metavar="L", help="entity label: PERSON, PLACE, ORG, DATE, a custom one, or O (no entity)")

    with command(
        sub, "notes", cmd_notes,
        help="list annotations",
        description="List the annotations of one article, or of the whole library.",
    ) as p:
        p.add_argument("id", nargs="?", help=ID_HELP + " (default: all)")
        p.add_argument("--tag", metavar="T", help="only annotations with this tag")
        p.add_argument("--json", action="store_true", help="print JSON for scripts")


def _clean_arg(value):
    """Command-line text as valid Unicode: bytes that were not UTF-8 arrive as lone
    surrogates (surrogateescape) and would otherwise be stored and exported as such."""
    if value is None:
        return None
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def cmd_note(args: argparse.Namespace) -> int:
    from reader.annotating import locate_quote, new_annotation
    from reader.store import now_iso

    lib = open_library(args)
    article_id = lib.resolve_id(args.id)
    text = lib.get_text(article_id)
    quote = _clean_arg(args.quote)
    start, end = locate_quote(text, quote, args.nth, lib.corrections(article_id))
    ann = new_annotation(
        article_id, text, start, end, note=_clean_arg(args.note), tags=[_clean_arg(t) for t in args.tag or ()],
        label=_clean_arg(args.label), now=now_iso(),
    )
    from reader.editing import Editor

    editor = Editor(lib)
    editor.put_annotation(ann)  # one undoable step, like every other change
    out(f"{ann.id}  {article_id}  {start}:{end}")
    if editor.history_error:
        warn(f"the note was saved, but not its undo step: {editor.history_error}")
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    from reader.annotating import annotation_json, filter_annotations

    lib = open_library(args)
    article_id = lib.resolve_id(args.id) if args.id else None
    anns = filter_annotations(lib.annotations(article_id), tag=args.tag)
    if args.json:
        print_json({"annotations": [annotation_json(a) for a in anns]}, indent=1)
        return 0
    if not anns:
        out("No annotations." + ("" if args.tag is None else f" (tag {args.tag!r})"))
        return 0
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold")
    for col in ("id", "article", "where", "quote", "note", "tags", "label"):
        table.add_column(col, no_wrap=col in ("id", "article", "where"), overflow="fold")
    for a in anns:
        where = Text("orphan", style="red") if a.orphan else cell(f"{a.anchor.start}:{a.anchor.end}")
        quote = a.anchor.quote if len(a.anchor.quote) <= 60 else a.anchor.quote[:57] + "..."
        table.add_row(
            cell(a.id), cell(a.article_id), where, cell(quote), cell(a.note),
            cell(", ".join(a.tags)), cell(a.label or ""),
        )
    print_table(table)
    return 0
