"""The confidence model: every finding scored 0-1, thresholds that filter, the shipped
weights consistent with the feature list, and the candidate rules it weighs."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import AnalysisContext, analyze
from reader.analysis.checks.garbles import garble_fix
from reader.analysis.confidence import FEATURES, levels, model, probability
from reader.analysis.lexicon import get_lexicon

TEXT = (
    "Harbour talks\n\nThe goverment of romania annouced on Wendsday that tho plan wonld bo "
    "ready. Fishermen in Aldmouth waited while the ministr spoke. In the end, in the end "
    "they left.\n"
)


def test_shipped_model_matches_the_features_and_orders_its_levels():
    m = model()
    assert m["weights"] is not None and len(m["weights"]) == len(FEATURES)
    lv = levels()
    assert 0 < lv["thorough"] < lv["balanced"] < lv["strict"] < 1


def test_every_finding_has_a_confidence_and_thresholds_nest():
    everything = analyze(TEXT, AnalysisContext(min_confidence=0.0)).findings
    default = analyze(TEXT).findings
    strict = analyze(TEXT, AnalysisContext(min_confidence=levels()["strict"])).findings
    assert everything and all(0.0 <= f.confidence <= 1.0 for f in everything)
    assert all(f.confidence >= levels()["balanced"] for f in default)
    assert all(f.confidence >= levels()["strict"] for f in strict)
    spans = lambda fs: {(f.start, f.end) for f in fs}  # noqa: E731
    assert spans(strict) <= spans(default) <= spans(everything)
    # plain misspellings of common words stay at the default sensitivity
    assert {"goverment", "annouced", "Wendsday"} <= {f.text for f in default}


def test_confidence_is_in_the_json_of_a_finding():
    f = analyze(TEXT).findings[0]
    assert json.loads(json.dumps(f.to_json()))["confidence"] == round(f.confidence, 3)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(-5, 5), min_size=len(FEATURES), max_size=len(FEATURES)))
def test_probability_is_a_probability(x):
    p = probability(x, model()["weights"])
    assert 0.0 <= p <= 1.0


def test_short_scanner_garbles_find_the_common_word():
    zipf = get_lexicon().zipf_lower
    assert garble_fix("tho", zipf) == "the"
    assert garble_fix("tbo", zipf) == "the"
    assert garble_fix("aro", zipf) == "are"
    assert garble_fix("the", zipf) is None  # the word itself
    assert garble_fix("ship", zipf) is None  # a real four-letter word


def test_loops_across_punctuation_and_case():
    found = analyze("Notes\n\nB3: B3: B3: B3: then more. In the end, in the end we went.\n",
                    AnalysisContext(min_confidence=0.0)).findings
    reps = [f.text for f in found if f.kind == "repetition"]
    assert "B3: B3: B3: B3" in reps
    assert "In the end, in the end" in reps
    table = analyze("Table\n\nunq\tunq\tunq\n", AnalysisContext(min_confidence=0.0)).findings
    assert not [f for f in table if f.kind == "repetition"]


def test_hyphenated_line_end_halves_are_trusted_less_than_misspellings():
    text = "Notes\n\nThe informa-\ntion was wrong and the goverment knew it.\n"
    found = {f.text: f.confidence for f in analyze(text, AnalysisContext(min_confidence=0.0)).findings}
    assert found.get("goverment", 0) > max(found.get("informa", 0), found.get("tion", 0))
