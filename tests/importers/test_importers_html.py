"""Saved web pages: extraction, metadata, charsets, no-article, huge and broken pages."""

from __future__ import annotations

from pathlib import Path

import importer_pages as pages
import pytest

from reader.errors import InputError
from reader.importing import load_file
from reader.importers import handler_for
from reader.importers.html import decode_page, load_page_bytes


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_news_page_keeps_article_drops_boilerplate(tmp_path: Path) -> None:
    [doc] = load_file(_write(tmp_path, "news.html", pages.NEWS))
    assert doc.title == "Harbour reopens after storm"
    for paragraph in pages.PARAGRAPHS:
        assert paragraph in doc.text
    for junk in ("Subscribe now", "CHEAP WATCHES", "First comment", "Copyright", "Ferry timetable", "NAVSCRIPT"):
        assert junk not in doc.text


def test_news_page_paragraphs_are_separated_by_blank_lines(tmp_path: Path) -> None:
    [doc] = load_file(_write(tmp_path, "news.html", pages.NEWS))
    blocks = doc.text.strip("\n").split("\n\n")
    assert blocks[0] == "Harbour reopens after storm"  # the title is the first line
    assert blocks[1:] == [pages.PARAGRAPHS[0], pages.PARAGRAPHS[1], "Damage to the fish market", pages.PARAGRAPHS[2]]


def test_news_page_metadata(tmp_path: Path) -> None:
    path = _write(tmp_path, "news.html", pages.NEWS)
    [doc] = load_file(path)
    assert doc.source == str(path.resolve())
    assert doc.meta["url"] == "https://www.gazette.example.org/2024/03/harbour-reopens"
    assert doc.meta["site"] == "gazette.example.org"
    assert doc.meta["author"] == "Marta Lindqvist"
    assert doc.meta["date"] == "2024-03-05"
    assert doc.meta["format"] == "html"


def test_page_without_article_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article text found"):
        load_file(_write(tmp_path, "index.html", pages.NO_ARTICLE))


def test_broken_html_still_imports(tmp_path: Path) -> None:
    [doc] = load_file(_write(tmp_path, "broken.htm", pages.BROKEN))
    assert doc.title == "Broken page"
    assert "first paragraph of a broken page" in doc.text
    assert "bold and italic text" in doc.text
    assert "in the middle of nowhere" in doc.text


@pytest.mark.parametrize(
    ("data", "sentence", "encoding"),
    [(pages.LATIN2, pages.LATIN2_SENTENCE, "iso8859-2"), (pages.CP1251, pages.CYRILLIC_SENTENCE, "cp1251")],
)
def test_non_utf8_page_decoded_by_its_meta_declaration(tmp_path: Path, data: bytes, sentence: str, encoding: str) -> None:
    [doc] = load_file(_write(tmp_path, "page.html", data))
    assert sentence in doc.text
    assert doc.meta["encoding"] == encoding
    assert doc.warning is None


def test_latin1_declaration_is_read_as_windows_1252() -> None:
    data = '<meta charset="iso-8859-1"><p>\u201cquoted\u201d caf\u00e9</p>'.encode("cp1252")
    assert "\u201cquoted\u201d café" in decode_page(data, name="x").html


def test_http_charset_wins_over_meta_tag() -> None:
    data = '<meta charset="utf-8"><p>Gda\u0144sk</p>'.encode("iso-8859-2")
    page = decode_page(data, name="x", transport_charset="iso8859-2")
    assert "Gdańsk" in page.html


def test_wrong_declaration_warns_instead_of_failing(tmp_path: Path) -> None:
    data = pages.CP1251.replace(b"windows-1251", b"utf-8")
    page = decode_page(data, name="p.html")
    assert page.warning and "utf-8" in page.warning


def test_huge_page_is_refused_with_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_MAX_BYTES", "50000")
    path = _write(tmp_path, "huge.html", pages.huge_page(2000))
    with pytest.raises(InputError, match=r"over the import limit of 50,000 bytes.*READER_MAX_BYTES"):
        load_file(path)


def test_large_page_under_the_limit_imports(tmp_path: Path) -> None:
    [doc] = load_file(_write(tmp_path, "large.html", pages.huge_page(2000)))
    assert "Paragraph number 1999 " in doc.text
    assert doc.text.count("\n\n") >= 2000


def test_control_characters_are_made_visible(tmp_path: Path) -> None:
    [doc] = load_file(_write(tmp_path, "hostile.html", pages.HOSTILE))
    assert "\x1b" not in doc.text and "\x07" not in doc.text and "\x1b" not in doc.title
    assert "[bold]not markup[/bold]" in doc.text  # kept literally, rendered literally by the UI


def test_html_content_is_sniffed_without_a_suffix(tmp_path: Path) -> None:
    path = _write(tmp_path, "index.php", pages.NEWS)
    assert handler_for(path) is not None
    [doc] = load_file(path)
    assert doc.meta["format"] == "html"


def test_txt_files_are_never_sniffed(tmp_path: Path) -> None:
    path = _write(tmp_path, "page.txt", pages.NEWS)
    assert handler_for(path) is None
    [doc] = load_file(path)
    assert doc.text.startswith("<!DOCTYPE html>")


def test_binary_file_with_html_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a text file"):
        load_file(_write(tmp_path, "x.html", b"\x89PNG\r\n\x1a\n" + b"\0" * 200))


def test_page_bytes_record_the_url_when_there_is_no_canonical_link() -> None:
    html = pages.BROKEN.encode()
    doc = load_page_bytes(html, name="u", source="https://example.com/a", url="https://example.com/a")
    assert doc.meta["url"] == "https://example.com/a"
    assert doc.meta["site"] == "example.com"
