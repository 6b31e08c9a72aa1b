"""Whole-process speed and memory of ``reader check`` on a generated ~1M-word text.

The text is deterministic: words sampled by frequency from wordfreq's English top list,
in sentences and paragraphs, with capitalised names, numbers and ~1% typos (random edits
of the sampled word). ``reader check --format json`` runs on it as a subprocess (one warm-up
run first, so the optional lexicon cache exists); the timed run's wall time and the peak
RSS of the command (measured by a small wrapper process) are reported (best of ``--runs``: the machine is shared, so the best
run is the one least disturbed by other work; the CPU time is reported too). If aspell or hunspell is installed, each lists the
misspelled words of the same text (``aspell list`` / ``hunspell -l``) and the ratios are
printed. The last line is ``words_per_s=N peak_mb=N``.

    python benchmarks/check_speed.py [--words 1000000] [--keep PATH]
"""

from __future__ import annotations

import argparse
import os
import random
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


# A child's ru_maxrss starts at its parent's resident size (Linux records the old address
# space's high-water mark at exec), so a benchmark that generated a big text in this
# process would report its own size. A tiny wrapper process runs the command instead and
# reports the command's own figures: exit status, wall s, CPU s, peak kB.
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "status = subprocess.run(sys.argv[2:]).returncode\n"
    "wall = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "open(sys.argv[1], 'w').write(f'{status} {wall} {u.ru_utime + u.ru_stime} {u.ru_maxrss}')\n"
)


def measure(cmd: list[str]) -> tuple[int, float, float, float, bytes, bytes]:
    """Run ``cmd``: ``(status, wall s, cpu s, peak MB, stdout, stderr)``, the figures
    being those of ``cmd`` alone (children included, the peak of the largest process)."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        proc = subprocess.run([sys.executable, "-c", _MEASURE, report.name, *cmd],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        status, wall, cpu, peak_kb = report.read().split()
    return int(status), float(wall), float(cpu), int(peak_kb) / 1024, proc.stdout, proc.stderr


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
    walls, cpus, peaks = [], [], []
    for _ in range(args.runs):
        status, wall, cpu, peak, stdout, stderr = measure([*reader, "check", "--format", "json", str(path)])
        if status not in (0, 1):
            sys.exit(f"reader check failed ({status}): {stderr.decode()[:500]}")
        walls.append(wall)
        cpus.append(cpu)
        peaks.append(peak)  # ru_maxrss: the largest single process (the worker is smaller)
    peak_mb = max(peaks)
    import json

    report = json.loads(stdout)
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
