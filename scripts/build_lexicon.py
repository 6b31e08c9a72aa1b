#!/usr/bin/env python3
"""Build ``reader/analysis/data/lexicon.bin`` from wordfreq's packaged word lists.

The file ships in the package so that no install ever builds it (see
``reader/analysis/lexdata.py`` for its layout). Run after changing the lexicon format,
the suggestion vocabulary, the phonetic key or the wordfreq version:

    python scripts/build_lexicon.py [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "reader" / "analysis" / "data" / "lexicon.bin")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from reader.analysis.lexdata import LexData
    from reader.analysis.lexdata_build import build_from_wordfreq

    t0 = time.perf_counter()
    data = build_from_wordfreq()
    LexData(data)  # refuse to write a file the loader cannot read
    tmp = args.out.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(args.out)
    print(f"wrote {args.out.name}: {len(data) / 1e6:.1f} MB in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
