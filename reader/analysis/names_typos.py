"""Is a capitalised unknown word a typo of a common word rather than a name?

"Wendsday" and "Goverment" written mid-sentence look like names to a capitalisation
rule; they are one or two edits from a far more frequent word (a weekday, a common
noun). The entity finder leaves such words alone so the misspelling checks see them.
Real rare names ("Kompatscher", "Kowalczyk") are not near any common word.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

from reader.analysis.dates import DATE_WORDS
from reader.analysis.lexicon import Lexicon

#: A word this frequent (about 3 per 100k words) is one a typo is likely to come from.
SOURCE_ZIPF = 4.5
#: ... and it must be this much more frequent than the suspect.
MARGIN = 2.0

_DATE_LOWER = tuple(w.lower() for w in DATE_WORDS)


@lru_cache(maxsize=4)
def _common_words(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Frequent words bucketed by first letter (a typo rarely hits the first letter)."""
    items = getattr(lexicon, "items", None)
    if items is not None:  # the lexicon's own table: no second load of wordfreq
        words = [w for w, z in items() if z >= SOURCE_ZIPF]
    else:
        try:
            from wordfreq import top_n_list

            words = top_n_list("en", 6000, wordlist="large")
        except Exception:  # no word list: no typo evidence, every rare word may be a name
            words = []
    buckets: dict[str, list[str]] = {}
    for w in words:
        if len(w) >= 4 and w.isalpha() and lexicon.zipf(w) >= SOURCE_ZIPF:
            buckets.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in buckets.items()}


def looks_like_typo(word: str, lexicon: Lexicon) -> bool:
    """True when ``word`` is within one edit (two for long words) of a much more
    frequent word, or within two edits of a weekday or month name."""
    return _looks_like_typo(word.lower(), lexicon)


@lru_cache(maxsize=65536)
def _looks_like_typo(w: str, lexicon: Lexicon) -> bool:
    if len(w) < 5 or not w.isalpha():
        return False
    for d in _DATE_LOWER:
        if w != d and OSA.distance(w, d, score_cutoff=2) <= 2:
            return True
    z = lexicon.zipf(w)
    limit = 2 if len(w) >= 8 else 1
    for c in _common_words(lexicon).get(w[0], ()):
        if abs(len(c) - len(w)) > limit or c == w:
            continue
        if OSA.distance(w, c, score_cutoff=limit) <= limit and lexicon.zipf(c) >= z + MARGIN:
            return True
    return False
