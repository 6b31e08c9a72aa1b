"""Word-cursor motions (pure functions) and the incremental re-wrap after a correction:
examples plus hypothesis properties."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ui.layout import Layout, block_spans
from reader.ui.screens.reading_cursor import WORD, motion, next_word, previous_word, word_at
from reader.ui.widgets.article_view import edited_layout

TEXT = "Hello world. This is it! New one.\n\nPara two here. End.\n"


def walk(names: list[str], start: int = 0) -> list[str]:
    out, pos = [], start
    for name in names:
        span = motion(TEXT, pos, name)
        assert span is not None, name
        out.append(TEXT[span[0]:span[1]])
        pos = span[0]
    return out


def test_motions_by_word_sentence_and_paragraph() -> None:
    assert walk(["word", "word", "sentence", "sentence", "-word", "-sentence", "-sentence"]) == [
        "world", "This", "New", "Para", "one", "New", "This"]
    assert walk(["paragraph", "-paragraph"], 6) == ["Para", "Hello"]
    assert motion(TEXT, TEXT.index("End"), "sentence") is None  # nothing after the last one
    assert motion(TEXT, 0, "-word") is None


def test_extending_forward_stops_on_the_last_word_of_the_unit() -> None:
    span = motion(TEXT, 0, "sentence", extend=True)
    assert TEXT[span[0]:span[1]] == "world"
    span = motion(TEXT, 0, "paragraph", extend=True)
    assert TEXT[span[0]:span[1]] == "one"


words = st.lists(st.sampled_from(["alpha", "be", "c", "don't", "É", "x1", ".", ",", "!", "\n", "\n\n", "  "]),
                 min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(words, st.integers(min_value=0, max_value=400))
def test_word_motions_land_on_whole_words_in_order(parts: list[str], at: int) -> None:
    text = " ".join(parts)
    at = min(at, len(text))
    nxt = next_word(text, at)
    if nxt is not None:
        assert nxt[0] > at and WORD.fullmatch(text, nxt[0], nxt[1])
        assert previous_word(text, nxt[0]) != nxt
    prev = previous_word(text, at)
    if prev is not None:
        assert prev[0] < at and word_at(text, prev[0]) == prev


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.sampled_from(["", "x", "a much longer replacement", " "]),
       st.integers(min_value=0, max_value=8), st.integers(min_value=8, max_value=40))
def test_edited_layout_matches_a_fresh_layout(seed: int, replacement: str, length: int, width: int) -> None:
    rng = random.Random(seed)
    vocab = "alpha beta gamma delta epsilon zeta 東京 é".split()
    text = "\n\n".join(" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 30))) for _ in range(rng.randint(1, 6)))
    i = rng.randrange(len(text))
    new = text[:i] + replacement + text[i + length:]
    edited = edited_layout(Layout(text, block_spans(text), width), text, new)
    fresh = Layout(new, block_spans(new), width)
    if edited is None:  # the edit crossed a block: the view lays out afresh
        return
    assert list(edited.blocks.starts) == list(fresh.blocks.starts)
    assert list(edited.blocks.ends) == list(fresh.blocks.ends)
    assert [edited.row_info(r) for r in range(edited.total_rows)] == [fresh.row_info(r) for r in range(fresh.total_rows)]
