"""reader.export.run: the folder export shared by the CLI and the app."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.errors import InputError, ReaderError
from reader.export import FORMATS, ExportOptions, get_format
from reader.export.run import ExistingFilesError, export_to_folder, file_mode, plan_files, render_articles

TEXT = "Harbour news\n\nThe ferry from Aldmouth to Velgrad runs again on Monday.\n"


def _add(library, tmp_path, title, text=TEXT, name="a.txt"):
    return library.add_article(text, title=title, source=str(tmp_path / name)).info.id


def test_writes_the_same_files_as_the_cli(library, db_path, tmp_path):
    a = _add(library, tmp_path, "Harbour news")
    b = _add(library, tmp_path, "Second", "Second\n\nMore words here.\n", "b.txt")
    for name in FORMATS:
        ours, cli = tmp_path / f"run-{name}", tmp_path / f"cli-{name}"
        written = export_to_folder(library, [a, b], name, ours)
        assert main(["--db", str(db_path), "export", a, b, "--format", name, "-o", str(cli)]) == 0
        assert sorted(p.name for p in written) == sorted(p.name for p in cli.iterdir())
        for p in written:
            assert p.parent == ours and p.read_bytes() == (cli / p.name).read_bytes()


def test_refuses_any_clash_before_writing_anything(library, tmp_path):
    a = _add(library, tmp_path, "Harbour news")
    out = tmp_path / "out"
    out.mkdir()
    (out / "Harbour news.brat.ann").write_text("mine")
    with pytest.raises(ExistingFilesError) as info:
        export_to_folder(library, [a], "brat", out)
    assert info.value.paths == [out / "Harbour news.brat.ann"]
    assert "not overwriting" in info.value.message
    assert sorted(p.name for p in out.iterdir()) == ["Harbour news.brat.ann"]  # .brat.txt not written either
    assert (out / "Harbour news.brat.ann").read_text() == "mine"
    written = export_to_folder(library, [a], "brat", out, force=True)
    assert len(written) == 2 and (out / "Harbour news.brat.ann").read_text() != "mine"
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # no temp files left


def test_hostile_and_shared_titles_stay_inside_the_folder(library, tmp_path):
    a = _add(library, tmp_path, "../../x")
    b = _add(library, tmp_path, "../../x", "Other\n\nText.\n", "b.txt")
    out = tmp_path / "deep" / "out"
    written = export_to_folder(library, [a, b], "txt", out)
    assert [p.parent for p in written] == [out, out]
    assert sorted(p.name for p in written) == sorted(["x.txt", f"x-{b}.txt"])
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]


def test_jsonl_of_several_articles_is_one_file(library, tmp_path):
    ids = [_add(library, tmp_path, f"T{i}", f"T{i}\n\nText {i}.\n", f"{i}.txt") for i in range(3)]
    (path,) = export_to_folder(library, ids, "jsonl", tmp_path / "o")
    assert path.name == "articles.jsonl" and len(path.read_text().splitlines()) == 3


def test_usage_errors_are_reader_errors(library, tmp_path):
    a = _add(library, tmp_path, "Harbour news")
    with pytest.raises(ReaderError, match="applies to --format md"):
        export_to_folder(library, [a], "html", tmp_path / "o", ExportOptions(highlights_only=True))
    with pytest.raises(ReaderError, match="unknown export format"):
        export_to_folder(library, [a], "pdf", tmp_path / "o")
    with pytest.raises(ReaderError, match="no articles"):
        export_to_folder(library, [], "md", tmp_path / "o")
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(InputError, match="not a folder"):
        export_to_folder(library, [a], "md", blocker)
    with pytest.raises(InputError, match="cannot create"):
        export_to_folder(library, [a], "md", blocker / "sub")


def test_exported_files_get_the_ordinary_mode(library, tmp_path):
    a = _add(library, tmp_path, "Harbour news")
    (path,) = export_to_folder(library, [a], "md", tmp_path / "o")
    assert stat.S_IMODE(path.stat().st_mode) == file_mode()
    assert file_mode() & 0o600 == 0o600


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_any_title_plans_a_file_directly_inside_the_folder(title):
    from dataclasses import replace

    from reader.export import ExportDoc
    from reader.model import Article, ArticleInfo

    info = ArticleInfo(id="abc123", title=title, source=None, sha256="", added="", words=0, chars=0)
    doc = ExportDoc(Article(info, "body\n"))
    out = Path("/tmp/exports")
    fmt = get_format("brat")
    plan = plan_files(fmt, [(doc, fmt.render(doc, ExportOptions())), (replace(doc), {".x": ""})], out)
    for path, _ in plan:
        assert path.parent == out and path.name not in ("", ".", "..")
        assert "/" not in path.name and not path.name.startswith(".")


def test_render_articles_keeps_the_order_asked(library, tmp_path):
    ids = [_add(library, tmp_path, f"T{i}", f"T{i}\n\nText {i}.\n", f"{i}.txt") for i in range(3)]
    outputs = render_articles(library, list(reversed(ids)), get_format("txt"), ExportOptions())
    assert [doc.article.id for doc, _ in outputs] == list(reversed(ids))


@pytest.mark.parametrize("appendix", [False, True])
def test_formats_that_skip_the_analysis_do_not_show_it(doc, appendix):
    """The guard for ANALYSED_FORMATS: without entities and findings, the other formats'
    output is unchanged (so skipping the analysis for them loses nothing)."""
    from dataclasses import replace

    from reader.export.run import needs_analysis

    bare = replace(doc, entities=(), findings=())
    assert doc.entities and doc.findings
    options = ExportOptions(appendix=appendix) if appendix else ExportOptions()
    for fmt in FORMATS.values():
        if appendix and fmt.name != "md":
            continue
        if not needs_analysis(fmt, options):
            assert fmt.render(bare, options) == fmt.render(doc, options), fmt.name
        else:
            assert fmt.render(bare, options) != fmt.render(doc, options), fmt.name
