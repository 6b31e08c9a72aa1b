"""The README's key tables, generated from the same ``Binding`` lists the Footer, the
``?`` screen and the command palette use, so the documentation cannot drift from the keys.

``python -m reader.ui.keys_doc`` prints the tables; ``--write README.md`` replaces the
block between ``<!-- keys:start -->`` and ``<!-- keys:end -->`` (a test checks that the
README's block is what this module generates).
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.binding import Binding
from textual.keys import format_key

START = "<!-- keys:start -->"
END = "<!-- keys:end -->"

#: Display names where Textual's differ from what people type.
_DISPLAY = {"enter": "enter", "escape": "escape", "pagedown": "pagedown", "pageup": "pageup"}


def show_key(key: str) -> str:
    key = key.strip()
    return _DISPLAY.get(key, format_key(key))


def _rows(bindings: list[Binding]) -> list[tuple[str, str, str]]:
    """(keys, what, id) per binding id, keys of one id merged; counts folded into one row."""
    rows: dict[str, tuple[list[str], str]] = {}
    for b in bindings:
        if not b.id or not b.description:
            continue
        ident, what = b.id, b.description
        if ident.startswith("count-"):
            ident, what = "count-N", "Count for the next motion (3e, 5j)"
        if ident.startswith("menu-pick-"):
            continue  # 1-9 are listed once, under menu-pick
        keys, _ = rows.setdefault(ident, ([], what + (f" — {b.tooltip}" if b.tooltip else "")))
        for key in b.key.split(","):
            shown = show_key(key)
            if shown not in keys:
                keys.append(shown)
    out = []
    for ident, (keys, what) in rows.items():
        if ident == "count-N":
            keys = ["0-9"]
        if ident == "menu-pick":
            keys = ["1-9"]
        out.append((" ".join(f"`{k}`" for k in keys), what.replace("|", "\\|"), f"`{ident}`"))
    return out


def key_tables() -> str:
    """Markdown: one table per screen (keys, what they do, the id for keymap.toml)."""
    from reader.ui.keymap import binding_scopes

    scopes = binding_scopes()
    app_ids = {b.id for b in scopes["app"]}
    parts = []
    for scope, bindings in scopes.items():
        own = bindings if scope == "app" else [b for b in bindings if b.id not in app_ids]
        rows = _rows(own)
        if not rows:
            continue
        title = "Everywhere" if scope == "app" else scope[:1].upper() + scope[1:]
        parts.append(f"**{title}**\n\n| keys | what | id |\n| --- | --- | --- |\n"
                     + "\n".join(f"| {k} | {w} | {i} |" for k, w, i in rows))
    return "\n\n".join(parts) + "\n"


def replace_block(readme: str, tables: str) -> str:
    start, end = readme.index(START) + len(START), readme.index(END)
    return readme[:start] + "\n" + tables + readme[end:]


def main(argv: list[str]) -> int:
    tables = key_tables()
    if argv[:1] == ["--write"] and len(argv) == 2:
        path = Path(argv[1])
        path.write_text(replace_block(path.read_text(encoding="utf-8"), tables), encoding="utf-8")
        return 0
    from reader.termsafe import write_text

    write_text(tables)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
