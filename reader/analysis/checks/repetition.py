"""``repetition``: a phrase of two to six words said twice back to back ("drier summers,
drier summers") — the signature of a machine-translation loop.

The copies may be separated by a space, a comma or a dash, never by a sentence or line
break. Candidates come from comparing the word list with itself shifted by n (C speed);
only those are checked word by word.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import eq

from reader.analysis.doc import Doc
from reader.model import Finding

MAX_WORDS = 6
#: What may sit between the two copies, and between the words of one copy.
_BETWEEN = re.compile(r"[ \t]*[,;—–-]?[ \t]+|[ \t]*[,;][ \t]*")
_INSIDE = re.compile(r"[ \t]+|[ \t]*[-’'][ \t]*")


def find_repetition(doc: Doc) -> list[Finding]:
    toks = doc.tokens
    words, seps = toks.words, toks.seps
    # separators repeat a lot (" ", ", "): judge each distinct one once
    between = _Memo(_BETWEEN)
    inside = _Memo(_INSIDE)
    found: list[tuple[int, int]] = []  # (i, n)
    for n in range(2, MAX_WORDS + 1):
        skip_to = -1
        # a loop repeats the text verbatim: word i equals word i+n (compared at C speed);
        # only those candidates are checked in full
        for i in compress(range(len(words)), map(eq, words, words[n:])):
            if i < skip_to:
                continue  # inside a repetition of this length already found
            if words[i + 1] != words[i + n + 1] if i + n + 1 < len(words) else True:
                continue
            if words[i : i + n] != words[i + n : i + 2 * n]:
                continue
            if not any(len(w) > 1 and not w.isdigit() for w in words[i : i + n]):
                continue
            if not between(seps[i + n - 1]):
                continue
            if not all(inside(seps[j]) for j in range(i, i + 2 * n - 1) if j != i + n - 1):
                continue
            found.append((i, n))
            skip_to = i + 2 * n
    # keep the longest phrase at each place, then non-overlapping in text order
    found.sort(key=lambda t: (t[0], -t[1]))
    out: list[Finding] = []
    last_end = -1
    for i, n in found:
        start, end = toks.starts[i], toks.ends[i + 2 * n - 1]
        if start < last_end or not doc.unmasked(start, end):
            continue
        phrase = doc.text[start : toks.ends[i + n - 1]]
        out.append(doc.finding(start, end, "repetition",
                               f"phrase repeated: “{phrase}”", (phrase,)))
        last_end = end
    return out


class _Memo:
    """``regex.fullmatch(s) is not None``, remembered per distinct string."""

    def __init__(self, regex: re.Pattern) -> None:
        self.regex = regex
        self.seen: dict[str, bool] = {}

    def __call__(self, s: str) -> bool:
        try:
            return self.seen[s]
        except KeyError:
            ok = self.seen[s] = self.regex.fullmatch(s) is not None
            return ok
