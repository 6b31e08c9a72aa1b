"""Whole-process speed and memory of ``reader check`` on a generated ~1M-word text.

The text is deterministic: words sampled by frequency from wordfreq's English top list,
in sentences and paragraphs, with capitalised names, numbers and ~1% typos (random edits
of the sampled word). ``reader check --format json`` runs on it as a subprocess (one warm-up
run first, so the optional lexicon cache exists); the timed run's wall time and the peak
RSS of the children are reported (best of ``--runs``: the machine is shared, so the best
run is the one least disturbed by other work; the CPU time is reported too). If aspell or hunspell is installed, each lists the
misspelled words of the same text (``aspell list`` / ``hunspell -l``) and the ratios are
printed. The last line is ``words_per_s=N peak_mb=N``.

    python benchmarks/check_speed.py [--words 1000000] [--keep PATH]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    op = rng.randrange(4)
    if op == 0 and len(word) > 3:
        return word[:i] + word[i + 1:]
    if op == 1:
        return word[:i] + rng.choice(string.ascii_lowercase) + word[i:]
    if op == 2 and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice(string.ascii_lowercase) + word[i + 1:]


def generate(n_words: int, seed: int = 1) -> str:
    """A deterministic English-like text of about ``n_words`` words."""
    from wordfreq import top_n_list, word_frequency

    rng = random.Random(seed)
    vocab = [w for w in top_n_list("en", 30000) if w.isalpha()]
    weights = [word_frequency(w, "en") for w in vocab]
    first = ["Anna", "Tomasz", "Ingrid", "Luis", "Verena", "Kofi", "Mei", "Ravi", "Olga", "Jonas"]
    last = ["Halvorsen", "Wierzbicki", "Okafor", "Pichler", "Gruber", "Nakamura", "Costa",
            "Lindqvist", "Moreau", "Dubois", "Kowalczyk", "Haddad"]
    sample = rng.choices(vocab, weights, k=n_words)
    out: list[str] = []
    words = 0
    i = 0
    para: list[str] = []
    while i < len(sample):
        length = rng.randint(8, 24)
        sent = sample[i : i + length]
        i += length
        sent = [_typo(w, rng) if len(w) > 3 and rng.random() < 0.01 else w for w in sent]
        if rng.random() < 0.3:
            at = rng.randrange(len(sent))
            sent[at] = f"{rng.choice(first)} {rng.choice(last)}"
        if rng.random() < 0.1:
            sent.insert(rng.randrange(len(sent)), str(rng.randint(2, 2030)))
        if len(sent) > 6 and rng.random() < 0.5:
            sent[rng.randrange(2, len(sent) - 2)] += ","
        s = " ".join(sent)
        para.append(s[:1].upper() + s[1:] + ".")
        words += len(sent)
        if rng.random() < 0.2:
            out.append(" ".join(para))
            para = []
    out.append(" ".join(para))
    return "\n\n".join(out) + "\n"


def _run(cmd: list[str], stdin=None) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    proc = subprocess.run(cmd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return time.perf_counter() - t, proc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--keep", metavar="PATH", help="also write the generated text here")
    ap.add_argument("--runs", type=int, default=3, help="timed runs; the best is reported")
    args = ap.parse_args()

    text = generate(args.words)
    n_words = len(text.split())
    tmp = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    path = tmp / "bench.txt"
    path.write_text(text, encoding="utf-8")
    if args.keep:
        Path(args.keep).write_text(text, encoding="utf-8")
    reader = [sys.executable, "-m", "reader"]
    env_note = os.environ.get("READER_CACHE", "default cache folder")
    print(f"text: {n_words:,} words, {len(text):,} chars ({env_note})")

    _run([*reader, "check", "--format", "json", str(path)])  # warm-up (builds the cache)
    walls, cpus = [], []
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, proc = _run([*reader, "check", "--format", "json", str(path)])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode not in (0, 1):
            sys.exit(f"reader check failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
        walls.append(wall)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    # ru_maxrss of children is the largest single process (the worker is smaller)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    import json

    report = json.loads(proc.stdout)
    n_find = len(report["articles"][0]["findings"])
    wall = min(walls)
    print(
        f"reader check: best {wall:.2f} s of {args.runs} runs "
        f"({', '.join(f'{w:.2f}' for w in walls)}), cpu {min(cpus):.2f} s incl. worker, "
        f"{n_find:,} findings; load average {os.getloadavg()[0]:.1f}"
    )

    for name, cmd in (("aspell", ["aspell", "list", "--lang=en"]), ("hunspell", ["hunspell", "-l", "-d", "en_US"])):
        if shutil.which(cmd[0]) is None:
            print(f"{name}: not installed")
            continue
        with open(path, "rb") as fh:
            t, p = _run(cmd, stdin=fh)
        if p.returncode != 0:
            print(f"{name}: failed ({p.stderr.decode(errors='replace').strip()[:200]})")
            continue
        flagged = len(p.stdout.splitlines())
        print(f"{name}: {t:.2f} s, {flagged:,} words listed; reader/{name} time ratio = {wall / t:.2f}")

    shutil.rmtree(tmp, ignore_errors=True)
    print(f"analyze() on a 10,000-word article: {article_ms():.0f} ms (median of 5, warm lexicon)")
    print(f"words_per_s={int(n_words / wall)} peak_mb={int(peak_mb)}")


def article_ms() -> float:
    """The reading view's case: one 10,000-word article analysed in this process."""
    import statistics

    sys.path.insert(0, str(_ROOT))
    from reader.analysis import analyze

    text = generate(10_000, seed=2)
    analyze("A warm-up sentence with a typo: goverment.")
    times = []
    for _ in range(5):
        t = time.perf_counter()
        analyze(text)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    main()
