"""Theme files: find, parse, validate and measure them — without importing textual.

A theme is one TOML file: the Textual ``Theme`` colours under ``[colors]`` plus the app's
own ``reader-*`` highlight colours under ``[variables]``. The packaged themes live in the
repository's ``themes/`` folder (``reader/_themes`` inside a wheel); people add their own in
``<user config dir>/themes/*.toml``. This module turns a file into a :class:`ThemeSpec`
(plain data the UI converts with ``reader.ui.themes.to_textual_theme``) and computes WCAG
contrast ratios, so the CLI, the tests and the app share one definition of "readable".

A user's broken file must never stop the app: :func:`load_user_themes` returns the good
themes and a :class:`ThemeError` per bad file, each naming the file and the field.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from reader import kinds
from reader.errors import ReaderError

#: The theme the app starts in when nothing else is chosen.
DEFAULT_THEME = "reader-dark"
#: Default theme for light terminals; a user theme missing highlight colours borrows them
#: from whichever of the two defaults matches its ``dark`` flag.
DEFAULT_LIGHT_THEME = "reader-light"

#: Textual ``Theme`` colour fields a theme file may give under ``[colors]``.
COLOR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "error",
    "warning",
    "success",
    "boost",
)
#: Colour fields every theme file must give (the rest Textual derives from ``primary``).
REQUIRED_COLOR_FIELDS = ("primary", "foreground", "background")

#: How a highlight variable is drawn, which decides what its contrast is measured against:
#: TEXT colours the highlighted text itself (vs each backdrop), TINT is a background under
#: normal text (foreground vs it).
TEXT, TINT = kinds.TEXT, kinds.TINT


@dataclass(frozen=True)
class HighlightVariable:
    """One of the app's ``reader-*`` theme variables."""

    name: str
    group: str  # "entity", "finding", "record" or "cursor"
    role: str  # TEXT or TINT
    meaning: str


#: Every variable the reading view draws from, one per kind of the registry
#: (:mod:`reader.kinds`). Spacing and ocr are drawn reversed (colour behind
#: background-coloured text): the pair, and so the ratio, is the same as for coloured text.
HIGHLIGHT_VARIABLES: tuple[HighlightVariable, ...] = tuple(
    HighlightVariable(k.variable, k.group, k.role, k.meaning) for k in kinds.REGISTRY
)
VARIABLE_NAMES = tuple(v.name for v in HIGHLIGHT_VARIABLES)
_VARIABLES_BY_NAME = {v.name: v for v in HIGHLIGHT_VARIABLES}

#: WCAG AA for normal text: every highlight of a "high-contrast" theme meets it, on the
#: plain backdrops and inside every tint.
HIGH_CONTRAST_FLOOR = 4.5
#: Floor for every other packaged theme, on backdrops and inside tints: WCAG AA for large
#: text and UI components (1.4.11). Highlighted words are also set apart by text style
#: (bold, underline...), so colour is a second cue, but below 3:1 it is no cue at all.
PACKAGED_FLOOR = 3.0
#: Body text (foreground on surface/background) of every packaged theme: WCAG AAA.
BODY_TEXT_FLOOR = 7.0
#: A tint must differ visibly from the reading surface it is drawn on.
TINT_VISIBILITY_FLOOR = 1.2

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_HEX_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_TOP_LEVEL_KEYS = {"name", "dark", "description", "colors", "variables"}


class ThemeError(ReaderError):
    """A theme file cannot be used; the message names the file and the field."""

    def __init__(self, path: Path | str | None, field_name: str | None, problem: str) -> None:
        self.path = Path(path) if path is not None else None
        self.field_name = field_name
        self.problem = problem
        where = str(path) if path is not None else "<theme>"
        if field_name:
            where += f": field {field_name!r}"
        super().__init__(f"theme {where}: {problem}")


@dataclass(frozen=True)
class ThemeSpec:
    """A validated theme, as plain data. Colours are normalised to ``#rrggbb``."""

    name: str
    dark: bool
    colors: Mapping[str, str]
    variables: Mapping[str, str]
    description: str = ""
    source: str = "packaged"  # "packaged" or "user"
    path: Path | None = None
    #: reader-* variables the file left out, borrowed from the matching default theme.
    inherited: tuple[str, ...] = field(default=())

    @property
    def background(self) -> str:
        return self.colors["background"]

    @property
    def foreground(self) -> str:
        return self.colors["foreground"]


@dataclass(frozen=True)
class ThemeCatalog:
    """Every usable theme (packaged first, then user) and the problems with the rest."""

    themes: tuple[ThemeSpec, ...]
    problems: tuple[ThemeError, ...]

    def names(self) -> list[str]:
        return [t.name for t in self.themes]

    def get(self, name: str) -> ThemeSpec | None:
        return next((t for t in self.themes if t.name == name), None)


# ---------------------------------------------------------------------------- colour maths


def parse_color(value: object, *, path: Path | str | None = None, field_name: str = "") -> str:
    """``#rgb`` or ``#rrggbb`` -> ``#rrggbb`` (lower case); anything else is a ThemeError.

    Only opaque hex colours are accepted: a contrast ratio needs a definite colour, and
    every terminal Textual supports can show them.
    """
    if not isinstance(value, str) or not _HEX_RE.match(value.strip()):
        shown = repr(value) if not isinstance(value, str) else f'"{value}"'
        raise ThemeError(path, field_name, f'expected a colour like "#1e2430", got {shown}')
    digits = value.strip()[1:].lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """WCAG 2.x relative luminance of an ``#rrggbb`` colour (0 black .. 1 white)."""
    hex_ = parse_color(color)
    r, g, b = (int(hex_[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1.0 (same) .. 21.0 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


@dataclass(frozen=True)
class ContrastPair:
    """One colour pair the reading view can draw, and its contrast ratio."""

    variable: str
    what: str  # e.g. "reader-person on surface", "foreground on reader-cursor"
    fg: str
    bg: str

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.fg, self.bg)


def backdrops(spec: ThemeSpec) -> dict[str, str]:
    """The plain backgrounds highlighted text sits on: the reading view is drawn on
    ``surface``, the legend bar on ``panel`` (when the theme sets it; Textual derives it
    otherwise), the rest of the app on ``background``."""
    out = {"surface": spec.colors["surface"], "background": spec.background}
    if "panel" in spec.colors:
        out["panel"] = spec.colors["panel"]
    return out


def contrast_pairs(spec: ThemeSpec) -> list[ContrastPair]:
    """Every highlight measured the way it is drawn (see ``reader/ui/theme_vars.py``).

    Text highlights (entities, findings; the reversed ones make the same pair) against
    each backdrop; tints (annotation, correction, cursor, selection, search) by the normal
    foreground text drawn on them.
    """
    pairs: list[ContrastPair] = []
    for var in HIGHLIGHT_VARIABLES:
        colour = spec.variables[var.name]
        if var.role == TEXT:
            for where, backdrop in backdrops(spec).items():
                pairs.append(ContrastPair(var.name, f"{var.name} on {where}", colour, backdrop))
        else:
            pairs.append(
                ContrastPair(var.name, f"foreground on {var.name}", spec.foreground, colour)
            )
    return pairs


def highlight_on_tint_pairs(spec: ThemeSpec) -> list[ContrastPair]:
    """Text highlights drawn inside a tinted span (an entity in an annotation, a finding
    under the cursor): stricter than :func:`contrast_pairs`, required of high-contrast."""
    texts = [v.name for v in HIGHLIGHT_VARIABLES if v.role == TEXT]
    tints = [v.name for v in HIGHLIGHT_VARIABLES if v.role == TINT]
    return [
        ContrastPair(t, f"{t} on {g}", spec.variables[t], spec.variables[g])
        for t in texts
        for g in tints
    ]


def minimum_contrast(spec: ThemeSpec) -> tuple[str, float]:
    """The least readable highlight of a theme and its contrast ratio."""
    worst = min(contrast_pairs(spec), key=lambda p: p.ratio)
    return worst.what, worst.ratio


def contrast_floor(spec: ThemeSpec) -> float:
    """The floor a packaged theme promises: 4.5 for high-contrast themes, else 3.0."""
    return HIGH_CONTRAST_FLOOR if "high-contrast" in spec.name else PACKAGED_FLOOR


def contrast_problems(spec: ThemeSpec, floor: float | None = None) -> list[str]:
    """Every way ``spec`` misses the readability promises of a packaged theme (empty when
    it keeps them all): highlights and highlights-inside-tints below ``floor`` (default
    :func:`contrast_floor`), body text below AAA, tints indistinguishable from the page."""
    floor = contrast_floor(spec) if floor is None else floor
    problems = [
        f"{p.what}: {p.ratio:.2f}:1 < {floor}:1"
        for p in contrast_pairs(spec) + highlight_on_tint_pairs(spec)
        if p.ratio < floor
    ]
    for where, backdrop in backdrops(spec).items():
        ratio = contrast_ratio(spec.foreground, backdrop)
        if ratio < BODY_TEXT_FLOOR:
            problems.append(f"foreground on {where}: {ratio:.2f}:1 < {BODY_TEXT_FLOOR}:1")
    for var in HIGHLIGHT_VARIABLES:
        if var.role == TINT:
            ratio = contrast_ratio(spec.variables[var.name], spec.colors["surface"])
            if ratio < TINT_VISIBILITY_FLOOR:
                problems.append(
                    f"{var.name} vs surface: {ratio:.2f}:1 < {TINT_VISIBILITY_FLOOR}:1 (invisible)"
                )
    return problems


# ---------------------------------------------------------------------------- parsing


def parse_theme(
    data: Mapping[str, object],
    *,
    path: Path | str | None = None,
    source: str = "packaged",
    fallback_variables: Mapping[str, str] | None = None,
) -> ThemeSpec:
    """Validate one theme document. Missing reader-* variables come from
    ``fallback_variables`` (user themes borrow from a default theme), else from the kinds
    registry's default for the theme's darkness (:func:`reader.kinds.default_colours`)."""
    unknown = sorted(set(data) - _TOP_LEVEL_KEYS)
    if unknown:
        raise ThemeError(
            path, unknown[0], f"unknown field; allowed: {', '.join(sorted(_TOP_LEVEL_KEYS))}"
        )

    name = data.get("name")
    if name is None:
        raise ThemeError(path, "name", "missing")
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise ThemeError(
            path, "name", f"expected lower-case letters, digits and '-', got {name!r}"
        )

    dark = data.get("dark")
    if dark is None:
        raise ThemeError(path, "dark", "missing (true for a dark background, false for light)")
    if not isinstance(dark, bool):
        raise ThemeError(path, "dark", f"expected true or false, got {dark!r}")

    description = data.get("description", "")
    if not isinstance(description, str):
        raise ThemeError(path, "description", f"expected a string, got {description!r}")
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in description):
        # it is printed by `reader themes`: no terminal escapes, one line
        raise ThemeError(path, "description", "control characters are not allowed")

    colors = _table(data, "colors", path)
    parsed_colors: dict[str, str] = {}
    for key, value in colors.items():
        if key not in COLOR_FIELDS:
            raise ThemeError(
                path, f"colors.{key}", f"unknown colour; allowed: {', '.join(COLOR_FIELDS)}"
            )
        parsed_colors[key] = parse_color(value, path=path, field_name=f"colors.{key}")
    for key in REQUIRED_COLOR_FIELDS:
        if key not in parsed_colors:
            raise ThemeError(path, f"colors.{key}", "missing")
    # The reading view is drawn on surface; without one it is the plain background
    # (Textual's own default surface would ignore the theme's background).
    parsed_colors.setdefault("surface", parsed_colors["background"])

    if "variables" not in data:
        variables: Mapping[str, object] = {}  # a theme may take every highlight
    else:
        variables = _table(data, "variables", path)
    parsed_vars: dict[str, str] = {}
    for key, value in variables.items():
        if key.startswith("reader-") and key not in _VARIABLES_BY_NAME:
            raise ThemeError(
                path, f"variables.{key}", f"unknown variable; known: {', '.join(VARIABLE_NAMES)}"
            )
        parsed_vars[key] = parse_color(value, path=path, field_name=f"variables.{key}")
    inherited = []
    registry_defaults = kinds.default_colours(dark)
    for key in VARIABLE_NAMES:
        if key in parsed_vars:
            continue
        if fallback_variables is not None and key in fallback_variables:
            parsed_vars[key] = fallback_variables[key]
        else:
            parsed_vars[key] = registry_defaults[key]
        inherited.append(key)

    return ThemeSpec(
        name=name,
        dark=dark,
        colors=MappingProxyType(parsed_colors),
        variables=MappingProxyType(parsed_vars),
        description=description,
        source=source,
        path=Path(path) if path is not None else None,
        inherited=tuple(inherited),
    )


def _table(data: Mapping[str, object], key: str, path: Path | str | None) -> Mapping[str, object]:
    value = data.get(key)
    if value is None:
        raise ThemeError(path, key, f"missing [{key}] table")
    if not isinstance(value, Mapping):
        raise ThemeError(path, key, f"expected a [{key}] table, got {value!r}")
    return value


def read_theme_file(path: Path) -> dict[str, object]:
    """The TOML document in ``path``; unreadable or malformed files are a ThemeError."""
    from reader.boundedjson import MAX_DEPTH, depth_exceeds
    from reader.errors import InputError
    from reader.textio import read_limited_bytes

    try:
        raw = read_limited_bytes(path, 1 << 20)  # a regular file of at most 1 MB
    except InputError as exc:
        raise ThemeError(path, None, f"cannot read: {exc.message.removeprefix(f'{path}: ')}") from None
    if depth_exceeds(raw):  # tomllib recurses per nested array or inline table
        raise ThemeError(path, None, f"nested more than {MAX_DEPTH} levels deep")
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ThemeError(path, None, "nested too deep to read") from None
    except UnicodeDecodeError:
        raise ThemeError(path, None, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(path, None, f"not valid TOML: {exc}") from None


def load_theme_file(
    path: Path, *, source: str = "packaged", fallback_variables: Mapping[str, str] | None = None
) -> ThemeSpec:
    return parse_theme(
        read_theme_file(path), path=path, source=source, fallback_variables=fallback_variables
    )


# ---------------------------------------------------------------------------- locations


def packaged_themes_dir() -> Path:
    """``reader/_themes`` inside an installed wheel, else the repository's ``themes/``."""
    package_dir = Path(__file__).resolve().parent
    bundled = package_dir / "_themes"
    if bundled.is_dir():
        return bundled
    return package_dir.parent / "themes"


def user_themes_dir() -> Path:
    from reader.paths import user_config_dir

    return user_config_dir() / "themes"


def _theme_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())


# ---------------------------------------------------------------------------- catalogue


def load_packaged_themes() -> list[ThemeSpec]:
    """Every packaged theme. A broken packaged file is a bug, so it raises."""
    specs = [load_theme_file(p, source="packaged") for p in _theme_files(packaged_themes_dir())]
    seen: set[str] = set()
    for spec in specs:
        if spec.name in seen:
            raise ThemeError(spec.path, "name", f"duplicate theme name {spec.name!r}")
        seen.add(spec.name)
    return specs


def load_user_themes(
    packaged: Iterable[ThemeSpec] | None = None, folder: Path | None = None
) -> tuple[list[ThemeSpec], list[ThemeError]]:
    """The user's valid themes and one error per file that cannot be used.

    A user theme may leave out reader-* variables: they come from ``reader-dark`` or
    ``reader-light`` (matching its ``dark`` flag). A name already taken by a packaged theme
    or an earlier user file is refused, so packaged themes keep their contrast promise.
    """
    packaged = list(load_packaged_themes() if packaged is None else packaged)
    by_name = {spec.name: spec for spec in packaged}
    taken = set(by_name)
    good: list[ThemeSpec] = []
    problems: list[ThemeError] = []
    for path in _theme_files(folder if folder is not None else user_themes_dir()):
        try:
            data = read_theme_file(path)
            dark = data.get("dark")
            base = by_name.get(DEFAULT_LIGHT_THEME if dark is False else DEFAULT_THEME)
            spec = parse_theme(
                data,
                path=path,
                source="user",
                fallback_variables=dict(base.variables) if base else None,
            )
            if spec.name in taken:
                raise ThemeError(
                    path, "name", f"{spec.name!r} is already a theme; choose another name"
                )
        except ThemeError as exc:
            problems.append(exc)
            continue
        taken.add(spec.name)
        good.append(spec)
    return good, problems


def load_all_themes(user_folder: Path | None = None) -> ThemeCatalog:
    """Packaged themes then user themes, with the problems of the user files left out."""
    packaged = load_packaged_themes()
    user, problems = load_user_themes(packaged, user_folder)
    return ThemeCatalog(themes=tuple(packaged + user), problems=tuple(problems))


def default_variables(dark: bool = True) -> dict[str, str]:
    """The reader-* values of the default dark (or light) theme: what an app can return
    from ``get_theme_variable_defaults`` so Textual's built-in themes get highlights too."""
    wanted = DEFAULT_THEME if dark else DEFAULT_LIGHT_THEME
    for spec in load_packaged_themes():
        if spec.name == wanted:
            return {key: spec.variables[key] for key in VARIABLE_NAMES}
    raise ThemeError(packaged_themes_dir(), None, f"packaged theme {wanted!r} is missing")
