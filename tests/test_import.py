"""Import: files and folders into the library, odd inputs refused or repaired."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.importing import collect, load_file
from reader.model import Anchor, Annotation


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_bom_and_crlf_file_loads_clean(tmp_path):
    doc = load_file(write(tmp_path / "a.txt", codecs.BOM_UTF8 + b"Title here\r\n\r\nBody\r\n"))[0]
    assert doc.text == "Title here\n\nBody\n"
    assert doc.title == "Title here" and doc.warning is None
    assert doc.source == str((tmp_path / "a.txt").resolve())


def test_markdown_title_comes_from_heading(tmp_path):
    doc = load_file(write(tmp_path / "n.md", b"intro line\n\n# Real title\n"))[0]
    assert doc.title == "Real title" and doc.meta["format"] == "markdown"


def test_latin1_file_loads_with_warning(tmp_path):
    doc = load_file(write(tmp_path / "l.txt", "Crème brûlée à Besançon, garçon.\n".encode("latin-1")))[0]
    assert doc.text == "Crème brûlée à Besançon, garçon.\n"
    assert doc.warning and "decoded as" in doc.warning


@pytest.mark.parametrize(("data", "words"), [(b"", "is empty"), (b" \n\t\r\n  ", "only whitespace")])
def test_empty_and_whitespace_only_files_are_refused(tmp_path, data, words):
    with pytest.raises(InputError, match=words):
        load_file(write(tmp_path / "e.txt", data))


def test_size_limit_gives_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_MAX_BYTES", "100")
    with pytest.raises(InputError) as info:
        load_file(write(tmp_path / "big.txt", b"x" * 101))
    assert "over the import limit of 100 bytes" in info.value.message
    assert "READER_MAX_BYTES" in info.value.message


def test_bad_size_limit_setting_is_a_user_error(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_MAX_BYTES", "lots")
    with pytest.raises(InputError, match="whole number"):
        load_file(write(tmp_path / "a.txt", b"hello"))


def test_collect_walks_folders_recursively_and_skips_hidden_and_other_files(tmp_path):
    write(tmp_path / "d" / "b.txt", b"b")
    write(tmp_path / "d" / "sub" / "a.md", b"a")
    write(tmp_path / "d" / ".hidden.txt", b"h")
    write(tmp_path / "d" / "image.png", b"\x89PNG")
    found = [Path(p).name for p in collect([str(tmp_path / "d")])]
    assert sorted(found) == ["a.md", "b.txt"]
    with pytest.raises(InputError, match="no such file"):
        list(collect([str(tmp_path / "missing")]))


def test_cli_add_refuses_binary_with_one_line_and_imports_the_rest(tmp_path, run_cli):
    write(tmp_path / "in" / "good.txt", b"Good title\n\nSome words here.\n")
    write(tmp_path / "in" / "bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    status, out, err = run_cli("add", str(tmp_path / "in"))
    assert status == 1
    errors = [line for line in err.splitlines() if line.startswith("reader: error:")]
    assert len(errors) == 1 and "bad.txt" in errors[0] and "not a text file" in errors[0]
    assert "Traceback" not in err
    assert "added" in out and "Good title" in out


def test_duplicate_content_is_not_added_twice(tmp_path, run_cli):
    write(tmp_path / "a.txt", b"Same\n\ntext\n")
    write(tmp_path / "b.txt", b"Same\n\ntext\n")
    status, out, _ = run_cli("add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert status == 0
    assert out.count("added") == 1 and out.count("duplicate") == 1


def test_update_replaces_text_and_keeps_annotations(tmp_path, run_cli, library):
    src = write(tmp_path / "a.txt", b"Title\n\nFirst version of the text.\n")
    assert run_cli("add", str(src))[0] == 0
    info = library.find_by_source(str(src.resolve()))
    ann = Annotation(id="n1", article_id=info.id, anchor=Anchor(7, 12, "First"), note="keep me")
    library.put_annotation(ann)
    src.write_bytes(b"Title\n\nFirst version of the text, revised.\n")
    status, out, _ = run_cli("add", "--update", str(src))
    assert status == 0 and "updated" in out
    assert library.get_text(info.id).endswith("revised.\n")
    assert [a.note for a in library.annotations(info.id)] == ["keep me"]
    assert len(library.list_articles()) == 1
