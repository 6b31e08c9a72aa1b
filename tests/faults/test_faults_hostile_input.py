"""Hostile and odd input through ``reader add``, ``show``, ``list``, ``check``, ``notes``,
every export format and the app.

Each input is either refused with one clear line and exit 2 (binary, undecodable, empty,
whitespace-only, over the size limit) or stored and shown *literally*: no byte of an
escape sequence ever reaches a terminal (control characters become visible symbols at
import), markup is text, offsets stay valid, wide and right-to-left characters survive.
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest

from faultkit import assert_clean_error, run_reader
from reader.store import Library
from reader.textio import decode_bytes

ESC_SEQUENCES = (
    "Red \x1b[31malert\x1b[0m and a clear screen \x1b[2J\x1b[H here.\n"
    "An OSC 52 clipboard write \x1b]52;c;ZWNobyBoYWNrZWQ=\x07 and a link "
    "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ and a title \x1b]0;pwned\x07.\n"
    "C1 CSI \x9b31m and DCS \x90q\x9c, bell \x07, backspace \x08\x08 and DEL \x7f.\n"
)
MARKUP = (
    "[bold]Not bold[/bold] and [link=http://evil.example]a link[/link] and a stray [/] "
    "and [red on white]colour[/] and [@click=app.quit]quit[/] and $reader-person.\n"
)
HTML = '<script>alert(1)</script> "><img src=x onerror=alert(2)> <b>bold</b> &amp; &lt;\n'
RTL = "English then עברית ועוד and العربية مرحبا with an override \u202eevil\u202c and \u2067isolate\u2069.\n"
COMBINING = "Cafe\u0301 na\u0308ive Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o and a\u20dd and \u0301 alone.\n"
WIDE = "Emoji 👩‍👩‍👧‍👦 🇳🇴 ❤️ and CJK 漢字かなカナ 한국어 and fullwidth ＡＢＣ and a 𝕏.\n"
TABS = "col1\tcol2\t\tcol3\n\tindented line\n"

#: name -> file bytes, for inputs that must be stored.
STORED = {
    "escapes": ("Escapes\n\n" + ESC_SEQUENCES).encode("utf-8"),
    "markup": ("Markup [bold]title[/]\n\n" + MARKUP).encode("utf-8"),
    "html": ("<title>HTML</title>\n\n" + HTML).encode("utf-8"),
    "rtl": ("RTL \u202etxet\n\n" + RTL).encode("utf-8"),
    "combining": ("Combining\n\n" + COMBINING).encode("utf-8"),
    "wide": ("Wide 漢字\n\n" + WIDE).encode("utf-8"),
    "tabs": ("Tabs\n\n" + TABS).encode("utf-8"),
    "nul-few": b"NUL bytes\n\nA text with a NUL\x00 byte and another\x00 one.\n",
    "utf16-bom": codecs.BOM_UTF16_LE + "UTF-16 text\n\nCafé, 漢字 and 👩‍👩‍👧.\r\n".encode("utf-16-le"),
    "utf8-bom": codecs.BOM_UTF8 + "BOM text\r\n\r\nWindows line ends.\r\n".encode("utf-8"),
    "invalid-utf8": "Latin one\n\nCafé crème, déjà vu, naïve façade.\n".encode("cp1252"),
    "crlf-cr": b"Old Mac\r\rlines\rand\r\nmixed\n",
    "everything": ("Everything \x1b[1m[b]\n\n" + ESC_SEQUENCES + MARKUP + HTML + RTL + COMBINING + WIDE + TABS).encode(),
}

#: name -> (file bytes, words the one-line error must contain)
REFUSED = {
    "png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "not a text file"),
    "elf": (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "not a text file"),
    "random-binary": (bytes((i * 7919) % 256 for i in range(4096)), "not a text file"),
    "nul-many": (b"text\x00" * 400, "not a text file"),
    "empty": (b"", "empty"),
    "whitespace": (b" \n\t\r\n   \n", "whitespace"),
    "utf16-broken": (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "utf-16"),
}

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _inert(s: str) -> None:
    """No control character (so no escape sequence) other than newline and tab."""
    bad = CONTROL.search(s)
    assert bad is None, f"control character {bad.group()!r} at {bad.start()}: {s[max(0, bad.start() - 20):bad.start() + 20]!r}"


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    out = {}
    for name, data in {**STORED, **{k: v[0] for k, v in REFUSED.items()}}.items():
        path = folder / f"{name}.txt"
        path.write_bytes(data)
        out[name] = path
    return out


@pytest.mark.parametrize("name", list(REFUSED))
def test_add_and_check_refuse_unusable_files(name, hostile_files, run_cli, db_path):
    path = hostile_files[name]
    words = REFUSED[name][1]
    status, out, err = run_cli("--db", str(db_path), "add", str(path))
    assert_clean_error(status, err, contains=words)
    assert str(path) in err
    lib = Library.open(db_path)
    assert all(i.source != str(path.resolve()) for i in lib.list_articles())  # nothing stored
    lib.close()
    status, out, err = run_cli("check", "--format", "json", str(path))
    if name in ("empty", "whitespace"):  # nothing to check is not an error for `check`
        assert status == 0 and err == ""
        assert [a["findings"] for a in json.loads(out)["articles"]] == [[]]
        return
    assert_clean_error(status, err, contains=words)
    assert out == ""


def test_size_limit_is_configurable_and_clear(tmp_path, run_cli, db_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("Big\n\n" + "word " * 1000)
    monkeypatch.setenv("READER_MAX_BYTES", "4096")
    for argv in (["--db", str(db_path), "add", str(big)], ["check", str(big)]):
        status, out, err = run_cli(*argv)
        assert_clean_error(status, err, contains="over the import limit")
        assert "READER_MAX_BYTES" in err and "5,005" in err and "4,096" in err
    monkeypatch.setenv("READER_MAX_BYTES", "lots")
    status, _, err = run_cli("check", str(big))
    assert_clean_error(status, err, contains="READER_MAX_BYTES")
    monkeypatch.setenv("READER_MAX_BYTES", "8192")
    assert run_cli("--db", str(db_path), "add", str(big))[0] == 0


@pytest.fixture(scope="module")
def stored_library(hostile_files, tmp_path_factory):
    """One library holding every storable hostile file, added by a real `reader add`."""
    db = tmp_path_factory.mktemp("hostile-lib") / "library.json"
    proc = run_reader("add", *[hostile_files[n] for n in STORED], db=db)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    _inert(proc.stdout)
    _inert(proc.stderr)
    lib = Library.open(db)
    ids = {}
    for info in lib.list_articles():
        for name in STORED:
            if info.source == str(hostile_files[name].resolve()):
                ids[name] = info.id
    lib.close()
    assert set(ids) == set(STORED)
    return db, ids


@pytest.mark.parametrize("name", list(STORED))
def test_stored_text_is_decoded_and_inert(name, stored_library, hostile_files):
    db, ids = stored_library
    lib = Library.open(db)
    text = lib.get_text(ids[name])
    info = lib.get_info(ids[name])
    lib.close()
    _inert(text)
    _inert(info.title)
    assert text == decode_bytes(STORED[name]).text  # the same decoding `reader check` uses
    assert "\r" not in text
    if name in ("markup", "html", "rtl", "combining", "wide", "tabs"):
        body = {"markup": MARKUP, "html": HTML, "rtl": RTL, "combining": COMBINING, "wide": WIDE, "tabs": TABS}[name]
        assert body in text  # kept exactly: literal markup, marks, wide and RTL characters, tabs
    if name == "escapes":
        assert "␛[31malert␛[0m" in text and "␇" in text  # visible symbols, same length
        assert len(text) == len(decode_bytes(STORED[name]).text)
    if name == "utf16-bom":
        assert text == "UTF-16 text\n\nCafé, 漢字 and 👩‍👩‍👧.\n"
    if name == "invalid-utf8":
        assert "Café crème, déjà vu, naïve façade." in text


def test_show_list_notes_print_nothing_active(stored_library):
    db, ids = stored_library
    proc = run_reader("list", db=db)
    assert proc.returncode == 0
    _inert(proc.stdout)
    assert "[bold]title[/]" in proc.stdout  # markup in a title is printed, not applied
    for name, article_id in ids.items():
        proc = run_reader("show", article_id, "--corrected", db=db) if name == "everything" else None
        if proc is not None:
            assert proc.returncode == 0
            _inert(proc.stdout)
    # Notes and tags are typed by people and may hold escapes too.
    evil = "note \x1b[31mred\x1b]8;;http://x\x07 [bold]b[/] <i>"
    proc = run_reader("note", ids["everything"], "--quote", "Not bold", "--note", evil, "--tag", "t\x1bg", db=db)
    assert proc.returncode == 0, proc.stderr
    for argv in (["notes"], ["notes", ids["everything"], "--json"]):
        proc = run_reader(*argv, db=db)
        assert proc.returncode == 0, proc.stderr
        _inert(proc.stdout)
    from reader.textio import sanitize

    note = json.loads(proc.stdout)["annotations"][0]["note"]
    assert note == sanitize(evil)  # stored as typed, control characters made visible


@pytest.mark.parametrize("name", list(STORED))
def test_check_offsets_are_valid_and_output_inert(name, hostile_files, run_cli):
    path = hostile_files[name]
    status, out, err = run_cli("check", "--format", "json", str(path))
    assert status in (0, 1), err
    text = decode_bytes(STORED[name]).text
    for article in json.loads(out)["articles"]:
        for item in article["findings"] + article["entities"]:
            assert 0 <= item["start"] <= item["end"] <= len(text)
            assert text[item["start"]:item["end"]] == item["text"]
    status, out, err = run_cli("check", str(path))
    assert status in (0, 1), err
    _inert(out)
    assert all(line.startswith(str(path) + ":") for line in out.splitlines())  # one line per finding


FORMATS = ["md", "html", "json", "txt", "critic", "brat", "jsonl"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_of_hostile_articles_is_inert(fmt, stored_library, tmp_path):
    db, ids = stored_library
    out = tmp_path / "out"
    proc = run_reader("export", "--all", "--format", fmt, "-o", out, db=db)
    assert proc.returncode == 0, proc.stderr
    files = sorted(out.iterdir())
    assert files
    for f in files:
        assert f.parent == out and not f.name.startswith(".")  # names sanitised, inside -o
        content = f.read_text(encoding="utf-8")
        _inert(content.replace("\r\n", "\n"))
        if fmt == "html":
            assert "<script" not in content.lower()  # no script element, from any article
            assert "<img" not in content.lower()
        if fmt in ("json", "jsonl"):
            for line in content.splitlines() if fmt == "jsonl" else [content]:
                json.loads(line)


def test_export_of_hostile_html_article_escapes_it(stored_library, tmp_path):
    db, ids = stored_library
    proc = run_reader("export", ids["html"], "--format", "html", "-o", "-", db=db)
    assert proc.returncode == 0, proc.stderr
    page = proc.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert "<img src=x" not in page
    for name in ("escapes", "markup", "wide", "rtl"):
        proc = run_reader("export", ids[name], "--format", "txt", "-o", "-", db=db)
        assert proc.returncode == 0
        _inert(proc.stdout)


#: Malformed W3C files: refused with exit 2, or read as holding nothing usable (exit 0,
#: "0 annotations ... imported"); never a traceback, never a change to the library.
W3C_BAD = {
    "invalid-json": b'{"type": "AnnotationCollection", "items": [',
    "list": b"[1, 2, 3]",
    "wrong-items": b'{"type": "AnnotationCollection", "items": "nope"}',
    "item-not-object": b'{"type": "AnnotationCollection", "items": [42, "x", null]}',
    "odd-selectors": (
        b'{"type": "AnnotationCollection", "items": [{"type": "Annotation", "body": 5, "target": '
        b'{"source": 7, "selector": [{"type": "TextPositionSelector", "start": -5, "end": 1e300}, '
        b'{"type": "TextQuoteSelector", "exact": ["x"]}]}}]}'
    ),
    "binary": bytes(range(256)),
    "empty": b"",
    "deep": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize(
    "name",
    list(W3C_BAD),
)
def test_import_annotations_refuses_malformed_files(name, tmp_path, db_path, run_cli):
    if run_cli("import-annotations", "--help")[0] != 0:
        pytest.skip("`reader import-annotations` is not registered yet")
    from faultkit import make_library, tree_snapshot

    article_id = make_library(db_path)
    bad = tmp_path / f"{name}.json"
    bad.write_bytes(W3C_BAD[name])
    before = tree_snapshot(db_path.parent)
    for argv in (["import-annotations", str(bad)], ["import-annotations", str(bad), "--article", article_id]):
        status, out, err = run_cli("--db", str(db_path), *argv)
        if status == 0:
            assert out.startswith("0 annotations and 0 corrections imported"), out
        else:
            assert_clean_error(status, err)
        assert tree_snapshot(db_path.parent) == before


def test_note_with_a_non_utf8_argument_exports_valid_utf8(tmp_path):
    import os

    from faultkit import make_library

    db = tmp_path / "lib" / "library.json"
    article_id = make_library(db)
    raw_note = os.fsdecode(b"bad \xff byte")  # what Python makes of a Latin-1 terminal's input
    proc = run_reader("note", article_id, "--quote", "storm", "--note", raw_note, "--tag", os.fsdecode(b"t\xfe"), db=db)
    assert proc.returncode in (0, 2) and "Traceback" not in proc.stderr
    out = tmp_path / "out"
    for fmt in ("md", "json", "html"):
        assert run_reader("export", article_id, "--format", fmt, "-o", out / fmt, db=db).returncode == 0
        for f in (out / fmt).iterdir():
            f.read_bytes().decode("utf-8")  # strict: every export is valid UTF-8
    listed = subprocess_bytes(db, "notes", "--json")
    json.loads(listed.decode("utf-8"))


def subprocess_bytes(db: Path, *args: str) -> bytes:
    import subprocess
    import sys

    from faultkit import child_env

    return subprocess.run([sys.executable, "-m", "reader", "--db", str(db), *args], capture_output=True,
                          env=child_env(), timeout=60, check=True).stdout
