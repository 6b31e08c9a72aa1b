"""`reader fix`: non-interactive application of suggestions, with --dry-run."""

from __future__ import annotations

import re

import pytest

import reader.analysis
from reader.analysis import AnalysisContext
from reader.cli import main
from reader.editing import Editor
from reader.model import Analysis, Finding
from reader.store import Library

#: Made-up typos for the fake analyzer (not from the corpus).
TYPOS = {"aple": ("apple",), "blorp": ("blurb",)}


def fake_analyze(text: str, ctx: AnalysisContext | None = None) -> Analysis:
    """A tiny deterministic analyzer: listed typos, and "a" before a vowel."""
    ctx = ctx or AnalysisContext()
    found = [
        Finding(m.start(), m.end(), m.group(), "misspelling", "typo", TYPOS[m.group()])
        for m in re.finditer(r"\w+", text)
        if m.group() in TYPOS and m.group() not in ctx.dictionary
    ]
    found += [
        Finding(m.start(), m.end(), m.group(), "grammar", "a/an", (f"{m.group(1)}n {m.group(2)}",))
        for m in re.finditer(r"\b([Aa]) ([aeiou]\w*)", text)
    ]
    return Analysis(tuple(sorted(found, key=lambda f: (f.start, f.end))))

TEXT = "We ate a aple and a blorp.\n\nThen blorp again.\n"


@pytest.fixture
def setup(db_path, monkeypatch):
    monkeypatch.setattr(reader.analysis, "analyze", fake_analyze)
    lib = Library.open(db_path)
    aid = lib.add_article(TEXT, title="T").info.id
    lib.close()
    return db_path, aid


def records(db_path, aid):
    lib = Library.open(db_path)
    try:
        return lib.corrections(aid), lib.ignores(aid)
    finally:
        lib.close()


def test_dry_run_prints_a_diff_and_changes_nothing(setup, capsys):
    db, aid = setup
    assert main(["fix", aid, "--apply-suggestions", "misspelling", "--dry-run", "--db", str(db)]) == 0
    out = capsys.readouterr()
    assert "-We ate a aple and a blorp.\n" in out.out
    assert "+We ate a apple and a blurb.\n" in out.out
    assert "+Then blurb again.\n" in out.out
    assert "3 corrections would be applied" in out.err
    assert records(db, aid) == ([], [])


def test_apply_stores_corrections_and_skips_ignored_and_corrected(setup, capsys):
    db, aid = setup
    lib = Library.open(db)
    ed = Editor(lib)
    second = TEXT.rindex("blorp")
    ed.ignore_once(aid, second, second + 5, "blorp")
    first = TEXT.index("blorp")
    ed.correct(aid, first, first + 5, "otter")
    lib.close()
    assert main(["fix", aid, "--apply-suggestions", "misspelling", "grammar", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == ['line 1: "a aple" -> "an aple"']  # grammar won the overlap
    corrections, _ = records(db, aid)
    assert sorted(c.replacement for c in corrections) == ["an aple", "otter"]
    # "a otter" overlaps a corrected span: left for a person to decide
    assert main(["fix", aid, "--apply-suggestions", "all", "--db", str(db)]) == 0
    assert [c.replacement for c in records(db, aid)[0]] == ["an aple", "otter"]
    assert main(["fix", aid, "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines() == ['line 1: "a aple" -> "an aple"', 'line 1: "blorp" -> "otter"']


def test_apply_is_one_undo_step(setup, capsys):
    db, aid = setup
    assert main(["fix", aid, "--apply-suggestions", "misspelling", "--db", str(db)]) == 0
    assert len(records(db, aid)[0]) == 3
    lib = Library.open(db)
    ed = Editor(lib)
    assert ed.undo_description.startswith("apply 3 suggestions")
    ed.undo()
    assert lib.corrections(aid) == []
    lib.close()


def test_bad_usage_exits_2(setup, capsys):
    db, aid = setup
    assert main(["fix", "nosuchid", "--apply-suggestions", "misspelling", "--db", str(db)]) == 2
    assert "no article" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["fix", aid, "--apply-suggestions", "bogus", "--db", str(db)])
    assert exc.value.code == 2


def test_dry_run_without_apply_diffs_existing_corrections(setup, capsys):
    db, aid = setup
    lib = Library.open(db)
    s = TEXT.index("aple")
    Editor(lib).correct(aid, s, s + 4, "apple")
    lib.close()
    assert main(["fix", aid, "--dry-run", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "+We ate a apple and a blorp.\n" in out
