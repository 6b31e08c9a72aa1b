"""The app's analysis runner: chunking of long texts, and the default analyzer run in a
separate process giving the same result as calling it directly."""

from __future__ import annotations

import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import AnalysisContext, analyze
from reader.ui.analysis_service import AnalysisService, AnalyzerClosed, ProcessAnalyzer, chunks, shift
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


def test_a_call_after_close_fails_fast_and_starts_no_process() -> None:
    """Quitting must not restart the analysis process from a late worker thread."""
    runner = ProcessAnalyzer()
    runner.close()
    began = time.monotonic()
    with pytest.raises(AnalyzerClosed):
        runner("Some text.", AnalysisContext())
    assert time.monotonic() - began < 1.0
    assert not runner.running


def test_service_closed_before_first_use_starts_no_process(library) -> None:
    service = AnalysisService(library)
    service.close()
    with pytest.raises(AnalyzerClosed):
        service.run("Some text.", "sha", AnalysisContext())
    with pytest.raises(AnalyzerClosed):
        service.analyzer("Some text.", AnalysisContext())
    assert not service.analyzer.running


def test_close_wakes_a_call_waiting_on_the_process() -> None:
    """Regression (quit hang): a counting thread waiting on the pool when the app closes
    it must return, or the interpreter waits for it at exit for ever."""
    runner = ProcessAnalyzer()
    runner.start()
    outcome: list[str] = []

    def call() -> None:
        try:
            runner("The goverment said wich boats may sail untill May. " * 40_000, AnalysisContext())
            outcome.append("finished")
        except AnalyzerClosed:
            outcome.append("closed")

    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    time.sleep(0.3)  # the call is now waiting: the process takes seconds on 2 MB
    runner.close()
    thread.join(timeout=5)
    assert not thread.is_alive(), "the call kept waiting on a closed analyzer"
    assert outcome == ["closed"]
