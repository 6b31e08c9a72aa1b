"""``html``: one self-contained page (inline CSS, no scripts, no network).

Entities and remaining suspected errors are highlighted by kind, corrected spans are
marked (the original in the hover title), annotations are highlighted with their note as
the hover title and listed as numbered side notes; a legend explains the colours. Light or
dark follows ``prefers-color-scheme``; print keeps the colours and puts notes after the text.

Every piece of article text, title, note, tag and label goes through :func:`html.escape`;
a Content-Security-Policy forbids scripts and any fetch even if something slipped through.
Overlapping highlights are rendered by cutting the text at every span boundary, so each
piece closes all it opens (always well-formed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from reader import kinds
from reader.export.document import ExportDoc, ExportOptions
from reader.wording import counted


CSS = """
:root { color-scheme: light dark; --bg: #fdfcf8; --fg: #1d1d1b; --muted: #6b6b66;
  --rule: #d9d6cc; --ann: #fff1a8; --person: #1f6feb; --place: #1a7f37; --org: #8250df;
  --date: #bc4c00; --other: #57606a; --err: #cf222e; --fix: #0969da; }
@media (prefers-color-scheme: dark) { :root { --bg: #161614; --fg: #e6e3da; --muted: #9a978e;
  --rule: #3a3934; --ann: #5a4b00; --person: #79c0ff; --place: #56d364; --org: #d2a8ff;
  --date: #ffa657; --other: #b1bac4; --err: #ff7b72; --fix: #79c0ff; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 1.05rem/1.6 Georgia, "DejaVu Serif", serif; }
.page { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem; display: grid; gap: 2.5rem;
  grid-template-columns: minmax(0, 42rem) minmax(12rem, 1fr); }
@media (max-width: 60rem) { .page { grid-template-columns: minmax(0, 1fr); } }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.meta { color: var(--muted); font-size: .85rem; margin-bottom: 1.5rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.ent { border-bottom: 2px solid var(--other); }
.err { text-decoration: underline wavy var(--err); text-decoration-skip-ink: none; }
.fix { background: color-mix(in srgb, var(--fix) 16%, transparent); border-radius: 2px; }
.fix-del { color: var(--fix); font-size: .75em; vertical-align: super; }
mark.ann { background: var(--ann); color: inherit; border-radius: 2px; }
sup.ref { font: .7rem/1 system-ui, sans-serif; margin-left: 1px; }
sup.ref a, .notes a { color: var(--muted); text-decoration: none; }
aside { font: .9rem/1.45 system-ui, sans-serif; }
aside h2 { font-size: .95rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.notes { padding-left: 1.4rem; }
.notes li { margin-bottom: .8rem; }
.notes q { font-style: italic; }
.notes .tags, .notes .label { color: var(--muted); font-size: .8rem; }
.notes .orphan { color: var(--err); font-size: .8rem; }
.legend { list-style: none; padding: 0; }
.legend li { margin: .2rem 0; }
.legend .swatch { display: inline-block; min-width: 4.5rem; }
@media print { body { background: #fff; color: #000; font-size: 11pt; }
  .page { display: block; max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  aside { margin-top: 1.5rem; border-top: 1px solid #999; page-break-before: auto; }
  sup.ref a { color: #000; } }
"""


def _kind_rules() -> str:
    """Each entity label's and finding kind's CSS, from the kinds registry."""
    rules = []
    for kind in kinds.REGISTRY:
        prefix = {kinds.ENTITY: "ent", kinds.FINDING: "err"}.get(kind.group)
        if prefix and kind.html:
            rules.append(f".{prefix}-{_css_name(kind.name)} {{ {kind.html} }}")
    return "\n".join(rules)


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    order: int  # nesting: lower is outer
    open: str   # opening tag (already escaped)
    close: str


def _css_name(label: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", label.lower())[:32] or "other"


CSS += _kind_rules() + "\n"


def _title_attr(text: str) -> str:
    return escape(text, quote=True)


def _marks(doc: ExportDoc) -> tuple[list[_Mark], dict[int, list[str]], list[tuple[int, object]]]:
    marks: list[_Mark] = []
    points: dict[int, list[str]] = {}  # zero-width markers inserted at an offset
    numbered: list[tuple[int, object]] = []
    n = 0
    for a in doc.ordered_annotations:
        span = doc.corrected_span(a)
        if span is None:
            numbered.append((0, a))
            continue
        n += 1
        numbered.append((n, a))
        title = a.note or ", ".join(a.tags) or (a.label or "annotation")
        if span[0] < span[1]:
            marks.append(_Mark(span[0], span[1], 0, f'<mark class="ann" title="{_title_attr(title)}">', "</mark>"))
        points.setdefault(span[1], []).append(
            f'<sup class="ref" id="ref-{n}"><a href="#note-{n}" title="{_title_attr(title)}">{n}</a></sup>'
        )
    for e in doc.entities_effective:
        cls = _css_name(e.label)
        title = e.label + (f" \u2014 {e.canonical}" if e.canonical and e.canonical != e.text else "")
        marks.append(_Mark(e.start, e.end, 1, f'<span class="ent ent-{cls}" title="{_title_attr(title)}">', "</span>"))
    for f in doc.findings:
        title = f"{f.kind}: {f.message}" + (f" \u2192 {', '.join(f.suggestions[:3])}" if f.suggestions else "")
        marks.append(_Mark(f.start, f.end, 2, f'<span class="err err-{_css_name(f.kind)}" title="{_title_attr(title)}">', "</span>"))
    omap = doc.offset_map
    for c in doc.applied_corrections:
        s, e = omap.span_to_corrected(c.start, c.end)
        title = f"corrected from \u201c{c.original}\u201d" if c.original else "inserted"
        if s < e:
            marks.append(_Mark(s, e, 3, f'<span class="fix" title="{_title_attr(title)}">', "</span>"))
        else:
            deleted = _title_attr("deleted \u201c" + c.original + "\u201d")
            points.setdefault(s, []).insert(0, f'<span class="fix-del" title="{deleted}">\u2038</span>')
    return marks, points, numbered


def _render_text(text: str, marks: list[_Mark], points: dict[int, list[str]]) -> str:
    cuts = {0, len(text), *points}
    for m in marks:
        cuts.add(max(0, min(m.start, len(text))))
        cuts.add(max(0, min(m.end, len(text))))
    bounds = sorted(cuts)
    by_start = sorted(marks, key=lambda m: (m.start, m.order))
    out: list[str] = []
    active: list[_Mark] = []
    i = 0
    for a, b in zip(bounds, bounds[1:] + [None]):
        out.extend(points.get(a, ()))
        if b is None:
            break
        active = [m for m in active if m.end > a]
        while i < len(by_start) and by_start[i].start <= a:
            if by_start[i].end > a:
                active.append(by_start[i])
            i += 1
        if a == b:
            continue
        layers = sorted(active, key=lambda m: m.order)
        out.append("".join(m.open for m in layers))
        out.append(escape(text[a:b], quote=True))
        out.append("".join(m.close for m in reversed(layers)))
    return "".join(out)


def _notes(numbered) -> str:
    if not numbered:
        return ""
    items = []
    for n, a in numbered:
        parts = []
        if n:
            parts.append(f'<li id="note-{n}" value="{n}">')
        else:
            parts.append('<li class="orphaned">')
        parts.append(f"<q>{escape(a.anchor.quote)}</q>")
        if a.note:
            parts.append("<br>" + escape(a.note).replace("\n", "<br>"))
        if a.tags:
            parts.append('<br><span class="tags">' + " ".join("#" + escape(t) for t in a.tags) + "</span>")
        if a.label:
            parts.append(f' <span class="label">[{escape(a.label)}]</span>')
        if n:
            parts.append(f' <a href="#ref-{n}" title="back to the text">\u21a9</a>')
        else:
            parts.append('<br><span class="orphan">orphaned: the passage is no longer in the text</span>')
        parts.append("</li>")
        items.append("".join(parts))
    return '<h2>Notes</h2>\n<ol class="notes">\n' + "\n".join(items) + "\n</ol>\n"


def _legend(doc: ExportDoc, has_ann: bool) -> str:
    rows = []
    if has_ann:
        rows.append('<li><mark class="ann swatch">annotation</mark></li>')
    for label in sorted({e.label for e in doc.entities_effective}):
        rows.append(f'<li><span class="ent ent-{_css_name(label)} swatch">{escape(label)}</span> entity</li>')
    for kind in sorted({f.kind for f in doc.findings}):
        rows.append(f'<li><span class="err err-{_css_name(kind)} swatch">{escape(kind)}</span> suspected error</li>')
    if doc.applied_corrections:
        rows.append('<li><span class="fix swatch">corrected</span> (hover: the original)</li>')
    if not rows:
        return ""
    return '<h2>Legend</h2>\n<ul class="legend">\n' + "\n".join(rows) + "\n</ul>\n"


def _render_range(text: str, marks: list[_Mark], points: dict[int, list[str]], start: int, end: int) -> str:
    """``text[start:end]`` rendered with the marks and points that fall in it."""
    inside = [_Mark(max(m.start, start) - start, min(m.end, end) - start, m.order, m.open, m.close)
              for m in marks if m.start < end and m.end > start]
    at = {k - start: v for k, v in points.items() if start <= k < end or k == end == len(text)}
    return _render_text(text[start:end], inside, at)


def render(doc: ExportDoc, options: ExportOptions = ExportOptions()) -> dict[str, str]:
    marks, points, numbered = _marks(doc)
    text, cut = doc.corrected, doc.body_start
    # a text that opens with its title: that line (with its marks) is the heading, once
    heading = _render_range(text, marks, points, 0, cut).strip() if cut else escape(doc.title)
    body = _render_range(text, marks, points, cut, len(text))
    counts = (
        f"{counted(sum(1 for n, _ in numbered if n), 'annotation')} \u00b7 "
        f"{counted(len(doc.applied_corrections), 'correction')}"
        f" \u00b7 {counted(len(doc.findings), 'suspected error')} \u00b7 {counted(len(doc.entities_effective), 'entity')}"
    )
    title = escape(doc.title)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reader">
<title>{title}</title>
<style>{CSS}</style>
</head>
<body>
<div class="page">
<main>
<h1>{heading}</h1>
<div class="meta">{escape(counts)}</div>
<div class="text">{body}</div>
</main>
<aside>
{_notes(numbered)}{_legend(doc, any(n for n, _ in numbered))}</aside>
</div>
</body>
</html>
"""
    return {".html": page}
