"""`reader add` with saved pages, URLs and folders, end to end through the CLI."""

from __future__ import annotations

from pathlib import Path

import importer_pages as pages

from reader.cli import main
from reader.store import Library


def test_add_page_stores_text_title_and_meta(tmp_path: Path, db_path: Path, capsys) -> None:
    page = tmp_path / "news.html"
    page.write_text(pages.NEWS, encoding="utf-8")
    assert main(["add", str(page), "--db", str(db_path)]) == 0
    assert "Harbour reopens after storm" in capsys.readouterr().out
    lib = Library.open(db_path)
    [info] = [i for i in lib.list_articles() if i.source == str(page.resolve())]
    assert info.meta["site"] == "gazette.example.org"
    assert lib.get_text(info.id).startswith("Harbour reopens after storm\n\n")


def test_add_url_records_source(server: str, db_path: Path, capsys) -> None:
    assert main(["add", server + "/article", "--db", str(db_path)]) == 0
    lib = Library.open(db_path)
    info = lib.find_by_source(server + "/article")
    assert info is not None and info.title == "Harbour reopens after storm"


def test_failures_are_one_line_errors_not_tracebacks(tmp_path: Path, server: str, db_path: Path, capsys) -> None:
    empty = tmp_path / "index.html"
    empty.write_text(pages.NO_ARTICLE, encoding="utf-8")
    code = main(["add", str(empty), server + "/missing", server + "/loop-a", "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("reader: error:")]
    assert len(errors) == 3
    assert "no article text found" in errors[0] and "HTTP 404" in errors[1] and "redirect loop" in errors[2]


def test_add_folder_finds_pages_feeds_and_markdown(tmp_path: Path, db_path: Path, capsys) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.html").write_text(pages.NEWS, encoding="utf-8")
    (folder / "b.md").write_text("# Notes\n\nText.\n", encoding="utf-8")
    (folder / "c.atom").write_text(pages.ATOM, encoding="utf-8")
    (folder / "settings.xml").write_text("<?xml version='1.0'?><settings/>", encoding="utf-8")  # not picked up
    assert main(["add", str(folder), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("added") == 4
    assert "Notes" in out and "Bridge opens in the valley" in out


def test_adding_the_same_page_twice_is_a_duplicate(tmp_path: Path, db_path: Path, capsys) -> None:
    page = tmp_path / "news.html"
    page.write_bytes(pages.LATIN2)
    assert main(["add", str(page), "--db", str(db_path)]) == 0
    assert main(["add", str(page), "--db", str(db_path)]) == 0
    assert "1 already in the library" in capsys.readouterr().err
