"""Element trees to paragraphs: the one place markup becomes article text.

Both trafilatura's output (``p``, ``head``, ``list``/``item``, ``quote``, ``lb`` ...) and a
feed entry's HTML (``p``, ``h2``, ``li``, ``br`` ...) are walked here, so every imported
web text has the same shape: one paragraph per block, a blank line between paragraphs,
``<br>`` kept as a line break, runs of spaces collapsed, scripts and page furniture dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Elements that start a new paragraph (HTML names and trafilatura's TEI-like names).
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 head li item ul ol list dl dt dd blockquote quote pre "
    "table tr row thead tbody tfoot caption section article main header figure figcaption "
    "address hr body html center details summary".split()
)
#: Elements whose content is never article text.
SKIP_TAGS = frozenset(
    "script style noscript iframe form nav aside footer button select option textarea svg "
    "template object embed canvas audio video map input label menu".split()
)
#: Elements that are a line break inside a paragraph.
BREAK_TAGS = frozenset({"br", "lb"})
#: Table cells: separated by a space within their row.
CELL_TAGS = frozenset({"td", "th", "cell"})

_SPACES_RE = re.compile(r"[^\S\n]+")


def _local(tag: object) -> str:
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1].lower()


class _Collector:
    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.buffer: list[str] = []
        self.pre_depth = 0

    def flush(self) -> None:
        raw = "".join(self.buffer)
        self.buffer = []
        if self.pre_depth:
            text = "\n".join(line.rstrip() for line in raw.strip("\n").split("\n"))
        else:
            lines = (_SPACES_RE.sub(" ", line).strip() for line in raw.split("\n"))
            text = "\n".join(line for line in lines if line)
        if text.strip():
            self.paragraphs.append(text)

    def add(self, text: str | None) -> None:
        if text:
            self.buffer.append(text if self.pre_depth else text.replace("\n", " "))

    def walk(self, el) -> None:
        tag = _local(el.tag)
        if tag in SKIP_TAGS or not tag:
            return
        if tag in BREAK_TAGS:
            self.buffer.append("\n")
            return
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
        if tag == "pre":
            self.pre_depth += 1
        if tag in CELL_TAGS:
            self.buffer.append(" ")
        self.add(el.text)
        for child in el:
            self.walk(child)
            self.add(child.tail)
        if tag in CELL_TAGS:
            self.buffer.append(" ")
        if block:
            self.flush()
        if tag == "pre":
            self.pre_depth -= 1


def paragraphs_of(roots: Iterable) -> list[str]:
    """The text paragraphs under the given lxml elements, in document order."""
    collector = _Collector()
    for root in roots:
        collector.walk(root)
    collector.flush()
    return collector.paragraphs


def html_fragment_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (a feed entry's content): no boilerplate removal,
    only page furniture (scripts, forms, navigation) dropped."""
    if not fragment.strip():
        return []
    from lxml import etree, html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return [p for p in (_SPACES_RE.sub(" ", fragment).strip(),) if p]
    return paragraphs_of([root])


def join_paragraphs(title: str, paragraphs: list[str]) -> str:
    """The stored text: the title line, then the paragraphs, separated by blank lines.

    The title is not repeated when the page's own first paragraph already is the title."""
    parts = list(paragraphs)
    if title and not (parts and parts[0].strip().casefold() == title.strip().casefold()):
        parts.insert(0, title)
    return "\n\n".join(parts) + "\n"
