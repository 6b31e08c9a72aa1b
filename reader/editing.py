"""One command path for every change a person makes to standoff records, with undo/redo.

docs/ARCHITECTURE.md, Principles 5: corrections, ignores, dictionary words and annotations all change
through an :class:`Editor`. Each action is a :class:`Step` that holds its own forward and
backward record changes (whole records, not diffs), so undo and redo are the same
operation run in opposite directions and are idempotent: undoing after another process
already removed a record simply puts it back. The history is saved in the library's
settings after every action, so ``u`` works after a restart.

Every action returns a :class:`Change` telling the UI which articles to re-project.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from datetime import datetime, timezone
from typing import Any

from reader.corrections import overlaps, project, quote, word_occurrences
from reader.errors import InputError, NotFoundError, StoreError
from reader.changes import (  # noqa: F401  (Change, Step...: also imported from here)
    _RECORD_FIELDS, ArticleChanges, Change, ChangeSet, Step, _nothing,
)
from reader.model import Annotation, Correction, Ignore
from reader.wording import counted

#: The settings key the undo/redo history is kept under.
HISTORY_VERSION = 1
#: Steps kept (undo and redo together are capped at this many).
DEFAULT_HISTORY_LIMIT = 300
#: Records kept across all steps: the history is rewritten on every action, so a few huge
#: library-wide replacements must not make every later keystroke slow. The newest step
#: is always kept whatever its size.
HISTORY_RECORD_LIMIT = 5000


def now_precise() -> str:
    """ISO 8601 UTC with microseconds, so "most recent correction" is well defined."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def new_record_id() -> str:
    return uuid.uuid4().hex[:12]


def _short(s: str, limit: int = 40) -> str:
    return quote(s if len(s) <= limit else s[: limit - 1] + "…")


# --------------------------------------------------------------------------- the editor


class Editor:
    """Every mutation of a library's standoff records, with a persistent undo/redo history.

    Create one per library (the UI keeps one for the app's lifetime); actions take effect on
    disk before they return.
    """

    def __init__(self, lib: Any, *, history_limit: int = DEFAULT_HISTORY_LIMIT) -> None:
        self.lib = lib
        self.history_limit = history_limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._rev: str | None = None
        self._applied = 0
        #: Why the last history save failed (the change itself was saved), else None.
        self.history_error: str | None = None
        self._load_history()

    # ------------------------------------------------------------------ history
    def _load_history(self) -> None:
        """Read the saved history unless it is the one this editor last saw (another
        process, e.g. ``reader fix``, may have added steps since)."""
        data = self.lib.get_history()
        if not isinstance(data, dict) or data.get("version") != HISTORY_VERSION:
            return
        if data.get("rev") is not None and data.get("rev") == self._rev:
            return
        try:
            self._undo = [Step.from_json(s) for s in data.get("undo", [])]
            self._redo = [Step.from_json(s) for s in data.get("redo", [])]
        except (KeyError, TypeError, ValueError, AttributeError):
            self._undo, self._redo = [], []  # a damaged history is dropped, records stay
        self._rev = data.get("rev")

    def _save_history(self) -> None:
        overflow = len(self._undo) + len(self._redo) - self.history_limit
        if overflow > 0:
            del self._undo[: min(overflow, len(self._undo))]
        total = sum(step.size() for step in (*self._undo, *self._redo))
        while total > HISTORY_RECORD_LIMIT and len(self._undo) > 1:
            total -= self._undo.pop(0).size()
        self._rev = new_record_id()
        try:
            self.lib.set_history(
                {
                    "version": HISTORY_VERSION,
                    "rev": self._rev,
                    "undo": [s.to_json() for s in self._undo],
                    "redo": [s.to_json() for s in self._redo],
                },
            )
        except StoreError as exc:
            # The change itself is on disk already: report the history, not the change,
            # as failed (disk full while writing history.json).
            self.history_error = exc.message
        else:
            self.history_error = None

    def _locked(self):
        """The library lock around load-history, change, save-history: two processes
        appending steps at once would otherwise each save a history without the other's."""
        locked = getattr(self.lib, "locked", None)
        return locked() if callable(locked) else nullcontext()

    @property
    def can_undo(self) -> bool:
        self._load_history()
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        self._load_history()
        return bool(self._redo)

    @property
    def undo_description(self) -> str | None:
        """What ``undo()`` would undo, e.g. ``correct "Wendsday" -> "Wednesday"``."""
        self._load_history()
        return self._undo[-1].description if self._undo else None

    @property
    def redo_description(self) -> str | None:
        self._load_history()
        return self._redo[-1].description if self._redo else None

    def history(self) -> list[str]:
        """Descriptions of the undoable steps, oldest first."""
        self._load_history()
        return [s.description for s in self._undo]

    def undo(self) -> Change | None:
        """Undo the last step; ``None`` when there is nothing to undo."""
        with self._locked():
            return self._undo_locked()

    def _undo_locked(self) -> Change | None:
        self._load_history()
        if not self._undo:
            return None
        step = self._undo[-1]
        self._apply(step.backward)  # on failure the step stays; undoing again is safe
        self._undo.pop()
        self._redo.append(step)
        self._save_history()
        return self._change(step, step.backward, "undo")

    def redo(self) -> Change | None:
        """Redo the last undone step; ``None`` when there is nothing to redo."""
        with self._locked():
            return self._redo_locked()

    def _redo_locked(self) -> Change | None:
        self._load_history()
        if not self._redo:
            return None
        step = self._redo[-1]
        self._apply(step.forward)  # idempotent, so a failed redo can simply be retried
        self._redo.pop()
        self._undo.append(step)
        self._save_history()
        return self._change(step, step.forward, "redo")

    def _run(self, step: Step) -> Change:
        with self._locked():
            return self._run_locked(step)

    def _run_locked(self, step: Step) -> Change:
        self._load_history()
        try:
            self._apply(step.forward)
        except BaseException:
            # a step over several articles failed part-way (lock timeout, disk full):
            # keep what was written undoable, then report the error
            done = self._applied
            if done:
                partial = Step(f"{step.description} (partly)",
                               ChangeSet(step.forward.articles[:done]),
                               ChangeSet(step.backward.articles[:done]), step.count)
                self._undo.append(partial)
                self._redo.clear()
                self._save_history()
            raise
        self._undo.append(step)
        self._redo.clear()
        self._save_history()
        return self._change(step, step.forward, "do")

    def _apply(self, changes: ChangeSet) -> None:
        self._applied = 0  # articles written so far, for a step that fails part-way
        for ac in changes.articles:
            if ac.is_empty():
                self._applied += 1
                continue
            self.lib.apply_changes(
                ac.article_id,
                put_corrections=[Correction.from_record(r) for r in ac.put_corrections],
                delete_corrections=list(ac.delete_corrections),
                put_ignores=[Ignore.from_record(r) for r in ac.put_ignores],
                delete_ignores=list(ac.delete_ignores),
                put_annotations=[Annotation.from_record(r) for r in ac.put_annotations],
                delete_annotations=list(ac.delete_annotations),
            )
            self._applied += 1
        for word in changes.add_words:
            self.lib.add_word(word)
        for word in changes.remove_words:
            self.lib.remove_word(word)

    @staticmethod
    def _change(step: Step, changes: ChangeSet, kind: str) -> Change:
        spans: set[tuple[str, int, int]] = set()
        whole: set[str] = set()
        for direction in (step.forward, step.backward):
            for ac in direction.articles:
                for rec in ac.put_corrections + ac.put_ignores:
                    if rec.get("start") is None:
                        whole.add(ac.article_id)
                    else:
                        spans.add((ac.article_id, int(rec["start"]), int(rec["end"])))
        return Change(
            step.description,
            frozenset(a.article_id for a in changes.articles if not a.is_empty()),
            bool(changes.add_words or changes.remove_words),
            step.count,
            kind,
            tuple(sorted(spans)),
            frozenset(whole),
        )

    # ------------------------------------------------------------------ corrections
    def _text(self, article_id: str) -> str:
        return self.lib.get_text(article_id)

    @staticmethod
    def _check_span(text: str, start: int, end: int) -> None:
        if not (0 <= start <= end <= len(text)):
            raise InputError(f"span {start}-{end} is outside the article (0-{len(text)})")

    def _correction_changes(
        self,
        article_id: str,
        text: str,
        existing: Sequence[Correction],
        edits: Iterable[tuple[int, int, str, str | None]],
        also_replace: Sequence[str] = (),
    ) -> tuple[ArticleChanges, ArticleChanges, list[Correction]]:
        """Forward and backward changes for ``edits`` (start, end, replacement, kind), each
        replacing the corrections it overlaps; edits overlapping an earlier edit are
        skipped. An edit whose replacement equals the original just removes overlaps."""
        forward = ArticleChanges(article_id)
        backward = ArticleChanges(article_id)
        removed: dict[str, Correction] = {c.id: c for c in existing if c.id in set(also_replace)}
        made: list[Correction] = []
        taken: list[tuple[int, int]] = []
        stamp = now_precise()
        for start, end, replacement, kind in edits:
            self._check_span(text, start, end)
            if any(overlaps(start, end, s, e) for s, e in taken):
                continue
            taken.append((start, end))
            for c in existing:
                if c.id not in removed and overlaps(start, end, c.start, c.end):
                    removed[c.id] = c
            original = text[start:end]
            if replacement == original:
                continue
            made.append(Correction(new_record_id(), article_id, start, end, original, replacement, kind, stamp))
        forward.delete_corrections = list(removed)
        forward.put_corrections = [c.to_record() for c in made]
        backward.delete_corrections = [c.id for c in made]
        backward.put_corrections = [c.to_record() for c in removed.values()]
        return forward, backward, made

    def correct(self, article_id: str, start: int, end: int, replacement: str, kind: str | None = None,
                *, also_replace: Iterable[Correction] = ()) -> Change:
        """Replace original ``[start, end)`` with ``replacement``; corrections it overlaps
        (and ``also_replace``) are replaced, and undo restores them. A replacement equal to
        the original text restores the original there."""
        text = self._text(article_id)
        self._check_span(text, start, end)
        existing = self.lib.corrections(article_id)
        fwd, back, made = self._correction_changes(article_id, text, existing, [(start, end, replacement, kind)],
                                                   also_replace=[c.id for c in also_replace])
        if fwd.is_empty():
            return _nothing("nothing to correct")
        if made:
            desc = f"correct {_short(text[start:end])} -> {_short(replacement)}"
        else:
            desc = f"restore {_short(text[start:end])}"
        return self._run(Step(desc, ChangeSet([fwd]), ChangeSet([back])))

    def correct_in_view(self, article_id: str, start: int, end: int, replacement: str,
                        kind: str | None = None) -> Change:
        """Like :meth:`correct`, with ``[start, end)`` in the corrected text the view shows.

        The span is widened to whole corrections it touches (inserted text included), so
        retyping a corrected word replaces that correction instead of nesting one in it;
        the corrected characters it widened over are kept around ``replacement``.
        """
        text = self._text(article_id)
        existing = self.lib.corrections(article_id)
        corrected, omap = project(text, existing)
        self._check_span(corrected, start, end)
        ostart, oend = omap.span_to_original(start, end)
        cstart, cend = omap.span_to_corrected(ostart, oend)
        cstart, cend = min(cstart, start), max(cend, end)
        for c in omap.touching(start, end):
            ostart, oend = min(ostart, c.start), max(oend, c.end)
            cs, ce = omap.span_to_corrected(c.start, c.end) if c.start < c.end else (None, None)
            if cs is None:  # an insertion: find where its text sits
                cs = omap.to_corrected(c.start, end=True)
                ce = cs + len(c.replacement)
            cstart, cend = min(cstart, cs), max(cend, ce)
        full = corrected[cstart:start] + replacement + corrected[end:cend]
        return self.correct(article_id, ostart, oend, full, kind, also_replace=omap.touching(start, end))

    def correct_many(self, article_id: str, edits: Sequence[tuple[int, int, str, str | None]],
                     description: str | None = None) -> Change:
        """Several corrections (start, end, replacement, kind) in one write and one undo step."""
        text = self._text(article_id)
        existing = self.lib.corrections(article_id)
        fwd, back, made = self._correction_changes(article_id, text, existing, edits)
        if fwd.is_empty():
            return _nothing("nothing to correct")
        desc = description or f"apply {counted(len(made), 'correction')}"
        return self._run(Step(desc, ChangeSet([fwd]), ChangeSet([back]), len(made)))

    def correct_across(self, edits: dict[str, Sequence[tuple[int, int, str, str | None]]],
                       description: str | None = None) -> Change:
        """Corrections in several articles (article id -> edits as in :meth:`correct_many`):
        one write per article, one undo step for all of them (a story's names applied)."""
        fwds: list[ArticleChanges] = []
        backs: list[ArticleChanges] = []
        count = 0
        for article_id, items in edits.items():
            text = self._text(article_id)
            fwd, back, made = self._correction_changes(article_id, text, self.lib.corrections(article_id), items)
            if not fwd.is_empty():
                fwds.append(fwd)
                backs.append(back)
                count += len(made)
        if not fwds:
            return _nothing("nothing to correct")
        desc = description or f"apply {counted(count, 'correction')} in {counted(len(fwds), 'article')}"
        return self._run(Step(desc, ChangeSet(fwds), ChangeSet(backs), count))

    def remove_correction(self, article_id: str, correction_id: str) -> Change:
        """Delete one correction (the original text shows again there)."""
        found = next((c for c in self.lib.corrections(article_id) if c.id == correction_id), None)
        if found is None:
            raise NotFoundError(f"no correction {correction_id!r} in article {article_id}")
        fwd = ArticleChanges(article_id, delete_corrections=[found.id])
        back = ArticleChanges(article_id, put_corrections=[found.to_record()])
        desc = f"remove correction {_short(found.original)} -> {_short(found.replacement)}"
        return self._run(Step(desc, ChangeSet([fwd]), ChangeSet([back])))

    # ------------------------------------------------------------------ replace all
    @staticmethod
    def _replaceable(text: str, existing: Sequence[Correction], word: str,
                     replacement: str) -> list[tuple[int, int, str]]:
        """Whole-word occurrences of ``word`` to replace: free ones, and ones corrected
        as exactly that span to something else. A lower-case ``word`` also matches its
        capitalised form (sentence starts), which gets a capitalised replacement."""
        forms = [(word, replacement)]
        if word and word[0].islower() and word[0].upper() != word[0]:
            forms.append((word[0].upper() + word[1:], replacement[:1].upper() + replacement[1:]))
        out: list[tuple[int, int, str]] = []
        for form, repl in forms:
            for start, end in word_occurrences(text, form):
                hits = [c for c in existing if overlaps(start, end, c.start, c.end)]
                if not hits or (len(hits) == 1 and (hits[0].start, hits[0].end) == (start, end)
                                and hits[0].replacement != repl):
                    out.append((start, end, repl))
        return sorted(out)

    def count_in_article(self, article_id: str, word: str, replacement: str | None = None) -> int:
        """How many occurrences :meth:`replace_all_in_article` would replace."""
        return len(self._replaceable(self._text(article_id), self.lib.corrections(article_id),
                                     word, replacement if replacement is not None else "\0"))

    def occurrences_in_library(self, word: str, replacement: str | None = None) -> dict[str, int]:
        """Article id -> occurrences :meth:`replace_all_in_library` would replace (non-zero only)."""
        out: dict[str, int] = {}
        for info in self.lib.list_articles():
            n = self.count_in_article(info.id, word, replacement)
            if n:
                out[info.id] = n
        return out

    def count_in_library(self, word: str, replacement: str | None = None) -> int:
        """Total occurrences in the library, to show before asking "replace all?"."""
        return sum(self.occurrences_in_library(word, replacement).values())

    def _replace_changes(self, article_id: str, word: str, replacement: str, kind: str | None):
        text = self._text(article_id)
        existing = self.lib.corrections(article_id)
        spots = self._replaceable(text, existing, word, replacement)
        return self._correction_changes(article_id, text, existing, [(s, e, r, kind) for s, e, r in spots])

    def replace_all_in_article(self, article_id: str, original_word: str, replacement: str,
                               kind: str | None = None) -> Change:
        """Correct every whole-word occurrence in one article (one write, one undo step);
        ``Change.count`` is how many."""
        fwd, back, made = self._replace_changes(article_id, original_word, replacement, kind)
        if fwd.is_empty():
            return _nothing(f"no {_short(original_word)} to replace")
        desc = f"replace {len(made)} × {_short(original_word)} -> {_short(replacement)} in article"
        return self._run(Step(desc, ChangeSet([fwd]), ChangeSet([back]), len(made)))

    def replace_all_in_library(self, word: str, replacement: str, kind: str | None = None) -> Change:
        """Correct every whole-word occurrence in every article: one write per article,
        one undo step for all of them."""
        fwds: list[ArticleChanges] = []
        backs: list[ArticleChanges] = []
        count = 0
        for info in self.lib.list_articles():
            fwd, back, made = self._replace_changes(info.id, word, replacement, kind)
            if not fwd.is_empty():
                fwds.append(fwd)
                backs.append(back)
                count += len(made)
        if not fwds:
            return _nothing(f"no {_short(word)} to replace")
        desc = f"replace {count} × {_short(word)} -> {_short(replacement)} in {counted(len(fwds), 'article')}"
        return self._run(Step(desc, ChangeSet(fwds), ChangeSet(backs), count))

    # ------------------------------------------------------------------ ignores & dictionary
    def ignore_once(self, article_id: str, start: int, end: int, text: str) -> Change:
        """Dismiss the finding at original ``[start, end)`` (``text`` is what it flagged)."""
        self._check_span(self._text(article_id), start, end)
        if any(i.start == start and i.end == end and i.text == text for i in self.lib.ignores(article_id)):
            return _nothing("already ignored here")
        ign = Ignore(new_record_id(), article_id, text, start, end, now_precise())
        return self._put_ignore(ign, f"ignore {_short(text)} here")

    def ignore_in_article(self, article_id: str, text: str) -> Change:
        """Accept ``text`` everywhere in this article."""
        self.lib.get_info(article_id)  # NotFoundError for an unknown article
        if any(i.start is None and i.text == text for i in self.lib.ignores(article_id)):
            return _nothing("already accepted in this article")
        ign = Ignore(new_record_id(), article_id, text, None, None, now_precise())
        return self._put_ignore(ign, f"accept {_short(text)} in this article")

    def _put_ignore(self, ign: Ignore, desc: str) -> Change:
        fwd = ArticleChanges(ign.article_id, put_ignores=[ign.to_record()])
        back = ArticleChanges(ign.article_id, delete_ignores=[ign.id])
        return self._run(Step(desc, ChangeSet([fwd]), ChangeSet([back])))

    def remove_ignore(self, article_id: str, ignore_id: str) -> Change:
        found = next((i for i in self.lib.ignores(article_id) if i.id == ignore_id), None)
        if found is None:
            raise NotFoundError(f"no ignore {ignore_id!r} in article {article_id}")
        fwd = ArticleChanges(article_id, delete_ignores=[found.id])
        back = ArticleChanges(article_id, put_ignores=[found.to_record()])
        return self._run(Step(f"stop ignoring {_short(found.text)}", ChangeSet([fwd]), ChangeSet([back])))

    def add_to_dictionary(self, word: str) -> Change:
        """Ignore ``word`` everywhere: add it to the personal dictionary."""
        word = word.strip()
        if not word:
            raise InputError("cannot add an empty word to the dictionary")
        if word in self.lib.words():
            return _nothing(f"{_short(word)} is already in the dictionary")
        step = Step(f"add {_short(word)} to the dictionary", ChangeSet(add_words=[word]),
                    ChangeSet(remove_words=[word]))
        return self._run(step)

    def remove_from_dictionary(self, word: str) -> Change:
        word = word.strip()
        if word not in self.lib.words():
            return _nothing(f"{_short(word)} is not in the dictionary")
        step = Step(f"remove {_short(word)} from the dictionary", ChangeSet(remove_words=[word]),
                    ChangeSet(add_words=[word]))
        return self._run(step)

    # ------------------------------------------------------------------ annotations
    def put_annotation(self, annotation: Annotation) -> Change:
        """Add an annotation, or replace the one with the same id (undo restores it)."""
        old = next((a for a in self.lib.annotations(annotation.article_id) if a.id == annotation.id), None)
        fwd = ArticleChanges(annotation.article_id, put_annotations=[annotation.to_record()])
        if old is None:
            back = ArticleChanges(annotation.article_id, delete_annotations=[annotation.id])
            desc = f"annotate {_short(annotation.anchor.quote)}"
        else:
            back = ArticleChanges(annotation.article_id, put_annotations=[old.to_record()])
            desc = f"edit annotation on {_short(annotation.anchor.quote)}"
        return self._run(Step(desc, ChangeSet([fwd]), ChangeSet([back])))

    def delete_annotation(self, article_id: str, annotation_id: str) -> Change:
        old = next((a for a in self.lib.annotations(article_id) if a.id == annotation_id), None)
        if old is None:
            raise NotFoundError(f"no annotation {annotation_id!r} in article {article_id}")
        fwd = ArticleChanges(article_id, delete_annotations=[annotation_id])
        back = ArticleChanges(article_id, put_annotations=[old.to_record()])
        return self._run(Step(f"delete annotation on {_short(old.anchor.quote)}", ChangeSet([fwd]), ChangeSet([back])))
