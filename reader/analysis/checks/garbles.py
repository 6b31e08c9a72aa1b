"""Candidates the older word checks let through, left for the confidence model to weigh.

Each rule here is deliberately generous; :mod:`reader.analysis.confidence` scores every
finding and the sensitivity threshold decides what is shown. The rules are general
(letter shapes, frequencies, position), never lists of words:

* **Short scanner garbles** (``ocr``): a word of two to four letters that one or two
  letters a scanner confuses (b/h, n/a/u, e/o/c, t/f/l, v/y ...) turn into one of the
  commonest words, which is far commoner than it ("tho", "bo", "aro", "tbo", "nnd").
* **Stray letters** (``ocr``): a lone lower-case letter other than "a", not a list
  marker, initial or variable.
* **A capital mid-sentence** (``case``): a very common lower-case word ("in", "is", "the")
  written capitalised after a lower-case word of the same sentence, with a lower-case
  word after it (so not a title).
* **Digit look-alikes** (``ocr``): a number with a letter a scanner reads for a digit
  ("l8" for 18, "1O" for 10); **mixed capitals** inside a word that is no
  CamelCase brand ("monthB", "OiRce").
* **Lower-case demonyms** (``case``): "nepali" for "Nepali".
* **Words run together** (``spacing``): a rare word that is two of the commonest words
  joined ("alot", "infact"), and a decade split from its "s" ("1960 s").
* **Unknown capitalised words** (``misspelling``): a capitalised word the lexicon has never
  seen, with its nearest known word or name as the suggestion; whether it is a name or a
  garble is the model's call (name lists, gazetteer, letter patterns, entity membership
  and closeness to the suggestion are its features).
"""

from __future__ import annotations

import re

from reader.analysis.doc import Doc
from reader.analysis.suggest import match_case
from reader.analysis.tokens import is_sentence_start
from reader.model import Finding

#: Letters a scanner reads for one another (both directions).
_CONFUSE = {
    "a": "no", "b": "h", "c": "eo", "e": "oc", "f": "t", "h": "b", "i": "l", "l": "it",
    "n": "ua", "o": "ec", "t": "fl", "u": "n", "v": "y", "y": "v",
}
#: A garble's repair must be among the commonest words ...
GARBLE_FIX_ZIPF = 5.5
#: ... and this much commoner than the garble.
GARBLE_GAP = 1.8
#: Two words run together: the joined form is rarer than this, each part commoner than
#: JOINED_PART_ZIPF.
JOINED_MAX_ZIPF = 4.0
JOINED_PART_ZIPF = 5.3
#: A lower-case word this common is never judged here: a garble's repair would have to be
#: GARBLE_GAP commoner still (beyond the commonest words), and the other rules need rarer.
COMMON_SKIP_ZIPF = 5.0
#: A four-letter word as common as this is left alone.
GARBLE_LONG_MAX_ZIPF = 3.0
#: A mid-sentence capital is judged only on words at least this common.
CAPITAL_COMMON_ZIPF = 4.5
#: Letters a scanner reads for digits, and the digit meant.
_DIGIT_LOOKALIKES = str.maketrans("lIOo", "1100")
#: A word made of capitalised parts ("YouTube", "McDonald", "iPhone") is a brand or a name.
_CAMEL = re.compile(r"(?:[a-z]{1,2}|Mc|Mac|O')?(?:[A-Z][a-z]+)+|[A-Z]+[a-z]?s?")
#: An unknown capitalised word: judged when rarer than this ...
UNKNOWN_CAP_ZIPF = 1.0
#: ... or, up to this frequency, when its lower-case form is a misspelling.
SEEN_CAP_MAX_ZIPF = 3.0


def _subs(word: str, depth: int):
    """Every form made by up to ``depth`` scanner substitutions."""
    out = {word}
    for _ in range(depth):
        nxt = set()
        for w in out:
            for i, ch in enumerate(w):
                for rep in _CONFUSE.get(ch, ""):
                    nxt.add(w[:i] + rep + w[i + 1:])
        out |= nxt
    out.discard(word)
    return out


def garble_fix(low: str, zipf) -> str | None:
    """The common word a short scanner garble stands for, or None."""
    if not (2 <= len(low) <= 4) or not low.isalpha() or not low.isascii():
        return None
    z = zipf(low)
    if len(low) == 4 and z >= GARBLE_LONG_MAX_ZIPF:
        return None  # a real four-letter word ("wore", "aide") needs context to convict
    best = max(_subs(low, 1 if len(low) == 2 else 2), key=zipf, default=None)
    bz = zipf(best) if best else 0.0
    if best and bz >= GARBLE_FIX_ZIPF and bz - z >= GARBLE_GAP:
        return best
    return None


def _lone_letter_ok(toks, i: int) -> bool:
    """A lone letter that is a list marker, an initial, a variable or part of a
    spelled-out sequence is no stray."""
    before = toks.seps[i - 1] if i else toks.lead
    after = toks.seps[i]
    if before[-1:] in "(-'’/\"“" or after[:1] in ").-'’/:\"”" or before[-1:].isdigit():
        return True
    neighbours = [toks.words[j] for j in (i - 1, i + 1) if 0 <= j < len(toks.words)]
    return any(len(w) == 1 or w.isdigit() for w in neighbours)


def find_garbles(doc: Doc) -> list[Finding]:
    """``ocr``, ``case`` and ``misspelling`` candidates (see the module docstring)."""
    from reader.analysis.checks.case import proper_nouns

    shared = doc.shared.setdefault("garbles", {})
    zipf = doc.lexicon.zipf_lower
    toks = doc.tokens
    words = toks.words
    propers = proper_nouns()
    verdicts: dict[str, tuple | None] = shared.setdefault("forms", {})
    for w in doc.unique.difference(verdicts):
        if w.islower() and zipf(w) >= COMMON_SKIP_ZIPF:
            verdicts[w] = None  # the common case, without a call
        else:
            verdicts[w] = _judge_form(w, doc, zipf, propers)
    wanted = {w for w in doc.unique if verdicts[w]}
    out = []
    for i in doc.indices_of(wanted):
        w = words[i]
        v = verdicts[w]
        rule = v[0]
        if doc.is_silenced(w):
            continue
        if rule == "garble":
            fix = match_case(w, v[1])
            out.append(doc.finding(toks.starts[i], toks.ends[i], "ocr",
                                   f"a short word a scanner garbled: probably “{fix}”", (fix,)))
        elif rule == "lone":
            if _lone_letter_ok(toks, i):
                continue
            out.append(doc.finding(toks.starts[i], toks.ends[i], "ocr",
                                   "a stray letter: probably a scanning fragment", v[1]))
        elif rule == "capital":
            if not _mid_sentence_capital(doc, i):
                continue
            low = w.lower()
            out.append(doc.finding(toks.starts[i], toks.ends[i], "case",
                                   f"a capital in mid-sentence: write “{low}”", (low,)))
        elif rule == "digits":
            out.append(doc.finding(toks.starts[i], toks.ends[i], "ocr",
                                   f"a letter read for a digit: probably “{v[1]}”", (v[1],)))
        elif rule == "mixed":
            msg = f"capitals inside a word: probably “{v[1][0]}”" if v[1] else "capitals inside a word"
            out.append(doc.finding(toks.starts[i], toks.ends[i], "ocr", msg, v[1]))
        elif rule == "joined":
            out.append(doc.finding(toks.starts[i], toks.ends[i], "spacing",
                                   f"two words run together: “{v[1]}”", (v[1],)))
        elif rule == "decade":
            if i + 1 < len(words) and words[i + 1] == "s" and toks.seps[i] == " ":
                out.append(doc.finding(toks.starts[i], toks.ends[i + 1], "spacing",
                                       f"a space inside “{w}s”", (f"{w}s",)))
        elif rule == "demonym":
            out.append(doc.finding(toks.starts[i], toks.ends[i], "case",
                                   f"a proper adjective: write “{v[1]}”", (v[1],)))
        elif rule == "unknown":
            if is_sentence_start(toks, i) and v[1] == ():
                continue
            msg = f"unknown word; did you mean “{v[1][0]}”?" if v[1] else "unknown capitalised word"
            out.append(doc.finding(toks.starts[i], toks.ends[i], "misspelling", msg, v[1]))
    return out


def _judge_form(w: str, doc: Doc, zipf, propers):
    if w.islower() and zipf(w) >= COMMON_SKIP_ZIPF:
        return None  # a common word: no rule below can convict it (a fast path)
    low = w.lower()
    if len(w) == 1:
        return ("lone", ()) if w.islower() and w.isalpha() and w != "a" else None
    if doc.is_silenced(w):
        return None
    if w.isdigit():
        return ("decade", ()) if len(w) == 4 and w.endswith("0") else None
    if not w.isalpha():
        fixed = w.translate(_DIGIT_LOOKALIKES)
        if fixed != w and fixed.isdigit() and any(ch.isdigit() for ch in w) and len(w) <= 6:
            return ("digits", fixed)
        return None
    if not (w.islower() or w.istitle() or w.isupper()):
        if zipf(low) < UNKNOWN_CAP_ZIPF and not _CAMEL.fullmatch(w) and len(w) >= 3:
            return ("mixed", tuple(doc.suggester.ranked(low))[:5])
        return None
    if w.islower() and 4 <= len(w) <= 12 and zipf(low) < JOINED_MAX_ZIPF:
        split = _joined(low, zipf)
        if split:
            return ("joined", split)
    if w.islower() and len(w) >= 4 and low not in propers:
        from reader.analysis.gazetteer import get_gazetteer

        title = w[:1].upper() + w[1:]
        if get_gazetteer().is_demonym(title) and zipf(low) < 4.5:
            return ("demonym", title)
    if w.islower() or w.istitle():
        fix = garble_fix(low, zipf)
        if fix and fix not in propers:
            return ("garble", fix)
    if w.istitle() and zipf(low) >= CAPITAL_COMMON_ZIPF and low not in propers:
        return ("capital", low)
    if (w.istitle() or w.isupper()) and len(w) >= 4 and zipf(low) < UNKNOWN_CAP_ZIPF:
        sugg = tuple(doc.suggester.ranked(w))
        return ("unknown", sugg[:5])
    if w.istitle() and len(w) >= 4 and zipf(low) < SEEN_CAP_MAX_ZIPF:
        # seen on the web, but its lower-case form is a misspelling ("Minstry")
        judge = doc.shared.get("spelling")
        v = judge.verdict(low) if judge is not None else None
        if v and v[0] == "misspelling" and v[2]:
            return ("unknown", tuple(match_case(w, x) for x in v[2][:5]))
    return None


def _joined(low: str, zipf) -> str | None:
    """"a lot" for "alot": the two commonest words the rare ``low`` splits into."""
    best, bz = None, 0.0
    for k in range(1, len(low)):
        left, right = low[:k], low[k:]
        if len(left) == 1 and left not in "ai":
            continue
        zl, zr = zipf(left), zipf(right)
        if zl >= JOINED_PART_ZIPF and zr >= JOINED_PART_ZIPF and min(zl, zr) > bz:
            best, bz = f"{left} {right}", min(zl, zr)
    return best


def _mid_sentence_capital(doc: Doc, i: int) -> bool:
    toks = doc.tokens
    if i == 0 or i + 1 >= len(toks.words) or is_sentence_start(toks, i):
        return False
    before, after = toks.seps[i - 1], toks.seps[i]
    if before not in (" ", "\n") or after != " ":
        return False
    prev, nxt = toks.words[i - 1], toks.words[i + 1]
    return prev.isalpha() and prev.islower() and nxt.isalpha() and nxt.islower()
