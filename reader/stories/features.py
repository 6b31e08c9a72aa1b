"""What an article contributes to story grouping: its names, its uncommon words, its date.

Grouping must handle ten thousand articles in seconds, so this is a single regex pass per
article with no entity detector: a *name* is a capitalised word that is not merely a
sentence opener (mid-sentence, or at a sentence start when the lexicon does not know its
lower-case form as a common word); an *uncommon word* is a lower-case word of four letters
or more that the lexicon rates below :data:`COMMON_ZIPF` (so garbled words count too: a
report's garbles are often shared with nothing, but its rare vocabulary is shared with the
other reports of the same event). A capitalised everyday word ("First World War", "New")
is no name here unless the gazetteer knows it as a place or a given name ("York", "Paris"):
too many unrelated articles share it. Terms are folded (lower case, no diacritics), so
"Lodz" and "Łódź" meet.

The date is the article's ``meta["date"]`` when it has one, else the first full date
written in its opening ("12 March 2025", "March 12, 2025", "2025-03-12"), else ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

#: Words at least this common (Zipf) are not evidence that two articles share an event.
COMMON_ZIPF = 4.3
#: Only the opening of an article is searched for its date.
DATE_WINDOW = 600

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS)
_DATE_PATTERNS = (
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)"),
    re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE}),?\s+(\d{{4}})\b"),
    re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"),
)
#: Capitalised words that say nothing about which event an article reports.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split() + list(_MONTHS)
)


@dataclass(frozen=True, slots=True)
class Features:
    """An article's grouping evidence: folded ``names``, folded ``words``, its ``day``
    (days since 1970-01-01) or ``None``."""

    names: frozenset[str]
    words: frozenset[str]
    day: int | None = None

    def terms(self) -> set[str]:
        """Names and words as one set of terms; names carry a ``@`` prefix."""
        return {"@" + n for n in self.names} | set(self.words)


def fold(word: str) -> str:
    """Lower case without diacritics ("Łódź" -> "łodz" -> "lodz" where decomposable)."""
    low = word.lower()
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _zipf():
    from reader.analysis.lexicon import get_lexicon

    return get_lexicon().zipf_lower


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from reader.analysis.lexicon import get_lexicon

    return frozenset(w for w, z in get_lexicon().items() if z >= COMMON_ZIPF)


def _known_name(word: str, *, strict: bool = False) -> bool:
    """A place or given name the gazetteer knows; ``strict``: one that is no English word
    as well ("Nice", "Reading", "Will" are)."""
    from reader.analysis.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    if word in gaz.places:
        return not strict or word not in gaz.common_places
    return word in gaz.first_names and not (strict and word in gaz.common_first_names)


def _mid_sentence(text: str, word: str) -> bool:
    """Is ``word`` written somewhere after a letter (or a comma) and a space?"""
    i = text.find(word)
    while i >= 0:
        if i >= 2 and text[i - 1] == " " and (text[i - 2].isalpha() or text[i - 2] in ",;"):
            end = i + len(word)
            if end == len(text) or not text[end].isalpha():
                return True
        i = text.find(word, i + 1)
    return False


def extract(text: str, meta: dict[str, Any] | None = None, *, zipf=None) -> Features:
    """The grouping evidence of one article (``zipf``: a lower-case frequency lookup,
    the packaged lexicon's by default).

    Each distinct word is judged once; a capitalised common word ("Will", "Mark") is a
    name only where it is written mid-sentence, after a letter or a comma.
    """
    zipf = zipf or _zipf()
    tokens = set(_WORD.findall(text))
    lower = {w for w in tokens if w[0].islower() and len(w) >= 4}
    words = {fold(w) for w in lower - _common_words()}
    names: set[str] = set()
    for w in tokens - lower:
        if len(w) < 3 or not w[0].isupper():
            continue
        low = w.lower()
        if low in _CALENDAR or (w.isupper() and len(w) > 5):
            continue  # dates, and shouted headline words rather than acronyms
        z = zipf(low)
        if z >= COMMON_ZIPF and not _known_name(w):
            continue  # "First World War", "United Nations": everyday words, weak evidence
        if z >= 3.0 and not _mid_sentence(text, w) and not _known_name(w, strict=True):
            continue  # an ordinary word opening sentences
        names.add(fold(w))
    return Features(frozenset(names), frozenset(words), article_day(text, meta))


def _day(y: int, m: int, d: int) -> int | None:
    try:
        return date(y, m, d).toordinal() - 719163  # days since 1970-01-01
    except ValueError:
        return None


def article_day(text: str, meta: dict[str, Any] | None = None) -> int | None:
    """The article's date as a day number, from its metadata or its opening lines."""
    raw = (meta or {}).get("date")
    if isinstance(raw, str):
        m = _DATE_PATTERNS[0].search(raw)
        if m:
            found = _day(int(m[1]), int(m[2]), int(m[3]))
            if found is not None:
                return found
    head = text[:DATE_WINDOW]
    best: tuple[int, int] | None = None  # (position, day)
    for i, pattern in enumerate(_DATE_PATTERNS):
        m = pattern.search(head)
        if not m:
            continue
        if i == 0:
            d = _day(int(m[1]), int(m[2]), int(m[3]))
        elif i == 1:
            d = _day(int(m[3]), _MONTHS.index(m[2].lower()) + 1, int(m[1]))
        else:
            d = _day(int(m[3]), _MONTHS.index(m[1].lower()) + 1, int(m[2]))
        if d is not None and (best is None or m.start() < best[0]):
            best = (m.start(), d)
    return best[1] if best else None
