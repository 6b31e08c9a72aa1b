"""Every key of the reading view, in one list (the screen's ``BINDINGS``).

Kept apart from the screen so the keys are easy to review together: each has an id, a
description (the Footer, the ``?`` screen and the command palette's ``reading: …`` names
come from it) and, for the less obvious ones, a tooltip.
"""

from __future__ import annotations

from textual.binding import Binding

READING_BINDINGS: list[Binding] = [
    Binding("j,down", "scroll(1)", "Line down", id="line-down", show=False),
    Binding("k,up", "scroll(-1)", "Line up", id="line-up", show=False),
    Binding("space,pagedown,f", "page(1)", "Page down", id="page-down", key_display="space", show=False),
    Binding("b,pageup", "page(-1)", "Page up", id="page-up", key_display="b", show=False),
    Binding("g,home", "top", "Top", id="top", show=False),
    Binding("G,end", "bottom", "Bottom", id="bottom", show=False),
    Binding("slash", "search", "Search", id="search", key_display="/"),
    Binding("n", "match(1)", "Next match", id="next-match", show=False),
    Binding("N", "match(-1)", "Previous match", id="previous-match", show=False),
    Binding("e,right_square_bracket", "finding(1)", "Next error", id="next-error",
            tooltip="Go to the next suspected error (also ])"),
    Binding("E,left_square_bracket", "finding(-1)", "Previous error", id="previous-error", show=False,
            tooltip="Go to the previous suspected error (also [)"),
    Binding("z", "fix", "Fix", id="fix", tooltip="Suggestion menu on the current error (1-9 pick, e edit, i/I ignore, r/R replace all)"),
    Binding("Z", "review", "Review all", id="review", show=False,
            tooltip="Step through every suspected error with the menu open (escape stops)"),
    Binding("enter", "enter", "Fix / edit", id="enter", show=False,
            tooltip="Menu on the error under the cursor, else edit the annotation there"),
    Binding("u", "undo", "Undo", id="undo", tooltip="Undo the last correction, ignore or annotation change"),
    Binding("ctrl+r", "redo", "Redo", id="redo", show=False, tooltip="Redo what u undid"),
    Binding("o", "toggle_original", "Original", id="toggle-original", show=False,
            tooltip="Show the original text / the corrected text"),
    Binding("D", "diff", "Corrections", id="corrections-diff", show=False,
            tooltip="Every correction of this article as a compact diff (enter jumps)"),
    Binding("w,right", "move('word')", "Next word", id="next-word", show=False, tooltip="Word cursor to the next word"),
    Binding("W,left", "move('-word')", "Previous word", id="previous-word", show=False,
            tooltip="Word cursor to the previous word"),
    Binding("right_parenthesis", "move('sentence')", "Next sentence", id="next-sentence", show=False,
            key_display=")", tooltip="Word cursor to the next sentence"),
    Binding("left_parenthesis", "move('-sentence')", "Previous sentence", id="previous-sentence", show=False,
            key_display="(", tooltip="Word cursor to the start of the sentence"),
    Binding("right_curly_bracket", "move('paragraph')", "Next paragraph", id="next-paragraph", show=False,
            key_display="}", tooltip="Word cursor to the next paragraph"),
    Binding("left_curly_bracket", "move('-paragraph')", "Previous paragraph", id="previous-paragraph",
            show=False, key_display="{", tooltip="Word cursor to the start of the paragraph"),
    Binding("v", "select", "Select", id="select", show=False,
            tooltip="Start (or stop) a selection; word/sentence/paragraph motions extend it"),
    Binding("a", "annotate", "Annotate", id="annotate", tooltip="Note, tags and label on the selection (or word)"),
    Binding("l", "label", "Label", id="label", show=False,
            tooltip="Entity label on the selection (or word): PERSON, PLACE, ORG, DATE, custom"),
    Binding("d", "delete_note", "Delete note", id="delete-note", show=False,
            tooltip="Delete the annotation under the cursor (u undoes)"),
    Binding("t", "entity(1)", "Next entity", id="next-entity", show=False),
    Binding("T", "entity(-1)", "Previous entity", id="previous-entity", show=False),
    Binding("1", "toggle('entities')", "Toggle entities", id="toggle-entities", show=False),
    Binding("2", "toggle('errors')", "Toggle errors", id="toggle-errors", show=False),
    Binding("3", "toggle('annotations')", "Toggle annotations", id="toggle-annotations", show=False),
    Binding("tab", "panel", "Panel", id="panel", tooltip="Errors, entities and annotations; enter jumps"),
    Binding("plus", "wrap(8)", "Wider text", id="wider", show=False, key_display="+"),
    Binding("minus", "wrap(-8)", "Narrower text", id="narrower", show=False, key_display="-"),
    Binding("x", "export", "Export", id="export", show=False, tooltip="Export this article"),
    Binding("S", "same_name", "Same name in story", id="same-name", show=False,
            tooltip="The name under the cursor in the story's other articles, side by side"),
    Binding("escape,q", "close", "Library", id="back",
            tooltip="Cancel the selection, else back to the library (position is saved)"),
]
