"""``json``: a W3C Web Annotation Data Model ``AnnotationCollection``, and reading it back.

Annotations carry their note as a ``commenting`` TextualBody, each tag as a ``tagging``
body and an entity label as a ``classifying`` body; corrections are annotations with an
``editing`` body (the replacement). Targets hold a TextQuoteSelector and a
TextPositionSelector over the original text (an orphan has only the quote). The article is
named ``urn:reader:article:ID``; record ids become ``urn:reader:annotation:ID`` and
``urn:reader:correction:ID`` so that importing the file again updates instead of duplicating.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from reader.annotating import normalise_label, normalise_tags
from reader.errors import InputError, ReaderError
from reader.textio import sanitize
from reader.export.document import ExportDoc, ExportOptions
from reader.model import Anchor, Annotation, Correction

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ARTICLE_URN = "urn:reader:article:"
ANNOTATION_URN = "urn:reader:annotation:"
CORRECTION_URN = "urn:reader:correction:"


def _target(article_id: str, anchor: Anchor, positioned: bool) -> dict[str, Any]:
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": anchor.quote, "prefix": anchor.prefix, "suffix": anchor.suffix}
    ]
    if positioned:
        selectors.append({"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end})
    return {"source": ARTICLE_URN + article_id, "selector": selectors}


def _dates(rec, out: dict[str, Any]) -> None:
    if rec.created:
        out["created"] = rec.created
    if getattr(rec, "updated", ""):
        out["modified"] = rec.updated


def annotation_item(a: Annotation) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if a.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": a.note, "format": "text/plain"})
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in a.tags]
    if a.label:
        bodies.append({"type": "TextualBody", "purpose": "classifying", "value": a.label})
    motivation = "commenting" if a.note else "classifying" if a.label else "tagging" if a.tags else "highlighting"
    item: dict[str, Any] = {"id": ANNOTATION_URN + a.id, "type": "Annotation", "motivation": motivation}
    _dates(a, item)
    if bodies:
        item["body"] = bodies
    item["target"] = _target(a.article_id, a.anchor, not a.orphan)
    if a.orphan:
        # Not a position anyone should anchor to; kept so an import restores the record.
        item["reader:orphan"] = {"lastStart": a.anchor.start, "lastEnd": a.anchor.end}
    return item


def correction_item(c: Correction, text: str) -> dict[str, Any]:
    from reader.anchors import make_anchor

    item: dict[str, Any] = {"id": CORRECTION_URN + c.id, "type": "Annotation", "motivation": "editing"}
    _dates(c, item)
    body: dict[str, Any] = {"type": "TextualBody", "purpose": "editing", "value": c.replacement}
    if c.kind:
        body["reader:kind"] = c.kind
    item["body"] = [body]
    item["target"] = _target(c.article_id, make_anchor(text, c.start, c.end), True)
    return item


def collection(doc: ExportDoc) -> dict[str, Any]:
    items = [annotation_item(a) for a in doc.ordered_annotations]
    items += [correction_item(c, doc.text) for c in sorted(doc.clean_corrections, key=lambda c: (c.start, c.end, c.id))]
    return {
        "@context": CONTEXT,
        "id": ARTICLE_URN + doc.article.id + ":annotations",
        "type": "AnnotationCollection",
        "label": doc.title,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def render(doc: ExportDoc, options: ExportOptions = ExportOptions()) -> dict[str, str]:
    return {".json": json.dumps(collection(doc), ensure_ascii=False, indent=1) + "\n"}


# ---------------------------------------------------------------- reading it back
@dataclass
class Imported:
    """What a W3C file holds for one article, not yet stored."""

    article_ref: str | None
    annotations: list[Annotation] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    reanchored: int = 0
    orphans: int = 0


def _local_id(raw: Any, prefix: str) -> str:
    s = str(raw or "")
    if s.startswith(prefix):
        s = s[len(prefix):]
    if s and len(s) <= 64 and all(ch.isalnum() or ch in "-_" for ch in s):
        return s
    return hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The objects of a JSON list (anything else in a hand-edited file is ignored)."""
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [x for x in data if isinstance(x, dict)]
    if not isinstance(data, dict):
        raise InputError("not a W3C annotation document (expected a JSON object)")
    if data.get("type") == "Annotation":
        return [data]
    items: list[dict[str, Any]] = []
    page = data.get("first")
    while isinstance(page, dict):
        items += _dicts(page.get("items"))
        page = page.get("next") if isinstance(page.get("next"), dict) else None
    items += _dicts(data.get("items"))
    return items


def _selectors(target: Any) -> tuple[str | None, dict, dict]:
    if isinstance(target, list):
        target = target[0] if target else {}
    if isinstance(target, str):
        return target, {}, {}
    if not isinstance(target, dict):
        return None, {}, {}
    sels = target.get("selector") or []
    if isinstance(sels, dict):
        sels = [sels]
    if not isinstance(sels, list):
        sels = []
    quote = next((s for s in sels if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"), {})
    pos = next((s for s in sels if isinstance(s, dict) and s.get("type") == "TextPositionSelector"), {})
    return target.get("source"), quote, pos


def _place(text: str, quote: dict, pos: dict) -> tuple[Anchor | None, bool, bool]:
    """``(anchor, reanchored, orphan)``: positions when they still hold the quote, else
    the quote found by its context, else an orphan with the quote kept."""
    from reader.anchors import make_anchor, resolve

    exact = quote.get("exact", "")
    if not isinstance(exact, str):  # a malformed selector quotes nothing
        exact = ""
    start, end = pos.get("start"), pos.get("end")
    ok_pos = isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)
    was_orphan = bool(pos.get("orphaned"))
    if ok_pos and not was_orphan and (not exact or text[start:end] == exact) and start < end:
        return make_anchor(text, start, end), False, False
    if not exact:
        return None, False, False
    guess = start if isinstance(start, int) and start >= 0 else 0
    end_guess = end if was_orphan and isinstance(end, int) and end >= guess else guess + len(exact)
    anchor = Anchor(guess, end_guess, exact, str(quote.get("prefix", "")), str(quote.get("suffix", "")))
    found = resolve(anchor, text)
    if found is None:
        return anchor, False, True
    return make_anchor(text, *found), not was_orphan, False


def read_collection(data: Any, text_of) -> list[Imported]:
    """Parse a W3C document; ``text_of(article_ref)`` gives the article's text or raises.

    Returns one :class:`Imported` per article referenced (in first-seen order).
    """
    groups: dict[str | None, Imported] = {}
    for item in _items(data):
        source, quote, pos = _selectors(item.get("target"))
        if not isinstance(source, str):
            source = None
        ref = source[len(ARTICLE_URN):] if source and source.startswith(ARTICLE_URN) else source
        group = groups.setdefault(ref, Imported(ref))
        text = text_of(ref)
        bodies = item.get("body") or []
        if isinstance(bodies, (dict, str)):
            bodies = [bodies]
        if not isinstance(bodies, list):
            bodies = []
        bodies = [{"value": b, "purpose": "commenting"} if isinstance(b, str) else b for b in bodies if isinstance(b, (dict, str))]
        motivation = item.get("motivation")
        last = item.get("reader:orphan")
        if not pos and isinstance(last, dict):
            pos = {"start": last.get("lastStart"), "end": last.get("lastEnd"), "orphaned": True}
        anchor, moved, orphan = _place(text, quote, pos)
        if anchor is None:
            continue
        if motivation == "editing" or any(b.get("purpose") == "editing" for b in bodies):
            if orphan:
                group.orphans += 1
                continue
            body = next((b for b in bodies if b.get("purpose") == "editing"), bodies[0] if bodies else {})
            group.corrections.append(Correction(
                id=_local_id(item.get("id"), CORRECTION_URN), article_id="", start=anchor.start, end=anchor.end,
                original=anchor.quote, replacement=sanitize(str(body.get("value", ""))),
                kind=kind if isinstance(kind := body.get("reader:kind"), str) else None,
                created=str(item.get("created", "")),
            ))
            group.reanchored += moved
            continue
        note = sanitize("\n\n".join(
            str(b.get("value", "")) for b in bodies if b.get("purpose", "commenting") in ("commenting", "describing")
        ))
        tags = [sanitize(str(b.get("value", ""))) for b in bodies if b.get("purpose") == "tagging"]
        labels = []
        for b in bodies:
            if b.get("purpose") == "classifying":
                try:
                    labels.append(normalise_label(str(b.get("value", ""))))
                except ReaderError:
                    tags.append("label:" + sanitize(str(b.get("value", ""))))
        labels = [x for x in labels if x]
        tags = normalise_tags(tags)
        group.annotations.append(Annotation(
            id=_local_id(item.get("id"), ANNOTATION_URN), article_id="", anchor=anchor, note=note,
            tags=tags, label=labels[0] if labels else None, created=str(item.get("created", "")),
            updated=str(item.get("modified", "")), orphan=orphan,
        ))
        group.reanchored += moved
        group.orphans += orphan
    return list(groups.values())
