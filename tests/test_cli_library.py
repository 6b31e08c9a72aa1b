"""The library commands end to end: add, list, show, remove, dict, doctor, --version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__


def test_version(run_cli):
    status, out, _ = run_cli("--version")
    assert status == 0 and out.strip() == f"reader {__version__}"


def test_help_lists_every_library_command(run_cli):
    status, out, _ = run_cli("--help")
    assert status == 0
    for command in ("add", "list", "show", "remove", "dict", "doctor"):
        assert command in out


def test_new_library_lists_the_samples(run_cli):
    status, out, _ = run_cli("list", "--json")
    assert status == 0
    articles = json.loads(out)["articles"]
    assert len(articles) >= 3
    assert all(a["source"].startswith("sample:") for a in articles)
    assert [a["n"] for a in articles] == list(range(1, len(articles) + 1))


def test_add_list_show_remove(tmp_path, run_cli):
    src = tmp_path / "story.txt"
    src.write_text("A [bold]hostile[/bold] title\n\nBody \x1b[31m text.\n", encoding="utf-8")
    status, out, _ = run_cli("add", str(src))
    assert status == 0
    article_id = out.split()[1]
    status, out, _ = run_cli("list", "--json")
    rows = {r["id"]: r for r in json.loads(out)["articles"]}
    assert rows[article_id]["title"] == "A [bold]hostile[/bold] title"
    status, out, _ = run_cli("list")
    assert status == 0 and "[bold]hostile[/bold]" in out  # markup shown literally
    status, out, _ = run_cli("show", article_id[:6])
    assert status == 0 and out == "A [bold]hostile[/bold] title\n\nBody ␛[31m text.\n"
    status, out, err = run_cli("remove", article_id)  # no terminal: refuses to ask
    assert status == 2 and "--yes" in err
    status, out, _ = run_cli("remove", "--yes", article_id)
    assert status == 0 and f"removed   {article_id}" in out
    _, out, _ = run_cli("list", "--json")
    assert article_id not in {r["id"] for r in json.loads(out)["articles"]}


def test_show_unknown_id_is_one_line_exit_2(run_cli):
    status, out, err = run_cli("show", "zzzzzz")
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("reader: error: no article")


def test_dictionary_commands(run_cli):
    assert run_cli("dict", "add", "Klaksvík", "Tórshavn")[0] == 0
    status, out, _ = run_cli("dict", "add", "Klaksvík")
    assert status == 0 and out.startswith("present")
    status, out, _ = run_cli("dict", "list")
    assert out.split() == ["Klaksvík", "Tórshavn"]
    assert run_cli("dict", "remove", "Tórshavn")[0] == 0
    status, out, _ = run_cli("dict", "remove", "Tórshavn")
    assert status == 1 and "absent" in out
    assert run_cli("dict", "list")[1].split() == ["Klaksvík"]


def test_doctor_on_healthy_and_missing_library(run_cli, db_path):
    status, out, _ = run_cli("doctor")
    assert status == 0 and "no library yet" in out
    run_cli("list")
    status, out, _ = run_cli("doctor")
    assert status == 0 and "no problems" in out


def test_db_option_overrides_environment(tmp_path, run_cli):
    other = tmp_path / "other" / "lib.json"
    assert run_cli("--db", str(other), "list")[0] == 0
    assert other.exists()
    assert run_cli("list", "--db", str(tmp_path / "third.json"))[0] == 0
    assert (tmp_path / "third.json").exists()


def test_console_script_runs_without_traceback(tmp_path):
    exe = Path(sys.executable).with_name("reader")
    if not exe.exists():
        pytest.skip("console script not installed next to this interpreter")
    proc = subprocess.run(
        [str(exe), "--db", str(tmp_path / "x.json"), "show", "nope"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("reader: error:") and "Traceback" not in proc.stderr


def test_list_shows_reading_progress_as_a_percentage(run_cli, library):
    """Regression: progress is stored as a percentage (0-100) and was printed as "10000%"."""
    from reader.samples import seed_samples

    seed_samples(library)
    first, second = (i.id for i in library.list_articles()[:2])
    library.set_state(first, progress=100.0)
    library.set_state(second, progress=37.4)
    library.close()
    status, out, _ = run_cli("list")
    assert status == 0 and "10000%" not in out
    lines = {line.split()[1]: line for line in out.splitlines()[1:] if line.strip()}
    assert lines[first].split()[-2] == "100%" and lines[second].split()[-2] == "37%"
    rows = {r["id"]: r for r in json.loads(run_cli("list", "--json")[1])["articles"]}
    assert rows[first]["progress"] == 100.0 and rows[second]["progress"] == 37.4
