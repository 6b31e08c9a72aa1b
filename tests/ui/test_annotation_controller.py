"""AnnotationController: selections in the corrected view stored over the original text,
every write undoable through the Editor."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.corrections import OffsetMap, project
from reader.editing import Editor
from reader.errors import ReaderError
from reader.model import Correction
from reader.ui.annotation_actions import AnnotateResult, AnnotationController

TEXT = "The ministr met Brenna Kask at the harbour of Aldmouth on Monday.\n"


@pytest.fixture
def lib_editor(library):
    library.add_article(TEXT, title="Harbour")
    aid = next(i.id for i in library.list_articles())
    return library, Editor(library), aid


def _correct(editor: Editor, lib, aid: str, word: str, replacement: str) -> OffsetMap:
    start = TEXT.index(word)
    editor.correct(aid, start, start + len(word), replacement)
    return project(TEXT, lib.corrections(aid))[1]


def test_create_edit_delete_and_undo_redo(lib_editor) -> None:
    lib, editor, aid = lib_editor
    ctl = AnnotationController(editor, lib, aid)
    start = TEXT.index("Brenna Kask")
    made = ctl.create_from_selection(start, start + 11, AnnotateResult(note="who?\nfirst line", tags=("people", "#people, harbour"), label="person"))
    assert [(a.anchor.quote, a.note, a.tags, a.label) for a in lib.annotations(aid)] == [
        ("Brenna Kask", "who?\nfirst line", ("people", "harbour"), "PERSON")
    ]
    edited = ctl.edit(made, AnnotateResult(note="the skipper", tags=("crew",), label=None))
    assert edited is not None and edited.id == made.id
    assert [(a.note, a.tags, a.label) for a in lib.annotations(aid)] == [("the skipper", ("crew",), None)]
    assert editor.undo_description.startswith("edit annotation")
    editor.undo()
    assert lib.annotations(aid)[0].note == "who?\nfirst line"
    editor.redo()
    assert lib.annotations(aid)[0].note == "the skipper"
    assert ctl.edit(edited, AnnotateResult("delete")) is None
    assert lib.annotations(aid) == []
    editor.undo()
    assert [a.id for a in lib.annotations(aid)] == [made.id]
    editor.undo()
    editor.undo()
    assert lib.annotations(aid) == []
    assert not editor.can_undo


def test_unchanged_edit_adds_no_undo_step(lib_editor) -> None:
    lib, editor, aid = lib_editor
    ctl = AnnotationController(editor, lib, aid)
    made = ctl.create_from_selection(4, 11, AnnotateResult(note="typo", tags=("x",)))
    before = editor.history()
    assert ctl.edit(made, AnnotateResult(note="typo", tags=("x",))) == made
    assert editor.history() == before


def test_selection_after_a_longer_correction_maps_to_original(lib_editor) -> None:
    lib, editor, aid = lib_editor
    omap = _correct(editor, lib, aid, "ministr", "minister")  # +1 before the span
    corrected = project(TEXT, lib.corrections(aid))[0]
    ctl = AnnotationController(editor, lib, aid, omap)
    cs = corrected.index("Aldmouth")
    made = ctl.create_from_selection(cs, cs + len("Aldmouth"), AnnotateResult(tags=("place",)))
    assert (made.anchor.start, made.anchor.end) == (TEXT.index("Aldmouth"), TEXT.index("Aldmouth") + 8)
    assert made.anchor.quote == "Aldmouth"
    assert ctl.displayed_span(made) == (cs, cs + 8)
    assert ctl.at(cs) == made and ctl.at(cs + 7) == made
    assert ctl.at(cs + 8) is None and ctl.at(cs - 1) is None


def test_selection_covering_a_correction_quotes_the_original(lib_editor) -> None:
    lib, editor, aid = lib_editor
    omap = _correct(editor, lib, aid, "ministr", "minister")
    corrected = project(TEXT, lib.corrections(aid))[0]
    ctl = AnnotationController(editor, lib, aid, omap)
    cs = corrected.index("minister met")
    made = ctl.create_from_selection(cs + len("minister met"), cs, AnnotateResult(note="reversed selection"))
    assert made.anchor.quote == "ministr met"
    # undo of the annotation leaves the correction in place (one stack, in order)
    editor.undo()
    assert lib.annotations(aid) == [] and len(lib.corrections(aid)) == 1


def test_at_prefers_the_innermost_annotation(lib_editor) -> None:
    lib, editor, aid = lib_editor
    ctl = AnnotationController(editor, lib, aid)
    s = TEXT.index("Brenna Kask")
    outer = ctl.create_from_selection(s, s + 11, AnnotateResult(note="outer"))
    inner = ctl.create_from_selection(s + 7, s + 11, AnnotateResult(note="inner"))
    assert ctl.at(s + 8) == inner
    assert ctl.at(s + 1) == outer


def test_label_selection_relabels_the_same_span(lib_editor) -> None:
    lib, editor, aid = lib_editor
    ctl = AnnotationController(editor, lib, aid)
    s = TEXT.index("Monday")
    first = ctl.label_selection(s, s + 6, "DATE")
    again = ctl.label_selection(s, s + 6, "O")
    assert again.id == first.id
    assert [(a.label, a.note) for a in lib.annotations(aid)] == [("O", "")]
    editor.undo()
    assert lib.annotations(aid)[0].label == "DATE"


def test_known_tags_and_labels(lib_editor) -> None:
    lib, editor, aid = lib_editor
    ctl = AnnotationController(editor, lib, aid)
    ctl.create_from_selection(0, 3, AnnotateResult(tags=("b", "a"), label="SHIP"))
    ctl.create_from_selection(4, 11, AnnotateResult(tags=("a",)))
    assert ctl.known_tags() == ["a", "b"]
    assert ctl.known_labels() == ["PERSON", "PLACE", "ORG", "DATE", "SHIP"]


def test_user_errors_raise_reader_error(lib_editor) -> None:
    lib, editor, aid = lib_editor
    ctl = AnnotationController(editor, lib, aid)
    with pytest.raises(ReaderError):
        ctl.create_from_selection(3, 4, AnnotateResult())  # a single space
    with pytest.raises(ReaderError):
        ctl.create_from_selection(0, 3, AnnotateResult(label="two words"))
    assert lib.annotations(aid) == [] and not editor.can_undo


WORD = st.sampled_from(["a", "bb", "ccc", "dddd"])


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(WORD, min_size=5, max_size=10),
    fix_at=st.integers(0, 3), replacement=st.sampled_from(["", "x", "yyyyy"]),
    pick=st.integers(0, 9),
)
def test_mapping_keeps_the_selected_words(words, fix_at, replacement, pick) -> None:
    """A selection of whole words after a correction stores exactly those words."""
    text = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    fs = starts[fix_at]
    fix = Correction("c", "a", fs, fs + len(words[fix_at]), words[fix_at], replacement)
    corrected, omap = project(text, [fix])
    k = fix_at + 1 + pick % (len(words) - fix_at - 1)  # a word after the fix
    ostart = starts[k]
    cstart = omap.to_corrected(ostart)
    assert corrected[cstart : cstart + len(words[k])] == words[k]

    class _Lib:
        def annotations(self, article_id=None):
            return []

    ctl = AnnotationController(None, _Lib(), "a", omap)  # original_span needs no store
    assert ctl.original_span(cstart, cstart + len(words[k])) == (ostart, ostart + len(words[k]))


# ---------------------------------------------------------------------- key flows
def test_key_flows_annotate_edit_label_delete_and_undo(lib_editor) -> None:
    """The dialogs driven by keys through run_annotate/run_edit/run_label on a host app."""
    from textual.app import App

    from reader.ui.annotation_actions import run_annotate, run_edit, run_label
    from tests.ui.conftest import sync, wait_until

    lib, editor, aid = lib_editor
    omap = _correct(editor, lib, aid, "ministr", "minister")
    corrected = project(TEXT, lib.corrections(aid))[0]
    ctl = AnnotationController(editor, lib, aid, omap)
    cs = corrected.index("Brenna Kask")
    done: list = []

    @sync
    async def drive() -> None:
        app = App()
        async with app.run_test(size=(80, 30)) as pilot:
            run_annotate(app.screen, ctl, cs, cs + 11, corrected[cs:cs + 11], done.append)
            await pilot.pause()
            await pilot.press(*"skipper", "tab", *"crew", "ctrl+s")
            await wait_until(pilot, lambda: len(done) == 1)
            made = done[0]
            assert (made.note, made.tags) == ("skipper", ("crew",))
            assert ctl.at(cs + 3) == made

            run_label(app.screen, ctl, cs, cs + 11, "Brenna Kask", done.append)
            await pilot.pause()
            await pilot.press("p")
            await wait_until(pilot, lambda: len(done) == 2)
            assert done[1].id == made.id and done[1].label == "PERSON"

            run_edit(app.screen, ctl, ctl.at(cs), done.append)
            await pilot.pause()
            await pilot.press("ctrl+r")
            await wait_until(pilot, lambda: len(done) == 3)
            assert done[2] is None and lib.annotations(aid) == []

            run_annotate(app.screen, ctl, cs + 6, cs + 7, " ", done.append)  # a space: refused
            await pilot.pause()
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: len(done) == 4)
            assert done[3] is None and lib.annotations(aid) == []

    drive()
    editor.undo()  # the delete
    assert [(a.label, a.note) for a in lib.annotations(aid)] == [("PERSON", "skipper")]
    editor.undo()  # the label
    editor.undo()  # the annotation
    assert lib.annotations(aid) == [] and len(lib.corrections(aid)) == 1
