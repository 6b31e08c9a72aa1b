"""Every list of finding kinds and entity labels derives from the one registry
(``reader/kinds.py``), so adding a kind touches the registry and the check that finds it.

Each assertion compares a list used somewhere in the code with the registry itself, so a
new entry there shows up everywhere or fails here."""

from __future__ import annotations

import re

import pytest

from reader import kinds
from reader.kinds import ENTITIES, FINDINGS, REGISTRY

FINDING_NAMES = [k.name for k in FINDINGS]
ENTITY_NAMES = [k.name for k in ENTITIES]


def test_registry_is_well_formed():
    names = [k.name for k in REGISTRY]
    assert len(set(names)) == len(names)
    assert len({k.variable for k in REGISTRY}) == len(REGISTRY)
    assert sorted(k.priority for k in FINDINGS) == list(range(len(FINDINGS)))
    assert all(k.priority is None for k in REGISTRY if k.group != kinds.FINDING)
    for k in REGISTRY:
        assert re.fullmatch(r"#[0-9a-f]{6}", k.dark) and re.fullmatch(r"#[0-9a-f]{6}", k.light), k
        assert k.label and k.meaning, k


def test_model_enums_follow_the_registry():
    from reader.model import EntityLabel, FindingKind

    assert [k.value for k in FindingKind] == FINDING_NAMES
    assert [k.value for k in EntityLabel] == ENTITY_NAMES


def test_analysis_priority_covers_every_kind_in_registry_order():
    from reader.analysis import PRIORITY

    assert sorted(PRIORITY) == sorted(FINDING_NAMES)
    assert list(PRIORITY) == [k.name for k in sorted(FINDINGS, key=lambda k: k.priority)]


def test_every_check_module_is_found():
    """Checks are discovered, not listed: each module ``X`` with ``find_X``."""
    import pkgutil

    import reader.analysis.checks as package
    from reader.analysis import check_functions

    modules = [m.name for m in pkgutil.iter_modules(package.__path__)]
    found = {f.__name__ for f in check_functions()}
    expected = {f"find_{name}" for name in modules
                if hasattr(__import__(f"reader.analysis.checks.{name}", fromlist=["x"]), f"find_{name}")}
    assert found == expected and "find_spelling" in found


def test_cli_choices_follow_the_registry():
    from reader.cli import build_parser
    from reader.cli.common import FINDING_KINDS

    assert list(FINDING_KINDS) == FINDING_NAMES
    args = build_parser().parse_args(["fix", "1", "--apply-suggestions", FINDING_NAMES[-1]])
    assert args.apply_suggestions == [FINDING_NAMES[-1]]


def test_theme_variables_and_styles_follow_the_registry():
    from reader import themes
    from reader.ui import theme_vars

    variables = [k.variable for k in REGISTRY]
    assert list(themes.VARIABLE_NAMES) == variables
    assert sorted(theme_vars.ALL_KEYS) == sorted(variables)
    assert list(theme_vars.FINDING_KEYS) == [k.variable for k in FINDINGS]
    assert list(theme_vars.ENTITY_KEYS) == [k.variable for k in ENTITIES]
    assert theme_vars.DEFAULTS == kinds.default_colours(True)
    for k in REGISTRY:
        assert theme_vars.TEXT_STYLES[k.variable][1] == k.style
        assert f".{k.variable} " in theme_vars.component_css("Legend")


def test_legend_labels_follow_the_registry():
    from reader.ui.widgets.bars import key_label

    for k in REGISTRY:
        assert key_label(k.variable) == k.label


def test_html_export_styles_every_kind_with_css():
    from reader.export.html import CSS

    for k in REGISTRY:
        if k.html:
            prefix = "ent" if k.group == kinds.ENTITY else "err"
            assert f".{prefix}-{k.name.lower()} {{ {k.html} }}" in CSS


@pytest.mark.parametrize("dark", [True, False])
def test_a_theme_may_omit_a_kind_and_gets_its_default(dark):
    from reader.themes import parse_theme

    omitted = FINDINGS[-1].variable
    data = {
        "name": "partial", "dark": dark,
        "colors": {"primary": "#336699", "foreground": "#dddddd" if dark else "#111111",
                   "background": "#111111" if dark else "#ffffff"},
        "variables": {k.variable: (k.dark if dark else k.light) for k in REGISTRY if k.variable != omitted},
    }
    spec = parse_theme(data)
    assert spec.inherited == (omitted,)
    default = FINDINGS[-1].dark if dark else FINDINGS[-1].light
    assert spec.variables[omitted] == default
