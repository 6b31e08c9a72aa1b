"""Property-based fuzzing of import and of ``reader check``.

Random bytes and random Unicode (including controls, surrogate-free astral characters,
combining marks, bidi controls, markup brackets) go through the decoder, the file loader,
the analysis function and the ``check`` command. Properties:

* nothing raises except :class:`reader.errors.ReaderError` (import) — analysis never raises;
* decoded text is inert: no control character but newline and tab, no carriage return;
* every finding and entity satisfies ``0 <= start <= end <= len(text)`` and
  ``text[start:end] == text`` — the offsets the JSON contract promises;
* ``reader check`` exits 0/1 with valid JSON exactly when the file decodes, else 2 with one
  line.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import analyze, analyze_many
from reader.errors import InputError, ReaderError
from reader.importing import load_file
from reader.textio import decode_bytes

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

#: Pieces that make analysis work hard: words with typos, names, markup, marks, wide, bidi.
PIECES = [
    "the", "The", "goverment", "Goverment", "anounced", "Geneva", "geneva", "Wendsday", "Mr.", "Dr",
    "McDonald", "O'Brien", "O’Brien", "isn't", "can’t", "e\u0301", "\u0301", "na\u0308ive", "漢字", "👩‍👩‍👧",
    "🇳🇴", "שלום", "\u202e", "\u200d", "\ufeff", "[bold]", "[/]", "[link=x]", "<script>", "&amp;", "  ",
    " ", "\t", "\n", "\n\n", ".", ",", "!", "?", "-", "—", "'", '"', "«", "»", "1", "2024", "l0ndon",
    "teh", "the the", "THE", "Paris", "paris", "Pariss", "x" * 40, "ﬁ", "ǅ", "İstanbul", "ß", "ΣΑΣ",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
)

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_spans_valid(text: str, result) -> None:
    for item in (*result.findings, *result.entities):
        assert 0 <= item.start <= item.end <= len(text), item
        assert text[item.start:item.end] == item.text, item
    for f in result.findings:
        assert isinstance(f.kind, str) and f.kind
        assert all(isinstance(s, str) for s in f.suggestions)


@FUZZ
@given(st.binary(max_size=600))
def test_decode_random_bytes_only_raises_input_error(data: bytes):
    try:
        decoded = decode_bytes(data, name="fuzz")
    except InputError as exc:
        assert "\n" not in exc.message and exc.message.startswith("fuzz")
        return
    assert CONTROL.search(decoded.text) is None
    assert "\r" not in decoded.text


@FUZZ
@given(st.text(max_size=400), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decode_round_trips_unicode_in_every_bom_encoding(text: str, encoding: str):
    """Whatever Unicode was written (with a BOM, or as plain UTF-8) comes back, sanitised."""
    from reader.textio import sanitize

    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # lone surrogates cannot be written in any of these
    try:
        decoded = decode_bytes(data, name="fuzz")
    except InputError:
        # Only text that looks binary (many NULs / control bytes) may be refused.
        assert sum(ch < " " and ch not in "\t\n\r\x0c\x1b" for ch in text) or "\x00" in text
        return
    expected = sanitize(text[1:] if encoding == "utf-8" and text.startswith("\ufeff") else text)
    assert decoded.text == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400), texts.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_load_file_random_content(tmp_path: Path, data: bytes):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    try:
        docs = load_file(path)
    except ReaderError as exc:
        assert "\n" not in exc.message
        return
    assert len(docs) == 1
    assert docs[0].text.strip() and CONTROL.search(docs[0].text) is None
    assert CONTROL.search(docs[0].title) is None and len(docs[0].title) <= 200


@FUZZ
@given(texts)
def test_analysis_offsets_are_always_valid(text: str):
    _assert_spans_valid(text, analyze(text))


@settings(max_examples=40, deadline=None)
@given(st.lists(texts, min_size=2, max_size=4))
def test_analysis_of_several_texts_keeps_offsets_per_text(group: list[str]):
    for text, result in zip(group, analyze_many(group)):
        _assert_spans_valid(text, result)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_analysis_of_decoded_random_bytes(data: bytes):
    try:
        text = decode_bytes(data).text
    except InputError:
        return
    _assert_spans_valid(text, analyze(text))


def _run_cli(*args: str) -> tuple[int, str, str]:
    from reader.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 1
    return status, out.getvalue(), err.getvalue()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), texts.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_check_cli_on_generated_files(tmp_path: Path, data: bytes):
    path = tmp_path / "gen.txt"
    path.write_bytes(data)
    status, out, err = _run_cli("check", "--format", "json", str(path))
    assert "Traceback" not in err
    try:
        text = decode_bytes(data).text
    except InputError:
        assert status == 2 and out == "" and err.startswith("reader: error:") and err.count("\n") == 1
        return
    assert status in (0, 1), err
    doc = json.loads(out)
    [article] = doc["articles"]
    assert status == (1 if article["findings"] else 0)
    for item in article["findings"] + article["entities"]:
        assert 0 <= item["start"] <= item["end"] <= len(text)
        assert text[item["start"]:item["end"]] == item["text"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**20), max_value=10**20) | st.floats(allow_nan=False)
    | st.text(max_size=20) | st.sampled_from(["Annotation", "AnnotationCollection", "TextQuoteSelector",
                                              "TextPositionSelector", "editing", "commenting", "tagging",
                                              "classifying", "urn:reader:article:abc", "exact", "start", "end"]),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["type", "items", "first", "next", "target", "source", "selector", "body",
                                       "purpose", "value", "motivation", "exact", "prefix", "suffix", "start",
                                       "end", "id", "created", "reader:orphan", "lastStart", "lastEnd"]),
                      children, max_size=6),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_w3c_reader_on_random_json_only_raises_reader_error(data):
    """`reader import-annotations` parses any JSON a person hands it: only ReaderError."""
    pytest.importorskip("reader.export.w3c")
    from reader.export.w3c import read_collection

    text = "The harbour master counted every crate.\n"
    try:
        groups = read_collection(data, lambda ref: text)
    except ReaderError:
        return
    for g in groups:
        for a in g.annotations:
            assert 0 <= a.anchor.start <= a.anchor.end <= len(text) or a.orphan
        for c in g.corrections:
            assert 0 <= c.start <= c.end <= len(text)
