"""Development data for the confidence model and ``benchmarks/quality.py``.

Loads the shared evaluation sets (OCR, MT post-edits, the clean news passages, the
development corpus) the way their own scorers do, runs the analysis in-process with every
candidate kept (``min_confidence=0``), and labels each finding: does it overlap a real
error? Only the scorers' own gold derivation is used (imported from the data folder's
``score/``), so the labels are theirs, not ours. Offline script code, never imported by
the package.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    """The ``shared`` folder beside the checkout (``../shared``), or beside a folder above
    it (a worktree); ``READER_SHARED`` overrides."""
    import os

    if os.environ.get("READER_SHARED"):
        return Path(os.environ["READER_SHARED"])
    for up in ROOT.parents:
        if (up / "shared" / "data").is_dir():
            return up / "shared"
    return ROOT.parent / "shared"


DEFAULT_DATA = _shared() / "data"
DEFAULT_CORPUS = _shared() / "corpus"


def _scorers(data: Path):
    sys.path.insert(0, str(data / "score"))
    import score_mtpe
    import score_ocr

    return score_ocr, score_mtpe


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def ocr_docs(data: Path) -> list[dict]:
    """[{id, text, gold: [(start, end, word, fix)]}] for every OCR article."""
    so, _ = _scorers(data)
    out = []
    for f in sorted((data / "ocr").glob("*.txt")):
        out.extend(so.build(f))
    return out


def mtpe_docs(data: Path) -> list[dict]:
    """Per language pair, its pseudo-articles: [{pair, text, sents: [{start, spans, labels,
    word}]}] with the scorer's token labels ("keep", "surface:...", "other:...")."""
    _, sm = _scorers(data)
    out = []
    for f in sorted((data / "mt-postedit").glob("*.jsonl")):
        for n, art in enumerate(sm.make_articles(sm.load_pair(f)), 1):
            text, starts = sm.article_text(n, [r["mt"] for r in art])
            sents = []
            for r, s0 in zip(art, starts):
                mt, pe = r["mt_tok"].split(), r["pe_tok"].split()
                labels, _, _ = sm.classify(mt, pe)
                sents.append({"start": s0, "len": len(r["mt"]), "spans": sm.token_spans(r["mt"], mt),
                              "labels": labels, "word": [sm.is_word(t) for t in mt]})
            out.append({"pair": f.stem, "id": f"{f.stem}-{n:02d}", "text": text, "sents": sents})
    return out


def news_texts(data: Path) -> list[str]:
    g = json.loads((data / "ner" / "gold.json").read_text(encoding="utf-8"))
    return [d["text"] for d in g["documents"]]


def corpus(corpus_dir: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(corpus_dir.glob("*.txt"))]


def split(items: list, held: float = 0.3, seed: int = 7) -> tuple[list, list]:
    """A fixed (train, held-out) split of ``items``."""
    idx = list(range(len(items)))
    random.Random(seed).shuffle(idx)
    k = int(len(items) * held)
    held_ids = set(idx[:k])
    return [x for i, x in enumerate(items) if i not in held_ids], [x for i, x in enumerate(items) if i in held_ids]


def analyse(texts: list[str], together: bool = False, entities: bool = False):
    """Findings of every text with every candidate kept (confidence attached); with
    ``entities``, (findings, entities) pairs."""
    from reader.analysis import AnalysisContext, analyze_many

    ctx = AnalysisContext(min_confidence=0.0)
    if together:
        res = analyze_many(texts, ctx)
    else:
        res = [analyze_many([t], ctx)[0] for t in texts]
    return [(a.findings, a.entities) if entities else a.findings for a in res]


def corpus_rows(corpus_dir: Path, findings_per_doc):
    """[(finding, text, is_error, gold ids hit)] for the development corpus (findings on
    optional gold are left out, as its scorer ignores them), plus the required count."""
    import re

    gold = json.loads((corpus_dir / "gold.json").read_text(encoding="utf-8"))
    docs = corpus(corpus_dir)
    rows, n_req = [], 0
    for (name, text), found in zip(docs, findings_per_doc):
        occ = []
        for g in gold["errors"]:
            if g["article"] != name:
                continue
            flags = 0 if g.get("case_sensitive") else re.IGNORECASE
            for m in re.finditer(r"(?<!\w)" + re.escape(g["text"]) + r"(?!\w)", text, flags):
                occ.append((m.start(), m.end(), g["required"], n_req if g["required"] else None))
                n_req += bool(g["required"])
        for f in found:
            hit = [o for o in occ if overlaps((f.start, f.end), o)]
            if hit and not any(o[2] for o in hit):
                continue
            rows.append((f, text, bool(hit), [o[3] for o in hit if o[2]]))
    return rows, n_req


# ---------------------------------------------------------------- labelled findings

def label_ocr(docs, findings_per_doc):
    """[(finding, text, is_error, gold ids hit)] plus the number of gold spans."""
    rows, n_gold = [], 0
    for d, found in zip(docs, findings_per_doc):
        gold = d["gold"]
        base = n_gold
        n_gold += len(gold)
        for f in found:
            hits = [base + i for i, g in enumerate(gold) if overlaps((f.start, f.end), g)]
            rows.append((f, d["text"], bool(hits), hits))
    return rows, n_gold


def mtpe_surface(docs):
    """Ids of the surface-slip tokens (the recall denominator)."""
    n = 0
    ids = {}
    for a, d in enumerate(docs):
        for s, S in enumerate(d["sents"]):
            for k, lab in enumerate(S["labels"]):
                if S["word"][k] and lab.startswith("surface:"):
                    ids[(a, s, k)] = n
                    n += 1
    return ids


def label_mtpe(docs, findings_per_doc):
    """[(finding, text, changed, surface ids hit)] plus the surface count. Findings on
    the title lines are left out, as the scorer does."""
    ids = mtpe_surface(docs)
    rows = []
    for a, (d, found) in enumerate(zip(docs, findings_per_doc)):
        starts = [S["start"] for S in d["sents"]]
        for f in found:
            k = max((j for j, s0 in enumerate(starts) if s0 <= f.start), default=None)
            if k is None:
                continue
            S = d["sents"][k]
            s0 = S["start"]
            if f.start >= s0 + S["len"]:
                continue
            a0, b0 = f.start - s0, min(f.end - s0, S["len"])
            toks = [t for t, (x, y) in enumerate(S["spans"]) if x < b0 and a0 < y]
            if not toks:
                toks = [min(range(len(S["spans"])), key=lambda t: abs(S["spans"][t][0] - a0))]
            changed = any(S["labels"][t] != "keep" for t in toks)
            hit = [ids[(a, k, t)] for t in toks if (a, k, t) in ids]
            rows.append((f, d["text"], changed, hit))
    return rows, len(ids)


def pr_at(rows, n_gold, threshold: float):
    """(precision, recall, flags) of the findings with confidence >= threshold."""
    kept = [r for r in rows if r[0].confidence >= threshold]
    tp = sum(1 for r in kept if r[2])
    found = set()
    for r in kept:
        found.update(r[3])
    p = tp / len(kept) if kept else 0.0
    rec = len(found) / n_gold if n_gold else 0.0
    return p, rec, len(kept)
