"""Reviewing findings over the corrected text: navigation, ignores, memory, re-analysis."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import AnalysisContext
from reader.editing import Editor
from reader.model import Analysis, Correction, Finding
from reader.review import (
    Review,
    analysis_context,
    corrected_analysis,
    corrected_names,
    correction_counts,
    preferred_fixes,
    with_preferred,
)

#: Made-up typos for the fake analyzer (not from the corpus).
TYPOS = {"aple": ("apple", "ample"), "blorp": ("blurb",), "Zanzibarr": ("Zanzibar",)}


def fake_analyze(text: str, ctx: AnalysisContext) -> Analysis:
    """A tiny deterministic analyzer: listed typos, and "a" before a vowel."""
    found = []
    for m in re.finditer(r"\w+", text):
        w = m.group()
        if w in TYPOS and w not in ctx.dictionary and w not in ctx.ignored:
            found.append(Finding(m.start(), m.end(), w, "misspelling", "typo", TYPOS[w]))
    for m in re.finditer(r"\b([Aa]) ([aeiou]\w*)", text):
        found.append(Finding(m.start(), m.end(), m.group(), "grammar", "a/an", (f"{m.group(1)}n {m.group(2)}",)))
    return Analysis(tuple(sorted(found, key=lambda f: (f.start, f.end))))


TEXT = "I ate a aple and a blorp.\n\nThen a blorp again, in Zanzibarr.\n\nAn aple a day.\n"


@pytest.fixture
def art(library):
    return library.add_article(TEXT, title="T").info.id


def review(lib, aid):
    return Review.for_article(lib, aid, analyzer=fake_analyze)


def texts(r: Review) -> list[str]:
    return [f.text for f in r.findings]


def test_findings_and_navigation(library, art):
    r = review(library, art)
    assert texts(r) == ["a aple", "aple", "blorp", "blorp", "Zanzibarr", "aple"]
    first = r.next_after(-1)
    assert first.text == "a aple"
    assert r.next_after(first.start).text == "aple"
    assert r.previous_before(first.start) is None
    assert r.previous_before(first.start, wrap=True).start == r.findings[-1].start
    assert r.next_after(len(TEXT)) is None and r.next_after(len(TEXT), wrap=True) is first
    assert r.at(TEXT.index("blorp") + 2).text == "blorp"
    assert r.at(0) is None


def test_correction_creates_and_resolves_an_a_an_finding(library, art):
    ed = Editor(library)
    text = TEXT
    s = text.index("blorp")
    ed.correct(art, s, s + 5, "otter")  # "a otter": fixing a word creates an a/an finding
    r = review(library, art)
    assert "a otter" in texts(r)
    assert r.continue_from(s).text == "a otter"  # the cursor lands on what the fix created
    f = next(f for f in r.findings if f.text == "a otter")
    ed.correct_in_view(art, f.start, f.end, f.suggestions[0], kind=f.kind)
    r = review(library, art)
    assert "a otter" not in texts(r)
    assert r.corrected_text.startswith("I ate a aple and an otter.")
    assert r.counts.corrected == 1  # the second correction replaced the first


def test_ignores_and_dictionary_hide_findings(library, art):
    ed = Editor(library)
    r = review(library, art)
    blorp = next(f for f in r.findings if f.text == "blorp")
    ed.ignore_once(art, *r.original_span(blorp), blorp.text)
    r = review(library, art)
    assert texts(r).count("blorp") == 1
    ed.ignore_in_article(art, "aple")
    ed.add_to_dictionary("Zanzibarr")
    r = review(library, art)
    assert texts(r) == ["a aple", "blorp"]
    ed.undo()
    ed.undo()
    ed.undo()
    assert texts(review(library, art)).count("blorp") == 2


def test_ignore_once_holds_after_corrections_before_it(library, art):
    """Ignores are stored in original coordinates, so edits earlier in the text don't move them."""
    ed = Editor(library)
    r = review(library, art)
    last = r.findings[-1]
    ed.ignore_once(art, *r.original_span(last), last.text)
    ed.correct(art, 0, 1, "We")
    r = review(library, art)
    assert [f.text for f in r.findings].count("aple") == 1  # the ignored one stays hidden


def test_corrected_analysis_maps_back(library, art):
    text = TEXT
    s = text.index("aple")
    cs = [Correction("c1", art, 0, 5, "I ate", "Yesterday I ate")]
    corrected, analysis, omap = corrected_analysis(text, cs, AnalysisContext(), fake_analyze)
    f = next(f for f in analysis.findings if f.text == "aple")
    assert corrected[f.start : f.end] == "aple"
    assert omap.span_to_original(f.start, f.end) == (s, s + 4)


def test_correction_memory_puts_the_last_fix_first(library, art):
    other = library.add_article("One aple here.\n", title="O").info.id
    ed = Editor(library)
    s = TEXT.index("aple")
    ed.correct(art, s, s + 4, "ample")
    r = review(library, other)
    assert r.findings[0].suggestions[:2] == ("ample", "apple")
    assert preferred_fixes(library.corrections(art)) == {"aple": "ample"}
    later = Correction("z", art, 0, 1, "aple", "apple", created="2999-01-01T00:00:00+00:00")
    earlier = Correction("y", art, 0, 1, "aple", "ample", created="2000-01-01T00:00:00+00:00")
    assert preferred_fixes([later, earlier]) == {"aple": "apple"}
    f = Finding(0, 4, "aple", "misspelling", "", ("apple", "ample"))
    assert with_preferred(f, {"aple": "ample"}).suggestions == ("ample", "apple")


def test_corrected_names_become_known_names(library, art):
    ed = Editor(library)
    s = TEXT.index("Zanzibarr")
    ed.correct(art, s, s + 9, "Zanzibar", kind="variant")
    ed.correct(art, 0, 1, "We")  # not a name fix
    assert corrected_names([Correction("t", art, 0, 3, "Teh", "The")]) == ()
    assert corrected_names([Correction("p", art, 0, 5, "Pariss", "Paris")]) == ("Paris",)
    assert corrected_names(library.corrections(art)) == ("Zanzibar",)
    other = library.add_article("News from Zanzibarr.\n", title="N").info.id
    ctx = analysis_context(library, other, known_names=("Geneva",))
    assert ctx.known_names == ("Geneva", "Zanzibar")


def test_correction_counts(library, art):
    ed = Editor(library)
    s = TEXT.index("Zanzibarr")
    ed.correct(art, s, s + 9, "Zanzibar")
    text = library.get_text(art)
    _, analysis, _ = corrected_analysis(text, library.corrections(art), AnalysisContext(), fake_analyze)
    counts = correction_counts(library, art, analysis)
    assert (counts.corrected, counts.remaining) == (1, 5)


def test_reload_reanalyses_only_the_touched_paragraph(library, art):
    ed = Editor(library)
    r = review(library, art)
    f = next(f for f in r.findings if f.text == "blorp" and f.start > 30)
    change = ed.correct_in_view(art, f.start, f.end, "otter")  # creates "a otter"
    r.reload(library, change)
    assert "a otter" in texts(r)
    assert 0 < r.reanalysed_chars < len(r.corrected_text) / 2
    assert texts(r) == texts(review(library, art))
    change = ed.undo()
    r.reload(library, change)
    assert r.findings == review(library, art).findings


WORDS = ["a", "aple", "blorp", "egg", "the", "Zanzibarr", "an", "cat"]


@st.composite
def paragraphs(draw):
    paras = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), min_size=1, max_size=5))
    return "\n\n".join(" ".join(p) for p in paras) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs(), st.lists(st.tuples(st.integers(0, 200), st.sampled_from(WORDS + [""])), min_size=1, max_size=6))
def test_incremental_reload_equals_full_analysis(text, edits):
    from reader.corrections import word_occurrences

    words = [(s, e) for w in set(WORDS) for s, e in word_occurrences(text, w)]
    words.sort()
    corrections: list[Correction] = []
    ctx = AnalysisContext()
    r = Review(text, [], [], ctx, analyzer=fake_analyze)
    for n, (pick, replacement) in enumerate(edits):
        s, e = words[pick % len(words)]
        corrections = [c for c in corrections if not (c.start < e and s < c.end)]
        corrections.append(Correction(f"c{n}", "x", s, e, text[s:e], replacement))
        r.update(corrections, [], ctx, spans=[(s, e)])
        fresh = Review(text, corrections, [], ctx, analyzer=fake_analyze)
        assert r.corrected_text == fresh.corrected_text
        assert r.findings == fresh.findings


def test_shared_memory_updates_other_reviews(library, art):
    from reader.review import LibraryMemory

    other = library.add_article("One aple here.\n", title="O").info.id
    memory = LibraryMemory(library)
    r_art = Review.for_article(library, art, analyzer=fake_analyze, memory=memory)
    r_other = Review.for_article(library, other, analyzer=fake_analyze, memory=memory)
    assert r_other.findings[0].suggestions[0] == "apple"
    s = TEXT.index("aple")
    change = Editor(library).correct(art, s, s + 4, "ample")
    r_art.reload(library, change)
    r_other.reload(library, change)
    assert r_other.findings[0].suggestions[:2] == ("ample", "apple")
    assert memory.preferred == {"aple": "ample"}
