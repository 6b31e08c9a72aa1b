"""Suggestion quality and speed on real misspellings, side by side with aspell and hunspell.

Reads the spelling sets of the evaluation data folder (``spelling/`` with Peter Norvig's
test set, Wikipedia's common misspellings and the Birkbeck corpus; ``--data``, default
``$READER_EVAL_DATA`` or ``../shared/data``), asks the reader's suggester for five
suggestions per misspelling in-process, and aspell and hunspell (when installed) through
their pipe mode. Prints top-1 / top-5 per set and pooled, the reader's time per word
(median and 95th percentile, wall and CPU), and the same figures for the two halves of
the Wikipedia set (one half was used to tune the ranking's weights, the other was not;
the Birkbeck words scored here are held out of the error model's training).

Sets are read as the project's scorer reads them: a ``.tab`` misspelling with several
right words accepts any, pairs differing only in case are skipped, Birkbeck entries with
several words or punctuation are skipped and a fixed sample (seed 12345) of 2,000 scored.

    python benchmarks/suggest_quality.py [--data DIR] [--limit N] [--no-baselines] [--no-hunspell]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import zlib
from pathlib import Path

SEED = 12345
DAT_SAMPLE = 2000


def load_txt(path: Path) -> list[tuple[str, set[str]]]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if ":" not in line:
            continue
        right, wrongs = line.split(":", 1)
        for w in wrongs.split():
            out.append((w, {right.strip()}))
    return out


def load_tab(path: Path) -> list[tuple[str, set[str]]]:
    rights: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if "\t" not in line:
            continue
        wrong, right = (x.strip() for x in line.split("\t", 1))
        if wrong and right and wrong.lower() != right.lower():
            rights.setdefault(wrong, set()).add(right)
    return list(rights.items())


def load_dat(path: Path) -> list[tuple[str, set[str]]]:
    pairs, right = [], None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("$"):
            right = line[1:]
            continue
        if right is None or not right.isalpha() or not line.isalpha() or line.lower() == right.lower():
            continue
        pairs.append((line, right))
    sample = random.Random(SEED).sample(pairs, min(DAT_SAMPLE, len(pairs)))
    return [(w, {r}) for w, r in sample]


def load_sets(data: Path, limit: int | None) -> dict[str, list[tuple[str, set[str]]]]:
    folder = data / "spelling"
    sets = {}
    for f in sorted(folder.glob("*.txt")):
        sets[f.stem] = load_txt(f)
    for f in sorted(folder.glob("*.tab")):
        sets[f.stem] = load_tab(f)
    for f in sorted(folder.glob("*.dat")):
        sets[f.stem] = load_dat(f)
    if limit:
        sets = {k: (random.Random(SEED).sample(v, limit) if len(v) > limit else v) for k, v in sets.items()}
    return sets


def reader_answers(words: list[str]) -> tuple[list[list[str]], list[float], list[float]]:
    from reader.analysis.lexicon import get_lexicon
    from reader.analysis.suggest import Suggester

    sugg = Suggester(get_lexicon())
    sugg.ranked("warmup")
    answers, wall, cpu = [], [], []
    for w in words:
        t0, c0 = time.perf_counter(), time.process_time()
        answers.append(sugg.ranked(w, limit=5))
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - t0)
    return answers, wall, cpu


def pipe_answers(cmd: list[str], words: list[str]) -> list[list[str]]:
    """Five suggestions per word from an ispell-compatible pipe (aspell -a, hunspell -a);
    a word the tool accepts answers itself."""
    env = dict(os.environ, LC_ALL="C.UTF-8")
    text = "".join(f"^{w}\n" for w in words)
    res = subprocess.run(cmd, input=text, capture_output=True, text=True, env=env, check=True)
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in res.stdout.splitlines()[1:]:  # the first line is the banner
        if not line.strip():
            blocks.append(cur)
            cur = []
        else:
            cur.append(line)
    out = []
    for w, block in zip(words, blocks):
        first = block[0] if block else "*"
        if first.startswith("&"):
            out.append([s.strip() for s in first.split(":", 1)[1].split(",")][:5])
        elif first.startswith("#"):
            out.append([])
        else:
            out.append([w])
    if len(out) != len(words):
        raise RuntimeError(f"{cmd[0]}: {len(out)} answers for {len(words)} words")
    return out


def score(items, answers) -> tuple[float, float]:
    t1 = t5 = 0
    for (_, rights), ans in zip(items, answers):
        rl = {r.lower() for r in rights}
        al = [a.lower() for a in ans[:5]]
        t1 += bool(al) and al[0] in rl
        t5 += any(a in rl for a in al)
    n = max(1, len(items))
    return t1 / n, t5 / n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path,
                    default=Path(os.environ.get("READER_EVAL_DATA", "../shared/data")))
    ap.add_argument("--limit", type=int, help="at most N misspellings per set (fixed sample)")
    ap.add_argument("--no-baselines", action="store_true", help="skip aspell and hunspell")
    ap.add_argument("--no-hunspell", action="store_true", help="skip hunspell (35 ms a word)")
    args = ap.parse_args()
    if not (args.data / "spelling").is_dir():
        print(f"error: no spelling/ folder under {args.data} (pass --data)", file=sys.stderr)
        return 2
    sets = load_sets(args.data, args.limit)
    words = [w for items in sets.values() for w, _ in items]

    tools: dict[str, list[list[str]]] = {}
    answers, wall, cpu = reader_answers(words)
    tools["reader"] = answers
    if not args.no_baselines:
        if shutil.which("aspell"):
            tools["aspell"] = pipe_answers(["aspell", "-a", "-d", "en_US"], words)
        else:
            print("note: aspell not installed", file=sys.stderr)
        if not args.no_hunspell and shutil.which("hunspell"):
            tools["hunspell"] = pipe_answers(["hunspell", "-a", "-d", "en_US", "-i", "utf-8"], words)

    rows: list[tuple[str, list[tuple[str, set[str]]], dict[str, list[list[str]]]]] = []
    pos = 0
    for name, items in sets.items():
        per = {t: a[pos:pos + len(items)] for t, a in tools.items()}
        rows.append((name, items, per))
        if name.startswith("wikipedia"):
            for half, label in ((0, "tuning half"), (1, "held-out half")):
                keep = [i for i, (w, _) in enumerate(items) if zlib.crc32(w.encode()) % 2 == half]
                rows.append((f"  {label}", [items[i] for i in keep],
                             {t: [a[i] for i in keep] for t, a in per.items()}))
        pos += len(items)
    rows.append(("pooled", [it for items in sets.values() for it in items], tools))

    print(f"{'set':28s} {'n':>5s}  " + "  ".join(f"{t + ' top1/top5':>20s}" for t in tools))
    for name, items, per in rows:
        cells = "  ".join(f"{'%.3f / %.3f' % score(items, per[t]):>20s}" for t in tools)
        print(f"{name:28s} {len(items):5d}  {cells}")
    wall.sort()
    cpu.sort()
    p95 = int(len(wall) * 0.95)
    print(f"reader ms/word: wall median {statistics.median(wall) * 1000:.3f} p95 {wall[p95] * 1000:.3f}; "
          f"CPU median {statistics.median(cpu) * 1000:.3f} p95 {cpu[p95] * 1000:.3f} "
          f"(load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
