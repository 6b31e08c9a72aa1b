"""Wall time and peak memory of ``reader check --format json`` on a ~50 MB text.

Issue 9 wants a 50 MB text to work, with progress, within the memory target. The text is
deterministic and written in blocks, so this process stays small:

- ``news`` (default): check_speed.py's generator (frequency-sampled English in sentences
  and paragraphs, names, numbers, ~1% typos), one 200,000-word block per seed;
- ``dense``: the fault suite's ten-word paragraphs (a misspelling, a place and a date in
  every few words), a worst case for the number of findings and entities.

One warm-up run on a tiny file first (so the lexicon cache exists); then the timed run,
measured by a small wrapper process (see check_speed.measure). The last line is
``mb=N seconds=X peak_mb=Y``.

    python benchmarks/big_check.py [--mb 50] [--style news|dense] [--keep PATH] [--text PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_speed import generate, measure  # noqa: E402


def write_news(path: Path, size: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        written, seed = 0, 100
        while written < size:
            block = generate(200_000, seed=seed)
            if seed > 100:
                block = "\n" + block
            f.write(block)
            written += len(block.encode("utf-8"))
            seed += 1


def write_dense(path: Path, size: int) -> None:
    rng = random.Random(50)
    words = ["harbour", "boat", "the", "and", "storm", "Tuesday", "crate", "Geneva", "master", "goverment"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("Fifty megabytes\n\n")
        written = 0
        while written < size:
            para = " ".join(rng.choice(words) for _ in range(150)) + ".\n\n"
            f.write(para)
            written += len(para)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=50, help="size of the generated text (MB)")
    ap.add_argument("--style", choices=("news", "dense"), default="news")
    ap.add_argument("--keep", metavar="PATH", help="write the generated text here (and keep it)")
    ap.add_argument("--text", metavar="PATH", help="check this existing file instead")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="reader-big-") as tmp:
        if args.text:
            path = Path(args.text)
        else:
            path = Path(args.keep) if args.keep else Path(tmp) / "big.txt"
            (write_news if args.style == "news" else write_dense)(path, args.mb * 1_000_000)
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("A warm-up note about the goverment.\n", encoding="utf-8")
        reader = [sys.executable, "-m", "reader", "check", "--format", "json"]
        measure([*reader, str(tiny)])  # warm-up: builds the lexicon cache if missing
        status, wall, cpu, peak, out, err = measure([*reader, str(path)])
        if status not in (0, 1):
            sys.exit(f"reader check failed ({status}): {err.decode(errors='replace')[-500:]}")
        art = json.loads(out)["articles"][0]
        mb = path.stat().st_size / 1_000_000
        print(f"{path.name}: {mb:.1f} MB, {len(art['findings']):,} findings, "
              f"{len(art['entities']):,} entities, cpu {cpu:.1f} s incl. worker")
        print(f"mb={mb:.0f} seconds={wall:.1f} peak_mb={peak:.0f}")


if __name__ == "__main__":
    main()
