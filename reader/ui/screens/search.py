"""Full-text search across the library (fuzzy); ``enter`` on a result dismisses with
``(article_id, offset)`` so the library opens the reading view there."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from reader.ui.widgets.footer import ReaderFooter
from textual.widgets.option_list import Option

from reader.ui.fulltext import TextHit, search_library
from reader.wording import counted


def hit_label(hit: TextHit) -> Text:
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append(hit.title[:40], style="bold")
    if hit.score < 100:
        out.append(f" ~{hit.score:.0f}", style="dim")
    out.append("\n  …" + hit.before)
    out.append(hit.match, style="reverse")
    out.append(hit.after + "…")
    return out


class SearchScreen(Screen[tuple[str, int] | None]):
    COMMAND_CATEGORY = "search"
    BINDINGS = [Binding("escape", "close", "Back", id="back-from-search")]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[TextHit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="search every article (fuzzy); enter searches", id="query")
        yield Static(Text("type a word or phrase and press enter"), id="search-status")
        yield OptionList(id="results")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self.sub_title = "search the library"
        self.query_one(Input).focus()

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.query_one("#search-status", Static).update(Text(f"searching for {event.value!r}…"))
        self.run_search(event.value)

    @work(thread=True, exit_on_error=False, exclusive=True)
    def run_search(self, query: str) -> None:
        lib = self.app.library
        articles = [(i.id, i.title, (lambda aid=i.id: lib.get_text(aid))) for i in lib.list_articles()]
        hits = search_library(articles, query)
        self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[TextHit]) -> None:
        self.hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(hit_label(h), id=str(i)) for i, h in enumerate(hits))
        self.query_one("#search-status", Static).update(
            Text(f"{counted(len(hits), 'result')} for {query!r}" + (" — ↓ then enter opens" if hits else ""))
        )
        if hits:
            results.highlighted = 0
            results.focus()

    @on(OptionList.OptionSelected, "#results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id)]
        self.dismiss((hit.article_id, hit.offset))

    def action_close(self) -> None:
        self.dismiss(None)
