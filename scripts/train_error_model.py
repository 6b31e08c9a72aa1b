#!/usr/bin/env python3
"""Learn ``reader/analysis/data/error_model.json`` from a spelling-error corpus.

Counts how often each character operation (:func:`reader.analysis.error_model.ops`) turns
a right word into a misspelling, against how often its context occurs in the right
words, and stores ``-log10`` of the smoothed rate. Training data: the Birkbeck corpus
(``spelling/birkbeck-missp.dat`` in the evaluation data folder), minus every pair the
scorer samples (its fixed seed and size are reproduced here) and minus every misspelling
of the other scored sets, so that every scored figure is on pairs the model never saw.

    python scripts/train_error_model.py --data DIR [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the scorer's fixed sample of the Birkbeck file (seed and size), held out here
SCORER_SEED = 12345
SCORER_SAMPLE = 2000
#: additive smoothing of every rate
ALPHA = 0.5


def birkbeck_pairs(path: Path) -> list[tuple[str, str]]:
    """(misspelling, right) pairs of single words, as the scorer reads them."""
    pairs, right = [], None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("$"):
            right = line[1:]
            continue
        if right is None or not right.isalpha() or not line.isalpha():
            continue
        if line.lower() == right.lower():
            continue
        pairs.append((line, right))
    return pairs


def other_typos(spelling: Path) -> set[str]:
    out = set()
    for f in spelling.glob("*.txt"):
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            if ":" in line:
                out.update(w.lower() for w in line.split(":", 1)[1].split())
    for f in spelling.glob("*.tab"):
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            if "\t" in line:
                out.add(line.split("\t", 1)[0].lower())
    return out


def train(pairs: list[tuple[str, str]]) -> dict:
    from reader.analysis.error_model import ops

    uni, bi, counts = Counter(), Counter(), Counter()
    for typo, right in pairs:
        r = right.lower()
        uni.update(r)
        uni["^"] += 1
        bi.update(a + b for a, b in zip("^" + r, r))
        for op in ops(r, typo.lower()):
            counts[op] += 1
    costs = {}
    for op, n in counts.items():
        kind, ctx = op[0], op[2:]
        if kind == "s":
            denom = uni[ctx[0]]
        elif kind in "dt":
            denom = bi[ctx]
        else:
            denom = uni[ctx[0]]
        costs[op] = round(-math.log10((n + ALPHA) / (denom + ALPHA * 30)), 2)
    defaults = {}
    for kind in "sdit":
        mean_denom = sum(uni.values()) / max(1, len(uni))
        defaults[kind] = round(-math.log10(ALPHA / (mean_denom + ALPHA * 30)), 2)
    return {"costs": dict(sorted(costs.items())), "defaults": defaults,
            "pairs": len(pairs)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="evaluation data folder (with spelling/)")
    ap.add_argument("--out", type=Path, default=ROOT / "reader" / "analysis" / "data" / "error_model.json")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    spelling = args.data / "spelling"
    src = spelling / "birkbeck-missp.dat"
    if not src.is_file():
        print(f"error: no {src.name} under {spelling}", file=sys.stderr)
        return 2
    pairs = birkbeck_pairs(src)
    held = set(random.Random(SCORER_SEED).sample(pairs, min(SCORER_SAMPLE, len(pairs))))
    others = other_typos(spelling)
    training = [p for p in pairs if p not in held and p[0].lower() not in others]
    model = train(training)
    args.out.write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out.name}: {len(model['costs'])} operations from {len(training)} pairs "
          f"({len(held)} scored pairs and {len(others)} other scored misspellings held out)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
