"""A hostile article exports safely in every format, through the CLI, to safe file names."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from reader.cli import main
from reader.export import FORMATS, ExportOptions, safe_stem
from reader.export.critic import parse
from reader.model import Entity, Finding
from export_helpers import make_doc, span

HOSTILE = (
    "<script>alert('x')</script> and \"><img src=x onerror=alert(1)> here.\n"
    "[bold red]markup[/bold red] [link=file:///etc/passwd]click[/link] \x1b[31mred\x1b]8;;http://e\x07 \x9b2J\n"
    "{~~not~>markup~~} {==fake==}{>>note<<} # heading? 1. list? &amp; `code` ../../etc\n"
)
TITLE = "../../x"


def _hostile_doc():
    from reader.anchors import make_anchor
    from reader.model import Annotation, Correction

    t = HOSTILE
    anns = [
        Annotation("h1", "art1", make_anchor(t, *span(t, "<script>")), note="</textarea><script>alert(2)</script>\x1b[2J",
                   tags=("<b>", "[red]"), label="PERSON"),
        Annotation("h2", "art1", make_anchor(t, *span(t, "onerror")), note='"quoted" & <tags>'),
    ]
    fixes = [Correction("c1", "art1", *span(t, "here"), "here", "<i>there</i>")]
    from reader.corrections import apply_corrections

    c = apply_corrections(t, fixes)
    ents = [Entity(*span(c, "[bold red]markup"), "[bold red]markup", "ORG")]
    finds = [Finding(*span(c, "<img"), "<img", "misspelling", "<b>bad</b>", ("<script>",))]
    return make_doc(t, title=TITLE, annotations=anns, corrections=fixes, entities=ents, findings=finds)


def test_no_format_emits_escape_bytes():
    d = _hostile_doc()
    for fmt in FORMATS.values():
        for content in fmt.render(d, ExportOptions()).values():
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", content), fmt.name


def test_html_escapes_every_piece_of_article_text():
    out = FORMATS["html"].render(_hostile_doc(), ExportOptions())[".html"]
    body = out.split("<body>", 1)[1]
    assert "<script" not in out and "<img" not in out and "<i>" not in body and "<b>" not in body
    import html as htmllib

    d = _hostile_doc()
    shown = out.split('<div class="text">', 1)[1].split("</div>\n</main>", 1)[0]
    shown = re.sub(r'<sup class="ref"[^>]*><a [^>]*>\d+</a></sup>', "", shown)
    assert htmllib.unescape(re.sub(r"<[^>]*>", "", shown)) == d.corrected  # all text, as text
    assert "&lt;script&gt;" in body
    assert "&lt;/textarea&gt;&lt;script&gt;" in body  # the note, in a title attribute and a side note
    assert "default-src 'none'" in out
    # every tag in the page is one the exporter writes
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", out))
    assert tags <= {"html", "head", "meta", "title", "style", "body", "div", "main", "h1", "h2", "span",
                    "mark", "sup", "a", "aside", "ol", "ul", "li", "q", "br"}


def test_md_and_critic_keep_markup_inert_and_reversible():
    d = _hostile_doc()
    md = FORMATS["md"].render(d, ExportOptions())[".md"]
    assert not re.search(r"(?<!\\)<(script|img|i>|/)", md)  # every < is escaped
    assert not re.search(r"(?<!\\)\[(link|bold)", md)
    assert "\\<script\\>" in md and "\\[bold red\\]" in md
    marked = FORMATS["critic"].render(d, ExportOptions())[".critic.md"]
    parsed = parse(marked)
    assert parsed.original == d.text and parsed.corrected == d.corrected


def test_json_formats_parse_and_keep_text():
    d = _hostile_doc()
    data = json.loads(FORMATS["json"].render(d, ExportOptions())[".json"])
    assert data["first"]["items"][0]["target"]["selector"][0]["exact"] == "<script>"
    rec = json.loads(FORMATS["jsonl"].render(d, ExportOptions())[".jsonl"])
    assert rec["text"] == d.corrected


def test_brat_lines_stay_single_lines():
    ann = FORMATS["brat"].render(_hostile_doc(), ExportOptions())[".brat.ann"]
    for line in ann.splitlines():
        assert len(line.split("\t")) == 3, line


def test_cli_exports_hostile_article_inside_the_output_folder(tmp_path, library, db_path):
    src = tmp_path / "evil.txt"
    src.write_bytes(HOSTILE.encode())
    aid = library.add_article(HOSTILE.replace("\x1b", "\u241b").replace("\x07", "\u2407").replace("\x9b", "\ufffd"),
                              title=TITLE, source=str(src)).info.id
    out = tmp_path / "out" / "deep"
    for name in FORMATS:
        assert main(["--db", str(db_path), "export", aid, "--format", name, "-o", str(out)]) == 0, name
    written = sorted(p.name for p in out.iterdir())
    assert all(p.resolve().parent == out.resolve() for p in out.iterdir())
    assert "x.md" in written and "x.brat.ann" in written and not (tmp_path / "x.md").exists()


@given(st.text(max_size=300))
def test_safe_stem_property(title):
    stem = safe_stem(title, "abc123")
    assert stem and "/" not in stem and "\\" not in stem and ".." not in stem
    assert not stem.startswith(".")
    assert len(stem) <= 80 + len("abc123-") and len(stem.encode()) <= 200
    assert not re.search("[\x00-\x1f\x7f-\x9f]", stem)
