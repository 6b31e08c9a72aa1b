"""``spacing``: a stray space around a hyphen ("ten -year", "re- turn") or before
punctuation ("said ,"), a missing one after it ("said,and", "ended.The"), doubled commas.

Suspended hyphens ("pre- and post-war", "two- to three-day") and dashes written as a
spaced hyphen ("a - b") are correct and not flagged. Runs on the masked text, so code and
URLs are never judged.
"""

from __future__ import annotations

import re

from reader.analysis.doc import Doc
from reader.model import Finding

_L = r"[^\W\d_]"
#: SPACE hyphen letter ("two -day") and hyphen SPACE letter ("re- turn"); the words around
#: are found from there, so the regex engine only stops at hyphens
_SPACE_BEFORE_HYPHEN = re.compile(rf"[ \t]+-(?={_L})")
_SPACE_AFTER_HYPHEN = re.compile(rf"-[ \t]+(?={_L})")
_SUSPENDED_NEXT = frozenset(("and", "or", "to", "nor", "und", "oder", "&", "through", "versus"))
#: word SPACE punctuation, where the punctuation ends a clause
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,;:!?]|\.(?!\.))(?=[ \t]*(?:\n|$)|[ \t]+[^\W\d_\"“‘'(])")
_WORD_BEFORE = re.compile(r"[^\W_]+\Z")
#: "said,and" / "said.The": a clause ends with no space before the next word (letters on
#: both sides, so numbers "1,400", abbreviations "U.S." and decimals are not caught)
_NO_SPACE_AFTER = re.compile(r"[,;](?=[^\W\d_]{2})|\.(?=[A-Z][a-z]+\b)")
_WORD_AFTER = re.compile(r"[^\W_]+")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]+\Z")
_DOUBLED_PUNCT = re.compile(r",,+|;;+")


def find_spacing(doc: Doc) -> list[Finding]:
    text = doc.masked
    out: list[Finding] = []
    if " -" in text or "\t-" in text:
        for m in _SPACE_BEFORE_HYPHEN.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before is None or (before.start() > 0 and text[before.start() - 1] in "-"):
                continue
            after = _WORD_AFTER.match(text, m.end())
            out.append(doc.finding(before.start(), after.end(), "spacing", "space before a hyphen",
                                   (f"{before.group()}-{after.group()}",)))
    if "- " in text or "-\t" in text:
        for m in _SPACE_AFTER_HYPHEN.finditer(text):
            before = _LETTERS_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before is None or (before.start() > 0 and text[before.start() - 1] in "-"):
                continue  # "a -- b", or a line starting with "- item"
            after = _WORD_AFTER.match(text, m.end())
            if after.group().lower() in _SUSPENDED_NEXT:
                continue
            out.append(doc.finding(before.start(), after.end(), "spacing", "space after a hyphen",
                                   (f"{before.group()}-{after.group()}",)))
    for m in _SPACE_BEFORE_PUNCT.finditer(text):
        w = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if w is None:
            continue
        if not doc.text[w.end():m.start(1)].isspace():
            continue  # the "space" was a masked URL or address
        word, punct = w.group(), m.group(1)
        if punct in "!?:;" and _french_context(text, m.start(1)):
            continue
        out.append(doc.finding(w.start(), m.end(), "spacing",
                               f"space before “{punct}”", (word + punct,)))
    if "," in text or "." in text or ";" in text:
        for m in _NO_SPACE_AFTER.finditer(text):
            # letters on both sides: not numbers ("1,400"), abbreviations ("U.S."), paths
            at = m.start()
            before = _WORD_BEFORE.search(text, max(0, at - 40), at)
            if before is None or not before.group()[-2:].islower() or not before.group()[-2:].isalpha():
                continue
            if before.start() > 0 and text[before.start() - 1] in "._@/-'’":
                continue
            after = _WORD_AFTER.match(text, at + 1)
            punct = m.group()
            out.append(doc.finding(before.start(), after.end(), "spacing",
                                   f"no space after “{punct}”",
                                   (f"{before.group()}{punct} {after.group()}",)))
        for m in _DOUBLED_PUNCT.finditer(text):
            if len(m.group()) > 2:
                continue  # ",,," is deliberate (ASCII art, elisions), not a slip
            out.append(doc.finding(m.start(), m.end(), "spacing",
                                   f"doubled “{m.group()[0]}”", (m.group()[0],)))
    out = [f for f in out if doc.unmasked(f.start - doc.base, f.end - doc.base)]
    out.sort(key=lambda f: f.start)
    return _non_overlapping(out)


def _french_context(text: str, at: int) -> bool:
    """French typography puts a (thin) space before ! ? : ; — only inside French quotes."""
    return "«" in text[max(0, at - 200):at]


def _non_overlapping(findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in findings:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out
