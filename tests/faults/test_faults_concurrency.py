"""Two processes writing to the same article of the same library at the same time.

One child corrects words through :class:`reader.editing.Editor` (the path the app uses,
with its undo history) and prints each correction id after the call returned; meanwhile
the test runs ``reader note`` again and again and ``reader fix --apply-suggestions`` on the
same article. Every write a process reported as done must be on disk afterwards; a write
may be refused only with exit 2 and a one-line message — never lost in silence.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from faultkit import assert_clean_error, child_env, run_reader
from reader.editing import Editor
from reader.store import Library

WORDS = 700
#: The editor child corrects at most this many words; notes go on the words after them.
EDITED = WORDS - 100
TYPOS = "The goverment anounced a new polcy on Wendsday and the minster agreed.\n"

EDITOR_CHILD = r"""
import os, sys, time
from reader.editing import Editor
from reader.store import Library

lib = Library.open(sys.argv[1])
editor = Editor(lib)
article_id, count = sys.argv[2], int(sys.argv[3])
base = lib.get_text(article_id).index("w0000")
for n in range(count):
    if os.path.exists(sys.argv[4]):
        break
    start = base + n * 6
    change = editor.correct(article_id, start, start + 5, f"c{n:04d}")
    sys.stdout.write(f"{start} {time.time()}\n")
    sys.stdout.flush()
    time.sleep(0.02)  # leave the lock free now and then, as a person typing would
deadline = time.time() + 300
while not os.path.exists(sys.argv[4]) and time.time() < deadline:
    time.sleep(0.05)  # out of words: wait to be told to stop
"""


def _article(db: Path) -> str:
    text = "Two writers\n\n" + TYPOS + "\n" + "".join(f"w{n:04d} " for n in range(WORDS)) + "\n"
    lib = Library.open(db)
    try:
        return lib.add_article(text, title="Two writers").info.id
    finally:
        lib.close()


def test_cli_notes_and_fix_alongside_an_editor_process_lose_nothing(tmp_path):
    db = tmp_path / "lib" / "library.json"
    article_id = _article(db)
    stop = tmp_path / "stop"
    child = subprocess.Popen(
        [sys.executable, "-c", EDITOR_CHILD, str(db), article_id, str(EDITED), str(stop)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env(),
    )
    notes: dict[str, str] = {}
    refused = 0
    fix_status = None
    runs = 4
    try:
        window = [time.time()]
        for n in range(runs):
            quote = f"w{(WORDS - 1 - n * 7):04d}"  # words the editor never corrects
            proc = run_reader("note", article_id, "--quote", quote, "--note", f"by cli {n}", db=db)
            if proc.returncode == 0:
                notes[proc.stdout.split()[0]] = f"by cli {n}"
            else:
                assert_clean_error(proc.returncode, proc.stderr, contains="locked")
                refused += 1
            if n == 1:
                fix = run_reader("fix", article_id, "--apply-suggestions", "misspelling", db=db)
                fix_status = fix.returncode
                if fix.returncode != 0:
                    assert_clean_error(fix.returncode, fix.stderr, contains="locked")
        window.append(time.time())
    finally:
        stop.touch()
        out, err = child.communicate(timeout=300)
    assert child.returncode == 0, err
    acks = [line.split() for line in out.splitlines()]
    corrected = {int(start) for start, _ in acks}
    assert 0 < len(corrected) <= EDITED
    alongside = [float(t) for _, t in acks if window[0] <= float(t) <= window[1]]
    assert len(alongside) >= 5, "the editor process did not write while the CLI commands ran"

    lib = Library.open(db)
    try:
        stored_notes = {a.id: a.note for a in lib.annotations(article_id)}
        for note_id, note in notes.items():
            assert stored_notes.get(note_id) == note, f"note {note_id} acknowledged by `reader note` is lost"
        corrections = lib.corrections(article_id)
        starts = {c.start for c in corrections}
        assert corrected <= starts, "corrections acknowledged by the editor process are lost"
        text = lib.get_text(article_id)
        if fix_status == 0:
            typo_line = text.index(TYPOS)
            fixed = [c for c in corrections if typo_line <= c.start < typo_line + len(TYPOS)]
            assert len(fixed) >= 3, "corrections applied by `reader fix` are lost"
        assert len(notes) + refused == runs and len(notes) >= 2  # mostly accepted, never silent
    finally:
        lib.close()


def test_undo_history_keeps_steps_from_both_processes(tmp_path):
    """An app-like Editor that stays open and a `reader fix` run in between: both steps must
    be undoable afterwards (the history is a record the person relies on, too)."""
    db = tmp_path / "lib" / "library.json"
    article_id = _article(db)
    lib = Library.open(db)
    editor = Editor(lib)  # like the app: created at start-up, kept open
    base = lib.get_text(article_id).index("w0000")
    editor.correct(article_id, base, base + 5, "first")
    fix = run_reader("fix", article_id, "--apply-suggestions", "misspelling", db=db)
    assert fix.returncode == 0, fix.stderr
    editor.correct(article_id, base + 6, base + 11, "second")
    history = Editor(Library.open(db)).history()
    lib.close()
    assert any("apply" in step for step in history), f"the `reader fix` step vanished from undo history: {history}"
    assert len(history) == 3


HOLDER = r"""
import sys, time
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def test_a_held_lock_is_a_clear_refusal_and_a_killed_holder_frees_it(tmp_path, run_cli, monkeypatch):
    """Another process holding the write lock too long: exit 2, "locked", nothing written.
    Once that process is SIGKILLed the lock is free at once (no stale lock file to clear)."""
    import signal

    from faultkit import make_library, tree_snapshot

    db = tmp_path / "lib" / "library.json"
    article_id = make_library(db)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db.with_name("library.lock"))],
                              stdout=subprocess.PIPE, text=True, env=child_env())
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(Library.__init__, "__kwdefaults__", {"lock_timeout": 0.3})  # do not wait 10 s
        before = tree_snapshot(db.parent)
        for argv in (["note", article_id, "--quote", "storm"], ["dict", "add", "harbourside"],
                     ["fix", article_id, "--apply-suggestions", "all"]):
            status, _, err = run_cli("--db", str(db), *argv)
            if argv[0] == "fix" and status == 0:
                assert "nothing to apply" in err
                continue
            assert_clean_error(status, err, contains="locked by another reader process")
        assert tree_snapshot(db.parent) == before
        assert run_cli("--db", str(db), "list")[0] == 0  # reading never needs the lock
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    started = time.perf_counter()
    status, out, err = run_cli("--db", str(db), "note", article_id, "--quote", "storm")
    assert status == 0, err
    assert time.perf_counter() - started < 2
