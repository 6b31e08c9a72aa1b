"""Correction benchmark in the headless app: key-to-repaint for a menu pick on a
100,000-word article.

For each of ``--n`` corrections: ``z`` opens the suggestion menu on the current error
(not timed), then ``1`` picks the first suggestion; the time from pressing ``1`` to the
last row of the repaint it causes is recorded. That covers the store write (correction
and undo history, fsynced), the Review's re-analysis of the touched paragraph, the
re-projection of every layer and the re-wrap of the edited block. Also prints how long
the headless part takes on its own (``apply`` = Editor write + Review reload) and, as a
baseline measured in the same run, key-to-repaint for leaving the menu with ``escape``
(closing the modal and repainting, no correction).

The analyzer is view_bench's synthetic one (run in the calling thread) unless ``--real``
(the real engine in its process), so the figure is the UI path's, not the engine's.
Ends with one line ``correction_key_ms_median=X``.

Run: ``.venv/bin/python benchmarks/correction_ui_bench.py [--words N] [--n 20] [--real]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["TEXTUAL_ANIMATIONS"] = "none"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from view_bench import make_text, synthetic_analyzer  # noqa: E402


async def measure(n_words: int, n: int, real: bool) -> list[float]:
    from reader.store import Library
    from reader.ui.app import ReaderApp
    from reader.ui.correction_actions import CorrectionController
    from reader.ui.dialogs.suggestions import SuggestionMenu
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
        painted.append(time.perf_counter())
        return strip

    apply_ms: list[float] = []
    original_apply = CorrectionController.apply

    def timed_apply(self, finding, result):
        t = time.perf_counter()
        try:
            return original_apply(self, finding, result)
        finally:
            if result.changes_text:  # picks only, not the baseline's cancels
                apply_ms.append((time.perf_counter() - t) * 1000)

    ArticleView.render_line = timed_render_line
    CorrectionController.apply = timed_apply
    app = ReaderApp(lib, analyzer=None if real else synthetic_analyzer)
    key_ms: list[float] = []
    cancel_ms: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_article(article_id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        t0 = time.perf_counter()
        while screen.review is None and time.perf_counter() - t0 < 300:
            await asyncio.sleep(0.05)
        print(f"words={n_words:,} chars={len(text):,} review_ready_s={time.perf_counter() - t0:.2f} "
              f"findings={len(screen.review.findings)}")
        await pilot.pause()
        for _ in range(n):  # baseline: open the menu and leave it (no correction)
            await pilot.press("z")
            await pilot.pause()
            painted.clear()
            t = time.perf_counter()
            await pilot.press("escape")
            await pilot.pause()
            if painted:
                cancel_ms.append((painted[-1] - t) * 1000)
        for _ in range(n):
            await pilot.press("z")
            await pilot.pause()
            if not isinstance(app.screen, SuggestionMenu):
                raise SystemExit("the suggestion menu did not open")
            painted.clear()
            t = time.perf_counter()
            await pilot.press("1")
            await pilot.pause()
            if painted:
                key_ms.append((painted[-1] - t) * 1000)
        assert len(screen.review.offset_map.corrections) == n, "every pick should be one correction"
    ArticleView.render_line = original
    CorrectionController.apply = original_apply
    lib.close()
    print(f"apply (Editor write + Review reload) median {statistics.median(apply_ms):.1f} ms")
    print(f"baseline: escape on the menu (no correction) key-to-repaint median {statistics.median(cancel_ms):.1f} ms")
    return key_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--real", action="store_true", help="the real analysis engine in its process")
    args = parser.parse_args()
    key_ms = asyncio.run(measure(args.words, args.n, args.real))
    print(f"picks={len(key_ms)} min={min(key_ms):.1f} max={max(key_ms):.1f} ms")
    print(f"correction_key_ms_median={statistics.median(key_ms):.1f}")


if __name__ == "__main__":
    main()
