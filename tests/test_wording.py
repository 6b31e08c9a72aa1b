"""Counted nouns: one rule for every CLI and app message ("1 note", "2 notes")."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.wording import counted, plural


def test_singular_and_plural_forms() -> None:
    assert counted(1, "note") == "1 note" and counted(2, "note") == "2 notes"
    assert counted(0, "match") == "0 matches" and counted(1, "match") == "1 match"
    assert counted(3, "entity") == "3 entities" and counted(2, "day") == "2 days"
    assert counted(2, "fix") == "2 fixes" and counted(1, "suspected error") == "1 suspected error"
    assert counted(12_345, "article") == "12,345 articles"
    assert counted(2, "person", "people") == "2 people"


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["note", "match", "entity", "article", "file"]))
def test_only_exactly_one_is_singular(n: int, noun: str) -> None:
    assert counted(n, noun).endswith(noun if n == 1 else plural(noun))


#: Words that, after a number in a message, must go through counted() (a plain ``{n} notes``
#: reads "1 notes" when n is 1).
_COUNTED_NOUNS = ("articles", "notes", "matches", "annotations", "corrections", "errors", "entities",
                  "files", "orphans", "results", "feeds", "suggestions", "places", "fixes")


def test_no_message_puts_a_bare_count_before_a_plural_noun() -> None:
    """Regression: "1 notes", "1 matches", "in 1 articles" in CLI and app messages."""
    offenders = []
    for path in sorted(Path(__import__("reader").__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            parts = node.values
            for value, after in zip(parts, parts[1:]):
                if not (isinstance(value, ast.FormattedValue) and isinstance(after, ast.Constant)) or value.conversion == ord("r"):
                    continue
                words = str(after.value).split()
                if words and str(after.value).startswith(" ") and words[0].strip(",.;:)") in _COUNTED_NOUNS:
                    offenders.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert not offenders, "\n".join(offenders)
