"""Entity quality: exact and overlap precision / recall / F1 per label, with the time taken.

Two measurements, both on data nobody on the team wrote:

1. The news passages of ``../shared/data/ner/gold.json`` (public-domain newswire with
   PERSON / PLACE / ORG / DATE spans). Entities come from ``find_entities``, the function
   ``reader check`` calls per article, so the figures are those of
   ``score_ner.py`` (which runs ``reader check``) without the process start-up. Matching
   as there: *exact* = same start, end and label; *overlap* = a prediction with the gold
   label overlaps; a prediction that overlaps only an ignored region (a demonym, an event
   name) is left out. The passages are split in two halves by their position (even:
   ``dev``, odd: ``held``); rules are tuned looking at ``dev`` errors only, and both halves
   are reported so the gap shows how much of the gain is general.
2. The development corpus (``../shared/corpus``): its own ``score.py`` on a report built
   from ``find_entities`` (entity recall, precision, label accuracy).

usage: python benchmarks/entity_quality.py [--gold FILE] [--corpus DIR] [--half all|dev|held]
                                           [--errors N] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from reader.analysis.entities import find_entities
from reader.analysis.lexicon import get_lexicon

_ROOT = Path(__file__).resolve().parent.parent
LABELS = ("PERSON", "PLACE", "ORG", "DATE")


def _shared() -> Path:
    """``../shared`` beside the checkout (or ``$READER_SHARED``)."""
    env = os.environ.get("READER_SHARED")
    if env:
        return Path(env)
    for base in (_ROOT.parent, _ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return _ROOT.parent / "shared"


def _overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[dict], predicted: list[list[tuple[int, int, str]]]):
    """Counters per label (key ``None``: all labels), error examples, label confusions."""
    c: dict = defaultdict(Counter)
    misses, alarms, inexact = Counter(), Counter(), Counter()
    for d, preds in zip(docs, predicted):
        text = d["text"]
        gold = [(e["start"], e["end"], e["label"]) for e in d["entities"]]
        ignored = [(e["start"], e["end"], "") for e in d.get("ignored", [])]
        preds = [
            p for p in preds
            if any(_overlaps(p, g) for g in gold) or not any(_overlaps(p, i) for i in ignored)
        ]
        gold_set, pred_set = set(gold), set(preds)
        for key in (None, "label"):
            for g in gold:
                k = g[2] if key else None
                c[k]["gold"] += 1
                c[k]["exact_r"] += g in pred_set
                c[k]["overlap_r"] += any(_overlaps(g, p) and p[2] == g[2] for p in preds)
            for p in preds:
                k = p[2] if key else None
                c[k]["pred"] += 1
                c[k]["exact_p"] += p in gold_set
                c[k]["overlap_p"] += any(_overlaps(p, g) and p[2] == g[2] for g in gold)
        for g in gold:
            if g in pred_set:
                continue
            over = [p for p in preds if _overlaps(g, p)]
            if not over:
                misses[(text[g[0]:g[1]], g[2])] += 1
            for p in over:
                inexact[(f"{text[g[0]:g[1]]}/{g[2]}", f"{text[p[0]:p[1]]}/{p[2]}")] += 1
        for p in preds:
            if not any(_overlaps(p, g) for g in gold):
                alarms[(text[p[0]:p[1]], p[2])] += 1
    return c, misses, alarms, inexact


def _table(c) -> list[str]:
    lines = [f"{'label':8} {'gold':>5} {'pred':>5}   {'exact P / R / F1':20} {'overlap P / R / F1':20}"]
    for k in (None, *LABELS):
        x = c.get(k)
        if not x:
            continue
        ex = _prf(x["exact_p"], x["pred"], x["exact_r"], x["gold"])
        ov = _prf(x["overlap_p"], x["pred"], x["overlap_r"], x["gold"])
        lines.append(
            f"{k or 'all':8} {x['gold']:5} {x['pred']:5}   "
            + " ".join(f"{v:.3f}" for v in ex) + "    " + " ".join(f"{v:.3f}" for v in ov)
        )
    return lines


def news(gold_path: Path, half: str, errors: int, runs: int) -> None:
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    docs = data["documents"]
    halves = {"dev": docs[0::2], "held": docs[1::2], "all": docs}
    lex = get_lexicon()
    find_entities("Warm up in Geneva. Ingrid Halvorsen said so.", lex)
    best = None
    preds: list[list[tuple[int, int, str]]] = []
    for _ in range(max(1, runs)):
        t0 = time.perf_counter()
        preds = [[(e.start, e.end, e.label) for e in find_entities(d["text"], lex)] for d in docs]
        took = time.perf_counter() - t0
        best = took if best is None else min(best, took)
    by_name = {d["name"]: p for d, p in zip(docs, preds)}
    words = sum(len(d["text"].split()) for d in docs)
    print(f"news passages: {gold_path.name}, {len(docs)} passages, {words:,} words; "
          f"find_entities took {best:.2f} s (best of {max(1, runs)})")
    names = ("dev", "held", "all") if half == "all" else (half,)
    for name in names:
        part = halves[name]
        c, misses, alarms, inexact = score(part, [by_name[d["name"]] for d in part])
        print(f"\n[{name}] {len(part)} passages")
        print("\n".join(_table(c)))
        ex = _prf(c[None]["exact_p"], c[None]["pred"], c[None]["exact_r"], c[None]["gold"])
        print(f"{name}_exact_f1={ex[2]:.3f}")
    if errors:
        c, misses, alarms, inexact = score(halves["dev"], [by_name[d["name"]] for d in halves["dev"]])
        for title, counter in (("missed", misses), ("false alarms", alarms)):
            print(f"\n[dev] commonest {title}:")
            for (t, lab), n in counter.most_common(errors):
                print(f"  {n:4} {lab:7} {t}")
        print("\n[dev] commonest inexact (gold -> predicted):")
        for (g, p), n in inexact.most_common(errors):
            print(f"  {n:4} {g}  ->  {p}")


def corpus(corpus_dir: Path) -> None:
    paths = sorted(corpus_dir.glob("*.txt"))
    scorer = corpus_dir / "score.py"
    if not paths or not scorer.exists():
        print(f"\ncorpus: nothing at {corpus_dir}; skipped")
        return
    lex = get_lexicon()
    texts = [p.read_text(encoding="utf-8").replace("\r\n", "\n").lstrip("\ufeff") for p in paths]
    t0 = time.perf_counter()
    ents = [find_entities(t, lex) for t in texts]
    took = time.perf_counter() - t0
    rep = {"articles": [{"path": str(p), "findings": [], "entities": [e.to_json() for e in es]}
                        for p, es in zip(paths, ents)]}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        out.write_text(json.dumps(rep), encoding="utf-8")
        res = subprocess.run([sys.executable, str(scorer), str(corpus_dir / "gold.json"), str(out), "--json"],
                             capture_output=True, text=True, check=False)
    if res.returncode:
        print(f"\ncorpus: score.py failed: {res.stderr.strip().splitlines()[-1:]}")
        return
    r = json.loads(res.stdout)
    print(f"\ncorpus: {len(paths)} articles; find_entities took {took * 1000:.0f} ms")
    print(f"entity_recall={r['entity_recall']} entity_precision={r['entity_precision']} "
          f"entity_label_accuracy={r['entity_label_accuracy']}")
    if r["ent_missed"] or r["ent_false"]:
        print("  missed:", "; ".join(r["ent_missed"]) or "-")
        print("  false:", "; ".join(r["ent_false"]) or "-")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=None, help="news gold (default ../shared/data/ner/gold.json)")
    ap.add_argument("--corpus", type=Path, default=None, help="corpus folder (default ../shared/corpus)")
    ap.add_argument("--half", choices=("all", "dev", "held"), default="all")
    ap.add_argument("--errors", type=int, default=0, help="list the N commonest dev-half errors")
    ap.add_argument("--runs", type=int, default=1, help="time the news pass N times, report the best")
    args = ap.parse_args(argv)
    gold = args.gold or _shared() / "data" / "ner" / "gold.json"
    if not gold.exists():
        print(f"entity_quality: no news gold at {gold} (pass --gold FILE)", file=sys.stderr)
        return 2
    news(gold, args.half, args.errors, args.runs)
    corpus(args.corpus or _shared() / "corpus")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
