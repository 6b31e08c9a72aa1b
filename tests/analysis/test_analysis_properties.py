"""Properties: analyze() never crashes on hostile text and every offset is valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import analyze, analyze_many
from reader.analysis.doc import chunks
from reader.analysis.tokens import mask, tokenize

# prose-like pieces mixed with arbitrary unicode, so the checks actually fire
_PIECES = st.sampled_from([
    "the ", "the the ", "a urgent ", "an hour ", "goverment ", "1ocal ", "farrners ", "romania ",
    "two -day ", "said , ", "con buena fe ", "drier summers, drier summers ", "Okafor-Ndiaye ",
    "’", "“", "”", "—", "\n", "\n\n", "# ", "`", "](http://x.y/z) ", "e@x.org ", "Wendsday ",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join)
_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_TEXT)
def test_offsets_are_valid_and_findings_ordered(text):
    res = analyze(text)
    last_end = 0
    for f in res.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.start >= last_end  # sorted, non-overlapping
        last_end = f.end
        assert all(isinstance(s, str) and s for s in f.suggestions)
    for e in res.entities:
        assert text[e.start:e.end] == e.text


@_SETTINGS
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_crashes(text):
    for f in analyze(text).findings:
        assert text[f.start:f.end] == f.text


@_SETTINGS
@given(_TEXT)
def test_mask_and_tokens_keep_offsets(text):
    masked = mask(text)
    assert len(masked) == len(text)
    toks = tokenize(masked)
    for w, s, e in zip(toks.words, toks.starts, toks.ends):
        assert text[s:e] == w


@settings(max_examples=60, deadline=None)
@given(_TEXT, st.integers(min_value=5, max_value=60))
def test_chunks_cover_the_text(text, size):
    parts = chunks(text, size)
    assert "".join(p for _, p in parts) == text
    for (base, piece), (nxt, _) in zip(parts, parts[1:]):
        assert base + len(piece) == nxt


def test_chunked_analysis_equals_whole(monkeypatch):
    para = "The goverment said a urgent two -day plan, drier summers, drier summers.\n\n"
    text = para * 40
    whole = analyze(text).findings
    import reader.analysis.doc as doc

    monkeypatch.setattr(doc, "CHUNK_CHARS", 300)
    assert analyze(text).findings == whole
    assert len(whole) == 40 * 4


def test_parallel_split_gives_the_same_result(monkeypatch):
    import reader.analysis as analysis
    import reader.analysis.doc as doc

    text = "The goverment of romania annouced a urgent plan.\n\n" * 50
    plain = analyze_many([text, text])
    monkeypatch.setattr(doc, "CHUNK_CHARS", 500)
    monkeypatch.setattr(analysis, "PARALLEL_MIN_CHARS", 0)
    assert analyze_many([text, text], parallel=True) == plain
