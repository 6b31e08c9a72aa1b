"""How long saving one annotation takes as the library grows (issue 2's write-cost target).

For 1k, 10k and 100k annotations spread over 100 articles, builds a library (through
``put_annotations`` batches, one per article) and then times ~200 single
``Library.put_annotation`` calls — each one locked, atomic and fsynced — printing::

    annotations=N save_ms_median=X save_ms_p95=Y

It also checks that no article text and not the main library file were rewritten by those
saves, and, for comparison, times TinyDB's default single-file ``JSONStorage`` at 10k
documents of the same size (fewer saves: each costs tens of milliseconds).

Run: ``python benchmarks/store_bench.py [--sizes 1000,10000,100000] [--saves 200]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.model import Anchor, Annotation  # noqa: E402
from reader.store import Library  # noqa: E402

ARTICLES = 100
WORDS = "harbour quota trawler mosaic railway council minister archive frost tile".split()


def article_text(n: int, rng: random.Random) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(600))
    return f"Article {n}\n\n{body}\n"


def make_annotation(article_id: str, n: int, rng: random.Random) -> Annotation:
    start = rng.randrange(0, 3000)
    return Annotation(
        id=f"a{n:07d}{rng.randrange(1 << 30):08x}",
        article_id=article_id,
        anchor=Anchor(start, start + 12, "quoted text!", prefix="some words before ", suffix=" and after it"),
        note="a note of moderate length, about the size a person would type" ,
        tags=("check",),
        created="2026-01-01T00:00:00+00:00",
        updated="2026-01-01T00:00:00+00:00",
    )


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def snapshot(paths: list[Path]) -> dict[Path, tuple[int, int]]:
    return {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in paths}


def bench_library(total: int, saves: int, root: Path) -> tuple[float, float]:
    rng = random.Random(total)
    lib = Library.open(root / "library.json")
    ids = [lib.add_article(article_text(n, rng), title=f"Article {n}").info.id for n in range(ARTICLES)]
    per = total // ARTICLES
    counter = 0
    for aid in ids:
        batch = []
        for _ in range(per):
            batch.append(make_annotation(aid, counter, rng))
            counter += 1
        lib.put_annotations(aid, batch)
    frozen = snapshot(sorted(lib.texts_dir.iterdir()) + [lib.path])
    times = []
    for _ in range(saves):
        ann = make_annotation(rng.choice(ids), counter, rng)
        counter += 1
        t0 = time.perf_counter()
        lib.put_annotation(ann)
        times.append((time.perf_counter() - t0) * 1000)
    if snapshot(list(frozen)) != frozen:
        raise SystemExit("FAIL: an annotation save rewrote an article text or the main library file")
    stored = sum(lib.record_counts(a)["annotations"] for a in ids)
    if stored != total + saves:
        raise SystemExit(f"FAIL: {stored} annotations stored, expected {total + saves}")
    lib.close()
    return statistics.median(times), percentile(times, 95)


def bench_tinydb_default(total: int, saves: int, root: Path) -> tuple[float, float]:
    """TinyDB's own JSONStorage, everything in one file (what the design avoids)."""
    from tinydb import TinyDB

    rng = random.Random(total)
    path = root / "single.json"
    db = TinyDB(path)
    table = db.table("annotations")
    table.insert_multiple(make_annotation(f"art{n % ARTICLES}", n, rng).to_record() for n in range(total))
    times = []
    for n in range(saves):
        rec = make_annotation("art0", total + n, rng).to_record()
        t0 = time.perf_counter()
        table.insert(rec)
        times.append((time.perf_counter() - t0) * 1000)
    db.close()
    return statistics.median(times), percentile(times, 95)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--saves", type=int, default=200)
    ap.add_argument("--baseline-saves", type=int, default=30)
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    base = os.environ.get("READER_BENCH_DIR")  # put it on the disk you care about
    for total in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(dir=base) as tmp:
            median, p95 = bench_library(total, args.saves, Path(tmp))
        print(f"annotations={total} save_ms_median={median:.2f} save_ms_p95={p95:.2f}", flush=True)
    if not args.no_baseline:
        with tempfile.TemporaryDirectory(dir=base) as tmp:
            median, p95 = bench_tinydb_default(10000, args.baseline_saves, Path(tmp))
        print(
            f"tinydb_default_single_file annotations=10000 save_ms_median={median:.2f} "
            f"save_ms_p95={p95:.2f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
