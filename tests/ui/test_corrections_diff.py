"""The corrections diff screen: compact list with enter/esc, unified diff on ``d``, text
styled with rich Text (never parsed as markup)."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from reader.corrections import compact_diff, unified_diff
from reader.model import Correction
from reader.ui.screens.corrections_diff import CorrectionsDiffScreen, compact_line, diff_text
from tests.ui.test_suggestion_menu import Host, run_keys
from tests.ui.conftest import sync

TEXT = "First line with aple.\nSecond [b]line[/b] here.\nThird qwix line.\n"


def corrections() -> list[Correction]:
    return [
        Correction("c1", "a", TEXT.index("aple"), TEXT.index("aple") + 4, "aple", "apple"),
        Correction("c2", "a", TEXT.index("[b]"), TEXT.index("[b]") + 3, "[b]", ""),
        Correction("c3", "a", TEXT.index("qwix"), TEXT.index("qwix") + 4, "qwix", "quix"),
    ]


def screen() -> CorrectionsDiffScreen:
    cs = corrections()
    return CorrectionsDiffScreen("A [i]title[/i]", compact_diff(TEXT, cs), unified_diff(TEXT, cs))


@sync
async def test_enter_returns_the_chosen_correction_and_escape_none() -> None:
    assert await run_keys(screen(), "enter") == [0]
    assert await run_keys(screen(), "down", "down", "enter") == [2]
    assert await run_keys(screen(), "j", "enter") == [1]
    assert await run_keys(screen(), "escape") == [None]


@sync
async def test_d_toggles_the_unified_diff() -> None:
    diff = screen()
    app = Host(diff)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        unified = diff.query_one("#diff-unified")
        assert not unified.display and diff.query_one("#diff-list").display
        await pilot.press("d")
        assert diff.showing_unified and unified.display and not diff.query_one("#diff-list").display
        body = str(diff.query_one("#diff-unified-text", Static).render())
        assert "-Second [b]line[/b] here." in body and "+Second line[/b] here." in body
        await pilot.press("d")
        assert not diff.showing_unified
        await pilot.press("q")
    assert app.results == [None]


@sync
async def test_lines_show_literally_and_empty_article_says_so() -> None:
    diff = screen()
    app = Host(diff)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        prompts = [str(diff.query_one(OptionList).get_option_at_index(i).prompt) for i in range(3)]
        assert prompts[1] == '    line 2  "[b]" → ""'
    empty = CorrectionsDiffScreen("T", [], "")
    app = Host(empty)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "No corrections" in str(empty.query_one("#diff-summary", Static).render())
        await pilot.press("enter", "escape")
    assert app.results == [None]


def test_styles_come_from_text_spans() -> None:
    line = compact_line('line 12: "a \\" -> b" -> "c"', {"error": "red", "success": "green"})
    assert line.plain == '   line 12  "a \\" -> b" → "c"'
    assert any("strike" in str(s.style) and "red" in str(s.style) for s in line.spans)
    assert compact_line("odd [b]line").plain == "odd [b]line"
    text = diff_text("--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n same\n", {"error": "red", "success": "green"})
    styles = {text.plain[s.start:s.end].strip(): str(s.style) for s in text.spans}
    assert styles["-old"] == "red" and styles["+new"] == "green" and styles["--- a"] == "bold"
