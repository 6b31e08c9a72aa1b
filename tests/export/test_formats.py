"""Each export format on a small annotated article: content, determinism."""

from __future__ import annotations

import json

from reader.export import FORMATS, ExportOptions
from reader.export import brat, doccano, html, markdown, text


def test_every_format_is_deterministic(doc):
    for fmt in FORMATS.values():
        first = fmt.render(doc, ExportOptions())
        assert first == fmt.render(doc, ExportOptions()), fmt.name
        assert tuple(first) == fmt.suffixes


def test_txt_is_the_corrected_text(doc):
    out = text.render(doc)[".txt"]
    assert "The mayor of Geneva spoke" in out and "budget would" in out and "Genva" not in out


def test_md_footnotes_orphans_appendix_and_highlights(doc):
    out = markdown.render(doc)[".md"]
    assert out.startswith("# Geneva talks\n")
    assert out.count("Geneva talks") == 1  # the title line is not repeated
    assert "the mayor[^2]" in out  # footnote after the annotated span (corrected text)
    assert "[^1]: \u201cmayor of Genva\u201d" in out
    assert "    who is it?\n    second line" in out
    assert "tags: `people`, `todo`" in out
    assert "Orphaned annotations" in out and "\u201cgone\u201d: lost" in out
    assert "## Entities" not in out
    full = markdown.render(doc, ExportOptions(appendix=True))[".md"]
    assert "## Entities" in full and "### PLACE" in full and "- Geneva (1)" in full
    assert "## Corrections" in full and "- Genva \u2192 Geneva" in full
    hl = markdown.render(doc, ExportOptions(highlights_only=True))[".md"]
    assert "## Highlights" in hl and "- Bern" in hl and "    - Tags: `places`" in hl
    assert "spoke on Monday" not in hl


def test_md_escapes_markdown_and_html():
    from export_helpers import make_doc

    d = make_doc("# not a heading\n1. not a list\n<b>x</b> [link](http://e) *a* `c` &amp;\n", title="t")
    out = markdown.render(d)[".md"]
    assert "\\# not a heading" in out
    assert "1\\. not a list" in out
    assert "\\<b\\>x\\</b\\>" in out and "\\[link\\](http://e)" in out and "\\*a\\*" in out and "\\&amp;" in out


def test_html_marks_everything_and_numbers_notes(doc):
    out = html.render(doc)[".html"]
    assert '<mark class="ann" title="who is it?\nsecond line">the mayor</mark>' in out
    assert 'id="ref-2"' in out and 'id="note-2"' in out
    assert '<span class="ent ent-place" title="PLACE">Geneva</span>' in out
    assert 'class="err err-grammar"' in out
    assert 'class="fix" title="corrected from \u201cbudgett\u201d">budget</span>' in out
    assert "prefers-color-scheme: dark" in out and "@media print" in out
    assert "<script" not in out and "http://" not in out.replace("http://www.w3.org", "")
    assert "orphaned" in out and "Legend" in out


def test_brat_entities_labels_and_notes(doc):
    files = brat.render(doc)
    txt, ann = files[".brat.txt"], files[".brat.ann"]
    lines = ann.splitlines()
    tlines = [l for l in lines if l.startswith("T")]
    for line in tlines:
        tid, middle, covered = line.split("\t")
        label, *frags = middle.replace(";", " ").split(" ")
        pieces = [txt[int(a):int(b)] for a, b in zip(frags[::2], frags[1::2])]
        assert " ".join(pieces) == covered
    assert any("\tPLACE " in l and l.endswith("\tBern") for l in tlines)
    assert any("\tPERSON " in l and l.endswith("\tmayor of Geneva") for l in tlines)
    notes = [l for l in lines if l.startswith("#")]
    assert any("AnnotatorNotes" in l and l.endswith("who is it? second line tags: people, todo") for l in notes)


def test_brat_splits_spans_at_newlines():
    from reader.anchors import make_anchor
    from reader.model import Annotation
    from export_helpers import make_doc

    t = "one two\nthree four\n"
    d = make_doc(t, annotations=[Annotation("a", "art1", make_anchor(t, 4, 13), note="n", label="ORG")])
    (tline,) = [l for l in brat.render(d)[".brat.ann"].splitlines() if l.startswith("T")]
    assert tline == "T1\tORG 4 7;8 13\ttwo three"


def test_jsonl_doccano_spans_match_the_corrected_text(doc):
    line = doccano.render(doc)[".jsonl"]
    assert line.endswith("\n") and line.count("\n") == 1
    rec = json.loads(line)
    assert rec["text"] == doc.corrected
    labels = {(rec["text"][s:e], lab) for s, e, lab in rec["label"]}
    assert ("mayor of Geneva", "PERSON") in labels and ("Bern", "PLACE") in labels and ("Monday", "DATE") in labels


def test_md_appendix_groups_name_variants():
    from reader.model import Entity, Finding
    from export_helpers import make_doc

    t = "Anna Berg spoke. Later Berg left and Bergg returned.\n"
    ents = [Entity(0, 9, "Anna Berg", "PERSON"), Entity(23, 27, "Berg", "PERSON"), Entity(37, 42, "Bergg", "PERSON")]
    finds = [Finding(37, 42, "Bergg", "variant", "spelled Berg elsewhere", ("Berg",))]
    out = markdown.render(make_doc(t, title="x", entities=ents, findings=finds), ExportOptions(appendix=True))[".md"]
    assert "- Anna Berg (3) \u2014 also: Berg, Bergg" in out


def _body_count(out: str, words: str) -> int:
    """How often ``words`` shows on the page, not counting the <title> in the head."""
    return out.split("</head>", 1)[-1].count(words)


def test_html_shows_the_title_once(doc):
    """Regression: the stored text opens with its title line, which html repeated under
    the heading."""
    out = html.render(doc)[".html"]
    assert _body_count(out, "Geneva talks") == 1
    assert "<h1>Geneva talks</h1>" in out
    assert '<div class="text">The <mark' in out


def test_title_line_matching_ignores_case_spacing_and_heading_marks():
    from export_helpers import make_doc

    text = "#  GENEVA   Talks\n\n\nThe mayor spoke.\n"
    for fmt in (markdown, html):
        out = next(iter(fmt.render(make_doc(text, "Geneva talks")).values()))
        assert _body_count(out.replace("GENEVA   Talks", "Geneva talks"), "Geneva talks") == 1, fmt.__name__
        assert "The mayor spoke." in out


def test_a_title_cut_at_200_characters_still_matches_its_line():
    from export_helpers import make_doc

    line = "Word " * 60
    text = line.strip() + "\n\nThe mayor spoke.\n"
    doc = make_doc(text, line.strip()[:200])
    assert doc.body_start == text.index("The mayor")
    assert make_doc("Other first line\n\nThe mayor spoke.\n", "Geneva talks").body_start == 0


def test_html_keeps_marks_inside_the_title_line():
    from export_helpers import make_doc
    from reader.model import Entity

    out = html.render(make_doc(entities=[Entity(0, 6, "Geneva", "PLACE")]))[".html"]
    assert '<h1><span class="ent ent-place" title="PLACE">Geneva</span> talks</h1>' in out
    assert _body_count(out, "talks") == 1
