"""An article as the person sees and changes it, with no UI (docs/ARCHITECTURE.md).

:class:`ArticleSession` is the one owner of an article's text and records, the corrected
projection and its offset maps, the analysis context, the open findings, the effective
entities and the annotations in displayed coordinates, and of the commands that change
them (through :class:`reader.editing.Editor`). The reading screen holds one; ``reader
check ID``, ``reader fix``, the exports and the library's counts build one too, so all of
them agree on what is still open in an article.
"""

from __future__ import annotations

from reader.session.article import ArticleSession, Pending, open_findings_of

__all__ = ["ArticleSession", "Pending", "open_findings_of"]
