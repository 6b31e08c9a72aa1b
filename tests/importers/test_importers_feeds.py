"""RSS and Atom files and URLs: one article per entry, metadata, refresh skipping old entries."""

from __future__ import annotations

from pathlib import Path

import importer_pages as pages
import pytest

from reader.cli import main
from reader.errors import InputError
from reader.importing import load_file
from reader.importers import feedlist, load_url
from reader.importers.refresh import refresh_all
from reader.store import Library


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rss_entries_become_articles_full_content_preferred(tmp_path: Path) -> None:
    path = _write(tmp_path, "feed.xml", pages.RSS)
    first, second = load_file(path)
    assert first.title == "Harbour reopens after storm"
    assert first.text == "\n\n".join([first.title, pages.PARAGRAPHS[0], pages.PARAGRAPHS[1]]) + "\n"
    assert "Short summary" not in first.text and "alert" not in first.text
    assert first.source == "https://gazette.example.org/2024/03/harbour-reopens"
    assert first.meta == {
        "format": "feed", "feed": str(path.resolve()), "feed_title": "Coastal Gazette",
        "entry_id": "gazette-1001", "url": first.source, "site": "gazette.example.org",
        "author": "Marta Lindqvist", "date": "2024-03-05",
    }
    # summary only: HTML cleaned, <br> kept as a line break
    assert second.text == "Ferry timetable changes\n\nThe winter timetable ends early this year.\nFerries run hourly from Friday.\n"


def test_atom_entries_xhtml_and_text_content(tmp_path: Path) -> None:
    bridge, plain = load_file(_write(tmp_path, "notes.atom", pages.ATOM))
    assert bridge.title == "Bridge opens in the valley"
    assert bridge.text.split("\n\n")[1:] == [
        "The new bridge over the river opened on Monday after two years of work.",
        "Cyclists were the first to cross it.\n",
    ]
    assert bridge.meta["author"] == "Ana Ferreira"
    assert bridge.meta["date"] == "2024-04-01"
    assert bridge.meta["feed_title"] == "Valley Notes"
    assert plain.text == "Plain text entry\n\nFirst line of plain text.\n"
    assert plain.source.endswith("#urn:uuid:1225c695-cfb8-4ebb-bbbb-80da344efa6b")  # no link: feed#id


def test_xml_that_is_not_a_feed_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        load_file(_write(tmp_path, "data.xml", "<?xml version='1.0'?><config><a>1</a></config>"))


def test_broken_feed_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="feed"):
        load_file(_write(tmp_path, "bad.rss", "<rss><channel><title>x</title>"))


def test_feed_url_by_content_type_and_by_sniffing(server: str) -> None:
    docs = load_url(server + "/feed.xml")
    assert [d.title for d in docs] == ["Harbour reopens after storm", "Ferry timetable changes"]
    assert docs[0].meta["feed"] == server + "/feed.xml"
    atom = load_url(server + "/atom-as-xml")  # served as text/xml: recognised by its root element
    assert atom[0].meta["feed_title"] == "Valley Notes"


def test_add_feed_file_then_refresh_imports_only_new_entries(tmp_path: Path, db_path: Path, capsys) -> None:
    path = _write(tmp_path, "feed.xml", pages.RSS)
    assert main(["add", str(path), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("added") == 2
    assert main(["refresh", "--db", str(db_path)]) == 0
    captured = capsys.readouterr()
    assert "added" not in captured.out
    assert "0 new, 2 already imported" in captured.err
    path.write_text(pages.rss_with_third_item(), encoding="utf-8")
    assert main(["refresh", "--db", str(db_path)]) == 0
    captured = capsys.readouterr()
    assert "Market roof repaired" in captured.out
    assert "1 new, 2 already imported" in captured.err
    lib = Library.open(db_path)
    assert [r["source"] for r in feedlist.remembered(lib)] == [str(path.resolve())]
    assert sum(1 for i in lib.list_articles() if i.meta.get("feed") == str(path.resolve())) == 3


def test_refresh_skips_entries_whose_text_changed(tmp_path: Path, library: Library) -> None:
    path = _write(tmp_path, "feed.xml", pages.RSS)
    feedlist.remember(library, str(path.resolve()), "Coastal Gazette")
    [first] = refresh_all(library)
    assert len(first.added) == 2
    path.write_text(pages.RSS.replace("hourly", "every two hours"), encoding="utf-8")
    [second] = refresh_all(library)
    assert second.added == [] and second.already == 2


def test_removed_article_is_not_brought_back(tmp_path: Path, library: Library) -> None:
    path = _write(tmp_path, "feed.xml", pages.RSS)
    feedlist.remember(library, str(path.resolve()))
    [res] = refresh_all(library)
    library.remove_article(res.added[0].id)
    [again] = refresh_all(library)
    assert again.added == []


def test_refresh_url_feed_uses_etag(server: str, library: Library, feed_state) -> None:
    feedlist.remember(library, server + "/feed.xml")
    [first] = refresh_all(library)
    assert len(first.added) == 2
    [second] = refresh_all(library)
    assert second.not_modified and second.added == []
    feed_state.body = pages.rss_with_third_item()
    [third] = refresh_all(library)
    assert [i.title for i in third.added] == ["Market roof repaired"]
    assert feed_state.requests == 3


def test_refresh_reports_a_failing_feed_and_goes_on(tmp_path: Path, server: str, db_path: Path, capsys) -> None:
    good = _write(tmp_path, "feed.xml", pages.RSS)
    lib = Library.open(db_path)
    feedlist.remember(lib, server + "/missing")
    feedlist.remember(lib, str(good.resolve()))
    lib.close()
    assert main(["refresh", "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert "HTTP 404" in captured.err
    assert captured.out.count("added") == 2


def test_feeds_command_add_list_remove(tmp_path: Path, db_path: Path, capsys) -> None:
    path = _write(tmp_path, "feed.xml", pages.RSS)
    assert main(["feeds", "add", str(path), "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.count("added") == 2
    assert main(["feeds", "--db", str(db_path)]) == 0
    assert "Coastal Gazette" in capsys.readouterr().out
    assert main(["feeds", "remove", "1", "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["feeds", "list", "--db", str(db_path)]) == 0
    assert "No feeds remembered" in capsys.readouterr().out  # removed feeds are not re-adopted
    assert main(["feeds", "remove", "nothing", "--db", str(db_path)]) == 2


def test_refresh_with_no_feeds(db_path: Path, capsys) -> None:
    assert main(["refresh", "--db", str(db_path)]) == 0
    assert "no feeds remembered" in capsys.readouterr().err


def test_html_entry_title_loses_its_tags(tmp_path: Path) -> None:
    atom = pages.ATOM.replace("<title>Bridge opens in the valley</title>",
                              '<title type="html">Bridge &lt;b&gt;opens&lt;/b&gt; in the valley</title>')
    bridge, _ = load_file(_write(tmp_path, "notes.atom", atom))
    assert bridge.title == "Bridge opens in the valley"
