"""Running an export into a folder: render, name the files, refuse clashes, write atomically.

Shared by ``reader export`` and the app's export dialog so both name files the same way and
both refuse to overwrite without being told to. Rendering (:func:`render_articles`) and
naming (:func:`plan_files`) touch no files; :func:`existing_files` lets a caller ask the
person before :func:`write_files` replaces anything.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.errors import InputError, ReaderError
from reader.export import ExportDoc, ExportOptions, Format, build_doc, get_format, safe_stem

#: (target path, content) for every file an export writes, in order.
Plan = list[tuple[Path, str]]


class ExistingFilesError(ReaderError):
    """Some target files exist and overwriting was not asked for; ``paths`` lists them."""

    def __init__(self, paths: Sequence[Path], hint: str = "pass --force to replace") -> None:
        names = ", ".join(str(p) for p in paths[:3]) + (" ..." if len(paths) > 3 else "")
        super().__init__(f"not overwriting {names} ({hint})")
        self.paths = list(paths)


def check_options(fmt: Format, options: ExportOptions) -> None:
    """Options that only make sense for md are an error with any other format."""
    if options.highlights_only and fmt.name != "md":
        raise ReaderError("--highlights-only applies to --format md")
    if options.appendix and fmt.name != "md":
        raise ReaderError("--appendix applies to --format md")


#: Formats that show detected entities or findings (md only in its appendix). The others
#: skip the analysis, which is most of an export's time (the first one loads the lexicons);
#: tests/export/test_run.py checks that skipping it changes none of their output.
ANALYSED_FORMATS = frozenset({"html", "brat", "jsonl"})


def needs_analysis(fmt: Format, options: ExportOptions) -> bool:
    return fmt.name in ANALYSED_FORMATS or (fmt.name == "md" and options.appendix)


def render_articles(lib, ids: Iterable[str], fmt: Format, options: ExportOptions) -> list[tuple[ExportDoc, dict[str, str]]]:
    """Each article's document and rendered files (``{suffix: text}``), in ``ids`` order."""
    from reader.review import LibraryMemory

    analyse = needs_analysis(fmt, options)
    memory = LibraryMemory(lib) if analyse else None
    docs = [build_doc(lib, i, analyse=analyse, memory=memory) for i in ids]
    return [(doc, fmt.render(doc, options)) for doc in docs]


def plan_files(fmt: Format, outputs: Sequence[tuple[ExportDoc, dict[str, str]]], out_dir: Path) -> Plan:
    """Where each rendered file goes: ``out_dir/<safe title><suffix>``; a title that two
    articles share gets the id appended; a combined format (jsonl) of several articles
    goes to one ``articles<suffix>`` file. Every path is directly inside ``out_dir``."""
    plan: Plan = []
    if fmt.combined and len(outputs) > 1:
        plan.append((out_dir / f"articles{fmt.suffixes[0]}", "".join(c for _, f in outputs for c in f.values())))
    else:
        used: set[str] = set()
        for doc, files in outputs:
            stem = safe_stem(doc.title, doc.article.id)
            if stem.casefold() in used:
                stem = f"{stem}-{doc.article.id}"
            used.add(stem.casefold())
            for suffix, content in files.items():
                plan.append((out_dir / f"{stem}{suffix}", content))
    for path, _ in plan:  # belt and braces: a name can never leave the folder
        if path.parent != out_dir or path.name in ("", ".", ".."):
            raise ReaderError(f"refusing to write outside {out_dir}: {path.name!r}")
    return plan


def existing_files(plan: Plan) -> list[Path]:
    """The planned paths that already exist (and would be overwritten)."""
    return [p for p, _ in plan if p.exists() or p.is_symlink()]


def write_files(plan: Plan, out_dir: Path, *, force: bool) -> list[Path]:
    """Write every planned file atomically (temp file, fsync, rename) and return the paths.

    Raises :class:`ExistingFilesError` (before writing anything) if a target exists and
    ``force`` is false, :class:`InputError` if ``out_dir`` cannot be a folder.
    """
    from reader.storage import atomic_write_bytes

    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir} is not a folder")
    clashes = existing_files(plan)
    if clashes and not force:
        raise ExistingFilesError(clashes)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {out_dir}: {exc.strerror}") from None
    mode = file_mode()
    written: list[Path] = []
    for path, content in plan:
        atomic_write_bytes(path, content.encode("utf-8", "surrogatepass"))
        try:
            os.chmod(path, mode)  # temp files are private; an export is an ordinary file
        except OSError:
            pass
        written.append(path)
    return written


def export_to_folder(lib, ids: Sequence[str], format_name: str, out_dir: Path, options: ExportOptions = ExportOptions(),
                     *, force: bool = False) -> list[Path]:
    """Render ``ids`` in ``format_name`` and write them into ``out_dir``; the written paths."""
    fmt = get_format(format_name)
    check_options(fmt, options)
    if not ids:
        raise ReaderError("no articles to export")
    return write_files(plan_files(fmt, render_articles(lib, ids, fmt, options), out_dir), out_dir, force=force)


def file_mode() -> int:
    """The mode an ordinary new file gets under the current umask.

    Read from ``/proc`` where possible: ``os.umask`` can only be read by setting it, which
    briefly opens up files other threads (the app's workers) create meanwhile."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
