"""Feed commands: ``reader refresh`` and ``reader feeds [list|add|remove]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import command, open_library, warn
from reader.errors import InputError
from reader.termsafe import err, error, out
from reader.wording import counted


def register(sub: argparse._SubParsersAction) -> None:
    with command(
        sub, "refresh", cmd_refresh,
        help="import new entries of remembered feeds",
        description=(
            "Fetch the remembered RSS/Atom feeds again (all, or the ones named) and import "
            "entries not yet in the library. Feeds are remembered when added with `reader add` "
            "or `reader feeds add`."
        ),
    ) as p:
        p.add_argument("feeds", nargs="*", metavar="FEED", help="feed URL, path, number or part of its title")

    with command(
        sub, "feeds", cmd_feeds,
        help="list, add or remove remembered feeds",
        description="List the remembered feeds; `add` imports a feed and remembers it, `remove` stops refreshing one (its articles stay).",
    ) as p:
        p.add_argument("action", nargs="?", choices=("list", "add", "remove"), default="list")
        p.add_argument("feeds", nargs="*", metavar="FEED", help="feed URL or path (add); URL, path or number (remove)")


def _print_results(results) -> tuple[int, int]:
    failures = 0
    added = 0
    for res in results:
        if res.warning:
            warn(res.warning)
        for info in res.added:
            out(f"added     {info.id}  {info.title}")
        added += len(res.added)
        if res.error:
            failures += 1
            error(res.error)
        elif res.not_modified:
            err(f"{res.title}: unchanged since the last refresh")
        else:
            err(f"{res.title}: {len(res.added)} new, {res.already} already imported")
    return added, failures


def _status(results, failures: int) -> int:
    if failures and failures == len(results):
        return 2
    return 1 if failures else 0


def cmd_refresh(args: argparse.Namespace) -> int:
    from reader.importers.refresh import refresh_all

    lib = open_library(args)
    results = refresh_all(lib, args.feeds)
    if not results:
        err("no feeds remembered; add one with `reader add FEED-URL` or `reader feeds add FEED`")
        return 0
    added, failures = _print_results(results)
    err(f"{counted(added, 'new article')} from {counted(len(results), 'feed')}" + (f", {failures} failed" if failures else ""))
    return _status(results, failures)


def cmd_feeds(args: argparse.Namespace) -> int:
    from reader.importers import feedlist

    lib = open_library(args)
    if args.action == "list":
        feedlist.adopt_from_articles(lib)
        records = feedlist.remembered(lib)
        if not records:
            out("No feeds remembered. Add one with `reader feeds add URL`.")
            return 0
        for n, record in enumerate(records, 1):
            refreshed = (record.get("refreshed") or "never")[:16]
            out(f"{n:3}  {record.get('title') or '?'}  <{record['source']}>  refreshed {refreshed}")
        return 0
    if not args.feeds:
        raise InputError(f"`reader feeds {args.action}` needs at least one FEED")
    if args.action == "remove":
        for ref in args.feeds:
            record = feedlist.forget(lib, feedlist.resolve(lib, ref)["source"])
            out(f"removed   {record.get('title') or record['source']} (its articles stay in the library)")
        return 0
    from reader.importers.refresh import refresh_feed

    results = []
    for ref in args.feeds:
        source = ref if ref.startswith(("http://", "https://")) else _absolute(ref)
        results.append(refresh_feed(lib, {"source": source, "title": source}))
    added, failures = _print_results(results)
    return _status(results, failures)


def _absolute(ref: str) -> str:
    path = Path(ref).expanduser()
    if not path.is_file():
        raise InputError(f"{ref}: no such file")
    return str(path.resolve())
