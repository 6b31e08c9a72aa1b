"""Exports: one module per format, each a pure function of an :class:`ExportDoc`.

Every format's ``render(doc, options)`` returns ``{suffix: text}`` (brat writes two files).
Output is deterministic: records in a stable order and no timestamps beyond the records'
own, so two exports of the same library compare equal. Writing files (names, atomicity,
refusing to overwrite) is :mod:`reader.export.run`'s job, shared by the CLI and the app.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from reader.errors import ReaderError
from reader.export.document import ExportDoc, ExportOptions, build_doc
from reader.export.naming import safe_stem

__all__ = ["ExportDoc", "ExportOptions", "Format", "FORMATS", "build_doc", "get_format", "safe_stem"]


@dataclass(frozen=True, slots=True)
class Format:
    """An export format: its module in this package and what it writes."""

    name: str
    module: str
    description: str
    suffixes: tuple[str, ...]
    combined: bool = False  # several articles go into one file (one line each)

    @property
    def render(self) -> Callable[[ExportDoc, ExportOptions], dict[str, str]]:
        return importlib.import_module(f"reader.export.{self.module}").render


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("md", "markdown", "Markdown: corrected text, annotations as footnotes", (".md",)),
        Format("html", "html", "self-contained HTML with highlights, notes and a legend", (".html",)),
        Format("json", "w3c", "W3C Web Annotation collection (annotations and corrections)", (".json",)),
        Format("txt", "text", "the corrected plain text", (".txt",)),
        Format("critic", "critic", "original text with CriticMarkup corrections and comments", (".critic.md",)),
        Format("brat", "brat", "brat standoff: .txt and .ann (entities, labels, notes)", (".brat.txt", ".brat.ann")),
        Format("jsonl", "doccano", "doccano JSONL: text and entity spans, one line per article", (".jsonl",), True),
    )
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ReaderError(f"unknown export format {name!r}; choose from {', '.join(FORMATS)}") from None
