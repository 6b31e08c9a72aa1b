"""Start the Textual app (imported only when ``reader`` runs without a sub-command)."""

from __future__ import annotations

import argparse

from reader.cli.common import open_library


def run_app(args: argparse.Namespace) -> int:
    lib = open_library(args)
    from reader.ui.app import ReaderApp

    app = ReaderApp(lib, theme_name=getattr(args, "theme", None))
    app.run()
    return app.return_code or 0
