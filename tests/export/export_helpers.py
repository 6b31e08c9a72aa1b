"""Helpers for the export tests: a small article built without a library."""

from __future__ import annotations

from reader.export import ExportDoc
from reader.model import Article, ArticleInfo

TEXT = (
    "Geneva talks\n\n"
    "The mayor of Genva spoke on Monday in Geneva. The council met and the mayor\n"
    "said the budgett would pass. Later, the mayor left for Bern.\n"
)


def make_doc(text: str = TEXT, title: str = "Geneva talks", *, annotations=None, corrections=None,
             entities=None, findings=None, article_id: str = "art1") -> ExportDoc:
    info = ArticleInfo(article_id, title, "/tmp/a.txt", "0" * 64, "2026-01-01T00:00:00+00:00", 20, len(text))
    return ExportDoc(Article(info, text), tuple(annotations or ()), tuple(corrections or ()),
                     tuple(entities or ()), tuple(findings or ()))


def span(text: str, quote: str, nth: int = 1) -> tuple[int, int]:
    i = -1
    for _ in range(nth):
        i = text.index(quote, i + 1)
    return i, i + len(quote)
