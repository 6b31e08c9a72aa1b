"""No escape byte from outside text reaches a terminal (issue 19, first item).

File names, HTTP reason phrases, Content-Type headers, redirect Locations, imported
corrections and notes (OSC 52 clipboard writes, raw C1 bytes such as U+009B, lone
surrogates) and dictionary words all pass through :mod:`reader.termsafe`; a grep keeps
every print and console write going through it.
"""

from __future__ import annotations

import http.server
import json
import re
import threading
from pathlib import Path

import pytest

from faultkit import SAMPLE_TEXT, make_library, run_reader
from reader.termsafe import json_text, redact_url, safe, safe_line

ROOT = Path(__file__).resolve().parents[2] / "reader"

#: Bytes a terminal acts on: ESC, BEL, the C1 range as UTF-8 (U+0080..U+009F) and raw.
ESCAPE_BYTES_RE = re.compile("[\x07\x1b\x80-\x9f]")
OSC_TITLE = "\x1b]0;pwned\x07"
OSC_52 = "\x1b]52;c;ZWNobyBoYWNrZWQ=\x07"
CSI_C1 = "\x9b31m"


def assert_inert(*outputs: str) -> None:
    for text in outputs:
        assert "Traceback" not in text, text
        found = ESCAPE_BYTES_RE.search(text)
        assert found is None, f"escape byte {found.group()!r} in {text!r}"


# ---------------------------------------------------------------- the one function
def test_safe_maps_every_control_to_one_visible_code_point():
    hostile = "".join(chr(c) for c in range(0x00, 0xA0)) + "\ud800\udfff" + "ok"
    cleaned = safe(hostile)
    assert len(cleaned) == len(hostile)
    assert_inert(cleaned)
    cleaned.encode("utf-8")  # no lone surrogate left
    assert "\n" in cleaned and "\t" in cleaned and "\n" not in safe_line(hostile)
    assert safe("plain text, 漢字 and 👩‍👩‍👧") == "plain text, 漢字 and 👩‍👩‍👧"


def test_json_output_escapes_controls_but_keeps_the_data():
    value = {"t": "a\x1b]0;x\x07 \x9b b \ud800 é"}
    text = json_text(value)
    assert_inert(text)
    assert json.loads(text) == value


def test_passwords_in_urls_are_redacted():
    assert redact_url("http://user:secret@example.com/x") == "http://user:***@example.com/x"
    assert "secret" not in redact_url("https://secret@example.com/")
    assert redact_url("https://example.com/a?b=c") == "https://example.com/a?b=c"


#: Calls that write to a terminal; only reader/termsafe.py may make them.
_SINKS = re.compile(r"\bprint\(|sys\.std(out|err)\.write|\bConsole\(|\binput\(|json\.dump\(.*sys\.std")
#: Lines that touch sys.stdout/stderr without writing text to them.
_HARMLESS = re.compile(r"isatty|sys\.stdout = None|fileno|\.flush\(\)")


def test_no_terminal_write_bypasses_termsafe():
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        if path.name == "termsafe.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if code.lstrip().startswith(('"', "'", "``")) or not code.strip():
                continue
            if _SINKS.search(code) and not _HARMLESS.search(code):
                offenders.append(f"{path.relative_to(ROOT.parent)}:{n}: {line.strip()}")
            elif re.search(r"sys\.std(out|err)\b", code) and not _HARMLESS.search(code) and "safe_stream(" not in code:
                offenders.append(f"{path.relative_to(ROOT.parent)}:{n}: {line.strip()}")
            if "cli" in path.parts and "add_row(" in code and "Text(" in code:
                offenders.append(f"{path.relative_to(ROOT.parent)}:{n}: {line.strip()} (use termsafe.cell)")
            # window titles: a literal or a value made safe
            m = re.search(r"\.(sub_)?title = (.+)", code)
            if m and "ui" in path.parts and not re.match(r"""^(f?["']|safe)""", m.group(2)):
                offenders.append(f"{path.relative_to(ROOT.parent)}:{n}: {line.strip()}")
    assert not offenders, "writes that bypass reader.termsafe:\n" + "\n".join(offenders)


# ---------------------------------------------------------------- CLI, end to end
def test_hostile_file_names_in_add_and_list(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"good{OSC_TITLE}{CSI_C1}.txt").write_text("A title\n\nSome text here.\n", encoding="utf-8")
    (folder / f"bad{OSC_52}.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    db = tmp_path / "lib" / "library.json"
    add = run_reader("add", folder, db=db)
    assert add.returncode == 1, add.stderr
    assert "not a text file" in add.stderr
    listing = run_reader("list", db=db)
    as_json = run_reader("list", "--json", db=db)
    assert_inert(add.stdout, add.stderr, listing.stdout, listing.stderr, as_json.stdout)
    assert listing.returncode == 0 and as_json.returncode == 0


def _w3c_with_escapes(article_id: str) -> dict:
    urn = f"urn:reader:article:{article_id}"
    boat = SAMPLE_TEXT.index("boats")
    harbour = SAMPLE_TEXT.index("harbour at")
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "items": [
            {"type": "Annotation", "motivation": "editing",
             "body": {"type": "TextualBody", "purpose": "editing", "value": f"ships{OSC_52}{CSI_C1}\ud800"},
             "target": {"source": urn, "selector": [
                 {"type": "TextQuoteSelector", "exact": "boats"},
                 {"type": "TextPositionSelector", "start": boat, "end": boat + 5}]}},
            {"type": "Annotation", "motivation": "commenting",
             "body": [{"type": "TextualBody", "purpose": "commenting", "value": f"note {OSC_TITLE}\ud83d"},
                      {"type": "TextualBody", "purpose": "tagging", "value": f"tag{CSI_C1}"}],
             "target": {"source": urn, "selector": [
                 {"type": "TextQuoteSelector", "exact": "harbour"},
                 {"type": "TextPositionSelector", "start": harbour, "end": harbour + 7}]}},
        ],
    }


def _in_process(capsys: pytest.CaptureFixture[str], db: Path, *args: str | Path) -> tuple[int, str]:
    """Run ``reader ARGS`` in this process (fast); its status and all it wrote."""
    from reader.cli import main

    status = main(["--db", str(db), *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_imported_corrections_and_notes_stay_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    db = tmp_path / "lib" / "library.json"
    article_id = make_library(db)
    w3c = tmp_path / "hostile.json"
    w3c.write_text(json.dumps(_w3c_with_escapes(article_id), ensure_ascii=True), encoding="ascii")
    commands = [
        ("import-annotations", w3c, "--article", article_id),
        ("show", article_id, "--corrected"),
        ("fix", article_id),
        ("fix", article_id, "--dry-run"),
        ("notes",),
        ("notes", "--json"),
        ("export", article_id, "-f", "md", "-o", "-"),
    ]
    outputs = []
    for args in commands:
        status, output = _in_process(capsys, db, *args)
        assert status == 0, (args, output)
        assert_inert(output)
        output.encode("utf-8")  # no lone surrogate reached the terminal either
        outputs.append(output)
    assert "ships" in outputs[1]


def test_dictionary_words_stay_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    db = tmp_path / "lib" / "library.json"
    word = f"w{OSC_TITLE}{CSI_C1}"
    results = [_in_process(capsys, db, "dict", *args) for args in
               (("add", word), ("list",), ("remove", word), ("remove", word))]
    assert [status for status, _ in results] == [0, 0, 0, 1]
    assert_inert(*(output for _, output in results))


class _Hostile(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/reason":
            self.send_response(404, f"Gone{OSC_TITLE}{CSI_C1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/type":
            body = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
            self.send_response(200)
            self.send_header("Content-Type", f"image/x{OSC_52}")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", f"ftp://x{OSC_TITLE}/")
            self.send_header("Content-Length", "0")
            self.end_headers()


@pytest.fixture
def hostile_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_http_reason_content_type_and_location_stay_inert(tmp_path: Path, hostile_server: str):
    db = tmp_path / "lib" / "library.json"
    run = run_reader("add", f"{hostile_server}/reason", f"{hostile_server}/type", f"{hostile_server}/redirect",
                     db=db, timeout=60, READER_HTTP_TIMEOUT="10")
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("reader: error:") == 3, run.stderr
    assert_inert(run.stdout, run.stderr)


# ---------------------------------------------------------------- the app
def test_app_titles_cells_and_notifications_are_inert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import asyncio

    from textual.app import App
    from textual.widgets import DataTable

    from reader.analysis import Analysis
    from reader.store import Library
    from reader.ui.app import ReaderApp

    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    shown: list[str] = []
    real_notify = App.notify

    def recording_notify(self, message, *, title="", **kwargs):
        shown.extend((message, title))
        return real_notify(self, message, title=title, **kwargs)

    monkeypatch.setattr(App, "notify", recording_notify)
    lib = Library.open(tmp_path / "library.json")
    lib.add_article(f"Title{OSC_TITLE}\n\nBody text.\n", title=f"Title{OSC_TITLE}{CSI_C1}")

    async def scenario():
        app = ReaderApp(lib, analyzer=lambda text, context=None: Analysis((), ()))
        async with app.run_test() as pilot:
            await pilot.pause()
            cells = [str(c) for c in app.screen.query_one(DataTable).get_row_at(0)]
            app.title = f"reader{OSC_TITLE}"
            app.sub_title = f"sub{CSI_C1}"
            app.screen.notify(f"imported {OSC_52}{CSI_C1}", title=f"t{OSC_TITLE}")
            await pilot.pause()
            return cells, app.title, app.sub_title

    cells, title, sub_title = asyncio.run(scenario())
    lib.close()
    assert_inert(*cells, title, sub_title, *shown)
    assert any("Title" in c for c in cells) and any("imported" in s for s in shown)
