"""``reader --help`` stays light: building the parser loads no model, store, analysis,
themes or export code (each command imports what it needs when it runs)."""

import subprocess
import sys

from reader.cli.common import FINDING_KINDS
from reader.model import FindingKind

HEAVY = ("reader.model", "reader.store", "reader.themes", "reader.analysis", "reader.export.document",
         "dataclasses", "rich", "tinydb")


def test_finding_kinds_spelled_out_for_the_parser_match_the_model():
    assert FINDING_KINDS == tuple(k.value for k in FindingKind)


def test_building_the_parser_imports_nothing_heavy():
    code = (
        "import sys\n"
        "from reader.cli import build_parser\n"
        "build_parser().format_help()\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_export_names_are_still_importable_from_the_package():
    from reader.export import ExportDoc, ExportOptions, build_doc, safe_stem
    from reader.export.document import ExportDoc as Doc

    assert ExportDoc is Doc and ExportOptions().appendix is False
    assert callable(build_doc) and "/" not in safe_stem("a/b", "id1")
