"""Stories of a stored library: grouping, names tables, applying names, a person's choices.

Everything here reads and writes through :class:`reader.store.Library` (the only TinyDB
owner, see docs/ARCHITECTURE.md); what is kept lives in three settings:

- ``stories.pins``: article id -> story label, the splits and merges a person made;
- ``stories.choices``: folded spelling -> the spelling a person chose for its name;
- ``stories.names``: article id -> {variant spelling: preferred spelling}, the reconciled
  names of the article's story, written whenever a names table is computed, read by the
  analysis context so a name its story spells otherwise is a ``variant`` finding.

Corrections go through :class:`reader.editing.Editor`, so applying a story's names is one
undo step, shown in each article's corrections diff.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reader.errors import InputError
from reader.settings import Settings
from reader.stories.features import Features, extract, fold
from reader.stories.grouping import Story, StoryIndex
from reader.stories.names import NameCluster, names_table, variant_map
from reader.wording import counted


#: (article id, text sha256) -> features: texts never change, so neither do features.
_FEATURES: dict[tuple[str, str], Features] = {}


def pins(lib: Any) -> dict[str, str]:
    return Settings(lib).story_pins


def features_of(lib: Any, info: Any) -> Features:
    """An article's grouping features (cached for the process: texts are immutable)."""
    key = (info.id, info.sha256)
    found = _FEATURES.get(key)
    if found is None:
        found = _FEATURES[key] = extract(lib.get_text(info.id), info.meta)
    return found


def build_index(lib: Any) -> StoryIndex:
    """Group every article of the library, keeping a person's splits and merges."""
    infos = lib.list_articles()
    return StoryIndex.build(((i.id, features_of(lib, i)) for i in infos), pins(lib))


def list_stories(lib: Any, index: StoryIndex | None = None) -> list[Story]:
    """Stories of two or more articles, numbered by their position in this list."""
    return (index or build_index(lib)).stories()


def resolve_story(lib: Any, ref: str, stories: Sequence[Story], index: StoryIndex | None = None) -> Story:
    """A story by its number in ``reader stories`` or by any of its articles' ids."""
    ref = ref.strip()
    if ref.isdigit() and 1 <= int(ref) <= len(stories) and len(ref) <= 4:
        return stories[int(ref) - 1]
    from reader.errors import NotFoundError

    try:
        article_id = lib.resolve_id(ref)
    except NotFoundError:
        if ref.isdigit():
            raise InputError(f"no story {ref}: there are {len(stories)} (see `reader stories`)") from None
        raise
    for story in stories:
        if article_id in story.article_ids:
            return story
    raise InputError(f"article {article_id} is in no story (it resembles no other article)")


# --------------------------------------------------------------------------- names


@dataclass(frozen=True)
class StoryNames:
    """A story's names table and what it was computed from (corrected texts)."""

    story: Story
    clusters: tuple[NameCluster, ...]

    def variants(self) -> dict[str, dict[str, str]]:
        return variant_map(self.clusters)

    def to_json(self) -> dict[str, Any]:
        return {"story": self.story.key, "articles": list(self.story.article_ids),
                "names": [c.to_json() for c in self.clusters]}


def _user_names(lib: Any, article_ids: Iterable[str]) -> tuple[str, ...]:
    from reader.review import corrected_names

    return corrected_names(c for aid in article_ids for c in lib.corrections(aid))


def story_names(lib: Any, story: Story, *, remember: bool = True) -> StoryNames:
    """The names table of ``story`` over its articles' corrected texts; with ``remember``
    its reconciled names are stored for the ``variant`` check."""
    from reader.analysis.entities import find_entities
    from reader.analysis.gazetteer import get_gazetteer
    from reader.analysis.lexicon import get_lexicon
    from reader.corrections import project

    lexicon = get_lexicon()
    docs = []
    for aid in story.article_ids:
        corrected, _ = project(lib.get_text(aid), lib.corrections(aid))
        docs.append((aid, corrected, find_entities(corrected, lexicon)))
    clusters = names_table(docs, lexicon=lexicon, gazetteer=get_gazetteer(),
                           choices=Settings(lib).story_choices, user_names=_user_names(lib, story.article_ids))
    result = StoryNames(story, tuple(clusters))
    if remember:
        remember_names(lib, story.article_ids, result.variants())
    return result


def remember_names(lib: Any, article_ids: Iterable[str], variants: Mapping[str, Mapping[str, str]]) -> None:
    """Store the reconciled names of these articles (replacing what was kept for them)."""
    ids = list(article_ids)

    def change(kept: dict[str, Any]) -> dict[str, Any]:
        new = dict(kept)
        for aid in ids:
            new.pop(aid, None)
            if variants.get(aid):
                new[aid] = dict(variants[aid])
        return new

    if change(Settings(lib).story_names) != Settings(lib).story_names:
        Settings(lib).update_story_names(change)


def reconciled_names(lib: Any, article_id: str) -> dict[str, str]:
    """{variant spelling: preferred spelling} for an article, from its story's table."""
    return Settings(lib).reconciled_names(article_id)


def choose(lib: Any, cluster: NameCluster, spelling: str) -> None:
    """Remember ``spelling`` as a person's choice for every spelling of ``cluster``."""
    if spelling not in {s.text for s in cluster.spellings}:
        raise InputError(f"{spelling!r} is not a spelling of {cluster.preferred!r}")
    def change(choices: dict[str, Any]) -> dict[str, Any]:
        for s in cluster.spellings:
            choices[fold(s.text)] = spelling
        return choices

    Settings(lib).update_story_choices(change)


# --------------------------------------------------------------------------- applying


def plan_apply(lib: Any, names: StoryNames) -> dict[str, list[tuple[int, int, str, str | None]]]:
    """Article id -> corrections (original-text start, end, preferred spelling, "variant")
    that give every variant of every name its preferred spelling. Occurrences inside an
    existing correction are left alone."""
    from reader.corrections import overlaps, project, word_occurrences

    out: dict[str, list[tuple[int, int, str, str | None]]] = {}
    for aid in names.story.article_ids:
        text = lib.get_text(aid)
        existing = lib.corrections(aid)
        corrected, omap = project(text, existing)
        edits = []
        for cluster in names.clusters:
            for spelling in cluster.variants:
                if not spelling.counts.get(aid):
                    continue
                for cs, ce in word_occurrences(corrected, spelling.text):
                    s, e = omap.span_to_original(cs, ce)
                    if text[s:e] != spelling.text or any(overlaps(s, e, c.start, c.end) for c in existing):
                        continue
                    edits.append((s, e, cluster.preferred, "variant"))
        if edits:
            out[aid] = sorted(edits)
    return out


def apply_names(editor: Any, names: StoryNames):
    """Apply the preferred spellings across the story: one undo step (an Editor Change)."""
    plan = plan_apply(editor.lib, names)
    count = sum(map(len, plan.values()))
    desc = f"apply {counted(count, 'preferred name spelling')} in {counted(len(plan), 'article')} of story {names.story.key}"
    return editor.correct_across(plan, desc)


# --------------------------------------------------------------------------- split & merge


def _new_label() -> str:
    from reader.store import new_id

    return new_id()


def merge(lib: Any, stories: Sequence[Sequence[str]]) -> str:
    """Make these groups of article ids one story, kept through later regrouping."""
    ids = [aid for group in stories for aid in group]
    if len(set(ids)) < 2:
        raise InputError("a merge needs at least two articles")
    label = _new_label()

    def change(current: dict[str, Any]) -> dict[str, Any]:
        current.update({aid: label for aid in ids})
        return current

    Settings(lib).update_story_pins(change)
    return label


def split(lib: Any, story: Story, moved: Sequence[str]) -> str:
    """Move ``moved`` out of ``story`` into a story of their own; the rest stays together."""
    moved_set = set(moved)
    if not moved_set or not moved_set <= set(story.article_ids):
        raise InputError("split: name articles of the story")
    rest = [aid for aid in story.article_ids if aid not in moved_set]
    if not rest:
        raise InputError("split: leave at least one article in the story")
    label = _new_label()

    def change(current: dict[str, Any]) -> dict[str, Any]:
        keep = next((current[a] for a in rest if a in current), None) or _new_label()
        current.update({aid: keep for aid in rest})
        current.update({aid: label for aid in moved_set})
        return current

    Settings(lib).update_story_pins(change)
    return label
