"""A sounds-like key for English spellings, in the spirit of Metaphone.

Edit distance cannot see that "imidatly" is "immediately" (five edits) or that "muinets"
is "minutes"; people who spell by ear keep the consonants they hear and guess the
vowels. The key keeps that skeleton: spelling variants of one sound become one letter
("ph" and "f", "ck", "c" before a hard vowel and "q" and "k", soft "c" and "s", "dg"
and "j"), silent letters go ("kn", "wr", "gh", a "h" after a consonant), vowels after the
first letter are dropped and runs of one letter are collapsed.

The key is for gathering candidates, not for ranking: the suggester still scores every
candidate by its spelling, so a coarse key costs only a few extra comparisons. Written
here rather than taken from a package because it must be identical at index-build time
and at query time, and because it is ten lines of regular expressions.
"""

from __future__ import annotations

import re

_START = (("kn", "n"), ("gn", "n"), ("pn", "n"), ("wr", "r"), ("ps", "s"), ("wh", "w"), ("x", "s"))

_RULES = [
    (re.compile(p), r)
    for p, r in (
        (r"[^a-z]", ""),
        (r"tch", "ch"),
        (r"sch", "sk"),
        (r"ph", "f"),
        (r"gh(?=[aeiouy])", "g"),
        (r"gh", ""),
        (r"ck|cq|q", "k"),
        (r"c(?=[eiy])", "s"),
        (r"sh|ch|ti(?=[ao])|ci(?=[ao])|si(?=[ao])", "X"),
        (r"c", "k"),
        (r"dg(?=[eiy])", "j"),
        (r"g(?=[eiy])", "j"),
        (r"x", "ks"),
        (r"z", "s"),
        (r"th", "0"),
        (r"d", "t"),
        (r"v", "f"),
        (r"(?<=[^aeiouy])h", ""),
        (r"h(?![aeiouy])", ""),
        (r"w(?![aeiouy])", ""),
        (r"(.)\1+", r"\1"),
    )
]
_VOWELS = re.compile(r"[aeiouy]")


def phonetic_key(word: str) -> str:
    """The sounds-like key of ``word`` (lower-case letters; other characters ignored).

    >>> phonetic_key("imidatly") == phonetic_key("immediately")
    True
    """
    w = word.lower()
    for a, b in _START:
        if w.startswith(a):
            w = b + w[len(a):]
            break
    for pat, rep in _RULES:
        w = pat.sub(rep, w)
    if not w:
        return ""
    head = "A" if w[0] in "aeiouy" else w[0]
    tail = _VOWELS.sub("", w[1:])
    key = head + tail
    out = [key[0]]
    for ch in key[1:]:  # collapse letters brought together by dropping vowels
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)
