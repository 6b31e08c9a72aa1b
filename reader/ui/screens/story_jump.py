"""From a name in the reading view to the same name in its story's other articles.

The story and its names table take a moment (grouping reads the library, the table runs
the entity detector over the story), so they are found in a worker thread; the side-by-side
view then opens with the current article on the left at the name and another report on the
right at the first place it writes the name, in whatever spelling.
"""

from __future__ import annotations

from typing import Any


def story_name_target(lib: Any, article_id: str, word: str) -> tuple[tuple[str, ...], tuple[str, ...], str] | str:
    """``(story article ids, spellings of the name, other article id)``, or a message
    saying why there is nowhere to go."""
    from reader.stories.features import fold
    from reader.stories.library import build_index, story_names
    from reader.stories.grouping import Story

    ids = build_index(lib).story_of(article_id)
    if len(ids) < 2:
        return "this article is in no story (it resembles no other article)"
    names = story_names(lib, Story(ids[0], ids), remember=False)
    cluster = next((c for c in names.clusters if fold(word) in {fold(s.text) for s in c.spellings}), None)
    spellings = tuple(s.text for s in cluster.spellings) if cluster else (word,)
    others = [a for a in ids if a != article_id]
    if cluster is not None:
        with_name = [a for a in others if any(s.counts.get(a) for s in cluster.spellings)]
        if not with_name:
            return f"the story's other articles do not name {word}"
        return ids, spellings, with_name[0]
    return ids, spellings, others[0]


def jump_to_same_name(screen: Any, offset: int) -> None:
    """Open the story's other article at the name at ``offset`` of the reading view."""
    from reader.ui.screens.reading_cursor import word_at

    text = screen.view.document.text
    span = word_at(text, offset)
    if span is None:
        screen.notify("put the cursor on a name (t: next entity, w: next word)", timeout=3)
        return
    word = text[span[0]:span[1]]
    app, article_id = screen.app, screen.article_id
    screen.notify(f"looking for {word} in the story's other articles…", timeout=2, markup=False)

    def work() -> None:
        found = story_name_target(app.library, article_id, word)
        app.call_from_thread(show, found)

    def show(found) -> None:
        if isinstance(found, str):
            app.notify(found, timeout=3, markup=False)
            return
        from reader.ui.screens.side_by_side import SideBySideScreen

        ids, spellings, other = found
        app.push_screen(SideBySideScreen(article_id, other, story_ids=ids, names=spellings, left_offset=span[0]))

    screen.run_worker(work, thread=True, exclusive=True, group="story-jump", exit_on_error=False)
