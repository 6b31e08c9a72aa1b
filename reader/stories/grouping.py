"""Story grouping: which articles report the same event.

The similarity, in one sentence (the README says it too): two articles belong to the same
story when the names and uncommon words they share make up at least :data:`THRESHOLD` of
their weighted vocabulary (a cosine over term sets, each term weighted by how rare it is
in the library, names counting :data:`NAME_WEIGHT` times), they share at least
:data:`MIN_SHARED` such terms, and their dates, when both are known, are at most
:data:`MAX_DAYS` apart.

Stories are the connected groups of such pairs, linked strongest pair first. A person's
choices are *pins* (article id -> story label, :mod:`reader.stories.library` keeps them in
the store): pinned articles with the same label are one story whatever their similarity,
and two different labels never end up in one story, so a split or merge survives every
regrouping; unpinned articles still join a pinned story they resemble.

:class:`StoryIndex` is incremental: :meth:`StoryIndex.add` compares the new article with
the articles that share a term with it (an inverted index; terms in more than
:func:`posting_cap` articles are too common to propose candidates) and links it, so adding
one article to ten thousand costs milliseconds. Weights use the library's term counts at
the time a pair is compared, so an index grown one article at a time may link a little
differently from one built at once (:meth:`StoryIndex.build`); both follow the rule above.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.stories.features import Features

#: The least similarity (0..1) that links two articles.
THRESHOLD = 0.2
#: A shared name weighs this many times a shared uncommon word.
NAME_WEIGHT = 2.0
#: Two articles sharing fewer terms than this never link (one shared name is too thin).
MIN_SHARED = 2
#: Articles dated further apart than this never link.
MAX_DAYS = 14


def posting_cap(n_articles: int) -> int:
    """Terms found in more articles than this propose no candidates (too common)."""
    return max(40, n_articles // 50)


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles: ``key`` is its first article's id (stable while that article
    stays), ``article_ids`` in the order they were added, ``pinned`` when a person
    split or merged it."""

    key: str
    article_ids: tuple[str, ...]
    pinned: bool = False


class _Sets:
    """Union-find over article slots, where each group carries at most one pin label."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.label: list[str | None] = []

    def add(self, label: str | None) -> int:
        self.parent.append(len(self.parent))
        self.label.append(label)
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        """Join the groups of ``a`` and ``b`` unless they carry different pin labels."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        la, lb = self.label[ra], self.label[rb]
        if la is not None and lb is not None and la != lb:
            return False
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.label[ra] = la if la is not None else lb
        return True


class StoryIndex:
    """Articles and the links between them; ``pins`` maps article id -> story label."""

    def __init__(self, pins: Mapping[str, str] | None = None, *, threshold: float = THRESHOLD) -> None:
        self.pins = dict(pins or {})
        self.threshold = threshold
        self.ids: list[str] = []
        self.slot: dict[str, int] = {}
        self.terms: list[list[int]] = []  # term ids per slot
        self.names: list[set[int]] = []  # which of those are names
        self.days: list[int | None] = []
        self.norms: list[float] = []
        self.term_id: dict[str, int] = {}
        self.postings: list[list[int]] = []  # term id -> slots
        self.sets = _Sets()
        self.links: dict[tuple[int, int], float] = {}  # (a, b), a < b -> similarity
        self._label_slot: dict[str, int] = {}

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, articles: Iterable[tuple[str, Features]], pins: Mapping[str, str] | None = None,
              *, threshold: float = THRESHOLD) -> StoryIndex:
        """Group many articles at once, with weights from the whole collection."""
        index = cls(pins, threshold=threshold)
        for article_id, features in articles:
            index._insert(article_id, features)
        n = len(index.ids)
        cap = posting_cap(n)
        weights = index._weights(n)
        for s in range(n):
            index.norms[s] = index._norm(s, weights)
        for s in range(n):
            index._pin(s)
        edges: list[tuple[float, int, int]] = []
        for s in range(n):
            for other, sim in index._similar(s, weights, cap, earlier_only=True):
                edges.append((sim, other, s))
        edges.sort(key=lambda e: (-e[0], e[1], e[2]))
        for sim, a, b in edges:
            index._link(a, b, sim)
        return index

    def add(self, article_id: str, features: Features) -> None:
        """Add one article and link it to the articles it resembles."""
        if article_id in self.slot:
            return
        s = self._insert(article_id, features)
        n = len(self.ids)
        weights = self._weights(n)
        self.norms[s] = self._norm(s, weights)
        self._pin(s)
        found = sorted(self._similar(s, weights, posting_cap(n), earlier_only=False), key=lambda e: -e[1])
        for other, sim in found:
            self._link(min(s, other), max(s, other), sim)

    def _insert(self, article_id: str, features: Features) -> int:
        s = len(self.ids)
        self.ids.append(article_id)
        self.slot[article_id] = s
        ids: list[int] = []
        names: set[int] = set()
        for term in features.terms():
            t = self.term_id.get(term)
            if t is None:
                t = self.term_id[term] = len(self.postings)
                self.postings.append([])
            self.postings[t].append(s)
            ids.append(t)
            if term[0] == "@":
                names.add(t)
        self.terms.append(ids)
        self.names.append(names)
        self.days.append(features.day)
        self.norms.append(0.0)
        self.sets.add(self.pins.get(article_id))
        return s

    def _pin(self, s: int) -> None:
        label = self.pins.get(self.ids[s])
        if label is None:
            return
        first = self._label_slot.setdefault(label, s)
        if first != s:
            self.sets.union(first, s)

    def _weights(self, n: int):
        log = math.log

        def weight(t: int, is_name: bool) -> float:
            w = log(1.0 + n / len(self.postings[t]))
            return w * NAME_WEIGHT if is_name else w

        return weight

    def _norm(self, s: int, weight) -> float:
        names = self.names[s]
        return math.sqrt(sum(weight(t, t in names) ** 2 for t in self.terms[s])) or 1.0

    def _similar(self, s: int, weight, cap: int, *, earlier_only: bool) -> list[tuple[int, float]]:
        """(other slot, similarity) for every article at or above the threshold."""
        shared: dict[int, float] = {}
        count: dict[int, int] = {}
        names = self.names[s]
        postings = self.postings
        for t in self.terms[s]:
            post = postings[t]
            if len(post) > cap or len(post) < 2:
                continue
            w = weight(t, t in names)
            w2 = w * w
            for o in post:
                if o == s or (earlier_only and o > s):
                    continue
                shared[o] = shared.get(o, 0.0) + w2
                count[o] = count.get(o, 0) + 1
        out = []
        norm, day = self.norms[s], self.days[s]
        for o, dot in shared.items():
            sim = dot / (norm * self.norms[o])
            if sim < self.threshold or count[o] < MIN_SHARED:
                continue
            other_day = self.days[o]
            if day is not None and other_day is not None and abs(day - other_day) > MAX_DAYS:
                continue
            out.append((o, sim))
        return out

    def _link(self, a: int, b: int, sim: float) -> None:
        if self.sets.union(a, b):
            self.links[(a, b)] = sim

    # ------------------------------------------------------------------ reading
    def similarity(self, a: str, b: str) -> float:
        """The similarity that linked two articles directly (0.0 when they were not)."""
        sa, sb = self.slot[a], self.slot[b]
        return self.links.get((min(sa, sb), max(sa, sb)), 0.0)

    def stories(self, *, singles: bool = False) -> list[Story]:
        """Every story of two or more articles (and lone articles with ``singles``), in
        the order of their first article."""
        groups: dict[int, list[int]] = {}
        for s in range(len(self.ids)):
            groups.setdefault(self.sets.find(s), []).append(s)
        out = []
        for root, members in sorted(groups.items(), key=lambda g: g[1][0]):
            pinned = self.sets.label[root] is not None
            if len(members) < 2 and not singles:
                continue
            out.append(Story(self.ids[members[0]], tuple(self.ids[m] for m in members), pinned))
        return out

    def story_of(self, article_id: str) -> tuple[str, ...]:
        """The ids of the articles in ``article_id``'s story (itself included)."""
        root = self.sets.find(self.slot[article_id])
        return tuple(i for s, i in enumerate(self.ids) if self.sets.find(s) == root)
