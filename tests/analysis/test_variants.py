"""Name variants within and across documents, canonical choice, and robustness."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.entities import find_entities
from reader.analysis.lexicon import Lexicon, get_lexicon
from reader.analysis.variants import canonical_names, find_variants
from reader.model import Entity


@pytest.fixture(scope="module")
def lex():
    return get_lexicon()


def run(texts: list[str], lex, known: tuple[str, ...] = ()):
    docs = [(t, find_entities(t, lex)) for t in texts]
    return docs, find_variants(docs, lex, known_names=known)


def test_variant_within_a_document_prefers_the_frequent_form(lex):
    text = (
        "Yesterday Rói Brandtnerova spoke. Brandtnerova said more. "
        "Later Brandtnerova left, and Brandtnarova returned."
    )
    _, [found] = run([text], lex)
    assert [(f.text, f.suggestions) for f in found] == [("Brandtnarova", ("Brandtnerova",))]
    f = found[0]
    assert f.kind == "variant" and text[f.start : f.end] == f.text


def test_variant_across_documents_prefers_the_known_form(lex):
    a = "The envoy, Tomasz Wierzbicki, chaired the committee. Wierzbicki added more."
    b = "The Commissioner, Tomasz Wierzbiki, urged talks. Wierzbiki said so."
    _, (fa, fb) = run([a, b], lex)
    assert fa == []  # the correct spelling is never flagged
    assert [(f.text, f.suggestions[0]) for f in fb] == [("Wierzbiki", "Wierzbicki")] * 2


def test_tie_goes_to_the_longer_form(lex):
    a = "Experts met Amara Okafor-Ndiaye in Geneva."
    b = "Earlier, Amara Okafor-Ndiay spoke in Lisbon."
    _, (fa, fb) = run([a, b], lex)
    assert fa == []
    assert [f.suggestions[0] for f in fb] == ["Okafor-Ndiaye"]


def test_known_names_from_the_library_count(lex):
    text = "Yesterday Verena Gruberova spoke in Vienna."
    _, [found] = run([text], lex, known=("Verena Grubberova", "Verena Grubberova"))
    assert [(f.text, f.suggestions[0]) for f in found] == [("Gruberova", "Grubberova")]


def test_misspelled_well_known_place(lex):
    text = "Officials flew from Brusels to Vienna on Monday."
    docs, [found] = run([text], lex)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Brusels", "Brussels")]


def test_two_real_names_are_not_variants(lex):
    text = "Anna Hansen met Peter Hanson in Austria and later in Australia."
    _, [found] = run([text], lex)
    assert found == []


def test_case_only_difference_is_not_a_variant(lex):
    text = "ROTTERDAM — Dockers in Rotterdam struck again."
    _, [found] = run([text], lex)
    assert found == []


def test_canonical_names_marks_the_misspelled_entity(lex):
    a = "The envoy, Tomasz Wierzbicki, chaired. Wierzbicki added more."
    b = "The Commissioner, Tomasz Wierzbiki, urged talks."
    docs = [(t, find_entities(t, lex)) for t in (a, b)]
    fixed = canonical_names(docs, lex)
    by_text = {e.text: e.canonical for e in fixed[1]}
    assert by_text["Tomasz Wierzbiki"] == "Tomasz Wierzbicki"
    assert all(e.canonical is None for e in fixed[0])


def test_no_documents_and_no_entities():
    lex = Lexicon({})
    assert find_variants([], lex) == []
    assert find_variants([("text", [])], lex) == [[]]
    assert find_variants([("Ab", [Entity(0, 2, "Ab", "PERSON")])], lex) == [[]]


_EMPTY = Lexicon({"the": 7.7, "said": 6.0, "minister": 4.9})


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode_never_crashes_and_spans_are_valid(text):
    ents = find_entities(text, _EMPTY)
    for e in ents:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.label in ("PERSON", "PLACE", "ORG", "DATE")
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:]))
    [found] = find_variants([(text, ents)], _EMPTY, known_names=("Xavier Brandt",))
    for f in found:
        assert text[f.start : f.end] == f.text and f.kind == "variant"


_WORD = st.sampled_from(
    ["Anna", "Brandt", "Brant", "de", "Geneva", "GENEVA", "said", "the", "Minister", "of",
     "University", "May", "12", "2024", "Mr.", "J.", "Wendsday", "Okafor-Ndiaye", "’s", "in"]
)
_SEP = st.sampled_from([" ", " ", ". ", ", ", "\n", " — ", "\n\n", "“", "”"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_WORD, _SEP), max_size=40))
def test_name_like_text_keeps_spans_valid(parts):
    text = "".join(w + s for w, s in parts)
    ents = find_entities(text, _EMPTY)
    assert all(text[e.start : e.end] == e.text for e in ents)
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:]))
    [found] = find_variants([(text, ents)], _EMPTY)
    assert all(text[f.start : f.end] == f.text for f in found)
    assert all(f.text != f.suggestions[0] for f in found)


def test_misspelled_given_name_but_not_a_rare_surname(lex):
    text = "The host, Ingird Halvorsen, met Sunneva Joensen in Oslo."
    _, [found] = run([text], lex)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Ingird", "Ingrid")]
