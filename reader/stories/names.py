"""The names table of a story: every person, place and organisation, each spelling of it,
how often each article writes it, and the preferred spelling.

The unit is a *name word* ("Gelashvili", "Okafor-Ndiaye"), as in
:mod:`reader.analysis.variants`: a full name and its surname alone share it, so "Levan
Gelashivli" in one report and "Gelashvili said" in another meet. Name words come from the
entity detector; a capitalised word the lexicon does not know joins a cluster too when it
is a spelling of one of them (the detector may miss a badly garbled name). Two spellings
are the same name when they fold to the same letters ("Kraków", "Krakow"), or are one
edit apart (two for words of eight letters or more) and start alike, unless both are real
words or known names (two real names: "Hansen", "Hanson") never written with the same other
name words ("Solveig Amundsen" and "Solveig Amundson" are one person).

The preferred spelling is the best attested one, in this order: the spelling a person
chose before; a spelling a person wrote in a correction; the accented one of two that differ
only by diacritics (translation and OCR drop accents but never invent the right ones); the
one found in the most articles; one known to the lexicon, the gazetteer or the given-name
list; the most frequent; the longest (dropped letters are the commonest typo).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.corrections import word_occurrences
from reader.model import Entity
from reader.stories.features import fold

LABELS = ("PERSON", "PLACE", "ORG")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011'\u2019][^\W\d_]+)*")
_CAPITALISED = re.compile(r"(?<![\w'\u2019-])[^\W\d_a-z][^\W\d_]{3,}(?![\w'\u2019-])")


@dataclass(frozen=True, slots=True)
class Spelling:
    """One way a story writes a name: ``counts`` maps article id -> occurrences."""

    text: str
    counts: Mapping[str, int]
    known: bool = False
    chosen: bool = False

    @property
    def articles(self) -> int:
        return sum(1 for n in self.counts.values() if n)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "counts": dict(self.counts), "known": self.known, "chosen": self.chosen}


@dataclass(frozen=True, slots=True)
class NameCluster:
    """One name across a story's articles; ``spellings[0]`` is the preferred one.
    ``example`` is the fullest name seen with it ("Levan Gelashvili")."""

    label: str
    spellings: tuple[Spelling, ...]
    example: str = ""

    @property
    def preferred(self) -> str:
        return self.spellings[0].text

    @property
    def variants(self) -> tuple[Spelling, ...]:
        """The spellings other than the preferred one (the ones to correct)."""
        return self.spellings[1:]

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "preferred": self.preferred,
            "example": self.example,
            "spellings": [s.to_json() for s in self.spellings],
        }


@dataclass
class _Form:
    text: str
    counts: dict[str, int] = field(default_factory=dict)
    labels: dict[str, int] = field(default_factory=dict)
    examples: dict[str, int] = field(default_factory=dict)
    first: int = 0
    entity: bool = False
    companions: set[str] = field(default_factory=set)  # other words of its full names


def _name_words(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _NAME_WORD.finditer(text):
        w = m.group()
        if len(w) >= 4 and w[0].isupper() and not w.isupper():
            yield m.start(), m.end(), w


def _limit(a: str, b: str) -> int:
    return 2 if min(len(a), len(b)) >= 8 else 1


class _Knowledge:
    """Is a spelling a known word or name? (lexicon, gazetteer, given names, extra names)"""

    def __init__(self, lexicon: Any, gazetteer: Any, extra: Iterable[str] = ()) -> None:
        self.lexicon, self.gaz = lexicon, gazetteer
        self.extra = frozenset(extra)

    def __call__(self, w: str) -> bool:
        if w in self.extra:
            return True
        if self.lexicon is not None and self.lexicon.zipf(w) > 0:
            return True
        if self.gaz is not None and (w in self.gaz.places or w in self.gaz.first_names):
            return True
        return False


def _same_name(a: _Form, b: _Form, known) -> bool:
    from rapidfuzz.distance import OSA

    fa, fb = fold(a.text), fold(b.text)
    if fa == fb:
        return True
    if fa[0] != fb[0] or abs(len(fa) - len(fb)) > 2:
        return False
    limit = _limit(fa, fb)
    if OSA.distance(fa, fb, score_cutoff=limit) > limit:
        return False
    return not (known(a.text) and known(b.text)) or bool(a.companions & b.companions)


def names_table(
    docs: Sequence[tuple[str, str, Sequence[Entity]]],
    *,
    lexicon: Any = None,
    gazetteer: Any = None,
    choices: Mapping[str, str] | None = None,
    user_names: Iterable[str] = (),
) -> list[NameCluster]:
    """The names table of a story from ``(article id, text, entities)`` of its articles.

    ``choices`` maps a folded spelling to the spelling a person chose for its cluster;
    ``user_names`` are names people wrote in corrections (their words count as chosen
    before anything else is weighed). Clusters are ordered by how often they occur.
    """
    user_words = {w for name in user_names for _s, _e, w in _name_words(name)}
    known = _Knowledge(lexicon, gazetteer, user_words)
    forms: dict[str, _Form] = {}
    order = 0
    for _aid, _text, entities in docs:
        for e in entities:
            if e.label not in LABELS:
                continue
            words = [w for _s, _e, w in _name_words(e.text)]
            for w in words:
                f = forms.get(w)
                if f is None:
                    f = forms[w] = _Form(w, first=order)
                    order += 1
                f.entity = True
                f.labels[e.label] = f.labels.get(e.label, 0) + 1
                f.examples[e.text] = f.examples.get(e.text, 0) + 1
                f.companions.update(x for x in words if x != w)
    if not forms:
        return []
    # unknown capitalised words: candidate spellings the detector did not mark as names
    for _aid, text, _entities in docs:
        for m in _CAPITALISED.finditer(text):
            w = m.group()
            if w not in forms and not w.isupper() and not known(w):
                forms[w] = _Form(w, first=order)
                order += 1
    for aid, text, _entities in docs:
        for f in forms.values():
            n = len(word_occurrences(text, f.text))
            if n:
                f.counts[aid] = n
    clusters = _cluster([f for f in forms.values() if f.counts], known)
    chosen_by_fold = {fold(k): v for k, v in (choices or {}).items()}
    out = [_make_cluster(group, known, chosen_by_fold, user_words) for group in clusters]
    out = [c for c in out if c is not None]
    out.sort(key=lambda c: (-sum(s.total for s in c.spellings), c.preferred))
    return out


def _cluster(forms: list[_Form], known) -> list[list[_Form]]:
    """Groups of spellings of one name; groups without a detected name are dropped."""
    parent = list(range(len(forms)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_letter: dict[str, list[int]] = {}
    for i, f in enumerate(forms):
        by_letter.setdefault(fold(f.text)[0], []).append(i)
    for members in by_letter.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if find(i) != find(j) and _same_name(forms[i], forms[j], known):
                    parent[find(j)] = find(i)
    groups: dict[int, list[_Form]] = {}
    for i, f in enumerate(forms):
        groups.setdefault(find(i), []).append(f)
    return [g for g in groups.values() if any(f.entity for f in g)]


def _make_cluster(group: list[_Form], known, chosen_by_fold: Mapping[str, str],
                  user_words: set[str]) -> NameCluster | None:
    folds: dict[str, int] = {}
    for f in group:
        folds[fold(f.text)] = folds.get(fold(f.text), 0) + 1
    chosen = next((chosen_by_fold[fold(f.text)] for f in group if fold(f.text) in chosen_by_fold), None)

    def accents(f: _Form) -> int:
        if folds[fold(f.text)] < 2:
            return 0
        return sum(1 for ch in f.text if not ch.isascii())

    def rank(f: _Form) -> tuple:
        articles = sum(1 for n in f.counts.values() if n)
        return (f.text == chosen, f.text in user_words, accents(f), articles, known(f.text),
                sum(f.counts.values()), f.entity, len(f.text), -f.first)

    ordered = sorted(group, key=rank, reverse=True)
    labels: dict[str, int] = {}
    examples: dict[str, int] = {}
    for f in group:
        for k, v in f.labels.items():
            labels[k] = labels.get(k, 0) + v
    best = ordered[0]
    for text, n in best.examples.items():
        examples[text] = examples.get(text, 0) + n
    label = max(sorted(labels), key=lambda k: labels[k]) if labels else "PERSON"
    example = max(sorted(examples), key=lambda t: (len(t.split()), examples[t])) if examples else best.text
    spellings = tuple(
        Spelling(f.text, dict(f.counts), known(f.text), f.text == chosen) for f in ordered
    )
    return NameCluster(label, spellings, example)


def variant_map(clusters: Iterable[NameCluster]) -> dict[str, dict[str, str]]:
    """Article id -> {variant spelling: preferred spelling} for spellings each article has."""
    out: dict[str, dict[str, str]] = {}
    for c in clusters:
        for s in c.variants:
            for aid, n in s.counts.items():
                if n:
                    out.setdefault(aid, {})[s.text] = c.preferred
    return out
