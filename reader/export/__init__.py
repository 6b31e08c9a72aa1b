"""Exports: one module per format, each a pure function of an :class:`ExportDoc`.

Every format's ``render(doc, options)`` returns ``{suffix: text}`` (brat writes two files).
Output is deterministic: records in a stable order and no timestamps beyond the records'
own, so two exports of the same library compare equal. Writing files (names, atomicity,
refusing to overwrite) is :mod:`reader.export.run`'s job, shared by the CLI and the app.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.export.document import ExportDoc, ExportOptions, build_doc
    from reader.export.naming import safe_stem

__all__ = ["ExportDoc", "ExportOptions", "Format", "FORMATS", "build_doc", "get_format", "safe_stem"]

#: Names re-exported from the modules that define them, imported on first use: building
#: ``reader --help`` reads :data:`FORMATS` and should not load the model and the analysis.
_REEXPORTS = {"ExportDoc": "document", "ExportOptions": "document", "build_doc": "document", "safe_stem": "naming"}


def __getattr__(name: str):
    module = _REEXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"reader.export.{module}"), name)


class Format(NamedTuple):
    """An export format: its module in this package and what it writes (a NamedTuple:
    ``reader --help`` reads these, and a dataclass would import :mod:`dataclasses`)."""

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
