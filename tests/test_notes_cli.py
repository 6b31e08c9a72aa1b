"""`reader note` and `reader notes` from the shell."""

from __future__ import annotations

import json

from reader.cli import main

TEXT = "The harbour [bold]master[/bold] said the harbour was full. The harbour closed.\n"


def _setup(tmp_path, library):
    src = tmp_path / "a.txt"
    src.write_text(TEXT)
    res = library.add_article(TEXT, title="Harbour", source=str(src))
    return res.info.id


def test_note_then_notes_json(tmp_path, library, db_path, capsys):
    aid = _setup(tmp_path, library)
    db = ["--db", str(db_path)]
    assert main([*db, "note", aid, "--quote", "harbour", "--nth", "3", "--note", "third", "--tag", "port", "--tag", "todo,x", "--label", "place"]) == 0
    capsys.readouterr()
    assert main([*db, "notes", aid, "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)["annotations"]
    start = TEXT.index("harbour closed")
    assert item == {
        "id": item["id"], "article": aid, "start": start, "end": start + 7, "quote": "harbour",
        "note": "third", "tags": ["port", "todo", "x"], "label": "PLACE", "orphan": False,
    }


def test_note_errors_exit_2_with_a_clear_message(tmp_path, library, db_path, capsys):
    aid = _setup(tmp_path, library)
    db = ["--db", str(db_path)]
    assert main([*db, "note", aid, "--quote", "harbour", "--nth", "4"]) == 2
    assert "occurs 3 times" in capsys.readouterr().err
    assert main([*db, "note", aid, "--quote", "lighthouse"]) == 2
    assert "not found" in capsys.readouterr().err
    assert main([*db, "note", "nosuch", "--quote", "x"]) == 2


def test_notes_table_filters_by_tag_and_prints_markup_literally(tmp_path, library, db_path, capsys):
    aid = _setup(tmp_path, library)
    db = ["--db", str(db_path)]
    main([*db, "note", aid, "--quote", "[bold]master[/bold]", "--note", "[red]x[/red]", "--tag", "markup"])
    main([*db, "note", aid, "--quote", "full", "--tag", "other"])
    capsys.readouterr()
    assert main([*db, "notes", "--tag", "markup"]) == 0
    out = capsys.readouterr().out
    assert "[bold]master[/bold]" in out and "[red]x[/red]" in out
    assert "full" not in out
    assert main([*db, "notes", aid, "--tag", "none"]) == 0
    assert "No annotations" in capsys.readouterr().out


def test_notes_json_orphan_has_null_offsets(tmp_path, library, db_path, capsys):
    aid = _setup(tmp_path, library)
    db = ["--db", str(db_path)]
    main([*db, "note", aid, "--quote", "said the harbour was full"])
    src = tmp_path / "a.txt"
    src.write_text("Completely different words now.\n")
    assert main([*db, "add", "--update", str(src)]) == 0
    capsys.readouterr()
    main([*db, "notes", "--json"])
    (item,) = json.loads(capsys.readouterr().out)["annotations"]
    assert item["orphan"] is True and item["start"] is None and item["quote"] == "said the harbour was full"


def test_note_is_one_undoable_step(tmp_path, library, db_path):
    from reader.editing import Editor

    aid = _setup(tmp_path, library)
    assert main(["--db", str(db_path), "note", aid, "--quote", "full", "--note", "n"]) == 0
    assert len(library.annotations(aid)) == 1
    Editor(library).undo()
    assert library.annotations(aid) == []
