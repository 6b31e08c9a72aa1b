"""Suggestions: ranking, the candidate index and its cache."""

from __future__ import annotations

from reader.analysis.lexicon import get_lexicon
from reader.analysis.suggest import SuggestionIndex, Suggester, deletes, edit_cost


def test_common_misspellings_rank_the_fix_first():
    s = Suggester(get_lexicon())
    for typo, fix in [("recieved", "received"), ("acording", "according"), ("becuase", "because"),
                      ("choosen", "chosen"), ("annouced", "announced"), ("teh", "the")]:
        assert s.ranked(typo)[0] == fix, typo


def test_case_is_kept_and_names_compete():
    s = Suggester(get_lexicon(), known_names=["Wierzbicki"])
    assert s.ranked("Goverment")[0] == "Government"
    assert s.ranked("GOVERMENT")[0] == "GOVERNMENT"
    assert "Wierzbicki" in s.ranked("Wierzbiki")[:3]


def test_index_finds_everything_within_two_edits():
    idx = Suggester(get_lexicon()).index
    found = {w for w, _ in idx.candidates("govrenment", 2)}
    assert "government" in found
    for w, d in idx.candidates("hause", 2):
        assert 1 <= d <= 2


def test_index_round_trips_through_bytes():
    idx = Suggester(get_lexicon()).index
    again = SuggestionIndex.from_bytes(idx.to_bytes())
    assert again.vocab == idx.vocab and again.keys == idx.keys and again.ids == idx.ids


def test_deletes_and_costs():
    assert deletes("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert edit_cost("teh", "the", 1) < edit_cost("teh", "ten", 1) + 0.5
    assert edit_cost("milion", "million", 1) < 1  # a dropped double letter is cheap


def test_damaged_or_unwritable_cache_is_rebuilt(tmp_path, monkeypatch):
    from reader.analysis.lexicon import Lexicon, cache_file, write_cache

    monkeypatch.setenv("READER_CACHE", str(tmp_path / "own-cache"))  # never the shared one
    from reader.analysis.suggest import _get_index

    path = cache_file("suggest-index")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage")
    tiny = Lexicon({"hello": 5.0, "world": 5.1, "help": 4.9})
    idx = _get_index(tiny)
    assert {w for w, _ in idx.candidates("helo", 1)} == {"hello", "help"}
    # the damaged file was replaced by a good one
    assert SuggestionIndex.from_bytes(path.read_bytes()).vocab == idx.vocab
    write_cache(tmp_path / "a-file" / "x.bin", b"data")  # parent is missing: no error
    (tmp_path / "blocker").write_text("")
    write_cache(tmp_path / "blocker" / "x.bin", b"data")  # parent is a file: no error
    assert not (tmp_path / "blocker" / "x.bin").exists()
