"""``reader themes``: list the themes the app can use and say what is wrong with the rest.

Headless: it reads the theme files through :mod:`reader.themes` (no textual import), so a
person editing a theme in the user folder can check it without starting the app.
"""

from __future__ import annotations

import argparse

from reader.cli.common import command
from reader.termsafe import out, print_json
from reader.wording import counted


def register(sub: argparse._SubParsersAction) -> None:
    with command(
        sub, "themes", cmd_themes,
        help="list the app's themes and check user theme files",
        description=(
            "List the packaged and user themes: name, dark or light, where it comes from "
            "and its lowest highlight contrast (WCAG ratio). User themes are *.toml files "
            "in the user config folder's themes/ (printed below the list; READER_CONFIG "
            "overrides it). Exit status 1 when a user theme file cannot be used. "
            "Textual's built-in themes (textual-dark, nord, ...) work in the app too."
        ),
        db=False,
    ) as p:
        p.add_argument("--json", action="store_true", help="print one JSON document")


def cmd_themes(args: argparse.Namespace) -> int:
    from reader.themes import DEFAULT_THEME, contrast_problems, load_all_themes, minimum_contrast, user_themes_dir

    catalog = load_all_themes()
    rows = []
    for spec in catalog.themes:
        worst, ratio = minimum_contrast(spec)
        rows.append(
            {
                "name": spec.name,
                "dark": spec.dark,
                "source": spec.source,
                "path": str(spec.path) if spec.path else None,
                "min_contrast": round(ratio, 2),
                "min_contrast_pair": worst,
                "inherited": list(spec.inherited),
                # what keeps this theme below the promises of the packaged ones
                "contrast_warnings": contrast_problems(spec),
                "description": spec.description,
                "default": spec.name == DEFAULT_THEME,
            }
        )
    problems = [
        {"path": str(p.path) if p.path else None, "field": p.field_name, "message": p.message}
        for p in catalog.problems
    ]
    if args.json:
        print_json({"themes": rows, "problems": problems}, indent=2)
        return 1 if problems else 0

    width = max((len(r["name"]) for r in rows), default=4) + 2
    out(f"{'name':<{width}}{'mode':<7}{'source':<10}{'contrast':>9}  description")
    for r in rows:
        notes = [f"{r['description']} (default)" if r["default"] else r["description"]]
        if r["inherited"]:
            notes.append(f"{counted(len(r['inherited']), 'highlight colour')} from the default")
        if r["contrast_warnings"]:
            notes.append(f"{counted(len(r['contrast_warnings']), 'low-contrast pair')} (--json lists them)")
        out(
            f"{r['name']:<{width}}{'dark' if r['dark'] else 'light':<7}{r['source']:<10}"
            f"{r['min_contrast']:>8.2f}:1  {'; '.join(n for n in notes if n)}"
        )
    out(f"\nuser themes folder: {user_themes_dir()}")
    for p in catalog.problems:
        out(f"skipped: {p.message}")
    return 1 if problems else 0
