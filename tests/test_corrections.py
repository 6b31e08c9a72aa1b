"""Projection of corrections onto the frozen text, offset maps, word search and diffs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.corrections import (
    OffsetMap,
    applicable,
    apply_corrections,
    compact_diff,
    ordered,
    overlaps,
    project,
    unified_diff,
    word_occurrences,
)
from reader.model import Correction


def corr(start: int, end: int, text: str, replacement: str, cid: str = "") -> Correction:
    return Correction(cid or f"c{start}-{end}", "a1", start, end, text[start:end], replacement)


@st.composite
def texts_and_corrections(draw):
    """A text and non-overlapping corrections (including insertions and deletions)."""
    text = draw(st.text(alphabet="ab \n", min_size=0, max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    out: list[Correction] = []
    last = -1
    for i in range(0, len(cuts) - 1, 2):
        s, e = cuts[i], cuts[i + 1]
        if s == last and s == e:
            continue
        if s < last:
            continue
        rep = draw(st.text(alphabet="XYZ", max_size=5))
        out.append(corr(s, e, text, rep, cid=f"c{i}"))
        last = e
    return text, out


def manual_splice(text: str, corrections: list[Correction]) -> str:
    for c in sorted(corrections, key=lambda c: (c.start, c.end), reverse=True):
        text = text[: c.start] + c.replacement + text[c.end :]
    return text


def inside_any(x: int, corrections: list[Correction]) -> bool:
    """Inside a correction, or on a deleted stretch (whose characters have no image)."""
    return any(c.start < x < c.end or (not c.replacement and c.start <= x <= c.end) for c in corrections)


@given(texts_and_corrections())
def test_apply_equals_manual_splice(data):
    text, cs = data
    assert apply_corrections(text, cs) == manual_splice(text, ordered(cs))


@given(texts_and_corrections())
def test_round_trip_outside_corrections(data):
    text, cs = data
    corrected, omap = project(text, cs)
    for x in range(len(text) + 1):
        if inside_any(x, cs):
            continue
        y = omap.to_corrected(x)
        assert 0 <= y <= len(corrected)
        assert omap.to_original(y) == x
        y_end = omap.to_corrected(x, end=True)
        assert omap.to_original(y_end, end=True) == x


@given(texts_and_corrections(), st.data())
def test_untouched_spans_keep_their_characters(data, draw):
    text, cs = data
    corrected, omap = project(text, cs)
    s = draw.draw(st.integers(0, len(text)))
    e = draw.draw(st.integers(s, len(text)))
    if any(overlaps(s, e, c.start, c.end) for c in cs) or s == e:
        return
    cs_, ce_ = omap.span_to_corrected(s, e)
    assert corrected[cs_:ce_] == text[s:e]
    assert omap.span_to_original(cs_, ce_) == (s, e)


@given(texts_and_corrections(), st.data())
def test_corrected_span_maps_to_covering_original(data, draw):
    """Any corrected span maps back to an original span whose projection covers it."""
    text, cs = data
    corrected, omap = project(text, cs)
    if not corrected:
        return
    s = draw.draw(st.integers(0, len(corrected) - 1))
    e = draw.draw(st.integers(s + 1, len(corrected)))
    os_, oe = omap.span_to_original(s, e)
    assert 0 <= os_ <= oe <= len(text)
    if os_ == oe:  # only inserted text: an empty original span where it was inserted
        assert any(c.start == c.end == os_ for c in omap.corrections)
        return
    back_s, back_e = omap.span_to_corrected(os_, oe)
    inserted_at = {c.start for c in omap.corrections if c.start == c.end}
    # only text inserted right at a boundary may fall outside (it has no original span)
    assert back_s <= s or os_ in inserted_at
    assert e <= back_e or oe in inserted_at
    touched = omap.touching(s, e)
    assert all(c in omap.corrections for c in touched)
    if back_s > s or e > back_e:
        assert any(c.start == c.end for c in touched)


def test_deletion_start_maps_past_deleted_text():
    text = "the the cat"
    omap = OffsetMap([corr(4, 8, text, "")])
    corrected = apply_corrections(text, omap.corrections)
    assert corrected == "the cat"
    assert omap.span_to_original(4, 7) == (8, 11)
    assert omap.span_to_original(0, 3) == (0, 3)


def test_insertion_is_outside_adjacent_spans():
    text = "word,word"
    omap = OffsetMap([corr(5, 5, text, " ")])
    assert apply_corrections(text, omap.corrections) == "word, word"
    assert omap.span_to_corrected(5, 9) == (6, 10)
    assert omap.span_to_corrected(0, 5) == (0, 5)


def test_span_inside_replacement_widens_to_the_correction():
    text = "on Wendsday night"
    omap = OffsetMap([corr(3, 11, text, "Wednesday")])
    assert omap.span_to_original(5, 7) == (3, 11)
    assert omap.span_to_original(0, 5) == (0, 11)


def test_touching_lists_corrections_shown_in_a_span():
    text = "word,word"
    omap = OffsetMap([corr(5, 5, text, " ", "ins"), corr(0, 4, text, "Word", "cap")])
    # corrected: "Word, word"
    assert [c.id for c in omap.touching(4, 7)] == ["ins"]
    assert [c.id for c in omap.touching(0, 1)] == ["cap"]
    assert [c.id for c in omap.touching(1, 1)] == ["cap"]  # typing inside a corrected word
    assert omap.touching(4, 4) == []


def test_stale_corrections_do_not_apply():
    text = "a cat sat"
    good = corr(2, 5, text, "dog")
    stale = Correction("s", "a1", 6, 9, "mat", "hat")
    out_of_range = Correction("o", "a1", 8, 20, "t", "x")
    assert applicable(text, [good, stale, out_of_range]) == [good]
    assert apply_corrections(text, [good, stale, out_of_range]) == "a dog sat"


def test_ordered_drops_overlaps_and_duplicate_insertions():
    text = "abcdef"
    a, b = corr(0, 3, text, "X", "a"), corr(2, 4, text, "Y", "b")
    i1, i2 = corr(5, 5, text, "1", "i1"), corr(5, 5, text, "2", "i2")
    kept = ordered([b, a, i1, i2])
    assert [c.id for c in kept] == ["a", "i1"]


def test_word_occurrences_are_whole_words():
    text = "cat catalog cat's bobcat cat-like (cat) cat"
    spans = word_occurrences(text, "cat")
    assert [text[s - 1 : e + 1] if s else text[s : e + 1] for s, e in spans] == ["cat ", "(cat)", " cat"]


def test_compact_and_unified_diff():
    text = "first line\nsecond Wendsday\n\"x\" here"
    cs = [corr(18, 26, text, "Wednesday"), corr(27, 30, text, "'y'")]
    assert compact_diff(text, cs) == ['line 2: "Wendsday" -> "Wednesday"', 'line 3: "\\"x\\"" -> "\'y\'"']
    diff = unified_diff(text, cs, name="art")
    assert "-second Wendsday\n" in diff and "+second Wednesday\n" in diff
    assert diff.startswith("--- art (original)")
    assert unified_diff(text, []) == ""
