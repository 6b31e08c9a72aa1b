"""Candidate lookups in the mapped lexicon file: near spellings and sounds-alike words.

Comparing an unknown word with all 160,000 suggestable words costs ~30 ms even in C; the
symmetric-delete index makes it ~0.1 ms. Every suggestable word is stored under each
string obtained by deleting up to two (common words) or one (rare words) of the first
:data:`~reader.analysis.lexdata_build.PREFIX` characters of it; a query generates its own
deletes and looks them up, which finds every common word within Damerau distance 2 and
every rare one within 1 (SymSpell). The index lives in the lexicon file as buckets of word
ids (:mod:`reader.analysis.lexdata`): hash collisions only add candidates, which the
exact distance check removes, and nothing is built at start-up.
"""

from __future__ import annotations

from rapidfuzz.distance import DamerauLevenshtein
from rapidfuzz.process import extract

from reader.analysis.lexdata_build import deletes
from reader.analysis.phonetic import phonetic_key

__all__ = ["SuggestionIndex", "deletes"]

#: Words at least this frequent are what :meth:`SuggestionIndex.candidates` returns by
#: default: the "well-known neighbours" the spelling check compares an unknown word with.
WELL_KNOWN_ZIPF = 3.0
#: At most this many sounds-alike words are compared (the most frequent ones).
SOUNDS_LIKE_CAP = 40
#: ... and this many for each key with one consonant fewer.
SOUNDS_LIKE_NEAR = 8


class SuggestionIndex:
    """Near-spelling and sounds-alike lookups over one lexicon's suggestable words."""

    def __init__(self, lexicon) -> None:
        self.lexicon = lexicon
        self.data = lexicon.data()
        self.prefix = self.data.prefix
        self._words: list[str | None] = [None] * self.data.vocab_size

    @classmethod
    def of(cls, lexicon) -> SuggestionIndex:
        """The index of ``lexicon``, made once per lexicon object."""
        idx = getattr(lexicon, "_suggestion_index", None)
        if idx is None:
            idx = cls(lexicon)
            lexicon._suggestion_index = idx
        return idx

    @property
    def vocab(self) -> list[str]:
        """Every suggestable word (for diagnostics; builds a list of them all)."""
        return [self._word(i) for i in range(self.data.vocab_size)]

    def _word(self, i: int) -> str:
        w = self._words[i]
        if w is None:
            w = self._words[i] = self.data.word(i)
        return w

    def suspect(self, word: str) -> bool:
        """Whether lower-case ``word`` is marked a likely common misspelling."""
        if " " in word:
            return False
        i = self.data.find(word)
        return 0 <= i < len(self.data.suspect) and bool(self.data.suspect[i])

    def zipf(self, word: str) -> float:
        return self.lexicon.zipf_lower(word)

    def near(self, word: str, max_dist: int = 2, depth: int | None = None) -> list[tuple[str, int, float]]:
        """(word, distance, Zipf) of suggestable words within ``max_dist`` of ``word``,
        looked up with the query's deletes up to ``depth`` (default ``max_dist``; 1 finds
        every word one edit away at a quarter of the cost)."""
        data = self.data
        ids: set[int] = set()
        bucket = data.delete_bucket
        for d in deletes(word[: self.prefix], max_dist if depth is None else depth):
            ids.update(bucket(d.encode("utf-8")))
        woff, zipfs, cw, known = data.woff, data.zipfs, self._word, self._words
        n = len(word.encode("utf-8"))
        lo, hi = n - max_dist + 1, n + max_dist + 1  # byte lengths, "\n" included
        pool = [i for i in ids if lo <= woff[i + 1] - woff[i] <= hi]
        words = [known[i] or cw(i) for i in pool]
        return [
            (w, int(d), zipfs[pool[k]] / 100)
            for w, d, k in extract(word, words, scorer=DamerauLevenshtein.distance,
                                   score_cutoff=max_dist, limit=None)
            if d > 0
        ]

    def sounds_like(self, word: str) -> list[tuple[str, float]]:
        """(word, Zipf) of the most frequent suggestable words with ``word``'s sound key."""
        key = phonetic_key(word)
        if len(key) < 2:
            return []
        data = self.data
        woff, zipfs = data.woff, data.zipfs
        n = len(word)
        ids = list(data.phonetic_bucket(key)[:SOUNDS_LIKE_CAP])
        if SOUNDS_LIKE_NEAR and len(key) >= 4:
            # one consonant too many in the typo ("fermilier" for "familiar")
            for j in range(1, len(key)):
                ids.extend(data.phonetic_bucket(key[:j] + key[j + 1:])[:SOUNDS_LIKE_NEAR])
        out = []
        for i in set(ids):
            if abs(woff[i + 1] - woff[i] - 1 - n) > 4:
                continue
            out.append((self._word(i), zipfs[i] / 100))
        return out

    def candidates(self, word: str, max_dist: int = 2,
                   min_zipf: float = WELL_KNOWN_ZIPF) -> list[tuple[str, int]]:
        """Well-known words (Zipf >= ``min_zipf``) within Damerau distance ``max_dist`` of
        lower-case ``word``: the spelling check's neighbours of an unknown word."""
        if len(word) > 40:
            return []
        return [(w, d) for w, d, z in self.near(word, max_dist) if z >= min_zipf]
