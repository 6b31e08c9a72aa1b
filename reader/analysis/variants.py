"""Name variants: one entity spelled several ways, within and across articles.

The unit is a name word ("Kowalczyk", "Okafor-Ndiaye"): full names and surnames alone
share it, so "Tomasz Kowalcyk" in one article and "Kowalczyk added" in another meet.
Two forms are the same name when they are one edit apart (two for words of eight
letters or more), start with the same letter and differ by more than case. Then:

- a form the lexicon or gazetteer knows beats one nobody knows (wordfreq knows many
  public figures' surnames); two known forms are two real names and never a variant;
- otherwise the more frequent form wins (counting every article checked together and
  the library's ``known_names``), then the longer one (dropped letters are the most
  common typo), then the one seen first.

An unknown form is also a variant when it is one edit from a well-known place or given
name (a country, a large city, a frequent first name): "Germny" -> "Germany".
The canonical form itself is never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from reader.analysis.gazetteer import WELL_KNOWN_KINDS, Gazetteer, get_gazetteer
from reader.analysis.lexicon import Lexicon
from reader.model import Entity, Finding

_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011'\u2019][^\W\d_]+)*")
_LABELS = frozenset({"PERSON", "PLACE", "ORG"})
#: A well-known name to correct towards must be at least this frequent (Zipf).
WELL_KNOWN_ZIPF = 3.0


@dataclass
class _Form:
    text: str
    count: int = 0
    first: int = 1 << 62  # order of first sighting
    occurrences: list[tuple[int, int, int]] = field(default_factory=list)  # doc, start, end
    person: bool = False  # seen in a PERSON name (never corrected towards a place)
    given: bool = False  # seen as the first word of a full PERSON name ("Ingird Lindqvist")


def _limit(a: str, b: str) -> int:
    n = min(len(a), len(b))
    return 2 if n >= 8 else 1 if n >= 5 else 0


def _name_words(name: str):
    for m in _NAME_WORD.finditer(name):
        w = m.group()
        if len(w) >= 5 and w[0].isupper() and not w.isupper():
            yield m.start(), m.end(), w


def _collect(docs: Sequence[tuple[str, Sequence[Entity]]], known_names: Sequence[str]) -> dict[str, _Form]:
    forms: dict[str, _Form] = {}
    order = 0
    for d, (_text, ents) in enumerate(docs):
        for e in ents:
            if e.label not in _LABELS:
                continue
            for s, t, w in _name_words(e.text):
                f = forms.get(w)
                if f is None:
                    f = forms[w] = _Form(w, first=order)
                f.count += 1
                f.occurrences.append((d, e.start + s, e.start + t))
                if e.label == "PERSON":
                    f.person = True
                    f.given = f.given or (s == 0 and t < len(e.text.rstrip()))
                order += 1
    for name in known_names:
        for _s, _t, w in _name_words(name):
            f = forms.get(w)
            if f is None:
                f = forms[w] = _Form(w, first=order)
            f.count += 1
            order += 1
    return forms


def _canonical_map(forms: dict[str, _Form], lexicon: Lexicon, gaz: Gazetteer) -> dict[str, str]:
    """form -> canonical form, for every form that is a variant of another."""

    def known(w: str) -> bool:
        if lexicon.zipf(w) > 0 or w in gaz.places or w in gaz.first_names:
            return True
        parts = w.split("-")  # "Okafor-Ndiaye": known when every part is
        return len(parts) > 1 and all(lexicon.zipf(p) > 0 or p in gaz.first_names for p in parts)

    def key(f: _Form) -> tuple:
        return (known(f.text), f.count, len(f.text), -f.first)

    buckets: dict[tuple[str, int], list[_Form]] = {}
    for f in forms.values():
        buckets.setdefault((f.text[0].lower(), len(f.text)), []).append(f)
    better: dict[str, str] = {}
    for (letter, length), group in buckets.items():
        near = [g for n in range(length - 2, length + 3) for g in buckets.get((letter, n), ())]
        if len(near) < 2:
            continue
        lowered = [g.text.lower() for g in near]
        for a in group:
            la = a.text.lower()
            best: _Form | None = None
            for _, d, j in process.extract(la, lowered, scorer=OSA.distance, score_cutoff=2, limit=None):
                b = near[j]
                if d == 0 or d > _limit(a.text, b.text):
                    continue
                accents = _accent_order(a.text, b.text)
                if accents:  # "Wisniewski" / "Wiśniewski": one name, accents stripped
                    if accents > 0 and (best is None or key(b) > key(best)):
                        best = b
                    continue
                if known(a.text) and known(b.text):
                    continue  # two real names ("Hansen", "Hanson")
                if key(b) > key(a) and (best is None or key(b) > key(best)):
                    best = b
            if best is not None:
                better[a.text] = best.text
    resolved: dict[str, str] = {}
    for w in better:
        target = better[w]
        for _ in range(4):  # follow a chain of ever better forms
            if target not in better:
                break
            target = better[target]
        if target != w:
            resolved[w] = target
    for w, f in forms.items():
        if w in resolved or known(w) or (f.person and not f.given):
            continue
        target = _well_known_neighbour(w, lexicon, gaz, given=f.person)
        if target:
            resolved[w] = target
    return resolved


def _accent_order(a: str, b: str) -> int:
    """1 when ``b`` is ``a`` with more diacritics ("Wisniewski" -> "Wiśniewski"), -1 the
    other way round, 0 when they differ otherwise. Machine translation, OCR and hasty
    typing drop diacritics but never invent the right ones, so the accented form is the
    canonical one whichever is commoner."""
    from reader.analysis.gazetteer import fold

    if a.isascii() == b.isascii() or fold(a) != fold(b):
        return 0
    return 1 if a.isascii() else -1


@lru_cache(maxsize=4)
def _well_known_names(gaz: Gazetteer, lexicon: Lexicon, given: bool) -> dict[str, tuple[str, ...]]:
    """Frequent place names, or (``given``) frequent given names, by first letter."""
    if given:
        names = [n for n in gaz.first_names if n not in gaz.common_first_names]
    else:
        names = [n for n, k in gaz.places.items() if k in WELL_KNOWN_KINDS and " " not in n and not n.isupper()]
    buckets: dict[str, list[str]] = {}
    for n in names:
        if len(n) >= 5 and lexicon.zipf(n) >= WELL_KNOWN_ZIPF:
            buckets.setdefault(n[0], []).append(n)
    return {k: tuple(v) for k, v in buckets.items()}


def _well_known_neighbour(w: str, lexicon: Lexicon, gaz: Gazetteer, given: bool = False) -> str | None:
    """The well-known place (or given name, for the first word of a person's name) one
    edit from ``w``; surnames are left alone ("Joensen" is no misspelled "Jensen")."""
    bucket = _well_known_names(gaz, lexicon, given).get(w[0], ())
    if not bucket:
        return None
    hit = process.extractOne(w, bucket, scorer=OSA.distance, score_cutoff=1)
    if hit and hit[1] == 1 and hit[0].lower() != w.lower():
        return hit[0]
    return None


def _resolve(
    docs: Sequence[tuple[str, Sequence[Entity]]], lexicon: Lexicon, known_names: Sequence[str]
) -> tuple[dict[str, _Form], dict[str, str]]:
    forms = _collect(docs, known_names)
    if not forms:
        return forms, {}
    return forms, _canonical_map(forms, lexicon, get_gazetteer())


def find_variants(
    docs: Sequence[tuple[str, Sequence[Entity]]],
    lexicon: Lexicon,
    known_names: Sequence[str] = (),
) -> list[list[Finding]]:
    """``variant`` findings for each document, one list per document, sorted by start.

    ``docs`` pairs each text with its entities (from ``find_entities``); ``known_names``
    are entity spellings from the library. Each finding covers one misspelled name word
    and suggests the canonical spelling.
    """
    out: list[list[Finding]] = [[] for _ in docs]
    forms, canon = _resolve(docs, lexicon, known_names)
    for w, target in canon.items():
        if target in forms:
            msg = f"the same name is spelled '{target}' elsewhere"
        else:
            msg = f"looks like a misspelling of the well-known name '{target}'"
        for d, s, e in forms[w].occurrences:
            out[d].append(Finding(s, e, docs[d][0][s:e], "variant", msg, (target,)))
    for findings in out:
        findings.sort(key=lambda f: f.start)
    return out


def canonical_names(
    docs: Sequence[tuple[str, Sequence[Entity]]],
    lexicon: Lexicon,
    known_names: Sequence[str] = (),
) -> list[list[Entity]]:
    """The entities of each document with ``canonical`` set on misspelled names
    ("Tomasz Kowalcyk" -> canonical "Tomasz Kowalczyk"); others are unchanged."""
    forms, canon = _resolve(docs, lexicon, known_names)
    out: list[list[Entity]] = []
    for _text, ents in docs:
        fixed = []
        for e in ents:
            if e.label in _LABELS and canon:
                new = e.text
                for _s, _t, w in reversed(list(_name_words(e.text))):
                    if w in canon:
                        new = new[:_s] + canon[w] + new[_t:]
                if new != e.text:
                    e = replace(e, canonical=new)
            fixed.append(e)
        out.append(fixed)
    return out
