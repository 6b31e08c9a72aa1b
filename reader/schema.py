"""One schema for every record the library stores, checked on read and by ``doctor``.

A record with a string where a number belongs, no id, a negative offset, an integer note
or an id such as ``../../x`` would otherwise crash whichever command first touches it
(or, for an id, name a file outside the library). Each ``*_problems`` function returns
the problems of one record as ``field: what is wrong`` strings (empty when the record is
sound); :class:`reader.store.Library` refuses a file holding such a record with a
message naming the file, the record and the field, and ``reader doctor --repair`` moves
that file aside and keeps its sound records (docs/ARCHITECTURE.md, storage).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: Ids reader makes are hex digests or short random hex; imported ids are kept when they
#: look like this (reader.export.w3c._local_id): never a path, never hidden.
_ID_RE = re.compile(r"[\w-]{1,64}")
#: A text file name as the store writes it: ``ID.DIGEST12.txt``.
_TEXT_FILE_RE = re.compile(r"[\w-]{1,64}\.[0-9a-f]{12}\.txt")
_SHA256_RE = re.compile(r"[0-9a-f]{64}")


def valid_id(value: Any) -> bool:
    return isinstance(value, str) and _ID_RE.fullmatch(value) is not None


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _check(rec: dict[str, Any], key: str, problems: list[str], ok, expected, *,
           optional: bool, none: bool) -> None:
    """Report ``key`` of ``rec`` when it is missing (unless ``optional``), ``None`` (unless
    ``none``) or fails ``ok``; ``expected(value)`` says what was wrong."""
    if key not in rec:
        if not optional:
            problems.append(f"{key}: missing")
        return
    value = rec[key]
    if value is None and none:
        return
    if not ok(value):
        problems.append(expected(value)[:120])


def _str(rec: dict[str, Any], key: str, problems: list[str], *, optional: bool = True, none: bool = False) -> None:
    _check(rec, key, problems, lambda v: isinstance(v, str),
           lambda v: f"{key}: expected text, found {type(v).__name__}", optional=optional, none=none)


def _count(rec: dict[str, Any], key: str, problems: list[str], *, optional: bool = False, none: bool = False) -> None:
    _check(rec, key, problems, _is_count,
           lambda v: f"{key}: expected a whole number >= 0, found {v!r}", optional=optional, none=none)


def _id(rec: dict[str, Any], key: str, problems: list[str]) -> None:
    if key not in rec:
        problems.append(f"{key}: missing")
    elif not valid_id(rec[key]):
        problems.append(f"{key}: not a valid id ({rec[key]!r})"[:120])


def _span(rec: dict[str, Any], problems: list[str], *, none: bool = False) -> None:
    _count(rec, "start", problems, none=none)
    _count(rec, "end", problems, none=none)
    start, end = rec.get("start"), rec.get("end")
    if _is_count(start) and _is_count(end) and end < start:
        problems.append(f"end: {end} is before start {start}")


def article_problems(doc: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    _id(doc, "id", problems)
    for key in ("title", "sha256", "added", "text_file"):
        _str(doc, key, problems)  # a schema-0 article has no sha256/text_file until migrated
    _str(doc, "source", problems, none=True)
    _count(doc, "words", problems, optional=True)
    _count(doc, "chars", problems, optional=True)
    if isinstance(doc.get("sha256"), str) and not _SHA256_RE.fullmatch(doc["sha256"]):
        problems.append("sha256: not a SHA-256 digest")
    if isinstance(doc.get("text_file"), str) and not _TEXT_FILE_RE.fullmatch(doc["text_file"]):
        problems.append(f"text_file: not a text file name of this library ({doc['text_file']!r})"[:120])
    if "meta" in doc and doc["meta"] is not None and not isinstance(doc["meta"], dict):
        problems.append(f"meta: expected an object, found {type(doc['meta']).__name__}")
    return problems


def annotation_problems(rec: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    _id(rec, "id", problems)
    _id(rec, "article_id", problems)
    anchor = rec.get("anchor")
    if not isinstance(anchor, dict):
        problems.append("anchor: missing" if anchor is None else f"anchor: expected an object, found {type(anchor).__name__}")
    else:
        _span(anchor, problems)
        _str(anchor, "quote", problems, optional=False)
        for key in ("prefix", "suffix"):
            _str(anchor, key, problems)
        unknown = set(anchor) - {"start", "end", "quote", "prefix", "suffix"}
        if unknown:
            problems.append(f"anchor: unknown field {sorted(unknown)[0]!r}")
    for key in ("note", "created", "updated"):
        _str(rec, key, problems)
    _str(rec, "label", problems, none=True)
    tags = rec.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        problems.append("tags: expected a list of text")
    if not isinstance(rec.get("orphan", False), bool):
        problems.append("orphan: expected true or false")
    return problems


def correction_problems(rec: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    _id(rec, "id", problems)
    _id(rec, "article_id", problems)
    _span(rec, problems)
    _str(rec, "original", problems, optional=False)
    _str(rec, "replacement", problems, optional=False)
    _str(rec, "kind", problems, none=True)
    _str(rec, "created", problems)
    return problems


def ignore_problems(rec: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    _id(rec, "id", problems)
    _id(rec, "article_id", problems)
    _str(rec, "text", problems, optional=False)
    _span(rec, problems, none=True)
    _str(rec, "created", problems)
    return problems


def word_problems(doc: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    _str(doc, "word", problems, optional=False)
    if isinstance(doc.get("word"), str) and not doc["word"].strip():
        problems.append("word: empty")
    _str(doc, "added", problems)
    return problems


def state_problems(doc: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    _id(doc, "article_id", problems)
    return problems


def setting_problems(doc: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    _str(doc, "key", problems, optional=False)
    return problems


def meta_problems(doc: dict[str, Any]) -> list[str]:
    return []


#: The check for each table of the main file and of a record file.
TABLE_CHECKS: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "articles": article_problems,
    "dictionary": word_problems,
    "state": state_problems,
    "settings": setting_problems,
    "meta": meta_problems,
    "annotations": annotation_problems,
    "corrections": correction_problems,
    "ignores": ignore_problems,
}


def table_problems(data: dict[str, dict[str, Any]], tables: tuple[str, ...] | None = None) -> list[str]:
    """``table record N: field: problem`` for every unsound record of a parsed file.

    Unknown tables are not checked (a newer reader may add some)."""
    out: list[str] = []
    for table, docs in data.items():
        check = TABLE_CHECKS.get(table)
        if check is None or (tables is not None and table not in tables):
            continue
        for doc_id, doc in docs.items():
            out += [f"{table} record {doc_id}: {p}" for p in check(doc)]
    return out


def drop_unsound(data: dict[str, dict[str, Any]]) -> tuple[dict[str, dict[str, Any]], int]:
    """A copy of ``data`` without its unsound records, and how many were dropped."""
    kept: dict[str, dict[str, Any]] = {}
    dropped = 0
    for table, docs in data.items():
        check = TABLE_CHECKS.get(table)
        kept[table] = {}
        for doc_id, doc in docs.items():
            if check is not None and check(doc):
                dropped += 1
            else:
                kept[table][doc_id] = doc
    return kept, dropped
