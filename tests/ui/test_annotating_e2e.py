"""Issue 6's end-to-end check: select by keys, annotate with a note and tags, edit,
delete, undo, label an entity, restart and find it all — with corrections in the text
before the annotation, so the view's offsets (corrected) differ from the stored ones."""

from __future__ import annotations

import re

from tests.ui.conftest import current_text, open_article, sync

from reader.model import Analysis, Entity, Finding
from reader.ui.dialogs.annotate import AnnotateDialog
from reader.ui.dialogs.label import LabelDialog
from reader.ui.document import ANNOTATIONS, CURRENT, ENTITIES, SELECTION

TEXT = (
    "Harbour talks\n\n"
    "Teh fishermen of Aldmouth waited on Monday while Brenna spoke. The nets stayed dry.\n\n"
    "A second paragraph about the quay.\n"
)


def analyzer(text: str, context=None) -> Analysis:
    findings = tuple(Finding(m.start(), m.end(), m.group(), "misspelling", "typo", ("The",))
                     for m in re.finditer(r"\bTeh\b", text))
    entities = tuple(Entity(m.start(), m.end(), m.group(), "PLACE") for m in re.finditer(r"\bAldmouth\b", text))
    return Analysis(findings, entities)




@sync
async def test_select_annotate_edit_delete_undo_restart(db_path, fixed_clock) -> None:
    from reader.store import Library
    from reader.ui.app import ReaderApp

    lib = Library.open(db_path)
    aid = lib.add_article(TEXT, title="Harbour talks", source="harbour.txt").info.id
    app = ReaderApp(lib, analyzer=analyzer)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_article(app, pilot, aid)
        await pilot.press("e", "z", "e", "ctrl+u", *"The fine", "enter")  # a longer fix before the note
        doc = screen.view.document
        assert doc.text.startswith("Harbour talks\n\nThe fine fishermen")
        await pilot.press("w", "w", "w")  # word cursor: fine -> fishermen -> of
        assert current_text(screen) == "of"
        await pilot.press("v", "w", "w")  # select "of Aldmouth waited"
        sel = screen.view.document.layer(SELECTION).spans[0]
        assert screen.view.document.text[sel.start:sel.end] == "of Aldmouth waited"
        await pilot.press("a")
        assert isinstance(app.screen, AnnotateDialog)
        await pilot.press(*"Check the port", "tab", *"port, to-check", "ctrl+s")
        assert app.screen is screen
        [note] = lib.annotations(aid)
        assert (note.anchor.quote, note.note, note.tags) == ("of Aldmouth waited", "Check the port", ("port", "to-check"))
        assert TEXT[note.anchor.start:note.anchor.end] == "of Aldmouth waited"  # stored over the original
        shown = screen.view.document.layer(ANNOTATIONS).spans[0]
        assert screen.view.document.text[shown.start:shown.end] == "of Aldmouth waited"
        assert not screen.view.document.layer(SELECTION).spans

        await pilot.press("enter")  # the cursor is on the annotation: edit it
        assert isinstance(app.screen, AnnotateDialog) and app.screen.editing
        await pilot.press("ctrl+k", *"Ask the harbour master", "ctrl+s")  # ctrl+k clears the line
        assert lib.annotations(aid)[0].note == "Ask the harbour master"

        await pilot.press("d")  # delete it
        assert lib.annotations(aid) == []
        assert not screen.view.document.layer(ANNOTATIONS).spans
        await pilot.press("u")  # undo puts it back
        [note] = lib.annotations(aid)
        assert note.note == "Ask the harbour master" and note.tags == ("port", "to-check")
        assert len(screen.view.document.layer(ANNOTATIONS)) == 1

        await pilot.press(")")  # next sentence
        assert current_text(screen) == "The"
        await pilot.press("}")  # next paragraph
        assert current_text(screen) == "A"
        await pilot.press("{")  # back to the start of the paragraph before
        assert screen.view.document.layer(CURRENT).spans[0].start == len("Harbour talks\n\n")
        await pilot.press(*"wwwwwwwww")  # ... word by word to "Brenna"
        assert current_text(screen) == "Brenna"
        await pilot.press("l")
        assert isinstance(app.screen, LabelDialog)
        await pilot.press("p")  # PERSON
        assert any(e.ref.label == "PERSON" and e.ref.text == "Brenna" for e in screen.view.document.layer(ENTITIES).spans)
        await pilot.press("q")
        await pilot.pause()
    lib.close()

    lib = Library.open(db_path)
    app = ReaderApp(lib, analyzer=analyzer)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_article(app, pilot, aid)
        doc = screen.view.document
        quotes = sorted(doc.text[s.start:s.end] for s in doc.layer(ANNOTATIONS).spans)
        assert quotes == ["Brenna", "of Aldmouth waited"]
        assert {(e.ref.text, e.ref.label) for e in doc.layer(ENTITIES).spans} == {("Aldmouth", "PLACE"), ("Brenna", "PERSON")}
        notes = {a.anchor.quote: a for a in lib.annotations(aid)}
        assert notes["of Aldmouth waited"].note == "Ask the harbour master"
    lib.close()
