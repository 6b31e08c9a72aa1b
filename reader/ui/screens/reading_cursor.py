"""Word-cursor motions over the displayed text: by word, sentence and paragraph.

Pure functions of ``(text, offset)`` returning the word span the cursor lands on, so the
reading screen only draws them and they are tested without an app. Only a window of text
around the offset is scanned, so a motion costs the same in a 1,000,000-word article.
"""

from __future__ import annotations

import re

#: A word: letters/digits, with inner apostrophes, hyphens or dots ("don't", "U.N").
WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
#: Where a sentence ends: terminal punctuation (and closing quotes) then space, or a newline.
SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n\s*")
#: Where a paragraph (a source line or blank-line block) ends.
PARAGRAPH_BREAK = re.compile(r"\n\s*")

#: How far back a backwards motion looks at a time.
WINDOW = 4000

Span = tuple[int, int]


def word_at(text: str, offset: int) -> Span | None:
    """The word covering ``offset`` (or ending right at it), if any."""
    lo = max(0, offset - 200)
    for m in WORD.finditer(text, lo, min(len(text), offset + 200)):
        if m.start() <= offset < m.end() or m.end() == offset:
            return m.span()
        if m.start() > offset:
            break
    return None


def next_word(text: str, offset: int) -> Span | None:
    """The first word starting after ``offset``."""
    here = word_at(text, offset)
    start = here[1] if here and here[0] <= offset else offset + 1
    m = WORD.search(text, max(0, start))
    return m.span() if m else None


def first_word_from(text: str, offset: int) -> Span | None:
    """The first word starting at or after ``offset``."""
    m = WORD.search(text, max(0, offset))
    return m.span() if m else None


def previous_word(text: str, offset: int) -> Span | None:
    """The last word starting before ``offset``."""
    end = offset
    while end > 0:
        lo = max(0, end - WINDOW)
        last = None
        for m in WORD.finditer(text, lo, end):
            if m.start() < offset:
                last = m
        if last is not None:
            start = last.start()
            if lo and start == lo:  # cut by the window's start: the word may begin earlier
                start = (word_at(text, lo) or last.span())[0]
            return WORD.match(text, start).span()  # whole, not cut at ``offset``
        end = lo
    return None


def _unit_start(text: str, offset: int, breaks: re.Pattern[str]) -> int:
    """Start of the sentence/paragraph holding ``offset`` (just after the last break)."""
    end = offset
    while end > 0:
        lo = max(0, end - WINDOW)
        last = None
        for m in breaks.finditer(text, lo, end):
            if m.end() <= offset:
                last = m
        if last is not None:
            return last.end()
        end = lo
    return 0


def next_unit(text: str, offset: int, breaks: re.Pattern[str]) -> Span | None:
    """The first word of the next sentence/paragraph after ``offset``."""
    m = breaks.search(text, offset)
    while m is not None:
        word = first_word_from(text, m.end())
        if word is not None and word[0] > offset:
            return word
        m = breaks.search(text, m.end() + 1) if word is not None else None
    return None


def previous_unit(text: str, offset: int, breaks: re.Pattern[str]) -> Span | None:
    """The first word of the sentence/paragraph holding ``offset`` if the cursor is past
    it, else of the one before."""
    start = _unit_start(text, offset, breaks)
    word = first_word_from(text, start)
    if word is not None and word[0] < offset:
        return word
    if start == 0:
        return word if word and word[0] != offset else None
    before = start
    while before > 0 and text[before - 1].isspace():  # back over the break itself
        before -= 1
    return first_word_from(text, _unit_start(text, before, breaks))


def unit_last_word(text: str, offset: int, breaks: re.Pattern[str]) -> Span | None:
    """The last word before the next break after ``offset`` (a selection grown to the end
    of the sentence/paragraph); if the cursor is already there, of the next one."""
    here = word_at(text, offset)
    pos = here[1] if here else offset
    m = breaks.search(text, pos)
    end = m.start() if m else len(text)
    if end <= pos and m is not None:  # already at the end: the next unit
        m2 = breaks.search(text, m.end())
        end = m2.start() if m2 else len(text)
    word = previous_word(text, end)
    return word if word is not None and word[0] > offset else here


def motion(text: str, offset: int, name: str, *, extend: bool = False) -> Span | None:
    """Apply a named motion: ``word``/``-word``, ``sentence``/``-sentence``,
    ``paragraph``/``-paragraph``. With ``extend`` (a selection growing forwards),
    sentence and paragraph motions stop on the unit's last word."""
    back = name.startswith("-")
    kind = name.lstrip("-")
    if kind == "word":
        return previous_word(text, offset) if back else next_word(text, offset)
    breaks = SENTENCE_BREAK if kind == "sentence" else PARAGRAPH_BREAK
    if back:
        return previous_unit(text, offset, breaks)
    if extend:
        return unit_last_word(text, offset, breaks)
    return next_unit(text, offset, breaks)
