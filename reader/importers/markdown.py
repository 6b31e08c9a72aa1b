"""Markdown files: stored exactly as written; the title and headings are read from the markup.

The source text is never modified (docs/ARCHITECTURE.md, Principles 1), so the Markdown syntax stays
in the stored text; headings are already their own paragraphs there. What this module adds
is the right title (front-matter ``title:``, else the first ATX or Setext heading, else the
first line, with inline markup such as ``*emphasis*`` and ``[links](url)`` taken out) and
``meta["format"] = "markdown"`` so the analysis and the UI know to skip the markup.
:func:`heading_spans` gives the headings' offsets for anyone who needs the structure.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.errors import InputError
from reader.textio import read_text_file, title_of

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FM_TITLE_RE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)
_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.M)
_SETEXT_RE = re.compile(r"^ {0,3}(\S[^\n]*)\n {0,3}(=+|-+)[ \t]*$", re.M)
_FENCE_RE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.M | re.S)
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")


def strip_inline(text: str) -> str:
    """Inline markup out of one line: links and images keep their text, emphasis and code
    marks and inline HTML tags go."""
    text = _IMAGE_RE.sub(r"\1", text)
    text = _LINK_RE.sub(lambda m: m.group(1) or m.group(2), text)
    for _ in range(3):  # nested emphasis, e.g. ***bold italic***
        text = _EMPHASIS_RE.sub(r"\2", text)
    text = _HTML_TAG_RE.sub("", text)
    return " ".join(text.split())


def _blank_code(text: str) -> str:
    """``text`` with fenced code blocks replaced by spaces (same length: offsets stay)."""
    return _FENCE_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def heading_spans(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, level)`` of every heading line (ATX ``#`` and Setext underlined),
    outside fenced code, in order; offsets are into ``text`` and cover the whole line."""
    scan = _blank_code(text)
    spans = [(m.start(), m.end(), len(m.group(1))) for m in _ATX_RE.finditer(scan) if m.group(2)]
    for m in _SETEXT_RE.finditer(scan):
        line = m.group(1)
        if line.lstrip().startswith(("#", "-", "*", "+", ">", "|")) or set(line.strip()) <= {"-", "="}:
            continue
        spans.append((m.start(), m.end(), 1 if m.group(2).startswith("=") else 2))
    return sorted(spans)


def markdown_title(text: str, fallback: str) -> str:
    """The document's title: front matter, else the first heading, else the first line."""
    fm = _FRONT_MATTER_RE.match(text)
    if fm:
        m = _FM_TITLE_RE.search(fm.group(1))
        if m:
            title = strip_inline(m.group(1).strip().strip("\"'"))
            if title:
                return title[:200]
    body = text[fm.end():] if fm else text
    spans = heading_spans(body)
    if spans:
        start, end, _ = spans[0]
        line = body[start:end].split("\n", 1)[0]
        title = strip_inline(_ATX_RE.sub(lambda m: m.group(2) or "", line).strip())
        if title:
            return title[:200]
    first = title_of(_blank_code(body), fallback=fallback)
    first = re.sub(r"^\s*(?:[>*+-]|\d+[.)])\s+", "", first)
    return (strip_inline(first) or fallback)[:200]


def load_markdown_file(path: Path) -> list:
    """A Markdown file as one article, its text exactly as decoded."""
    from reader.importers.loaded import LoadedDoc

    decoded = read_text_file(path)
    if not decoded.text.strip():
        raise InputError(f"{path}: the file is empty")
    return [
        LoadedDoc(
            text=decoded.text,
            title=markdown_title(decoded.text, fallback=path.stem),
            source=str(path.resolve()),
            meta={"format": "markdown", "encoding": decoded.encoding},
            warning=decoded.warning,
        )
    ]
