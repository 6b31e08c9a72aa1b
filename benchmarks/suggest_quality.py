"""Suggestion quality and speed on a generated set of ordinary misspellings.

Takes frequent English words (wordfreq's top list, length >= 4), applies one or two random
edits (deletion, insertion, substitution, adjacent transposition) with a fixed seed, keeps
the results the lexicon has never seen (real unknown words), and asks the suggester for
each. Prints top-1 / top-3 rates and the median and 95th-percentile time per word.

    python benchmarks/suggest_quality.py [--n 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import time


def mutate(word: str, rng: random.Random) -> str:
    """One random typing slip."""
    i = rng.randrange(len(word))
    op = rng.choice(("delete", "insert", "substitute", "transpose"))
    letters = string.ascii_lowercase
    if op == "delete" and len(word) > 3:
        return word[:i] + word[i + 1:]
    if op == "insert":
        return word[:i] + rng.choice(letters) + word[i:]
    if op == "transpose" and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1:]


def make_set(n: int, seed: int, lexicon) -> list[tuple[str, str]]:
    from wordfreq import top_n_list

    rng = random.Random(seed)
    pool = [w for w in top_n_list("en", 20000) if w.isalpha() and w.isascii() and len(w) >= 4]
    out: list[tuple[str, str]] = []
    seen = set()
    while len(out) < n:
        word = rng.choice(pool)
        typo = mutate(word, rng)
        if rng.random() < 0.4:
            typo = mutate(typo, rng)
        if typo == word or typo in seen or lexicon.zipf(typo) > 0:
            continue
        seen.add(typo)
        out.append((typo, word))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    from reader.analysis.lexicon import get_lexicon
    from reader.analysis.suggest import Suggester

    lexicon = get_lexicon()
    t0 = time.perf_counter()
    suggester = Suggester(lexicon)
    setup = time.perf_counter() - t0
    cases = make_set(args.n, args.seed, lexicon)
    top1 = top3 = 0
    times = []
    for typo, word in cases:
        t = time.perf_counter()
        got = suggester.ranked(typo, limit=3)
        times.append((time.perf_counter() - t) * 1000)
        got = [g.lower() for g in got]  # proper nouns come back capitalised ("Monday")
        top1 += bool(got) and got[0] == word
        top3 += word in got
    n = len(cases)
    times.sort()
    print(f"words={n} index_load_s={setup:.3f}")
    print(
        f"top1={top1 / n:.3f} top3={top3 / n:.3f} "
        f"median_ms={statistics.median(times):.3f} p95_ms={times[int(n * 0.95)]:.3f}"
    )


if __name__ == "__main__":
    main()
