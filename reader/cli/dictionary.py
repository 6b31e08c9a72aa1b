"""``reader dict``: the personal dictionary of words never reported as errors."""

from __future__ import annotations

import argparse

from reader.cli.common import add_db_option, command, open_library
from reader.termsafe import out


def register(sub: argparse._SubParsersAction) -> None:
    with command(
        sub, "dict", cmd_dict,
        help="manage the personal dictionary",
        description="Words in the personal dictionary are never reported as suspected errors.",
    ) as p:
        actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
        for action, help_text, takes_words in (
            ("add", "add words", True),
            ("remove", "remove words", True),
            ("list", "list the words", False),
        ):
            a = actions.add_parser(action, help=help_text)
            if takes_words:
                a.add_argument("words", nargs="+", metavar="WORD")
            add_db_option(a)


def cmd_dict(args: argparse.Namespace) -> int:
    lib = open_library(args, seed=False)
    if args.action == "add":
        for word in args.words:
            out(("added    " if lib.add_word(word) else "present  ") + word)
    elif args.action == "remove":
        missing = 0
        for word in args.words:
            if lib.remove_word(word):
                out(f"removed  {word}")
            else:
                missing += 1
                out(f"absent   {word}")
        return 1 if missing else 0
    else:
        for word in sorted(lib.words(), key=str.casefold):
            out(word)
    return 0
