"""Words as a person reads them, with offsets into the original text.

Two steps, both at C speed so a million-word text tokenises in a fraction of a second:

1. :func:`mask` blanks out what is not prose — URLs, e-mail addresses, Markdown code
   spans and fenced blocks, link targets ``[text](url)`` and HTML tags — by replacing them
   with spaces of the same length, so offsets into the masked text are offsets into the
   original.
2. :func:`tokenize` splits the masked text with one regular expression and recovers every
   word's offsets with a running sum of part lengths (no per-word match objects).

A word is a run of letters and digits with internal apostrophes (typographic ``’`` too):
"don’t", "Europe's", "1ocal". Hyphens split words ("Okafor-Ndiaye" is two words joined by
a hyphen: the separator between them is "-"), so each part is checked on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

#: Multi-character spans that are not prose. Every alternative starts with a literal, so
#: the regex engine skips ahead quickly over plain prose.
_MASK_RE = re.compile(
    r"^(```|~~~).*?(?:^\1|\Z)"  # fenced code block
    r"|`[^`\n]+`"  # inline code
    r"|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # Markdown link target ](url "title")
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"  # HTML tag or autolink
    r"|&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});",  # HTML entity
    re.DOTALL | re.MULTILINE,
)
#: Characters that mark a whitespace-delimited run as a URL, address, path or file name.
_RUN_ANCHOR_RE = re.compile(
    r"[@/\\]|www\.|\.(?:com|org|net|io|gov|edu|int|eu|txt|md|py|html?|pdf|json|csv)\b",
    re.IGNORECASE,
)
_RUN_EDGE = "()[]{}<>\"'“”‘’,;:!?.*_"


#: One word: letters/digits with internal apostrophes; the capture keeps it in split().
WORD_SPLIT_RE = re.compile(r"([^\W_]+(?:['’][^\W_]+)*)")


def mask(text: str) -> str:
    """``text`` with non-prose spans replaced by spaces (same length, same offsets)."""
    spans: list[tuple[int, int]] = []
    if "`" in text or "~~~" in text or "](" in text or "<" in text or "&" in text:
        spans.extend(m.span() for m in _MASK_RE.finditer(text))
    last = -1
    for m in _RUN_ANCHOR_RE.finditer(text):
        if m.start() < last:
            continue
        a, b = _run_around(text, m.start())
        run = text[a:b]
        last = b
        if _is_address(run):
            spans.append((a, b))
    if not spans:
        return text
    spans.sort()
    out = []
    pos = 0
    for a, b in spans:
        if b <= pos:
            continue
        a = max(a, pos)
        out.append(text[pos:a])
        out.append(_blank(text[a:b]))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _run_around(text: str, at: int) -> tuple[int, int]:
    """The whitespace-delimited run containing ``at``, without edge punctuation."""
    a = at
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = at
    n = len(text)
    while b < n and not text[b].isspace():
        b += 1
    while a < b and text[a] in _RUN_EDGE:
        a += 1
    while b > a and text[b - 1] in _RUN_EDGE:
        b -= 1
    return a, b


def _is_address(run: str) -> bool:
    """URL, e-mail address, file path or domain-like name (not "and/or" or "24/7")."""
    if "://" in run or run.lower().startswith("www.") or run.startswith(("/", "~/", "\\")):
        return True
    if "@" in run:
        return "." in run.split("@", 1)[1] or run.startswith("@")
    if "/" in run or "\\" in run:
        parts = [p for p in re.split(r"[/\\]", run) if p]
        return len(parts) >= 3 or any("." in p for p in parts)
    return "." in run.strip(".")


def _blank(s: str) -> str:
    # keep newlines so line structure (paragraphs, headings) survives masking
    return re.sub(r"[^\n]", " ", s)


@dataclass(slots=True)
class Tokens:
    """Parallel lists: ``words[i]`` is ``text[starts[i]:ends[i]]``; ``seps[i]`` is the
    text between word ``i`` and word ``i+1`` (``seps[-1]`` runs to the end), ``lead`` the
    text before the first word."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    seps: list[str]
    lead: str

    def __len__(self) -> int:
        return len(self.words)


def tokenize(text: str) -> Tokens:
    """Split (already masked) ``text`` into words with offsets."""
    parts = WORD_SPLIT_RE.split(text)
    # parts = [sep0, w0, sep1, w1, ..., sepN]; offsets[k] = end of parts[k]
    offsets = list(accumulate(map(len, parts)))
    words = parts[1::2]
    starts = offsets[0::2][: len(words)]
    ends = offsets[1::2]
    return Tokens(words, starts, ends, parts[2::2], parts[0])


def is_sentence_start(tokens: Tokens, i: int) -> bool:
    """Whether word ``i`` begins a sentence, heading, list item or quotation."""
    before = tokens.seps[i - 1] if i > 0 else tokens.lead
    if i == 0:
        return True
    if "\n\n" in before:
        return True
    stripped = before.rstrip(" \t\n\"'“‘*_([")
    if not stripped:
        return False  # only spaces (or one wrapped line break) between the words
    if "\n" in before and stripped[-1] in "-+*.)0123456789":
        return True  # a list item
    return stripped[-1] in ".!?:—–#>•"
