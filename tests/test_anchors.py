"""Anchors: making them, finding them again, orphans, and the corrected view."""

from __future__ import annotations

from reader.anchors import (
    CONTEXT_CHARS,
    annotation_in_corrected,
    make_anchor,
    reanchor,
    reanchor_article,
    resolve,
    span_from_corrected,
    span_in_corrected,
)
from reader.cli import main
from reader.model import Annotation, Correction

TEXT = (
    "The mayor of Geneva spoke on Monday. The council met in the old hall and the mayor "
    "said the budget would pass. Later the mayor left for Bern, where the talks resumed."
)


def _ann(text, start, end, aid="a1", **kw):
    return Annotation(id=aid, article_id="art", anchor=make_anchor(text, start, end), **kw)


def test_make_anchor_keeps_quote_and_context():
    start = TEXT.index("budget")
    a = make_anchor(TEXT, start, start + 6)
    assert a.quote == "budget"
    assert a.prefix == TEXT[start - CONTEXT_CHARS:start]
    assert a.suffix == TEXT[start + 6:start + 6 + CONTEXT_CHARS]
    assert make_anchor(TEXT, 0, 3).prefix == ""


def test_resolve_exact_position():
    start = TEXT.index("Bern")
    assert resolve(make_anchor(TEXT, start, start + 4), TEXT) == (start, start + 4)


def test_short_repeated_quote_follows_its_context_not_its_old_offset():
    # Annotate the second lowercase "the mayor" (before "left"); insert a sentence earlier.
    second = TEXT.index("the mayor", TEXT.index("the mayor") + 1)
    anchor = make_anchor(TEXT, second, second + 9)
    new = TEXT.replace("Monday.", "Monday. It rained all day and the mayor was late.")
    found = resolve(anchor, new)
    assert found is not None
    assert new[found[0]:found[1]] == "the mayor"
    assert new[found[1]:found[1] + 5] == " left"  # the same occurrence, not the inserted one


def test_quote_deleted_with_its_context_is_not_moved_to_another_occurrence():
    start = TEXT.index("the mayor said")
    ann = _ann(TEXT, start, start + 9)
    new = TEXT.replace(" and the mayor said the budget would pass", "")
    (out,) = reanchor([ann], TEXT, new)
    assert out.orphan
    assert out.anchor.quote == "the mayor"


def test_fuzzy_match_survives_a_typo_fixed_in_the_source():
    start = TEXT.index("The council met")
    end = TEXT.index(" and the mayor said")
    ann = _ann(TEXT, start, end)
    new = TEXT.replace("council met", "councl met").replace("Geneva", "Lausanne")
    (out,) = reanchor([ann], TEXT, new)
    assert not out.orphan
    assert new[out.anchor.start:out.anchor.end].startswith("The councl met")
    assert abs(out.anchor.end - (end - 1 + len("Lausanne") - len("Geneva"))) <= 2


def test_resolve_gives_none_for_text_that_is_gone():
    start = TEXT.index("budget")
    assert resolve(make_anchor(TEXT, start, start + 6), "Nothing like it here at all.") is None


def test_reanchor_article_stores_moves_and_orphans_in_one_batch(library):
    res = library.add_article(TEXT, title="t", source="/tmp/t.txt")
    aid = res.info.id
    keep = TEXT.index("Bern")
    gone = TEXT.index("budget")
    library.put_annotations(aid, [
        Annotation("k", aid, make_anchor(TEXT, keep, keep + 4), note="capital"),
        Annotation("g", aid, make_anchor(TEXT, gone, gone + 6), note="money"),
    ])
    new = "Preface added here. " + TEXT.replace("said the budget would pass", "left early")
    library.add_article(new, title="t", source="/tmp/t.txt", update=True)
    reanchor_article(library, aid, TEXT)
    by_id = {a.id: a for a in library.annotations(aid)}
    assert len(by_id) == 2
    assert not by_id["k"].orphan
    assert new[by_id["k"].anchor.start:by_id["k"].anchor.end] == "Bern"
    assert by_id["g"].orphan and by_id["g"].anchor.quote == "budget"


def test_add_update_reanchors_through_the_cli(tmp_path, library, db_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT)
    assert main(["--db", str(db_path), "add", str(src)]) == 0
    aid = library.list_articles()[-1].id
    assert main(["--db", str(db_path), "note", aid, "--quote", "the mayor", "--nth", "2", "--note", "n"]) == 0
    src.write_text("New first line.\n" + TEXT)
    assert main(["--db", str(db_path), "add", "--update", str(src)]) == 0
    (ann,) = library.annotations(aid)
    text = library.get_text(aid)
    assert text.startswith("New first line.")
    assert text[ann.anchor.start:ann.anchor.end] == "the mayor"
    assert text[ann.anchor.end:].startswith(" left for Bern")


def test_corrections_map_annotations_exactly():
    fixes = [
        Correction("c1", "art", 4, 9, "mayor", "Mayor of all"),  # before the annotation
        Correction("c2", "art", TEXT.index("Geneva"), TEXT.index("Geneva") + 6, "Geneva", "Genf"),
    ]
    start = TEXT.index("spoke on Monday")
    cs, ce = span_in_corrected(start, start + 15, fixes)
    from reader.corrections import apply_corrections

    corrected = apply_corrections(TEXT, fixes)
    assert corrected[cs:ce] == "spoke on Monday"
    # A fix inside the annotation: the span covers the replacement.
    g = TEXT.index("of Geneva")
    cs, ce = span_in_corrected(g, g + 9, fixes)
    assert corrected[cs:ce] == "of Genf"
    # And back: a selection in the corrected view is stored in original coordinates.
    assert span_from_corrected(cs, ce, fixes) == (g, g + 9)


def test_orphans_have_no_corrected_span():
    ann = _ann(TEXT, 0, 3)
    assert annotation_in_corrected(ann, []) == (0, 3)
    assert annotation_in_corrected(Annotation("o", "art", ann.anchor, orphan=True), []) is None


def test_annotation_and_export_modules_stay_headless():
    import subprocess
    import sys

    mods = ["reader.anchors", "reader.annotating", "reader.cli.notes", "reader.cli.export", "reader.export",
            "reader.export.markdown", "reader.export.html", "reader.export.w3c", "reader.export.critic",
            "reader.export.brat", "reader.export.doccano", "reader.export.text"]
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}: importlib.import_module(m)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_long_texts_with_repeated_paragraphs_take_the_line_diff_path(monkeypatch):
    import reader.anchors as anchors

    monkeypatch.setattr(anchors, "TOKEN_DIFF_LIMIT", 10)  # force the line-level path
    paras = [f"Paragraph {k % 3} says the mayor spoke." for k in range(30)]
    paras[20] = "A paragraph of its own."
    old = "\n".join(paras) + "\n"
    anns = []
    for k in (2, 15, 28):
        s = old.index("mayor", sum(len(p) + 1 for p in paras[:k]))
        anns.append(_ann(old, s, s + 5, aid=f"m{k}"))
    new = "Inserted first line.\n" + old.replace(paras[20] + "\n", "", 1) + "Tail.\n"
    out = reanchor(anns, old, new)
    assert [a.id for a in out] == ["m2", "m15", "m28"]
    for a in out:
        assert not a.orphan and new[a.anchor.start:a.anchor.end] == "mayor"
    # Paragraphs before the deletion keep their line; the one after moves up by one line.
    assert new.count("\n", 0, out[0].anchor.start) == 3
    assert new.count("\n", 0, out[1].anchor.start) == 16
