"""The paragraph builder shared by pages and feed entries."""

from __future__ import annotations

from hypothesis import given, strategies as st

from reader.importers.blocks import html_fragment_paragraphs, join_paragraphs


def test_fragment_blocks_breaks_and_furniture() -> None:
    html = ("<h2>Head</h2><p>One <b>bold</b>\n  word.<br>Next line.</p><script>x()</script>"
            "<ul><li>first</li><li>second</li></ul><form><p>Sign up</p></form><pre>a  b\n  c</pre>")
    assert html_fragment_paragraphs(html) == ["Head", "One bold word.\nNext line.", "first", "second", "a  b\n  c"]


def test_title_not_repeated_when_page_starts_with_it() -> None:
    assert join_paragraphs("Title", ["Title", "Body."]) == "Title\n\nBody.\n"
    assert join_paragraphs("Title", ["Body."]) == "Title\n\nBody.\n"


words = st.text(alphabet=st.sampled_from(list("abc <>&;/\n\t")), max_size=40)


@given(st.lists(words, max_size=6))
def test_paragraphs_are_never_blank_and_never_hold_blank_lines(parts: list[str]) -> None:
    html = "".join(f"<p>{p}</p>" for p in parts)
    for paragraph in html_fragment_paragraphs(html):
        assert paragraph.strip()
        assert "\n\n" not in paragraph
        assert paragraph == paragraph.strip()
    text = join_paragraphs("T", html_fragment_paragraphs(html))
    assert text.startswith("T\n\n") or text == "T\n"


def test_source_labels_for_the_library_table() -> None:
    from reader.importers.labels import article_date, source_label

    assert source_label("https://x.org/a", {"feed_title": "Coastal Gazette", "site": "x.org"}) == "Coastal Gazette"
    assert source_label("/home/a/page.html", {"site": "gazette.example.org"}) == "gazette.example.org"
    assert source_label("https://www.news.example/a", {}) == "news.example"
    assert source_label("/home/a/notes.md", None) == "notes.md"
    assert source_label(None, None) == ""
    assert article_date({"date": "2024-03-05"}) == "2024-03-05"
    assert article_date({}) == ""
