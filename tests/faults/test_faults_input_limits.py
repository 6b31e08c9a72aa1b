"""Hostile inputs of issue 19: non-text codecs as charset, devices and FIFOs on the command
line, nesting 100,000 deep in a theme, a server dripping one byte at a time, a feed of
100,000 items, passwords in URLs, and a kill in the middle of ``import-annotations``."""

from __future__ import annotations

import http.server
import json
import os
import threading
import time
from pathlib import Path

import pytest

from faultkit import SAMPLE_TEXT, assert_clean_error, make_library, run_reader
from reader.store import Library

NON_TEXT_CODECS = ["base64", "rot13", "hex", "zlib", "undefined", "bz2", "uu", "quopri"]


def _main(capsys, db: Path, *args) -> tuple[int, str, str]:
    from reader.cli import main

    status = main(["--db", str(db), *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# ---------------------------------------------------------------- charsets
@pytest.mark.parametrize("codec", NON_TEXT_CODECS)
def test_non_text_codec_as_meta_charset_is_ignored(codec, tmp_path: Path, capsys):
    page = tmp_path / "page.html"
    page.write_text(f'<html><head><meta charset="{codec}"><title>Codec page</title></head>'
                    f"<body><article><p>{'A paragraph of plain words here. ' * 8}</p></article></body></html>")
    status, out, err = _main(capsys, tmp_path / "lib" / "library.json", "add", page)
    assert status == 0, err
    assert "Codec page" in out


def test_one_bad_file_does_not_abort_a_folder(tmp_path: Path, capsys, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("First\n\nThe first article.\n")
    (folder / "b.html").write_text('<html><head><meta charset="base64"><title>Second</title></head><body><article><p>'
                                   + "Second article, still imported. " * 8 + "</p></article></body></html>")
    (folder / "c.png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "d.txt").write_text("Fourth\n\nThe fourth article.\n")
    from reader import importing

    real = importing.load_file

    def crash_on_d(path):  # an importer bug on one file (any exception a parser raises)
        if path.name == "d.txt":
            raise LookupError("unknown encoding: zlib")
        return real(path)

    monkeypatch.setattr(importing, "load_file", crash_on_d)
    status, out, err = _main(capsys, tmp_path / "lib" / "library.json", "add", folder)
    assert status == 1, err
    assert out.count("added") == 2 and "2 failed" in err and "Traceback" not in err


def test_non_text_codec_in_an_http_header(tmp_path: Path):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            body = b"Plain text from a server that names a bytes codec as its charset.\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=zlib")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with _serve(Handler) as base:
        run = run_reader("add", f"{base}/t.txt", db=tmp_path / "lib" / "library.json", timeout=60)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr


# ---------------------------------------------------------------- devices and FIFOs
@pytest.mark.parametrize("command", ["add", "check"])
def test_devices_and_fifos_on_the_command_line_are_refused(command, tmp_path: Path, capsys):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)  # nobody writes to it: reading would hang
    for target in ("/dev/zero", str(fifo)):
        status, _, err = _main(capsys, tmp_path / "lib" / "library.json", command, target)
        assert_clean_error(status, err, contains="not a regular file")


def test_the_size_cap_holds_while_reading(tmp_path: Path):
    from reader.errors import InputError
    from reader.textio import read_limited_bytes

    grows = tmp_path / "grows.txt"
    grows.write_bytes(b"x" * 100)
    with pytest.raises(InputError, match="limit"):
        read_limited_bytes(grows, limit=50)
    assert read_limited_bytes(grows, limit=100) == b"x" * 100


# ---------------------------------------------------------------- deep nesting
def test_a_theme_nested_100000_deep_is_skipped_not_a_crash(tmp_path: Path, monkeypatch, capsys):
    themes = tmp_path / "themes"
    themes.mkdir()
    (themes / "deep.toml").write_text("name = 'deep'\nx = " + "[" * 100_000 + "]" * 100_000 + "\n")
    monkeypatch.setenv("READER_THEMES", str(themes))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    from reader.themes import ThemeError, read_theme_file

    with pytest.raises(ThemeError, match="deep"):
        read_theme_file(themes / "deep.toml")


def test_annotations_nested_100000_deep_are_refused(tmp_path: Path, capsys):
    db = tmp_path / "lib" / "library.json"
    make_library(db)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    status, _, err = _main(capsys, db, "import-annotations", deep)
    assert_clean_error(status, err, contains="deep")


# ---------------------------------------------------------------- HTTP
class _serve:
    def __init__(self, handler) -> None:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Drip(http.server.BaseHTTPRequestHandler):
    """Headers or body one byte every 0.2 s: each read succeeds, the whole never ends."""

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        try:
            if self.path == "/headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                chunks = [b"X"] * 300
            else:
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "300")
                self.end_headers()
                chunks = [b"a"] * 300
            for chunk in chunks:
                self.wfile.write(chunk)
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass  # the client gave up, as it should


@pytest.mark.parametrize("path", ["/body", "/headers"])
def test_a_dripping_server_meets_the_overall_deadline(path, tmp_path: Path):
    from reader.errors import InputError
    from reader.importers.fetch import fetch

    os.environ["READER_HTTP_TIMEOUT"] = "1.5"
    try:
        with _serve(_Drip) as base:
            started = time.monotonic()
            with pytest.raises(InputError, match="timed out"):
                fetch(base + path)
            took = time.monotonic() - started
    finally:
        del os.environ["READER_HTTP_TIMEOUT"]
    assert took < 6, f"took {took:.1f} s for a 1.5 s deadline"


def test_a_password_in_a_url_is_never_echoed(tmp_path: Path, capsys):
    status, out, err = _main(capsys, tmp_path / "lib" / "library.json", "add", "http://user:s3cr3t-pw@example.invalid/page")
    assert_clean_error(status, err, contains="password")
    assert "s3cr3t-pw" not in out + err


# ---------------------------------------------------------------- big feeds
def _feed(n: int) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>http://example.com/{i}</link><guid>g{i}</guid>"
                    f"<description>Body of item {i}, a few words.</description></item>" for i in range(n))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>'
            f"<link>http://example.com/</link>{items}</channel></rss>").encode()


def test_a_feed_of_100000_items_is_capped_with_a_message(tmp_path: Path, capsys, monkeypatch):
    feed = tmp_path / "big.xml"
    feed.write_bytes(_feed(100_000))
    monkeypatch.setenv("READER_MAX_FEED_ITEMS", "20")
    started = time.monotonic()
    status, out, err = _main(capsys, tmp_path / "lib" / "library.json", "add", feed)
    took = time.monotonic() - started
    assert status == 0, err
    assert out.count("added") == 20
    assert "100,000 items" in err and "READER_MAX_FEED_ITEMS" in err
    assert took < 60


@pytest.mark.slow
def test_a_feed_of_100000_items_with_the_default_cap_within_60_s(tmp_path: Path):
    feed = tmp_path / "big.xml"
    feed.write_bytes(_feed(100_000))
    started = time.monotonic()
    run = run_reader("add", feed, db=tmp_path / "lib" / "library.json", timeout=120)
    assert run.returncode == 0 and time.monotonic() - started <= 60, run.stderr


# ---------------------------------------------------------------- import-annotations
def _two_article_w3c(ids: list[str]) -> dict:
    items = []
    for aid in ids:
        start = SAMPLE_TEXT.index("storm")
        items.append({
            "type": "Annotation", "motivation": "commenting", "id": f"urn:reader:annotation:imp-{aid}",
            "body": {"type": "TextualBody", "purpose": "commenting", "value": f"imported on {aid}"},
            "target": {"source": f"urn:reader:article:{aid}", "selector": [
                {"type": "TextQuoteSelector", "exact": "storm"},
                {"type": "TextPositionSelector", "start": start, "end": start + 5}]},
        })
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": items}


def test_import_annotations_is_all_or_nothing_per_file(tmp_path: Path, capsys, monkeypatch):
    db = tmp_path / "lib" / "library.json"
    first = make_library(db)
    lib = Library.open(db)
    second = lib.add_article(SAMPLE_TEXT + "\nA second article.\n", title="Second").info.id
    lib.close()
    w3c = tmp_path / "two.json"
    w3c.write_text(json.dumps(_two_article_w3c([first, second])))

    calls = {"n": 0}
    real = Library._change_shard

    def killed_after_first(self, article_id, changes):
        calls["n"] += 1
        if calls["n"] == 2:
            raise SystemExit(137)  # the process dies between the two articles
        return real(self, article_id, changes)

    monkeypatch.setattr(Library, "_change_shard", killed_after_first)
    with pytest.raises(SystemExit):
        _main(capsys, db, "import-annotations", w3c)
    monkeypatch.setattr(Library, "_change_shard", real)

    lib = Library.open(db)  # the next process to open the library finishes the import
    notes = {a.article_id for a in lib.annotations() if a.note.startswith("imported on")}
    lib.close()
    assert notes == {first, second}
    assert not (db.with_name("library.d") / "pending-batch.json").exists()
