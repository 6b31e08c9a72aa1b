"""Names tables: every garbled spelling in the corpus gets its preferred spelling first,
choices win, and reconciled names become ``variant`` findings."""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities
from reader.analysis.gazetteer import get_gazetteer
from reader.analysis.lexicon import get_lexicon
from reader.model import Finding
from reader.stories.checks import story_variants
from reader.stories.names import names_table, variant_map
from tests.stories_data.corpus import ARTICLES, GARBLES


def _event_docs(event: str):
    lexicon = get_lexicon()
    return [(f"a{i}", text, find_entities(text, lexicon))
            for i, (ev, _title, _date, text) in enumerate(ARTICLES) if ev == event]


def _table(event: str, **kwargs):
    return names_table(_event_docs(event), lexicon=get_lexicon(), gazetteer=get_gazetteer(), **kwargs)


@pytest.mark.parametrize("event", sorted(GARBLES))
def test_every_garbled_spelling_gets_its_preferred_spelling_first(event):
    table = _table(event)
    preferred = {s.text: c.preferred for c in table for s in c.spellings}
    for garbled, right in GARBLES[event].items():
        assert preferred.get(garbled) == right, (garbled, preferred.get(garbled))


def test_counts_are_per_article_and_the_example_is_a_full_name():
    table = _table("ferry")
    cluster = next(c for c in table if c.preferred == "Oosterhuis")
    assert cluster.label == "PERSON" and cluster.example == "Maarten Oosterhuis"
    garbled = next(s for s in cluster.spellings if s.text == "Oosterhius")
    assert garbled.articles == 1 and garbled.total == 1
    assert cluster.spellings[0].articles == 2


def test_a_persons_choice_and_corrected_names_win():
    chosen = _table("chess", choices={"gelashivli": "Gelashivli"})
    assert next(c for c in chosen if "Gelashivli" in {s.text for s in c.spellings}).preferred == "Gelashivli"
    assert next(c for c in chosen if "Gelashivli" in {s.text for s in c.spellings}).spellings[0].chosen
    taught = _table("ferry", user_names=["Ingeborg Vandermuelen"])
    assert next(c for c in taught if "Vandermuelen" in {s.text for s in c.spellings}).preferred == "Vandermuelen"


def test_two_known_names_stay_apart_unless_written_with_the_same_given_name():
    text = "Anna Hansen met Peter Hanson in Oslo. Hansen and Hanson spoke."
    docs = [("x", text, find_entities(text, get_lexicon()))]
    table = names_table(docs, lexicon=get_lexicon(), gazetteer=get_gazetteer())
    assert all(len(c.spellings) == 1 for c in table if c.preferred in ("Hansen", "Hanson"))


def test_variant_map_lists_each_articles_own_variants():
    mapping = variant_map(_table("wildfire"))
    assert mapping and all(v in ("Papadimitriou", "Karagiorgi") for m in mapping.values() for v in m.values())
    assert sum(len(m) for m in mapping.values()) == 2


def test_story_variants_put_the_preferred_spelling_first():
    text = "Captain Oosterhius said. Oosterhius-like words are not names: Oosterhiusian."
    old = [Finding(8, 18, "Oosterhius", "variant", "own guess", ("Oosterhuys",))]
    found = story_variants(text, old, {"Oosterhius": "Oosterhuis"})
    assert [(f.start, f.suggestions[0]) for f in found] == [(8, "Oosterhuis")]
    assert found[0].kind == "variant" and "story" in found[0].message
