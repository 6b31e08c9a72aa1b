"""vim-style motions of the reading screen: counts (``3e``, ``5j``), half pages
(``ctrl+d``/``ctrl+u``), ``*``/``#`` (search the word under the cursor), the search
toggles (whole word, case, regex), ``escape`` clearing what is pending before it leaves,
and hiding finding kinds.

A mixin of :class:`~reader.ui.screens.reading.ReadingScreen` (bindings live in
:mod:`reader.ui.screens.reading_keys`). Counts are kept here and consumed by the
screen's motion actions through :meth:`MotionsMixin.take_count`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.ui.document import ERRORS, SEARCH, SpanLayer, finding_layer
from reader.ui.screens.reading_cursor import first_word_from, word_at

#: A count never repeats a motion more than this (a stray "99999j").
MAX_COUNT = 9999

#: Library setting: finding kinds the person hid in the reading view.


@dataclass(frozen=True, slots=True)
class SearchOptions:
    """How ``/``, ``n``/``N`` and ``*``/``#`` match: substring, case-insensitive, literal
    by default; ``ctrl+o``, ``ctrl+l`` and ``ctrl+g`` in the search bar toggle them."""

    whole_word: bool = False
    case: bool = False
    regex: bool = False

    def pattern(self, query: str) -> re.Pattern[str] | None:
        """The compiled search; ``None`` for a regex that does not compile."""
        body = query if self.regex else re.escape(query)
        if self.whole_word:
            body = rf"(?<!\w)(?:{body})(?!\w)"
        try:
            return re.compile(body, 0 if self.case else re.IGNORECASE)
        except re.error:
            return None

    def label(self) -> str:
        """``words · Aa · regex`` for what is on (empty when all are off)."""
        on = [name for name, flag in (("words", self.whole_word), ("Aa", self.case), ("regex", self.regex)) if flag]
        return " · ".join(on)


class MotionsMixin:
    """Counts, half pages, ``*``/``#``, search toggles, escape and hidden kinds; expects
    the reading screen's ``view``, ``say``, ``search`` and motion actions."""

    def init_motions(self) -> None:
        self._count = ""
        self.search_options = SearchOptions()
        self.hidden_kinds: frozenset[str] = frozenset()

    # ------------------------------------------------------------------ counts
    def action_count(self, digit: int) -> None:
        """A digit: part of a count for the next motion (``0`` only after another)."""
        if digit == 0 and not self._count:
            return
        self._count = (self._count + str(digit))[-4:]
        self.say(f"{self._count}…  (a motion: j k e E n N w W t T space b ctrl+d ctrl+u)", timeout=5)

    def take_count(self) -> int:
        """The pending count (1 when none), consumed."""
        count = int(self._count) if self._count else 1
        if self._count:
            self._count = ""
            self.say("", timeout=0)
        return max(1, min(count, MAX_COUNT))

    def action_half_page(self, direction: int) -> None:
        """``ctrl+d`` / ``ctrl+u``: half a screen down / up (times a count)."""
        self.view.scroll_pages(0.5 * direction * self.take_count())

    # ------------------------------------------------------------------ escape
    def action_escape(self) -> None:
        """``escape`` clears, in order, a pending count, a selection and the search
        highlights; only when nothing is pending does it go back to the library."""
        if self._count:
            self._count = ""
            self.say("count cleared", timeout=1.5)
            return
        if self.selection_anchor is not None:
            self.cancel_selection()
            return
        if self._matches:
            self.clear_search()
            self.say("search cleared (escape again: back to the library)", timeout=3)
            return
        self.action_close()

    def clear_search(self) -> None:
        self._query = ""
        self._matches = []
        self.view.layers_changed(self.view.document.set_layer(SpanLayer(SEARCH, [])))
        self._update_status()

    # ------------------------------------------------------------------ * and #
    def action_search_word(self, direction: int) -> None:
        """``*`` / ``#``: search the word under the cursor (whole word) forwards /
        backwards, like vim."""
        text = self.view.document.text
        current = self._current_span()
        span = None
        if current is not None and self.view.is_offset_visible(current.start):
            span = word_at(text, current.start)
        if span is None:
            span = first_word_from(text, self.view.top_offset)
        if span is None:
            self.say("no word here")
            return
        self.search_options = replace(self.search_options, whole_word=True, regex=False)
        self._query = text[span[0]:span[1]]
        self._highlight_matches(self._query)
        self._set_current_plain(span)
        self._show_search_options()
        self.action_match(direction)

    def _set_current_plain(self, span: tuple[int, int]) -> None:
        from reader.ui.document import Span

        self._set_current(Span(span[0], span[1], "reader-cursor"), scroll=False)

    # ------------------------------------------------------------------ search toggles
    def action_search_toggle(self, name: str) -> None:
        """In the search bar: toggle whole word / case / regex (the bar's title shows
        which are on); the highlights follow at once."""
        options = self.search_options
        self.search_options = replace(options, **{name: not getattr(options, name)})
        self._show_search_options()
        bar_value = self.query_one("#search-bar").value
        if bar_value:
            self._highlight_matches(bar_value)
            self._update_status()

    def _show_search_options(self) -> None:
        bar = self.query_one("#search-bar")
        label = self.search_options.label()
        bar.border_title = f"search: {label}" if label else "search"
        bar.border_subtitle = "ctrl+o words · ctrl+l case · ctrl+g regex"

    # ------------------------------------------------------------------ layers and sensitivity
    def action_toggle(self, name: str) -> None:
        layer = self.view.document.layer(name)
        layer.visible = not layer.visible
        self.view.layers_changed(None)
        from reader.ui.widgets.bars import Legend

        legend = self.query_one(Legend)
        hidden = set(legend.hidden_layers)
        hidden.symmetric_difference_update({name})
        legend.hidden_layers = frozenset(hidden)
        self.say(f"{name} {'shown' if layer.visible else 'hidden'}", timeout=2)

    def action_sensitivity(self) -> None:
        """Cycle the sensitivity level (stored in the library) and analyse again."""
        from reader.settings import Settings

        try:
            level = Settings(self.library).cycle_sensitivity()
        except Exception as exc:  # a locked library: keep the current level
            self.notify(f"could not save the sensitivity: {exc}", severity="warning", markup=False)
            return
        self.notify(f"sensitivity: {level}", timeout=1.5)
        self.run_analysis()

    # ------------------------------------------------------------------ hidden kinds
    def load_hidden_kinds(self) -> None:
        from reader.settings import Settings

        self.hidden_kinds = Settings(self.library).hidden_kinds

    def shown_findings(self, findings):
        """``findings`` without the kinds the person hid."""
        if not self.hidden_kinds:
            return findings
        return [f for f in findings if f.kind not in self.hidden_kinds]

    def action_hide_kinds(self) -> None:
        """``h``: show or hide the highlight layers and each finding kind."""
        from reader.ui.dialogs.hide_kinds import HideKindsDialog

        layers = {name: self.view.document.layer(name).visible for name in ("entities", "errors", "annotations")}
        kinds = sorted({f.kind for f in self.analysis.findings} | set(self.hidden_kinds))

        def done(answer) -> None:
            if answer is None:
                return
            shown_layers, hidden = answer
            for name, visible in shown_layers.items():
                if self.view.document.layer(name).visible != visible:
                    self.action_toggle(name)
            if hidden != self.hidden_kinds:
                self.hidden_kinds = frozenset(hidden)
                self._apply_hidden_kinds()
                try:
                    from reader.settings import Settings

                    Settings(self.library).set_hidden_kinds(self.hidden_kinds)
                except Exception as exc:  # a locked library: it still applies now
                    self.notify(f"could not remember the hidden kinds: {exc}", severity="warning", markup=False)

        self.app.push_screen(HideKindsDialog(layers, kinds, self.hidden_kinds), done)

    def _apply_hidden_kinds(self) -> None:
        doc = self.view.document
        layer = doc.layer(ERRORS)
        visible = layer.visible
        new = finding_layer(self.shown_findings(list(self.analysis.findings)))
        new.visible = visible
        doc.set_layer(new)
        self.view.layers_changed(None)
        hidden = ", ".join(sorted(self.hidden_kinds))
        self.say(f"hidden: {hidden}" if hidden else "every kind shown")
        self._update_status()
