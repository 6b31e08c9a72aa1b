"""Markdown: stored exactly as written; title from front matter or the first heading."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from reader.importing import load_file
from reader.importers.markdown import heading_spans, markdown_title, strip_inline

DOC = """# The *quiet* [harbour](https://example.org/h)

Boats wait in the **morning** fog; `nets` are drying.
## Market
The market opens at six.

```python
# not a heading
```
"""


def test_markdown_source_is_kept_and_title_is_the_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(DOC, encoding="utf-8")
    [doc] = load_file(path)
    assert doc.text == DOC
    assert doc.title == "The quiet harbour"
    assert doc.meta["format"] == "markdown"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("---\ntitle: \"From front matter\"\ndate: 2024\n---\n# Heading\n", "From front matter"),
        ("Setext title\n============\n\nBody.\n", "Setext title"),
        ("Intro line with **bold**\n\n# Later heading\n", "Later heading"),
        ("- just a list item with _emphasis_\n", "just a list item with emphasis"),
        ("```\n# code\n```\n\nplain line\n", "plain line"),
        ("#hashtag is not a heading\n", "#hashtag is not a heading"),
        ("# Closed heading ##\n", "Closed heading"),
    ],
)
def test_markdown_titles(text: str, title: str) -> None:
    assert markdown_title(text, fallback="f") == title


def test_heading_spans_cover_heading_lines_outside_code() -> None:
    spans = heading_spans(DOC)
    assert [DOC[s:e] for s, e, _ in spans] == ["# The *quiet* [harbour](https://example.org/h)", "## Market"]
    assert [level for *_, level in spans] == [1, 2]


def test_strip_inline() -> None:
    assert strip_inline("A ![pic](x.png) and [link][ref] with ***both*** and <b>tag</b>") == "A pic and link with both and tag"


@given(st.text(alphabet=st.sampled_from(list("ab #=-\n`*_[]()")), max_size=200))
def test_heading_spans_are_whole_lines_of_the_text(text: str) -> None:
    for start, end, level in heading_spans(text):
        assert 0 <= start < end <= len(text)
        assert start == 0 or text[start - 1] == "\n"
        assert end == len(text) or text[end] == "\n"
        assert 1 <= level <= 6
