"""One definition of "open findings": for an article with a correction, an ignore here,
an ignore in the article and a dictionary word, the reading view, ``reader check ID``,
``reader fix --dry-run``, the exports and ``reader list --errors`` report the same ones
(all from :class:`reader.session.ArticleSession`)."""

from __future__ import annotations

import json
import re

import pytest

import reader.analysis
from reader.analysis import AnalysisContext
from reader.cli import main
from reader.editing import Editor
from reader.model import Analysis, Entity, Finding
from reader.session import ArticleSession
from reader.store import Library

#: Made-up typos (not from any corpus) and their fixes.
TYPOS = {"blorp": "blurb", "zint": "zinc", "florb": "flora", "glimp": "glimpse", "wug": "wig"}
TEXT = (
    "We saw a blorp near the quay with Mara Lind.\n\n"
    "The blorp and the zint met a florb.\n\n"
    "A zint again, a glimp, a wug and a glimp.\n"
)


def fake_analyze(text: str, ctx: AnalysisContext | None = None) -> Analysis:
    """Listed typos (silenced like the real analysis: dictionary and accepted words) and
    one PERSON name."""
    ctx = ctx or AnalysisContext()
    silenced = ctx.dictionary | ctx.ignored
    findings = tuple(
        Finding(m.start(), m.end(), m.group(), "misspelling", "typo", (TYPOS[m.group()],))
        for m in re.finditer(r"\w+", text) if m.group() in TYPOS and m.group() not in silenced
    )
    entities = tuple(Entity(m.start(), m.end(), m.group(), "PERSON") for m in re.finditer("Mara Lind", text))
    return Analysis(findings, entities)


@pytest.fixture
def article(db_path, monkeypatch):
    monkeypatch.setattr(reader.analysis, "analyze", fake_analyze)
    lib = Library.open(db_path)
    aid = lib.add_article(TEXT, title="Quay").info.id
    ed = Editor(lib)
    first = TEXT.index("blorp")
    ed.correct(aid, first, first + 5, "blurb", kind="misspelling")
    florb = TEXT.index("florb")
    ed.ignore_once(aid, florb, florb + 5, "florb")
    ed.ignore_in_article(aid, "glimp")
    ed.add_to_dictionary("zint")
    session = ArticleSession.open(lib, aid)
    expected = [(f.start, f.end, f.text, f.kind) for f in session.findings]
    corrected = session.corrected_text
    lib.close()
    return db_path, aid, expected, corrected


def test_the_session_leaves_out_what_was_corrected_ignored_or_accepted(article):
    _, _, expected, corrected = article
    assert [t for _, _, t, _ in expected] == ["blorp", "wug"]
    assert corrected.startswith("We saw a blurb")


def test_check_id_reports_the_open_findings(article, capsys):
    db, aid, expected, corrected = article
    assert main(["check", aid, "--format", "json", "--db", str(db)]) == 1
    found = json.loads(capsys.readouterr().out)["articles"][0]["findings"]
    assert [(f["start"], f["end"], f["text"], f["kind"]) for f in found] == expected
    assert main(["check", aid, "--db", str(db)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[-1].split(" -> ")[0] for line in lines] == [t for _, _, t, _ in expected]
    assert lines[0].startswith(f"{aid}:3:5: misspelling: blorp")  # line:col of the corrected text


def test_fix_dry_run_lists_only_what_it_would_change(article, capsys):
    db, aid, expected, _ = article
    assert main(["fix", aid, "--apply-suggestions", "all", "--dry-run", "--db", str(db)]) == 0
    out = capsys.readouterr()
    assert f"{len(expected)} corrections would be applied" in out.err
    removed = [line for line in out.out.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert removed == ["-The blorp and the zint met a florb.", "-A zint again, a glimp, a wug and a glimp."]
    assert "We saw a" not in out.out  # the applied correction is not listed again


def test_every_export_shows_the_open_findings_and_entities(article, tmp_path):
    db, aid, expected, corrected = article
    for fmt in ("html", "jsonl", "brat", "md"):
        out = tmp_path / fmt
        extra = ["--appendix"] if fmt == "md" else []
        assert main(["export", aid, "--format", fmt, "--output", str(out), "--db", str(db), *extra]) == 0
    html = next((tmp_path / "html").iterdir()).read_text()
    assert f"{len(expected)} suspected errors" in html
    assert re.findall(r'class="err err-misspelling"[^>]*>(\w+)<', html) == [t for _, _, t, _ in expected]
    record = json.loads(next((tmp_path / "jsonl").iterdir()).read_text().splitlines()[0])
    assert "Mara Lind" in json.dumps(record)


def test_list_errors_counts_the_open_findings(article, capsys):
    db, aid, expected, _ = article
    assert main(["list", "--errors", "--json", "--db", str(db)]) == 0
    rows = json.loads(capsys.readouterr().out)["articles"]
    assert [r["errors"] for r in rows if r["id"] == aid] == [len(expected)]


def test_the_reading_view_and_library_table_show_the_same(article):
    import asyncio

    from reader.ui.app import ReaderApp
    from reader.ui.document import ERRORS
    from tests.ui.conftest import open_article, wait_until

    db, aid, expected, _ = article

    async def run():
        lib = Library.open(db)
        app = ReaderApp(lib, analyzer=fake_analyze)
        try:
            async with app.run_test(size=(100, 30)) as pilot:
                from reader.ui.screens.reading_corrections import remaining_counts

                screen = await open_article(app, pilot, aid)
                spans = screen.view.document.layer(ERRORS).spans
                shown = [(s.start, s.end, screen.view.document.text[s.start:s.end], s.ref.kind) for s in spans]
                assert shown == expected
                await wait_until(pilot, lambda: True)
                assert remaining_counts(app, aid)[1] == len(expected)
        finally:
            lib.close()

    asyncio.run(run())
