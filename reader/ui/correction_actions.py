"""The glue between the suggestion menu and the headless core: one call per menu result.

:class:`CorrectionController` turns a :class:`~reader.ui.dialogs.suggestions.MenuResult`
for a finding into the right command of the article's
:class:`~reader.session.ArticleSession`, has the re-analysis run (by ``runner``: a worker
thread in the app, inline without one) and says where the cursor goes next, so the
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
from reader.session import ArticleSession, Pending
from reader.wording import counted
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


#: Runs a Pending's re-analysis, finishes it on the session and then calls back (on the
#: thread that owns the session); the default does it all at once, here.
Runner = Callable[[Pending, Callable[[], None]], None]


class CorrectionController:
    """``CorrectionController(session)``: performs menu results on the article's session.

    After each action's callback the session's findings, corrected text and offset map
    are current. ``runner`` decides where re-analysis runs (the reading screen passes a
    worker-thread runner so the UI keeps painting).
    """

    def __init__(self, session: ArticleSession, runner: Runner | None = None) -> None:
        self.session = session
        self.editor: Editor = session.editor
        self.article_id = session.article_id
        self.runner: Runner = runner or self._run_here

    @property
    def review(self):
        return self.session.review

    def _run_here(self, pending: Pending, then: Callable[[], None]) -> None:
        """The runner without an app: re-analyse now, on this thread."""
        self.session.apply(pending)
        then()

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

    def apply(self, finding: Finding, result: MenuResult,
              then: Callable[[Outcome], None] | None = None) -> Outcome | None:
        """Perform ``result`` for ``finding`` (corrected-text coordinates, from the
        session), have the findings re-evaluated and find the next one. The Outcome goes
        to ``then`` once the re-analysis is in; without ``then`` (and with the default
        runner) it is returned."""
        action = result.action
        f = finding
        if action is MenuAction.CANCEL:
            outcome = Outcome(None, f.start, f, "")
            return then(outcome) if then else outcome
        if action is MenuAction.IGNORE_ALL and not is_dictionary_word(f.text):
            outcome = Outcome(None, f.start, f, "Only a single word goes in the dictionary: i ignores this one")
            return then(outcome) if then else outcome
        pending = self._command(f, result)
        box: list[Outcome] = []

        def done() -> None:
            following = self.review.continue_from(f.start) if result.changes_text else self.following(f)
            box.append(self._outcome(pending.change, following, f.start))
            if then is not None:
                then(box[0])

        self.runner(pending, done)
        return box[0] if box and then is None else None

    def _command(self, f: Finding, result: MenuResult) -> Pending:
        session, action = self.session, result.action
        if action in (MenuAction.PICK, MenuAction.CUSTOM):
            return session.correct(f, result.replacement, kind=f.kind)
        if action is MenuAction.IGNORE_ONCE:
            return session.ignore_once(f)
        if action is MenuAction.IGNORE_ALL:
            return session.add_to_dictionary(f.text)
        if action is MenuAction.ACCEPT_ARTICLE:
            return session.ignore_in_article(f.text)
        if action is MenuAction.REPLACE_ARTICLE:
            pending = session.replace_all_in_article(f.text, result.replacement, kind=f.kind)
            if not pending.change.changed:  # the word only occurs inside earlier corrections
                pending = session.correct(f, result.replacement, kind=f.kind)
            return pending
        if action is MenuAction.REPLACE_LIBRARY:
            return session.replace_all_in_library(f.text, result.replacement, kind=f.kind)
        raise ValueError(f"unknown menu action {action!r}")  # pragma: no cover - MenuAction is closed

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

    def fix_kind(self, kind: str, edits: list[tuple[int, int, str, str]],
                 then: Callable[[Outcome], None] | None = None) -> Outcome | None:
        """Apply :meth:`plan_kind`'s edits in one write and one undo step; the Outcome goes
        to ``then`` once the re-analysis is in (returned without ``then``, as ``apply``)."""
        change = self.editor.correct_many(self.article_id, edits, f"apply {counted(len(edits), kind + ' suggestion')}")
        return self._finish(self.session.after(change),
                            lambda: Outcome(change, None, None, _sentence(change.description) + " (u undoes)"), then)

    def free_edit(self, start: int, end: int, replacement: str,
                  then: Callable[[Outcome], None] | None = None) -> Outcome | None:
        """Replace corrected-text ``[start, end)`` with ``replacement`` (``c``): a
        correction of kind ``edit``, undoable and exported like the others."""
        pending = self.session.correct((start, end), replacement, kind=FREE_EDIT_KIND)
        change = pending.change
        message = _sentence(change.description) + (" (u undoes)" if change.changed else "")
        return self._finish(pending, lambda: Outcome(change, start, None, message), then)

    def _finish(self, pending: Pending, outcome: Callable[[], Outcome],
                then: Callable[[Outcome], None] | None) -> Outcome | None:
        """Have ``pending`` re-analysed by the runner, then hand ``outcome()`` to ``then``
        (or return it when the runner ran at once and there is no ``then``)."""
        box: list[Outcome] = []

        def done() -> None:
            box.append(outcome())
            if then is not None:
                then(box[0])

        self.runner(pending, done)
        return box[0] if box and then is None else None

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
    def undo(self, then: Callable[[Outcome], None] | None = None) -> Outcome | None:
        """Undo the last action (in any article); the cursor goes where it happened here."""
        return self._history(self.session.undo(), "Undid: ", "Nothing to undo", then)

    def redo(self, then: Callable[[Outcome], None] | None = None) -> Outcome | None:
        return self._history(self.session.redo(), "Redid: ", "Nothing to redo", then)

    def _history(self, pending: Pending | None, prefix: str, nothing: str,
                 then: Callable[[Outcome], None] | None) -> Outcome | None:
        box: list[Outcome] = []

        def done() -> None:
            box.append(self._after_history(pending, prefix, nothing))
            if then is not None:
                then(box[0])

        if pending is None:
            done()
        else:
            self.runner(pending, done)
        return box[0] if box and then is None else None

    def _after_history(self, pending: Pending | None, prefix: str, nothing: str) -> Outcome:
        if pending is None:
            return Outcome(None, None, None, nothing)
        change = pending.change
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

    def performed(outcome: Outcome) -> None:
        on_outcome(outcome)
        if review_mode and outcome.finding is not None:
            run_menu(app, controller, outcome.finding, on_outcome,
                     position_hint=position_hint, review_mode=True)

    def perform(result: MenuResult) -> None:
        try:
            controller.apply(finding, result, then=performed)
        except ReaderError as err:
            on_outcome(Outcome(None, finding.start, finding, str(err)))

    def answered(result: MenuResult | None) -> None:
        result = result or CANCELLED
        if result.action is MenuAction.CANCEL:
            controller.apply(finding, result, then=on_outcome)
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
