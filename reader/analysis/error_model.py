"""The noisy channel's error model: how likely each slip is, learned from real misspellings.

A misspelling is the intended word passed through a few character operations: a letter
replaced by another ("seperate"), dropped ("enviroment"), added ("untill"), or two
neighbours swapped ("recieve"). Their probabilities differ by orders of magnitude (a
vowel for a vowel is common, "q" for "m" is not), so the suggester ranks by the summed
cost ``-log10 P(operation | neighbouring letter)`` of the operations that turn a candidate
into the typo, against the candidate's frequency (Kernighan, Church and Gale 1990).

The table (``data/error_model.json``) is made by ``scripts/train_error_model.py`` from a
training part of a spelling-error corpus; the scored sets are held out of it (see the
script). Unseen operations cost the table's per-kind default.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

MODEL_FILE = Path(__file__).resolve().parent / "data" / "error_model.json"


def ops(right: str, typo: str) -> list[str]:
    """The operations turning ``right`` into ``typo``, as table keys:

    ``s:xy`` (x written as y), ``d:px`` (x dropped after p), ``i:py`` (y added after p
    of the typo), ``t:xy`` (xy written yx); ``^`` marks the start of the word."""
    eo = Levenshtein.editops(right, typo)
    out: list[str] = []
    k, n = 0, len(eo)
    while k < n:
        tag, i, j = eo[k].tag, eo[k].src_pos, eo[k].dest_pos
        if k + 1 < n:
            tag2, i2, j2 = eo[k + 1].tag, eo[k + 1].src_pos, eo[k + 1].dest_pos
            swap = None
            if tag == "replace" and tag2 == "replace" and i2 == i + 1 and j2 == j + 1:
                swap = i
            elif tag == "insert" and tag2 == "delete" and i2 == i + 1:
                swap = i
            elif tag == "delete" and tag2 == "insert" and i2 == i + 2:
                swap = i
            if swap is not None and swap + 1 < len(right) and j + 1 < len(typo) \
                    and right[swap] == typo[j + 1] and right[swap + 1] == typo[j]:
                out.append(f"t:{right[swap]}{right[swap + 1]}")
                k += 2
                continue
        if tag == "replace":
            out.append(f"s:{right[i]}{typo[j]}")
        elif tag == "delete":
            out.append(f"d:{right[i - 1] if i else '^'}{right[i]}")
        else:
            out.append(f"i:{typo[j - 1] if j else '^'}{typo[j]}")
        k += 1
    return out


class ErrorModel:
    """Costs (-log10 probability) of the operations of :func:`ops`."""

    def __init__(self, costs: dict[str, float], defaults: dict[str, float]) -> None:
        self.costs = costs
        self.defaults = defaults

    def cost(self, typo: str, cand: str) -> float:
        """The channel cost of writing ``cand`` as ``typo`` (both lower-case)."""
        costs, defaults = self.costs, self.defaults
        total = 0.0
        for op in ops(cand, typo):
            c = costs.get(op)
            total += defaults[op[0]] if c is None else c
        return total


@lru_cache(maxsize=1)
def get_error_model() -> ErrorModel:
    """The shipped model; a flat one (every operation alike) if the file is unreadable."""
    try:
        raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        return ErrorModel(raw["costs"], raw["defaults"])
    except (OSError, ValueError, KeyError):
        return ErrorModel({}, {"s": 2.0, "d": 2.0, "i": 2.0, "t": 2.0})
