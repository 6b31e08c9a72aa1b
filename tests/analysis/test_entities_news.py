"""Entities in news writing: one sense per article, boundaries, all-caps lines, context.

Every example is made up here (names of our own); the behaviours are the general ones of
issue 17, measured on real news by ``benchmarks/entity_quality.py``.
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities
from reader.analysis.lexicon import get_lexicon


@pytest.fixture(scope="module")
def lex():
    return get_lexicon()


def spans(text: str, lex) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text, lex)]


def labels(text: str, lex) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for t, label in spans(text, lex):
        out.setdefault(t, set()).add(label)
    return out


# --------------------------------------------------------------------------- one sense per article
def test_surname_alone_follows_the_full_name(lex):
    text = "Maria Lopezvar opened the hearing. Later Lopezvar told reporters she would appeal."
    assert labels(text, lex)["Lopezvar"] == {"PERSON"}


def test_common_word_surname_is_a_person_after_the_full_name(lex):
    text = (
        "Dana Rice, the harbour master, closed the port. Rice said the storm was the worst "
        "in years. Farmers worry about the rice harvest."
    )
    got = spans(text, lex)
    assert ("Dana Rice", "PERSON") in got and ("Rice", "PERSON") in got
    assert ("rice", "PERSON") not in got  # the grain stays a word


def test_title_marks_a_person_and_later_bare_mentions_follow(lex):
    text = "President Bush met the mayors. Bush later flew home, and Bush aides stayed."
    assert labels(text, lex)["Bush"] == {"PERSON"}


def test_one_label_per_name_in_an_article(lex):
    text = (
        "Senator Pell Marrow opened the session. Marrow said the bill would pass. "
        "Critics of Marrow said it would not."
    )
    assert labels(text, lex)["Marrow"] == {"PERSON"}


def test_misspelt_surname_stays_a_person(lex):
    text = "Joke Verhaegen led the count. Verheagen later said the figures were final."
    assert labels(text, lex)["Verheagen"] == {"PERSON"}


def test_lone_unknown_name_with_no_person_cue_is_an_organisation(lex):
    text = "Talks with Velkorra stalled. Velkorra wants a higher price for the pipeline."
    assert labels(text, lex)["Velkorra"] == {"ORG"}


# --------------------------------------------------------------------------- boundaries
def test_sentence_initial_article_and_demonym_are_no_entity(lex):
    got = spans("A Spanish court freed him. An Italian judge agreed.", lex)
    assert got == []


def test_title_after_of_is_not_part_of_the_name(lex):
    got = spans("Secretary of State Ann Holtby arrived in Lindfjord on Monday.", lex)
    assert ("Ann Holtby", "PERSON") in got
    assert not any("State" in t for t, _ in got)


def test_organisation_name_after_a_title_word_stays_whole(lex):
    assert ("General Assembly", "ORG") in spans("The plan went to the General Assembly.", lex)


def test_place_and_weekday_are_two_entities(lex):
    got = spans("Ships crossed the North Sea on Friday.", lex)
    assert ("North Sea", "PLACE") in got and ("Friday", "DATE") in got


def test_byline_name_without_the_credit_words(lex):
    assert ("Hana Pirelli", "PERSON") in spans("Hana Pirelli contributed reporting from Lindfjord.", lex)
    assert spans("By HANA PIRELLI, Staff Writer\n\nThe mill closed.", lex) == [("HANA PIRELLI", "PERSON")]
    assert ("Hana Pirelli", "PERSON") in spans("Photo by Hana Pirelli Contributed.", lex)


def test_arabic_article_belongs_to_the_name(lex):
    got = spans("Prime Minister Karim al-Haddadi met envoys. Al-Haddadi said little.", lex)
    assert ("Karim al-Haddadi", "PERSON") in got


def test_hyphenated_adjectives_are_not_names(lex):
    got = spans("The Velkorra-led coalition met Ohio-based lenders.", lex)
    assert all(t not in ("Velkorra-led", "Ohio-based") for t, _ in got)


def test_peoples_and_faiths_are_not_entities(lex):
    got = spans("Talks between Sunnis and Kurds resumed, and Israelis watched.", lex)
    assert got == []


# --------------------------------------------------------------------------- all caps
def test_all_caps_headline_words_need_evidence(lex):
    text = (
        "SOCCER - LEEDS BEAT CHELSEA IN CUP THRILLER\n\n"
        "LONDON 2024-11-02\n\n"
        "Leeds beat Chelsea 2-1 on Saturday."
    )
    got = spans(text, lex)
    assert not any(t in ("SOCCER", "CUP", "THRILLER", "BEAT") for t, _ in got)
    assert ("LONDON", "PLACE") in got
    assert ("LEEDS", "ORG") in got and ("CHELSEA", "ORG") in got


def test_all_caps_dateline_with_country(lex):
    got = spans("KORVANTA , Finland 2024-11-02\n\nThe mill closed.", lex)
    assert ("KORVANTA", "PLACE") in got and ("Finland", "PLACE") in got


# --------------------------------------------------------------------------- context
def test_towns_as_teams_in_a_result(lex):
    got = labels("Leeds beat Chelsea 2-1. Fans in Leeds celebrated.", lex)
    assert got["Leeds"] == {"ORG"} and got["Chelsea"] == {"ORG"}


def test_score_line_makes_teams(lex):
    got = labels("The results were Everton 0 Chelsea 2, Leeds 1 Bristol 1.", lex)
    assert got["Everton"] == got["Chelsea"] == got["Bristol"] == {"ORG"}


def test_capital_that_speaks_is_its_government_and_a_place_otherwise(lex):
    assert labels("Moscow said the talks had failed.", lex)["Moscow"] == {"ORG"}
    assert labels("Snow fell in Moscow overnight.", lex)["Moscow"] == {"PLACE"}


def test_nouns_next_to_a_name_say_what_it_is(lex):
    got = labels(
        "Voters backed the Dravik party. Oil firm Velkorra bid. Fighting spread in Zarun province.", lex
    )
    assert got["Dravik"] == {"ORG"} and got["Velkorra"] == {"ORG"} and got["Zarun"] == {"PLACE"}


def test_years_in_context(lex):
    text = "After the 1967 war and through the 1990s, in the 19th century style, 2000 delegates met."
    dates = [t for t, label in spans(text, lex) if label == "DATE"]
    assert dates == ["1967", "1990s", "19th century"]
