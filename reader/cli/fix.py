"""``reader fix``: apply suggested corrections from the command line, or list corrections.

Corrections go through :class:`reader.editing.Editor`, so they can be undone in the app
like any made there.
"""

from __future__ import annotations

import argparse

from reader.cli.common import FINDING_KINDS, ID_HELP, command, open_library, warn
from reader.termsafe import err, out, write_text
from reader.wording import counted


def register(sub: argparse._SubParsersAction) -> None:
    with command(
        sub, "fix", cmd_fix,
        help="apply suggested corrections, or list an article's corrections",
        description=(
            "Without options, list the article's corrections (line: original -> replacement). "
            "With --apply-suggestions, apply the first suggestion of every open finding of the "
            "given kinds (ignored findings and already corrected spans are skipped). "
            "Corrections are stored beside the text, which never changes; undo them in the app."
        ),
    ) as p:
        p.add_argument("id", help=ID_HELP)
        p.add_argument(
            "--apply-suggestions",
            nargs="+",
            metavar="KIND",
            choices=[*FINDING_KINDS, "all"],
            help=f"finding kinds to fix: {', '.join(FINDING_KINDS)}, or all",
        )
        p.add_argument("--dry-run", action="store_true", help="print a unified diff of the result; change nothing")


def cmd_fix(args: argparse.Namespace) -> int:
    from reader.corrections import compact_diff, overlaps, unified_diff

    lib = open_library(args)
    article_id = lib.resolve_id(args.id)
    text = lib.get_text(article_id)
    existing = lib.corrections(article_id)
    if not args.apply_suggestions:
        if args.dry_run:
            write_text(unified_diff(text, existing, name=article_id))
        else:
            for line in compact_diff(text, existing):
                out(line)
        return 0

    from reader.corrections import apply_corrections, text_diff
    from reader.editing import new_record_id
    from reader.model import Correction
    from reader.session import ArticleSession

    kinds = set(FINDING_KINDS) if "all" in args.apply_suggestions else set(args.apply_suggestions)
    session = ArticleSession.open(lib, article_id)  # the open findings the app shows
    edits: list[tuple[int, int, str, str | None]] = []
    for finding in session.findings:
        if finding.kind not in kinds or not finding.suggestions:
            continue
        start, end = session.original_span(finding)
        if any(overlaps(start, end, c.start, c.end) for c in existing):
            continue  # already corrected there
        if any(overlaps(start, end, s, e) for s, e, _, _ in edits):
            continue
        if text[start:end] != finding.text:
            continue  # the finding does not sit on original text as it reads
        edits.append((start, end, finding.suggestions[0], finding.kind))
    planned = [Correction(new_record_id(), article_id, s, e, text[s:e], r, k) for s, e, r, k in edits]
    if args.dry_run:
        # only what would change now: the corrected text against it with the suggestions
        before = apply_corrections(text, existing)
        after = apply_corrections(text, [*existing, *planned])
        write_text(text_diff(before, after, f"{article_id} (corrected)", f"{article_id} (suggestions applied)"))
        err(f"{counted(len(planned), 'correction')} would be applied (dry run: nothing changed)")
        return 0
    if not edits:
        err("nothing to apply")
        return 0
    editor = session.editor
    change = editor.correct_many(article_id, edits, f"apply {counted(len(edits), 'suggestion')} ({', '.join(sorted(kinds))})")
    if editor.history_error:
        warn(f"the corrections were saved, but not their undo step: {editor.history_error}")
    for line in compact_diff(text, planned):
        out(line)
    err(f"applied {counted(change.count, 'correction')} to {article_id}")
    return 0
