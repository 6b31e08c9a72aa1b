"""Each finding kind: what it must flag and what it must leave alone."""

from __future__ import annotations

import pytest

from reader.analysis import AnalysisContext, analyze


def kinds_at(text: str, context: AnalysisContext | None = None) -> dict[str, str]:
    """finding text -> kind, for compact assertions."""
    return {f.text: f.kind for f in analyze(text, context).findings}


def finding(text: str, needle: str):
    for f in analyze(text).findings:
        if f.text == needle:
            return f
    raise AssertionError(f"no finding {needle!r} in {[f.text for f in analyze(text).findings]}")


# --------------------------------------------------------------------------- misspelling
@pytest.mark.parametrize(
    "sentence, word, fix",
    [
        ("The goverment said so.", "goverment", "government"),  # seen on the web, but rare
        ("We beleive it.", "beleive", "believe"),
        ("It costs a milion euros.", "milion", "million"),
        ("They met on Wendsday night.", "Wendsday", "Wednesday"),  # capitalised slip
        ("The reslut was clear.", "reslut", "result"),  # unseen
    ],
)
def test_misspelling_found_with_fix_first(sentence, word, fix):
    f = finding(sentence, word)
    assert f.kind == "misspelling"
    assert f.suggestions[0] == fix


@pytest.mark.parametrize(
    "sentence",
    [
        "The Secretary-General, Amara Okafor-Ndiaye, warned delegates.",
        "Provincial president Arno Kompatscher said on Tuesday that he agreed.",
        "Pichler said his orchard lost half its blossom.",
        "The committee reopens the inquiry into unfit housing.",
        "GENEVA — Delegates from forty countries spent the night talking.",
        "It’s the port’s own data, and they don’t agree with “experts”.",
        "See https://example.org/a/very-long_path?q=teh or mail info@exampel.org today.",
        "Run `pip install thsi` and read [the docs](https://docs.exampel.org/x).",
        "# Heading with *emphasis* and **strong** words\n\nA water-sharing, late-night deal.",
    ],
)
def test_correct_text_has_no_misspellings(sentence):
    assert not [f for f in analyze(sentence).findings if f.kind in ("misspelling", "ocr")]


@pytest.mark.parametrize(
    "word, fix",
    [("definately", "definitely"), ("occured", "occurred"), ("seperate", "separate"),
     ("truely", "truly"), ("accomodate", "accommodate"), ("wich", "which"),
     ("concensus", "consensus"), ("excercise", "exercise"), ("teh", "the"), ("adn", "and")],
)
def test_common_misspellings_known_to_the_web_are_caught(word, fix):
    f = finding(f"They said {word} today.", word)
    assert f.kind == "misspelling" and f.suggestions[0] == fix


def test_sentence_opener_misspelled_but_names_are_not():
    assert kinds_at("Acording to the data. Kompatscher agreed.") == {"Acording": "misspelling"}
    assert finding("Acording to the data.", "Acording").suggestions[0] == "According"


@pytest.mark.parametrize(
    "word", ["pertain", "coder", "drafter", "noncommercially", "sublicenses", "bloc’s"]
)
def test_rare_but_correct_words_are_not_misspellings(word):
    assert kinds_at(f"They said {word} today.") == {}


def test_a_foreign_word_is_not_an_english_misspelling():
    kinds = kinds_at("They said carne today.")
    assert "misspelling" not in kinds.values() and kinds == {"carne": "foreign"}


def test_personal_dictionary_and_ignores_silence_findings():
    text = "The goverment and the reslut."
    assert set(kinds_at(text)) == {"goverment", "reslut"}
    ctx = AnalysisContext(dictionary=frozenset({"Goverment"}), ignored=frozenset({"reslut"}))
    assert kinds_at(text, ctx) == {}


def test_preferred_correction_comes_first():
    ctx = AnalysisContext(preferred={"reslut": "resolute"})
    f = analyze("The reslut was clear.", ctx).findings[0]
    assert f.suggestions[0] == "resolute"


# --------------------------------------------------------------------------- ocr
@pytest.mark.parametrize(
    "sentence, word, fix",
    [
        ("The 1ocal cooperative hired fewer workers.", "1ocal", "local"),
        ("It will c1ose early.", "c1ose", "close"),
        ("They met in 0ctober.", "0ctober", "October"),
        ("About seven thousand farrners asked for aid.", "farrners", "farmers"),
        ("It took six rnonths.", "rnonths", "months"),
        ("The poIice came.", "poIice", "police"),
        ("Small tovvns flooded.", "tovvns", "towns"),
    ],
)
def test_ocr_confusions(sentence, word, fix):
    f = finding(sentence, word)
    assert f.kind == "ocr" and f.suggestions[0] == fix


@pytest.mark.parametrize("sentence", ["The G7 met in 2024 for the 4th time.", "It uses MP3 and 3D."])
def test_codes_with_digits_are_not_ocr(sentence):
    assert kinds_at(sentence) == {}


# --------------------------------------------------------------------------- case
def test_lower_case_country_and_weekday():
    found = kinds_at("Workers from slovakia arrived on monday.")
    assert found == {"slovakia": "case", "monday": "case"}
    assert finding("Workers from slovakia arrived.", "slovakia").suggestions == ("Slovakia",)


def test_common_word_homographs_are_not_case_errors():
    assert kinds_at("We ate turkey in may and march on.") == {}
    assert kinds_at("A family reunion, a red jersey and wellington boots.") == {}
    assert kinds_at("Workers from Slovakia arrived on Monday.") == {}


# --------------------------------------------------------------------------- spacing
@pytest.mark.parametrize(
    "sentence, bad, fix",
    [
        ("It was a two -day meeting.", "two -day", "two-day"),
        ("They will re- turn soon.", "re- turn", "re-turn"),
        ("He said , quietly, no.", "said ,", "said,"),
        ("He said,and left.", "said,and", "said, and"),
        ("It ended.The rest", "ended.The", "ended. The"),
        ("Then,, later", ",,", ","),
    ],
)
def test_spacing(sentence, bad, fix):
    f = finding(sentence, bad)
    assert f.kind == "spacing" and f.suggestions == (fix,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Both pre- and post-war housing.",
        "The score - as expected - was even.",
        "Wait... then go.",
        "Options:\n\n- one\n- two",
        "It cost 1,400 in the U.S. and e.g. the Node.js app at example.com, ok.",
    ],
)
def test_spacing_leaves_correct_text_alone(sentence):
    assert [f for f in analyze(sentence).findings if f.kind == "spacing"] == []


# --------------------------------------------------------------------------- grammar
@pytest.mark.parametrize(
    "sentence, bad, fix",
    [
        ("We ask for a urgent reply.", "a urgent", "an urgent"),
        ("It was an unique chance.", "an unique", "a unique"),
        ("She waited a hour.", "a hour", "an hour"),
        ("It is an European rule.", "an European", "a European"),
        ("He saw the the dog.", "the the", "the"),
        ("The the dog barked.", "The the", "The"),
    ],
)
def test_grammar_positive(sentence, bad, fix):
    f = finding(sentence, bad)
    assert f.kind == "grammar" and f.suggestions == (fix,)


@pytest.mark.parametrize(
    "sentence",
    [
        "She waited an hour for an honest answer.",
        "It is a union of a European and a one-off kind.",
        "A useful tool, a university and an umbrella.",
        "He had had enough; I know that that is true.",
        "Plan A is an FBI matter, not a NATO one.",
    ],
)
def test_grammar_negative(sentence):
    assert [f for f in analyze(sentence).findings if f.kind == "grammar"] == []


# --------------------------------------------------------------------------- repetition
def test_repeated_phrase():
    f = finding("Forecasts point to drier summers, drier summers and warmer winters.",
                "drier summers, drier summers")
    assert f.kind == "repetition" and f.suggestions == ("drier summers",)


def test_repetition_needs_two_words_back_to_back():
    text = "More and more people came. The old bridge. The old bridge was closed."
    assert [f for f in analyze(text).findings if f.kind == "repetition"] == []


# --------------------------------------------------------------------------- foreign
def test_foreign_word_and_phrase():
    found = kinds_at('Mientras the talks went on, she came "con buena fe".')
    assert found == {"Mientras": "foreign", "con buena fe": "foreign"}
    assert kinds_at("The vote failed. Sin embargo, they stayed.") == {"Sin embargo": "foreign"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Delegates met at the Palais des Nations in Geneva.",
        "Union leader Sanne de Wit spoke. De Wit said no.",
        "They had a café au lait and a bona fide deal.",
        "It is de facto a ban, per se. Die-hard fans. The van der Berg case.",
    ],
)
def test_names_and_loanwords_are_not_foreign(sentence):
    assert [f for f in analyze(sentence).findings if f.kind == "foreign"] == []


# --------------------------------------------------------------------------- general
def test_findings_are_sorted_and_do_not_overlap():
    text = "The goverment said a urgent two -day plan, a plan, a plan. The the 1ocal farrners."
    fs = analyze(text).findings
    assert fs
    assert list(fs) == sorted(fs, key=lambda f: (f.start, f.end, f.kind))
    for a, b in zip(fs, fs[1:]):
        assert a.end <= b.start
    for f in fs:
        assert text[f.start:f.end] == f.text and f.message


def test_kinds_filter():
    text = "The goverment said a urgent thing."
    ctx = AnalysisContext(kinds=frozenset({"grammar"}))
    assert [f.kind for f in analyze(text, ctx).findings] == ["grammar"]


def test_analysis_is_deterministic():
    text = "The goverment of romania annouced a urgent plan, drier summers, drier summers."
    assert analyze(text) == analyze(text)
