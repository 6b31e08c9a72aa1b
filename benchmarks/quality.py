#!/usr/bin/env python3
"""Detection quality on data nobody on the team wrote, beside aspell and hunspell.

    .venv/bin/python benchmarks/quality.py [--data DIR] [--corpus DIR] [--no-baselines]
                                           [--no-curve] [--spelling-limit N]

Prints one table:
- ``ocr`` and ``mt-postedit``: reader's precision / recall / F1 (MT: surface recall) from
  the data's own scorers (``score/score_ocr.py``, ``score/score_mtpe.py``), with aspell
  and hunspell beside it when installed (their columns say ``n/a`` otherwise);
- ``spelling``: the share of misspellings ``reader check`` flags at all
  (``score/score_suggest.py --tools reader-check``);
- ``corpus``: error recall and precision on the development corpus (its ``score.py``);
- ``clean news``: findings per 1,000 words on the clean news passages of the NER data
  (every finding there is a false alarm, give or take a real slip in the source);
then, unless ``--no-curve``, a precision-recall summary of the confidence threshold on
the OCR and MT sets and on the clean news (one in-process analysis with every candidate
kept, labelled the scorers' way; see ``tools/devdata.py``). The shipped levels
(strict / balanced / thorough) are marked.

``--data``/``--corpus`` default to ``../shared/data`` and ``../shared/corpus`` beside the
checkout (or a folder above it). Needs the project installed in the running Python.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import devdata as dd  # noqa: E402


def reader_bin() -> str:
    exe = Path(sys.executable).with_name("reader")
    return str(exe) if exe.exists() else (shutil.which("reader") or "reader")


def run(cmd: list[str]) -> str:
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if res.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:3])}… failed (exit {res.returncode}): {res.stderr.strip()[-300:]}")
    return res.stdout


def summary_line(out: str) -> dict[str, str]:
    line = [x for x in out.strip().splitlines() if "=" in x][-1]
    return dict(kv.split("=", 1) for kv in line.split())


def f1(p, r):
    return 2 * p * r / (p + r) if p and r else 0.0


def score_ocr(data: Path, tmp: Path, baselines: bool) -> dict:
    cmd = [sys.executable, str(data / "score" / "score_ocr.py"), "--data", str(data),
           "--reader", reader_bin(), "--out", str(tmp), "--quiet"]
    run(cmd + ([] if baselines else ["--no-baselines"]))
    pooled = json.loads((tmp / "ocr.json").read_text(encoding="utf-8"))
    sets = pooled["sets"]
    out = {}
    for tool in ("reader", "aspell", "hunspell"):
        rows = [s["tools"][tool] for s in sets.values() if tool in s["tools"]]
        if rows:
            r = rows[0] if len(rows) == 1 else pooled["pooled"][tool]
            out[tool] = (r["p"], r["r"], r["f1"])
    return out


def score_mtpe(data: Path, tmp: Path, baselines: bool) -> dict:
    cmd = [sys.executable, str(data / "score" / "score_mtpe.py"), "--data", str(data),
           "--reader", reader_bin(), "--out", str(tmp), "--quiet"]
    run(cmd + ([] if baselines else ["--no-baselines"]))
    tools = json.loads((tmp / "mtpe.json").read_text(encoding="utf-8"))["tools"]
    return {t: (r["precision"], r["surface_recall"], r["flags_per_kwords"]) for t, r in tools.items()}


def score_spelling(data: Path, limit: int | None) -> float:
    cmd = [sys.executable, str(data / "score" / "score_suggest.py"), "--data", str(data),
           "--reader", reader_bin(), "--tools", "reader-check", "--quiet"]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    return float(summary_line(run(cmd))["check_flagged"])


def score_corpus(corpus: Path, tmp: Path) -> tuple[float, float]:
    report = tmp / "corpus.json"
    report.write_text(run([reader_bin(), "check", "--format", "json",
                           *map(str, sorted(corpus.glob("*.txt")))]), encoding="utf-8")
    s = summary_line(run([sys.executable, str(corpus / "score.py"), str(corpus / "gold.json"),
                          str(report), "--text-dir", str(corpus)]))
    return float(s["error_precision"]), float(s["error_recall"])


def clean_news(data: Path, tmp: Path, threshold: str | None = None) -> tuple[int, int]:
    """(findings, words) of ``reader check`` on the clean news passages."""
    folder = tmp / "news"
    folder.mkdir(exist_ok=True)
    texts = dd.news_texts(data)
    paths = []
    for i, t in enumerate(texts):
        p = folder / f"news-{i:03d}.txt"
        p.write_text(t, encoding="utf-8")
        paths.append(str(p))
    extra = ["--min-confidence", threshold] if threshold else []
    rep = json.loads(run([reader_bin(), "check", "--format", "json", *extra, *paths]))
    n = sum(len(a["findings"]) for a in rep["articles"])
    words = sum(len(re.findall(r"[A-Za-z0-9]+", t)) for t in texts)
    return n, words


def curve(data: Path) -> list[str]:
    """Precision/recall of every threshold on OCR, MT and clean news (in-process)."""
    from reader.analysis.confidence import levels

    ocr = dd.ocr_docs(data)
    ocr_rows, ocr_n = dd.label_ocr(ocr, dd.analyse([d["text"] for d in ocr]))
    mt = dd.mtpe_docs(data)
    mt_rows, mt_n = [], 0
    found = []
    for pair in sorted({d["pair"] for d in mt}):
        group = [d for d in mt if d["pair"] == pair]
        found.extend(zip(group, dd.analyse([d["text"] for d in group], together=True)))
    mt_rows, mt_n = dd.label_mtpe([d for d, _ in found], [f for _, f in found])
    news = dd.news_texts(data)
    news_found = dd.analyse(news)
    words = sum(len(re.findall(r"[A-Za-z0-9]+", t)) for t in news)
    named = {round(v, 2): k for k, v in levels().items()}
    grid = sorted({round(0.1 * i, 2) for i in range(1, 10)} | set(named))
    lines = ["threshold | OCR P / R / F1 | MT P / surface R | clean news per 1k words",
             "---|---|---|---"]
    for t in grid:
        p, r, _ = dd.pr_at(ocr_rows, ocr_n, t)
        mp, mr, _ = dd.pr_at(mt_rows, mt_n, t)
        n = sum(1 for fs in news_found for f in fs if f.confidence >= t)
        mark = f" ({named[t]})" if t in named else ""
        lines.append(f"{t:.2f}{mark} | {p:.3f} / {r:.3f} / {f1(p, r):.3f} | {mp:.3f} / {mr:.3f} | "
                     f"{1000 * n / words:.2f}")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=dd.DEFAULT_DATA)
    ap.add_argument("--corpus", type=Path, default=dd.DEFAULT_CORPUS)
    ap.add_argument("--no-baselines", action="store_true", help="skip aspell and hunspell")
    ap.add_argument("--no-curve", action="store_true", help="skip the confidence curve")
    ap.add_argument("--spelling-limit", type=int, default=None,
                    help="misspellings per spelling set (the scorer's default when unset)")
    args = ap.parse_args(argv)
    if not (args.data / "score").is_dir():
        print(f"no scorers in {args.data / 'score'} (give --data)", file=sys.stderr)
        return 2
    baselines = not args.no_baselines
    with tempfile.TemporaryDirectory(prefix="reader-quality-") as t:
        tmp = Path(t)
        ocr = score_ocr(args.data, tmp, baselines)
        mt = score_mtpe(args.data, tmp, baselines)
        flagged = score_spelling(args.data, args.spelling_limit)
        cp, cr = score_corpus(args.corpus, tmp) if (args.corpus / "score.py").exists() else (None, None)
        n, words = clean_news(args.data, tmp)

    def cell(d, tool, fmt):
        return fmt(d[tool]) if tool in d else "n/a (not installed)" if baselines else "skipped"

    ocr_fmt = lambda v: f"{v[0]:.3f} / {v[1]:.3f} / {v[2]:.3f}"  # noqa: E731
    mt_fmt = lambda v: f"{v[0]:.3f} / {v[1]:.3f} ({v[2]:.1f} flags per 1k)"  # noqa: E731
    print("set | reader | aspell | hunspell | target")
    print("---|---|---|---|---")
    print(f"ocr/ P / R / F1 | {ocr_fmt(ocr['reader'])} | {cell(ocr, 'aspell', ocr_fmt)} | "
          f"{cell(ocr, 'hunspell', ocr_fmt)} | F1 >= 0.72, P >= 0.85")
    print(f"mt-postedit/ P / surface R | {mt_fmt(mt['reader'])} | {cell(mt, 'aspell', mt_fmt)} | "
          f"{cell(mt, 'hunspell', mt_fmt)} | R >= 0.35, P >= 0.85")
    print(f"spelling/ flagged by reader check | {flagged:.3f} | - | - | >= 0.97")
    if cp is not None:
        print(f"corpus error P / R | {cp:.3f} / {cr:.3f} | - | - | both >= 0.95")
    print(f"clean news findings per 1k words | {1000 * n / words:.2f} ({n} in {words} words) | - | - | <= 3")
    if not args.no_curve:
        print()
        print("\n".join(curve(args.data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
