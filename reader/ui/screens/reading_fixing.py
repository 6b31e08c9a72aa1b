"""The correction keys of the reading screen: the suggestion menu (``z``, ``enter``, from
the side panel), review mode (``Z``), undo/redo (``u``/``ctrl+r``), the original/corrected
toggle (``o``) and the corrections diff (``D``).

A mixin of :class:`~reader.ui.screens.reading.ReadingScreen` (its bindings live there,
Textual only collects bindings from widget classes). The work is done by
:class:`~reader.ui.correction_actions.CorrectionController` over the screen's
:class:`~reader.review.Review`; this module only decides what to open and repaints
through ``screen.reproject()``.
"""

from __future__ import annotations

from textual import work
from textual.message import Message

from reader.errors import ReaderError
from reader.model import Finding
from reader.ui.correction_actions import CorrectionController, Outcome, run_menu, word_screen_offset
from reader.ui.document import CURRENT, Span


class FixingMixin:
    """Correction actions; expects ``session``, ``review``, ``view``, ``reproject`` and
    ``_set_current`` from the screen."""

    class Reanalysed(Message):
        """A change's re-analysis ran in a worker; the session takes it on the UI thread."""

        def __init__(self, pending, then, error: Exception | None = None) -> None:
            super().__init__()
            self.pending, self.then, self.error = pending, then, error

    def init_fixing(self) -> None:
        self.fixer: CorrectionController | None = None
        self.reanalysing = 0  # re-analyses running in workers: fixing keys wait for them

    def run_pending(self, pending, then) -> None:
        """The controller's runner: re-analysis after a change runs in a worker thread
        (a whole long article takes a second); the result is taken here, on the UI
        thread, and ``then`` repaints (docs/ARCHITECTURE.md, "An edit")."""
        self.reanalysing += 1
        self._reanalyse(pending, then)

    @work(thread=True, exit_on_error=False, group="reanalysis")
    def _reanalyse(self, pending, then) -> None:
        error = None
        try:
            pending.run()
        except Exception as exc:  # shown by the handler; the session keeps its state
            error = exc
        self.post_message(self.Reanalysed(pending, then, error))

    def on_fixing_mixin_reanalysed(self, message: Reanalysed) -> None:
        self.reanalysing -= 1
        if message.pending.work.result is None:  # the worker failed
            self.notify(f"re-analysis failed: {message.error}", severity="error", markup=False)
            return
        if self.session is not None and self.session.finish(message.pending):
            message.then()

    def review_ready(self) -> None:
        self.fixer = CorrectionController(self.session, runner=self.run_pending)

    # ------------------------------------------------------------------ helpers
    def _current_span(self) -> Span | None:
        spans = self.view.document.layer(CURRENT).spans
        return spans[0] if spans else None

    def _can_fix(self) -> bool:
        if self.review is None or self.fixer is None or self.reanalysing:
            self.say("still analysing")
            return False
        if self.show_original:
            self.say("showing the original text: press o to fix in the corrected text")
            return False
        return True

    def current_finding(self) -> Finding | None:
        """The finding under the cursor: the highlighted one, else one covering it."""
        span = self._current_span()
        if span is None or self.review is None:
            return None
        if isinstance(span.ref, Finding):
            return span.ref
        return self.review.at(span.start)

    def show_finding(self, finding: Finding) -> None:
        self._set_current(Span(finding.start, finding.end, "reader-cursor", finding))

    def _displayed(self, corrected_offset: int) -> int:
        """A corrected-text offset (the controller's) in the displayed text."""
        if self.show_original and self.review is not None:
            return self.review.offset_map.to_original(corrected_offset)
        return corrected_offset

    # ------------------------------------------------------------------ the menu
    def open_menu(self, finding: Finding, *, review_mode: bool = False) -> None:
        self.show_finding(finding)
        run_menu(self.app, self.fixer, finding, self._on_outcome,
                 position_hint=lambda f: word_screen_offset(self.view, f.start), review_mode=review_mode)

    def action_fix(self) -> None:
        """``z``: the menu on the error under the cursor, else on the next one."""
        if not self._can_fix():
            return
        finding = self.current_finding()
        if finding is None:
            finding = self.review.next_after(self._cursor(), wrap=True)
        if finding is None:
            self.say("no suspected errors left")
            return
        self.open_menu(finding)

    def action_review(self) -> None:
        """``Z``: every open finding from the cursor on, each with the menu open."""
        if not self._can_fix():
            return
        span = self._current_span()
        finding = self.fixer.next_open(span.start if span else 0) or self.fixer.next_open(0)
        if finding is None:
            self.say("no suspected errors left")
            return
        self.say("review: escape stops")
        self.open_menu(finding, review_mode=True)

    def _on_outcome(self, outcome: Outcome) -> None:
        if outcome.change is not None and outcome.change.changed:
            self.reproject()
        if outcome.finding is not None:
            self.show_finding(outcome.finding)
        elif outcome.cursor is not None:
            self.cursor_to(outcome.cursor)
        if outcome.message:
            self.say(outcome.message)

    def action_enter(self) -> None:
        """``enter``: the menu on an error, else edit the annotation under the cursor."""
        span = self._current_span()
        if span is None:
            self.say("nothing here: e goes to the next error, w to the next word")
            return
        if isinstance(span.ref, Finding) and self.review is not None and not self.show_original:
            self.open_menu(span.ref)
            return
        annotation = self.notes.at(span.start)
        if annotation is not None:
            self.edit_annotation(annotation)
            return
        finding = self.current_finding()
        if finding is not None and self._can_fix():
            self.open_menu(finding)
            return
        self.say("no error or annotation here: a annotates, e goes to the next error")

    # ------------------------------------------------------------------ free edit
    def action_change(self) -> None:
        """``c``: change the selection, else the word (or error) under the cursor, to
        anything: what the checker missed."""
        if not self._can_fix():
            return
        sel = self.selection
        span = self._current_span()
        if sel is None and span is None:
            self.say("put the cursor on a word (w, arrows, click) or select with v, then c")
            return
        start, end = sel if sel is not None else (span.start, span.end)
        text = self.view.document.text[start:end]
        from reader.ui.dialogs.free_edit import FreeEditDialog

        def done(replacement: str | None) -> None:
            if replacement is None:
                return

            def edited(outcome) -> None:
                if outcome.change is not None and outcome.change.changed:
                    self.reproject(reread_annotations=True)
                if replacement:
                    self.cursor_to_span(start, start + len(replacement))
                else:
                    self.cursor_to(start)
                self.say(outcome.message)

            self.selection_anchor = None
            try:
                self.fixer.free_edit(start, end, replacement, then=edited)
            except ReaderError as err:
                self.notify(err.message, severity="error", markup=False)

        self.app.push_screen(FreeEditDialog(text), done)

    def action_fix_kind(self) -> None:
        """``F``: the first suggestion for every open finding of the current one's kind
        (asks first; one undo step), like ``reader fix --apply-suggestions KIND``."""
        if not self._can_fix():
            return
        finding = self.current_finding()
        if finding is None:
            self.say("put the cursor on an error first (e): F fixes every error of its kind")
            return
        edits = self.fixer.plan_kind(finding.kind)
        if not edits:
            self.say(f"no {finding.kind} error here has a suggestion to apply")
            return
        from reader.ui.dialogs.confirm import ConfirmDialog

        def done(yes: bool | None) -> None:
            if not yes:
                return
            def fixed(outcome) -> None:
                self.reproject()
                self.say(outcome.message)

            try:
                self.fixer.fix_kind(finding.kind, edits, then=fixed)
            except ReaderError as err:
                self.notify(err.message, severity="error", markup=False)

        n = len(edits)
        self.app.push_screen(ConfirmDialog(
            f"Apply the first suggestion to {n} {finding.kind} error{'s' * (n != 1)}?",
            "One undo step (u). Errors without a suggestion, or already corrected, are left."), done)

    # ------------------------------------------------------------------ history
    def action_undo(self) -> None:
        self._history(lambda then: self.fixer.undo(then))

    def action_redo(self) -> None:
        self._history(lambda then: self.fixer.redo(then))

    def _history(self, step) -> None:
        if self.fixer is None or self.reanalysing:
            self.say("still analysing")
            return
        try:
            step(self._after_history)
        except ReaderError as err:
            self.notify(err.message, severity="error", markup=False)

    def _after_history(self, outcome) -> None:
        if outcome.change is not None:
            self.reproject(reread_annotations=True)
            if outcome.cursor is not None:
                if outcome.finding is not None and not self.show_original:
                    self.show_finding(outcome.finding)
                else:
                    self.cursor_to(self._displayed(outcome.cursor))
        self.say(outcome.message)

    # ------------------------------------------------------------------ views
    def action_toggle_original(self) -> None:
        """``o``: the original text / the corrected text, remembered per article."""
        if self.review is None:
            self.say("still analysing")
            return
        omap = self.review.offset_map
        span = self._current_span()
        top = self.view.top_offset
        if self.show_original:
            top = omap.to_corrected(top)
            span = omap.span_to_corrected(span.start, span.end) if span else None
        else:
            top = omap.to_original(top)
            span = omap.span_to_original(span.start, span.end) if span else None
        self.show_original = not self.show_original
        self.reproject(top=top)
        if span is not None:
            self.cursor_to_span(span[0], max(span[1], span[0] + 1), scroll=False)
        try:
            self.library.set_state(self.article_id, show_original=self.show_original)
        except ReaderError as err:
            self.notify(f"could not remember the view: {err.message}", severity="warning", markup=False)
        self.say("showing the original text" if self.show_original else "showing the corrected text")

    def action_diff(self) -> None:
        """``D``: the article's corrections; enter jumps to one."""
        if self.fixer is None:
            self.say("still analysing")
            return
        from reader.ui.screens.corrections_diff import CorrectionsDiffScreen

        listing = self.fixer.diff_listing()
        if not listing.compact_lines:
            self.say("no corrections in this article yet")
            return

        def done(index: int | None) -> None:
            if index is not None and 0 <= index < len(listing.offsets):
                self.cursor_to(self._displayed(listing.offsets[index]))

        self.app.push_screen(CorrectionsDiffScreen(listing.title, listing.compact_lines, listing.unified), done)
