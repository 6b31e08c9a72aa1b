"""A damaged library, through every command that opens one.

For each kind of damage (truncated, invalid JSON, valid JSON of the wrong shape, a newer
schema, zero bytes, a folder where the file should be) to the main file and to one
article's record shard, every command that opens the library must: exit 2 with one
``reader: error:`` line naming the file and the repair command, print no traceback, and
leave every byte of the library folder as it was. ``reader doctor`` then explains the damage
(exit 1) without touching it, and ``reader doctor --repair`` moves exactly the damaged file
aside (kept, never deleted) so that every command works again.

tests/test_store_damage.py covers ``reader list`` on a damaged main file; this covers the
other commands, the shard damage kinds it skips, the app's start-up path and real processes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from faultkit import SAMPLE_TEXT, assert_clean_error, make_library, run_reader, tree_snapshot


def _truncate(p: Path) -> None:
    raw = p.read_bytes()
    p.write_bytes(raw[: len(raw) * 2 // 3])


def _invalid_json(p: Path) -> None:
    p.write_bytes(b'{"articles": {"1": {"id": "x",,}}')


def _wrong_shape_list(p: Path) -> None:
    p.write_text(json.dumps([{"id": "x"}]))


def _wrong_shape_record(p: Path) -> None:
    data = json.loads(p.read_text())
    first = next(iter(data))
    data[first] = {"1": ["not", "a", "record"]}
    p.write_text(json.dumps(data))


def _newer_schema(p: Path) -> None:
    data = json.loads(p.read_text())
    data["meta"] = {"1": {"schema": 99}}
    p.write_text(json.dumps(data))


def _zero_bytes(p: Path) -> None:
    p.write_bytes(b"")


def _folder(p: Path) -> None:
    p.unlink()
    p.mkdir()
    (p / "stray.txt").write_text("left here")


def _binary_garbage(p: Path) -> None:
    p.write_bytes(bytes(range(256)) * 4)


MAIN_DAMAGE: list[Callable[[Path], None]] = [
    _truncate, _invalid_json, _wrong_shape_list, _wrong_shape_record, _newer_schema, _zero_bytes, _folder,
    _binary_garbage,
]
SHARD_DAMAGE: list[Callable[[Path], None]] = [
    _truncate, _invalid_json, _wrong_shape_list, _wrong_shape_record, _zero_bytes, _folder, _binary_garbage,
]


def _ids(f: Callable) -> str:
    return f.__name__.strip("_")


def _commands(article_id: str, src: Path, out: Path, w3c: Path | None = None) -> dict[str, list[str]]:
    """Every command that opens the library, with arguments that would otherwise succeed."""
    return {
        "list": ["list"],
        "list-json": ["list", "--json"],
        "add": ["add", str(src)],
        "show": ["show", article_id, "--corrected"],
        "note": ["note", article_id, "--quote", "storm", "--note", "n"],
        "notes": ["notes"],
        "notes-id": ["notes", article_id, "--json"],
        "check-id": ["check", article_id],
        "fix": ["fix", article_id],
        "fix-apply": ["fix", article_id, "--apply-suggestions", "all"],
        "dict": ["dict", "add", "harbourside"],
        "export": ["export", article_id, "--format", "md", "-o", str(out)],
        "import-annotations": ["import-annotations", str(w3c)],
    }


COMMANDS = list(_commands("x", Path("x"), Path("x"), Path("x")))


@pytest.fixture
def damaged_setup(tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A library with one annotated, corrected article and a file to add."""
    article_id = make_library(db_path)
    src = tmp_path / "new.txt"
    src.write_text("A new article\n\nWith a sentence in it.\n")
    return article_id, src, tmp_path / "exported"


def _w3c_file(run_cli, db_path: Path, article_id: str, folder: Path) -> Path | None:
    """A W3C JSON export of the healthy library (for `import-annotations`), if export exists."""
    status, _, _ = run_cli("--db", str(db_path), "export", article_id, "--format", "json", "-o", str(folder))
    if status != 0:
        return None
    [path] = folder.iterdir()
    return path


def _export_missing(run_cli) -> bool:
    status, _, _ = run_cli("export", "--help")
    return status != 0


def _check_refused(run_cli, db_path: Path, argv: list[str], named: Path, out: Path) -> None:
    folder = db_path.parent
    before = tree_snapshot(folder)
    status, stdout, err = run_cli("--db", str(db_path), *argv)
    assert_clean_error(status, err)
    assert str(named) in err, err  # the message names the damaged file
    assert "doctor" in err or "newer" in err, err  # and says what to do
    assert tree_snapshot(folder) == before  # nothing written, nothing moved
    assert not out.exists()  # no export written from a damaged library


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", MAIN_DAMAGE, ids=_ids)
def test_every_command_refuses_a_damaged_main_file(damage, command, damaged_setup, db_path, run_cli):
    article_id, src, out = damaged_setup
    if command in ("export", "import-annotations") and _export_missing(run_cli):
        pytest.skip("`reader export` is not registered yet")
    w3c = _w3c_file(run_cli, db_path, article_id, src.parent / "w3c") if command == "import-annotations" else None
    damage(db_path)
    argv = _commands(article_id, src, out, w3c)[command]
    _check_refused(run_cli, db_path, argv, db_path, out)


#: Commands that read or write the damaged article's records (the others may succeed).
SHARD_COMMANDS = ["list", "list-json", "show", "note", "notes", "notes-id", "fix", "fix-apply", "export",
                  "import-annotations"]


@pytest.mark.parametrize("command", SHARD_COMMANDS)
@pytest.mark.parametrize("damage", SHARD_DAMAGE, ids=_ids)
def test_commands_refuse_a_damaged_record_shard(damage, command, damaged_setup, db_path, run_cli):
    article_id, src, out = damaged_setup
    if command in ("export", "import-annotations") and _export_missing(run_cli):
        pytest.skip("`reader export` is not registered yet")
    w3c = _w3c_file(run_cli, db_path, article_id, src.parent / "w3c") if command == "import-annotations" else None
    shard = db_path.parent / "library.d" / "records" / f"{article_id}.json"
    damage(shard)
    _check_refused(run_cli, db_path, _commands(article_id, src, out, w3c)[command], shard, out)


@pytest.mark.parametrize("command", ["check-id", "dict", "add"])
@pytest.mark.parametrize("damage", [_truncate, _folder], ids=_ids)
def test_commands_not_needing_records_still_leave_a_damaged_shard_alone(damage, command, damaged_setup, db_path, run_cli):
    article_id, src, out = damaged_setup
    shard = db_path.parent / "library.d" / "records" / f"{article_id}.json"
    damage(shard)
    before = tree_snapshot(shard) if shard.is_dir() else shard.read_bytes()
    status, _, err = run_cli("--db", str(db_path), *_commands(article_id, src, out)[command])
    assert "Traceback" not in err
    if status == 2:
        assert_clean_error(status, err)
    else:
        assert status in (0, 1), err
    assert (tree_snapshot(shard) if shard.is_dir() else shard.read_bytes()) == before


@pytest.mark.parametrize("damage", MAIN_DAMAGE, ids=_ids)
def test_doctor_explains_then_repair_moves_the_main_file_aside(damage, damaged_setup, db_path, run_cli):
    article_id, _, _ = damaged_setup
    damage(db_path)
    before = tree_snapshot(db_path.parent)
    status, out, _ = run_cli("--db", str(db_path), "doctor")
    assert status == 1 and "problem:" in out and str(db_path) in out
    assert tree_snapshot(db_path.parent) == before  # diagnosis alone changes nothing
    status, out, err = run_cli("--db", str(db_path), "doctor", "--repair")
    assert status == 0, err
    kept = [p for p in db_path.parent.iterdir() if p.name.startswith("library.json.damaged-")]
    assert len(kept) == 1
    moved = tree_snapshot(db_path.parent)
    # The damaged bytes survive, under the new name.
    if kept[0].is_dir():
        assert moved[f"{kept[0].name}/stray.txt"] == before["library.json/stray.txt"]
    else:
        assert kept[0].read_bytes() == before["library.json"]
    assert run_cli("--db", str(db_path), "list")[0] == 0
    assert run_cli("--db", str(db_path), "doctor")[0] == 0


@pytest.mark.parametrize("damage", SHARD_DAMAGE, ids=_ids)
def test_doctor_repairs_a_damaged_shard_and_keeps_the_article(damage, damaged_setup, db_path, run_cli):
    article_id, _, _ = damaged_setup
    shard = db_path.parent / "library.d" / "records" / f"{article_id}.json"
    damage(shard)
    status, out, _ = run_cli("--db", str(db_path), "doctor")
    assert status == 1 and str(shard) in out
    status, out, err = run_cli("--db", str(db_path), "doctor", "--repair")
    assert status == 0, err
    assert [p for p in shard.parent.iterdir() if p.name.startswith(f"{shard.name}.damaged-")]
    status, out, _ = run_cli("--db", str(db_path), "show", article_id)
    assert status == 0 and out == SAMPLE_TEXT  # the article text was never at risk
    status, out, err = run_cli("--db", str(db_path), "note", article_id, "--quote", "storm")
    assert status == 0, err  # annotating works again (in a fresh shard)


@pytest.mark.parametrize("damage", [_truncate, _newer_schema, _folder, _zero_bytes], ids=_ids)
def test_real_process_reports_damage_in_one_line(damage, damaged_setup, db_path):
    """Through the installed entry point, including the app's start-up (no sub-command)."""
    article_id, _, _ = damaged_setup
    damage(db_path)
    before = tree_snapshot(db_path.parent)
    for argv in (["list"], []):  # [] starts the app: it must refuse before any UI appears
        proc = run_reader(*argv, db=db_path)
        assert_clean_error(proc.returncode, proc.stderr)
        assert proc.stdout == ""  # no escape codes, no half-drawn screen
    assert tree_snapshot(db_path.parent) == before


def _no_analysis(text, context=None):
    from reader.model import Analysis

    return Analysis()


def _run_app_on_damaged_shard(db_path: Path, article_id: str, open_it: bool) -> bytes:
    import asyncio

    from reader.store import Library
    from reader.ui.app import ReaderApp

    shard = db_path.parent / "library.d" / "records" / f"{article_id}.json"
    _truncate(shard)
    before = shard.read_bytes()

    async def scenario() -> None:
        lib = Library.open(db_path)
        app = ReaderApp(lib, analyzer=_no_analysis)
        try:
            async with app.run_test(size=(100, 30)) as pilot:  # re-raises anything the app raised
                await pilot.pause()
                if open_it:
                    from reader.ui.screens.reading import ReadingScreen

                    app.open_article(article_id)
                    await pilot.pause()
                    await pilot.pause()
                    # refused with a message, back on the library, still running
                    assert not isinstance(app.screen, ReadingScreen)
                    await pilot.press("j")
                    await pilot.pause()
                assert app.is_running
        finally:
            lib.close()

    asyncio.run(scenario())
    assert shard.read_bytes() == before
    return before


def test_app_starts_on_a_library_with_a_damaged_shard(damaged_setup, db_path):
    article_id, _, _ = damaged_setup
    _run_app_on_damaged_shard(db_path, article_id, open_it=False)


def test_app_opening_an_article_with_a_damaged_shard_does_not_crash(damaged_setup, db_path):
    article_id, _, _ = damaged_setup
    _run_app_on_damaged_shard(db_path, article_id, open_it=True)
