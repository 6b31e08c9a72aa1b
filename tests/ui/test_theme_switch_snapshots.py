"""Snapshots of the reading view (legend + article view, the app's real stylesheet) with a
span of every highlight kind, in the default dark and the light theme.

Update after an intended visual change with
``python -m pytest tests/ui/test_theme_switch_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from reader.ui.document import ANNOTATIONS, CURRENT, ENTITIES, ERRORS, SEARCH, Document, Span, SpanLayer
from reader.ui.themes import apply_initial_theme, register_all, variable_defaults_for
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.bars import Legend

import reader.ui

STYLESHEET = Path(reader.ui.__file__).with_name("app.tcss")

# Made-up text: one phrase per highlight, named after what it shows.
TEXT = (
    "On Tuesday 3 May the painter Mira Tolvanen left Harbourside for the Grey Gull "
    "Company office. A mispeled word, a wrong CAse, a missing space here,and grammar "
    "that are wrong, a repeated repeated word, a phrase sans traduction, an 0CR slip and "
    "the variant Tolvannen.\n\n"
    "This sentence carries a note; this one a correction. A search hit, the cursor here, "
    "and a selection being made. Markup stays literal: [bold]not bold[/bold]."
)


def span(text: str, key: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text), key)


def document() -> Document:
    doc = Document(TEXT)
    doc.set_layer(SpanLayer(ENTITIES, [
        span("Tuesday 3 May", "reader-date"),
        span("Mira Tolvanen", "reader-person"),
        span("Harbourside", "reader-place"),
        span("Grey Gull Company", "reader-org"),
    ]))
    doc.set_layer(SpanLayer(ERRORS, [
        span("mispeled", "reader-misspelling"),
        span("CAse", "reader-case"),
        span("here,and", "reader-spacing"),
        span("are", "reader-grammar", 0),
        span("repeated repeated", "reader-repetition"),
        span("sans traduction", "reader-foreign"),
        span("0CR", "reader-ocr"),
        span("Tolvannen", "reader-variant"),
    ]))
    doc.set_layer(SpanLayer(ANNOTATIONS, [
        span("carries a note", "reader-annotation"),
        span("a correction", "reader-correction"),
    ]))
    doc.set_layer(SpanLayer(SEARCH, [span("search hit", "reader-search")]))
    doc.set_layer(SpanLayer(CURRENT, [
        span("the cursor", "reader-cursor"),
        span("a selection being made", "reader-selection"),
    ]))
    return doc


class ReadingViewApp(App):
    CSS_PATH = STYLESHEET

    def __init__(self, theme_name: str) -> None:
        super().__init__()
        self._wanted = theme_name
        register_all(self)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults_for(self)

    def compose(self) -> ComposeResult:
        yield Legend()
        yield ArticleView(document(), wrap_width=76)

    def on_mount(self) -> None:
        apply_initial_theme(self, self._wanted)


@pytest.mark.parametrize("theme_name", ["reader-dark", "reader-light"])
def test_reading_view_snapshot(snap_compare, theme_name: str):
    assert snap_compare(ReadingViewApp(theme_name), terminal_size=(84, 14))
