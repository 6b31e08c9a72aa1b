"""Resource faults: a full disk, a read-only library, an unreadable import file.

Where the machine allows it (root, ``mount``), the disk really is full (a tiny tmpfs) and
the library really is read-only (a read-only bind mount; ``chmod`` does not stop root);
everywhere, the same failures are also injected in-process by patching the storage's
system calls. In every case: exit 2 with one line that says what is wrong, nothing
half-written (no torn file, no temp file, no article record without its text), and the
library still opens with its old content.
"""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest

from faultkit import SAMPLE_TEXT, assert_clean_error, make_library, run_reader, tree_snapshot
from reader.doctor import diagnose
from reader.store import Library


def _mount(args: list[str]) -> bool:
    try:
        return subprocess.run(["mount", *args], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _umount(point: Path) -> None:
    subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=10)


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 512 kB tmpfs (skipped where mounting is not allowed)."""
    point = tmp_path / "disk"
    point.mkdir()
    if os.name != "posix" or not _mount(["-t", "tmpfs", "-o", "size=512k", "tmpfs", str(point)]):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield point
    _umount(point)


def _fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` until fewer than ``leave`` bytes are free; return the filler file."""
    filler = disk / "filler"
    with open(filler, "wb") as f:
        try:
            while True:
                st = os.statvfs(disk)
                free = st.f_bavail * st.f_frsize
                if free <= leave:
                    break
                f.write(b"\0" * min(65536, max(4096, free - leave)))
                f.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def _state(db: Path, article_id: str) -> tuple[list[str], list[str], int]:
    lib = Library.open(db)
    try:
        return ([a.id for a in lib.annotations(article_id)], [c.id for c in lib.corrections(article_id)],
                len(lib.list_articles()))
    finally:
        lib.close()


def _no_temp_files(folder: Path) -> None:
    assert not [p for p in folder.rglob("*.tmp")], "a temporary file was left behind"


def test_real_full_disk(tiny_disk: Path, tmp_path: Path):
    db = tiny_disk / "library.json"
    article_id = make_library(db)
    before_state = _state(db, article_id)
    big = tmp_path / "big.txt"
    big.write_text("A long article\n\n" + "The harbour was full of boats. " * 3000)  # 93 kB
    filler = _fill(tiny_disk, leave=8192)
    before = tree_snapshot(tiny_disk)

    proc = run_reader("note", article_id, "--quote", "storm", "--note", "n" * 20000, db=db)
    assert_clean_error(proc.returncode, proc.stderr, contains="disk is full")
    proc = run_reader("add", big, db=db)
    assert_clean_error(proc.returncode, proc.stderr, contains="disk is full")

    assert tree_snapshot(tiny_disk) == before  # nothing half-written, no temp file left
    assert diagnose(db) == [] and _state(db, article_id) == before_state
    filler.unlink()  # space again: everything works, nothing needs repair
    assert run_reader("note", article_id, "--quote", "storm", "--note", "n" * 20000, db=db).returncode == 0
    assert run_reader("add", big, db=db).returncode == 0


def test_real_read_only_library(tmp_path: Path):
    real = tmp_path / "real"
    db_real = real / "library.json"
    article_id = make_library(db_real)
    view = tmp_path / "ro"
    view.mkdir()
    if os.name != "posix" or not _mount(["--bind", str(real), str(view)]):
        pytest.skip("cannot bind-mount here (needs root)")
    try:
        if not _mount(["-o", "remount,bind,ro", str(view)]):
            pytest.skip("cannot remount read-only here")
        db = view / "library.json"
        before = tree_snapshot(real)
        src = tmp_path / "new.txt"
        src.write_text("A new article\n\nOne sentence.\n")
        for argv in (["list"], ["show", article_id], ["notes", "--json"], ["check", article_id]):
            proc = run_reader(*argv, db=db)
            assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, (argv, proc.stderr)
        for argv in (["note", article_id, "--quote", "storm"], ["add", src], ["dict", "add", "harbourside"],
                     ["fix", article_id, "--apply-suggestions", "all"]):
            proc = run_reader(*argv, db=db)
            if argv[0] == "fix" and proc.returncode == 0 and "nothing to apply" in proc.stderr:
                continue
            assert_clean_error(proc.returncode, proc.stderr)
            assert "read-only" in proc.stderr or "permission denied" in proc.stderr, proc.stderr
        assert tree_snapshot(real) == before
    finally:
        _umount(view)


# ---------------------------------------------------------------- in-process, anywhere


def _raise(err: int, only_for: str | None = None, real=None):
    def fail(*args, **kwargs):
        if only_for is None or any(only_for in str(a) for a in args):
            raise OSError(err, os.strerror(err))
        return real(*args, **kwargs)

    return fail


@pytest.mark.parametrize(
    ("err", "words"),
    [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"), (errno.EACCES, "permission denied"),
     (errno.EDQUOT, "quota")],
)
@pytest.mark.parametrize("command", ["add", "note", "fix", "dict", "remove", "doctor-repair-noop"])
def test_failed_replace_leaves_everything_as_it_was(command, err, words, db_path, tmp_path, run_cli, monkeypatch):
    """os.replace (the commit point of every write) fails: the old files stand, untouched."""
    article_id = make_library(db_path)
    src = tmp_path / "new.txt"
    src.write_text("A new article\n\nWith the goverment in it.\n")
    argv = {
        "add": ["add", str(src)],
        "note": ["note", article_id, "--quote", "storm", "--note", "x"],
        "fix": ["fix", article_id, "--apply-suggestions", "all"],
        "dict": ["dict", "add", "harbourside"],
        "remove": ["remove", article_id, "--yes"],
        "doctor-repair-noop": ["doctor", "--repair"],
    }[command]
    before = tree_snapshot(db_path.parent)
    before_state = _state(db_path, article_id)
    monkeypatch.setattr("reader.storage.os.replace", _raise(err))
    status, out, errout = run_cli("--db", str(db_path), *argv)
    monkeypatch.undo()
    if command == "doctor-repair-noop":
        assert status == 0  # a healthy library: nothing to write, nothing fails
    elif command == "fix" and status == 0:
        assert "nothing to apply" in errout
    else:
        assert_clean_error(status, errout, contains=words)
    after = tree_snapshot(db_path.parent)
    # The one thing allowed to appear is an article's text file, written before its record
    # (content-addressed and harmless); no record file, no temp file, nothing changed.
    new = {k for k in after if k not in before}
    assert all(k.startswith("library.d/texts") for k in new), new
    assert {k: v for k, v in after.items() if k in before} == before
    _no_temp_files(db_path.parent)
    assert _state(db_path, article_id) == before_state and diagnose(db_path) == []


def test_disk_full_while_writing_a_big_text(db_path, tmp_path, run_cli, monkeypatch):
    """os.write runs out of space half-way through an article's text: no article, no file."""
    make_library(db_path)
    big = tmp_path / "big.txt"
    big.write_text("Big\n\n" + "word " * 400_000)
    import reader.storage as storage

    real_write = storage.os.write
    written = {"n": 0}

    def write(fd, data):
        if written["n"] > 300_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = real_write(fd, bytes(data[:65536]))
        written["n"] += n
        return n

    before = tree_snapshot(db_path.parent)
    monkeypatch.setattr(storage.os, "write", write)
    status, _, err = run_cli("--db", str(db_path), "add", str(big))
    monkeypatch.undo()
    assert_clean_error(status, err, contains="disk is full")
    assert tree_snapshot(db_path.parent) == before
    assert run_cli("--db", str(db_path), "add", str(big))[0] == 0  # and works once there is room


def test_unreadable_import_file(db_path, tmp_path, run_cli, monkeypatch):
    """Permission denied on one of several files: it is named, the others are imported."""
    make_library(db_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("First\n\nreadable text\n")
    (folder / "b.txt").write_text("Second\n\nsecret text\n")
    (folder / "c.txt").write_text("Third\n\nreadable text too\n")
    locked = folder / "b.txt"
    real_open = os.open

    def denying_open(path, flags, *args, **kwargs):  # files are read through os.open
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    read_bytes = denying_open
    monkeypatch.setattr(os, "open", denying_open)
    status, out, err = run_cli("--db", str(db_path), "add", str(folder))
    monkeypatch.undo()
    assert status == 1, err  # partial success
    assert "Traceback" not in err and f"{locked}: permission denied" in err
    titles = {i.title for i in Library.open(db_path).list_articles()}
    assert {"First", "Third"} <= titles and "Second" not in titles
    # Alone, it is a plain failure.
    monkeypatch.setattr(os, "open", read_bytes)
    status, _, err = run_cli("--db", str(db_path), "add", str(locked))
    monkeypatch.undo()
    assert_clean_error(status, err, contains="permission denied")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="chmod does not stop root")
def test_unreadable_import_file_by_mode(db_path, tmp_path):
    make_library(db_path)
    src = tmp_path / "secret.txt"
    src.write_text("Secret\n\ntext\n")
    src.chmod(0)
    try:
        proc = run_reader("add", src, db=db_path)
        assert_clean_error(proc.returncode, proc.stderr, contains="permission denied")
        proc = run_reader("check", src)
        assert_clean_error(proc.returncode, proc.stderr, contains="permission denied")
    finally:
        src.chmod(0o644)


def test_check_on_unreadable_file_is_exit_2(tmp_path, run_cli, monkeypatch):
    src = tmp_path / "secret.txt"
    src.write_text(SAMPLE_TEXT)
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda path, flags, *a, **k: (_ for _ in ()).throw(PermissionError(errno.EACCES, "x"))
                        if Path(path) == src else real_open(path, flags, *a, **k))
    status, out, err = run_cli("check", str(src))
    monkeypatch.undo()
    assert_clean_error(status, err, contains="permission denied")
    assert out == ""
