"""``brat``: standoff annotation (``.txt`` + ``.ann``) over the corrected text.

Entities (detected, with people's labels applied) are ``T`` lines; annotations that carry a
note or tags but no label become ``Note`` spans, and their notes ``#`` AnnotatorNotes lines.
Spans crossing a newline are written as brat fragments (``start end;start end``). Files are
``NAME.brat.txt`` and ``NAME.brat.ann`` (brat pairs them by the shared ``NAME.brat``), so a
``txt`` export of the same article can sit beside them.
"""

from __future__ import annotations

from reader.export.document import ExportDoc, ExportOptions

NOTE_TYPE = "Note"


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        # trim whitespace at fragment edges (brat refuses spans starting or ending in it)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        pos += len(line) + 1
    return out


def _one_line(s: str) -> str:
    return " ".join(s.split())


def render(doc: ExportDoc, options: ExportOptions = ExportOptions()) -> dict[str, str]:
    text = doc.corrected
    lines: list[str] = []
    spans: dict[tuple[int, int, str], str] = {}
    n = 0

    def add_span(start: int, end: int, label: str) -> str | None:
        nonlocal n
        key = (start, end, label)
        if key in spans:
            return spans[key]
        frags = _fragments(text, start, end)
        if not frags:
            return None
        n += 1
        tid = f"T{n}"
        spans[key] = tid
        where = ";".join(f"{s} {e}" for s, e in frags)
        covered = " ".join(text[s:e] for s, e in frags)
        lines.append(f"T{n}\t{label} {where}\t{_one_line(covered)}")
        return tid

    for e in doc.entities_effective:
        add_span(e.start, e.end, e.label)
    notes = 0
    for a in doc.ordered_annotations:
        span = doc.corrected_span(a)
        if span is None or not (a.note or a.tags):
            continue
        tid = add_span(span[0], span[1], a.label or NOTE_TYPE)
        if tid is None:
            continue
        body = _one_line(a.note)
        if a.tags:
            body = (body + " " if body else "") + "tags: " + ", ".join(_one_line(t) for t in a.tags)
        notes += 1
        lines.append(f"#{notes}\tAnnotatorNotes {tid}\t{body}")
    return {".brat.txt": text, ".brat.ann": "".join(line + "\n" for line in lines)}
