"""Rules added while measuring on held-out articles (benchmarks/heldout): each with a case
it must catch and one it must leave alone."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.dates import numeric_dates
from reader.analysis.entities import find_entities
from reader.analysis.lexicon import get_lexicon


@pytest.fixture(scope="module")
def lex():
    return get_lexicon()


def findings(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {f.text: (f.kind, f.suggestions) for f in analyze(text).findings}


def labels(text: str, lex) -> dict[str, str]:
    ents = find_entities(text, lex)
    for e in ents:
        assert text[e.start : e.end] == e.text
    return {e.text: e.label for e in ents}


# ------------------------------------------------------------------------------ case
def test_lower_case_city_that_is_no_capital():
    got = findings("Trains to gdansk and lublin were cancelled on Monday.")
    assert got["gdansk"] == ("case", ("Gdańsk",))
    assert got["lublin"] == ("case", ("Lublin",))


@pytest.mark.parametrize("sentence", [
    "The metro was closed all day.",  # a city name that is an everyday word too
    "She wrote a limerick about it.",
    "We will turkey-trot at the fair.",
])
def test_lower_case_words_that_are_also_city_names_stay_quiet(sentence):
    assert not [f for f in analyze(sentence).findings if f.kind == "case"]


def test_lower_case_place_is_still_a_place_entity(lex):
    assert labels("Flights to gdansk resumed.", lex).get("gdansk") == "PLACE"


def test_name_written_capitalised_elsewhere_is_a_case_error():
    text = "The minister, Kwame Oyelaran-Boateng, spoke first. Later the party asked oyelaran-boateng to resign."
    got = {f.text: f for f in analyze(text).findings}
    text2 = "Talks were led by Amadou Tchiroma on Friday. Critics said tchiroma had failed."
    got2 = {f.text: f for f in analyze(text2).findings}
    assert got2["tchiroma"].kind == "case"
    assert got2["tchiroma"].suggestions[0] == "Tchiroma"
    assert "Tchiroma" not in got2
    assert all(f.kind != "case" for f in got.values() if f.text.startswith("Kwame"))


def test_capital_at_a_sentence_start_or_in_a_headline_is_no_evidence():
    text = "Stranding Season Returns To The Coast\n\nStranding is rare. A stranding was seen."
    assert not [f for f in analyze(text).findings if f.kind == "case"]


# -------------------------------------------------------------------------- entities
def test_long_all_caps_dateline_is_a_place(lex):
    assert labels("KAMPALA — Officials said the road was open.", lex) == {"KAMPALA": "PLACE"}


def test_word_after_a_speech_verb_in_the_previous_sentence_is_no_person(lex):
    got = labels("“It is late,” she said. “Trotzdem, we go on.”", lex)
    assert "Trotzdem" not in got
    assert findings("“It is late,” she said. “Trotzdem, we go on.”")["Trotzdem"][0] == "foreign"


def test_sentence_initial_misspelling_of_a_name_is_a_variant():
    text = ("Coach Njeri Wambui said the team was ready. The squad trained with Wambui "
            "all week. Wambiu will travel on Sunday.")
    got = findings(text)
    assert got["Wambiu"] == ("variant", ("Wambui",))
    assert "Wambui" not in got


def test_unknown_sentence_opener_far_from_any_name_is_no_entity(lex):
    assert "Blorptastic" not in labels("Blorptastic results followed. Amina Yusuf said so.", lex)


@pytest.mark.parametrize("text, name", [
    ("Voters backed the Justice and Development Party on Sunday.", "Justice and Development Party"),
    ("He met the Ministry of Trade and Industry officials.", "Ministry of Trade and Industry"),
    ("The Authenticity and Modernity Party came second.", "Authenticity and Modernity Party"),
])
def test_organisation_across_a_lower_case_and(lex, text, name):
    assert labels(text, lex).get(name) == "ORG"


@pytest.mark.parametrize("text", [
    "The race is run by the Lagos State Government and Access Bank, officials said.",
    "Reporters asked Amina Yusuf and Kofi Mensah about it.",
])
def test_two_names_joined_by_and_stay_two(lex, text):
    assert not [t for t in labels(text, lex) if " and " in t]


def test_unlisted_role_noun_before_a_name(lex):
    got = labels("The storm grew. Forecaster Maria Lopez said rain would follow.", lex)
    assert got.get("Maria Lopez") == "PERSON"


def test_north_of_names_a_place(lex):
    assert labels("The ship sailed north of Kvitoya last week.", lex).get("Kvitoya") == "PLACE"


def test_dotted_numeric_date():
    text = "Results are due on 12.09.2026, not version 1.2.3 or 3.14."
    assert [text[s:e] for s, e in numeric_dates(text)] == ["12.09.2026"]


# --------------------------------------------------------------------------- foreign
def test_elided_french_word_is_foreign_not_misspelt():
    got = findings("He said that d’ailleurs the voters had spoken.")
    assert got["d’ailleurs"][0] == "foreign"


def test_irish_name_with_apostrophe_is_not_foreign():
    assert not [f for f in analyze("We spoke to Sinead O’Connor today.").findings if f.kind == "foreign"]


# ------------------------------------------------------------------------ repetition
def test_single_word_doubled_across_a_comma():
    assert findings("The storm could weaken, weaken but still bring rain.")["weaken, weaken"] == (
        "repetition", ("weaken",))


@pytest.mark.parametrize("sentence", [
    "It was very, very cold.",
    "No, no, that is wrong.",
    "They waited long, long hours.",
    "He said it slowly, slowly.",
])
def test_emphatic_doubling_is_not_flagged(sentence):
    assert not [f for f in analyze(sentence).findings if f.kind == "repetition"]


def test_restarted_phrase_is_a_repetition():
    text = "He said it was “a notoriously difficult place to measure, a notoriously difficult place”."
    f = [f for f in analyze(text).findings if f.kind == "repetition"]
    assert len(f) == 1
    assert f[0].suggestions == ("a notoriously difficult place to measure",)


def test_phrase_repeated_in_the_next_sentence_is_not_a_loop():
    text = "We walked to the old town hall. Later, the old town hall was shut."
    assert not [f for f in analyze(text).findings if f.kind == "repetition"]


# -------------------------------------------------------------------------- variants
def test_accent_stripped_name_is_the_variant():
    text = "Union leader Grzegorz Wiśniewski spoke. Later Wisniewski said the talks failed."
    got = findings(text)
    assert got["Wisniewski"] == ("variant", ("Wiśniewski",))
    assert "Wiśniewski" not in got


# -------------------------------------------------------------------------- spelling
def test_rare_inflection_of_a_known_word_is_not_misspelt():
    assert "stranding" not in findings("Storms left ferries stranding passengers.")


@pytest.mark.parametrize("sentence, word, fix", [
    ("It gives acces to markets.", "acces", "access"),  # a dropped double letter
    ("An incident occured there.", "occured", "occurred"),  # the same base, misspelt
    ("He was makeing plans.", "makeing", "making"),  # a kept "e"
])
def test_slips_near_inflections_are_still_misspelt(sentence, word, fix):
    kind, sugg = findings(sentence)[word]
    assert kind == "misspelling"
    assert sugg[0] == fix


def test_accent_folded_city_that_is_an_english_word_stays_quiet(lex):
    text = "The sale of the port was agreed."
    assert not [f for f in analyze(text).findings if f.kind == "case"]
    assert "sale" not in labels(text, lex)


def test_very_long_text_recognises_only_major_places_in_lower_case(lex, monkeypatch):
    import reader.analysis.entities as entities

    text = "Trucks left germany for lublin on time."
    assert labels(text, lex) == {"germany": "PLACE", "lublin": "PLACE"}
    monkeypatch.setattr(entities, "LOWER_CITIES_MAX_CHARS", 10)
    assert labels(text, lex) == {"germany": "PLACE"}


def test_lower_case_form_of_a_rare_name_is_the_same_entity(lex):
    got = labels("Talks were led by Amadou Tchiroma on Friday. Critics said tchiroma had failed.", lex)
    assert got.get("tchiroma") == "PERSON"


def test_lower_case_form_of_a_common_word_name_is_no_entity(lex):
    got = labels("Senator Bill Rose spoke. A rose bloomed and the bill passed.", lex)
    assert "rose" not in got and "bill" not in got


def test_word_repeated_into_a_compound_is_no_doubling():
    text = "When re-using the current buffer for a new buffer, buffer-local variables stay."
    assert not [f for f in analyze(text).findings if f.kind == "repetition"]


def test_rare_word_capitalised_in_a_table_or_heading_is_no_evidence():
    text = "Digraphs changed\t\t|digraphs-changed|\nSee the list of digraphs below."
    assert not [f for f in analyze(text).findings if f.kind == "case"]


def test_common_foreign_word_capitalised_elsewhere_is_not_a_name():
    text = "Das ist 's Morgens so. We said 's morgens again."
    assert not [f for f in analyze(text).findings if f.kind == "case"]


def test_capital_inside_a_title_case_phrase_is_no_evidence():
    text = "Use Toggle Bottom Scrollbar\tto hide it. The scrollbar is then gone."
    assert not [f for f in analyze(text).findings if f.kind == "case"]


def test_hyphenated_compass_region_is_a_place(lex):
    assert labels("Chains compete across South-East Asia and beyond.", lex).get("South-East Asia") == "PLACE"
