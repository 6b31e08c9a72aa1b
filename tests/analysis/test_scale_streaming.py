"""``reader check`` streams: the same bytes as the whole-document path, chunk by chunk.

The old ``reader check`` built every result with ``analyze_many`` and printed one
``json.dumps`` of the whole document; these tests rebuild that output here and compare it
with the streamed one byte for byte, with chunks shrunk so that small inputs cross many
chunk boundaries (and entities straddle some).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader.analysis.doc as doc
from reader.analysis import AnalysisContext, analyze_many
from reader.analysis.parallel import OrderedRuns
from reader.analysis.streaming import EntityStore, StreamedAnalysis, entity_segments
from reader.model import Entity, Finding
from reader.textio import read_text_file, title_of

ARTICLES = [
    "Geneva summit\n\nGENEVA — The goverment of romania annouced on Wendsday a two -day plan, "
    "“con buena fe”. It’s a urgent matter: drier summers, drier summers.\n\n"
    "Tomasz Wierzbicki said the the plan was c1ose to done. Wierzbiki added that "
    "Anna Halvorsen of the Ministry of Trade agreed on 3 March 2024.\n",
    "Second note\n\nTomasz Wierzbiki met Anna Halvorsen in Germny. The coucil met in an "
    "hour. Halvorsen said a union of the the old bridge, the old bridge was needed.\n" * 6,
    "",
]


def _old_json(paths: list[str], context: AnalysisContext | None = None) -> str:
    """What ``reader check --format json`` printed before it streamed."""
    inputs = []
    for raw in paths:
        text = read_text_file(Path(raw)).text
        inputs.append((raw, title_of(text, Path(raw).stem), text))
    results = analyze_many([t for _, _, t in inputs], context)
    document = {"articles": [
        {"path": p, "title": title, "findings": [f.to_json() for f in r.findings],
         "entities": [e.to_json() for e in r.entities]}
        for (p, title, _), r in zip(inputs, results)
    ]}
    return json.dumps(document, ensure_ascii=False) + "\n"


def _old_text(paths: list[str]) -> str:
    """What ``reader check`` (text format) printed before it streamed."""
    from bisect import bisect_right

    texts = [read_text_file(Path(p)).text for p in paths]
    lines = []
    for p, text, res in zip(paths, texts, analyze_many(texts)):
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        for f in res.findings:
            line = bisect_right(starts, f.start)
            col = f.start - starts[line - 1] + 1
            fix = f.suggestions[0] if f.suggestions else "?"
            one = lambda s: s.replace("\n", "⏎").replace("\t", " ")  # noqa: E731
            lines.append(f"{p}:{line}:{col}: {f.kind}: {one(f.text)} -> {one(fix)}")
    return "\n".join(lines) + "\n" if lines else ""


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    paths = []
    for i, text in enumerate(ARTICLES):
        p = tmp_path / f"a{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    return paths


@pytest.mark.parametrize("chunk", [400_000, 120, 37])
def test_streamed_json_is_byte_identical_to_the_whole_document(run_cli, files, monkeypatch, chunk):
    monkeypatch.setattr(doc, "CHUNK_CHARS", chunk)
    status, out, err = run_cli("check", "--format", "json", *files)
    assert status == 1 and err == ""
    assert out == _old_json(files)
    assert len(json.loads(out)["articles"]) == 3


@pytest.mark.parametrize("chunk", [400_000, 50])
def test_streamed_text_format_is_identical(run_cli, files, monkeypatch, chunk):
    monkeypatch.setattr(doc, "CHUNK_CHARS", chunk)
    status, out, _ = run_cli("check", *files)
    assert status == 1
    assert out == _old_text(files)
    assert out.count("\n") >= 10


def test_kinds_and_dictionary_apply_per_chunk(files, monkeypatch):
    monkeypatch.setattr(doc, "CHUNK_CHARS", 60)
    texts = [read_text_file(Path(p)).text for p in files]
    ctx = AnalysisContext(dictionary=frozenset({"goverment"}), kinds=frozenset({"misspelling", "variant"}))
    with StreamedAnalysis(texts, ctx) as run:
        streamed = [[f for batch in run.findings(t) for f in batch] for t in range(len(texts))]
        entities = [[e for batch in run.entities(t) for e in batch] for t in range(len(texts))]
    whole = analyze_many(texts, ctx)
    assert streamed == [list(r.findings) for r in whole]
    assert entities == [list(r.entities) for r in whole]
    assert {f.kind for fs in streamed for f in fs} == {"misspelling", "variant"}


def test_findings_must_be_read_in_order(files):
    texts = [read_text_file(Path(p)).text for p in files]
    with StreamedAnalysis(texts) as run:
        with pytest.raises(RuntimeError):
            next(run.findings(1))


def test_entity_segments_are_whole_chunks(monkeypatch):
    import reader.analysis.streaming as streaming

    monkeypatch.setattr(doc, "CHUNK_CHARS", 40)
    monkeypatch.setattr(streaming, "ENTITY_SEGMENT_CHARS", 300)
    text = "A short paragraph of words here.\n\n" * 30
    sizes = iter([100, 250, 60, 1000])
    segs = list(entity_segments(text, lambda: next(sizes)))
    assert segs[0][0] == 0 and segs[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(segs, segs[1:]))
    cuts = {end for _, end in doc.chunk_bounds(text)}
    assert all(end in cuts for _, end in segs)
    assert [end - start >= want for (start, end), want in zip(segs, [100, 250, 60])] == [True] * 3
    assert len(segs) == 4
    assert list(entity_segments("short " * 50, 10)) == [(0, 300)]  # short texts stay whole


def test_long_texts_get_entities_segment_by_segment(monkeypatch):
    import reader.analysis.streaming as streaming

    monkeypatch.setattr(doc, "CHUNK_CHARS", 200)
    monkeypatch.setattr(streaming, "ENTITY_SEGMENT_CHARS", 1000)
    monkeypatch.setattr(streaming, "ENTITY_PROBE_CHARS", 600)
    monkeypatch.setattr(streaming, "ENTITY_SEGMENT_ENTITIES", 3)
    para = "Anna Halvorsen met Tomasz Wierzbicki in Geneva on Tuesday to talk.\n\n"
    text = para * 60
    with StreamedAnalysis([text]) as run:
        found = [f for batch in run.findings(0) for f in batch]
        ents = [e for batch in run.entities(0) for e in batch]
    assert ents and all(text[e.start:e.end] == e.text for e in ents)
    assert [e.start for e in ents] == sorted(e.start for e in ents)
    assert {e.text for e in ents} >= {"Geneva", "Tuesday"}
    assert ents[-1].start > len(text) - len(para)  # every segment was looked at
    assert len(list(entity_segments(text, 600))) > 1
    assert all(text[f.start:f.end] == f.text for f in found)


_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6), st.sampled_from(["PERSON", "DATE"]),
                            st.booleans()), max_size=12)


@settings(max_examples=60, deadline=None)
@given(_spans, st.integers(0, 70), st.integers(0, 20))
def test_entity_store_round_trips_and_finds_overlaps(spans, at, width):
    text = "abcdefghij" * 8
    ents, pos = [], 0
    for gap, length, label, canonical in spans:  # sorted, non-overlapping, as found
        start = pos + gap % 5
        end = min(start + length, len(text))
        if start >= end:
            break
        ents.append(Entity(start, end, text[start:end], label, "Canon" if canonical else None))
        pos = end
    store = EntityStore(text)
    store.add([Entity(e.start - 3, e.end - 3, e.text, e.label, e.canonical) for e in ents], base=3)
    assert list(store) == ents and len(store) == len(ents)
    assert store[1:3] == ents[1:3] and (not ents or store[-1] == ents[-1])
    assert [list(b) for b in store.batches(2)] == [ents[i:i + 2] for i in range(0, len(ents), 2)]
    lo, hi = at, at + width
    assert store.overlapping(lo, hi) == [e for e in ents if e.start < hi and lo < e.end]
    assert store.straddles(at) == any(e.start < at < e.end for e in ents)


def _square(i: int, shared: dict) -> list[Finding]:
    shared["calls"] = shared.get("calls", 0) + 1
    return [Finding(i, i + 1, "x", "misspelling", f"job {i} pid {os.getpid()}", (str(i * i),))]


@pytest.mark.parametrize("use_fork", [False, True])
def test_ordered_runs_yield_every_job_once_in_order(use_fork):
    with OrderedRuns(40, _square, use_fork) as runs:
        got = list(runs)
    assert [i for i, _ in got] == list(range(40))
    assert [f[0].suggestions for _, f in got] == [(str(i * i),) for i in range(40)]
    assert runs.pid == 0  # the worker was reaped


def test_ordered_runs_survive_a_failing_worker():
    parent = os.getpid()

    def flaky(i: int, shared: dict) -> list[Finding]:
        if os.getpid() != parent and i >= 3:
            raise RuntimeError("worker dies")
        return _square(i, shared)

    with OrderedRuns(20, flaky, True) as runs:
        got = list(runs)
    assert [f[0].start for _, f in got] == list(range(20))


def test_closing_early_stops_the_worker():
    runs = OrderedRuns(1000, _square, True).start()
    first = next(iter(runs))
    runs.close()
    assert first[0] == 0 and runs.pid == 0
