"""Property tests for re-anchoring: random edits keep annotations on the same words.

Texts are built from a small vocabulary so short quotes repeat (the case where a naive
anchor jumps to another occurrence). Inserted text comes from a disjoint vocabulary, so an
edit's effect is unambiguous except where a deletion can "slide" over repeated text; the
oracle accepts any placement of the same edit that yields the same new text.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.anchors import make_anchor, reanchor, resolve, span_in_corrected
from reader.corrections import apply_corrections
from reader.model import Annotation, Correction

VOCAB = ["the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "far", ".", "end.\n", "\nso"]
NEW_WORDS = ["ZEBRA", "QUUX", "Yonder", "XX", "Wolf"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def texts_with_spans(draw, min_words=8, max_words=60):
    words = draw(st.lists(st.sampled_from(VOCAB), min_size=min_words, max_size=max_words))
    text = " ".join(words)
    starts = [0]
    for w in words[:-1]:
        starts.append(starts[-1] + len(w) + 1)
    ends = [s + len(w) for s, w in zip(starts, words)]
    n = draw(st.integers(1, 6))
    spans = []
    for _ in range(n):
        i = draw(st.integers(0, len(words) - 1))
        k = draw(st.integers(i, min(len(words) - 1, i + 2)))
        spans.append((starts[i], ends[k]))
    return text, spans


def _annotations(text, spans):
    return [
        Annotation(id=f"a{n}", article_id="art", anchor=make_anchor(text, s, e), note=f"n{n}")
        for n, (s, e) in enumerate(spans)
    ]


def _apply(text, i, j, ins):
    return text[:i] + ins + text[j:]


def _maps_to(s, e, i, j, ins):
    """Where ``[s, e)`` goes under the edit ``text[i:j] = ins``; None if the edit touches it."""
    if j == i:  # insertion
        if i <= s:
            return s + len(ins)
        if i >= e:
            return s
        return None
    if j <= s:
        return s - (j - i) + len(ins)
    if i >= e:
        return s
    return None


def _explanations(text, new_text, s, e, i, j, ins):
    """Every start the span may legitimately have: over all placements of the same edit
    that give the same new text (a deletion inside repeated text can slide)."""
    out = set()
    width = j - i
    for i2 in range(0, len(text) - width + 1):
        if _apply(text, i2, i2 + width, ins) == new_text:
            m = _maps_to(s, e, i2, i2 + width, ins)
            if m is not None:
                out.add(m)
    return out


def _ambiguous(text, new_text, s, e, width, ins):
    for i2 in range(0, len(text) - width + 1):
        if _apply(text, i2, i2 + width, ins) == new_text and _maps_to(s, e, i2, i2 + width, ins) is None:
            return True
    return False


@st.composite
def edits(draw, text):
    kind = draw(st.sampled_from(["insert", "delete", "replace"]))
    i = draw(st.integers(0, len(text)))
    if kind == "insert":
        j = i
    else:
        j = draw(st.integers(i, min(len(text), i + 25)))
    ins = "" if kind == "delete" else " " + " ".join(draw(st.lists(st.sampled_from(NEW_WORDS), min_size=1, max_size=3))) + " "
    return i, j, ins


@SETTINGS
@given(data=st.data())
def test_random_edit_keeps_surviving_annotations_on_the_same_words(data):
    text, spans = data.draw(texts_with_spans())
    i, j, ins = data.draw(edits(text))
    new_text = _apply(text, i, j, ins)
    anns = _annotations(text, spans)
    out = reanchor(anns, text, new_text)
    assert [a.id for a in out] == [a.id for a in anns]  # none lost, order kept
    for (s, e), ann in zip(spans, out):
        allowed = _explanations(text, new_text, s, e, i, j, ins)
        if not allowed:
            continue  # the edit touched this annotation's own text
        if ann.orphan:
            # Only acceptable when another placement of the same edit deletes it.
            assert _ambiguous(text, new_text, s, e, j - i, ins), (text, new_text, (s, e))
            continue
        assert ann.anchor.start in allowed, (text, new_text, (s, e), ann.anchor, allowed)
        assert new_text[ann.anchor.start:ann.anchor.end] == text[s:e]


@SETTINGS
@given(data=st.data())
def test_several_insertions_keep_every_annotation(data):
    text, spans = data.draw(texts_with_spans())
    anns = _annotations(text, spans)
    # Words inserted before words (as an edited source does); arbitrary single edits are
    # the other test's job. Text this repetitive cannot tell its occurrences apart when
    # several edits land around the same word, which that test's oracle allows for.
    boundaries = [0] + [m + 1 for m in range(len(text)) if text[m] == " "]
    positions = sorted(data.draw(st.lists(st.sampled_from(boundaries), min_size=1, max_size=5)), reverse=True)
    new_text = text
    starts = [s for s, _ in spans]
    for p in positions:
        ins = data.draw(st.sampled_from(NEW_WORDS)) + " "
        new_text = new_text[:p] + ins + new_text[p:]
        starts = [s + len(ins) if p <= s else s for s in starts]
    inside = {n for n, (s, e) in enumerate(spans) if any(s < p < e for p in positions)}
    out = reanchor(anns, text, new_text)
    assert len(out) == len(anns)
    for n, ((s, e), ann) in enumerate(zip(spans, out)):
        if n in inside:
            continue
        assert not ann.orphan
        assert new_text[ann.anchor.start:ann.anchor.end] == text[s:e]
        assert ann.anchor.start == starts[n], (text, new_text, (s, e), ann.anchor)


@SETTINGS
@given(data=st.data())
def test_deleted_annotations_become_orphans_and_are_kept(data):
    text, spans = data.draw(texts_with_spans(min_words=12))
    # A distinctive word to annotate (a name the text has once), then delete its passage.
    k = data.draw(st.integers(0, len(text)))
    k = text.rfind(" ", 0, k) + 1
    text = text[:k] + "Zanzibarian " + text[k:]
    spans = [(s + 12 if s >= k else s, e + 12 if e > k else e) for s, e in spans]
    target = (k, k + len("Zanzibarian"))
    anns = _annotations(text, [*spans, target])
    i = max(0, k - data.draw(st.integers(0, 40)))
    j = min(len(text), target[1] + data.draw(st.integers(0, 40)))
    new_text = text[:i] + text[j:]
    out = reanchor(anns, text, new_text)
    assert len(out) == len(anns)
    assert out[-1].orphan
    assert out[-1].anchor.quote == "Zanzibarian"
    # An orphan re-anchors again when the passage comes back.
    back = reanchor(out, new_text, text)
    assert not back[-1].orphan
    assert back[-1].anchor.start == k


@SETTINGS
@given(data=st.data())
def test_resolve_finds_shifted_quotes_in_text_of_distinct_words(data):
    words = [f"{w}{n}" for n, w in enumerate(data.draw(st.lists(st.sampled_from(VOCAB), min_size=5, max_size=40)))]
    text = " ".join(words)
    w = data.draw(st.integers(0, len(words) - 1))
    start = len(" ".join(words[:w])) + (1 if w else 0)
    anchor = make_anchor(text, start, start + len(words[w]))
    shift = " ".join(data.draw(st.lists(st.sampled_from(NEW_WORDS), max_size=4)))
    new_text = shift + " " + text if shift else text
    found = resolve(anchor, new_text)
    assert found == (start + (len(shift) + 1 if shift else 0), start + (len(shift) + 1 if shift else 0) + len(words[w]))


@st.composite
def corrections_on(draw, text):
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    out = []
    for n in range(0, len(cuts) - 1, 2):
        s, e = cuts[n], cuts[n + 1]
        rep = draw(st.text(alphabet="xyz ", max_size=6))
        out.append(Correction(id=f"c{n}", article_id="art", start=s, end=e, original=text[s:e], replacement=rep))
    return out


@SETTINGS
@given(data=st.data())
def test_corrections_move_annotations_by_exact_arithmetic(data):
    text, spans = data.draw(texts_with_spans())
    fixes = data.draw(corrections_on(text))
    corrected = apply_corrections(text, fixes)
    for s, e in spans:
        cs, ce = span_in_corrected(s, e, fixes)
        assert 0 <= cs <= ce <= len(corrected)
        touching = [c for c in fixes if c.start < e and s < c.end]
        if not touching:
            # Untouched annotations show exactly their quote.
            assert corrected[cs:ce] == text[s:e]
        else:
            # A fix inside an annotation grows or shrinks it, never misplaces it: the
            # corrected span is the original span with the fixes applied.
            inner = [
                Correction(c.id, c.article_id, c.start - s, c.end - s, c.original, c.replacement)
                for c in touching if s <= c.start and c.end <= e
            ]
            if len(inner) == len(touching):
                assert corrected[cs:ce] == apply_corrections(text[s:e], inner)
