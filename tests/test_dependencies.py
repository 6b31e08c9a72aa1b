"""Every module the ``reader`` package imports is installed by ``pip install .``.

A dependency that only arrives through another package (``lxml_html_clean`` through an
extra of ``lxml`` that an older pip does not resolve) broke HTML and feed import on a stock
venv. So: every top-level import in ``reader/`` must be the standard library, ``reader``
itself, or a distribution named in ``[project] dependencies`` of pyproject.toml (the
developer-only data builder may use the ``dev`` extra instead).
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reader"
#: Modules that are developer tools, never imported by the program: they may use ``dev``.
DEV_TOOLS = {"reader/analysis/names_build.py"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(spec: str) -> str:
    return _norm(re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec).group(1))


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_requirement_name(s) for s in project["dependencies"]}
    dev = {_requirement_name(s) for s in project.get("optional-dependencies", {}).get("dev", [])}
    return runtime, dev


def _top_level_imports(path: Path) -> set[str]:
    """Absolute imports anywhere in the module (deferred imports inside functions count)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _distributions(module: str, installed: dict[str, list[str]]) -> set[str]:
    """The distributions that provide import name ``module`` (its own name when it is not
    installed here, e.g. a dev-only tool's package)."""
    return {_norm(d) for d in installed.get(module, [])} or {_norm(module)}


def test_every_import_is_stdlib_reader_or_a_declared_dependency() -> None:
    runtime, dev = _declared()
    installed = packages_distributions()
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        allowed = runtime | dev if rel in DEV_TOOLS else runtime
        for module in sorted(_top_level_imports(path)):
            if module in stdlib or module == "reader":
                continue
            if not _distributions(module, installed) & allowed:
                missing.append(f"{rel}: import {module} (from {sorted(_distributions(module, installed))})")
    assert not missing, "imports not declared in pyproject.toml dependencies:\n" + "\n".join(missing)


def test_the_checker_sees_a_missing_dependency(tmp_path) -> None:
    """The walk finds deferred imports, and an import name is mapped to its distribution
    (``yaml`` is PyYAML's), so an undeclared one would not slip through."""
    module = tmp_path / "m.py"
    module.write_text("import os\n\ndef f():\n    from lxml_html_clean import Cleaner\n    import yaml.constructor\n")
    assert _top_level_imports(module) == {"os", "lxml_html_clean", "yaml"}
    assert _distributions("lxml_html_clean", {"lxml_html_clean": ["lxml_html_clean"]}) == {"lxml-html-clean"}
    assert _distributions("yaml", {"yaml": ["PyYAML"]}) == {"pyyaml"}


def test_html_cleaning_that_page_extraction_needs_is_installed() -> None:
    """justext imports ``lxml.html.clean``, which lxml 5.2+ moved to ``lxml_html_clean``."""
    from lxml.html.clean import Cleaner

    assert "lxml-html-clean" in _declared()[0]
    assert Cleaner is not None and callable(Cleaner().clean_html)
