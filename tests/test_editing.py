"""The Editor: every mutation of standoff records, undo/redo, and persisted history."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.corrections import apply_corrections
from reader.editing import Editor
from reader.errors import InputError, NotFoundError
from reader.model import Anchor, Annotation
from reader.store import Library

TEXT_A = "On Wendsday the comittee met. The comittee's chair, comittee-like, said: comittee.\n\nComittee rules."
TEXT_B = "A comittee formed on Wendsday.\n"


@pytest.fixture
def lib(library: Library) -> Library:
    return library


@pytest.fixture
def ids(lib: Library) -> tuple[str, str]:
    a = lib.add_article(TEXT_A, title="A").info.id
    b = lib.add_article(TEXT_B, title="B").info.id
    return a, b


def corrected(lib: Library, aid: str) -> str:
    return apply_corrections(lib.get_text(aid), lib.corrections(aid))


def snapshot(lib: Library, aid: str):
    return (
        sorted(c.to_record().items() for c in lib.corrections(aid)),
        sorted(sorted(i.to_record().items()) for i in lib.ignores(aid)),
        sorted(a.id for a in lib.annotations(aid)),
        sorted(lib.words()),
    )


def test_correct_then_undo_redo(lib, ids):
    a, _ = ids
    ed = Editor(lib)
    before = snapshot(lib, a)
    change = ed.correct(a, 3, 11, "Wednesday", kind="misspelling")
    assert change.kind == "do" and change.article_ids == {a}
    assert change.spans == ((a, 3, 11),)
    (c,) = lib.corrections(a)
    assert (c.start, c.end, c.original, c.replacement, c.kind) == (3, 11, "Wendsday", "Wednesday", "misspelling")
    assert corrected(lib, a).startswith("On Wednesday the")
    after = snapshot(lib, a)
    assert ed.can_undo and not ed.can_redo
    assert ed.undo_description == 'correct "Wendsday" -> "Wednesday"'
    assert ed.undo().kind == "undo"
    assert snapshot(lib, a) == before
    assert ed.redo_description == 'correct "Wendsday" -> "Wednesday"'
    assert ed.redo().kind == "redo"
    assert snapshot(lib, a) == after
    assert ed.redo() is None


def test_overlapping_correction_replaces_and_undo_restores(lib, ids):
    a, _ = ids
    ed = Editor(lib)
    ed.correct(a, 3, 11, "Wednesday")
    ed.correct(a, 12, 15, "a")  # "the" -> "a"
    first = snapshot(lib, a)
    ed.correct(a, 3, 15, "Wednesday, the")  # overlaps both
    assert [c.replacement for c in lib.corrections(a)] == ["Wednesday, the"]
    assert corrected(lib, a).startswith("On Wednesday, the comittee")
    ed.undo()
    assert snapshot(lib, a) == first


def test_correct_restoring_original_removes_correction(lib, ids):
    a, _ = ids
    ed = Editor(lib)
    ed.correct(a, 3, 11, "Wednesday")
    change = ed.correct(a, 3, 11, "Wendsday")
    assert change.description.startswith("restore")
    assert lib.corrections(a) == []
    ed.undo()
    assert len(lib.corrections(a)) == 1
    assert ed.correct(a, 0, 2, "On").kind == "none"  # no-op: nothing written, no step
    assert ed.undo_description == 'correct "Wendsday" -> "Wednesday"'


def test_correct_in_view_uses_corrected_coordinates(lib, ids):
    a, _ = ids
    ed = Editor(lib)
    ed.correct(a, 0, 2, "Last")  # corrected text now starts "Last Wendsday"
    view = corrected(lib, a)
    s = view.index("Wendsday")
    ed.correct_in_view(a, s, s + len("Wendsday"), "Wednesday")
    assert corrected(lib, a).startswith("Last Wednesday the comittee")
    # retyping inside a corrected word replaces that correction, not nests in it
    view = corrected(lib, a)
    s = view.index("Wednesday") + 1
    ed.correct_in_view(a, s, s + 2, "ED")
    assert corrected(lib, a).startswith("Last WEDnesday the")
    assert [c.original for c in lib.corrections(a)] == ["On", "Wendsday"]
    ed.undo()
    assert corrected(lib, a).startswith("Last Wednesday the")


def test_correct_in_view_over_an_insertion_does_not_duplicate_it(lib, ids):
    a, _ = ids
    ed = Editor(lib)
    dot = TEXT_A.index(".")
    ed.correct(a, dot, dot, "!")  # insert before the full stop
    view = corrected(lib, a)
    assert "met!." in view
    s = view.index("met!.")
    ed.correct_in_view(a, s, s + 5, "met.")
    assert "met. The" in corrected(lib, a) and "!" not in corrected(lib, a)


def test_bad_span_and_unknown_records(lib, ids):
    a, _ = ids
    ed = Editor(lib)
    with pytest.raises(InputError):
        ed.correct(a, 5, 5000, "x")
    with pytest.raises(NotFoundError):
        ed.remove_correction(a, "nope")
    with pytest.raises(NotFoundError):
        ed.correct("nosuch", 0, 1, "x")


def test_remove_correction_and_undo(lib, ids):
    a, _ = ids
    ed = Editor(lib)
    ed.correct(a, 3, 11, "Wednesday")
    (c,) = lib.corrections(a)
    ed.remove_correction(a, c.id)
    assert lib.corrections(a) == []
    ed.undo()
    assert lib.corrections(a) == [c]


def test_replace_all_in_article_whole_words_and_capitalised(lib, ids):
    a, b = ids
    ed = Editor(lib)
    # "comittee's" and "comittee-like" are other words; "Comittee" gets a capital
    assert ed.count_in_article(a, "comittee") == 3
    change = ed.replace_all_in_article(a, "comittee", "committee")
    assert change.count == 3
    assert corrected(lib, a) == (
        "On Wendsday the committee met. The comittee's chair, comittee-like, said: committee."
        "\n\nCommittee rules."
    )
    assert lib.corrections(b) == []  # other articles untouched
    ed.undo()
    assert lib.corrections(a) == []
    ed.redo()
    assert len(lib.corrections(a)) == 3
    assert ed.replace_all_in_article(a, "comittee", "committee").kind == "none"


def test_replace_all_in_library_is_one_undo_step(lib, ids):
    a, b = ids
    ed = Editor(lib)
    ed.correct(a, 3, 11, "Wed.")  # an exact-span correction to something else gets replaced
    assert ed.occurrences_in_library("Wendsday", "Wednesday") == {a: 1, b: 1}
    assert ed.count_in_library("Wendsday", "Wednesday") == 2
    change = ed.replace_all_in_library("Wendsday", "Wednesday")
    assert change.count == 2 and change.article_ids == {a, b}
    assert "Wednesday" in corrected(lib, a) and "Wednesday" in corrected(lib, b)
    assert ed.undo_description.startswith('replace 2 × "Wendsday"')
    ed.undo()
    assert [c.replacement for c in lib.corrections(a)] == ["Wed."]
    assert lib.corrections(b) == []


def test_ignores_and_undo(lib, ids):
    a, _ = ids
    ed = Editor(lib)
    ed.ignore_once(a, 3, 11, "Wendsday")
    (i,) = lib.ignores(a)
    assert (i.start, i.end, i.text) == (3, 11, "Wendsday")
    assert ed.ignore_once(a, 3, 11, "Wendsday").kind == "none"
    change = ed.ignore_in_article(a, "comittee")
    assert change.whole_articles == {a} and change.spans_for(a) is None
    assert {(x.text, x.start) for x in lib.ignores(a)} == {("Wendsday", 3), ("comittee", None)}
    ed.undo()
    assert [x.text for x in lib.ignores(a)] == ["Wendsday"]
    ed.undo()
    assert lib.ignores(a) == []
    ed.redo()
    ed.redo()
    assert len(lib.ignores(a)) == 2
    ed.remove_ignore(a, i.id)
    assert [x.text for x in lib.ignores(a)] == ["comittee"]


def test_dictionary_add_undo_redo(lib, ids):
    ed = Editor(lib)
    change = ed.add_to_dictionary("Wendsday")
    assert change.dictionary_changed and change.spans_for(ids[0]) is None
    assert "Wendsday" in lib.words()
    assert ed.add_to_dictionary("Wendsday").kind == "none"
    ed.undo()
    assert "Wendsday" not in lib.words()
    ed.redo()
    assert "Wendsday" in lib.words()
    ed.remove_from_dictionary("Wendsday")
    assert "Wendsday" not in lib.words()
    with pytest.raises(InputError):
        ed.add_to_dictionary("  ")


def test_annotations_share_the_undo_stack(lib, ids):
    a, _ = ids
    ed = Editor(lib)
    ann = Annotation("n1", a, Anchor(3, 11, "Wendsday"), note="a day")
    ed.put_annotation(ann)
    ed.correct(a, 3, 11, "Wednesday")
    edited = Annotation("n1", a, Anchor(3, 11, "Wendsday"), note="changed")
    ed.put_annotation(edited)
    assert lib.annotations(a)[0].note == "changed"
    ed.undo()
    assert lib.annotations(a)[0].note == "a day"
    ed.delete_annotation(a, "n1")
    assert lib.annotations(a) == []
    ed.undo()
    assert lib.annotations(a)[0].note == "a day"
    ed.undo()  # the correction
    ed.undo()  # the first put
    assert lib.annotations(a) == [] and lib.corrections(a) == []
    with pytest.raises(NotFoundError):
        ed.delete_annotation(a, "n1")


def test_new_action_clears_redo(lib, ids):
    a, _ = ids
    ed = Editor(lib)
    ed.correct(a, 3, 11, "Wednesday")
    ed.undo()
    assert ed.can_redo
    ed.correct(a, 0, 2, "In")
    assert not ed.can_redo and ed.redo() is None


def test_history_survives_a_new_editor_on_the_same_file(db_path, ids, lib):
    a, _ = ids
    ed = Editor(lib)
    ed.correct(a, 3, 11, "Wednesday")
    ed.add_to_dictionary("comittee")
    ed.ignore_once(a, 0, 2, "On")
    ed.undo()
    lib.close()
    reopened = Library.open(db_path)
    try:
        ed2 = Editor(reopened)
        assert ed2.history() == ['correct "Wendsday" -> "Wednesday"', 'add "comittee" to the dictionary']
        assert ed2.redo_description == 'ignore "On" here'
        ed2.redo()
        assert len(reopened.ignores(a)) == 1
        ed2.undo()
        ed2.undo()
        ed2.undo()
        assert reopened.corrections(a) == [] and "comittee" not in reopened.words()
        assert not ed2.can_undo
    finally:
        reopened.close()


def test_history_is_capped(lib, ids):
    a, _ = ids
    ed = Editor(lib, history_limit=5)
    for n in range(8):
        ed.correct(a, 0, 2, f"X{n}")
    assert len(ed.history()) == 5
    assert len(Editor(lib, history_limit=5).history()) == 5


def test_damaged_history_is_dropped(lib, ids):
    lib.set_setting("history", {"version": 1, "undo": [{"forward": {"articles": [{}]}}]})
    ed = Editor(lib)
    assert not ed.can_undo


def test_two_editors_share_one_history(lib, ids):
    """A step made elsewhere (e.g. `reader fix` while the app is open) is not lost."""
    a, _ = ids
    app, cli = Editor(lib), Editor(lib)
    app.correct(a, 3, 11, "Wednesday")
    cli.correct(a, 0, 2, "In")
    app.ignore_once(a, 12, 15, "the")
    assert app.history() == ['correct "Wendsday" -> "Wednesday"', 'correct "On" -> "In"', 'ignore "the" here']
    assert cli.undo_description == 'ignore "the" here'


def test_core_modules_do_not_import_textual():
    import subprocess
    import sys

    code = (
        "import sys, reader.editing, reader.review, reader.corrections, reader.cli.fix\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_failure_part_way_keeps_what_was_written_undoable(lib, ids, monkeypatch):
    a, b = ids
    ed = Editor(lib)
    real = lib.apply_changes
    calls = []

    def flaky(article_id, **kw):
        calls.append(article_id)
        if len(calls) == 2:
            raise InputError("disk full")
        return real(article_id, **kw)

    monkeypatch.setattr(lib, "apply_changes", flaky)
    with pytest.raises(InputError):
        ed.replace_all_in_library("Wendsday", "Wednesday")
    monkeypatch.setattr(lib, "apply_changes", real)
    written = calls[0]
    assert len(lib.corrections(written)) == 1
    assert ed.undo_description.endswith("(partly)")
    ed.undo()
    assert lib.corrections(a) == [] and lib.corrections(b) == []


ACTIONS = st.lists(
    st.tuples(st.sampled_from(["correct", "replace", "ignore", "accept", "word", "note", "undo"]),
              st.integers(0, len(TEXT_A) - 1), st.integers(0, 12), st.sampled_from(["X", "", "comittee", "Yy"])),
    min_size=1, max_size=7,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ACTIONS)
def test_undo_all_restores_and_redo_all_replays(tmp_path_factory, actions):
    path = tmp_path_factory.mktemp("lib") / "library.json"
    lib = Library.open(path)
    try:
        a = lib.add_article(TEXT_A, title="A").info.id
        b = lib.add_article(TEXT_B, title="B").info.id
        ed = Editor(lib)

        def state():
            return snapshot(lib, a), snapshot(lib, b)

        initial = state()
        for n, (what, pos, length, rep) in enumerate(actions):
            end = min(len(TEXT_A), pos + length)
            if what == "correct":
                ed.correct(a, pos, end, rep)
            elif what == "replace":
                ed.replace_all_in_library("comittee", rep or "committee")
            elif what == "ignore":
                ed.ignore_once(a, pos, end, TEXT_A[pos:end])
            elif what == "accept":
                ed.ignore_in_article(a, rep or "x")
            elif what == "word":
                ed.add_to_dictionary(rep or "w")
            elif what == "note":
                ed.put_annotation(Annotation(f"n{n % 2}", a, Anchor(pos, end, TEXT_A[pos:end]), note=rep))
            else:
                ed.undo()
        final = state()
        steps = 0
        while ed.undo() is not None:
            steps += 1
        assert state() == initial
        for _ in range(steps):
            ed.redo()
        assert state() == final
    finally:
        lib.close()


def test_history_is_capped_by_records_too(lib, ids, monkeypatch):
    import reader.editing

    a, _ = ids
    monkeypatch.setattr(reader.editing, "HISTORY_RECORD_LIMIT", 6)
    ed = Editor(lib)
    ed.correct(a, 0, 2, "In")  # size 3 (put, delete id, +1)
    ed.correct(a, 3, 11, "Wednesday")
    ed.replace_all_in_article(a, "comittee", "committee")  # 3 puts + 3 ids + 1
    assert ed.history() == ['replace 3 × "comittee" -> "committee" in article']
