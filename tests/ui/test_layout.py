"""Properties of the soft-wrap layout: rows cover the text in order and fit the width."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.ui.layout import Layout, block_spans, wrap_block

ALPHABET = st.sampled_from(list("ab cd  ef\n") + ["é", "東", "📰", "\u0301", "ß"])


@settings(max_examples=150, deadline=None)
@given(st.text(ALPHABET, max_size=300), st.integers(min_value=2, max_value=40))
def test_rows_cover_the_text_in_order_and_fit(text: str, width: int) -> None:
    blocks = block_spans(text)
    for b in range(len(blocks)):
        start, end = blocks.starts[b], blocks.ends[b]
        rows = wrap_block(text, start, end, width, blocks)
        assert rows[0] == start
        assert rows == sorted(set(rows))
        assert all(start <= r < end for r in rows)
        for a, z in zip(rows, rows[1:] + [end]):
            # trailing spaces (and a combining mark left on one) are not drawn
            shown = re.sub("[ \u0301]+$", "", text[a:z])
            # a row fits unless it is one character wider than the width
            assert cell_len(shown) <= width or len(shown) == 1
            # nothing but spaces is dropped between rows
            assert text[a:z].startswith(shown)


@settings(max_examples=100, deadline=None)
@given(st.text(ALPHABET, max_size=400), st.integers(min_value=8, max_value=30))
def test_offset_and_row_round_trip(text: str, width: int) -> None:
    layout = Layout(text, block_spans(text), width)
    for row in range(layout.total_rows):
        info = layout.row_info(row)
        if info is None:
            continue
        assert layout.row_of_offset(info[1]) == row
        assert layout.offset_of_row(row) == info[1]


def test_paragraph_spacing_and_hard_breaks() -> None:
    text = "one\ntwo\n\n\nthree"
    layout = Layout(text, block_spans(text), 20)
    shown = [layout.row_info(r) for r in range(layout.total_rows)]
    assert [text[i[1]:i[2]] if i else "" for i in shown] == ["one", "two", "", "three"]


def test_wide_characters_wrap_by_cells() -> None:
    text = "東京 東京 東京"
    rows = wrap_block(text, 0, len(text), 5)
    assert [text[a:b].strip() for a, b in zip(rows, rows[1:] + [len(text)])] == ["東京", "東京", "東京"]
