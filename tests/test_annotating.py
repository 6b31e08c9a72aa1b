"""Making annotations from quotes, tags, filtering, user entity labels."""

from __future__ import annotations

import pytest

from reader.annotating import (
    NO_ENTITY,
    annotation_json,
    effective_entities,
    filter_annotations,
    locate_quote,
    new_annotation,
    normalise_label,
    normalise_tags,
    tag_completions,
)
from reader.errors import ReaderError
from reader.model import Correction, Entity

TEXT = "Anna met Bob in Paris. Then Anna met Carl in Pariss."


def test_locate_quote_nth_and_errors():
    assert locate_quote(TEXT, "Anna met") == (0, 8)
    assert locate_quote(TEXT, "Anna met", 2) == (28, 36)
    with pytest.raises(ReaderError, match="occurs 2 times; there is no occurrence number 3"):
        locate_quote(TEXT, "Anna met", 3)
    with pytest.raises(ReaderError, match="not found"):
        locate_quote(TEXT, "Zoe")
    with pytest.raises(ReaderError):
        locate_quote(TEXT, "Anna", 0)


def test_locate_quote_in_corrected_text_maps_back_to_original():
    fix = Correction("c", "a", 45, 51, "Pariss", "Paris")
    start, end = locate_quote(TEXT, "Carl in Paris.", 1, [fix])
    assert TEXT[start:end] == "Carl in Pariss."  # stored over the original text


def test_new_annotation_normalises_tags_label_and_strips_escapes():
    ann = new_annotation("a", TEXT, 9, 12, note="who?\x1b[31m", tags=["#people, names", "names", " "], label="person", annotation_id="x")
    assert ann.anchor.quote == "Bob"
    assert ann.tags == ("people", "names")
    assert ann.label == "PERSON"
    assert "\x1b" not in ann.note
    with pytest.raises(ReaderError):
        new_annotation("a", TEXT, 5, 5)
    with pytest.raises(ReaderError):
        normalise_label("two words")
    assert normalise_tags(["a,b", "#a"]) == ("a", "b")


def test_tag_completions_most_used_first():
    anns = [
        new_annotation("a", TEXT, 0, 4, tags=["people", "todo"], annotation_id="1"),
        new_annotation("a", TEXT, 9, 12, tags=["people"], annotation_id="2"),
        new_annotation("a", TEXT, 16, 21, tags=["places", "Pending"], annotation_id="3"),
    ]
    assert tag_completions(anns, "p") == ["people", "Pending", "places"]
    assert tag_completions(anns) == ["people", "Pending", "places", "todo"]


def test_filter_by_tag_label_and_fuzzy_search():
    anns = [
        new_annotation("a", TEXT, 0, 4, note="the protagonist", tags=["People"], label="PERSON", annotation_id="1"),
        new_annotation("a", TEXT, 16, 21, note="a capital", tags=["places"], annotation_id="2"),
    ]
    assert [a.id for a in filter_annotations(anns, tag="people")] == ["1"]
    assert [a.id for a in filter_annotations(anns, label="person")] == ["1"]
    assert [a.id for a in filter_annotations(anns, search="protagonst")] == ["1"]  # typo tolerated
    assert [a.id for a in filter_annotations(anns, search="Paris")] == ["2"]  # in the quote


def test_annotation_json_has_null_offsets_for_orphans():
    from dataclasses import replace

    ann = new_annotation("a", TEXT, 0, 4, annotation_id="1")
    assert annotation_json(ann)["start"] == 0
    j = annotation_json(replace(ann, orphan=True))
    assert j["start"] is None and j["end"] is None and j["orphan"] is True and j["quote"] == "Anna"


def test_user_labels_override_and_remove_detected_entities():
    detected = [Entity(0, 4, "Anna", "PLACE"), Entity(16, 21, "Paris", "PLACE"), Entity(9, 12, "Bob", "PERSON")]
    anns = [
        new_annotation("a", TEXT, 0, 4, label="PERSON", annotation_id="1"),
        new_annotation("a", TEXT, 9, 12, label=NO_ENTITY, annotation_id="2"),
        new_annotation("a", TEXT, 37, 41, label="PERSON", annotation_id="3"),
        new_annotation("a", TEXT, 0, 4, note="no label", annotation_id="4"),
    ]
    out = effective_entities(detected, anns, TEXT)
    assert [(e.text, e.label) for e in out] == [("Anna", "PERSON"), ("Paris", "PLACE"), ("Carl", "PERSON")]
