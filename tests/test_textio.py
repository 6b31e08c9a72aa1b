"""Bytes -> frozen text: every odd input the importer meets, plus a property test."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import InputError
from reader.textio import decode_bytes, sanitize, title_of, word_count

WESTERN = "Le café crème coûte très cher à Besançon; Über die Straße gehen Schüler. “Quoted” – dash.\n"


def test_utf8_bom_is_stripped():
    d = decode_bytes(codecs.BOM_UTF8 + "Zürich\n".encode())
    assert d.text == "Zürich\n"
    assert d.encoding == "utf-8" and d.warning is None


def test_crlf_and_lone_cr_become_newlines():
    assert decode_bytes(b"one\r\ntwo\rthree\n\r\n").text == "one\ntwo\nthree\n\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_western_encoding_falls_back_with_a_warning(encoding):
    data = WESTERN.encode(encoding, "replace")
    d = decode_bytes(data, name="old.txt")
    assert d.text == data.decode(encoding)  # no "è" turned into "č" by a wrong code page
    assert d.warning and "old.txt" in d.warning and "not valid UTF-8" in d.warning


def test_other_legacy_encoding_is_detected():
    text = "Москва и Санкт-Петербург — крупнейшие города России, где живут миллионы людей.\n"
    d = decode_bytes(text.encode("cp1251"))
    assert d.text == text and d.warning


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec):
    text = "Tórshavn\r\nPlovdiv\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    d = decode_bytes(data)
    assert d.text == "Tórshavn\nPlovdiv\n" and d.warning is None


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"%PDF-1.7\n" + b"\x00" * 50,
        b"PK\x03\x04" + b"\x00" * 40,
        b"text\x00\x00\x00" * 100,
        bytes(range(1, 9)) * 200,
    ],
)
def test_binary_input_is_refused_with_one_line(data):
    with pytest.raises(InputError) as info:
        decode_bytes(data, name="thing.txt")
    message = info.value.message
    assert "thing.txt" in message and "not a text file" in message and "\n" not in message


def test_control_and_escape_bytes_become_visible_symbols_keeping_offsets():
    raw = "a\x1b[31mred\x07b\x00c\x7fd\x85e\tf\n"
    d = decode_bytes(raw.encode("utf-8"))
    assert d.text == "a␛[31mred␇b␀c␡d\ufffde\tf\n"
    assert len(d.text) == len(raw)  # one code point for one: offsets are preserved
    for i, ch in enumerate(raw):
        if ch.isprintable() or ch in "\n\t":
            assert d.text[i] == ch


def test_sanitize_is_idempotent():
    once = sanitize("x\r\ny\x1b\x9b")
    assert sanitize(once) == once


def test_title_from_heading_or_first_line():
    assert title_of("\n\n# A heading #\n\nbody") == "A heading"
    assert title_of("\n  First line  \nsecond") == "First line"
    assert title_of("   \n", fallback="file") == "file"


def test_word_count_ignores_punctuation_runs():
    assert word_count("ten -year plan — ok , 2026") == 5


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch not in "\n\t"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_decode_bytes_never_raises_other_errors_and_output_has_no_controls(data):
    try:
        d = decode_bytes(data)
    except InputError as exc:
        assert "\n" not in exc.message
        return
    assert not any(_is_control(ch) for ch in d.text)
    assert "\r" not in d.text


_TEXT = st.text(
    alphabet=st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("\n\t\r")),
    max_size=200,
)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_utf8_text_round_trips_apart_from_newlines(text):
    d = decode_bytes(text.encode("utf-8"))
    body = text[1:] if text.startswith("\ufeff") else text
    assert d.text == body.replace("\r\n", "\n").replace("\r", "\n")
    assert d.warning is None


def test_text_starting_like_a_short_magic_number_is_still_text():
    assert decode_bytes(b"MZ Mazowieckie news\n").text.startswith("MZ")
