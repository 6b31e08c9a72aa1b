"""One import path: ``import_items``/``store_doc`` for the CLI, the add dialog, feed
refresh and the samples; an update re-anchors the article's annotations wherever it
comes from."""

from __future__ import annotations

import asyncio

from reader.annotating import new_annotation
from reader.importing import collect, import_items

OLD = "Harbour news\n\nThe quay was quiet on Monday.\n\nNets were mended by the old sheds.\n"
NEW = "Harbour news\n\nA short new opening line.\n\nThe quay was quiet on Monday.\n\nNets were mended by the old sheds.\n"


def test_import_items_adds_reports_failures_and_reanchors_on_update(library, tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(OLD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    stages = []
    report = import_items(library, list(collect([str(tmp_path)])), on_item=lambda item, stage: stages.append(stage))
    assert report.count("added") == 1 and len(report.failures) == 1
    assert "empty" in report.failures[0][1]
    assert stages.count("done") == 2
    aid = report.stored[0][0].info.id
    start = OLD.index("quay")
    library.put_annotation(new_annotation(aid, OLD, start, start + 4, note="n"))

    path.write_text(NEW, encoding="utf-8")
    report = import_items(library, [path], update=True)
    assert report.count("updated") == 1
    (note,) = library.annotations(aid)
    assert not note.orphan and NEW[note.anchor.start:note.anchor.end] == "quay"
    assert note.anchor.start == NEW.index("quay")


def test_add_dialog_imports_through_the_same_path(library, tmp_path):
    from reader.ui.app import ReaderApp
    from reader.ui.dialogs.add_files import AddFilesDialog
    from tests.ui.conftest import fake_analyzer, wait_until

    path = tmp_path / "harbour.txt"
    path.write_text(OLD, encoding="utf-8")

    async def run_ok():
        app = ReaderApp(library, analyzer=fake_analyzer)
        results = []
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.push_screen(AddFilesDialog(), results.append)
            await pilot.pause()
            app.screen.start_import(str(path))
            await wait_until(pilot, lambda: bool(results))
        return results

    assert asyncio.run(run_ok()) == [1]
    assert [i.title for i in library.list_articles()] == ["Harbour news"]
