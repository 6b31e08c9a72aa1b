"""Typed settings: one accessor per key of the library's settings table.

The table itself is an untyped key-value store owned by :class:`reader.store.Library`;
every part of reader reads and writes it through :class:`Settings`, so each key has one
type, one default and one validation, and read-modify-writes run inside the store's lock
(:meth:`Library.update_setting`). Add a key here (docs/ARCHITECTURE.md, "Adding a
setting"). The undo history has a file of its own (:mod:`reader.editing`).
"""

from __future__ import annotations

from typing import Any

#: Readable text width the reading view accepts (``+``/``-`` change it).
WRAP_MIN, WRAP_MAX = 24, 240


class Settings:
    """``Settings(lib)``: the library's settings, typed. Reads never raise on a value of
    the wrong type (a hand-edited or older library): they give the default."""

    THEME = "theme"
    WRAP_WIDTH = "wrap_width"
    EXPORT_DIR = "export_dir"
    EXPORT_FORMAT = "export_format"
    SAMPLES_SEEDED = "samples_seeded"
    FEEDS = "feeds"
    FEEDS_FORGOTTEN = "feeds_forgotten"
    STORY_PINS = "stories.pins"
    STORY_CHOICES = "stories.choices"
    STORY_NAMES = "stories.names"
    SENSITIVITY = "sensitivity"
    HIDDEN_KINDS = "hidden_kinds"
    LAST_READ = "last_read"
    #: The sensitivity levels in the order the reading view's key cycles them.
    SENSITIVITY_ORDER = ("balanced", "thorough", "strict")

    def __init__(self, lib: Any) -> None:
        self.lib = lib

    def _get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = self.lib.get_setting(key)
        return value if isinstance(value, kind) and not (kind is int and isinstance(value, bool)) else default

    # ------------------------------------------------------------------ appearance
    @property
    def theme(self) -> str | None:
        """The last theme chosen in the app."""
        return self._get(self.THEME, str)

    def set_theme(self, name: str) -> None:
        self.lib.set_setting(self.THEME, str(name))

    @property
    def wrap_width(self) -> int | None:
        """The reading view's text width, if one was chosen (``WRAP_MIN``..``WRAP_MAX``)."""
        width = self._get(self.WRAP_WIDTH, int)
        return width if width is not None and WRAP_MIN <= width <= WRAP_MAX else None

    def set_wrap_width(self, width: int) -> None:
        self.lib.set_setting(self.WRAP_WIDTH, max(WRAP_MIN, min(WRAP_MAX, int(width))))

    # ------------------------------------------------------------------ sensitivity
    @property
    def sensitivity(self) -> str:
        """The findings' sensitivity level, ``balanced`` when unset or unknown."""
        level = self._get(self.SENSITIVITY, str)
        return level if level in self.SENSITIVITY_ORDER else "balanced"

    def cycle_sensitivity(self) -> str:
        """Store the level after the current one and return it."""
        order = self.SENSITIVITY_ORDER
        level = order[(order.index(self.sensitivity) + 1) % len(order)]
        self.lib.set_setting(self.SENSITIVITY, level)
        return level

    # ------------------------------------------------------------------ reading view
    @property
    def hidden_kinds(self) -> frozenset[str]:
        """The finding kinds the person hid in the reading view (``h``)."""
        stored = self._get(self.HIDDEN_KINDS, list, [])
        return frozenset(k for k in stored if isinstance(k, str))

    def set_hidden_kinds(self, kinds: frozenset[str] | set[str]) -> None:
        self.lib.set_setting(self.HIDDEN_KINDS, sorted(kinds))

    @property
    def last_read(self) -> str | None:
        """The article the library's cursor returns to (the one opened last)."""
        return self._get(self.LAST_READ, str)

    def set_last_read(self, article_id: str) -> None:
        self.lib.set_setting(self.LAST_READ, str(article_id))

    # ------------------------------------------------------------------ export dialog
    @property
    def export_dir(self) -> str | None:
        return self._get(self.EXPORT_DIR, str)

    @property
    def export_format(self) -> str | None:
        return self._get(self.EXPORT_FORMAT, str)

    def set_export(self, folder: str, format_name: str) -> None:
        self.lib.set_setting(self.EXPORT_DIR, str(folder))
        self.lib.set_setting(self.EXPORT_FORMAT, str(format_name))

    # ------------------------------------------------------------------ samples
    @property
    def samples_seeded(self) -> bool:
        return bool(self._get(self.SAMPLES_SEEDED, bool, False))

    def mark_samples_seeded(self) -> None:
        self.lib.set_setting(self.SAMPLES_SEEDED, True)

    # ------------------------------------------------------------------ feeds
    @property
    def feeds(self) -> list[dict[str, Any]]:
        """The remembered feeds' records (see :mod:`reader.importers.feedlist`)."""
        return _records(self.lib.get_setting(self.FEEDS))

    def update_feeds(self, change) -> list[dict[str, Any]]:
        """``change(records) -> records`` under the lock; the new records."""
        return self.lib.update_setting(self.FEEDS, lambda value: change(_records(value)), [])

    @property
    def forgotten_feeds(self) -> list[str]:
        return _strings(self.lib.get_setting(self.FEEDS_FORGOTTEN))

    def update_forgotten_feeds(self, change) -> list[str]:
        return self.lib.update_setting(self.FEEDS_FORGOTTEN, lambda value: change(_strings(value)), [])


    # ------------------------------------------------------------------ stories
    @property
    def story_pins(self) -> dict[str, str]:
        """Article id -> story label a person pinned it to (merge/split)."""
        return {k: v for k, v in _mapping(self.lib.get_setting(self.STORY_PINS)).items() if isinstance(v, str)}

    def update_story_pins(self, change) -> dict[str, str]:
        return self.lib.update_setting(self.STORY_PINS, lambda value: change(_mapping(value)), {})

    @property
    def story_choices(self) -> dict[str, Any]:
        """Folded name spelling -> the spelling a person chose for its name."""
        return _mapping(self.lib.get_setting(self.STORY_CHOICES))

    def update_story_choices(self, change) -> dict[str, Any]:
        return self.lib.update_setting(self.STORY_CHOICES, lambda value: change(_mapping(value)), {})

    @property
    def story_names(self) -> dict[str, Any]:
        """Article id -> {variant spelling: preferred spelling} from its story's table."""
        return _mapping(self.lib.get_setting(self.STORY_NAMES))

    def update_story_names(self, change) -> dict[str, Any]:
        return self.lib.update_setting(self.STORY_NAMES, lambda value: change(_mapping(value)), {})

    def reconciled_names(self, article_id: str) -> dict[str, str]:
        """{variant spelling: preferred spelling} for one article (for the variant check)."""
        found = self.story_names.get(article_id)
        if not isinstance(found, dict):
            return {}
        return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}


def _mapping(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _records(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []
    return [dict(r) for r in value if isinstance(r, dict) and r.get("source")]


def _strings(value: Any) -> list[str]:
    return [s for s in value if isinstance(s, str)] if isinstance(value, list) else []
