"""Reading-view benchmark: a 1,000,000-word article in the headless app.

Measures (``TEXTUAL_ANIMATIONS=none``, ``run_test`` at 120x40):

* ``first_paint_s``: from asking the app to open the article to the first row painted;
* ``key_ms_median``: median time from a key press (``e`` next error, ``space`` page down)
  to the last row of the repaint it causes;
* ``peak_mb``: peak resident memory of the process (``ru_maxrss``);
* ``startup_s``: ``reader`` (a fresh interpreter, as the console script starts it) to the
  library screen's first paint, headless.

The analyzer is a fast synthetic one (a finding every ~40 words, an entity every ~25) so
the figures are the view's, not the analysis engine's. Ends with one line
``first_paint_s=X key_ms_median=Y peak_mb=Z``.

Run: ``.venv/bin/python benchmarks/view_bench.py [--words N]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["TEXTUAL_ANIMATIONS"] = "none"

WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which "
    "but have an they you were her she there been one all we their has would when if so no will "
    "harbour minister council trawlers quota agreement scientists survey season plant workers "
    "Tórshavn Klaksvík Copenhagen Norðhavið café naïve 東京 📰 goverment wich untill rnonth"
).split()


def make_text(n_words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    paras, count = [], 0
    while count < n_words:
        k = rng.randint(40, 160)
        words = [rng.choice(WORDS) for _ in range(k)]
        words[0] = words[0].capitalize()
        paras.append(" ".join(words) + ".")
        count += k
    return "\n\n".join(paras) + "\n"


def synthetic_analyzer(text, context=None):
    from reader.model import Analysis, Entity, Finding

    findings, entities = [], []
    for i, m in enumerate(re.finditer(r"\b(goverment|wich|untill|rnonth)\b", text)):
        findings.append(Finding(m.start(), m.end(), m.group(), "misspelling", "not in the dictionary", ("fix",)))
    for m in re.finditer(r"\b(Tórshavn|Klaksvík|Copenhagen)\b", text):
        entities.append(Entity(m.start(), m.end(), m.group(), "PLACE"))
    return Analysis(tuple(findings), tuple(entities))


async def measure_view(n_words: int, real: bool = False) -> tuple[float, float, float, float]:
    from reader.store import Library
    from reader.ui.app import ReaderApp
    from reader.ui.screens.reading import ReadingScreen
    from reader.ui.widgets.article_view import ArticleView

    tmp = Path(tempfile.mkdtemp())
    lib = Library.open(tmp / "library.json")
    text = make_text(n_words)
    article_id = lib.add_article(text, title="Big", source="big.txt").info.id

    painted: list[float] = []
    original = ArticleView.render_line

    def timed_render_line(self, y):
        strip = original(self, y)
        if self.layout_rows is not None:
            painted.append(time.perf_counter())
        return strip

    ArticleView.render_line = timed_render_line
    app = ReaderApp(lib, analyzer=None if real else synthetic_analyzer)
    key_ms: dict[str, list[float]] = {"e": [], "space": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        painted.clear()
        t0 = time.perf_counter()
        app.open_article(article_id)
        deadline = time.perf_counter() + 60
        while not painted and time.perf_counter() < deadline:
            await asyncio.sleep(0.001)
        if not painted:
            raise SystemExit("the reading view never painted")
        first_paint = painted[0] - t0
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        if real:
            # keys while the real analyzer is still running in its worker
            analysis_s = float("nan")
        else:
            # wait for the analysis to land (highlights), then time keys
            deadline = time.perf_counter() + 120
            while not screen.analysis.findings and time.perf_counter() < deadline:
                await asyncio.sleep(0.05)
            analysis_s = time.perf_counter() - t0
        await pilot.pause()
        for _ in range(15):
            for key in (("space", "space") if real else ("e", "space")):
                painted.clear()
                t = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                if painted:
                    key_ms[key].append((painted[-1] - t) * 1000)
    ArticleView.render_line = original
    all_ms = key_ms["e"] + key_ms["space"]
    print(f"words={n_words:,} chars={len(text):,} analysis_ready_s={analysis_s:.2f}")
    if real:
        print(f"while the real analyzer runs: page-down median {statistics.median(key_ms['space']):.1f} ms, "
              f"max {max(key_ms['space']):.1f} ms")
        key_ms["e"] = key_ms["space"]
    print(f"next-error median {statistics.median(key_ms['e']):.1f} ms, page-down median {statistics.median(key_ms['space']):.1f} ms ({len(all_ms)} presses)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if real:
        print(f"analysis process peak {child_mb:.0f} MB (separate from peak_mb)")
    return first_paint, statistics.median(all_ms), peak_mb, analysis_s


STARTUP_SCRIPT = r"""
import sys, time
t0 = float(sys.argv[1])
from reader.cli import build_parser
from reader.cli.common import open_library
args = build_parser().parse_args(["--db", sys.argv[2]])
lib = open_library(args)
from reader.ui.app import ReaderApp
from reader.ui.screens.library import LibraryScreen

class Timed(ReaderApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self._painted)

    def _painted(self):
        if isinstance(self.screen, LibraryScreen):
            print(f"{time.time() - t0:.3f}")
            self.exit()
        else:
            self.call_after_refresh(self._painted)

Timed(lib).run(headless=True, size=(120, 35))
"""


BASELINE_SCRIPT = r"""
import sys, time
t0 = float(sys.argv[1])
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("hello")

    def on_mount(self):
        self.call_after_refresh(self._painted)

    def _painted(self):
        print(f"{time.time() - t0:.3f}")
        self.exit()

Minimal().run(headless=True, size=(120, 35))
"""


def _time_script(script: str, *args: str) -> float:
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", script, str(t0), *args], capture_output=True, text=True)
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        print(out.stderr[-2000:], file=sys.stderr)
        raise SystemExit("start-up measurement failed")


def measure_startup(runs: int = 5) -> tuple[float, float]:
    """Median seconds to first paint: ``reader``'s library, and a minimal Textual app
    measured alternately in the same run (the ratio is what survives a busy machine)."""
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "library.json"
    subprocess.run([sys.executable, "-m", "reader", "--db", str(db), "list"], capture_output=True)  # seed
    ours, base = [], []
    for _ in range(runs):
        ours.append(_time_script(STARTUP_SCRIPT, str(db)))
        base.append(_time_script(BASELINE_SCRIPT))
    return statistics.median(ours), statistics.median(base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--no-startup", action="store_true")
    parser.add_argument("--real-analyzer", action="store_true",
                        help="use reader.analysis.analyze and time page-downs while it runs")
    args = parser.parse_args()
    if not args.no_startup:
        ours, base = measure_startup()
        print(f"startup_s={ours:.3f} (reader to library first paint, median of 5); "
              f"minimal Textual app {base:.3f} s; ratio {ours / base:.2f}")
    first_paint, key_ms, peak_mb, _ = asyncio.run(measure_view(args.words, args.real_analyzer))
    print(f"first_paint_s={first_paint:.3f} key_ms_median={key_ms:.1f} peak_mb={peak_mb:.0f}")


if __name__ == "__main__":
    main()
