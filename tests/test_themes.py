"""Theme files: every packaged theme is complete and readable; broken user files are
reported (file + field) and skipped; contrast maths matches WCAG."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader import themes as T
from reader.cli import main as cli_main

PACKAGED = T.load_packaged_themes()
PACKAGED_BY_NAME = {spec.name: spec for spec in PACKAGED}

VALID_USER_THEME = """\
name = "my-night"
dark = true
description = "mine"

[colors]
primary = "#88aaff"
foreground = "#eeeeee"
background = "#101010"

[variables]
reader-person = "#99ccff"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- packaged


def test_the_five_promised_themes_are_packaged():
    names = set(PACKAGED_BY_NAME)
    assert {
        "reader-dark",
        "reader-light",
        "reader-high-contrast",
        "reader-okabe-ito",
        "reader-sepia",
    } <= names
    assert T.DEFAULT_THEME in names
    assert PACKAGED_BY_NAME["reader-light"].dark is False


def test_packaged_dir_is_the_repo_themes_folder_in_a_source_checkout():
    folder = T.packaged_themes_dir()
    assert folder.name in ("themes", "_themes")
    assert len(list(folder.glob("*.toml"))) == len(PACKAGED)


@pytest.mark.parametrize("spec", PACKAGED, ids=lambda s: s.name)
def test_packaged_theme_sets_its_colours(spec: T.ThemeSpec):
    """A packaged theme may leave a kind out (it gets the registry's default, see
    tests/test_kinds.py); today's themes set every one."""
    raw = tomllib.loads(spec.path.read_text(encoding="utf-8"))
    assert set(raw["variables"]) == set(T.VARIABLE_NAMES) - set(spec.inherited)
    for key in ("primary", "secondary", "accent", "foreground", "background", "surface",
                "panel", "error", "warning", "success"):
        assert key in raw["colors"], f"{spec.name} lacks colors.{key}"
    assert spec.source == "packaged"
    assert spec.path.stem == spec.name  # one file per theme, named after it


@pytest.mark.parametrize("spec", PACKAGED, ids=lambda s: s.name)
def test_packaged_theme_meets_its_contrast_floor(spec: T.ThemeSpec):
    """Every highlight vs surface and background, foreground on every tint, every text
    highlight inside every tint: >= 4.5 for high-contrast, >= 3.0 for the rest."""
    assert T.contrast_problems(spec) == []
    worst = min(p.ratio for p in T.contrast_pairs(spec) + T.highlight_on_tint_pairs(spec))
    assert worst >= T.contrast_floor(spec)


def test_high_contrast_theme_is_wcag_aa_for_every_highlight():
    spec = PACKAGED_BY_NAME["reader-high-contrast"]
    for var in T.HIGHLIGHT_VARIABLES:
        colour = spec.variables[var.name]
        if var.role == T.TEXT:
            assert T.contrast_ratio(colour, spec.background) >= 4.5, var.name
            assert T.contrast_ratio(colour, spec.colors["surface"]) >= 4.5, var.name
        else:
            assert T.contrast_ratio(spec.foreground, colour) >= 4.5, var.name


@pytest.mark.parametrize("spec", PACKAGED, ids=lambda s: s.name)
def test_kinds_and_labels_have_distinct_colours_within_a_theme(spec: T.ThemeSpec):
    for group in ("entity", "finding", "record", "cursor"):
        colours = [spec.variables[v.name] for v in T.HIGHLIGHT_VARIABLES if v.group == group]
        assert len(set(colours)) == len(colours), f"{spec.name}: repeated {group} colour"


def test_okabe_ito_theme_draws_labels_and_kinds_from_the_okabe_ito_palette():
    # Okabe & Ito (2002); black is drawn as white on the theme's black page.
    palette = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
               "#ffffff"}
    spec = PACKAGED_BY_NAME["reader-okabe-ito"]
    for var in T.HIGHLIGHT_VARIABLES:
        if var.group in ("entity", "finding") and var.name not in spec.inherited:
            assert spec.variables[var.name] in palette, var.name


def test_variable_list_matches_the_ui_documentation():
    from reader.ui import theme_vars

    assert set(T.VARIABLE_NAMES) == set(theme_vars.ALL_KEYS)


def test_theme_modules_stay_headless():
    code = (
        "import sys, reader.themes, reader.cli.themes\n"
        "reader.themes.load_all_themes()\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------- colour maths


def test_contrast_ratio_known_values():
    assert T.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert T.contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # WebAIM's checker: #767676 on white is the classic 4.54:1
    assert T.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert T.parse_color("#AbC") == "#aabbcc"


hex_colours = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


@given(hex_colours, hex_colours)
def test_contrast_ratio_is_symmetric_and_bounded(a: str, b: str):
    ratio = T.contrast_ratio(a, b)
    assert ratio == pytest.approx(T.contrast_ratio(b, a))
    assert 1.0 <= ratio <= 21.0 + 1e-9


@pytest.mark.parametrize("bad", ["blue", "#12345", "#1234567g", "rgb(1,2,3)", 12, "#ff000080"])
def test_parse_color_rejects_non_hex_with_the_field_named(bad):
    with pytest.raises(T.ThemeError) as err:
        T.parse_color(bad, path="x.toml", field_name="variables.reader-person")
    assert "x.toml" in err.value.message and "variables.reader-person" in err.value.message


# ---------------------------------------------------------------------------- user themes

BROKEN = {
    "bad-toml.toml": ('name = "x"\ndark = \n', None, "not valid TOML"),
    "no-background.toml": (
        VALID_USER_THEME.replace('background = "#101010"\n', ""),
        "colors.background",
        "missing",
    ),
    "bad-colour.toml": (
        VALID_USER_THEME.replace('"#99ccff"', '"sky blue"'),
        "variables.reader-person",
        "expected a colour",
    ),
    "typo.toml": (
        VALID_USER_THEME.replace("background =", "backgorund ="),
        "colors.backgorund",
        "unknown colour",
    ),
    "unknown-var.toml": (
        VALID_USER_THEME + 'reader-persn = "#ffffff"\n',
        "variables.reader-persn",
        "unknown variable",
    ),
    "no-dark.toml": (VALID_USER_THEME.replace("dark = true\n", ""), "dark", "missing"),
    "clash.toml": (
        VALID_USER_THEME.replace('"my-night"', '"reader-dark"'),
        "name",
        "already a theme",
    ),
    "binary.toml": ("\udcff", None, "not UTF-8"),
    "escape.toml": (
        VALID_USER_THEME.replace('"mine"', '"\\u001b]52;c;aGk=\\u0007"'),
        "description",
        "control characters",
    ),
}


def test_broken_user_themes_are_reported_by_file_and_field_and_skipped(tmp_path: Path):
    folder = tmp_path / "config" / "themes"
    write(folder, "good.toml", VALID_USER_THEME)
    for file_name, (text, _field, _problem) in BROKEN.items():
        (folder / file_name).write_bytes(text.encode("utf-8", "surrogateescape"))

    catalog = T.load_all_themes()  # READER_CONFIG points at tmp_path/config
    assert "my-night" in catalog.names()
    assert set(PACKAGED_BY_NAME) <= set(catalog.names())
    by_file = {p.path.name: p for p in catalog.problems}
    assert set(by_file) == set(BROKEN)
    for file_name, (_text, field_name, problem) in BROKEN.items():
        err = by_file[file_name]
        assert file_name in err.message
        assert err.field_name == field_name
        if field_name:
            assert repr(field_name) in err.message
        assert problem in err.message
        assert "\n" not in err.message  # one line, as the CLI prints it


def test_user_theme_borrows_missing_highlights_from_the_matching_default(tmp_path: Path):
    folder = tmp_path / "themes"
    write(folder, "night.toml", VALID_USER_THEME)
    write(
        folder,
        "day.toml",
        VALID_USER_THEME.replace('"my-night"', '"my-day"').replace("dark = true", "dark = false"),
    )
    bare = VALID_USER_THEME.replace('"my-night"', '"my-bare"').split("[variables]")[0]
    write(folder, "bare.toml", bare)
    themes, problems = T.load_user_themes(PACKAGED, folder)
    assert problems == []
    by_name = {spec.name: spec for spec in themes}
    night, day = by_name["my-night"], by_name["my-day"]
    assert set(by_name["my-bare"].inherited) == set(T.VARIABLE_NAMES)
    assert night.variables["reader-person"] == "#99ccff"
    assert night.variables["reader-cursor"] == PACKAGED_BY_NAME["reader-dark"].variables["reader-cursor"]
    assert day.variables["reader-cursor"] == PACKAGED_BY_NAME["reader-light"].variables["reader-cursor"]
    assert "reader-person" not in night.inherited and "reader-cursor" in night.inherited
    assert night.colors["surface"] == night.background  # surface defaults to background
    assert night.source == "user"


def test_second_user_file_with_the_same_name_is_refused(tmp_path: Path):
    folder = tmp_path / "themes"
    write(folder, "a.toml", VALID_USER_THEME)
    write(folder, "b.toml", VALID_USER_THEME)
    themes, problems = T.load_user_themes(PACKAGED, folder)
    assert [t.name for t in themes] == ["my-night"]
    assert problems[0].path.name == "b.toml" and problems[0].field_name == "name"


def test_default_variables_cover_every_highlight():
    dark = T.default_variables(dark=True)
    assert set(dark) == set(T.VARIABLE_NAMES)
    assert dark != T.default_variables(dark=False)


# ---------------------------------------------------------------------------- CLI


def test_cli_lists_themes_with_mode_source_and_contrast(capsys):
    assert cli_main(["themes"]) == 0
    out = capsys.readouterr().out
    for name in PACKAGED_BY_NAME:
        assert name in out
    assert "reader-light" in out and "light" in out and "packaged" in out
    assert "user themes folder:" in out


def test_cli_reports_broken_user_theme_and_exits_1(tmp_path: Path, capsys):
    folder = tmp_path / "config" / "themes"
    write(folder, "good.toml", VALID_USER_THEME)
    write(folder, "oops.toml", VALID_USER_THEME.replace('"#99ccff"', '"nope"'))
    assert cli_main(["themes", "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    rows = {r["name"]: r for r in doc["themes"]}
    assert rows["my-night"]["source"] == "user"
    assert rows["reader-high-contrast"]["min_contrast"] >= 4.5
    assert doc["problems"][0]["field"] == "variables.reader-person"
    assert "oops.toml" in doc["problems"][0]["message"]

    assert cli_main(["themes"]) == 1
    out = capsys.readouterr().out
    assert "skipped:" in out and "oops.toml" in out and "variables.reader-person" in out
