"""The glue between the suggestion menu and the headless core: one call per menu result.

:class:`CorrectionController` turns a :class:`~reader.ui.dialogs.suggestions.MenuResult`
for a finding into the right :class:`~reader.editing.Editor` call, re-evaluates the
article's :class:`~reader.review.Review`, and says where the cursor goes next, so the
reading screen does one call and repaints. It holds no widgets (plain Python, tested
against a real library without an app). :func:`run_menu` is the whole key flow (menu,
confirmation, action, review mode) for a screen that only wants to repaint.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.corrections import applicable, compact_diff, unified_diff
from reader.editing import Change, Editor
from reader.errors import ReaderError
from reader.model import Finding
from reader.review import Review
from reader.ui.dialogs.suggestions import MenuAction, MenuResult, is_dictionary_word


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an action did and where to go next.

    ``change`` is the Editor's result (``None`` when nothing was attempted); ``finding`` is
    the open finding the cursor moves to (``None``: none left after it) and ``cursor`` its
    start in the corrected text, or where the change happened when there is none;
    ``message`` is for the status line.
    """

    change: Change | None
    cursor: int | None
    finding: Finding | None
    message: str


@dataclass(frozen=True, slots=True)
class DiffListing:
    """What :class:`~reader.ui.screens.corrections_diff.CorrectionsDiffScreen` shows, and
    the corrected-text offset of each listed correction (for jumping to it)."""

    title: str
    compact_lines: list[str]
    unified: str
    offsets: list[int]


#: The ``kind`` recorded on a correction made with ``c`` rather than from a finding.
FREE_EDIT_KIND = "edit"


def _sentence(description: str) -> str:
    return description[:1].upper() + description[1:]


def _key(f: Finding) -> tuple[int, int, str]:
    """The order Review keeps findings in."""
    return (f.start, f.end, f.kind)


def _start(f: Finding) -> int:
    return f.start


class CorrectionController:
    """``CorrectionController(editor, review, article_id)``: performs menu results.

    ``review`` must be the Review of ``article_id`` the view draws from; after each call
    its findings, corrected text and offset map are current.
    """

    def __init__(self, editor: Editor, review: Review, article_id: str) -> None:
        self.editor = editor
        self.review = review
        self.article_id = article_id

    @property
    def lib(self):
        return self.editor.lib

    # ------------------------------------------------------------------ menu results
    def needs_confirmation(self, result: MenuResult, finding: Finding | None = None) -> bool:
        """Whether to ask with ReplaceAllConfirm before :meth:`apply`: always for the
        library, and for this article when more than the one occurrence would change."""
        if result.action is MenuAction.REPLACE_LIBRARY:
            return True
        if result.action is MenuAction.REPLACE_ARTICLE and finding is not None:
            return self.editor.count_in_article(self.article_id, finding.text, result.replacement) > 1
        return False

    def occurrences_for(self, finding: Finding, result: MenuResult) -> dict[str, int]:
        """What a replace-all would change, by article title, for the question."""
        if result.action is MenuAction.REPLACE_ARTICLE:
            title = self.lib.get_info(self.article_id).title
            return {title: self.editor.count_in_article(self.article_id, finding.text, result.replacement)}
        return self.library_occurrences(finding.text, result.replacement)

    def library_occurrences(self, word: str, replacement: str) -> dict[str, int]:
        """Article title -> occurrences a library-wide replacement would change (titles
        made unique with the article id when two articles share one)."""
        by_id = self.editor.occurrences_in_library(word, replacement)
        titles = {info.id: info.title for info in self.lib.list_articles() if info.id in by_id}
        seen: dict[str, int] = {}
        for title in titles.values():
            seen[title] = seen.get(title, 0) + 1
        return {
            (titles[aid] if seen[titles[aid]] == 1 else f"{titles[aid]} ({aid})"): n
            for aid, n in by_id.items()
        }

    def apply(self, finding: Finding, result: MenuResult) -> Outcome:
        """Perform ``result`` for ``finding`` (corrected-text coordinates, from
        ``self.review``), re-evaluate the findings and find the next one."""
        action = result.action
        ed, aid, f = self.editor, self.article_id, finding
        if action is MenuAction.CANCEL:
            return Outcome(None, f.start, f, "")
        if action in (MenuAction.PICK, MenuAction.CUSTOM):
            change = ed.correct_in_view(aid, f.start, f.end, result.replacement, kind=f.kind)
        elif action is MenuAction.IGNORE_ONCE:
            start, end = self.review.original_span(f)
            change = ed.ignore_once(aid, start, end, f.text)
        elif action is MenuAction.IGNORE_ALL:
            if not is_dictionary_word(f.text):
                return Outcome(None, f.start, f, "Only a single word goes in the dictionary: i ignores this one")
            change = ed.add_to_dictionary(f.text)
        elif action is MenuAction.ACCEPT_ARTICLE:
            change = ed.ignore_in_article(aid, f.text)
        elif action is MenuAction.REPLACE_ARTICLE:
            change = ed.replace_all_in_article(aid, f.text, result.replacement, kind=f.kind)
            if not change.changed:  # the word only occurs inside earlier corrections
                change = ed.correct_in_view(aid, f.start, f.end, result.replacement, kind=f.kind)
        elif action is MenuAction.REPLACE_LIBRARY:
            change = ed.replace_all_in_library(f.text, result.replacement, kind=f.kind)
        else:  # pragma: no cover - MenuAction is closed
            raise ValueError(f"unknown menu action {action!r}")
        if change.changed:
            self.review.reload(self.lib, change)
        if result.changes_text:
            following = self.review.continue_from(f.start)
        else:
            following = self.following(f)
        return self._outcome(change, following, f.start)

    def plan_kind(self, kind: str) -> list[tuple[int, int, str, str]]:
        """The first suggestion of every open ``kind`` finding, as original-text edits
        (the CLI's ``fix --apply-suggestions KIND`` rule: no overlaps, only findings that
        sit on the original text as it reads)."""
        from reader.corrections import overlaps

        text = self.review.text
        existing = self.review.corrections
        edits: list[tuple[int, int, str, str]] = []
        for f in self.review.findings:
            if f.kind != kind or not f.suggestions:
                continue
            start, end = self.review.original_span(f)
            if text[start:end] != f.text or any(overlaps(start, end, c.start, c.end) for c in existing):
                continue
            if any(overlaps(start, end, s, e) for s, e, _, _ in edits):
                continue
            edits.append((start, end, f.suggestions[0], kind))
        return edits

    def fix_kind(self, kind: str, edits: list[tuple[int, int, str, str]]) -> Outcome:
        """Apply :meth:`plan_kind`'s edits in one write and one undo step."""
        change = self.editor.correct_many(self.article_id, edits, f"apply {len(edits)} {kind} suggestions")
        if change.changed:
            self.review.reload(self.lib, change)
        return Outcome(change, None, None, _sentence(change.description) + " (u undoes)")

    def free_edit(self, start: int, end: int, replacement: str) -> Outcome:
        """Replace corrected-text ``[start, end)`` with ``replacement`` (``c``): a
        correction of kind ``edit``, undoable and exported like the others."""
        change = self.editor.correct_in_view(self.article_id, start, end, replacement, kind=FREE_EDIT_KIND)
        if change.changed:
            self.review.reload(self.lib, change)
        message = _sentence(change.description) + (" (u undoes)" if change.changed else "")
        return Outcome(change, start, None, message)

    def _outcome(self, change: Change, following: Finding | None, fallback: int) -> Outcome:
        message = _sentence(change.description)
        if following is None and self.review.findings:
            message += " · no more suspected errors after this one"
        elif not self.review.findings:
            message += " · no suspected errors left"
        cursor = following.start if following is not None else fallback
        return Outcome(change, cursor, following, message)

    # ------------------------------------------------------------------ navigation
    def following(self, finding: Finding) -> Finding | None:
        """The first open finding after ``finding`` in reading order (same start counts
        when it sorts later), so an ignored finding is stepped over, not revisited."""
        findings = self.review.findings
        i = bisect_right(findings, _key(finding), key=_key)
        return findings[i] if i < len(findings) else None

    def next_open(self, offset: int = 0) -> Finding | None:
        """Review mode: the first open finding starting at or after ``offset`` (the menu
        opens on it; after each :meth:`apply` the Outcome's finding is the next one)."""
        findings = self.review.findings
        i = bisect_left(findings, offset, key=_start)
        return findings[i] if i < len(findings) else None

    # ------------------------------------------------------------------ undo / redo
    def undo(self) -> Outcome:
        """Undo the last action (in any article); the cursor goes where it happened here."""
        return self._history(self.editor.undo(), "Undid: ", "Nothing to undo")

    def redo(self) -> Outcome:
        return self._history(self.editor.redo(), "Redid: ", "Nothing to redo")

    def _history(self, change: Change | None, prefix: str, nothing: str) -> Outcome:
        if change is None:
            return Outcome(None, None, None, nothing)
        self.review.reload(self.lib, change)
        spans = [(s, e) for aid, s, e in change.spans if aid == self.article_id]
        if not spans:
            return Outcome(change, None, None, prefix + change.description)
        cursor = self.review.offset_map.to_corrected(min(s for s, _ in spans))
        at = self.review.at(cursor)
        return Outcome(change, cursor, at, prefix + change.description)

    # ------------------------------------------------------------------ diff
    def diff_listing(self, title: str | None = None) -> DiffListing:
        """The article's corrections for CorrectionsDiffScreen, with jump offsets."""
        text = self.review.text
        corrections = self.review.corrections
        title = title if title is not None else self.lib.get_info(self.article_id).title
        omap = self.review.offset_map
        where = {c.id: span[0] for c, span in zip(omap.corrections, omap.corrected_spans())}
        offsets = [where.get(c.id, omap.to_corrected(c.start)) for c in applicable(text, corrections)]
        return DiffListing(title, compact_diff(text, corrections), unified_diff(text, corrections, name=title),
                           offsets)


# --------------------------------------------------------------------------- the whole flow


def run_menu(
    app: Any,
    controller: CorrectionController,
    finding: Finding,
    on_outcome: Callable[[Outcome], None],
    *,
    position_hint: Callable[[Finding], tuple[int, int] | None] | None = None,
    review_mode: bool = False,
) -> None:
    """Open the suggestion menu on ``finding`` and perform the answer.

    A library-wide replacement asks with :class:`ReplaceAllConfirm` first. ``on_outcome``
    gets every Outcome (repaint, move the cursor, show ``message``); a user-caused error
    (:class:`~reader.errors.ReaderError`, e.g. a locked library) becomes an Outcome with
    its message. With ``review_mode`` the menu reopens on the next finding until escape
    or the last one. ``position_hint(finding)`` gives the word's screen offset, if shown.
    """
    from reader.ui.dialogs.replace_all import ReplaceAllConfirm
    from reader.ui.dialogs.suggestions import CANCELLED, SuggestionMenu

    def perform(result: MenuResult) -> None:
        try:
            outcome = controller.apply(finding, result)
        except ReaderError as err:
            on_outcome(Outcome(None, finding.start, finding, str(err)))
            return
        on_outcome(outcome)
        if review_mode and outcome.finding is not None:
            run_menu(app, controller, outcome.finding, on_outcome,
                     position_hint=position_hint, review_mode=True)

    def answered(result: MenuResult | None) -> None:
        result = result or CANCELLED
        if result.action is MenuAction.CANCEL:
            on_outcome(controller.apply(finding, result))
        elif controller.needs_confirmation(result, finding):
            try:
                occurrences = controller.occurrences_for(finding, result)
            except ReaderError as err:
                on_outcome(Outcome(None, finding.start, finding, str(err)))
                return

            def confirmed(yes: bool | None) -> None:
                if yes:
                    perform(result)
                else:
                    on_outcome(Outcome(None, finding.start, finding, "Replace all: cancelled"))

            app.push_screen(ReplaceAllConfirm(finding.text, result.replacement, occurrences), confirmed)
        else:
            perform(result)

    hint = position_hint(finding) if position_hint is not None else None
    app.push_screen(SuggestionMenu(finding, position_hint=hint), answered)


def word_screen_offset(view: Any, offset: int) -> tuple[int, int] | None:
    """Screen (x, y) of text ``offset`` in an ``ArticleView``, for ``position_hint``;
    ``None`` when it is not on screen (the view's own centring ``margin``)."""
    from rich.cells import cell_len

    layout = view.layout_rows
    if layout is None or not view.is_offset_visible(offset):
        return None
    row = layout.row_of_offset(offset)
    info = layout.row_info(row)
    if info is None:
        return None
    _block, start, _end = info
    region = view.content_region
    x = region.x + view.margin + cell_len(view.document.text[start:offset])
    y = region.y + row - round(view.scroll_y)
    return x, y
