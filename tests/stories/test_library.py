"""Stories over a stored library: apply a story's names as one undo step, reconciled names
as variant findings in the review, splits and merges kept in the store."""

from __future__ import annotations

from reader.corrections import apply_corrections
from reader.editing import Editor
from reader.review import Review
from reader.store import Library
from reader.stories import library as stories
from tests.stories_data.corpus import GARBLES


def _story(lib, truth, event):
    ids = [aid for aid, ev in truth.items() if ev == event]
    return next(s for s in stories.list_stories(lib) if ids[0] in s.article_ids)


def test_apply_corrects_every_variant_in_every_article_and_undo_is_one_step(corpus_library):
    lib, truth = corpus_library
    story = _story(lib, truth, "dig")
    names = stories.story_names(lib, story)
    editor = Editor(lib)
    change = stories.apply_names(editor, names)
    assert change.count == 3 and len(change.article_ids) == 2
    for aid in story.article_ids:
        corrected = apply_corrections(lib.get_text(aid), lib.corrections(aid))
        for garbled in GARBLES["dig"]:
            assert garbled not in corrected.split()
        assert all(c.kind == "variant" for c in lib.corrections(aid))
    after = stories.story_names(lib, story)
    assert all(len(c.spellings) == 1 for c in after.clusters if c.preferred in GARBLES["dig"].values())
    assert stories.plan_apply(lib, after) == {}
    undone = editor.undo()
    assert undone is not None and undone.count == 3
    assert all(lib.corrections(aid) == [] for aid in story.article_ids)


def test_reconciled_names_are_variant_findings_with_the_preferred_spelling_first(corpus_library):
    lib, truth = corpus_library
    story = _story(lib, truth, "strike")
    stories.story_names(lib, story)  # computing the table remembers the story's names
    garbled_article = next(aid for aid in story.article_ids if "Cifeuntes" in lib.get_text(aid))
    review = Review.for_article(lib, garbled_article)
    by_text = {f.text: f for f in review.findings if f.kind == "variant"}
    for garbled, right in GARBLES["strike"].items():
        assert by_text[garbled].suggestions[0] == right


def test_a_choice_is_kept_and_applied(corpus_library):
    lib, truth = corpus_library
    story = _story(lib, truth, "launch")
    names = stories.story_names(lib, story)
    cluster = next(c for c in names.clusters if c.preferred == "Orbitalis")
    stories.choose(lib, cluster, "Orbitalsi")
    again = stories.story_names(lib, story)
    assert next(c for c in again.clusters if "Orbitalsi" in {s.text for s in c.spellings}).preferred == "Orbitalsi"


def test_split_and_merge_are_kept_in_the_store(corpus_library, db_path):
    lib, truth = corpus_library
    chess = _story(lib, truth, "chess")
    stories.split(lib, chess, [chess.article_ids[0]])
    ferry = _story(lib, truth, "ferry")
    strike = _story(lib, truth, "strike")
    stories.merge(lib, [ferry.article_ids, strike.article_ids])
    reopened = Library.open(db_path)
    found = stories.list_stories(reopened)
    keyed = {aid: s for s in found for aid in s.article_ids}
    assert chess.article_ids[0] not in keyed or len(keyed[chess.article_ids[0]].article_ids) == 1
    assert set(keyed[chess.article_ids[1]].article_ids) == set(chess.article_ids[1:])
    assert set(keyed[ferry.article_ids[0]].article_ids) == {*ferry.article_ids, *strike.article_ids}
    # a new report of the merged story's event still joins it
    info = reopened.add_article(
        "Dockworkers at Valparaíso ended their strike at Terminal Pacífico Sur after Rodrigo Cifuentes "
        "and Carolina Valenzuela agreed on night-shift bonuses.", title="Strike ends", meta={"date": "2025-06-05"}).info
    again = {aid: s for s in stories.list_stories(reopened) for aid in s.article_ids}
    assert info.id in again[strike.article_ids[0]].article_ids
