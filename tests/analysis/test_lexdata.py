"""The mapped lexicon file: round trip, lookups, a damaged file."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import lexicon as lexmod
from reader.analysis.lexdata import LexData
from reader.analysis.lexdata_build import build_bytes
from reader.analysis.phonetic import phonetic_key


def test_round_trip_and_lookups():
    freqs = {"the": 7.73, "cat": 4.8, "über": 2.5, "don't": 5.1, "x1": 1.2}
    data = LexData(build_bytes(freqs, {"gato": ("es", 4.2)}))
    for w, z in freqs.items():
        assert data.zipf(w) == pytest.approx(z)
    assert data.zipf("dog") == 0.0 and data.find("dog") == -1
    assert data.foreign_zipf("gato") == ("es", pytest.approx(4.2))
    assert data.foreign_zipf("cat") is None
    # ids below vocab_size are the suggestable (alphabetic) words, most frequent first
    vocab = [data.word(i) for i in range(data.vocab_size)]
    assert vocab == ["the", "cat", "über"]


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.text(alphabet="abcdé'", min_size=1, max_size=8),
                       st.floats(min_value=0.5, max_value=7.5), max_size=40))
def test_every_word_is_found(freqs):
    data = LexData(build_bytes(freqs))
    for w, z in freqs.items():
        assert data.zipf(w) == pytest.approx(round(z * 100) / 100)


def test_the_shipped_file_maps_and_answers():
    lex = lexmod.get_lexicon()
    assert lex.zipf("the") > 7 and lex.zipf("qzxv") == 0.0
    assert lex.foreign_zipf("pero") is not None


def test_damaged_shipped_file_is_rebuilt_into_the_cache(tmp_path, monkeypatch):
    bad = tmp_path / "lexicon.bin"
    bad.write_bytes(b"\x00garbage")
    monkeypatch.setattr(lexmod, "_cache_dir", lambda: tmp_path / "cache")
    import reader.analysis.lexdata_build as build

    monkeypatch.setattr(build, "build_from_wordfreq", lambda: build_bytes({"hello": 5.0}))
    lex = lexmod.load_lexicon(bad)  # the shared lexicon is not touched
    assert lex.zipf("hello") == 5.0
    assert (tmp_path / "cache" / "lexicon-rebuilt.bin").exists()
    again = lexmod.load_lexicon(tmp_path / "missing.bin")  # the rebuilt file is reused
    assert again.zipf("hello") == 5.0


def test_phonetic_key_groups_spellings_by_sound():
    assert phonetic_key("fisiks") == phonetic_key("physics")
    assert phonetic_key("nolej") == phonetic_key("knowledge")
    assert phonetic_key("kat") != phonetic_key("dog")
    assert phonetic_key("") == "" and phonetic_key("123") == ""


def test_items_lists_every_word_with_its_frequency():
    lex = lexmod.Lexicon.from_data(LexData(build_bytes({"the": 7.7, "cat": 4.8, "x1": 1.0})))
    assert dict(lex.items()) == {"the": 7.7, "cat": 4.8, "x1": 1.0}
    common = {w for w, z in lexmod.get_lexicon().items() if z >= 6.0}
    assert "the" in common and "government" not in common
