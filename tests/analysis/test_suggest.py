"""Suggestions: candidates (near spellings, sounds-alike words, splits, the article's own
names), noisy-channel ranking, case keeping and the mapped lexicon file."""

from __future__ import annotations

import pytest

from reader.analysis.lexicon import Lexicon, get_lexicon
from reader.analysis.suggest import Suggester, deletes, edit_cost, joined, splits


@pytest.fixture(scope="module")
def sugg():
    return Suggester(get_lexicon())


def test_common_misspellings_rank_the_fix_first(sugg):
    for typo, fix in [("recieved", "received"), ("acording", "according"), ("becuase", "because"),
                      ("annouced", "announced"), ("teh", "the"), ("seperate", "separate")]:
        assert sugg.ranked(typo)[0] == fix, typo
    assert "chosen" in sugg.ranked("choosen")[:3]


def test_rare_words_are_suggested(sugg):
    # below the old Zipf-3 vocabulary: found now, ranked by the error model and frequency
    assert sugg.ranked("aberation")[0] == "aberration"
    assert sugg.ranked("miniscule")[0] == "minuscule"


def test_phonetic_candidates_beyond_two_edits(sugg):
    assert sugg.ranked("imidatly")[0] == "immediately"  # five edits away
    assert "minutes" in sugg.ranked("muinets")[:3]


def test_splits(sugg):
    assert sugg.ranked("alot")[0] == "a lot"
    assert "in spite" in sugg.ranked("inspite")[:3]
    zipf = get_lexicon().zipf_lower
    assert ("a lot", pytest.approx(zipf("lot") - 1.0)) in [(c, pytest.approx(z)) for c, z in splits("alot", zipf)]
    # fragments a frequency list counts as words ("es", "nt") are no halves of a split
    assert not [c for c, _ in splits("hasnt", zipf) if c.endswith(" nt")]


def test_joins():
    lex = get_lexicon()
    assert joined("some", "thing", lex) is None  # two good words stay two words
    assert joined("gover", "nment", lex) == "government"
    assert joined("Gover", "nment", lex) == "Government"
    assert joined("the", "cat", lex) is None


def test_case_is_kept_and_names_compete():
    s = Suggester(get_lexicon(), known_names=["Wierzbicki"])
    assert s.ranked("Goverment")[0] == "Government"
    assert s.ranked("GOVERMENT")[0] == "GOVERNMENT"
    assert s.ranked("Imidatly")[0] == "Immediately"
    assert s.ranked("ALOT")[0] == "A LOT"
    assert "Wierzbicki" in s.ranked("Wierzbiki")[:3]


def test_names_taken_from_the_article():
    s = Suggester(get_lexicon())
    assert "Kowalczykowa" not in s.ranked("Kowalczykwa")
    s.note_words(["The", "minister", "Kowalczykowa", "said", "that"])
    assert s.ranked("Kowalczykwa")[0] == "Kowalczykowa"
    assert s.ranked("kowalczykwa")[0] == "Kowalczykowa"  # a name keeps its own spelling


def test_index_finds_everything_within_two_edits(sugg):
    idx = sugg.index
    found = {w for w, _ in idx.candidates("govrenment", 2)}
    assert "government" in found
    for w, d in idx.candidates("hause", 2):
        assert 1 <= d <= 2


def test_deletes_and_costs():
    assert deletes("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert edit_cost("teh", "the", 1) < edit_cost("teh", "ten", 1) + 0.5
    assert edit_cost("milion", "million", 1) < 1  # a dropped double letter is cheap


def test_small_lexicon_builds_its_own_tables():
    tiny = Lexicon({"hello": 5.0, "world": 5.1, "help": 4.9, "a": 7.0, "lot": 5.0})
    s = Suggester(tiny)
    assert {w for w, _ in s.index.candidates("helo", 1)} == {"hello", "help"}
    assert s.ranked("helo")[:2] == ["hello", "help"]
    assert tiny.zipf("World") == 5.1 and tiny.zipf("nothing") == 0.0
    assert s.ranked("alot")[0] == "a lot"


def test_a_misspelt_article_word_lends_no_spelling():
    s = Suggester(get_lexicon())
    s.note_words(["Goverment", "said"])  # a slip, capitalised at a sentence start
    assert s.ranked("Govermnet")[0] == "Government"


def test_analysis_suggests_the_articles_own_name():
    from reader.analysis import analyze

    text = ("Minister Kowalczykowa spoke first. Later, Kowalczykwa answered the questions "
            "of the committee.")
    found = [f for f in analyze(text).findings if f.text == "Kowalczykwa"]
    assert found and found[0].suggestions[0] == "Kowalczykowa"
