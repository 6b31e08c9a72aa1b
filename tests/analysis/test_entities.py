"""The entity finder: labels, sentence starts, particles, dates, and what is no name."""

from __future__ import annotations

import pytest

from reader.analysis.entities import covering_entity, find_entities, lowercase_place_entity
from reader.analysis.lexicon import get_lexicon


@pytest.fixture(scope="module")
def lex():
    return get_lexicon()


def labels(text: str, lex) -> dict[str, str]:
    ents = find_entities(text, lex)
    for e in ents:
        assert text[e.start : e.end] == e.text
    return {e.text: e.label for e in ents}


def test_person_after_title_excludes_the_title(lex):
    got = labels("The host, Foreign Minister Ingrid Halvorsen, spoke. Halvorsen said no.", lex)
    assert got["Ingrid Halvorsen"] == "PERSON"
    assert got["Halvorsen"] == "PERSON"
    assert not any("Minister" in k for k in got)


def test_honorific_abbreviation_joins_the_name(lex):
    got = labels("Yesterday Mr. Brandtner and Dr. Olek Kowalczyk arrived.", lex)
    assert got.get("Brandtner") == "PERSON"
    assert got.get("Olek Kowalczyk") == "PERSON"


def test_multi_word_places_and_orgs(lex):
    text = (
        "Ships waited in the North Sea while the World Meteorological Organization met "
        "at the University of Innsbruck and the Ministry of Foreign Affairs in South Tyrol."
    )
    got = labels(text, lex)
    assert got["North Sea"] == "PLACE"
    assert got["South Tyrol"] == "PLACE"
    assert got["World Meteorological Organization"] == "ORG"
    assert got["University of Innsbruck"] == "ORG"
    assert got["Ministry of Foreign Affairs"] == "ORG"


def test_acronym_is_an_org_and_dateline_a_place(lex):
    got = labels("GENEVA — The FNV union said the talks failed.", lex)
    assert got["GENEVA"] == "PLACE"
    assert got["FNV"] == "ORG"


def test_particles_and_hyphens_stay_inside_names(lex):
    text = "Union leader Sanne de Wit met Amara Okafor-Ndiaye at the Palais des Nations. De Wit left."
    got = labels(text, lex)
    assert got["Sanne de Wit"] == "PERSON"
    assert got["Amara Okafor-Ndiaye"] == "PERSON"
    assert got["Palais des Nations"] == "PLACE"
    assert got["De Wit"] == "PERSON"


def test_sentence_start_common_words_are_not_names(lex):
    text = "Talks resumed. Instead the police waited. Economists worried. Shipping slowed."
    assert find_entities(text, lex) == []


def test_rare_foreign_word_opening_a_sentence_is_not_a_name(lex):
    # the foreign-word check must still see it
    assert find_entities("Mientras the talks dragged on, nobody left.", lex) == []


def test_typo_of_a_weekday_is_not_a_name(lex):
    got = labels("Delegates spent Wendsday night in Geneva.", lex)
    assert "Wendsday" not in got
    assert got["Geneva"] == "PLACE"


def test_capitalised_typo_of_common_word_is_not_a_name(lex):
    got = labels("Officials said the Goverment of Austria agreed.", lex)
    assert "Goverment" not in got
    assert got["Austria"] == "PLACE"


def test_demonyms_and_common_adjectives_are_not_entities(lex):
    got = labels("The Swiss host and one Dutch delegate met a Norwegian envoy.", lex)
    assert got == {}


def test_possessive_is_cut_off(lex):
    got = labels("Container traffic at Europe's largest port stopped.", lex)
    assert got == {"Europe": "PLACE"}


def test_surname_at_sentence_start_confirmed_by_the_article(lex):
    text = "He met Luis Pichler near Merano. Pichler said the orchard was lost."
    ents = find_entities(text, lex)
    assert [(e.text, e.label) for e in ents] == [
        ("Luis Pichler", "PERSON"), ("Merano", "PLACE"), ("Pichler", "PERSON")
    ]


def test_locative_preposition_labels_unknown_places(lex):
    got = labels("The cooperative in Lana hired fewer workers along the Rhine.", lex)
    assert got["Lana"] == "PLACE"
    assert got["Rhine"] == "PLACE"


def test_listed_with_a_place_is_a_place(lex):
    got = labels("The train stops at Entroncamento, Marvão and Cáceres.", lex)
    assert got["Entroncamento"] == got["Marvão"] == got["Cáceres"] == "PLACE"


def test_dates(lex):
    text = (
        "It was signed on Wednesday, 12 March 2024 and revised on March 14, 2024. "
        "Talks resume on Monday morning; frost like this was last seen in 1991. "
        "You may leave. It may rain in May."
    )
    ents = find_entities(text, lex)
    dates = [e.text for e in ents if e.label == "DATE"]
    assert dates == ["Wednesday, 12 March 2024", "March 14, 2024", "Monday morning", "1991", "May"]


def test_bare_numbers_are_not_years(lex):
    assert find_entities("About 1500 people and 2024 delegates came.", lex) == []


def test_lowercase_country_is_still_a_place_but_common_words_are_not(lex):
    got = labels("Workers from slovakia and germany ate turkey with china plates.", lex)
    assert got == {"slovakia": "PLACE", "germany": "PLACE"}
    assert lowercase_place_entity("in romania", 3, 10).label == "PLACE"
    assert lowercase_place_entity("a turkey", 2, 8) is None
    assert find_entities("Workers from germany.", lex, lowercase_places=False) == []


def test_title_case_headline_words_need_their_own_evidence(lex):
    got = labels("Parliament Backs New Budget After Long Night In Berlin\n\nThe vote was close.", lex)
    assert got == {"Berlin": "PLACE"}


def test_covering_entity(lex):
    text = "Yesterday Tomasz Wierzbicki spoke in Vienna."
    ents = find_entities(text, lex)
    hit = covering_entity(ents, text.index("Wierzbicki"), text.index("Wierzbicki") + 10)
    assert hit is not None and hit.text == "Tomasz Wierzbicki"
    assert covering_entity(ents, 0, 9) is None


def test_spans_are_sorted_and_disjoint_on_news_text(lex):
    text = (
        "BRUSSELS — The European Parliament approved the budget on Wednesday after Prime "
        "Minister Mark Rutte met Ursula von der Leyen, the President of the European "
        "Commission. Analysts at the Bank of England expect rates to fall by June."
    )
    ents = find_entities(text, lex)
    got = {e.text: e.label for e in ents}
    assert got["European Parliament"] == "ORG"
    assert got["Mark Rutte"] == "PERSON"
    assert got["Ursula von der Leyen"] == "PERSON"
    assert got["Bank of England"] == "ORG"
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:]))


def test_surname_beats_a_small_town_of_the_same_name(lex):
    text = 'Professor Ana Sousa of the University of Porto agreed. "We are not helpless," Sousa said.'
    got = labels(text, lex)
    assert got["Ana Sousa"] == "PERSON" and got["Sousa"] == "PERSON"
    assert got["University of Porto"] == "ORG"


def test_all_caps_headline_is_not_a_string_of_acronyms(lex):
    got = labels("FROST HITS APPLE GROWERS IN TYROL\n\nGrowers expect losses.", lex)
    assert got == {}


def test_famous_name_that_is_a_frequent_word_is_found_mid_sentence(lex):
    got = labels("Talks between the two sides, said a source close to Putin, stalled.", lex)
    assert "Putin" in got
    # ... but a frequent ordinary word opening a sentence is not
    assert labels("Women marched. It was held near the river.", lex) == {}


def test_title_may_open_with_whose_title_it_is(lex):
    text = (
        "Ukrainian Foreign Minister Andrii Sybiha met U.S. President Donald Trump on Feb. 28. "
        "Russian Economic Development Minister Alexei Ulyulkayev stayed in Istanbul."
    )
    got = labels(text, lex)
    assert got["Andrii Sybiha"] == got["Donald Trump"] == got["Alexei Ulyulkayev"] == "PERSON"
    assert got["Feb. 28"] == "DATE"
    assert got["Istanbul"] == "PLACE"


def test_dateline_spelling_labels_the_same_name_later(lex):
    got = labels("KIEV, April 1 -- Officials said that Kiev is ready.", lex)
    assert got["KIEV"] == got["Kiev"] == "PLACE"
    assert got["April 1"] == "DATE"
