"""``repetition``: a phrase of two to six words said twice back to back ("drier summers,
drier summers") — the signature of a machine-translation loop.

The copies may be separated by a space, a comma or a dash, never by a sentence or line
break. Candidates come from comparing the word list with itself shifted by n (C speed);
only those are checked word by word.

Two looser forms of the same loop are caught too: a single word said twice across a comma
("could weaken, weaken but") unless doubling it is idiomatic emphasis ("very, very"), and a
phrase of three or more words restarted after a short tail ("a difficult place to
measure, a difficult place"). Copies are compared without regard to case, so a loop that
starts a sentence counts ("In the end, in the end"). A token said three times or more
with the same punctuation after each copy ("B3: B3: B3:") is a loop too; a table row
(copies separated by tabs or runs of spaces) is not.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import eq

from reader.analysis.doc import Doc
from reader.model import Finding

MAX_WORDS = 6
#: A restarted phrase ("A B C tail, A B C"): at least this many words, after a tail of
#: at most MAX_TAIL words that ends in a comma.
MIN_RESTART_WORDS = 3
MAX_TAIL = 3
#: A separator opening with one of these glues the next word on: no copy ends there.
_GLUE = ("-", "’", "'", "\u2010", "\u2011")
#: Words people double on purpose, for emphasis or in speech ("very, very", "no, no").
_EMPHATIC = frozenset(
    "very many much more most never please again really long well come help stop wait "
    "over yes yeah okay quick hurry slowly faster higher better bigger louder far away "
    "now here there go run".split()
)
#: What may sit between the two copies, and between the words of one copy.
_BETWEEN = re.compile(r"[ \t]*[,;—–-]?[ \t]+|[ \t]*[,;][ \t]*")
_INSIDE = re.compile(r"[ \t]+|[ \t]*[-’'][ \t]*")


#: A token repeated this many times with punctuation after each copy is a loop.
MIN_PUNCT_LOOP = 3
_PUNCT_SEP = re.compile(r"[ ]?[:;.,|/][ ]?")


def find_repetition(doc: Doc) -> list[Finding]:
    toks = doc.tokens
    seps = toks.seps
    words = [w.lower() for w in toks.words]  # "In the end, in the end"
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
    spans = [(i, n, i + 2 * n - 1, i + n - 1) for i, n in found]
    spans += _punctuated_loops(words, seps)
    commas = _comma_positions(seps)
    if commas:
        spans += _doubled_across_comma(words, seps, commas)
        spans += _restarted(words, seps, inside, commas)
    # keep the longest phrase at each place, then non-overlapping in text order
    spans.sort(key=lambda t: (t[0], -t[2]))
    out: list[Finding] = []
    last_end = -1
    for i, n, last, keep_to in spans:
        start, end = toks.starts[i], toks.ends[last]
        if start < last_end or not doc.unmasked(start, end):
            continue
        phrase = doc.text[toks.starts[i] : toks.ends[i + n - 1]]
        fix = doc.text[start : toks.ends[keep_to]]
        out.append(doc.finding(start, end, "repetition",
                               f"phrase repeated: “{phrase}”", (fix,)))
        last_end = end
    return out


def _punctuated_loops(words: list[str], seps: list[str]) -> list[tuple[int, int, int, int]]:
    """(i, 1, last copy, i) for "B3: B3: B3:": one token, three or more times, with the
    same punctuation separator after each copy."""
    out = []
    n = len(words)
    i = 0
    while i < n - MIN_PUNCT_LOOP + 1:
        j = i
        sep = seps[i]
        while j + 1 < n and words[j + 1] == words[i] and seps[j] == sep:
            j += 1
        if j - i + 1 >= MIN_PUNCT_LOOP and _PUNCT_SEP.fullmatch(sep) and sep.strip():
            out.append((i, 1, j, i))
            i = j + 1
        else:
            i += 1
    return out


def _comma_positions(seps: list[str]) -> list[int]:
    """Indices ``k`` whose separator after word ``k`` is a plain comma (", "), found with
    ``list.index`` (a C-speed scan) rather than a Python loop over every separator."""
    out = []
    find = seps.index
    i = -1
    try:
        while True:
            i = find(", ", i + 1)
            out.append(i)
    except ValueError:
        return out


def _doubled_across_comma(words: list[str], seps: list[str], commas: list[int]) -> list[tuple[int, int, int, int]]:
    """(i, 1, i + 1, i) for "weaken, weaken": one word, a comma, the same word."""
    out = []
    last = len(words) - 1
    for i in commas:
        if i >= last or words[i] != words[i + 1] or seps[i + 1][:1] in _GLUE:
            continue  # not doubled: "a new buffer, buffer-local variables"
        w = words[i]
        if len(w) < 4 or not w.isalpha() or not w.islower() or w in _EMPHATIC or w.endswith("ly"):
            continue
        out.append((i, 1, i + 1, i))
    return out


def _restarted(words: list[str], seps: list[str], inside, commas: list[int]) -> list[tuple[int, int, int, int]]:
    """(i, n, last word, last word to keep) for "A B C tail, A B C": the loop restarted
    the phrase after a short tail. The tail ends in a comma (so only the words after a
    comma are tried) and the phrase carries at least two words of four letters or more."""
    out = []
    n_words = len(words)
    for c in commas:
        k = c + 1  # the second copy would start here
        if k + MIN_RESTART_WORDS > n_words:
            continue
        wk, wk1 = words[k], words[k + 1]
        if wk not in words[max(0, k - MAX_WORDS - MAX_TAIL) : k - MIN_RESTART_WORDS]:
            continue  # the common case, decided at C speed
        for d in range(MIN_RESTART_WORDS + 1, MAX_WORDS + MAX_TAIL + 1):
            i = k - d
            if i < 0:
                break
            if words[i] != wk or words[i + 1] != wk1:
                continue
            found = False
            for n in range(min(d - 1, MAX_WORDS), MIN_RESTART_WORDS - 1, -1):
                if d - n > MAX_TAIL or k + n > n_words:
                    continue
                if words[i : i + n] != words[k : k + n]:
                    continue
                if sum(1 for w in words[i : i + n] if len(w) >= 4 and w.isalpha()) < 2:
                    break
                if not all(inside(seps[j]) for j in range(i, k + n - 1) if j != c) \
                        or seps[k + n - 1][:1] in _GLUE:
                    break
                out.append((i, n, k + n - 1, c))
                found = True
                break
            if found:
                break
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
