"""The bundled sample articles: shipped in the package, seeded into a new library once."""

from __future__ import annotations

import re

from reader.samples import sample_names, sample_text, seed_samples
from reader.textio import word_count


def test_at_least_three_samples_of_the_right_length():
    names = sample_names()
    assert len(names) >= 3
    for name in names:
        text = sample_text(name)
        assert 300 <= word_count(text) <= 450, name
        title, blank = text.split("\n")[:2]
        assert title.strip() and blank == ""


def test_samples_carry_the_damage_they_are_meant_to_show():
    """Style checks (not word lists): every sample has a stray hyphen space, "a" before a
    vowel, a phrase repeated back to back and an OCR digit-for-letter confusion."""
    for name in sample_names():
        text = sample_text(name)
        assert re.search(r"\w -\w", text), name
        assert re.search(r"\ba [aeiouAEIOU]", text), name
        assert re.search(r"\b(\w+(?: \w+){1,4}), \1\b", text), name
        assert re.search(r"\b[a-z]+[01][a-z]+\b|\b[01][a-z]{3,}\b", text), name


def test_seeding_happens_once(library):
    assert seed_samples(library) == len(sample_names())
    assert seed_samples(library) == 0
    titles = [i.title for i in library.list_articles()]
    assert len(titles) == len(sample_names())
    library.remove_article(library.list_articles()[0].id)
    assert seed_samples(library) == 0  # a removed sample does not come back
