"""The app's analysis runner: chunking of long texts, and the default analyzer run in a
separate process giving the same result as calling it directly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import AnalysisContext, analyze
from reader.ui.analysis_service import ProcessAnalyzer, chunks, shift
from reader.model import Analysis, Finding


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from("ab \n"), max_size=400), st.integers(min_value=4, max_value=60))
def test_chunks_tile_the_text(text: str, size: int) -> None:
    pieces = chunks(text, size)
    assert "".join(text[a:b] for a, b in pieces) == text
    assert all(b - a <= size for a, b in pieces)
    assert all(a < b for a, b in pieces)


def test_shift_moves_offsets() -> None:
    a = Analysis((Finding(1, 3, "xy", "misspelling", "m", ("z",)),), ())
    assert shift(a, 10).findings[0].start == 11 and shift(a, 10).findings[0].end == 13


def test_process_analyzer_matches_a_direct_call() -> None:
    text = "On Monday the goverment of Norway said wich boats may sail untill May.\n"
    runner = ProcessAnalyzer()
    runner.start()
    try:
        assert runner(text, AnalysisContext()) == analyze(text, AnalysisContext())
    finally:
        runner.close()
