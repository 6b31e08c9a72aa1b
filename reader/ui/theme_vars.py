"""The app's own theme variables, with the defaults used when a theme does not set them.

A theme (``themes/*.toml`` or any Textual ``Theme``) may set these in its ``variables``;
each is a colour used in ``reader/ui/*.tcss`` as ``$name``. The *text style* of each kind
(underline, bold, italic, reverse...) is fixed in ``reader/ui/app.tcss`` so kinds stay
distinguishable without colour; the colour comes from the theme.

Entities
    ``reader-person``       PERSON names (bold)
    ``reader-place``        PLACE names (bold italic)
    ``reader-org``          ORG names (bold underline)
    ``reader-date``         DATE expressions (italic)
Suspected errors (finding kinds)
    ``reader-misspelling``  misspelled words (underline)
    ``reader-case``         wrong capitalisation (bold italic underline)
    ``reader-spacing``      missing/extra spaces (reverse)
    ``reader-grammar``      grammar slips (italic underline)
    ``reader-repetition``   repeated words (strike)
    ``reader-foreign``      untranslated foreign words (italic reverse)
    ``reader-ocr``          OCR confusions (bold reverse)
    ``reader-variant``      spelling variants of one name (underline reverse)
Your records
    ``reader-annotation``   annotated spans (background tint)
    ``reader-correction``   corrected spans (background tint)
Cursor and selection
    ``reader-cursor``       the current finding / match / word cursor (drawn reversed and
                            bold, so it stands out from the search matches and the other
                            tints without colour; see ``ArticleView``)
    ``reader-selection``    a selection being made with ``v`` (background)
    ``reader-search``       search matches (background, a hue unlike the cursor's)
"""

from __future__ import annotations

#: Variable name -> default colour (works on dark and light backgrounds).
DEFAULTS: dict[str, str] = {
    "reader-person": "#5fafff",
    "reader-place": "#5fd787",
    "reader-org": "#d787ff",
    "reader-date": "#d7af5f",
    "reader-misspelling": "#ff5f5f",
    "reader-case": "#ff875f",
    "reader-spacing": "#ffaf00",
    "reader-grammar": "#ff87af",
    "reader-repetition": "#d7875f",
    "reader-foreign": "#87d7d7",
    "reader-ocr": "#ff5fd7",
    "reader-variant": "#ffd75f",
    "reader-annotation": "#3a3a6a",
    "reader-correction": "#2f5a3a",
    "reader-cursor": "#8a6d00",
    "reader-selection": "#44475a",
    "reader-search": "#1f4a57",
}

ENTITY_KEYS = ("reader-person", "reader-place", "reader-org", "reader-date")
FINDING_KEYS = (
    "reader-misspelling", "reader-case", "reader-spacing", "reader-grammar",
    "reader-repetition", "reader-foreign", "reader-ocr", "reader-variant",
)
RECORD_KEYS = ("reader-annotation", "reader-correction")
CURSOR_KEYS = ("reader-cursor", "reader-selection", "reader-search")
ALL_KEYS = ENTITY_KEYS + FINDING_KEYS + RECORD_KEYS + CURSOR_KEYS

#: How each kind is drawn besides its colour: distinguishable on a monochrome terminal,
#: so no two text kinds share a style (tests/ui/test_ui_defects.py checks it).
#: ``fg`` kinds colour the text, ``bg`` kinds tint the background.
TEXT_STYLES: dict[str, tuple[str, str]] = {
    "reader-person": ("fg", "bold"),
    "reader-place": ("fg", "bold italic"),
    "reader-org": ("fg", "bold underline"),
    "reader-date": ("fg", "italic"),
    "reader-misspelling": ("fg", "underline"),
    "reader-case": ("fg", "bold italic underline"),
    "reader-spacing": ("fg", "reverse"),
    "reader-grammar": ("fg", "italic underline"),
    "reader-repetition": ("fg", "strike"),
    "reader-foreign": ("fg", "italic reverse"),
    "reader-ocr": ("fg", "bold reverse"),
    "reader-variant": ("fg", "underline reverse"),
    "reader-annotation": ("bg", ""),
    "reader-correction": ("bg", ""),
    "reader-cursor": ("bg", "bold reverse"),
    "reader-selection": ("bg", ""),
    "reader-search": ("bg", ""),
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
