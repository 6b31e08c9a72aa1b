"""What a blob is and which charset it declares; arbitrary bytes never crash the decoders."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from reader.errors import InputError
from reader.importers import sniff
from reader.importers.html import decode_page


@pytest.mark.parametrize(
    ("data", "ctype", "kind"),
    [
        (b"<?xml version='1.0'?>\n<rss version='2.0'>", None, "feed"),
        (b"\xef\xbb\xbf<?xml version='1.0'?><!-- c --><feed xmlns='http://www.w3.org/2005/Atom'>", None, "feed"),
        (b"<rdf:RDF xmlns:rdf='x'>", "text/xml", "feed"),
        (b"<!DOCTYPE html><html>", None, "html"),
        (b"  <html><body>", "application/octet-stream", "html"),
        (b"<rss>", "text/html", "feed"),
        (b"<config/>", "application/xml", None),
        (b"just words", "text/plain", "text"),
        (b"just words", None, None),
        (b"anything", "application/atom+xml", "feed"),
    ],
)
def test_kind_of(data: bytes, ctype: str | None, kind: str | None) -> None:
    assert sniff.kind_of(data, ctype) == kind


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        (b'<meta charset="Windows-1251">', "cp1251"),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-2'>", "iso8859-2"),
        (b'<meta charset="latin1">', "cp1252"),
        (b'<meta charset="utf-16">', "utf-8"),
        (b'<meta charset="no-such-codec">', None),
        (b"<?xml version='1.0' encoding='koi8-r'?><html>", "koi8-r"),
        (b"<p>nothing declared</p>", None),
    ],
)
def test_declared_charset(data: bytes, charset: str | None) -> None:
    assert sniff.declared_charset(data) == charset


def test_charset_param() -> None:
    assert sniff.charset_param("text/html; charset=\"Shift_JIS\"") == "shift_jis"
    assert sniff.charset_param("text/html") is None


@given(st.binary(max_size=300), st.sampled_from([None, "text/html", "text/xml", "text/plain"]))
def test_kind_of_never_crashes(data: bytes, ctype: str | None) -> None:
    assert sniff.kind_of(data, ctype) in {"html", "feed", "text", None}


@given(st.binary(max_size=200), st.sampled_from([b"", b'<meta charset="cp1251">', b'<meta charset="utf-8">']))
def test_decode_page_returns_text_or_a_clear_error(data: bytes, prefix: bytes) -> None:
    try:
        page = decode_page(prefix + data, name="p")
    except InputError as exc:
        assert exc.message.startswith("p: ")
    else:
        assert isinstance(page.html, str)
