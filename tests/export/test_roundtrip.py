"""Round trips: W3C JSON out and in gives the same records; CriticMarkup back to both texts."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.anchors import make_anchor
from reader.cli import main
from reader.export import critic, w3c
from reader.model import Annotation, Correction
from export_helpers import TEXT, make_doc


def _same_library_article(library, text=TEXT):
    return library.add_article(text, title="Geneva talks", source="/tmp/g.txt").info.id


def _retarget(doc, article_id):
    from dataclasses import replace

    return make_doc(
        doc.article.text,
        annotations=[replace(a, article_id=article_id) for a in doc.annotations],
        corrections=[replace(c, article_id=article_id) for c in doc.corrections],
        article_id=article_id,
    )


def test_w3c_shape(doc):
    data = w3c.collection(doc)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 6
    items = data["first"]["items"]
    first = next(i for i in items if i["id"].endswith(":a1"))
    purposes = [b["purpose"] for b in first["body"]]
    assert purposes == ["commenting", "tagging", "tagging"]
    kinds = {s["type"] for s in first["target"]["selector"]}
    assert kinds == {"TextQuoteSelector", "TextPositionSelector"}
    labelled = next(i for i in items if i["id"].endswith(":a2"))
    assert {"purpose": "classifying", "type": "TextualBody", "value": "PERSON"} in labelled["body"]
    edits = [i for i in items if i["motivation"] == "editing"]
    assert [e["body"][0]["value"] for e in edits] == ["Geneva", "budget"]
    orphan = next(i for i in items if i["id"].endswith(":a4"))
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]


def test_w3c_out_and_in_gives_the_same_annotations(doc, library, db_path, tmp_path, capsys):
    aid = _same_library_article(library)
    exported = _retarget(doc, aid)
    path = tmp_path / "a.json"
    path.write_text(w3c.render(exported)[".json"])
    assert main(["--db", str(db_path), "import-annotations", str(path)]) == 0
    assert "4 annotations and 2 corrections imported (0 re-anchored by quote, 1 orphan)" in capsys.readouterr().out
    got = sorted(library.annotations(aid), key=lambda a: a.id)
    assert got == sorted(exported.annotations, key=lambda a: a.id)
    assert sorted(library.corrections(aid), key=lambda c: c.id) == sorted(exported.corrections, key=lambda c: c.id)
    # importing again updates in place (same ids), never duplicates
    assert main(["--db", str(db_path), "import-annotations", str(path)]) == 0
    assert len(library.annotations(aid)) == 4


def test_w3c_import_reanchors_by_quote_when_positions_disagree(doc, library, db_path, tmp_path, capsys):
    edited = "A new opening sentence was added.\n" + TEXT
    aid = _same_library_article(library, edited)
    data = w3c.collection(_retarget(doc, aid))
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data))
    assert main(["--db", str(db_path), "import-annotations", str(path)]) == 0
    assert "re-anchored by quote" in capsys.readouterr().out
    by_id = {a.id: a for a in library.annotations(aid)}
    for a in doc.annotations:
        got = by_id[a.id]
        assert got.orphan == a.orphan
        if not a.orphan:
            assert edited[got.anchor.start:got.anchor.end] == a.anchor.quote
            assert got.anchor.start == a.anchor.start + len("A new opening sentence was added.\n")


def test_import_errors_are_one_line(library, db_path, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main(["--db", str(db_path), "import-annotations", str(bad)]) == 2
    assert "not a readable JSON file" in capsys.readouterr().err
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"type": "Annotation", "target": {"source": "urn:reader:article:nope",
                                 "selector": {"type": "TextQuoteSelector", "exact": "x"}}}))
    assert main(["--db", str(db_path), "import-annotations", str(other)]) == 2
    assert "pass --article" in capsys.readouterr().err


def test_critic_markup_reads_back(doc):
    marked = critic.render(doc)[".critic.md"]
    assert "{~~Genva~>Geneva~~}" in marked and "{~~budgett~>budget~~}" in marked
    assert "{==the mayor==}{>>who is it? second line; tags: people, todo<<}" in marked
    parsed = critic.parse(marked)
    assert parsed.original == doc.text
    assert parsed.corrected == doc.corrected
    assert (TEXT.index("Bern"), TEXT.index("Bern") + 4, "tags: places; label: PLACE") in parsed.highlights


MARKUP_ALPHABET = "ab {}~>=<-+\\\n"


@st.composite
def marked_docs(draw):
    text = draw(st.text(alphabet=MARKUP_ALPHABET, min_size=1, max_size=60))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    fixes = []
    for n in range(0, len(cuts) - 1, 2):
        s = cuts[n]
        e = draw(st.sampled_from([s, cuts[n + 1]]))
        rep = draw(st.text(alphabet=MARKUP_ALPHABET, max_size=5))
        if s == e and not rep:
            rep = "+"
        fixes.append(Correction(f"c{n}", "art1", s, e, text[s:e], rep))
    anns = []
    for k in range(draw(st.integers(0, 4))):
        s = draw(st.integers(0, len(text) - 1))
        e = draw(st.integers(s + 1, len(text)))
        note = draw(st.text(alphabet=MARKUP_ALPHABET, max_size=8))
        anns.append(Annotation(f"a{k}", "art1", make_anchor(text, s, e), note=note))
    return make_doc(text, title="t", annotations=anns, corrections=fixes)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(marked_docs())
def test_critic_round_trip_property(d):
    parsed = critic.parse(critic.render(d)[".critic.md"])
    assert parsed.original == d.text
    assert parsed.corrected == d.corrected
    for s, e, _ in parsed.highlights:
        assert any(a.anchor.start == s and a.anchor.end == e for a in d.annotations)


@st.composite
def annotated_docs(draw):
    text = draw(st.text(alphabet="ab c\n.<>{}\"'\\", min_size=2, max_size=80))
    anns = []
    for k in range(draw(st.integers(0, 5))):
        s = draw(st.integers(0, len(text) - 1))
        e = draw(st.integers(s + 1, len(text)))
        anns.append(Annotation(
            f"a{k}", "art1", make_anchor(text, s, e),
            note=draw(st.text(alphabet="xy <&\n", max_size=10)),
            tags=tuple(draw(st.lists(st.sampled_from(["p", "q r", "<s>"]), unique=True, max_size=2))),
            label=draw(st.sampled_from([None, "PERSON", "CUSTOM_1"])),
            created=draw(st.sampled_from(["", "2026-01-01T00:00:00+00:00"])),
            orphan=draw(st.booleans()) and False,
        ))
    return make_doc(text, title="t", annotations=anns)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_docs())
def test_w3c_round_trip_property(d):
    data = json.loads(w3c.render(d)[".json"])
    (group,) = w3c.read_collection(data, lambda ref: d.text) or [w3c.Imported("art1")]
    from dataclasses import replace

    got = sorted((replace(a, article_id="art1") for a in group.annotations), key=lambda a: a.id)
    assert got == sorted(d.annotations, key=lambda a: a.id)
    assert group.reanchored == 0


def test_import_foreign_w3c_with_article_option(library, db_path, tmp_path, capsys):
    aid = _same_library_article(library)
    foreign = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
               "id": "https://hypothes.is/a/XYZ?x=1", "body": {"type": "TextualBody", "value": "hello"},
               "target": {"source": "https://example.org/article",
                          "selector": [{"type": "TextQuoteSelector", "exact": "budgett", "prefix": "said the ", "suffix": " would"}]}}
    path = tmp_path / "f.json"
    path.write_text(json.dumps(foreign))
    assert main(["--db", str(db_path), "import-annotations", str(path), "--article", aid]) == 0
    (ann,) = library.annotations(aid)
    assert ann.note == "hello" and TEXT[ann.anchor.start:ann.anchor.end] == "budgett"
    assert ann.id.isalnum() and len(ann.id) == 12
