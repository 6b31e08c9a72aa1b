"""A stored library of the stories test corpus (tests/stories_data/corpus.py)."""

from __future__ import annotations

import pytest

from tests.stories_data.corpus import ARTICLES


def add_corpus(lib) -> dict[str, str | None]:
    """Add every corpus article; returns article id -> event (None: unrelated)."""
    truth = {}
    for event, title, date, text in ARTICLES:
        info = lib.add_article(text, title=title, meta={"date": date}).info
        truth[info.id] = event
    return truth


@pytest.fixture
def corpus_library(library):
    """``(library, truth)`` with the whole corpus added."""
    return library, add_corpus(library)
