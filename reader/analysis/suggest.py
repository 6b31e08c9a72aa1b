"""Ranked spelling suggestions from a symmetric-delete candidate index.

Comparing an unknown word with all 300k lexicon words costs ~30 ms even in C; the index
makes it ~0.1 ms. Every well-known word (Zipf >= :data:`VOCAB_MIN_ZIPF`) is stored under
each string obtained by deleting up to two of its characters; a query generates its own
deletes and looks them up, which finds every word within Damerau distance 2 (SymSpell).

The index is two sorted ``array('I')`` columns — CRC-32 of a delete string, word id — so
it costs ~8 bytes per entry, loads from the cache in milliseconds and is searched with
``bisect``. Hash collisions only add candidates, which the exact distance check removes.

Ranking (lower cost first): Damerau-Levenshtein distance, discounted for keyboard-adjacent
and OCR-confusable substitutions and for transpositions, penalised for a changed first
letter, minus a share of the candidate's Zipf frequency. Remembered corrections
(``preferred``) come first; known names compete with lexicon words.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from reader.analysis.lexicon import Lexicon, cache_file, write_cache

#: Words at least this frequent are suggestion candidates (29k words).
VOCAB_MIN_ZIPF = 3.0
#: Weight of a candidate's Zipf frequency against one edit.
FREQ_WEIGHT = 0.3

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")

#: Longest token that gets suggestions; longer ones are not words anyone mistyped.
MAX_WORD_LEN = 40


_ROW_OFFSETS = (0.0, 0.25, 0.75)  # how far each QWERTY row is shifted right


def _keyboard_neighbours() -> dict[str, set[str]]:
    pos = {
        ch: (r, c + _ROW_OFFSETS[r])
        for r, row in enumerate(_KEYBOARD_ROWS)
        for c, ch in enumerate(row)
    }
    out: dict[str, set[str]] = {ch: set() for ch in pos}
    for a, (ra, xa) in pos.items():
        for b, (rb, xb) in pos.items():
            if a != b and abs(ra - rb) <= 1 and abs(xa - xb) <= 1:
                out[a].add(b)
    return out


KEYBOARD = _keyboard_neighbours()
#: Single characters OCR engines confuse (both directions).
OCR_PAIRS = {
    frozenset(p)
    for p in ("0o", "1l", "1i", "li", "5s", "8b", "6b", "il", "ec", "ce", "nu", "un", "ao", "oa", "ij")
}


def deletes(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` (1 or 2) characters."""
    d1 = {word[:i] + word[i + 1 :] for i in range(len(word))}
    if depth >= 2:
        d1 |= {w[:i] + w[i + 1 :] for w in d1 for i in range(len(w))}
    d1.add(word)
    return d1


def _key(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


class SuggestionIndex:
    """Symmetric-delete index over the well-known English words."""

    def __init__(self, vocab: list[str], zipfs: list[float], keys: array, ids: array) -> None:
        self.vocab = vocab
        self.zipfs = zipfs
        self.keys = keys
        self.ids = ids

    @classmethod
    def build(cls, lexicon: Lexicon) -> SuggestionIndex:
        vocab = sorted(
            w for w, z in lexicon.items() if z >= VOCAB_MIN_ZIPF and w.isalpha() and len(w) > 1
        )
        zipfs = [lexicon.zipf_lower(w) for w in vocab]
        packed: list[int] = []
        for i, w in enumerate(vocab):
            for d in deletes(w, 2 if len(w) > 3 else 1):
                packed.append((_key(d) << 32) | i)
        packed.sort()
        keys = array("I", (p >> 32 for p in packed))
        ids = array("I", (p & 0xFFFFFFFF for p in packed))
        return cls(vocab, zipfs, keys, ids)

    def to_bytes(self) -> bytes:
        head = "\n".join(self.vocab).encode("utf-8")
        zs = array("f", self.zipfs).tobytes()
        parts = [head, zs, self.keys.tobytes(), self.ids.tobytes()]
        lens = array("Q", [len(p) for p in parts]).tobytes()
        return lens + b"".join(parts)

    @classmethod
    def from_bytes(cls, data: bytes) -> SuggestionIndex:
        lens = array("Q")
        lens.frombytes(data[:32])
        pos = 32
        chunks = []
        for n in lens:
            chunks.append(data[pos : pos + n])
            pos += n
        vocab = chunks[0].decode("utf-8").split("\n")
        zs = array("f")
        zs.frombytes(chunks[1])
        keys = array("I")
        keys.frombytes(chunks[2])
        ids = array("I")
        ids.frombytes(chunks[3])
        if len(zs) != len(vocab) or len(keys) != len(ids):
            raise ValueError("inconsistent suggestion index")
        return cls(vocab, [round(z, 2) for z in zs], keys, ids)

    def candidates(self, word: str, max_dist: int = 2) -> list[tuple[str, int]]:
        """Well-known words within Damerau distance ``max_dist`` of lower-case ``word``.

        No word of the vocabulary is anywhere near as long as :data:`MAX_WORD_LEN`, and the
        deletes of a word grow with the square of its length, so a huge token (a minified
        blob, a line of one letter) gets no candidates instead of stalling the analysis."""
        if len(word) > MAX_WORD_LEN:
            return []
        keys, ids, vocab = self.keys, self.ids, self.vocab
        n = len(keys)
        seen: set[int] = set()
        for d in deletes(word, max_dist):
            k = zlib.crc32(d.encode("utf-8"))
            j = bisect_left(keys, k)
            if j < n and keys[j] == k:
                seen.update(ids[j : bisect_right(keys, k, j)])
        out = []
        dist = DamerauLevenshtein.distance
        for i in seen:
            w = vocab[i]
            d = dist(word, w, score_cutoff=max_dist)
            if 0 < d <= max_dist:
                out.append((w, d))
        return out


def _get_index(lexicon: Lexicon) -> SuggestionIndex:
    idx = getattr(lexicon, "_suggestion_index", None)
    if idx is not None:
        return idx
    path = cache_file("suggest-index")
    try:
        idx = SuggestionIndex.from_bytes(path.read_bytes())
    except Exception:  # missing, stale or damaged: rebuild (about 2 s)
        idx = SuggestionIndex.build(lexicon)
        write_cache(path, idx.to_bytes())
    lexicon._suggestion_index = idx  # type: ignore[attr-defined]
    return idx


def edit_cost(word: str, cand: str, dist: int) -> float:
    """Distance refined by how likely the edit is as a slip of the hand or of OCR."""
    cost = float(dist)
    if word[:1] != cand[:1]:
        cost += 0.4
    if dist == 1 and len(word) == len(cand):
        diffs = [(a, b) for a, b in zip(word, cand) if a != b]
        if len(diffs) == 1:
            a, b = diffs[0]
            if b in KEYBOARD.get(a, ()) or frozenset((a, b)) in OCR_PAIRS:
                cost -= 0.3
            elif a in "aeiou" and b in "aeiou":
                cost -= 0.2
        elif len(diffs) == 2:  # transposition
            cost -= 0.35
    elif dist == 1 and len(cand) == len(word) + 1:
        # a dropped letter; a dropped doubled letter ("milion") is the commonest
        for i in range(len(word)):
            if word[i] != cand[i]:
                break
        else:
            i = len(word)
        if i > 0 and cand[i] == cand[i - 1]:
            cost -= 0.3
        elif cand[i] in "haeiou" and i > 0:
            cost -= 0.2  # a dropped "h" or vowel ("wich", "noticable")
    elif dist == 1 and len(cand) == len(word) - 1:
        for i in range(len(cand)):
            if word[i] != cand[i]:
                break
        else:
            i = len(cand)
        if i > 0 and word[i] == word[i - 1]:
            cost -= 0.3  # a doubled letter ("untill")
        elif word[i] in "aeiou" and i > 0:
            cost -= 0.2  # an extra vowel ("truely", "arguement")
    return cost


def match_case(template: str, word: str) -> str:
    """``word`` in the case pattern of ``template`` (UPPER, Title or as is)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class Suggester:
    """Ranks replacements for one word; per-word results are cached by the caller."""

    def __init__(
        self,
        lexicon: Lexicon,
        known_names: Iterable[str] = (),
        preferred: dict[str, str] | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.index = _get_index(lexicon)
        self.names = sorted(set(known_names))
        self.preferred = preferred or {}

    def ranked(self, word: str, limit: int = 5, max_dist: int | None = None) -> list[str]:
        """Up to ``limit`` suggestions for ``word``, best first, in its case pattern."""
        out: list[str] = []
        pref = self.preferred.get(word) or self.preferred.get(word.lower())
        if pref:
            out.append(pref)
        low = word.lower().replace("’", "'")
        if max_dist is None:
            max_dist = 1 if len(low) <= 4 else 2
        zipf = self.lexicon.zipf_lower
        found = self.index.candidates(low, max_dist)
        if not found and max_dist == 1 and len(low) >= 3:
            found = self.index.candidates(low, 2)  # a short word with two slips
        scored = [(edit_cost(low, c, d) - FREQ_WEIGHT * zipf(c), c) for c, d in found]
        for name in self.names:
            if abs(len(name) - len(word)) <= max_dist and name != word:
                d = Levenshtein.distance(word, name, score_cutoff=max_dist)
                if d <= max_dist:
                    # a name seen in the same library is a strong prior
                    scored.append((edit_cost(word, name, d) - FREQ_WEIGHT * 5.0, name))
        scored.sort()
        from reader.analysis.checks.case import proper_nouns

        propers = proper_nouns()
        for _, cand in scored:
            s = cand if cand in self.names else propers.get(cand) or match_case(word, cand)
            if s not in out and s != word:
                out.append(s)
            if len(out) >= limit:
                break
        return out
