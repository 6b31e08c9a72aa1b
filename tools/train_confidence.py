#!/usr/bin/env python3
"""Rebuild the confidence model (``reader/analysis/data/confidence.json``), offline.

    .venv/bin/python tools/train_confidence.py [--data DIR] [--corpus DIR] [--dry-run]

Training data (development data only):
- the OCR articles and MT post-edit pseudo-articles of the shared data, 70% of each
  (a fixed split by article); a finding is positive when it overlaps a gold error;
- the development corpus (three hand-labelled articles);
- the clean news passages of the shared NER data, 70% of them, with noise injected
  (``tools/noise.py``); a finding is positive when it overlaps an injected damage.

The remaining 30% of each set is held out to pick the thresholds: ``balanced`` is the
lowest threshold at which, on the held-out parts, OCR and MT precision stay at or above
:data:`PRECISION_FLOOR`, clean news (without noise) has at most :data:`NEWS_MAX_PER_K`
findings per 1,000 words, and the corpus keeps recall and precision of
:data:`CORPUS_FLOOR`. ``strict`` and ``thorough`` sit on either side of it.

The model is a logistic regression fitted by Newton's method with a small L2 penalty, in
plain Python (the package needs no training library). Deterministic.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import devdata as dd  # noqa: E402
import noise  # noqa: E402

OUT = HERE.parent / "reader" / "analysis" / "data" / "confidence.json"
VERSION = 1
PRECISION_FLOOR = 0.87
#: MT post-edits: the target precision itself (its held-out part is small and noisy).
MT_PRECISION_FLOOR = 0.85
NEWS_MAX_PER_K = 2.5
CORPUS_FLOOR = 0.95
L2 = 1.0
NOISE_RATE = 0.02
#: Per-source weight of a row (sources differ a lot in size).
SOURCE_WEIGHT = {"ocr": 1.0, "mtpe": 3.0, "news": 1.5, "corpus": 8.0}


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9]+", text))


def featurise(rows_by_doc):
    """rows: (finding, text, label, hits) with entities per doc -> feature vectors."""
    from reader.analysis.confidence import features
    from reader.analysis.gazetteer import get_gazetteer
    from reader.analysis.lexicon import get_lexicon

    lex, gaz = get_lexicon(), get_gazetteer()
    out = []
    for f, text, label, hits, ents, _ in rows_by_doc:
        inside = any(e.start <= f.start < e.end for e in ents)
        out.append((features(text, f, lex, gaz, inside), label, hits, f))
    return out


def _with_entities(labelled, found, texts):
    """Attach to each row its text's entities (and a count kept for the row shape; as
    :func:`reader.analysis.confidence.score_findings` computes them)."""
    extra = {}
    for (fs, es), text in zip(found, texts):
        for f in fs:
            extra[id(f)] = (es, 1)
    return [(f, t, lab, hits, *extra.get(id(f), ((), 1))) for f, t, lab, hits in labelled]


def _neutral_model() -> None:
    """Analyse with a neutral model (every confidence 0.5) so that every candidate is
    kept and scored as the shipped model will score it, whatever weights are on disk."""
    import reader.analysis.confidence as conf

    neutral = {"version": 0, "features": list(conf.FEATURES), "weights": [0.0] * len(conf.FEATURES),
               "levels": dict(conf.LEVELS)}
    conf.model = lambda: neutral


def collect(data: Path, corpus_dir: Path, log=print):
    """{source: {"train": rows, "held": rows, ...}}: labelled findings with entities."""
    _neutral_model()
    sets = {}
    t0 = time.time()
    ocr = dd.ocr_docs(data)
    tr, he = dd.split(ocr)
    for part, docs in (("train", tr), ("held", he)):
        found = dd.analyse([d["text"] for d in docs], entities=True)
        rows, n = dd.label_ocr(docs, [f for f, _ in found])
        sets.setdefault("ocr", {})[part] = (_with_entities(rows, found, [d["text"] for d in docs]), n)
    log(f"ocr: {time.time() - t0:.0f}s")
    mt = dd.mtpe_docs(data)
    tr, he = dd.split(mt)
    for part, docs in (("train", tr), ("held", he)):
        found = []
        for pair in sorted({d["pair"] for d in docs}):
            group = [d for d in docs if d["pair"] == pair]
            found_g = dd.analyse([d["text"] for d in group], together=True, entities=True)
            found.extend(zip(group, found_g))
        docs_o = [d for d, _ in found]
        found = [fe for _, fe in found]
        rows, n = dd.label_mtpe(docs_o, [f for f, _ in found])
        sets.setdefault("mtpe", {})[part] = (_with_entities(rows, found, [d["text"] for d in docs_o]), n)
    log(f"mtpe: {time.time() - t0:.0f}s")
    news = dd.news_texts(data)
    tr, he = dd.split(news)
    rnd = random.Random(11)
    for part, texts in (("train", tr), ("held", he)):
        noisy = [noise.inject(t, NOISE_RATE, rnd) for t in texts]
        found = dd.analyse([t for t, _ in noisy], entities=True)
        labelled, n = [], 0
        for (text, spans), (fs, _) in zip(noisy, found):
            for f in fs:
                hits = [n + k for k, s in enumerate(spans) if dd.overlaps((f.start, f.end), s)]
                labelled.append((f, text, bool(hits), hits))
            n += len(spans)
        sets.setdefault("news", {})[part] = (_with_entities(labelled, found, [t for t, _ in noisy]), n)
    clean = dd.analyse(he, entities=True)
    sets["news"]["clean"] = (_with_entities(
        [(f, t, False, []) for t, (fs, _) in zip(he, clean) for f in fs], clean, he),
        sum(words(t) for t in he))
    log(f"news: {time.time() - t0:.0f}s")
    cdocs = dd.corpus(corpus_dir)
    found = dd.analyse([t for _, t in cdocs], together=True, entities=True)
    rows, n = dd.corpus_rows(corpus_dir, [f for f, _ in found])
    sets["corpus"] = {"train": (_with_entities(rows, found, [t for _, t in cdocs]), n)}
    sets["corpus"]["held"] = sets["corpus"]["train"]
    log(f"corpus: {time.time() - t0:.0f}s")
    return sets


def sigmoid(s: float) -> float:
    if s < -30:
        return 0.0
    if s > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-s))


def fit(X, y, w_row, l2=L2, iters=12):
    """Weighted logistic regression by Newton's method (plain Python)."""
    k = len(X[0])
    w = [0.0] * k
    for _ in range(iters):
        g = [0.0] * k
        H = [[0.0] * k for _ in range(k)]
        for x, t, c in zip(X, y, w_row):
            p = sigmoid(sum(a * b for a, b in zip(x, w)))
            r = c * (p - t)
            q = c * p * (1 - p)
            nz = [(i, v) for i, v in enumerate(x) if v]
            for i, v in nz:
                g[i] += r * v
                row = H[i]
                for j, u in nz:
                    row[j] += q * v * u
        for i in range(k):
            g[i] += l2 * w[i] * (i > 0)
            H[i][i] += l2 * (i > 0) + 1e-6
        step = solve(H, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-5:
            break
    return w


def solve(A, b):
    """Gaussian elimination with partial pivoting (A is small)."""
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        if abs(M[c][c]) < 1e-12:
            continue
        for r in range(c + 1, n):
            f = M[r][c] / M[c][c]
            if f:
                M[r] = [a - f * b for a, b in zip(M[r], M[c])]
    x = [0.0] * n
    for c in range(n - 1, -1, -1):
        if abs(M[c][c]) < 1e-12:
            continue
        x[c] = (M[c][n] - sum(M[c][j] * x[j] for j in range(c + 1, n))) / M[c][c]
    return x


def measure(rows, n_gold, w, t):
    kept = [r for r in rows if sigmoid(sum(a * b for a, b in zip(r[0], w))) >= t]
    tp = sum(1 for r in kept if r[1])
    found = set()
    for r in kept:
        found.update(h for h in r[2] if h is not None)
    p = tp / len(kept) if kept else 1.0
    rec = len(found) / n_gold if n_gold else 0.0
    return p, rec, len(kept)


def evaluate(sets, w, t):
    out = {}
    for src in ("ocr", "mtpe", "news", "corpus"):
        rows, n = sets[src]["held"]
        out[src] = measure(rows, n, w, t)
    rows, n_words = sets["news"]["clean"]
    out["clean_per_k"] = 1000.0 * measure(rows, 0, w, t)[2] / n_words
    return out


def ok(ev) -> bool:
    return (ev["ocr"][0] >= PRECISION_FLOOR and ev["mtpe"][0] >= MT_PRECISION_FLOOR
            and ev["clean_per_k"] <= NEWS_MAX_PER_K and ev["corpus"][0] >= CORPUS_FLOOR
            and ev["corpus"][1] >= CORPUS_FLOOR)


def show_errors(sets, w, t):
    """False alarms and misses at threshold ``t`` on the held-out parts (for study)."""
    from collections import Counter

    for src in ("ocr", "mtpe", "corpus"):
        rows = sets[src]["held"][0]
        fa = Counter()
        lost = Counter()
        for x, label, _, f in rows:
            p = sigmoid(sum(a * b for a, b in zip(x, w)))
            if p >= t and not label:
                fa[f"{f.kind}:{f.text}"] += 1
            if p < t and label:
                lost[f"{f.kind}:{f.text}:{p:.2f}"] += 1
        print(src, "false alarms:", fa.most_common(40))
        print(src, "true but below:", lost.most_common(40))
    rows = sets["news"]["clean"][0]
    fa = Counter(f"{f.kind}:{f.text}" for x, _, _, f in rows
                 if sigmoid(sum(a * b for a, b in zip(x, w))) >= t)
    print("clean news findings:", fa.most_common(60))


TRIGRAMS = OUT.with_name("letter_trigrams.txt")
#: A trigram is "seen" when at least this many words (of Zipf >= 2.5) or names have it.
TRIGRAM_MIN = 3


def build_trigrams() -> None:
    """Write the letter-trigram table the ``odd_trigrams`` feature reads."""
    from collections import Counter

    from reader.analysis.gazetteer import get_gazetteer
    from reader.analysis.lexicon import get_lexicon

    gaz = get_gazetteer()
    words = [w for w, z in get_lexicon().items() if z >= 2.5 and w.isalpha()]
    words += [n.lower() for n in gaz.first_names if n.isalpha()]
    words += [n.lower() for n in gaz.places if n.isalpha()]
    c = Counter()
    for w in set(words):
        s = f"^{w}$"
        c.update({s[i:i + 3] for i in range(len(s) - 2)})
    keep = sorted(g for g, n in c.items() if n >= TRIGRAM_MIN)
    TRIGRAMS.write_text("\n".join(keep) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--data", type=Path, default=dd.DEFAULT_DATA)
    ap.add_argument("--corpus", type=Path, default=dd.DEFAULT_CORPUS)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the model")
    ap.add_argument("--cache", type=Path, help="reuse (or write) the analysed sets here")
    args = ap.parse_args(argv)
    from reader.analysis.confidence import FEATURES

    import pickle

    if not args.cache or not args.cache.exists():
        build_trigrams()

    if args.cache and args.cache.exists():
        sets = pickle.loads(args.cache.read_bytes())
    else:
        sets = collect(args.data, args.corpus, log=lambda m: print(m, file=sys.stderr))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(sets))
    sets = {src: {part: (featurise(rows), n) for part, (rows, n) in parts.items()}
            for src, parts in sets.items()}
    X, y, c = [], [], []
    for src, parts in sets.items():
        rows = parts["train"][0]
        for x, label, _, f in rows:
            if src == "ocr" and f.kind == "spacing":
                continue  # the OCR gold ignores punctuation: it cannot label these
            X.append(x)
            y.append(1.0 if label else 0.0)
            c.append(SOURCE_WEIGHT[src])
    print(f"training rows: {len(X)} ({sum(y):.0f} errors)", file=sys.stderr)
    w = fit(X, y, c)
    grid = [round(0.05 * i, 2) for i in range(1, 20)]
    evals = {t: evaluate(sets, w, t) for t in grid}
    passing = [t for t in grid if ok(evals[t])]
    balanced = min(passing) if passing else 0.5
    strict = min(0.95, round(balanced + 0.2, 2))
    thorough = max(0.05, round(balanced - 0.2, 2))
    print("threshold  ocr P/R  mtpe P/R  news-noise P/R  corpus P/R  clean/1k")
    for t in grid:
        e = evals[t]
        mark = " <- balanced" if t == balanced else ""
        print(f"{t:.2f}  {e['ocr'][0]:.3f}/{e['ocr'][1]:.3f}  {e['mtpe'][0]:.3f}/{e['mtpe'][1]:.3f}  "
              f"{e['news'][0]:.3f}/{e['news'][1]:.3f}  {e['corpus'][0]:.3f}/{e['corpus'][1]:.3f}  "
              f"{e['clean_per_k']:.2f}{mark}")
    if args.dry_run:
        show_errors(sets, w, balanced)
    for name, v in zip(FEATURES, w):
        print(f"  {name:16s} {v:+.3f}", file=sys.stderr)
    model = {"version": VERSION, "features": list(FEATURES),
             "weights": [round(v, 4) for v in w],
             "levels": {"strict": strict, "balanced": balanced, "thorough": thorough},
             "trained_on": "shared data ocr/mt-postedit (70% by article), development corpus, "
                           "news passages with injected noise (70%)"}
    if not args.dry_run:
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(HERE.parent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
