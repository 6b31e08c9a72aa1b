"""``md``: the corrected text with annotations as footnotes.

Article text is escaped so that nothing in it acts as Markdown or HTML (``<script>``,
links, footnote references, headings); lines keep their breaks, leading indentation is
dropped (it would turn prose into code blocks). Options: an appendix of entities (grouped,
with variants) and corrections; or only a Readwise/Zotero-style list of highlights.
"""

from __future__ import annotations

import re
from collections import defaultdict

from reader.export.document import ExportDoc, ExportOptions

_INLINE = re.compile(r"([\\`*_\[\]<>&|~{}!])")
_LINE_START = re.compile(r"^(\s*)(#|>|[-+=]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Markdown-inert text: ASCII punctuation with meaning is backslash-escaped."""
    out = _INLINE.sub(r"\\\1", text)
    out = "\n".join(line.lstrip(" \t") for line in out.split("\n"))
    return _LINE_START.sub(_escape_line_start, out)


def _escape_line_start(m: re.Match) -> str:
    mark = m.group(2)
    if mark[0].isdigit():  # "1." starts a list: escape the dot, a backslash before a digit is literal
        return m.group(1) + mark[:-1] + "\\" + mark[-1]
    return m.group(1) + "\\" + mark


def _inline(text: str) -> str:
    """Text for one line (notes, quotes): escaped, newlines folded."""
    return escape(" ".join(text.split()))


def _tags(tags) -> str:
    return ", ".join(f"`{t.replace('`', '')}`" for t in tags)


def _footnote(n: int, a) -> str:
    parts = [f"[^{n}]: \u201c{_inline(a.anchor.quote)}\u201d"]
    if a.note:
        parts += ["    " + _inline(line) if line.strip() else "" for line in a.note.split("\n")]
    meta = []
    if a.tags:
        meta.append("tags: " + _tags(a.tags))
    if a.label:
        meta.append("label: " + _inline(a.label))
    if meta:
        parts.append("    " + "; ".join(meta))
    return "\n".join(p for p in parts if p is not None).rstrip() + "\n"


def _body(doc: ExportDoc) -> tuple[str, list[str], list]:
    text = doc.corrected
    marks: dict[int, list[int]] = defaultdict(list)
    notes: list[str] = []
    orphans = []
    n = 0
    for a in doc.ordered_annotations:
        span = doc.corrected_span(a)
        if span is None:
            orphans.append(a)
            continue
        n += 1
        marks[span[1]].append(n)
        notes.append(_footnote(n, a))
    pieces: list[str] = []
    pos = 0
    # The text usually starts with its title, which the export already shows as the
    # heading; the line stays when a note is anchored in it (its footnote mark needs it).
    if all(at > doc.body_start for at in marks):
        pos = doc.body_start
    for at in sorted(marks):
        pieces.append(_escape_continuation(text, pos, at))
        pieces.append("".join(f"[^{k}]" for k in marks[at]))
        pos = at
    pieces.append(_escape_continuation(text, pos, len(text)))
    return "".join(pieces).rstrip() + "\n", notes, orphans


def _escape_continuation(text: str, start: int, end: int) -> str:
    """Escape a piece that does not start a line unless it follows a newline."""
    piece = text[start:end]
    if start > 0 and text[start - 1] != "\n":
        head, sep, rest = piece.partition("\n")
        return _INLINE.sub(r"\\\1", head) + (sep + escape(rest) if sep else "")
    return escape(piece)


def entity_groups(doc: ExportDoc) -> dict[str, dict[str, list[str]]]:
    """label -> canonical name -> surface forms seen. The canonical name is the entity's
    own, else the first suggestion of a ``variant`` finding on it, else its text; a
    one-word name that is the last word of a longer name with the same label joins it."""
    variant_of = {(f.start, f.end): f.suggestions[0] for f in doc.findings if f.kind == "variant" and f.suggestions}
    groups: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for e in doc.entities_effective:
        key = e.canonical or variant_of.get((e.start, e.end)) or e.text
        groups[e.label][key].append(e.text)
    for names in groups.values():
        for short in [k for k in names if len(k.split()) == 1]:
            longer = sorted((k for k in names if len(k.split()) > 1 and k.split()[-1] == short), key=len)
            if longer:
                names[longer[0]].extend(names.pop(short))
    return groups


def _appendix(doc: ExportDoc) -> str:
    out: list[str] = []
    by_label = entity_groups(doc)
    if by_label:
        out.append("## Entities\n")
        for label in sorted(by_label):
            out.append(f"### {_inline(label)}\n")
            for name in sorted(by_label[label], key=str.casefold):
                seen = by_label[label][name]
                variants = sorted({s for s in seen if s != name}, key=str.casefold)
                line = f"- {_inline(name)} ({len(seen)})"
                if variants:
                    line += " \u2014 also: " + ", ".join(_inline(v) for v in variants)
                out.append(line)
            out.append("")
    if doc.applied_corrections:
        out.append("## Corrections\n")
        for c in doc.applied_corrections:
            old = _inline(c.original) or "(nothing)"
            new = _inline(c.replacement) or "(deleted)"
            out.append(f"- {old} \u2192 {new}")
        out.append("")
    return "\n".join(out)


def _highlights(doc: ExportDoc) -> str:
    out = [f"# {_inline(doc.title)}", "", "## Highlights", ""]
    for a in doc.ordered_annotations:
        out.append(f"- {_inline(a.anchor.quote)}" + (" *(orphaned)*" if a.orphan else ""))
        if a.note:
            out.append(f"    - Note: {_inline(a.note)}")
        if a.tags:
            out.append(f"    - Tags: {_tags(a.tags)}")
        if a.label:
            out.append(f"    - Label: {_inline(a.label)}")
    return "\n".join(out).rstrip() + "\n"


def render(doc: ExportDoc, options: ExportOptions = ExportOptions()) -> dict[str, str]:
    if options.highlights_only:
        return {".md": _highlights(doc)}
    body, notes, orphans = _body(doc)
    parts = [f"# {_inline(doc.title)}\n", body]
    if notes:
        parts.append("\n".join(notes))
    if orphans:
        lines = ["## Orphaned annotations\n", "Their passages are no longer in the text.\n"]
        for a in orphans:
            lines.append(f"- \u201c{_inline(a.anchor.quote)}\u201d" + (f": {_inline(a.note)}" if a.note else ""))
        parts.append("\n".join(lines) + "\n")
    if options.appendix:
        extra = _appendix(doc)
        if extra:
            parts.append(extra)
    return {".md": "\n".join(parts)}
