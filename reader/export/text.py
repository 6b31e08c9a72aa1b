"""``txt``: the corrected plain text."""

from __future__ import annotations

from reader.export.document import ExportDoc, ExportOptions


def render(doc: ExportDoc, options: ExportOptions = ExportOptions()) -> dict[str, str]:
    text = doc.corrected
    return {".txt": text if text.endswith("\n") else text + "\n"}
