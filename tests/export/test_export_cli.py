"""`reader export`: files, stdout, refusing to overwrite, --all."""

from __future__ import annotations

import json

from reader.cli import main

TEXT = "Lisbon news\n\nThe train from Lisbon to Madrid runs again.\n"


def _lib(library, tmp_path):
    a = library.add_article(TEXT, title="Lisbon news", source=str(tmp_path / "a.txt")).info.id
    b = library.add_article("Other\n\nMore text here.\n", title="Lisbon news", source=str(tmp_path / "b.txt")).info.id
    return a, b


def test_export_writes_named_files_and_refuses_to_overwrite(tmp_path, library, db_path, capsys):
    a, b = _lib(library, tmp_path)
    db = ["--db", str(db_path)]
    out = tmp_path / "out"
    assert main([*db, "export", "--all", "--format", "md", "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["Lisbon news.md", f"Lisbon news-{b}.md"])  # same title: the id keeps them apart
    before = (out / "Lisbon news.md").read_text()
    assert main([*db, "export", a, "--format", "md", "-o", str(out)]) == 2
    assert "not overwriting" in capsys.readouterr().err
    main([*db, "note", a, "--quote", "Madrid", "--note", "capital"])
    assert main([*db, "export", a, "--format", "md", "-o", str(out), "--force"]) == 0
    assert (out / "Lisbon news.md").read_text() != before
    assert list(out.glob(".*")) == []  # no temporary files left behind


def test_export_to_stdout(tmp_path, library, db_path, capsys):
    a, b = _lib(library, tmp_path)
    db = ["--db", str(db_path)]
    capsys.readouterr()
    assert main([*db, "export", a, "--format", "txt", "-o", "-"]) == 0
    assert capsys.readouterr().out == TEXT
    assert main([*db, "export", "--all", "--format", "jsonl", "-o", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(l)["id"] for l in lines] == [a, b]
    assert main([*db, "export", a, "--format", "brat", "-o", "-"]) == 2
    assert "give a folder" in capsys.readouterr().err
    assert main([*db, "export", a, b, "--format", "md", "-o", "-"]) == 2
    assert main([*db, "export", "--format", "md"]) == 2  # neither ids nor --all
    assert main([*db, "export", a, "--format", "html", "--highlights-only"]) == 2


def test_jsonl_of_several_articles_goes_to_one_file(tmp_path, library, db_path):
    a, b = _lib(library, tmp_path)
    out = tmp_path / "o"
    assert main(["--db", str(db_path), "export", "--all", "--format", "jsonl", "-o", str(out)]) == 0
    (f,) = out.iterdir()
    assert f.name == "articles.jsonl"
    assert [json.loads(l)["id"] for l in f.read_text().splitlines()] == [a, b]
