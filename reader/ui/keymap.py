"""The user's keymap: ``keymap.toml`` in the config folder rebinds keys by binding id
(as posting does), with one clear message per line that cannot be used.

Every binding of the app has an id (the ``?`` screen shows them); the file maps ids to
keys, several keys comma-separated::

    # ~/.config/reader/keymap.toml   (READER_CONFIG moves the folder)
    next-error = "e,ctrl+n"
    fix = "space"

(a ``[keymap]`` table is accepted too). An unknown id, a value that is not a string, or a
key that would then do two things on one screen is reported and that entry skipped; the
rest applies through Textual's ``App.set_keymap``.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from textual.binding import Binding
from textual.keys import KEY_NAME_REPLACEMENTS

FILE_NAME = "keymap.toml"


def keymap_path() -> Path:
    from reader.paths import user_config_dir

    return user_config_dir() / FILE_NAME


def normalise_key(key: str) -> str:
    """``?`` -> ``question_mark``, ``/`` -> ``slash``: the names bindings use."""
    key = key.strip()
    if len(key) == 1 and not key.isalnum():
        name = unicodedata.name(key, key).lower().replace(" ", "_").replace("-", "_")
        return KEY_NAME_REPLACEMENTS.get(name, name)
    return key


def split_keys(keys: str) -> list[str]:
    return [normalise_key(k) for k in keys.split(",") if k.strip()]


def binding_scopes() -> dict[str, list[Binding]]:
    """Where bindings apply together: each screen's own bindings plus the app's (active
    on every screen), by a readable scope name."""
    from reader.ui.app_keys import APP_BINDINGS
    from reader.ui.dialogs.add_files import AddFilesDialog
    from reader.ui.dialogs.free_edit import FreeEditDialog
    from reader.ui.dialogs.hide_kinds import HideKindsDialog
    from reader.ui.dialogs.replace_all import ReplaceAllConfirm
    from reader.ui.dialogs.suggestions import SuggestionMenu
    from reader.ui.screens.library import LibraryScreen
    from reader.ui.screens.reading import ReadingScreen
    from reader.ui.screens.names_table import NamesScreen
    from reader.ui.screens.search import SearchScreen
    from reader.ui.screens.side_by_side import SideBySideScreen
    from reader.ui.screens.stories import StoriesScreen

    app = [b for b in APP_BINDINGS if isinstance(b, Binding)]
    screens = {
        "library": LibraryScreen, "reading view": ReadingScreen, "suggestion menu": SuggestionMenu,
        "full-text search": SearchScreen, "add dialog": AddFilesDialog, "replace-all question": ReplaceAllConfirm,
        "change dialog": FreeEditDialog, "show/hide dialog": HideKindsDialog,
        "stories": StoriesScreen, "story names": NamesScreen, "side by side": SideBySideScreen,
    }
    scopes = {"app": app}
    for name, cls in screens.items():
        scopes[name] = [b for b in cls.BINDINGS if isinstance(b, Binding)] + app
    return scopes


@dataclass
class Keymap:
    """The usable entries (id -> keys) and one message per entry that is not."""

    bindings: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def check_keymap(entries: Mapping[str, object], scopes: Mapping[str, Iterable[Binding]], where: str) -> Keymap:
    """Validate ``entries`` (id -> keys) against the bindings of ``scopes``."""
    known = {b.id for bindings in scopes.values() for b in bindings if b.id}
    out = Keymap()
    for ident, keys in entries.items():
        if ident not in known:
            close = sorted(k for k in known if ident.split("-")[0] in k)[:3]
            hint = f" (did you mean {', '.join(close)}?)" if close else " (the ? screen lists every id)"
            out.problems.append(f"{where}: unknown binding id {ident!r}{hint}")
        elif not isinstance(keys, str) or not split_keys(keys):
            out.problems.append(f"{where}: {ident} must be a string of keys, e.g. {ident} = \"ctrl+e\"")
        else:
            out.bindings[ident] = ",".join(split_keys(keys))
    for scope, bindings in scopes.items():
        owner: dict[str, str] = {}
        for b in bindings:
            if not b.id:
                continue
            keys = split_keys(out.bindings.get(b.id, b.key))
            for key in keys:
                other = owner.get(key)
                if other is not None and other != b.id and (b.id in out.bindings or other in out.bindings):
                    mine = b.id if b.id in out.bindings else other
                    out.problems.append(f"{where}: {key!r} would do both {other} and {b.id} in the {scope}; "
                                        f"{mine} keeps its own keys")
                    out.bindings.pop(mine, None)
                else:
                    owner.setdefault(key, b.id)
    return out


def load_keymap(path: Path | None = None, scopes: Mapping[str, Iterable[Binding]] | None = None) -> Keymap:
    """Read ``keymap.toml`` (none: an empty keymap); never raises for a bad file."""
    path = path or keymap_path()
    if not path.is_file():
        return Keymap()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Keymap(problems=[f"{path}: cannot read it ({exc}); using the default keys"])
    entries = data.get("keymap", data) if isinstance(data.get("keymap", data), dict) else {}
    return check_keymap(entries, scopes if scopes is not None else binding_scopes(), str(path))
