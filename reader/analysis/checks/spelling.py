"""``misspelling`` and ``ocr``: words that are not words.

The verdict depends only on a word's form, so it is computed once per distinct form
(a million-word text has ~20k) and the flagged forms are then located by index.

* A lower-case word is a suspected misspelling when the lexicon has never seen it, or when
  it is rare (Zipf < :data:`RARE_ZIPF`) and one edit away from a word at least
  :data:`MIN_GAP` Zipf units (~150 times) more frequent — :data:`LIKELY_SLIP_GAP` when the
  edit is a typical slip: web-frequency lists contain common misspellings ("goverment"
  2.7 beside "government" 5.6), so "seen" is not "correct".
* A capitalised word usually is a name: it is left to the entity and variant checks unless
  it is unseen and close to a very frequent word ("Wendsday" -> "Wednesday", "Teh"), or it
  starts a sentence and its lower-case form is a misspelling ("Acording to ...").
* ALL-CAPS words (acronyms, datelines) and words in the personal dictionary are skipped.
* Three-letter words rarer than :data:`SHORT_RARE_ZIPF` that are one likely slip from one
  of the commonest words ("teh", "adn") are misspellings too.
* Regular derivations of known words ("noncommercially", "sublicenses") are accepted.
* ``ocr``: digits inside a word ("c1ose", "0ctober"), a capital I for l ("poIice"), or
  letters a scanner confuses (rn/m, cl/d, vv/w, li/h, l/i, c/e) whose repair is a
  well-known word while the original is not.
"""

from __future__ import annotations

from rapidfuzz.distance import DamerauLevenshtein

from reader.analysis.doc import Doc
from reader.analysis.suggest import edit_cost, match_case
from reader.analysis.tokens import is_sentence_start
from reader.model import Finding

RARE_ZIPF = 3.0
MIN_GAP = 2.5
#: ... or for a word of seven letters or more.
LONG_WORD_GAP = 2.0
#: The gap that suffices when the edit is a typical slip (see ``edit_cost``).
LIKELY_SLIP_GAP = 1.5
#: A rare word's neighbour must itself be at least this common.
NEIGHBOUR_MIN_ZIPF = 3.5
#: A capitalised unseen word one edit from a word this common is a slip, not a name.
COMMON_ZIPF = 5.0
#: Three-letter words: rarer than this, a likely slip (cost <= SHORT_MAX_COST) away from
#: one of the ~100 commonest words (Zipf >= SHORT_NEIGHBOUR_ZIPF), is a misspelling.
SHORT_RARE_ZIPF = 3.1
SHORT_NEIGHBOUR_ZIPF = 6.0
SHORT_MAX_COST = 0.7
#: A capitalised word's scanner repair must be at least this common.
CAPITAL_OCR_MIN_ZIPF = 4.5
#: A sentence opener is a misspelling only when its fix is at least this common.
CAPITAL_FIX_MIN_ZIPF = 4.0
#: A lower-case word at least this common is never judged further (a fast path).
FINE_ZIPF = max(RARE_ZIPF, SHORT_RARE_ZIPF)
#: A rare English word this common in another language is that language's word.
FOREIGN_WORD_ZIPF = 4.0
#: A repair must reach this frequency to count as "a known word".
REPAIR_MIN_ZIPF = 3.0

_DIGIT_LETTERS = {"0": "o", "1": "li", "3": "e", "5": "s", "6": "b", "8": "b", "9": "g"}
_LETTER_PAIRS = (("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("vv", "w"),
                 ("w", "vv"), ("li", "h"), ("h", "li"), ("ii", "u"), ("nn", "m"), ("l", "i"),
                 ("i", "l"), ("c", "e"), ("e", "c"))


def _variants_replacing(word: str, old: str, new: str):
    at = word.find(old)
    while at >= 0:
        yield word[:at] + new + word[at + len(old):]
        at = word.find(old, at + 1)


def ocr_digit_repair(low: str, zipf) -> str | None:
    """The known word a digit-for-letter scan error hides, if any ("1ocal" -> "local")."""
    letters = sum(ch.isalpha() for ch in low)
    digits = [i for i, ch in enumerate(low) if ch.isdigit()]
    if low[:1].isdigit() and len(low.lstrip("0123456789")) <= 3:
        return None  # a number with a unit or ordinal: "5am", "4th", "10km"
    if not digits or len(digits) > 2 or letters < 2 or letters < len(digits) * 2:
        return None
    if any(low[i] not in _DIGIT_LETTERS for i in digits):
        return None
    cands = [low]
    for i in digits:
        cands = [c[:i] + rep + c[i + 1:] for c in cands for rep in _DIGIT_LETTERS[low[i]]]
    best = max(cands, key=zipf)
    return best if zipf(best) >= REPAIR_MIN_ZIPF else None


def ocr_pair_repair(low: str, zipf) -> str | None:
    """The known word a letter-pair scan error hides ("farrners" -> "farmers")."""
    z0 = zipf(low)
    cands = (cand for old, new in _LETTER_PAIRS for cand in _variants_replacing(low, old, new))
    best = max(cands, key=zipf, default=None)
    bz = zipf(best) if best else 0.0
    if best and bz >= REPAIR_MIN_ZIPF and bz - z0 >= MIN_GAP:
        return best
    return None


_ENDINGS = ("s", "es", "d", "ed", "r", "er", "y", "ly", "n", "en", "st", "est", "ing", "e")


#: Prefixes that form new words freely; short ones ("re", "un") are left out because a
#: typo too easily splits into them plus a word ("reslut").
_PREFIXES = ("non", "sub", "pre", "post", "multi", "inter", "intra", "over", "under", "anti",
             "counter", "dis", "mis", "self", "semi", "super", "trans", "ultra", "out", "micro",
             "macro", "mega", "mini", "cyber", "eco", "geo", "hyper", "neo", "pseudo", "socio")
_SUFFIXES = ("s", "es", "ed", "ing", "er", "ers", "ly", "ness", "less", "ful", "ism", "ist",
             "ists", "able", "ally", "ation", "ations", "ity", "ize", "ise", "ized", "ised")
#: The known part of a derived word must be at least this common.
DERIVED_BASE_ZIPF = 3.0


def _derived(low: str, zipf) -> bool:
    """Whether unseen ``low`` is a regular derivation of a known word
    ("noncommercially", "sublicenses", "formatters")."""
    for pre in _PREFIXES:
        if low.startswith(pre) and len(low) - len(pre) >= 4:
            rest = low[len(pre):].lstrip("-")
            if zipf(rest) >= DERIVED_BASE_ZIPF or _derived_suffix(rest, zipf):
                return True
    return _derived_suffix(low, zipf)


def _derived_suffix(low: str, zipf) -> bool:
    for suf in _SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 4:
            base = low[: -len(suf)]
            if zipf(base) >= DERIVED_BASE_ZIPF or zipf(base + "e") >= DERIVED_BASE_ZIPF:
                return True
    return False


#: A rare word that is a known word plus a regular ending ("stranding") is that word
#: inflected, when the base is at least this common.
INFLECTED_BASE_ZIPF = 3.5
_INFLECTION_ENDINGS = ("ing", "ed", "er", "ers", "s", "es", "ly", "ness")


def _inflected_known(low: str, neighbour: str, zipf) -> bool:
    """Is rare ``low`` a regular inflection of a common word ("stranding" from "strand"),
    rather than a slip for ``neighbour`` ("standing")? Not when the neighbour inflects the
    same base: "occured" is "occur" + "ed" but a slip for "occurred"; nor when the base
    ends in "e" ("makeing", "truely" keep a letter English drops)."""
    for end in _INFLECTION_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 4:
            base = low[: -len(end)]
            if base.endswith("e") or neighbour.startswith(base):
                continue
            if zipf(base) >= INFLECTED_BASE_ZIPF:
                return True
    return False


def _inflection(a: str, b: str) -> bool:
    """Whether one word is the other plus a grammatical ending ("coder"/"code"), or both
    are one stem with different endings ("drafter"/"drafted")."""
    if len(a) < len(b):
        a, b = b, a
    if a.startswith(b) and a[len(b):] in _ENDINGS:
        # "acces"/"access": a dropped double letter, not an ending
        return not (len(a) == len(b) + 1 and a[-1] == a[-2])
    for ea in _LONG_ENDINGS:
        if a.endswith(ea):
            stem = a[: -len(ea)]
            if len(stem) >= 3 and b.startswith(stem) and b[len(stem):] in _LONG_ENDINGS:
                return True
    return False


_LONG_ENDINGS = tuple(e for e in _ENDINGS if len(e) >= 2)


def _display(original: str, fix: str) -> str:
    """``fix`` as it should be written: a proper noun keeps its capital ("October")."""
    from reader.analysis.checks.case import proper_nouns

    return proper_nouns().get(fix) or match_case(original, fix)


class SpellingJudge:
    """Per-form verdicts, cached: form -> (kind, message, suggestions) or None."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc  # any chunk: only its lexicon, suggester and silenced words are used
        self.zipf = doc.lexicon.zipf_lower
        self.cache: dict[str, tuple[str, str, tuple[str, ...]] | None] = {}
        self.flagged: set[str] = set()  # forms whose verdict is a finding
        self.at_start: set[str] = set()  # Title forms wrong at a sentence start only

    def verdict(self, word: str):
        try:
            return self.cache[word]
        except KeyError:
            v = self.cache[word] = self._judge(word)
            if v:  # record it here too, so the verdict never depends on what came first
                self.flagged.add(word)
            return v

    def _judge(self, word: str):
        if len(word) < 3 or self.doc.is_silenced(word):
            return None
        zipf = self.zipf
        low = word.lower().replace("’", "'")
        if not word.isalpha() and "'" not in low:
            if word.isdigit() or not any(ch.isdigit() for ch in word):
                return None
            fix = ocr_digit_repair(low, zipf)
            if fix and zipf(low) < 1.5:
                fix = _display(word, fix)
                return ("ocr", f"digit in a word: probably a scanning error for “{fix}”", (fix,))
            return None
        if "I" in word[1:] and not word.isupper():
            # a capital I read for a lower-case l ("poIice", "cIose")
            fixed = word[0] + word[1:].replace("I", "l")
            if (fixed.islower() or fixed.istitle()) and zipf(fixed.lower()) >= REPAIR_MIN_ZIPF \
                    and zipf(low) < 2.0:
                fix = _display(word, fixed.lower())
                return ("ocr", f"capital I for l: probably “{fix}”", (fix,))
        if word.isupper() or not (word.islower() or word.istitle()):
            return None  # acronyms, datelines, camelCase brand names
        if "'" in low:
            head, _, tail = low.rpartition("'")
            if tail == "s" and zipf(head) > zipf(low):
                low = head  # a possessive: judge the noun ("bloc’s")
        z = zipf(low)
        sugg = self.doc.suggester
        if len(low) == 3 and z < SHORT_RARE_ZIPF and word.islower():
            # "teh", "adn", "tbe": a slip inside one of the commonest words
            for cand, d in sugg.index.candidates(low, 1):
                if len(cand) == 3 and zipf(cand) >= SHORT_NEIGHBOUR_ZIPF \
                        and edit_cost(low, cand, d) <= SHORT_MAX_COST:
                    return ("misspelling", f"probably “{cand}”",
                            (cand, *[x for x in sugg.ranked(word) if x != cand][:4]))
            return None
        if z >= RARE_ZIPF or not low.replace("'", "").isalpha():
            return None
        if z < 2.0:
            fix = ocr_pair_repair(low, zipf)
            if fix and word[0].isupper() and zipf(fix) < CAPITAL_OCR_MIN_ZIPF:
                fix = None  # a rare name one scanner slip from a word is still a name
            if fix:
                fix = _display(word, fix)
                return ("ocr", f"letters a scanner confuses: probably “{fix}”", (fix,))
        if word[0].isupper():
            return self._judge_capitalised(word, low, z)
        if z == 0.0:
            if _derived(low, zipf):
                return None
            return ("misspelling", "not in the English lexicon", tuple(sugg.ranked(word)))
        if len(low) < 4:
            return None
        abroad = self.doc.lexicon.foreign_zipf(low)
        if abroad and abroad[1] >= FOREIGN_WORD_ZIPF and abroad[1] - z >= 2.0:
            return None  # a real word of another language ("carne"): the foreign check's
        nb = self.typo_neighbour(low, z)
        if nb is None or _inflected_known(low, nb, zipf):
            return None
        ranked = sugg.ranked(word)
        if nb not in ranked:
            ranked = [nb, *ranked[:4]]
        return ("misspelling", f"a rare spelling of “{nb}”", tuple(ranked))

    def near_common(self, low: str) -> bool:
        """Whether lower-case ``low`` is flagged *and* close to a common word — the
        evidence needed before calling a capitalised sentence opener a misspelling
        rather than a name ("Acording", but not "Kompatscher")."""
        v = self.verdict(low)
        if not v or not v[2]:
            return False
        fix = v[2][0].lower()
        return self.zipf(fix) >= CAPITAL_FIX_MIN_ZIPF and DamerauLevenshtein.distance(low, fix) <= 2

    def typo_neighbour(self, low: str, z: float) -> str | None:
        """The common word that rare ``low`` is most likely a slip for, or None.

        The likelier the slip (a transposition, a dropped double letter, a vowel for a
        vowel, a neighbouring key), the smaller the frequency gap that convicts it; a
        changed first letter never does ("pertain" is not "certain"), nor does a
        grammatical ending ("coder" is not a slip for "code").
        """
        best, best_z = None, 0.0
        for cand, d in self.doc.suggester.index.candidates(low, 1):
            cz = self.zipf(cand)
            if cz < NEIGHBOUR_MIN_ZIPF or cz <= best_z or _inflection(low, cand):
                continue
            cost = edit_cost(low, cand, d)
            if cost > 1.0:
                continue
            if cost <= 0.8:
                need = LIKELY_SLIP_GAP
            else:  # long words have few real neighbours, so a plain edit convicts sooner
                need = MIN_GAP if len(low) <= 6 else LONG_WORD_GAP
            if cz - z >= need:
                best, best_z = cand, cz
        return best

    def _judge_capitalised(self, word: str, low: str, z: float):
        """A capitalised word is a name unless it is unseen and one slip away from a word
        that is always capitalised ("Wendsday", "Germnay") or from a very common word at
        the start of a sentence ("Becuase")."""
        if z >= 1.0 or len(low) < 4:
            return None
        from reader.analysis.checks.case import proper_nouns

        sugg = self.doc.suggester
        propers = proper_nouns()
        best = None
        for cand, d in sugg.index.candidates(low, 2 if len(low) > 5 else 1):
            cz = self.zipf(cand)
            near = d == 1 or (len(low) >= 6 and cand[0] == low[0] and cand[-1] == low[-1])
            if cand in propers and cz >= NEIGHBOUR_MIN_ZIPF and near:
                best = propers[cand]
                break
            if d == 1 and cz >= COMMON_ZIPF and (best is None or cz > self.zipf(best.lower())):
                best = match_case(word, cand)
        if best is None:
            return None
        ranked = [s for s in sugg.ranked(word) if s != best]
        return ("misspelling", f"unknown word; did you mean “{best}”?", (best, *ranked[:4]))


def find_spelling(doc: Doc) -> list[Finding]:
    """``misspelling`` and ``ocr`` findings, in text order."""
    judge = doc.shared.get("spelling")
    if judge is None:
        judge = doc.shared["spelling"] = SpellingJudge(doc)
    # judge only forms no earlier chunk had (set algebra runs at C speed)
    cache, zipf = judge.cache, judge.zipf
    for w in doc.unique.difference(cache):
        if zipf(w) >= FINE_ZIPF:  # a common lower-case word (the lexicon's keys are)
            cache[w] = None
        elif judge.verdict(w):
            judge.flagged.add(w)
        elif w.istitle() and len(w) > 2 and judge.near_common(w.lower()):
            judge.at_start.add(w)  # "Acording to ...": wrong only where a sentence starts
    flagged = doc.unique & judge.flagged
    at_start = doc.unique & judge.at_start
    out: list[Finding] = []
    toks = doc.tokens
    for i in doc.indices_of(flagged | at_start):
        w = toks.words[i]
        start, end = toks.starts[i], toks.ends[i]
        if w in flagged:
            kind, msg, sugg = judge.verdict(w)
        elif is_sentence_start(toks, i):
            kind, msg, sugg = judge.verdict(w.lower())
            sugg = tuple(s[:1].upper() + s[1:] for s in sugg)
        else:
            continue  # a capitalised word inside a sentence is a name
        out.append(doc.finding(start, end, kind, msg, sugg))
    return out
