"""Library commands: ``add``, ``list``, ``show``, ``remove`` and ``doctor``."""

from __future__ import annotations

import argparse
from pathlib import Path
import sys

from reader.cli.common import ID_HELP, command, confirm, db_path, err_console, open_library, warn
from reader.errors import InputError, ReaderError
from reader.termsafe import cell, err, error, out, print_json, print_table, safe_line, write_text
from reader.wording import counted


def register(sub: argparse._SubParsersAction) -> None:
    with command(
        sub, "add", cmd_add,
        help="import files, folders (recursively), web pages, URLs or feeds",
        description=(
            "Import articles into the library. Folders are searched recursively for .txt and "
            ".md files (and saved web pages and feeds). A file already in the library is "
            "skipped; with --update, a changed file replaces the stored text of the article "
            "with the same source and its annotations are re-anchored."
        ),
    ) as p:
        p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or URL")
        p.add_argument("--update", action="store_true", help="replace the text of articles whose source changed")

    with command(sub, "list", cmd_list, help="list the library's articles", description="List the articles in the library.") as p:
        p.add_argument("--json", action="store_true", help="print JSON for scripts")
        p.add_argument("--errors", action="store_true",
                       help="also count each article's open suspected errors (analyses every article)")

    with command(
        sub, "show", cmd_show,
        help="print an article's text",
        description="Print an article's text to stdout (pipe it to a pager).",
    ) as p:
        p.add_argument("id", help=ID_HELP)
        p.add_argument("--corrected", action="store_true", help="print the text with corrections applied")

    with command(
        sub, "remove", cmd_remove,
        help="remove articles from the library",
        description="Remove articles from the library (asks first unless --yes).",
    ) as p:
        p.add_argument("ids", nargs="+", metavar="ID", help=ID_HELP)
        p.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")

    with command(
        sub, "doctor", cmd_doctor,
        help="check the library for damage and repair it",
        description=(
            "Check the library file and its records. With --repair, damaged files are moved "
            "aside (renamed with a .damaged-TIMESTAMP suffix, never deleted) so a new library "
            "can start."
        ),
    ) as p:
        p.add_argument("--repair", action="store_true", help="move damaged files aside")


def cmd_add(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from reader.importing import collect, import_items, importable_suffixes

    lib = open_library(args)
    items = list(collect(args.paths))
    if not items:
        looked = ", ".join(sorted(importable_suffixes()))
        raise InputError(f"no importable files found (looked for {looked})")
    console = err_console()
    with Progress(
        SpinnerColumn(),
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
        disable=not console.is_terminal or (len(items) < 5 and not _has_big_file(items)),
    ) as progress:
        task = progress.add_task("", total=len(items))

        def on_item(item, stage: str) -> None:
            if stage == "done":
                progress.advance(task)
            else:
                progress.update(task, description=safe_line(f"{str(item)[-40:]} ({stage})"))

        report = import_items(lib, items, update=args.update, on_item=on_item)
    for res, warning in report.stored:
        if warning:
            warn(warning)
    for _, message in report.failures:
        error(message)
    for res, _ in report.stored:
        out(f"{res.status:9} {res.info.id}  {res.info.title}")
    added, updated, duplicates = (report.count(s) for s in ("added", "updated", "duplicate"))
    failures = len(report.failures)
    summary = f"{added} added, {updated} updated, {duplicates} already in the library"
    if failures:
        summary += f", {failures} failed"
    err(summary)
    return 2 if failures and not (added or updated or duplicates) else (1 if failures else 0)


def _has_big_file(items) -> bool:
    """Whether any local file is big enough (2 MB) that importing it takes a noticeable time."""
    for item in items:
        if isinstance(item, Path) and item.is_file() and item.stat().st_size >= 2_000_000:
            return True
    return False


def cmd_list(args: argparse.Namespace) -> int:
    from reader.importers.labels import article_date, source_label

    lib = open_library(args)
    states = lib.states()
    rows = []
    errors = _open_counts(lib) if getattr(args, "errors", False) else None
    for n, info in enumerate(lib.list_articles(), 1):
        counts = lib.record_counts(info.id)
        rows.append(
            {
                "n": n,
                "id": info.id,
                "title": info.title,
                "source": info.source,
                "site": source_label(info.source, info.meta),
                "date": article_date(info.meta),
                "words": info.words,
                "annotations": counts["annotations"],
                "corrections": counts["corrections"],
                "progress": round(lib.progress_of(states.get(info.id, {})), 1),  # percent, 0-100
                "added": info.added,
            }
        )
        if errors is not None:
            rows[-1]["errors"] = errors[info.id]
    if args.json:
        print_json({"articles": rows}, indent=1)
        return 0
    if not rows:
        out("The library is empty. Add articles with `reader add FILE...`.")
        return 0
    from rich.table import Table

    table = Table(box=None, header_style="bold")
    for col, just in (("#", "right"), ("id", "left"), ("title", "left"), ("source", "left"), ("words", "right"),
                      ("notes", "right"), ("fixes", "right"), ("errors", "right"), ("read", "right"),
                      ("added", "left")):
        if col != "errors" or errors is not None:
            table.add_column(col, justify=just, no_wrap=col != "title")
    for r in rows:
        cells = [
            str(r["n"]), cell(r["id"]), cell(r["title"]), cell(r["site"]), f"{r['words']:,}",
            str(r["annotations"]), str(r["corrections"]), f"{r['progress']:.0f}%",
            cell(r["date"] or r["added"][:10]),
        ]
        if errors is not None:
            cells.insert(7, str(r["errors"]))
        table.add_row(*cells)
    print_table(table)
    return 0


def _open_counts(lib) -> dict[str, int]:
    """Article id -> open suspected errors, counted as the reading view and the library
    screen count them (an ArticleSession per article)."""
    from reader.session import open_findings_of

    return {aid: len(found) for aid, found in open_findings_of(lib, [i.id for i in lib.list_articles()]).items()}


def cmd_show(args: argparse.Namespace) -> int:
    lib = open_library(args)
    article_id = lib.resolve_id(args.id)
    text = lib.get_text(article_id)
    if args.corrected:
        from reader.corrections import apply_corrections

        text = apply_corrections(text, lib.corrections(article_id))
    write_text(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    lib = open_library(args)
    ids = [lib.resolve_id(ref) for ref in args.ids]
    titles = [lib.get_info(i).title for i in ids]
    what = titles[0] if len(ids) == 1 else counted(len(ids), 'article')
    if not confirm(f"Remove {what!r} from the library?", assume_yes=args.yes):
        err("nothing removed")
        return 1
    for article_id, title in zip(ids, titles):
        lib.remove_article(article_id)
        out(f"removed   {article_id}  {title}")
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from reader.doctor import diagnose, repair

    path = db_path(args)
    problems = diagnose(path)
    if not problems:
        out(f"{path}: no problems found" if path.exists() else f"{path}: no library yet (one is created on first use)")
        return 0
    for problem in problems:
        out(f"problem: {problem}")
    if not args.repair:
        err("run `reader doctor --repair` to move the damaged files aside and start afresh")
        return 1
    for line in repair(path):
        out(line)
    remaining = diagnose(path)
    if remaining:
        raise ReaderError("some problems remain: " + "; ".join(remaining))
    out("repaired: the library opens again (damaged files were kept beside it)")
    return 0

