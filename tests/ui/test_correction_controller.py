"""CorrectionController on a real temporary library with a tiny fake analyzer: each menu
result is stored as the right record, findings re-evaluate and the cursor moves on."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import AnalysisContext
from reader.editing import Editor
from reader.model import Analysis, Finding
from reader.review import LibraryMemory, Review
from reader.session import ArticleSession
from reader.ui.correction_actions import CorrectionController, run_menu, word_screen_offset
from reader.ui.dialogs.replace_all import ReplaceAllConfirm
from reader.ui.dialogs.suggestions import MenuAction, MenuResult, SuggestionMenu
from tests.ui.conftest import sync

#: Made-up typos (not from the corpus): word -> suggestions.
TYPOS = {"aple": ("apple", "ample"), "blorp": ("blurb", "otter"), "Qwix": ("Quix",)}


def fake_analyze(text: str, ctx: AnalysisContext) -> Analysis:
    """Listed typos (unless in the dictionary or accepted) and "a" before a vowel."""
    found = []
    for m in re.finditer(r"\w+", text):
        w = m.group()
        if w in TYPOS and w not in ctx.dictionary and w not in ctx.ignored:
            found.append(Finding(m.start(), m.end(), w, "misspelling", "typo", TYPOS[w]))
    for m in re.finditer(r"\b([Aa]) ([aeiou]\w*)", text):
        found.append(Finding(m.start(), m.end(), m.group(), "grammar", "a/an", (f"{m.group(1)}n {m.group(2)}",)))
    return Analysis(tuple(sorted(found, key=lambda f: (f.start, f.end, f.kind))))


TEXT = "We ate aple pie and a blorp.\n\nThen blorp again, Qwix said.\n\nMore aple later.\n"
OTHER = "Another blorp here, and blorp there.\n"


@pytest.fixture
def setup(library):
    aid = library.add_article(TEXT, title="First").info.id
    other = library.add_article(OTHER, title="Second").info.id
    editor = Editor(library)
    review = Review.for_article(library, aid, analyzer=fake_analyze, memory=LibraryMemory(library))
    return library, aid, other, CorrectionController(ArticleSession(library, review, editor=editor))


def texts(ctl: CorrectionController) -> list[str]:
    return [f.text for f in ctl.review.findings]


def first(ctl: CorrectionController, word: str) -> Finding:
    return next(f for f in ctl.review.findings if f.text == word)


def test_pick_stores_a_correction_and_moves_on(setup) -> None:
    lib, aid, _, ctl = setup
    f = first(ctl, "aple")
    out = ctl.apply(f, MenuResult(MenuAction.PICK, "apple"))
    [c] = lib.corrections(aid)
    assert (c.start, c.end, c.original, c.replacement, c.kind) == (7, 11, "aple", "apple", "misspelling")
    assert ctl.review.corrected_text.startswith("We ate apple pie")
    assert out.change.changed and out.finding.text == "blorp" and out.cursor == out.finding.start
    assert out.message == 'Correct "aple" -> "apple"'


def test_custom_text_and_a_new_a_an_finding_comes_next(setup) -> None:
    lib, aid, _, ctl = setup
    f = first(ctl, "blorp")
    out = ctl.apply(f, MenuResult(MenuAction.CUSTOM, "otter"))
    assert [c.replacement for c in lib.corrections(aid)] == ["otter"]
    assert out.finding.text == "a otter"  # the fix created it, so the cursor lands there
    out2 = ctl.apply(out.finding, MenuResult(MenuAction.PICK, out.finding.suggestions[0]))
    assert "an otter" in ctl.review.corrected_text
    assert out2.finding.text == "blorp" and "a otter" not in texts(ctl)


def test_ignore_once_records_the_original_span(setup) -> None:
    lib, aid, _, ctl = setup
    ctl.apply(first(ctl, "aple"), MenuResult(MenuAction.PICK, "apple"))  # shifts later offsets
    f = first(ctl, "blorp")
    out = ctl.apply(f, MenuResult(MenuAction.IGNORE_ONCE))
    [ign] = lib.ignores(aid)
    assert (ign.start, ign.end, ign.text) == (TEXT.index("blorp"), TEXT.index("blorp") + 5, "blorp")
    assert texts(ctl).count("blorp") == 1 and out.finding.text == "blorp" and out.finding.start > f.start


def test_ignore_all_adds_to_the_dictionary(setup) -> None:
    lib, _, _, ctl = setup
    out = ctl.apply(first(ctl, "blorp"), MenuResult(MenuAction.IGNORE_ALL))
    assert "blorp" in lib.words() and "blorp" not in texts(ctl)
    assert out.finding.text == "Qwix" and out.change.dictionary_changed


def test_accept_for_article_is_an_article_wide_ignore(setup) -> None:
    lib, aid, other, ctl = setup
    ctl.apply(first(ctl, "aple"), MenuResult(MenuAction.ACCEPT_ARTICLE))
    assert [(i.text, i.start) for i in lib.ignores(aid)] == [("aple", None)]
    assert lib.ignores(other) == [] and "aple" not in texts(ctl)


def test_replace_in_article_and_in_library(setup) -> None:
    lib, aid, other, ctl = setup
    out = ctl.apply(first(ctl, "aple"), MenuResult(MenuAction.REPLACE_ARTICLE, "apple"))
    assert out.change.count == 2 and "aple" not in texts(ctl)
    assert ctl.library_occurrences("blorp", "blurb") == {"First": 2, "Second": 2}
    result = MenuResult(MenuAction.REPLACE_LIBRARY, "blurb")
    assert ctl.needs_confirmation(result)
    out = ctl.apply(first(ctl, "blorp"), result)
    assert out.change.count == 4 and other in out.change.article_ids
    assert [c.replacement for c in lib.corrections(other)] == ["blurb", "blurb"]
    assert texts(ctl) == ["Qwix"] and out.finding.text == "Qwix"


def test_undo_redo_restore_records_and_report(setup) -> None:
    lib, aid, _, ctl = setup
    f = first(ctl, "aple")
    ctl.apply(f, MenuResult(MenuAction.PICK, "apple"))
    ctl.apply(first(ctl, "blorp"), MenuResult(MenuAction.IGNORE_ALL))
    out = ctl.undo()
    assert out.message == 'Undid: add "blorp" to the dictionary' and "blorp" not in lib.words()
    assert "blorp" in texts(ctl)
    out = ctl.undo()
    assert out.message == 'Undid: correct "aple" -> "apple"' and lib.corrections(aid) == []
    assert out.cursor == f.start and out.finding.text == "aple"
    assert ctl.undo().message == "Nothing to undo"
    out = ctl.redo()
    assert out.message.startswith("Redid: correct") and [c.replacement for c in lib.corrections(aid)] == ["apple"]
    assert ctl.review.corrected_text.startswith("We ate apple")


def test_review_mode_steps_through_every_finding(setup) -> None:
    _, _, _, ctl = setup
    seen = []
    f = ctl.next_open(0)
    while f is not None:
        seen.append(f.text)
        f = ctl.apply(f, MenuResult(MenuAction.IGNORE_ONCE)).finding
    assert seen == ["aple", "blorp", "blorp", "Qwix", "aple"]
    assert ctl.review.findings == [] and ctl.next_open(0) is None


def test_cancel_changes_nothing(setup) -> None:
    lib, aid, _, ctl = setup
    f = first(ctl, "Qwix")
    out = ctl.apply(f, MenuResult(MenuAction.CANCEL))
    assert out.change is None and out.finding == f and lib.corrections(aid) == [] and lib.ignores(aid) == []


def test_diff_listing_offsets_point_at_corrections(setup) -> None:
    _, _, _, ctl = setup
    ctl.apply(first(ctl, "Qwix"), MenuResult(MenuAction.PICK, "Quix"))
    ctl.apply(first(ctl, "aple"), MenuResult(MenuAction.PICK, "apple"))
    listing = ctl.diff_listing()
    assert listing.title == "First"
    assert listing.compact_lines == ['line 1: "aple" -> "apple"', 'line 3: "Qwix" -> "Quix"']
    assert [ctl.review.corrected_text[o:o + 4] for o in listing.offsets] == ["appl", "Quix"]
    assert "-We ate aple pie" in listing.unified and "+We ate apple pie" in listing.unified


@sync
async def test_run_menu_review_mode_in_the_reader_app(app) -> None:
    """The whole flow by keys inside the real app (its CSS and theme): pick, ignore once,
    replace in the library after the confirmation, then the review ends by itself."""
    from tests.ui.conftest import article_id, fake_analyzer

    lib = app.library
    aid = article_id(lib, "Harbour")
    ctl = CorrectionController(ArticleSession.open(lib, aid, analyzer=fake_analyzer, editor=Editor(lib)))
    outcomes: list = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article(aid)
        await pilot.pause()
        run_menu(app, ctl, ctl.next_open(0), outcomes.append, review_mode=True)
        await pilot.pause()
        assert isinstance(app.screen, SuggestionMenu) and app.screen.finding.text == "ministr"
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.finding.text == "the the"
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.finding.text == "ministr"
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, ReplaceAllConfirm) and app.screen.total == 1
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, (SuggestionMenu, ReplaceAllConfirm))
    assert [c.replacement for c in lib.corrections(aid)] == ["minister", "minister"]
    assert [i.text for i in lib.ignores(aid)] == ["the the"]
    assert [o.message.split(" ·")[0] for o in outcomes] == [
        'Correct "ministr" -> "minister"', 'Ignore "the the" here',
        'Replace 1 × "ministr" -> "minister" in 1 article']
    assert outcomes[-1].finding is None and ctl.review.findings == []


@sync
async def test_run_menu_cancelled_replace_all_changes_nothing(app) -> None:
    from tests.ui.conftest import article_id, fake_analyzer

    lib = app.library
    aid = article_id(lib, "Harbour")
    ctl = CorrectionController(ArticleSession.open(lib, aid, analyzer=fake_analyzer, editor=Editor(lib)))
    outcomes: list = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        run_menu(app, ctl, ctl.next_open(0), outcomes.append, position_hint=lambda f: (5, 5))
        await pilot.pause()
        await pilot.press("R", "n")
        await pilot.pause()
        run_menu(app, ctl, ctl.next_open(0), outcomes.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert lib.corrections(aid) == [] and [o.message for o in outcomes] == ["Replace all: cancelled", ""]
    assert all(o.change is None and o.finding.text == "ministr" for o in outcomes)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(["aple", "blorp", "Qwix", "a", "egg", "ok"]), min_size=1, max_size=8),
    picks=st.lists(st.booleans(), min_size=30, max_size=30),
)
def test_review_mode_always_ends_with_nothing_open(library, words, picks) -> None:
    """Stepping with the menu open and either picking the top suggestion or ignoring
    never skips a finding (even ones a fix creates behind the cursor) and always ends."""
    aid = library.add_article(" ".join(words) + ".\n", title="P").info.id
    review = Review.for_article(library, aid, analyzer=fake_analyze, memory=LibraryMemory(library))
    ctl = CorrectionController(ArticleSession(library, review, editor=Editor(library)))
    start = len(review.findings)
    f, steps = ctl.next_open(0), 0
    while f is not None:
        pick = picks[steps % len(picks)] and f.suggestions
        result = MenuResult(MenuAction.PICK, f.suggestions[0]) if pick else MenuResult(MenuAction.IGNORE_ONCE)
        f = ctl.apply(f, result).finding
        steps += 1
        assert steps <= 2 * start
    assert review.findings == []


@sync
async def test_word_screen_offset_points_at_the_word(app) -> None:
    from tests.ui.conftest import article_id, open_article, wait_until

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        await wait_until(pilot, lambda: bool(screen.analysis.findings))
        view = screen.view
        f = screen.analysis.findings[1]
        x, y = word_screen_offset(view, f.start)
        region = view.content_region
        strip = view.render_line(y - region.y)
        assert strip.crop(x - region.x, x - region.x + len(f.text)).text == f.text
        assert word_screen_offset(view, len(view.document.text) - 2) is None  # off screen
