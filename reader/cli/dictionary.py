"""``reader dict``: the personal dictionary of words never reported as errors."""

from __future__ import annotations

import argparse

from reader.cli.common import add_db_option_to, open_library


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "dict",
        help="manage the personal dictionary",
        description="Words in the personal dictionary are never reported as suspected errors.",
    )
    add_db_option_to(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("add", help="add words")
    a.add_argument("words", nargs="+", metavar="WORD")
    add_db_option_to(a)
    a = actions.add_parser("remove", help="remove words")
    a.add_argument("words", nargs="+", metavar="WORD")
    add_db_option_to(a)
    a = actions.add_parser("list", help="list the words")
    add_db_option_to(a)
    p.set_defaults(func=cmd_dict)


def cmd_dict(args: argparse.Namespace) -> int:
    lib = open_library(args, seed=False)
    if args.action == "add":
        for word in args.words:
            print(("added    " if lib.add_word(word) else "present  ") + word)
    elif args.action == "remove":
        missing = 0
        for word in args.words:
            if lib.remove_word(word):
                print(f"removed  {word}")
            else:
                missing += 1
                print(f"absent   {word}")
        return 1 if missing else 0
    else:
        for word in sorted(lib.words(), key=str.casefold):
            print(word)
    return 0
