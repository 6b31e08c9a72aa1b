"""Search in the reading view: ``/`` opens the search bar, every match is highlighted and
``n``/``N`` step through them. A mixin of :class:`~reader.ui.screens.reading.ReadingScreen`,
which provides ``view``, ``_step`` and ``_update_status`` (docs/ARCHITECTURE.md)."""

from __future__ import annotations

from textual.widgets import Input

from reader.ui.document import SEARCH, Span, SpanLayer

#: Most search matches highlighted at once (a one-letter query in a long book).
MAX_MATCHES = 50_000


class SearchMixin:
    """Search bar, match highlighting and match stepping."""

    _matches: list[int]
    _query: str

    def action_search(self) -> None:
        bar = self.query_one("#search-bar", Input)
        bar.add_class("-shown")
        bar.focus()

    def search_submitted(self, event: Input.Submitted) -> None:
        """The search bar's Enter (the screen routes ``Input.Submitted`` here: ``@on``
        handlers are only collected from Textual classes, not from mixins)."""
        bar = event.input
        bar.remove_class("-shown")
        self.view.focus()
        self.search(event.value)

    def _highlight_matches(self, query: str) -> list[Span]:
        doc = self.view.document
        spans = []
        pattern = self.search_options.pattern(query) if query else None
        if query and pattern is None:
            self.say(f"not a regular expression: {query}")
        if pattern is not None:
            for m in pattern.finditer(doc.text):
                if m.end() == m.start():  # an empty regex match highlights nothing
                    continue
                spans.append(Span(m.start(), m.end(), "reader-search"))
                if len(spans) >= MAX_MATCHES:
                    break
        self._matches = [s.start for s in spans]
        self.view.layers_changed(doc.set_layer(SpanLayer(SEARCH, spans)))
        return spans

    def search(self, query: str) -> None:
        """Highlight every match of ``query`` (by the search toggles: case-insensitive
        substrings unless whole word, case or regex is on) and go to the next one."""
        self._query = query
        spans = self._highlight_matches(query)
        if not query:
            return
        if not spans:
            self.notify(f"not found: {query}", severity="warning", timeout=2)
            self._update_status()
            return
        self.action_match(1)

    def action_match(self, direction: int) -> None:
        if not self._matches:
            self.say("no search (press / to search)", timeout=2)
            return
        self._step(SEARCH, direction, "matches")
