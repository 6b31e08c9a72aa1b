"""Ranked spelling suggestions: candidates from several sources, ranked as a noisy channel.

Candidates (:mod:`reader.analysis.suggest_index` finds the first two in the mapped
lexicon file, so nothing is built at start-up):

* every lexicon word within two edits (one for rare words), by symmetric deletes;
* words that sound alike (:func:`reader.analysis.phonetic.phonetic_key`), which finds
  "immediately" for "imidatly", five edits away;
* splits into two common words ("alot" -> "a lot", "inspite" -> "in spite");
* the article's and the library's own names and words: a name spelled correctly
  elsewhere is the best suggestion for its garbled form.

Ranking, lower first, in two steps. A quick pre-ranking, ``edit_cost - FREQ_WEIGHT *
Zipf``, with hand-set discounts (keyboard neighbours, scanner confusions, vowel swaps,
doubled and dropped letters) picks the plausible few; these are re-ranked as a noisy
channel: ``-log10 P(typo | word)`` from the learned error model
(:mod:`reader.analysis.error_model`) against ``log10 P(word)`` (Zipf, over the whole
lexicon, so rare words are allowed and rank low), less a bonus for words the article
itself uses and a penalty for words the lexicon file marks as common misspellings.
Remembered corrections (``preferred``) come first. The original's case pattern is kept.

The weights were tuned on one half of Wikipedia's misspellings and a part of the Birkbeck
corpus that the scorer does not sample; ``benchmarks/suggest_quality.py`` reports the
held-out half beside the tuning half.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import DamerauLevenshtein

from reader.analysis.error_model import get_error_model
from reader.analysis.lexicon import Lexicon
from reader.analysis.phonetic import phonetic_key
from reader.analysis.suggest_index import SuggestionIndex, deletes

__all__ = ["Suggester", "SuggestionIndex", "deletes", "edit_cost", "match_case"]

#: Weight of a candidate's Zipf frequency against one edit.
FREQ_WEIGHT = 0.3
#: Channel cost of a sounds-alike candidate: a base, plus this per edit of spelling.
PHONETIC_BASE = 0.9
PHONETIC_PER_EDIT = 0.45
#: Channel cost of a missing space, and the least Zipf each half of a split needs.
SPLIT_COST = 0.5
SPLIT_MIN_ZIPF = 3.0
SPLIT_PENALTY = 1.0
#: An article word one edit from a word this much commoner (in Zipf) is taken for a slip.
TRUST_GAP = 1.5
#: Extra cost of a changed first letter (people rarely get it wrong).
FIRST_LETTER_COST = 0.4
#: Bonus (in edits) for a candidate the article itself uses.
ARTICLE_BONUS = 0.6
#: A candidate one edit away at least this frequent ends the search (two edits away costs
#: four times as much and rarely beats it).
TIER_ZIPF = 3.0
#: Re-ranking of the first :data:`RERANK_K` candidates by the learned error model
#: (:mod:`reader.analysis.error_model`): channel cost in -log10 units times EM_WEIGHT,
#: less EM_FREQ_WEIGHT times Zipf (a log10 frequency).
RERANK = True  # off: the pre-ranking alone (for comparison)
RERANK_K = 25
RERANK_MARGIN = 1.5
EM_WEIGHT = 1.0
EM_FREQ_WEIGHT = 1.0
EM_SPLIT = 2.0
EM_FIRST_LETTER = 1.0
EM_ARTICLE_BONUS = 1.0
#: Extra channel cost of a candidate the lexicon file marks as a likely misspelling.
SUSPECT_PENALTY = 1.0
#: ... and such a word is offered only as the first suggestion.
HIDE_SUSPECTS = True
#: Longest token that gets suggestions; longer ones are not words anyone mistyped.
MAX_WORD_LEN = 40

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
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
_VOWELS = "aeiou"


def edit_cost(word: str, cand: str, dist: int) -> float:
    """Distance refined by how likely the edit is as a slip of the hand or of OCR."""
    cost = float(dist)
    if word[:1] != cand[:1]:
        cost += FIRST_LETTER_COST
    if dist == 1 and len(word) == len(cand):
        diffs = [(a, b) for a, b in zip(word, cand) if a != b]
        if len(diffs) == 1:
            a, b = diffs[0]
            if b in KEYBOARD.get(a, ()) or frozenset((a, b)) in OCR_PAIRS:
                cost -= 0.3
            elif a in _VOWELS and b in _VOWELS:
                cost -= 0.3
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
            cost -= 0.35
        elif cand[i] in "haeiou" and i > 0:
            cost -= 0.2  # a dropped "h" or vowel ("wich", "noticable")
    elif dist == 1 and len(cand) == len(word) - 1:
        for i in range(len(cand)):
            if word[i] != cand[i]:
                break
        else:
            i = len(cand)
        if i > 0 and word[i] == word[i - 1]:
            cost -= 0.35  # a doubled letter ("untill")
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


#: English words of one or two letters that may stand alone in a split: a frequency list
#: also counts fragments ("es", "ing", "nt") as words, so short halves must be real words.
SHORT_WORDS = frozenset(
    "a i am an as at be by do go he if in is it me my no of oh on or ox so to up us we".split()
)


def splits(low: str, zipf) -> list[tuple[str, float]]:
    """("left right", prior Zipf) for each way ``low`` splits into two common words
    ("alot" -> "a lot"); the prior is the rarer half's Zipf less :data:`SPLIT_PENALTY`
    (two words are less likely than one)."""
    out = []
    for i in range(1, len(low)):
        a, b = low[:i], low[i:]
        if (len(a) < 3 and a not in SHORT_WORDS) or (len(b) < 3 and b not in SHORT_WORDS) \
                or len(b) < 2:
            continue
        za = zipf(a)
        if za < SPLIT_MIN_ZIPF:
            continue
        zb = zipf(b)
        if zb < SPLIT_MIN_ZIPF:
            continue
        out.append((f"{a} {b}", min(za, zb) - SPLIT_PENALTY))
    return out


#: A join must make a word at least this common ...
JOIN_MIN_ZIPF = 3.0


def joined(left: str, right: str, lexicon: Lexicon) -> str | None:
    """``left + right`` when two neighbouring tokens are one word broken by a stray space
    ("gover nment" -> "government"): the joined form is a common word and one of the two
    halves is no word on its own (two good words, "some thing", stay two words). The
    result keeps ``left``'s case pattern."""
    if not (left.isalpha() and right.isalpha()):
        return None
    a, b = left.lower(), right.lower()
    zipf = lexicon.zipf_lower
    if zipf(a + b) < JOIN_MIN_ZIPF:
        return None
    if min(zipf(a), zipf(b)) >= JOIN_MIN_ZIPF and not (len(b) < 3 and b not in SHORT_WORDS):
        return None
    return match_case(left, a + b) if not right.isupper() or left.isupper() else a + b


class Suggester:
    """Ranks replacements for one word; per-word results are cached by the caller."""

    def __init__(
        self,
        lexicon: Lexicon,
        known_names: Iterable[str] = (),
        preferred: dict[str, str] | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.index = SuggestionIndex.of(lexicon)
        self.names = sorted(set(known_names))
        self.preferred = preferred or {}
        #: lower-case form -> spelling, for the names and words of the library and article
        #: that the lexicon does not offer (mostly names); searched by their deletes.
        self._own: dict[str, str] = {}
        self._own_index: dict[str, list[str]] = {}
        #: lower-case words the article uses: a candidate among them is likelier.
        self._article: set[str] = set()
        self._trust: dict[str, bool] = {}
        for name in self.names:
            self._add_own(name)

    def _add_own(self, form: str) -> None:
        low = form.lower()
        if low in self._own or len(low) < 3 or len(low) > MAX_WORD_LEN:
            return
        self._own[low] = form
        for d in deletes(low[: self.index.prefix], 2 if len(low) > 4 else 1):
            self._own_index.setdefault(d, []).append(low)

    def note_words(self, forms: Iterable[str]) -> None:
        """Learn the word forms of the text under analysis (its own vocabulary).

        Lower-case forms give a small prior to lexicon candidates the article uses;
        capitalised forms the lexicon offers no suggestion for (names) become candidates
        themselves, spelled as the article spells them."""
        zipf = self.lexicon.zipf_lower
        art = self._article
        for f in forms:
            if len(f) < 3 or not f.isalpha():
                continue
            low = f.lower()
            art.add(low)
            if f[:1].isupper() and not f.isupper() and f[1:].islower() and zipf(low) < 3.0:
                self._add_own(f)

    def _own_near(self, low: str) -> list[str]:
        if not self._own_index:
            return []
        seen: set[str] = set()
        idx = self._own_index
        for d in deletes(low[: self.index.prefix], 2 if len(low) > 4 else 1):
            hit = idx.get(d)
            if hit:
                seen.update(hit)
        seen.discard(low)
        return [w for w in seen if self._trusted(w)]

    def _trusted(self, low: str) -> bool:
        """Whether an article or library word may lend its spelling: not itself a likely
        slip for a much commoner word (a misspelt name in one place must not become the
        suggestion for the same name misspelt elsewhere)."""
        ok = self._trust.get(low)
        if ok is None:
            z = self.lexicon.zipf_lower(low)
            ok = z >= 3.5 or not any(
                zz >= z + TRUST_GAP for _, _, zz in self.index.near(low, 1, depth=1))
            self._trust[low] = ok
        return ok

    def ranked(self, word: str, limit: int = 5, max_dist: int | None = None) -> list[str]:
        """Up to ``limit`` suggestions for ``word``, best first, in its case pattern."""
        out: list[str] = []
        pref = self.preferred.get(word) or self.preferred.get(word.lower())
        if pref:
            out.append(pref)
        low = word.lower().replace("’", "'")
        if not low or len(low) > MAX_WORD_LEN:
            return out
        scored = self.scored(low, max_dist)
        if len(scored) > limit * 3:
            scored = sorted(scored)[: limit * 3]
        else:
            scored.sort()
        from reader.analysis.checks.case import proper_nouns

        propers = proper_nouns()
        own = self._own
        suspect = self.index.suspect
        for _, cand in scored:
            if out and HIDE_SUSPECTS and suspect(cand):
                continue  # a common misspelling ("immediatly") is no second choice
            if cand in own and self._trusted(cand):
                s = own[cand]
            else:
                s = propers.get(cand) or match_case(word, cand)
            if s not in out and s != word:
                out.append(s)
            if len(out) >= limit:
                break
        return out

    def scored(self, low: str, max_dist: int | None = None) -> list[tuple[float, str]]:
        """(cost, lower-case candidate) pairs for lower-case ``low``, unsorted."""
        if max_dist is None:
            max_dist = 1 if len(low) <= 4 else 2
        idx = self.index
        best: dict[str, float] = {}
        art = self._article
        dist = DamerauLevenshtein.distance
        found = idx.near(low, max_dist, depth=1)
        if max_dist == 2 and not any(d == 1 and z >= TIER_ZIPF for _, d, z in found):
            found = idx.near(low, 2)  # no convincing single slip: look two edits away
        elif not found and max_dist == 1 and len(low) >= 3:
            found = idx.near(low, 2)  # a short word with two slips
        for cand, d, z in found:
            c = edit_cost(low, cand, d) - FREQ_WEIGHT * z
            if cand in art and self._trusted(cand):
                c -= ARTICLE_BONUS
            best[cand] = c
        if len(low) >= 3:
            far = max(3, (len(low) + 1) // 2)  # a bucket also holds other keys' words
            for cand, z in idx.sounds_like(low):
                d = dist(low, cand)
                if d > far:
                    continue
                c = PHONETIC_BASE + PHONETIC_PER_EDIT * d - FREQ_WEIGHT * z
                if cand[:1] != low[:1]:
                    c += FIRST_LETTER_COST
                if cand in art and self._trusted(cand):
                    c -= ARTICLE_BONUS
                if c < best.get(cand, 99.0) and cand != low:
                    best[cand] = c
        for cand, z in splits(low, idx.zipf):
            best[cand] = SPLIT_COST - FREQ_WEIGHT * z
        for cand in self._own_near(low):
            d = dist(low, cand, score_cutoff=2)
            if d <= 2:
                # the article's or library's own spelling of a name is a strong prior
                c = edit_cost(low, cand, d) - FREQ_WEIGHT * 5.0
                if c < best.get(cand, 99.0):
                    best[cand] = c
        best.pop(low, None)
        pre = sorted((c, w) for w, c in best.items())
        if not RERANK:
            return pre
        em = get_error_model()
        zipf = idx.zipf
        data = idx.data
        suspect = data.suspect
        out = []
        limit = pre[0][0] + RERANK_MARGIN if pre else 0.0
        for c, w in pre[:RERANK_K]:
            if c > limit:
                break
            if " " in w:
                a, b = w.split(" ", 1)
                z = min(zipf(a), zipf(b)) - SPLIT_PENALTY
                ch = EM_SPLIT
            else:
                z = 5.0 if w in self._own and zipf(w) < 3 and self._trusted(w) else zipf(w)
                ch = em.cost(low, w)
                if w[:1] != low[:1]:
                    ch += EM_FIRST_LETTER
                if z < 3.0:
                    i = data.find(w)
                    if 0 <= i < len(suspect) and suspect[i]:
                        ch += SUSPECT_PENALTY  # itself a common misspelling
            c2 = EM_WEIGHT * ch - EM_FREQ_WEIGHT * z
            if w in art and self._trusted(w):
                c2 -= EM_ARTICLE_BONUS
            out.append((c2, w))
        out.extend((c + 1000.0, w) for c, w in pre[len(out):])
        return out
