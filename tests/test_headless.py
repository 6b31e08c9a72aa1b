"""The core never imports textual (DESIGN.md principle 3)."""

import subprocess
import sys

CORE_MODULES = [
    "reader.cli",
    "reader.model",
    "reader.textio",
    "reader.store",
    "reader.importing",
    "reader.corrections",
    "reader.samples",
    "reader.anchors",
    "reader.annotating",
    "reader.export",
    "reader.editing",
    "reader.review",
    "reader.themes",
    "reader.analysis",
    "reader.importers",
]


def test_core_modules_do_not_import_textual():
    code = (
        "import importlib, sys\n"
        f"for m in {CORE_MODULES!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported textual: {out.stdout}"
