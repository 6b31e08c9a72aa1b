"""``reader stories`` and ``reader names``: articles about the same event, and their names.

``stories`` lists the groups (and takes a person's splits and merges, which later
regrouping keeps); ``names`` prints a story's names table, remembers a preferred spelling,
or applies the preferred spellings as corrections (one undo step in the app).
"""

from __future__ import annotations

import argparse

from reader.cli.common import command, open_library
from reader.termsafe import err, out, print_json, print_text, write_text
from reader.wording import counted

STORY_HELP = "story number (as `reader stories` lists it), or the id of any of its articles"


def register(sub: argparse._SubParsersAction) -> None:
    with command(
        sub, "stories", cmd_stories,
        help="list stories: articles that report the same event",
        description=(
            "Group the library's articles into stories: two articles belong together when the "
            "names and uncommon words they share (two or more) make up enough of their vocabulary, "
            "and their dates (when known) are at most two weeks apart. Splits and merges you make "
            "are kept."
        ),
    ) as p:
        p.add_argument("--json", action="store_true", help="print JSON for scripts")
        group = p.add_mutually_exclusive_group()
        group.add_argument("--merge", nargs="+", metavar="STORY",
                           help="make these stories (numbers or article ids) one story")
        group.add_argument("--split", nargs="+", metavar="ID",
                           help="move these articles out of their story into one of their own")
    with command(
        sub, "names", cmd_names,
        help="a story's names table; apply its preferred spellings",
        description=(
            "Every person, place and organisation in a story's articles, each spelling with its "
            "count per article, preferred spelling first. --apply corrects every other spelling "
            "to the preferred one (standoff corrections, one undo step in the app)."
        ),
    ) as p:
        p.add_argument("story", metavar="STORY", help=STORY_HELP)
        p.add_argument("--json", action="store_true", help="print JSON for scripts")
        p.add_argument("--apply", action="store_true", help="apply the preferred spellings as corrections")
        p.add_argument("--dry-run", action="store_true", help="with --apply: print the diff, change nothing")
        p.add_argument("--prefer", metavar="SPELLING",
                       help="remember SPELLING as the preferred form of its name (then print the table)")


def _print(line) -> None:
    print_text(line)


def cmd_stories(args: argparse.Namespace) -> int:
    from rich.text import Text

    from reader.errors import InputError
    from reader.stories import library as stories

    lib = open_library(args)
    index = stories.build_index(lib)
    found = stories.list_stories(lib, index)
    if args.merge:
        picked = [stories.resolve_story(lib, ref, found, index) for ref in args.merge]
        if len({s.key for s in picked}) < 2:
            raise InputError("--merge needs two different stories")
        stories.merge(lib, [s.article_ids for s in picked])
        found = stories.list_stories(lib)
        err(f"merged {len(picked)} stories")
    elif args.split:
        ids = [lib.resolve_id(ref) for ref in args.split]
        story = stories.resolve_story(lib, ids[0], found, index)
        stories.split(lib, story, ids)
        found = stories.list_stories(lib)
        err(f"moved {len(ids)} article{'s' if len(ids) != 1 else ''} into a story of their own")
    titles = {i.id: i.title for i in lib.list_articles()}
    if args.json:
        doc = {"stories": [
            {"number": n, "key": s.key, "kept_by_hand": s.pinned,
             "articles": [{"id": a, "title": titles.get(a, "")} for a in s.article_ids]}
            for n, s in enumerate(found, 1)
        ]}
        print_json(doc, indent=1)
        return 0
    if not found:
        out("No stories yet: no two articles report the same event.")
        return 0
    for n, story in enumerate(found, 1):
        head = Text(f"{n:>3}  {counted(len(story.article_ids), 'article')}  ")
        head.append(titles.get(story.article_ids[0], ""), style="bold")
        if story.pinned:
            head.append("  (kept by hand)", style="dim")
        _print(head)
        for aid in story.article_ids:
            _print(Text(f"       {aid}  ") + Text(titles.get(aid, "")))
    return 0


def cmd_names(args: argparse.Namespace) -> int:
    from reader.errors import InputError
    from reader.stories import library as stories

    if args.dry_run and not args.apply:
        raise InputError("--dry-run goes with --apply")
    lib = open_library(args)
    index = stories.build_index(lib)
    story = stories.resolve_story(lib, args.story, stories.list_stories(lib, index), index)
    names = stories.story_names(lib, story)
    if args.prefer:
        cluster = next((c for c in names.clusters if args.prefer in {s.text for s in c.spellings}), None)
        if cluster is None:
            raise InputError(f"{args.prefer!r} is no spelling in this story's names table")
        stories.choose(lib, cluster, args.prefer)
        names = stories.story_names(lib, story)
        err(f"{args.prefer} is now the preferred spelling")
    if args.apply:
        return _apply(lib, names, dry_run=args.dry_run)
    if args.json:
        print_json(names.to_json(), indent=1)
        return 0
    _print_table(lib, names)
    return 0


def _print_table(lib, names) -> None:
    from rich.text import Text

    titles = {i.id: i.title for i in lib.list_articles()}
    ids = names.story.article_ids
    _print(Text(f"story {names.story.key}: {counted(len(ids), 'article')}"))
    for aid in ids:
        _print(Text(f"  {aid}  ") + Text(titles.get(aid, "")))
    if not names.clusters:
        out("no names found")
        return
    ordered = sorted(names.clusters, key=lambda c: len(c.spellings) < 2)
    for cluster in ordered:
        _print(Text("\n") + Text(f"{cluster.label:<7} ", style="bold") + Text(cluster.example))
        for i, s in enumerate(cluster.spellings):
            mark = "preferred" if i == 0 else "variant"
            counts = "  ".join(f"{aid}:{s.counts.get(aid, 0)}" for aid in ids)
            _print(Text(f"  {mark:<9} ") + Text(f"{s.text:<22}") + Text(f" {counts}"))
    variants = sum(len(c.variants) for c in names.clusters)
    err("")
    err(f"{len(names.clusters)} names, {variants} variant spellings")


def _apply(lib, names, *, dry_run: bool) -> int:
    from reader.corrections import compact_diff, unified_diff
    from reader.editing import Editor, new_record_id
    from reader.model import Correction
    from reader.stories.library import apply_names, plan_apply

    plan = plan_apply(lib, names)
    count = sum(map(len, plan.values()))
    if dry_run:
        for aid, edits in plan.items():
            text = lib.get_text(aid)
            planned = [Correction(new_record_id(), aid, s, e, text[s:e], r, k) for s, e, r, k in edits]
            write_text(unified_diff(text, [*lib.corrections(aid), *planned], name=aid))
        err(f"{counted(count, 'correction')} in {counted(len(plan), 'article')} would be applied (dry run: nothing changed)")
        return 0
    if not plan:
        err("nothing to apply: every name already has its preferred spelling")
        return 0
    change = apply_names(Editor(lib), names)
    for aid, edits in plan.items():
        text = lib.get_text(aid)
        made = [Correction("", aid, s, e, text[s:e], r, k) for s, e, r, k in edits]
        for line in compact_diff(text, made):
            out(f"{aid}  {line}")
    err(f"applied {counted(change.count, 'correction')} to {counted(len(change.article_ids), 'article')} "
        "(one step: u in the app undoes it)")
    return 0
