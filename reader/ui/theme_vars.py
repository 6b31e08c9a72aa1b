"""The app's own theme variables, with the defaults used when a theme does not set them.

Everything here derives from the kinds registry (:mod:`reader.kinds`): one variable
``reader-<name>`` per finding kind, entity label, record and cursor layer, its default
colour and the text style (underline, bold, italic, reverse...) that keeps kinds
distinguishable without colour. A theme (``themes/*.toml`` or any Textual ``Theme``) may
set the colours in its ``variables``; those it leaves out get the registry's default.
"""

from __future__ import annotations

from reader import kinds

#: Variable name -> default colour (the registry's dark-theme default).
DEFAULTS: dict[str, str] = kinds.default_colours(dark=True)

ENTITY_KEYS = tuple(k.variable for k in kinds.ENTITIES)
FINDING_KEYS = tuple(k.variable for k in kinds.FINDINGS)
RECORD_KEYS = tuple(k.variable for k in kinds.of_group(kinds.RECORD))
CURSOR_KEYS = tuple(k.variable for k in kinds.of_group(kinds.CURSOR))
ALL_KEYS = ENTITY_KEYS + FINDING_KEYS + RECORD_KEYS + CURSOR_KEYS

#: How each kind is drawn besides its colour: distinguishable on a monochrome terminal,
#: so no two text kinds share a style (tests/ui/test_ui_defects.py checks it).
#: ``fg`` kinds colour the text, ``bg`` kinds tint the background.
TEXT_STYLES: dict[str, tuple[str, str]] = {
    k.variable: ("fg" if k.role == kinds.TEXT else "bg", k.style) for k in kinds.REGISTRY
}


def component_css(widget: str) -> str:
    """CSS giving ``widget``'s component classes (named like the variables) their look.

    Lives in the widgets' ``DEFAULT_CSS`` rather than app.tcss so the library screen's
    first paint does not pay for styling the reading view.
    """
    rules = []
    for key, (where, style) in TEXT_STYLES.items():
        colour = f"color: ${key};" if where == "fg" else f"background: ${key};"
        text_style = f" text-style: {style};" if style else ""
        rules.append(f"{widget} > .{key} {{ {colour}{text_style} }}")
    rules.append(f"{widget} > .reader-other {{ text-style: underline; }}")
    return "\n".join(rules)
