"""Counted nouns for messages: ``counted(1, "note")`` is "1 note", ``counted(3, "match")``
is "3 matches".

One helper so every CLI and app message agrees ("1 notes" and "in 1 articles" read as
mistakes). English only; the few nouns the rule gets wrong pass their plural.
"""

from __future__ import annotations


def plural(noun: str) -> str:
    """The regular English plural: match -> matches, entity -> entities, note -> notes."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if len(noun) > 1 and noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def counted(n: int, noun: str, many: str | None = None) -> str:
    """``n`` and ``noun``, the noun in the plural unless ``n`` is 1 (thousands separated)."""
    return f"{n:,} {noun if n == 1 else (many or plural(noun))}"
