"""Noise injected into clean text, for training and checking the confidence model.

Clean edited news (the passages of the shared NER data) gets a small share of its words
damaged in the ways real text is damaged: typing slips (a letter dropped, doubled,
swapped, or a neighbouring key), scanner confusions (e/o, h/b, n/u, rn/m, l/i), a capital
in mid-sentence, a repeated word, two words joined or one split. Every damaged span is
recorded, so each finding on the result can be labelled. Deterministic for a seed.
"""

from __future__ import annotations

import random
import re

_KEYS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
_SCAN = {"e": "oc", "o": "ec", "h": "b", "b": "h", "n": "u", "u": "n", "l": "i", "i": "l",
         "a": "n", "t": "f", "c": "e", "y": "v"}
_WORD = re.compile(r"[A-Za-z]+")


def _neighbour(ch: str, rnd: random.Random) -> str:
    for row in _KEYS:
        at = row.find(ch)
        if at >= 0:
            opts = [row[j] for j in (at - 1, at + 1) if 0 <= j < len(row)]
            return rnd.choice(opts)
    return ch


def typo(word: str, rnd: random.Random) -> str:
    i = rnd.randrange(1, len(word)) if len(word) > 2 else 1
    op = rnd.choice(("drop", "double", "swap", "key", "vowel"))
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    if op == "swap" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == "vowel":
        vs = [k for k, c in enumerate(word) if c in "aeiou" and k > 0]
        if vs:
            k = rnd.choice(vs)
            return word[:k] + rnd.choice([v for v in "aeiou" if v != word[k]]) + word[k + 1:]
    return word[:i] + _neighbour(word[i], rnd) + word[i + 1:]


def scan(word: str, rnd: random.Random) -> str:
    spots = [k for k, c in enumerate(word) if c in _SCAN]
    if "m" in word and rnd.random() < 0.2:
        return word.replace("m", "rn", 1)
    if not spots:
        return typo(word, rnd)
    k = rnd.choice(spots)
    return word[:k] + rnd.choice(_SCAN[word[k]]) + word[k + 1:]


def inject(text: str, rate: float, rnd: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with about ``rate`` of its words damaged, and the damaged spans."""
    out, spans, pos = [], [], 0
    matches = list(_WORD.finditer(text))
    skip_next = False
    for n, m in enumerate(matches):
        if skip_next:
            skip_next = False
            continue
        w = m.group()
        if len(w) < 2 or rnd.random() >= rate:
            continue
        kind = rnd.choices(("typo", "scan", "capital", "repeat", "join", "split"),
                           (5, 4, 1, 1, 1, 1))[0]
        start, end = m.span()
        if kind == "typo" and len(w) >= 3:
            new = typo(w, rnd)
        elif kind == "scan":
            new = scan(w, rnd)
        elif kind == "capital" and w.islower() and start > 1 and text[start - 2] not in ".!?\n":
            new = w[:1].upper() + w[1:]
        elif kind == "repeat" and w.islower():
            new = f"{w} {w}"
        elif kind == "join" and n + 1 < len(matches) and text[end:matches[n + 1].start()] == " " \
                and w.islower() and matches[n + 1].group().islower():
            end = matches[n + 1].end()
            new = w + matches[n + 1].group()
            skip_next = True
        elif kind == "split" and len(w) >= 6 and w.islower():
            k = rnd.randrange(2, len(w) - 2)
            new = w[:k] + " " + w[k:]
        else:
            continue
        if new == text[start:end]:
            continue
        out.append(text[pos:start])
        at = sum(map(len, out))
        out.append(new)
        spans.append((at, at + len(new)))
        pos = end
    out.append(text[pos:])
    return "".join(out), spans
