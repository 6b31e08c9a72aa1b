"""Cost of one keyboard correction on a 100,000-word article with a few hundred corrections.

Measures the core's share of key-to-repaint (the UI target is <= 50 ms median): the
Editor's ``correct`` (record write + history save, both atomic and fsynced) and the
re-projection a repaint needs (``project`` = corrected text + OffsetMap, and
``Review.reload`` = records re-read, context, re-analysis of the touched paragraph, open
findings refiltered). Also prints a full analysis of the article for comparison.

    .venv/bin/python benchmarks/correction_bench.py [--words 100000] [--corrections 300] [--runs 25]

Prints ``correct_ms_median=X`` (correct + reload, the number the UI budget cares about).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.corrections import project  # noqa: E402
from reader.editing import Editor, new_record_id, now_precise  # noqa: E402
from reader.model import Correction  # noqa: E402
from reader.review import Review  # noqa: E402
from reader.samples import sample_names, sample_text  # noqa: E402
from reader.store import Library  # noqa: E402


def build_text(words: int) -> str:
    """The bundled samples repeated to ``words`` words (realistic noisy paragraphs)."""
    base = "\n\n".join(sample_text(n).strip() for n in sample_names())
    per = len(base.split())
    copies = words // per + 1
    text = "\n\n".join([base] * copies)
    cut = [m.start() for m in re.finditer(r"\S+", text)][words - 1]
    end = text.find("\n", cut)
    return text[: end if end > 0 else len(text)] + "\n"


def ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--corrections", type=int, default=300)
    ap.add_argument("--runs", type=int, default=25)
    args = ap.parse_args()
    rng = random.Random(7)
    text = build_text(args.words)
    spans = [m.span() for m in re.finditer(r"[A-Za-z]{4,}", text)]
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "library.json")
        aid = lib.add_article(text, title="bench").info.id
        picked = sorted(rng.sample(range(len(spans)), args.corrections + args.runs))
        stored = picked[: args.corrections]
        stamp = now_precise()
        lib.apply_changes(aid, put_corrections=[
            Correction(new_record_id(), aid, s, e, text[s:e], text[s:e].upper(), None, stamp)
            for s, e in (spans[i] for i in stored)
        ])
        editor = Editor(lib)
        # fill the history with real steps on one spot, then restore it
        s0, e0 = spans[stored[0]]
        for n in range(editor.history_limit):
            editor.correct(aid, s0, e0, f"W{n}")
        t0 = time.perf_counter()
        review = Review.for_article(lib, aid)
        full_ms = ms(t0)
        print(f"article: {len(text.split())} words, {len(text)} chars, "
              f"{len(lib.corrections(aid))} corrections, history {len(editor.history())} steps")
        print(f"initial Review (full analysis) ms={full_ms:.1f}, open findings={len(review.findings)}")
        todo = [spans[i] for i in picked[args.corrections:]]
        rng.shuffle(todo)
        correct_t, project_t, reload_t, total_t, chars, cpu_t = [], [], [], [], [], []
        for s, e in todo:
            c0 = time.process_time()
            t0 = time.perf_counter()
            change = editor.correct(aid, s, e, text[s:e].swapcase())
            t1 = time.perf_counter()
            review.reload(lib, change)
            t2 = time.perf_counter()
            cpu_t.append((time.process_time() - c0) * 1000)
            correct_t.append((t1 - t0) * 1000)
            reload_t.append((t2 - t1) * 1000)
            total_t.append((t2 - t0) * 1000)
            chars.append(review.reanalysed_chars)
            t3 = time.perf_counter()
            project(text, lib.corrections(aid))
            project_t.append(ms(t3))
        t0 = time.perf_counter()
        change = editor.undo()
        review.reload(lib, change)
        undo_ms = ms(t0)
        undo_chars = review.reanalysed_chars
        lib.close()
    med = statistics.median
    print(f"correct() [write+history] median ms={med(correct_t):.1f} max={max(correct_t):.1f}")
    print(f"project() [corrected text + OffsetMap] median ms={med(project_t):.2f}")
    print(f"Review.reload() [context + paragraph re-analysis] median ms={med(reload_t):.1f} "
          f"max={max(reload_t):.1f}, re-analysed chars median={med(chars):.0f}")
    print(f"undo()+reload ms={undo_ms:.1f}, re-analysed chars={undo_chars}")
    print(f"correct+reload CPU ms median={med(cpu_t):.1f} (wall minus CPU: fsync and other processes)")
    print(f"correct_ms_median={med(total_t):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
