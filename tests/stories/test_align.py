"""Paragraph alignment: reports told in the same order pair up paragraph by paragraph."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.stories.align import align, paragraphs
from tests.stories_data.corpus import ARTICLES


def test_reports_of_one_event_pair_their_paragraphs():
    left = ARTICLES[0][3]   # ferry report 1: grounding, captain, cancellations
    right = ARTICLES[1][3]  # ferry report 2: grounding, captain
    l2r, r2l = align(left, right)
    assert len(l2r) == len(paragraphs(left)) and len(r2l) == len(paragraphs(right))
    assert l2r[0] == 0 and l2r[1] == 1
    assert r2l == [0, 1]


def test_a_paragraph_moved_elsewhere_still_finds_its_partner():
    a = "Fire near the ridge above Pidima.\n\nMayor Karagiorgi opened the school gym.\n\nPlanes dropped water."
    b = "Planes were dropping water over olive groves.\n\nA fire spread near Pidima and the ridge.\n\nThe gym of the school was opened by Karagiorgi."
    l2r, _ = align(a, b)
    assert l2r[0] == 1 and l2r[1] == 2


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="abcde \n", max_size=30), max_size=6),
       st.lists(st.text(alphabet="abcde \n", max_size=30), max_size=6))
def test_every_paragraph_gets_a_valid_monotone_partner(xs, ys):
    left, right = "\n".join(xs), "\n".join(ys)
    l2r, r2l = align(left, right)
    for mapping, other in ((l2r, right), (r2l, left)):
        n = len(paragraphs(other))
        assert all(0 <= j < max(1, n) for j in mapping)
        assert mapping == sorted(mapping)  # order kept
