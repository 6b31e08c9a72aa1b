"""What one Editor action changes, as data: the record changes of each article
(:class:`ArticleChanges`), of the whole library (:class:`ChangeSet`), one undoable
:class:`Step`, and the :class:`Change` an action reports to its caller (which articles
and spans to re-analyse). JSON-able, so the undo history survives a restart.

Split from :mod:`reader.editing` (which does the changing) to keep each module to one job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


# --------------------------------------------------------------------------- change sets

_RECORD_FIELDS = (
    "put_corrections", "delete_corrections",
    "put_ignores", "delete_ignores",
    "put_annotations", "delete_annotations",
)


@dataclass
class ArticleChanges:
    """Record changes to one article's shard, applied in one atomic write (JSON-able)."""

    article_id: str
    put_corrections: list[dict[str, Any]] = field(default_factory=list)
    delete_corrections: list[str] = field(default_factory=list)
    put_ignores: list[dict[str, Any]] = field(default_factory=list)
    delete_ignores: list[str] = field(default_factory=list)
    put_annotations: list[dict[str, Any]] = field(default_factory=list)
    delete_annotations: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in _RECORD_FIELDS)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"article_id": self.article_id}
        out.update({name: getattr(self, name) for name in _RECORD_FIELDS if getattr(self, name)})
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleChanges:
        return cls(data["article_id"], **{n: list(data.get(n, [])) for n in _RECORD_FIELDS})


@dataclass
class ChangeSet:
    """Everything one direction of a step does: per-article records, then dictionary words."""

    articles: list[ArticleChanges] = field(default_factory=list)
    add_words: list[str] = field(default_factory=list)
    remove_words: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": [a.to_json() for a in self.articles],
            "add_words": self.add_words,
            "remove_words": self.remove_words,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ChangeSet:
        return cls(
            [ArticleChanges.from_json(a) for a in data.get("articles", [])],
            list(data.get("add_words", [])),
            list(data.get("remove_words", [])),
        )


@dataclass
class Step:
    """One undoable action: a description for the status line and both directions."""

    description: str
    forward: ChangeSet
    backward: ChangeSet
    count: int = 1

    def size(self) -> int:
        """Records and ids held, a proxy for the step's share of the saved history."""
        return sum(
            len(getattr(ac, name)) for cs in (self.forward, self.backward)
            for ac in cs.articles for name in _RECORD_FIELDS
        ) + 1

    def to_json(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "forward": self.forward.to_json(),
            "backward": self.backward.to_json(),
            "count": self.count,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Step:
        return cls(
            str(data.get("description", "")),
            ChangeSet.from_json(data.get("forward", {})),
            ChangeSet.from_json(data.get("backward", {})),
            int(data.get("count", 1)),
        )


@dataclass(frozen=True)
class Change:
    """What an action, undo or redo did, for the UI to re-project and report.

    ``kind`` is "do", "undo", "redo" or "none" (nothing to do: nothing was written);
    ``count`` is how many occurrences or records the action covered.
    """

    description: str
    article_ids: frozenset[str] = frozenset()
    dictionary_changed: bool = False
    count: int = 0
    kind: str = "do"
    #: (article_id, start, end) of original-text spans whose corrections or ignores changed
    spans: tuple[tuple[str, int, int], ...] = ()
    #: articles changed in a way not tied to spans (article-wide ignores)
    whole_articles: frozenset[str] = frozenset()

    @property
    def changed(self) -> bool:
        return self.kind != "none"

    def spans_for(self, article_id: str) -> list[tuple[int, int]] | None:
        """Original spans to re-analyse in ``article_id``; ``None``: re-analyse it all."""
        if self.dictionary_changed or article_id in self.whole_articles:
            return None
        return [(s, e) for aid, s, e in self.spans if aid == article_id]


def _nothing(description: str) -> Change:
    return Change(description, kind="none")
