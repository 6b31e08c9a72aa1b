"""Story grouping speed: group N articles at once, then add articles one at a time.

The articles are generated (deterministic, seeded): events, each with invented names and a
handful of event words, reported two to four times; every report is ~250 words of
frequency-sampled English with the event's names and words spread through it, a name now
and then garbled, and a date within a few days of the event's. A quarter of the articles
report no event. Printed: feature extraction time, grouping time (StoryIndex.build),
their sum (wall clock, and this process's CPU time), the median and worst time of adding one article to the grown index (features
included), and pairwise precision/recall against the generated events as a sanity check.

    python benchmarks/stories_bench.py [--articles 10000] [--adds 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import time

from reader.analysis.lexicon import get_lexicon
from reader.stories.features import extract
from reader.stories.grouping import StoryIndex

SYLLABLES = "ka lo mi ne ra so tu vi ze ba de fo gu hi ja ko lu ma no pe ri sa te vo wy".split()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _garble(rng: random.Random, w: str) -> str:
    i = rng.randrange(1, len(w) - 1)
    return w[:i] + w[i + 1] + w[i] + w[i + 2:]


def generate(n: int, seed: int = 7) -> list[tuple[str, str | None, str, dict]]:
    """(id, event or None, text, meta) for ``n`` articles."""
    rng = random.Random(seed)
    lex = get_lexicon()
    common = [w for w, z in lex.items() if w.isalpha() and 4.5 <= z < 6.5][:3000]
    rare = [w for w, z in lex.items() if w.isalpha() and len(w) >= 5 and 2.5 <= z < 4.0][:40000]
    out: list[tuple[str, str | None, str, dict]] = []
    event = 0
    while len(out) < n:
        if rng.random() < 0.25:
            names, words, ev = [_name(rng) for _ in range(3)], rng.sample(rare, 8), None
            reports = 1
        else:
            names, words, ev = [_name(rng) for _ in range(4)], rng.sample(rare, 12), f"e{event}"
            reports = rng.randint(2, 4)
            event += 1
        day = rng.randint(0, 3650)
        for _ in range(reports):
            if len(out) >= n:
                break
            body = rng.choices(common, k=250)
            for w in rng.sample(words, len(words) * 2 // 3):
                body[rng.randrange(len(body))] = w
            for name in names:
                for _ in range(rng.randint(1, 3)):
                    form = _garble(rng, name) if rng.random() < 0.15 else name
                    body[rng.randrange(1, len(body))] = form
            sentences = [" ".join(body[i:i + 14]) for i in range(0, len(body), 14)]
            text = ". ".join(s[:1].upper() + s[1:] for s in sentences) + "."
            d = day + rng.randint(0, 4)
            meta = {"date": f"{2015 + d // 365:04d}-{1 + (d % 365) // 31:02d}-{1 + d % 28:02d}"}
            out.append((f"a{len(out)}", ev, text, meta))
    return out


def pairwise(index: StoryIndex, truth: dict[str, str | None]) -> tuple[float, float]:
    story = {a: s.key for s in index.stories(singles=True) for a in s.article_ids}
    by_event: dict[str, list[str]] = {}
    for a, ev in truth.items():
        if ev is not None:
            by_event.setdefault(ev, []).append(a)
    tp = fn = 0
    for members in by_event.values():
        for a, b in itertools.combinations(members, 2):
            if story[a] == story[b]:
                tp += 1
            else:
                fn += 1
    fp = 0
    for s in index.stories():
        for a, b in itertools.combinations(s.article_ids, 2):
            if truth[a] is None or truth[a] != truth[b]:
                fp += 1
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--adds", type=int, default=50)
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    extract("Warm the Lexicon up.")
    docs = generate(args.articles + args.adds)
    base, extra = docs[: args.articles], docs[args.articles:]
    feature_s, build_s, adds, cpu = [], [], [], []
    for _ in range(args.runs):
        c0 = time.process_time()
        t0 = time.perf_counter()
        feats = [(aid, extract(text, meta)) for aid, _ev, text, meta in base]
        t1 = time.perf_counter()
        index = StoryIndex.build(feats)
        t2 = time.perf_counter()
        cpu.append(time.process_time() - c0)
        feature_s.append(t1 - t0)
        build_s.append(t2 - t1)
        for aid, _ev, text, meta in extra:
            t = time.perf_counter()
            index.add(aid, extract(text, meta))
            adds.append(time.perf_counter() - t)
    truth = {aid: ev for aid, ev, _t, _m in docs}
    precision, recall = pairwise(index, {a: truth[a] for a in index.ids})
    print(f"articles={args.articles} runs={args.runs}")
    print(f"features_s median={statistics.median(feature_s):.2f}")
    print(f"group_s median={statistics.median(build_s):.2f}")
    print(f"features_plus_group_s median={statistics.median(a + b for a, b in zip(feature_s, build_s)):.2f}")
    print(f"features_plus_group_cpu_s median={statistics.median(cpu):.2f} (process time; the wall figures "
          "include waiting for a shared CPU)")
    print(f"add_one_ms median={1000 * statistics.median(adds):.1f} max={1000 * max(adds):.1f} (n={len(adds)})")
    print(f"synthetic pairwise precision={precision:.3f} recall={recall:.3f} stories={len(index.stories())}")


if __name__ == "__main__":
    main()
