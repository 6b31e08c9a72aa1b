"""DATE entities: weekdays, months with their day and year, numeric dates, years in context.

A month or weekday name is recognised where it is written (capitalised); the span grows
to take a day number, a year ("12 March 2024", "March 12, 2024") or a part of the day
("Tuesday evening"). A bare four-digit year is a date only after a word that introduces
a time ("in 1991", "since 2008"): alone, a number like 1500 is more often a quantity.
"""

from __future__ import annotations

import re

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
#: Abbreviated months: a date only with a day number ("Feb. 28", "Sept 3").
MONTH_ABBREVIATIONS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
DATE_WORDS = frozenset(WEEKDAYS + MONTHS) | MONTH_ABBREVIATIONS

#: "May" is also a verb: a date only next to a number or after a time preposition.
_AMBIGUOUS = frozenset({"May", "March"})
_TIME_WORDS = frozenset(
    "in on since until till by from before after during of early late mid last next this every each".split()
)
_DAY_PARTS = r"(?:morning|afternoon|evening|night|noon|midnight)"

_AFTER_ABBREVIATION = re.compile(r"\.?\s\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?")
_BEFORE = re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)$")
_AFTER_MONTH = re.compile(r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*%))?(?:,?\s+(?:of\s+)?\d{4}\b)?")
_AFTER_WEEKDAY = re.compile(rf"(?:,?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{'|'.join(MONTHS)})(?:,?\s+\d{{4}}\b)?|\s+{_DAY_PARTS}\b)?")

#: Numeric dates and years: "2024-03-12", "12/03/2024", "12.03.2024", "1991", "the 1990s".
NUMERIC = re.compile(  # opens with \d so the regex engine can skip ahead fast
    r"\d(?<![\w.,/-]\d)"
    r"(?:\d{3}-\d{2}-\d{2}|\d?/\d{1,2}/\d{2,4}|\d?\.\d{1,2}\.(?:1[6-9]|20)\d\d|(?:(?<=1)[6-9]|(?<=2)0)\d\d(?:s\b)?)"
    r"(?![\w%/]|-[A-Za-z]|[.,]\d)"
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W{0,3}$")


def date_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The DATE span around the month or weekday written at ``text[start:end]``, or
    ``None`` when the word is not used as a date here ("May" the verb)."""
    word = text[start:end]
    if word in MONTH_ABBREVIATIONS:
        m = _AFTER_ABBREVIATION.match(text, end)
        return (start, m.end()) if m else None
    if word in WEEKDAYS:
        m = _AFTER_WEEKDAY.match(text, end)
        return start, m.end() if m else end
    before = _BEFORE.search(text, max(0, start - 12), start)
    m = _AFTER_MONTH.match(text, end)
    new_end = m.end() if m else end
    new_start = before.start() if before else start
    if word in _AMBIGUOUS and new_start == start and new_end == end:
        prev = _WORD_BEFORE.search(text, max(0, start - 20), start)
        if not prev or prev.group(1).lower() not in _TIME_WORDS:
            return None
    return new_start, new_end


#: Words before a bare year that make it one: "the 1967 war", "her 2000 campaign".
_DETERMINERS = frozenset("the a an his her its their our this that whose".split())
#: Plural nouns without an -s: "the 2000 people" counts, it does not date.
_PLURALS = frozenset("people men women children police staff personnel cattle sheep troops".split())
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
_RANGE_END = re.compile(r"-(\d{4})\b(?!\.\d)")
#: "19th century", "the 1st millennium": an ordinal century is a date.
CENTURIES = re.compile(r"\b(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)[ -](?:century|centuries|millennium)\b")


def _is_year(text: str, s: int, e: int) -> bool:
    """Is the bare four-digit number at ``text[s:e]`` a year here? After a time word
    ("in 1991") always; after a determiner ("the 2003 invasion") or in brackets
    ("Ivan (2004)") when no plural noun follows ("the 2000 delegates" is a count)."""
    prev = _WORD_BEFORE.search(text, max(0, s - 20), s)
    word = prev.group(1).lower() if prev else ""
    if word in _TIME_WORDS:
        return True
    if word in _DETERMINERS or (s and text[s - 1] == "(" and text[e : e + 1] in (")", "-")):
        nxt = _WORD_AFTER.match(text, e)
        noun = nxt.group(1) if nxt else ""
        return not (noun.endswith("s") and len(noun) > 3) and noun not in _PLURALS
    return False


def numeric_dates(text: str) -> list[tuple[int, int]]:
    """Numeric dates, decades ("the 1970s"), ordinal centuries, and four-digit years
    where the words around say they are years (see :func:`_is_year`)."""
    out = []
    for m in NUMERIC.finditer(text):
        s, e = m.span()
        token = m.group()
        if len(token) == 4 and token.isdigit():
            if not _is_year(text, s, e):
                continue
            r = _RANGE_END.match(text, e)
            if r and int(r.group(1)) > int(token):
                e = r.end()  # "(1824-1886)"
        out.append((s, e))
    if "centur" in text or "millenni" in text:
        out += [m.span() for m in CENTURIES.finditer(text)]
    return out
