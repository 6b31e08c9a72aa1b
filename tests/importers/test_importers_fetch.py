"""URLs over a local HTTP server on 127.0.0.1: success and every failure has its own message."""

from __future__ import annotations

import socket

import pytest

from reader.errors import InputError
from reader.importers import load_url
from reader.importers.fetch import fetch, http_timeout


def test_article_url_is_extracted_and_recorded(server: str) -> None:
    [doc] = load_url(server + "/article")
    assert doc.title == "Harbour reopens after storm"
    assert doc.source == server + "/article"
    assert doc.meta["url"] == "https://www.gazette.example.org/2024/03/harbour-reopens"
    assert "CHEAP WATCHES" not in doc.text


def test_redirect_is_followed_and_final_url_recorded(server: str) -> None:
    [doc] = load_url(server + "/moved")
    assert doc.source == server + "/article"


def test_charset_of_a_fetched_page_comes_from_its_meta_tag(server: str) -> None:
    [doc] = load_url(server + "/latin2")
    assert "Zażółć gęślą jaźń" in doc.text


def test_404_names_the_status(server: str) -> None:
    with pytest.raises(InputError, match="HTTP 404"):
        load_url(server + "/missing")


def test_500_names_the_status(server: str) -> None:
    with pytest.raises(InputError, match="HTTP 500"):
        load_url(server + "/broken")


def test_timeout(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_HTTP_TIMEOUT", "0.3")
    with pytest.raises(InputError, match=r"timed out after 0.3 s"):
        load_url(server + "/slow")


def test_too_large_by_content_length(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_MAX_BYTES", "20000")
    with pytest.raises(InputError, match=r"bytes, over the import limit of 20,000 bytes"):
        load_url(server + "/big")


def test_too_large_without_content_length_stops_reading(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_MAX_BYTES", "20000")
    with pytest.raises(InputError, match=r"more than 20,000 bytes"):
        load_url(server + "/unbounded")


def test_redirect_loop(server: str) -> None:
    with pytest.raises(InputError, match="redirect loop"):
        load_url(server + "/loop-a")


def test_connection_refused() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(InputError, match="connection refused"):
        load_url(f"http://127.0.0.1:{port}/")


def test_unknown_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(InputError, match="cannot find the host 'news.invalid'"):
        load_url("http://news.invalid/story")


def test_not_a_page_or_feed(server: str) -> None:
    with pytest.raises(InputError, match="sent image/png, not a web page or a feed"):
        load_url(server + "/image.png")


def test_empty_body(server: str) -> None:
    with pytest.raises(InputError, match="empty page"):
        load_url(server + "/empty")


def test_plain_text_url_is_imported_as_text(server: str) -> None:
    [doc] = load_url(server + "/notes.txt")
    assert doc.text == "# Plain notes\n\nSome text.\n"
    assert doc.title == "Plain notes"


def test_other_schemes_are_refused() -> None:
    with pytest.raises(InputError, match="only http:// and https://"):
        fetch("file:///etc/passwd")


def test_redirect_to_another_scheme_is_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import importer_server as conftest

    monkeypatch.setitem(conftest.ROUTES, "/to-file", conftest._redirect("file:///etc/passwd"))
    with pytest.raises(InputError, match="only http:// and https://"):
        fetch(server + "/to-file")


def test_timeout_setting_is_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_HTTP_TIMEOUT", "soon")
    with pytest.raises(InputError, match="READER_HTTP_TIMEOUT"):
        http_timeout()
    monkeypatch.delenv("READER_HTTP_TIMEOUT")
    assert http_timeout() == 15.0


def test_gzip_body_is_unpacked(server: str) -> None:
    [doc] = load_url(server + "/gzipped")
    assert doc.title == "Harbour reopens after storm"


def test_redirects_are_capped(server: str) -> None:
    with pytest.raises(InputError, match="more than 10 redirects"):
        fetch(server + "/chain/0")
