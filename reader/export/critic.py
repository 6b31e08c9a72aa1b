"""``critic``: the original text with CriticMarkup, reversible.

Corrections are ``{~~old~>new~~}`` (``{++new++}`` for an insertion, ``{--old--}`` for a
deletion); annotations are ``{==span==}{>>note<<}``. Article text can contain the markup's
own characters, so ``\\``, ``{`` and ``}`` (and ``~`` inside a substitution) are escaped
with a backslash; :func:`parse` undoes all of it and gives back the original text, the
corrected text and the highlighted spans. Annotations that cross each other or cut a
correction in two cannot nest, so they are written as a comment at their end.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.export.document import ExportDoc, ExportOptions


def _esc(s: str, *, tilde: bool = False) -> str:
    out = s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
    return out.replace("~", "\\~") if tilde else out


def _comment(a) -> str:
    parts = [a.note] if a.note else []
    if a.tags:
        parts.append("tags: " + ", ".join(a.tags))
    if a.label:
        parts.append("label: " + a.label)
    return "; ".join(" ".join(p.split()) for p in parts)


def _loose(a) -> str:
    note = _comment(a) or "annotation"
    return f"{{>>{_esc(note)} (on \u201c{_esc(' '.join(a.anchor.quote.split()))}\u201d)<<}}"


def render(doc: ExportDoc, options: ExportOptions = ExportOptions()) -> dict[str, str]:
    text = doc.text
    corrections = doc.applied_corrections
    # events at offsets: opening highlights, closing highlights, corrections
    anns = [a for a in doc.ordered_annotations if doc.corrected_span(a) is not None]
    nested: list = []
    loose: list = []
    stack_ends: list[int] = []
    for a in sorted(anns, key=lambda a: (a.anchor.start, -a.anchor.end, a.id)):
        s, e = a.anchor.start, a.anchor.end
        while stack_ends and stack_ends[-1] <= s:
            stack_ends.pop()
        cuts_fix = any(c.start < e and s < c.end and not (s <= c.start and c.end <= e) for c in corrections)
        crosses = bool(stack_ends) and e > stack_ends[-1]
        if cuts_fix or crosses or s >= e:
            loose.append(a)
            continue
        nested.append(a)
        stack_ends.append(e)
    nested_ids = {a.id for a in nested}
    opens: dict[int, list] = {}
    closes: dict[int, list] = {}
    for a in nested:
        opens.setdefault(a.anchor.start, []).append(a)
        closes.setdefault(a.anchor.end, []).append(a)
    for a in loose:
        closes.setdefault(a.anchor.end, []).append(a)
    fixes: dict[int, list] = {}
    for c in corrections:  # in order: an insertion at x comes before a replacement at x
        fixes.setdefault(c.start, []).append(c)
    out: list[str] = []
    pos = 0
    points = sorted({0, len(text), *opens, *closes, *fixes, *(c.end for c in corrections)})
    for p in points:
        if p > pos:
            out.append(_esc(text[pos:p]))
            pos = p
        if p < pos:  # inside a correction: only loose comments can end here; put them after it
            out.extend(_loose(a) for a in closes.get(p, []) if a.id not in nested_ids)
            continue
        # closings first (innermost = latest opened = shortest), then openings, then a fix
        for a in sorted(closes.get(p, []), key=lambda a: -a.anchor.start):
            note = _comment(a)
            if a.id in nested_ids:
                out.append("==}" + (f"{{>>{_esc(note)}<<}}" if note else ""))
            else:
                out.append(_loose(a))
        if p == len(text):
            break
        for a in sorted(opens.get(p, []), key=lambda a: -a.anchor.end):
            out.append("{==")
        for c in fixes.get(p, []):
            if not c.original:
                out.append(f"{{++{_esc(c.replacement)}++}}")
            elif not c.replacement:
                out.append(f"{{--{_esc(c.original)}--}}")
            else:
                out.append(f"{{~~{_esc(c.original, tilde=True)}~>{_esc(c.replacement, tilde=True)}~~}}")
            pos = c.end
            # an insertion shares its offset with text that follows; anything closing at
            # c.end of a replacement is handled when the loop reaches that point
    if pos < len(text):
        out.append(_esc(text[pos:]))
    return {".critic.md": "".join(out)}


@dataclass(frozen=True)
class Parsed:
    original: str
    corrected: str
    highlights: list[tuple[int, int, str]]  # original-text spans and their comments


def parse(marked: str) -> Parsed:
    """Undo :func:`render`: the original text, the corrected text and the highlights."""
    orig: list[str] = []
    corr: list[str] = []
    olen = 0
    highlights: list[tuple[int, int, str]] = []
    open_starts: list[int] = []
    pending: tuple[int, int] | None = None  # the last closed highlight, awaiting its comment
    i, n = 0, len(marked)

    def read_until(closing: str, start: int, *, stop: str | None = None) -> tuple[str, int, str]:
        """Unescape from ``start`` to ``closing`` (or ``stop``); return text, index after, which."""
        buf: list[str] = []
        j = start
        while j < n:
            ch = marked[j]
            if ch == "\\" and j + 1 < n:
                buf.append(marked[j + 1])
                j += 2
                continue
            if stop and marked.startswith(stop, j):
                return "".join(buf), j + len(stop), stop
            if marked.startswith(closing, j):
                return "".join(buf), j + len(closing), closing
            buf.append(ch)
            j += 1
        raise ValueError(f"unterminated CriticMarkup: expected {closing!r}")

    while i < n:
        ch = marked[i]
        if ch == "\\" and i + 1 < n:
            orig.append(marked[i + 1]); corr.append(marked[i + 1]); olen += 1
            i += 2
            pending = None
            continue
        tok = marked[i:i + 3]
        if tok == "{~~":
            old, i, _ = read_until("~>", i + 3)
            new, i, _ = read_until("~~}", i)
            orig.append(old); corr.append(new); olen += len(old)
            pending = None
        elif tok == "{++":
            new, i, _ = read_until("++}", i + 3)
            corr.append(new)
            pending = None
        elif tok == "{--":
            old, i, _ = read_until("--}", i + 3)
            orig.append(old); olen += len(old)
            pending = None
        elif tok == "{==":
            open_starts.append(olen)
            i += 3
            pending = None
        elif tok == "==}" and open_starts:
            pending = (open_starts.pop(), olen)
            highlights.append((pending[0], pending[1], ""))
            i += 3
        elif tok == "{>>":
            note, i, _ = read_until("<<}", i + 3)
            if pending is not None and highlights and highlights[-1][:2] == pending:
                highlights[-1] = (pending[0], pending[1], note)
            pending = None
        else:
            orig.append(ch); corr.append(ch); olen += 1
            i += 1
            pending = None
    return Parsed("".join(orig), "".join(corr), sorted(highlights))
