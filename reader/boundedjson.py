"""JSON parsing with the nesting depth bounded before the parser runs.

``json.loads`` of ``[[[[...]]]]`` 100,000 deep raises ``RecursionError`` (or, with a
raised recursion limit, can exhaust the C stack). Every JSON file reader reads (the
library file, record files, ``history.json``, theme files, annotation imports) goes
through :func:`loads`, which measures the depth first with C-speed passes (escape pairs
dropped, the text split at quotes to keep what lies outside strings, every byte but
brackets deleted, then innermost ``[]``/``{}`` pairs peeled off once per level) and refuses anything deeper than :data:`MAX_DEPTH` with a
:class:`JSONTooDeep` (a ``ValueError``, so callers' "not valid JSON" handling applies).
"""

from __future__ import annotations

import json
from typing import Any

#: Far deeper than anything reader writes (records are 3-5 levels); far below recursion limits.
MAX_DEPTH = 64

_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
#: After deleting all else, ``{`` counts as ``[`` and ``}`` as ``]``: one pair to peel.
_ONE_KIND = bytes.maketrans(b"{}", b"[]")


class JSONTooDeep(ValueError):
    """The document nests deeper than allowed."""


def _peel_exceeds(text: bytes, limit: int) -> bool:
    brackets = text.translate(_ONE_KIND, _NOT_BRACKETS)
    if b"[" * (limit + 1) in brackets:
        return True  # a run of openers is that deep already
    for _ in range(limit):
        if not brackets:
            return False
        peeled = brackets.replace(b"[]", b"")
        if len(peeled) == len(brackets):
            return False  # unbalanced: the parser reports it as invalid JSON
        brackets = peeled
    return b"[]" in brackets


def depth_exceeds(raw: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON text ``raw`` nests arrays/objects more than ``limit`` deep.

    A first pass counts every bracket byte, strings included (cheap); only when that
    looks deep are strings cut out for the exact count.
    """
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    if not _peel_exceeds(raw, limit):
        return False
    # In JSON a backslash always starts a two-byte escape (\\uXXXX's digits are no
    # backslashes), so dropping "\\\\" pairs, then "\\"" pairs, leaves only real quotes.
    unescaped = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    outside = b"".join(unescaped.split(b'"')[0::2])
    return _peel_exceeds(outside, limit)


def loads(raw: bytes | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """``json.loads`` that refuses documents nested deeper than ``max_depth``."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if depth_exceeds(data, max_depth):
        raise JSONTooDeep(f"nested more than {max_depth} levels deep")
    try:
        return json.loads(raw)
    except RecursionError:  # stray brackets in strings can hide depth from the first pass
        raise JSONTooDeep(f"nested too deep to read (more than {max_depth} levels)") from None
