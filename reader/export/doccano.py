"""``jsonl``: doccano's span format, ``{"text": ..., "label": [[start, end, LABEL], ...]}``
over the corrected text, for training entity models. One line per article."""

from __future__ import annotations

import json

from reader.export.document import ExportDoc, ExportOptions


def record(doc: ExportDoc) -> dict:
    labels = [[e.start, e.end, e.label] for e in doc.entities_effective]
    return {"id": doc.article.id, "title": doc.title, "text": doc.corrected, "label": labels}


def render(doc: ExportDoc, options: ExportOptions = ExportOptions()) -> dict[str, str]:
    return {".jsonl": json.dumps(record(doc), ensure_ascii=False) + "\n"}
